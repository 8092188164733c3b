"""Full-text search over blocks, footnotes and titles (SQLite FTS5, BM25).

The query is FTS5 syntax: words (all must match), ``"a phrase"``, ``prefix*``,
``OR``, ``NOT``, ``NEAR(a b, 5)``, parentheses. Words holding punctuation,
such as symbols, go in double quotes: ``"A/79/722"``. Filters narrow the
documents first; see :class:`Filters`.

Ranking. FTS5's ``bm25()`` first counts, for every phrase of the query, the
passages of the whole corpus holding it (its IDF), then scores each match: a
phrase in most documents ("United Nations") costs tens of milliseconds at
100,000 documents before a single row is scored. So:

* a query matching at most NARROW passages in the corpus is ranked exactly,
  by FTS5's BM25 over all its matches (within the filters);
* a broader query is ranked by BM25 among its WINDOW most recently stored
  matches within the filters, with the statistics of those passages. With a
  rare filter, the matches are read newest first until the page can be
  filled, so there may be fewer than WINDOW candidates. Matches are read one
  document at a time when one filter alone leaves at most FEW_DOCUMENTS, and
  only within the rowid range of the passing documents otherwise;
* ``exhaustive=True`` always ranks every match with corpus statistics.

Snippets are cut for the hits of the page alone, from a temporary FTS5 table
holding just their passages (a snippet depends on its passage only).

    >>> suggest("A/79/722")
    '"A/79/722"'
"""

from __future__ import annotations

import re
import sqlite3

from ..errors import BadQuery, StoreError
from .filters import Filters
from .records import DocInfo, Hit
from .rows import FIELDS
from .schema import DOC_SHIFT, TOKENIZE

_BAREWORD = re.compile(r"^[\w*^]+$")
_OPERATORS = {"AND", "OR", "NOT"}
SNIPPET_TOKENS = 16
# Exact BM25 up to this many matching passages in the corpus (see the docstring).
NARROW = 5_000
# A broader query is ranked among this many of its most recently stored matches.
WINDOW = 500
# Filters leaving at most this many documents: find a broad query's matches one
# document (rowid range) at a time rather than scanning all of its matches.
FEW_DOCUMENTS = 100
# Temporary FTS5 tables of one connection: the candidates of a broad query,
# and the hits of the page being read.
_CANDIDATES = "verbale_candidates"
_PAGE = "verbale_page"


def search(conn: sqlite3.Connection, query: str, filters: Filters, *, limit: int = 20,
           offset: int = 0, mark: tuple[str, str] = ("[", "]"),
           exhaustive: bool = False) -> list[Hit]:
    """Rank the passages matching ``query`` within ``filters`` (see the module docstring)."""
    if not query or not query.strip():
        raise BadQuery("empty search query: give words, a \"phrase\" or a prefix*")
    try:
        rows = _ranked(conn, query, filters, limit + offset, exhaustive)
        return _hits(conn, query, rows[offset:], mark)
    except sqlite3.OperationalError as exc:
        raise _translate(exc, query) from None


def _ranked(conn: sqlite3.Connection, query: str, filters: Filters, top: int,
            exhaustive: bool) -> list[tuple[int, float]]:
    """The best ``top`` matches: (rowid, score), best first."""
    # A passage's document is its rowid >> DOC_SHIFT: the filter test is a
    # primary-key lookup per match, whatever the number of documents passing.
    test, args = (filters.check(f"passages_fts.rowid >> {DOC_SHIFT}") if filters
                  else ("1", []))
    exact = f"""SELECT rowid, bm25(passages_fts) AS score FROM passages_fts
                WHERE passages_fts MATCH ? AND {test} ORDER BY score, rowid DESC LIMIT ?"""
    if exhaustive:
        return conn.execute(exact, (query, *args, top)).fetchall()
    # Counting in rowid order costs half of reading newest first: count up to
    # NARROW + 1; few enough matches are ranked exactly.
    count = conn.execute("SELECT count(*) FROM (SELECT 1 FROM passages_fts "
                         "WHERE passages_fts MATCH ? LIMIT ?)", (query, NARROW + 1)).fetchone()[0]
    if count <= NARROW:
        return conn.execute(exact, (query, *args, top)).fetchall()
    if not filters:
        newest = [r for (r,) in conn.execute(
            "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rowid DESC "
            "LIMIT ?", (query, WINDOW))]
        return _rank_within(conn, query, newest, top)
    docs = None if "*" in query else filters.few(conn, FEW_DOCUMENTS)
    if docs is not None:  # (a prefix query would be merged again for each document)
        rowids = _matches_in(conn, query, docs, WINDOW)
    else:
        low, high = filters.bounds(conn)
        rowids = _recent_in(conn, query, filters.check(f"r >> {DOC_SHIFT}"), top,
                            low << DOC_SHIFT, (high + 1) << DOC_SHIFT)
    return _rank_within(conn, query, rowids, top)


