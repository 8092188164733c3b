"""Full-text search over blocks, footnotes and titles (SQLite FTS5, BM25).

The query is FTS5 syntax: words (all must match), ``"a phrase"``, ``prefix*``,
``OR``, ``NOT``, ``NEAR(a b, 5)``, parentheses. Words holding punctuation,
such as symbols, go in double quotes: ``"A/79/722"``. Filters narrow the
documents first; see :class:`Filters`.

    >>> Filters(organ="SC", year=2025).organ
    'security council'
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, fields
from typing import Optional

from ..errors import BadQuery, StoreError
from .records import DocInfo, Hit
from .rows import FIELDS, symbol_key

# Short names people type for the principal organs.
ORGAN_ALIASES = {
    "ga": "general assembly", "sc": "security council", "ecosoc": "economic and social council",
    "hrc": "human rights council", "icj": "international court of justice",
    "secretariat": "secretariat", "tc": "trusteeship council",
}
_DATE = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")
_BAREWORD = re.compile(r"^[\w*^]+$")
_OPERATORS = {"AND", "OR", "NOT"}
SNIPPET_TOKENS = 16


@dataclass(frozen=True)
class Filters:
    """Which documents a search looks in; every given filter must hold.

    organ: a principal organ or body ("General Assembly", or GA, SC, HRC,
        ECOSOC), from the masthead or the symbol series.
    symbol: a symbol prefix ("A/79/", "S/2025/"); any of the document's symbols.
    session: GA session from the symbol ("79", "ES-10") or as printed
        ("seventy-ninth session").
    year: the document's year (its date, else the year in its symbol).
    date_from, date_to: ISO dates, whole or partial ("2025", "2025-03").
    agenda_item: "98 (w)" or just "98".
    doc_type: letter, identical letters, report, resolution, note…
    sender: words of the sender, e.g. a State ("Kazakhstan").
    language: the document's language code ("en", "fr").
    """

    organ: Optional[str] = None
    symbol: Optional[str] = None
    session: Optional[str] = None
    year: Optional[int] = None
    date_from: Optional[str] = None
    date_to: Optional[str] = None
    agenda_item: Optional[str] = None
    doc_type: Optional[str] = None
    sender: Optional[str] = None
    language: Optional[str] = None

    def __post_init__(self) -> None:
        if self.organ:
            name = self.organ.strip().lower()
            object.__setattr__(self, "organ", ORGAN_ALIASES.get(name, name))
        for name in ("date_from", "date_to"):
            check_date(name, getattr(self, name))
        if self.year is not None:
            try:
                object.__setattr__(self, "year", int(self.year))
            except ValueError:
                raise BadQuery(f"year {self.year!r} is not a number") from None

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) not in (None, "") for f in fields(self))

    def sql(self) -> tuple[str, list]:
        """A WHERE clause over ``documents d`` and its parameters."""
        where, args = [], []

        def facet(name: str, value: str) -> None:
            where.append("EXISTS (SELECT 1 FROM facets x WHERE x.name = ? AND x.value = ? "
                         "AND x.doc = d.rowid)")
            args.extend([name, value.strip().lower()])

        if self.organ:
            facet("organ", self.organ)
        if self.session:
            facet("session", self.session)
        if self.agenda_item:
            facet("agenda", self.agenda_item)
        if self.symbol:
            prefix = symbol_prefix(self.symbol)
            where.append("EXISTS (SELECT 1 FROM symbols s WHERE s.key >= ? AND s.key < ? "
                         "AND s.doc = d.rowid)")
            args.extend([prefix, prefix + "\U0010ffff"])
        if self.year is not None:
            where.append("d.year = ?")
            args.append(self.year)
        if self.date_from:
            where.append("d.date >= ?")
            args.append(self.date_from)
        if self.date_to:
            # "2025-03" as an upper bound takes in the whole month.
            where.append("substr(d.date, 1, ?) <= ?")
            args.extend([len(self.date_to), self.date_to])
        for column, value in (("doc_type", self.doc_type), ("language", self.language)):
            if value:
                where.append(f"d.{column} = ? COLLATE NOCASE")
                args.append(value.strip())
        if self.sender:
            where.append("d.sender LIKE ?")
            args.append(f"%{self.sender.strip()}%")
        return " AND ".join(where) or "1", args


def check_date(name: str, value: Optional[str]) -> None:
    """Raise BadQuery unless ``value`` is None or a whole or partial ISO date."""
    if value and not _DATE.match(value):
        raise BadQuery(f"{name.replace('_', ' ')} {value!r} is not a date: "
                       f"write YYYY, YYYY-MM or YYYY-MM-DD")


def symbol_prefix(text: str) -> str:
    """Upper-case prefix for the symbols index ("a/79" -> "A/79")."""
    return "".join(text.split()).upper()


def search(conn: sqlite3.Connection, query: str, filters: Filters, *, limit: int = 20,
           offset: int = 0, mark: tuple[str, str] = ("[", "]")) -> list[Hit]:
    """Rank the passages matching ``query`` by BM25 within ``filters``."""
    if not query or not query.strip():
        raise BadQuery("empty search query: give words, a \"phrase\" or a prefix*")
    try:
        rows = _ranked(conn, query, filters, limit, offset)
        return _hits(conn, query, rows, mark)
    except sqlite3.OperationalError as exc:
        raise _translate(exc, query) from None


def _ranked(conn: sqlite3.Connection, query: str, filters: Filters, limit: int, offset: int):
    if not filters:
        # The FTS table alone: FTS5 sorts by rank itself, the fastest path.
        return conn.execute(
            "SELECT rowid, rank FROM passages_fts WHERE passages_fts MATCH ? "
            "ORDER BY rank LIMIT ? OFFSET ?", (query, limit, offset)).fetchall()
    where, args = filters.sql()
    return conn.execute(
        f"""SELECT f.rowid, bm25(passages_fts) AS score
            FROM passages_fts f JOIN passages p ON p.rowid = f.rowid
            WHERE passages_fts MATCH ?
              AND p.doc IN (SELECT d.rowid FROM documents d WHERE {where})
            ORDER BY score LIMIT ? OFFSET ?""", (query, *args, limit, offset)).fetchall()


def _hits(conn, query: str, rows, mark: tuple[str, str]) -> list[Hit]:
    hits, docs = [], {}
    for rowid, score in rows:
        p = conn.execute("SELECT doc, field, ref, kind, page FROM passages WHERE rowid = ?",
                         (rowid,)).fetchone()
        # Snippets only for the hits shown, not for every match ranked.
        snippet = conn.execute(
            "SELECT snippet(passages_fts, 0, ?, ?, '…', ?) FROM passages_fts "
            "WHERE passages_fts MATCH ? AND rowid = ?",
            (mark[0], mark[1], SNIPPET_TOKENS, query, rowid)).fetchone()[0]
        if p[0] not in docs:
            docs[p[0]] = doc_info(conn, p[0])
        hits.append(Hit(docs[p[0]], FIELDS[p[1]], p[2], p[3], p[4], snippet, score))
    return hits


def doc_info(conn: sqlite3.Connection, rowid: int) -> DocInfo:
    """The :class:`DocInfo` of the document stored at ``rowid``."""
    row = conn.execute("SELECT id, symbol, title, date, path FROM documents WHERE rowid = ?",
                       (rowid,)).fetchone()
    return DocInfo(*row)


def _translate(exc: sqlite3.OperationalError, query: str) -> Exception:
    message = str(exc)
    if "locked" in message or "busy" in message:
        return StoreError(f"the corpus is busy: {message}")
    hint = 'Write phrases in double quotes ("security council"), prefixes with a star ' \
           '(disarm*), operators in capitals (AND, OR, NOT), and quote words with ' \
           'punctuation ("A/79/722").'
    fixed = suggest(query)
    if fixed != query:
        hint += f" Did you mean: {fixed}"
    return BadQuery(f"cannot read the search query {query!r} ({message}). {hint}")


def suggest(query: str) -> str:
    """The query with every word holding punctuation put in double quotes.

    >>> suggest('A/79/722 disarm*')
    '"A/79/722" disarm*'
    """
    if query.count('"') % 2:
        query = query.replace('"', "")
    out = []
    for word in re.findall(r'"[^"]*"|\S+', query):
        if word.startswith('"') or word in _OPERATORS or _BAREWORD.match(word):
            out.append(word)
        else:
            out.append('"' + word.replace('"', "") + '"')
    return " ".join(out)

