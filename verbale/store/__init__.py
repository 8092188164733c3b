"""The corpus: every parsed document in one SQLite file, searchable and linked.

One file, no server (stdlib ``sqlite3``, FTS5, WAL). One process writes at a
time, each document in its own transaction; any number of processes may read
while it does. Documents are named by the sha256 of their source (the
content-hash id) and found by any of their symbols, that id (or a prefix of
8+ characters), or their file name.

    >>> from verbale import process
    >>> from verbale.store import Corpus
    >>> with Corpus.open("verbale.db") as corpus:                  # doctest: +SKIP
    ...     corpus.add(process("A_79_722.en.pdf"))
    ...     corpus.search('"confidence-building" measures', organ="GA")[0].snippet
    ...     [c.target for c in corpus.cites("A/79/722")]
    'added'
    '… [confidence]-[building] [measures] in Central Asia …'
    ['A/RES/79/45', ...]

Where the corpus lives: :func:`default_path` (``$VERBALE_DB``, else
``./verbale.db``). Sources are kept by path and content hash; their bytes are
stored (compressed) only when asked (``keep_sources``), because PDFs weigh
about ten times their text. See :mod:`verbale.store.ingest` for bulk loading.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator, Optional

from .. import __version__
from ..errors import NotFound, StoreError
from ..model import Document
from ..symbols import parse_symbol
from . import browse as _browse
from . import export as _export
from . import graph as _graph
from . import migrations
from .filters import Filters
from .records import Citation, DocInfo, EventClaim, Failure, Hit, MeasureClaims
from .rows import Prepared, prepare, restore, symbol_key
from .schema import DOC_SHIFT
from .search import doc_info
from .search import search as _search

__all__ = ["Corpus", "Hit", "DocInfo", "Citation", "EventClaim", "MeasureClaims", "Failure",
           "Filters", "Graph", "default_path"]

ENV_DB = "VERBALE_DB"
_OWN_TABLES = ("documents", "bodies", "passages", "symbols", "facets", "refs", "edges", "claims",
               "sources", "failures", "meta", "_migrations")


def _absolute(key: str) -> str:
    """``key`` as an absolute file path, or unchanged where it cannot be one
    ("~0" names no home directory; a URL is no file)."""
    if "://" in key:
        return key
    try:
        return str(Path(key).expanduser().resolve())
    except (RuntimeError, OSError, ValueError):
        return key


def default_path() -> Path:
    """Where the corpus lives unless told: ``$VERBALE_DB``, else ``./verbale.db``."""
    return Path(os.environ.get(ENV_DB) or "verbale.db")


@dataclass(frozen=True)
class Graph:
    """The whole citation graph in memory (see :mod:`verbale.store.graph`)."""

    nodes: tuple[_graph.Node, ...]
    edges: tuple[_graph.Edge, ...]


class Corpus:
    """A corpus database. Open it with :meth:`open`; one connection, one thread."""

    def __init__(self, conn: sqlite3.Connection, path: str):
        self.conn = conn
        self.path = path

    # -- opening ------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, create: bool = True) -> "Corpus":
        """Open (and with ``create``, make) the corpus at ``path``; migrate it if needed.

        >>> Corpus.open(":memory:").schema_version() == migrations.latest()
        True
        """
        path = str(default_path() if path is None else path)
        if not create and path != ":memory:" and not Path(path).exists():
            raise StoreError(f"no corpus at {path}: run `verbale ingest` first, "
                             f"or name one with --db or ${ENV_DB}")
        conn = None
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=60)
            _configure(conn, path)
            migrations.apply(conn)
        except (sqlite3.DatabaseError, StoreError) as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"{path} cannot be opened as a verbale corpus ({exc})") from None
        return cls(conn, path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __len__(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def schema_version(self) -> int:
        """The schema version the database records (``PRAGMA user_version``)."""
        return migrations.current(self.conn)

    @contextmanager
    def transaction(self):
        """One write transaction: everything inside is stored, or nothing is."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- writing ------------------------------------------------------------

    def add(self, doc: Document, source_bytes: Optional[bytes] = None, *,
            replace: bool = False, synthetic: bool = False) -> str:
        """Store ``doc``; returns what happened: added, replaced, unchanged or duplicate.

        A document whose source hash is stored already is left alone
        (``unchanged`` at the same path, ``duplicate`` at another) unless
        ``replace``. A document from a path stored before with other content
        replaces that earlier version. ``source_bytes`` are kept, compressed,
        for ``--reparse``.
        """
        return self.store(prepare(doc, source_bytes, synthetic=synthetic, version=__version__),
                          replace=replace)

    def store(self, p: Prepared, *, replace: bool = False) -> str:
        """Write rows made by :func:`verbale.store.rows.prepare` (one transaction)."""
        with self.transaction() as conn:
            known = self.known(p.id, p.path)
            if known and not replace:
                return known
            olds = conn.execute("SELECT rowid, id FROM documents WHERE id = ? OR path = ?",
                                (p.id, p.path)).fetchall()
            for rowid, id_ in olds:
                conn.execute("DELETE FROM passages WHERE rowid >= ? AND rowid < ?",
                             _passage_range(rowid))
                conn.execute("DELETE FROM documents WHERE rowid = ?", (rowid,))
                if id_ != p.id or p.source is not None:
                    conn.execute("DELETE FROM sources WHERE id = ?", (id_,))
            self._insert(conn, p)
            conn.execute("DELETE FROM failures WHERE path = ?", (p.path,))
        return "replaced" if olds else "added"

    def _insert(self, conn: sqlite3.Connection, p: Prepared) -> None:
        cols = list(p.row)
        doc = conn.execute(
            f"INSERT INTO documents ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            list(p.row.values())).lastrowid
        conn.execute("INSERT INTO bodies (doc, body) VALUES (?, ?)", (doc, p.body))
        first = doc << DOC_SHIFT
        conn.executemany("INSERT INTO passages (rowid, field, ref, kind, page, text) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         [(first + i, *x) for i, x in enumerate(p.passages)])
        conn.executemany("INSERT INTO symbols (doc, symbol, key) VALUES (?, ?, ?)",
                         [(doc, *x) for x in p.symbols])
        conn.executemany("INSERT INTO facets (doc, name, value) VALUES (?, ?, ?)",
                         [(doc, *x) for x in p.facets])
        conn.executemany("INSERT INTO refs (doc, ref, type, text, symbols, url, footnote, "
                         "block, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         [(doc, *x) for x in p.refs])
        conn.executemany("INSERT INTO edges (doc, target, key, ref, footnote, block, type) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", [(doc, *x) for x in p.edges])
        conn.executemany(f"INSERT INTO claims VALUES ({', '.join('?' * 19)})",
                         [(doc, *x) for x in p.claims])
        if p.source is not None:
            conn.execute("INSERT OR REPLACE INTO sources (id, data) VALUES (?, ?)",
                         (p.id, p.source))

    def known(self, sha256: str, path: str) -> Optional[str]:
        """``unchanged`` / ``duplicate`` when that content is stored, else None."""
        row = self.conn.execute("SELECT path FROM documents WHERE id = ?", (sha256,)).fetchone()
        if row is None:
            return None
        return "unchanged" if row[0] == path else "duplicate"

    def record_failure(self, path: str, error: str, message: str,
                       exit_code: Optional[int] = None, sha256: Optional[str] = None) -> None:
        """Note that ``path`` could not be stored: the error's class name and message.

        >>> corpus.record_failure("scan.pdf", "NoTextLayer", "run OCR first", 8)  # doctest: +SKIP
        """
        message = message.splitlines()[0] if message.strip() else error
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?, ?, "
                         "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                         (path, sha256, error, message, exit_code))

    def failures(self) -> list[Failure]:
        """Files that could not be stored, with their error."""
        return [Failure(*row) for row in self.conn.execute(
            "SELECT path, error, message, exit_code, at FROM failures ORDER BY path")]

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def meta(self) -> dict[str, str]:
        """Facts recorded about the database (e.g. ``synthetic``)."""
        return dict(self.conn.execute("SELECT key, value FROM meta"))

    # -- reading ------------------------------------------------------------

    def get(self, key: str) -> Document:
        """The stored document with that symbol, id (prefix) or file name.

        Raises NotFound when there is none.
        """
        return self._load(self._resolve(key))

    def info(self, key: str) -> DocInfo:
        """Name, title and date of the stored document ``key`` names."""
        return doc_info(self.conn, self._resolve(key))

    def documents(self) -> Iterator[Document]:
        """Every stored document, one at a time, in the order stored."""
        last = 0
        while True:
            row = self.conn.execute("SELECT min(rowid) FROM documents WHERE rowid > ?",
                                    (last,)).fetchone()
            if row[0] is None:
                return
            last = row[0]
            yield self._load(last)

    def _load(self, rowid: int) -> Document:
        body = self.conn.execute("SELECT body FROM bodies WHERE doc = ?", (rowid,)).fetchone()[0]
        texts = self.conn.execute("SELECT field, text FROM passages WHERE rowid >= ? AND "
                                  "rowid < ? ORDER BY rowid", _passage_range(rowid)).fetchall()
        return restore(body, texts)

    def source(self, key: str) -> Optional[bytes]:
        """The stored source bytes, when ingest kept them (else None)."""
        row = self.conn.execute(
            "SELECT s.data FROM sources s JOIN documents d ON d.id = s.id WHERE d.rowid = ?",
            (self._resolve(key),)).fetchone()
        return zlib.decompress(row[0]) if row else None

    def _resolve(self, key: str) -> int:
        key = key.strip()
        row = self.conn.execute("SELECT min(doc) FROM symbols WHERE key = ?",
                                (symbol_key(key),)).fetchone()
        if row[0] is not None:
            return row[0]
        lowered = key.lower()
        if len(lowered) >= 8 and all(c in "0123456789abcdef" for c in lowered):
            row = self.conn.execute("SELECT min(rowid) FROM documents WHERE id >= ? AND id < ?",
                                    (lowered, lowered + "g")).fetchone()
            if row[0] is not None:
                return row[0]
        absolute = _absolute(key)
        row = self.conn.execute(
            "SELECT min(rowid) FROM documents WHERE path IN (?, ?) OR path LIKE ? ESCAPE '\\'",
            (key, absolute, "%/" + key.replace("\\", "\\\\").replace("%", "\\%")
             .replace("_", "\\_"))).fetchone()
        if row[0] is not None:
            return row[0]
        raise NotFound(f"no stored document has the symbol, id or file name {key!r}")

    # -- searching and linking ----------------------------------------------

    def search(self, query: str, *, limit: int = 20, offset: int = 0,
               mark: tuple[str, str] = ("[", "]"), exhaustive: bool = False,
               **filters) -> list[Hit]:
        """Passages matching ``query`` (FTS5 syntax), best first; see :class:`Filters`.

        BM25 ranks every match of a query found in at most 5,000 passages; a
        broader one is ranked among its 500 most recently stored matches
        (see :mod:`verbale.store.search`). ``exhaustive`` ranks every match.

        >>> corpus.search('"chemical weapons"', organ="SC", date_from="2025")  # doctest: +SKIP
        """
        return _search(self.conn, query, Filters(**filters), limit=limit, offset=offset,
                       mark=mark, exhaustive=exhaustive)

    def cites(self, key: str) -> list[Citation]:
        """What the document ``key`` cites, each resolved in the corpus or marked missing."""
        return _graph.cites(self.conn, self._resolve(key))

    def cited_by(self, key: str) -> list[Citation]:
        """Every stored document citing ``key``: a stored document, or any valid
        symbol (the corpus need not hold it; its citations then show ``missing``)."""
        try:
            rowid = self._resolve(key)
        except NotFound:
            if parse_symbol(key) is None:
                raise
            return _graph.cited_by(self.conn, [symbol_key(key)], None)
        keys = [k for (k,) in self.conn.execute("SELECT key FROM symbols WHERE doc = ?",
                                                (rowid,))]
        return _graph.cited_by(self.conn, keys, rowid)

    def graph_nodes(self) -> Iterator[_graph.Node]:
        return _graph.nodes(self.conn)

    def graph_edges(self) -> Iterator[_graph.Edge]:
        return _graph.edges(self.conn)

    def graph(self) -> Graph:
        """Nodes (documents and missing symbols) and edges, each with its footnote."""
        return Graph(tuple(self.graph_nodes()), tuple(self.graph_edges()))

    def write_graph(self, fp: IO[str], format: str = "graphml") -> None:
        """Stream the graph as ``graphml`` or ``json`` (node-link) into ``fp``."""
        writers = {"graphml": _graph.write_graphml, "json": _graph.write_json}
        if format not in writers:
            raise ValueError(f"graph format must be one of {sorted(writers)}, not {format!r}")
        writers[format](self.graph_nodes(), self.graph_edges(), fp)

    def claims_for_event(self, place: str, date_from: Optional[str] = None,
                         date_to: Optional[str] = None) -> list[MeasureClaims]:
        """Claims about an event at ``place`` from every stored document, by measure."""
        return _export.claims_for_event(self.conn, place, date_from, date_to)

    def export(self, what: str, fp: IO[str]) -> int:
        """Write ``documents`` (JSON Lines), ``references`` or ``claims`` (CSV); returns rows."""
        if what == "documents":
            n = 0
            for n, doc in enumerate(self.documents(), 1):
                fp.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            return n
        writers = {"references": _export.write_references_csv,
                   "claims": _export.write_claims_csv}
        if what not in writers:
            raise ValueError(f"export what must be documents, references or claims, not {what!r}")
        return writers[what](self.conn, fp)

    # -- browsing (verbale.store.browse) --------------------------------------

    def counts(self) -> dict[str, int]:
        """Documents, pages and synthetic documents stored (cheaper than :meth:`stats`)."""
        return _browse.corpus_counts(self.conn)

    def list_documents(self, filters: Filters, *, limit: int = 20, offset: int = 0) -> list[dict]:
        """Stored documents within ``filters``, newest first."""
        return _browse.list_documents(self.conn, filters, limit=limit, offset=offset)

    def facet_counts(self, query: Optional[str], filters: Filters) -> dict:
        """Documents per facet value (organ, year, agenda item…) for a search."""
        return _browse.facet_counts(self.conn, query, filters)

    def event_places(self, *, limit: int = 200) -> list[dict]:
        """The places stored claims are about, with their counts."""
        return _browse.event_places(self.conn, limit=limit)

    def missing_documents(self, *, limit: int = 50, offset: int = 0) -> list[dict]:
        """Symbols cited by stored documents but not stored themselves."""
        return _browse.missing_documents(self.conn, limit=limit, offset=offset)

    def has_source(self, sha256: str) -> bool:
        """Whether the original file of a stored document was kept."""
        return _browse.has_source(self.conn, sha256)

    def stats(self) -> dict[str, int | str | None]:
        """Counts and sizes: documents, passages, pages, text bytes, database bytes."""
        docs, pages, text, synthetic = self.conn.execute(
            "SELECT count(*), sum(pages), sum(text_bytes), sum(synthetic) FROM documents"
        ).fetchone()
        page_size = self.conn.execute("PRAGMA page_size").fetchone()[0]
        page_count = self.conn.execute("PRAGMA page_count").fetchone()[0]
        return {"documents": docs, "pages": pages or 0, "text_bytes": text or 0,
                "synthetic": synthetic or 0,
                "passages": self.conn.execute("SELECT count(*) FROM passages").fetchone()[0],
                "failures": self.conn.execute("SELECT count(*) FROM failures").fetchone()[0],
                "database_bytes": page_size * page_count, "schema_version": self.schema_version()}


def _passage_range(doc: int) -> tuple[int, int]:
    """The rowids of a document's passages: [start, end)."""
    return doc << DOC_SHIFT, (doc + 1) << DOC_SHIFT


def _configure(conn: sqlite3.Connection, path: str) -> None:
    conn.execute("PRAGMA busy_timeout = 60000")
    if path != ":memory:":
        # WAL: readers go on while one process writes; NORMAL sync keeps every
        # committed document across a crash of the process (not of the OS).
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -32000")
    conn.execute("PRAGMA temp_store = MEMORY")  # search ranks broad queries and reads each page of hits in temp tables
    if migrations.current(conn) == 0:
        other = conn.execute(
            f"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN "
            f"({', '.join('?' * len(_OWN_TABLES))}) AND name NOT LIKE 'passages_fts%' "
            f"AND name NOT LIKE 'sqlite_%' LIMIT 1", _OWN_TABLES).fetchone()
        if other:
            raise StoreError(f"{path} is an SQLite database but not a verbale corpus "
                             f"(it has a table {other[0]!r})")
