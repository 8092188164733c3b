"""A Document as database rows, and back.

:func:`prepare` is pure and picklable, so ingest runs it in the worker
processes and the single writer only executes inserts. :func:`restore` puts
the searched texts back into the stored JSON and rebuilds the Document.

>>> from verbale.model import Document, Source, Block
>>> doc = Document(Source("a.txt", "text", "ab" * 32, 1, 3), blocks=(Block("b1", "paragraph", "Hi", 1),))
>>> p = prepare(doc)
>>> restore(p.body, [(0, t) for _, _, _, _, t in p.passages]) == doc
True
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, Iterable, Optional

from ..errors import StoreError
from ..model import Document
from ..symbols import parse_symbol, split_joint
from .schema import DOC_SHIFT

BLOCK, FOOTNOTE, TITLE = 0, 1, 2
FIELDS = {BLOCK: "block", FOOTNOTE: "footnote", TITLE: "title"}

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
_DAY_MONTH = re.compile(r"(?P<d1>\d{1,2})(?:\s*(?:-|–|and|to)\s*(?P<d2>\d{1,2}))?\s+"
                        r"(?P<month>[A-Za-z]+)(?:,?\s+(?P<year>\d{4}))?")
_MONTH_YEAR = re.compile(r"(?P<month>[A-Za-z]+)\s+(?P<year>\d{4})")
_YEAR = re.compile(r"(?<!\d)(?P<year>1[89]\d\d|20\d\d)(?!\d)")
_ISO = re.compile(r"(?P<year>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)")


@dataclass
class Prepared:
    """Everything :meth:`Corpus.add` writes for one document."""

    id: str
    path: str
    row: dict[str, Any]
    body: bytes
    passages: list[tuple[int, Optional[str], Optional[str], Optional[int], str]]
    symbols: list[tuple[str, str]] = field(default_factory=list)
    facets: list[tuple[str, str]] = field(default_factory=list)
    refs: list[tuple] = field(default_factory=list)
    edges: list[tuple] = field(default_factory=list)
    claims: list[tuple] = field(default_factory=list)
    source: Optional[bytes] = None


@lru_cache(maxsize=65536)  # a corpus cites the same symbols over and over
def symbol_key(text: str) -> str:
    """The lookup key of a symbol: its editorial form in capitals.

    >>> symbol_key("s/res/2334(2016)")
    'S/RES/2334 (2016)'
    """
    parts = split_joint(text) or [text]
    parsed = parse_symbol(parts[0])
    return (parsed.text if parsed else " ".join(parts[0].split())).upper()


def prepare(doc: Document, source_bytes: Optional[bytes] = None, *, synthetic: bool = False,
            version: str = "") -> Prepared:
    """Turn ``doc`` into the rows of every table (see :mod:`verbale.store.schema`)."""
    data = doc.to_dict()
    passages = [(BLOCK, b.id, b.kind, b.page, b.text) for b in doc.blocks]
    passages += [(FOOTNOTE, f.id, "footnote", f.page, f.text) for f in doc.footnotes]
    if doc.title and not any(b.text == doc.title for b in doc.blocks):
        passages.append((TITLE, None, "title", 1, doc.title))
    if len(passages) >= 1 << DOC_SHIFT:
        raise StoreError(f"{doc.source.path} has {len(passages)} blocks and footnotes, "
                         f"more than a corpus holds per document ({1 << DOC_SHIFT})")
    # The texts are stored once, in passages; the JSON keeps their places.
    for item in data["blocks"]:
        item["text"] = None
        item.pop("notes", None)
    for item in data["footnotes"]:
        item["text"] = None
    body = zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":"))
                         .encode("utf-8"), 6)
    symbols = _symbols(doc)
    row = dict(
        id=doc.source.sha256, path=doc.source.path, format=doc.source.format,
        pages=doc.source.pages, bytes=doc.source.bytes,
        symbol=doc.symbols[0] if doc.symbols else None, title=doc.title, date=doc.date,
        year=_year(doc), doc_type=doc.doc_type, language=doc.language,
        original_language=doc.original_language, sender=doc.sender,
        n_blocks=len(doc.blocks), n_footnotes=len(doc.footnotes), n_claims=len(doc.claims),
        text_bytes=sum(len(p[4].encode("utf-8")) for p in passages),
        synthetic=int(synthetic), verbale_version=version,
        stored_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )
    own = {key for _, key in symbols}
    return Prepared(
        id=doc.source.sha256, path=doc.source.path, row=row, body=body, passages=passages,
        symbols=symbols, facets=_facets(doc), refs=_refs(doc), edges=_edges(doc, own),
        claims=_claims(doc),
        source=zlib.compress(source_bytes, 6) if source_bytes is not None else None,
    )


def restore(body: bytes, texts: Iterable[tuple[int, str]]) -> Document:
    """Rebuild a Document from its stored JSON and its passages ``(field, text)``
    in stored order (blocks first, then footnotes)."""
    data = json.loads(zlib.decompress(body))
    blocks = [t for f, t in texts if f != TITLE]
    n = len(data["blocks"])
    for item, text in zip(data["blocks"], blocks[:n]):
        item["text"] = text
    for item, text in zip(data["footnotes"], blocks[n:]):
        item["text"] = text
    return Document.from_dict(data)


def _year(doc: Document) -> Optional[int]:
    if doc.date and doc.date[:4].isdigit():
        return int(doc.date[:4])
    for text in doc.symbols:
        parsed = parse_symbol(text)
        if parsed and parsed.year:
            return parsed.year
    return None


def _symbols(doc: Document) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for text in doc.symbols:
        seen.setdefault(symbol_key(text), text)
    return [(text, key) for key, text in seen.items()]


def _facets(doc: Document) -> list[tuple[str, str]]:
    out = {("organ", o.lower()) for o in doc.organs}
    for text in doc.symbols:
        parsed = parse_symbol(text)
        if parsed is None:
            continue
        try:
            out.add(("organ", parsed.organ.lower()))
        except KeyError:
            pass
        if parsed.session:
            out.add(("session", parsed.session.lower()))
    out.update(("session", s.lower()) for s in doc.sessions)
    for item in doc.agenda_items:
        out.add(("agenda", item.lower()))
        out.update(("agenda", word.lower()) for word in item.split()[:1])  # "98 (w)" -> "98"
    return sorted(out)


def _refs(doc: Document) -> list[tuple]:
    return [(r.id, r.type, r.text, json.dumps(list(r.symbols), ensure_ascii=False), r.url,
             r.footnote, r.block, json.dumps(r.fields, ensure_ascii=False, sort_keys=True))
            for r in doc.references]


def _edges(doc: Document, own: set[str]) -> list[tuple]:
    edges, seen = [], set()
    for r in doc.references:
        for text in r.symbols:
            key = symbol_key(text)
            if key not in own and (key, r.id) not in seen:
                seen.add((key, r.id))
                edges.append((text, key, r.id, r.footnote, r.block, r.type))
    cited = {key for key, _ in seen}
    for text in doc.cited_symbols:  # a cited symbol no reference carries
        key = symbol_key(text)
        if key not in own and key not in cited:
            cited.add(key)
            edges.append((text, key, None, None, None, None))
    return edges


def _claims(doc: Document) -> list[tuple]:
    fallback = int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None
    rows = []
    for c in doc.claims:
        start, end = date_range(c.date, fallback)
        rows.append((c.id, c.measure, c.place, c.date, start, end, c.value, c.low, c.best,
                     c.high, c.hedge, c.claimant.name, c.claimant.kind, c.reference,
                     int(c.quoted), c.victims, c.block, c.text))
    return rows


def date_range(text: Optional[str], year: Optional[int] = None
               ) -> tuple[Optional[str], Optional[str]]:
    """The ISO days a claim's date covers; ``year`` fills a date written without one.

    >>> date_range("25-26 February 1992")
    ('1992-02-25', '1992-02-26')
    >>> date_range("5 November", 2024), date_range("in 2023"), date_range("the reporting period")
    (('2024-11-05', '2024-11-05'), ('2023-01-01', '2023-12-31'), (None, None))
    """
    if not text:
        return None, None
    if m := _ISO.search(text):
        day = f"{m['year']}-{m['m']}-{m['d']}"
        return day, day
    m = _DAY_MONTH.search(text)
    if m and m["month"].lower() in _MONTHS and (m["year"] or year):
        y, month = int(m["year"] or year), _MONTHS[m["month"].lower()]
        return (f"{y:04d}-{month:02d}-{int(m['d1']):02d}",
                f"{y:04d}-{month:02d}-{int(m['d2'] or m['d1']):02d}")
    m = _MONTH_YEAR.search(text)
    if m and m["month"].lower() in _MONTHS:
        month = _MONTHS[m["month"].lower()]
        return f"{m['year']}-{month:02d}-01", f"{m['year']}-{month:02d}-31"
    if m := _YEAR.search(text):
        return f"{m['year']}-01-01", f"{m['year']}-12-31"
    return None, None