def _recent_in(conn: sqlite3.Connection, query: str, test: tuple[str, list], top: int,
               low: int, high: int) -> list[int]:
    """The newest WINDOW matches with rowids in [low, high) passing ``test`` (a
    condition on column ``r``).

    The matches are read newest first in growing chunks, so that a common
    filter stops after a few thousand and a rare one does not read all of a
    common phrase's matches: it stops once it holds ``top`` of them.
    """
    condition, args = test
    found: list[int] = []
    chunk = WINDOW * 2
    while low < high:
        n, oldest, kept = conn.execute(
            f"""SELECT count(*), min(r), group_concat(CASE WHEN {condition} THEN r END)
                FROM (SELECT rowid AS r FROM passages_fts WHERE passages_fts MATCH ?
                      AND rowid >= ? AND rowid < ? ORDER BY rowid DESC LIMIT ?)""",
            (*args, query, low, high, chunk)).fetchone()
        found += [int(x) for x in kept.split(",")] if kept else []
        if len(found) >= WINDOW or n < chunk or len(found) >= top:
            break
        high, chunk = oldest, chunk * 4
    return sorted(found, reverse=True)[:WINDOW]


def _matches_in(conn: sqlite3.Connection, query: str, docs: list[int], n: int) -> list[int]:
    """Up to ``n`` matching passages of ``docs`` (newest first), one rowid range each."""
    out: list[int] = []
    for doc in docs:
        out += [r for (r,) in conn.execute(
            "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? AND rowid >= ? "
            "AND rowid < ? ORDER BY rowid DESC", (query, doc << DOC_SHIFT, (doc + 1) << DOC_SHIFT))]
        if len(out) >= n:
            break
    return out[:n]


def _rank_within(conn: sqlite3.Connection, query: str, rowids: list[int], top: int
                 ) -> list[tuple[int, float]]:
    # BM25 over the candidates alone: copy them into a small in-memory FTS5
    # table, so the statistics are counted over them, not over the corpus.
    _copy(conn, _CANDIDATES, rowids)
    return conn.execute(
        f"SELECT rowid, bm25({_CANDIDATES}) AS score FROM temp.{_CANDIDATES} "
        f"WHERE {_CANDIDATES} MATCH ? ORDER BY score, rowid DESC LIMIT ?", (query, top)).fetchall()


def _copy(conn: sqlite3.Connection, table: str, rowids: list[int]) -> None:
    """Put the passages ``rowids`` (alone) in the temporary FTS5 ``table``."""
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table} USING fts5("
                 f"text, tokenize='{TOKENIZE}')")
    conn.execute(f"DELETE FROM temp.{table}")
    for i in range(0, len(rowids), 500):
        chunk = rowids[i:i + 500]
        conn.execute(f"INSERT INTO temp.{table} (rowid, text) SELECT rowid, text "
                     f"FROM passages WHERE rowid IN ({','.join('?' * len(chunk))})", chunk)


def _hits(conn: sqlite3.Connection, query: str, rows, mark: tuple[str, str]) -> list[Hit]:
    """The page ``rows`` as Hits: passage, document and snippet read in one query,
    the same four statements whatever the number of hits.

    Snippets are made only for the hits shown, not for every match ranked, in
    a temporary FTS5 table holding the page's passages alone: a snippet depends
    on its passage only, and one pass over that small table costs a fraction of
    one lookup per hit in the corpus index.
    """
    if not rows:
        return []
    _copy(conn, _PAGE, [rowid for rowid, _ in rows])
    found = {row[0]: row[1:] for row in conn.execute(
        f"""SELECT h.rowid, p.field, p.ref, p.kind, p.page,
                   snippet({_PAGE}, 0, ?, ?, '…', ?), d.id, d.symbol, d.title, d.date, d.path
            FROM temp.{_PAGE} h CROSS JOIN passages p CROSS JOIN documents d
            WHERE {_PAGE} MATCH ? AND p.rowid = h.rowid AND d.rowid = h.rowid >> {DOC_SHIFT}""",
        (mark[0], mark[1], SNIPPET_TOKENS, query))}
    hits, docs = [], {}
    for rowid, score in rows:
        if rowid not in found:  # its document was replaced between ranking and reading
            continue
        field, ref, kind, page, snippet, *info = found[rowid]
        doc = rowid >> DOC_SHIFT
        if doc not in docs:
            docs[doc] = DocInfo(*info)
        hits.append(Hit(docs[doc], FIELDS[field], ref, kind, page, snippet, score))
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

