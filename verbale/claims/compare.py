"""The same event told by several documents: figures side by side, never averaged.

:func:`compare_claims` groups the claims of several documents by event (place
and date) and, per measure, lists every figure with its claimant, source
document and reference, plus the spread (lowest to highest). It computes no
mean and picks no "true" figure: the comparison is a table of attributions.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Claim, Document
from .attribution import extract_quotations
from .extract import extract_claims

_DATE = re.compile(
    r"^(?P<pre>(?:since|as at|as of|until|till|before|after|by|between)\s+)?"
    r"(?P<days>\d{1,2}(?:(?:-| and )\d{1,2})?)\s+(?P<month>[A-Z][a-z]+)(?:\s+(?P<year>\d{4}))?$"
)


@dataclass(frozen=True)
class Figure:
    """One figure for an event, as one claimant states it in one document."""

    value: int | None
    low: int | None
    best: int | None
    high: int | None
    hedge: str | None
    claimant: str
    claimant_kind: str
    document: str
    reference: str | None
    quoted: bool
    claim: str
    text: str


@dataclass(frozen=True)
class MeasureComparison:
    """Every figure for one measure of an event, and their spread (min, max)."""

    measure: str
    figures: tuple[Figure, ...]
    spread: tuple[int, int]


@dataclass(frozen=True)
class EventComparison:
    """An event (place and date) with the figures each document gives for it."""

    place: str
    date: str | None
    documents: tuple[str, ...]
    measures: tuple[MeasureComparison, ...]


def document_label(doc: Document) -> str:
    """How a document is named in comparisons: its first symbol, else its file name."""
    return doc.symbols[0] if doc.symbols else os.path.basename(doc.source.path)


def compare_claims(docs: Iterable[Document], *, min_documents: int = 1) -> list[EventComparison]:
    """Group the claims of ``docs`` by event; per measure, every figure and the spread.

    Claims without a place are left out (there is no event to put them in).
    A date without a year joins the same day and month with a year at the same
    place ("25–26 February" and "25-26 February 1992"). Events named by fewer
    than ``min_documents`` documents are left out. Each document's claims are
    ``doc.claims``, or extracted here when it is empty.

    >>> [e.place for e in compare_claims([])]
    []
    """
    groups: dict[tuple[str, str], list[tuple[Document, Claim]]] = defaultdict(list)
    names: dict[tuple[str, str], tuple[str, str | None]] = {}
    pending = [(doc, c) for doc in docs for c in _claims_of(doc) if c.place]
    years = _years_by_place_day(c for _, c in pending)
    for doc, c in pending:
        date = _complete(c.place, c.date, years)
        k = (c.place.lower(), (date or "").lower())
        groups[k].append((doc, c))
        names.setdefault(k, (c.place, date))
    out = []
    for k, items in groups.items():
        documents = tuple(dict.fromkeys(document_label(d) for d, _ in items))
        if len(documents) < min_documents:
            continue
        place, date = names[k]
        out.append(EventComparison(place, date, documents, _measures(items)))
    out.sort(key=lambda e: (-len(e.documents), e.place, e.date or ""))
    return out


def _claims_of(doc: Document) -> tuple[Claim, ...]:
    """The document's claims; extracted here when the pipeline has not added them."""
    return doc.claims or extract_claims(doc)


def _years_by_place_day(claims: Iterable[Claim]) -> dict[tuple[str, str, str, str], str]:
    out: dict[tuple[str, str, str, str], str] = {}
    for c in claims:
        m = _DATE.match(c.date or "")
        if m and m.group("year"):
            out.setdefault(
                (c.place.lower(), m.group("pre") or "", m.group("days"), m.group("month")),
                m.group("year"),
            )
    return out


def _complete(place: str, date: str | None, years: dict) -> str | None:
    m = _DATE.match(date or "")
    if not m or m.group("year"):
        return date
    year = years.get((place.lower(), m.group("pre") or "", m.group("days"), m.group("month")))
    return f"{date} {year}" if year else date


def _measures(items: list[tuple[Document, Claim]]) -> tuple[MeasureComparison, ...]:
    by_measure: dict[str, list[Figure]] = defaultdict(list)
    for doc, c in items:
        by_measure[c.measure].append(
            Figure(
                c.value,
                c.low,
                c.best,
                c.high,
                c.hedge,
                c.claimant.name,
                c.claimant.kind,
                document_label(doc),
                c.reference,
                c.quoted,
                c.id,
                c.text,
            )
        )
    out = []
    for measure, figures in by_measure.items():
        lows = [_first(f.low, f.value, f.best, f.high) for f in figures]
        highs = [_first(f.high, f.value, f.best, f.low) for f in figures]
        out.append(MeasureComparison(measure, tuple(figures), (min(lows), max(highs))))
    return tuple(out)


def _first(*numbers: int | None) -> int:
    return next(n for n in numbers if n is not None)


# -- flat rows for tables and CSV ---------------------------------------------


def claims_to_rows(doc: Document) -> list[dict[str, Any]]:
    """One flat dict per claim of ``doc`` (for CSV or a table), in reading order.

    ``via`` names the quotation a source's words come through when it differs
    from the claimant ("the Azerbaijanis", via "Jill Smolowe of Time
    magazine"); ``reference_text`` is the cited reference or footnote.
    """
    quotes = doc.quotations or extract_quotations(doc)
    notes = {f.id: f.text for f in doc.footnotes}
    refs = {r.id: r.text for r in doc.references}
    rows = []
    for c in _claims_of(doc):
        via = None
        for q in quotes:
            if q.block == c.block and q.span[0] <= c.span[0] and c.span[1] <= q.span[1] + 1:
                via = q.source if q.source != c.claimant.name else via
        rows.append(
            {
                "document": document_label(doc),
                "id": c.id,
                "measure": c.measure,
                "value": c.value,
                "low": c.low,
                "best": c.best,
                "high": c.high,
                "hedge": c.hedge,
                "breakdown": "; ".join(f"{n} {label}" for label, n in c.breakdown),
                "victims": c.victims,
                "claimant": c.claimant.name,
                "claimant_kind": c.claimant.kind,
                "via": via,
                "quoted": c.quoted,
                "reference": c.reference,
                "reference_text": refs.get(c.reference) or notes.get(c.reference or ""),
                "place": c.place,
                "date": c.date,
                "block": c.block,
                "start": c.span[0],
                "end": c.span[1],
                "text": c.text,
            }
        )
    return rows


def comparison_to_rows(events: Iterable[EventComparison]) -> list[dict[str, Any]]:
    """One flat dict per figure of each event and measure, with the measure's spread."""
    rows = []
    for e in events:
        for m in e.measures:
            for f in m.figures:
                rows.append(
                    {
                        "place": e.place,
                        "date": e.date,
                        "measure": m.measure,
                        "spread_min": m.spread[0],
                        "spread_max": m.spread[1],
                        "value": f.value,
                        "low": f.low,
                        "best": f.best,
                        "high": f.high,
                        "hedge": f.hedge,
                        "claimant": f.claimant,
                        "claimant_kind": f.claimant_kind,
                        "document": f.document,
                        "reference": f.reference,
                        "quoted": f.quoted,
                        "claim": f.claim,
                        "text": f.text,
                    }
                )
    return rows
