"""Versioned schema migrations, applied when a corpus is opened.

Each migration is a function registered with :func:`migration` under a
version number. Opening a database applies, in order, every registered
migration it has not recorded yet, each in its own transaction, and records
it in the ``_migrations`` table (version, name, time). ``PRAGMA user_version``
mirrors the highest version so that other tools can read it cheaply.

To change the schema, append a function; never edit one already released::

    @migration(2, "claims: add a country column")
    def _add_country(conn):
        conn.execute("ALTER TABLE claims ADD COLUMN country TEXT")
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from typing import Callable

from ..errors import StoreError
from . import schema

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: dict[int, tuple[str, Migration]] = {}


def migration(version: int, name: str) -> Callable[[Migration], Migration]:
    """Register ``fn`` as the migration to schema ``version``."""

    def register(fn: Migration) -> Migration:
        if version in MIGRATIONS:
            raise ValueError(f"migration {version} is registered twice")
        MIGRATIONS[version] = (name, fn)
        return fn

    return register


def latest() -> int:
    """The schema version this verbale writes."""
    return max(MIGRATIONS)


def current(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database (0 for a new file)."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def apply(conn: sqlite3.Connection) -> list[int]:
    """Bring the database up to :func:`latest`; returns the versions applied.

    Safe when two processes open a new file at once: the check is repeated
    inside a write transaction, so only one of them migrates.
    """
    if current(conn) == latest():
        return []
    applied = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        _ensure_table(conn)
        have = current(conn)
        if have > latest():
            raise StoreError(f"the database has schema version {have}, newer than this "
                             f"verbale knows ({latest()}): upgrade verbale")
        for version in sorted(v for v in MIGRATIONS if v > have):
            name, fn = MIGRATIONS[version]
            fn(conn)
            conn.execute("INSERT INTO _migrations (version, name, applied_at) VALUES (?, ?, ?)",
                         (version, name, datetime.now(timezone.utc).isoformat(timespec="seconds")))
            conn.execute(f"PRAGMA user_version = {int(version)}")
            applied.append(version)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return applied


def _ensure_table(conn: sqlite3.Connection) -> None:
    conn.execute("""CREATE TABLE IF NOT EXISTS _migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)""")


@migration(1, "initial schema: documents, passages + FTS5, symbols, facets, refs, edges, claims")
def _initial(conn: sqlite3.Connection) -> None:
    for statement in schema.TABLES:
        conn.execute(statement)
