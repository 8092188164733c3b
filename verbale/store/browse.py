"""Browsing queries: document lists with filters, facet counts for a search,
the places that have claims, and the cited symbols the corpus lacks.

Read-only; :class:`verbale.store.Corpus` exposes each as a method (the web
reader's listings and facets).

>>> from verbale.store import Corpus, Filters
>>> with Corpus.open(":memory:") as corpus:
...     corpus.list_documents(Filters(), limit=5)
[]
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any, Optional

from ..errors import BadQuery
from .filters import Filters
from .graph import undocs_url
from .schema import DOC_SHIFT

# Facets shown beside search results, in order: parameter name -> label.
FACETS = {"organ": "Organ", "year": "Year", "agenda_item": "Agenda item", "sender": "Author",
          "doc_type": "Document type"}
FACET_VALUES = 12          # values shown per facet
# Facets count the documents of at most this many matching passages, the most
# recently stored (as Corpus.search ranks them), so a common word stays fast.
FACET_WINDOW = 20_000

_COLUMNS = "d.id, d.symbol, d.title, d.date, d.path, d.doc_type, d.sender, d.pages, " \
           "d.n_claims, d.language"
_NAMES = ("id", "symbol", "title", "date", "path", "doc_type", "sender", "pages", "claims",
          "language")


def corpus_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Documents, pages and synthetic documents stored (cheaper than ``Corpus.stats``)."""
    docs, pages, synthetic = conn.execute(
        "SELECT count(*), sum(pages), sum(synthetic) FROM documents").fetchone()
    return {"documents": docs, "pages": pages or 0, "synthetic": synthetic or 0}


def list_documents(conn: sqlite3.Connection, filters: Filters, *, limit: int = 20,
                   offset: int = 0) -> list[dict[str, Any]]:
    """Stored documents within ``filters``, newest date first (undated last)."""
    where, args = filters.sql()
    rows = conn.execute(f"SELECT {_COLUMNS} FROM documents d WHERE {where} "
                        "ORDER BY d.date IS NULL, d.date DESC, d.rowid DESC LIMIT ? OFFSET ?",
                        (*args, limit, offset)).fetchall()
    return [dict(zip(_NAMES, row)) for row in rows]


def facet_counts(conn: sqlite3.Connection, query: Optional[str], filters: Filters
                 ) -> dict[str, Any]:
    """Documents per facet value among those matching ``query`` within ``filters``.

    Returns ``{"documents": n, "capped": bool, "facets": {name: [(value, n), …]}}``;
    ``capped`` says the counts cover only the FACET_WINDOW most recent matches.
    """
    where, args = filters.sql()
    if query:
        matches = ("SELECT DISTINCT rowid >> ? AS doc FROM (SELECT rowid FROM passages_fts "
                   "WHERE passages_fts MATCH ? ORDER BY rowid DESC LIMIT ?)")
        margs: list[Any] = [DOC_SHIFT, query, FACET_WINDOW]
        scope = f"SELECT d.rowid AS doc, d.year, d.doc_type, d.sender FROM documents d " \
                f"JOIN ({matches}) m ON d.rowid = m.doc WHERE {where}"
    else:
        margs = []
        scope = f"SELECT d.rowid AS doc, d.year, d.doc_type, d.sender FROM documents d " \
                f"WHERE {where}"
    sql = f"""WITH ds AS MATERIALIZED ({scope})
        SELECT 'documents', NULL, count(*) FROM ds
        UNION ALL SELECT 'year', year, count(*) FROM ds WHERE year IS NOT NULL GROUP BY year
        UNION ALL SELECT 'doc_type', doc_type, count(*) FROM ds
                  WHERE doc_type IS NOT NULL GROUP BY doc_type
        UNION ALL SELECT 'sender', sender, count(*) FROM ds
                  WHERE sender IS NOT NULL GROUP BY sender
        UNION ALL SELECT CASE f.name WHEN 'agenda' THEN 'agenda_item' ELSE f.name END,
                         f.value, count(*) FROM facets f JOIN ds ON f.doc = ds.doc
                  WHERE f.name IN ('organ', 'agenda') GROUP BY f.name, f.value"""
    try:
        rows = conn.execute(sql, (*margs, *args)).fetchall()
        capped = bool(query) and conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? "
            "LIMIT ?)", (query, FACET_WINDOW + 1)).fetchone()[0] > FACET_WINDOW
    except sqlite3.OperationalError as exc:
        raise BadQuery(f"cannot read the search query {query!r} ({exc})") from None
    facets: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    total = 0
    for name, value, count in rows:
        if name == "documents":
            total = count
        else:
            facets[name].append((str(value), count))
    for name, values in facets.items():
        values.sort(key=lambda item: (-item[1], _natural(item[0])))
        del values[FACET_VALUES:]
    return {"documents": total, "capped": capped, "facets": facets}


def _natural(text: str) -> list:
    """Sort key reading digit runs as numbers: "32" before "132"."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def event_places(conn: sqlite3.Connection, *, limit: int = 200) -> list[dict[str, Any]]:
    """Places named by claims, with how many claims and documents name each."""
    rows = conn.execute(
        "SELECT min(place), count(*), count(DISTINCT doc) FROM claims WHERE place IS NOT NULL "
        "AND place != '' GROUP BY place COLLATE NOCASE ORDER BY 3 DESC, 2 DESC, 1 LIMIT ?",
        (limit,)).fetchall()
    return [{"place": p, "claims": n, "documents": d} for p, n, d in rows]


def missing_documents(conn: sqlite3.Connection, *, limit: int = 50, offset: int = 0
                      ) -> list[dict[str, Any]]:
    """Symbols cited in the corpus that it does not hold, most cited first."""
    rows = conn.execute(
        "SELECT min(e.target), count(DISTINCT e.doc), count(*) FROM edges e "
        "WHERE NOT EXISTS (SELECT 1 FROM symbols s WHERE s.key = e.key) "
        "GROUP BY e.key ORDER BY 2 DESC, 3 DESC, e.key LIMIT ? OFFSET ?",
        (limit, offset)).fetchall()
    return [{"symbol": s, "documents": d, "citations": n, "url": undocs_url(s)}
            for s, d, n in rows]


def has_source(conn: sqlite3.Connection, sha256: str) -> bool:
    """Whether the store kept the source bytes of the document ``sha256``."""
    return conn.execute("SELECT 1 FROM sources WHERE id = ?", (sha256,)).fetchone() is not None
