"""Claims across the corpus, and the CSV exports of references and claims.

Rows stream from the database straight to the file, so exports of a large
corpus stay small in memory. The JSON Lines export of whole documents is
:meth:`verbale.store.Corpus.export` (it needs the documents rebuilt).
"""

from __future__ import annotations

import csv
import json
import sqlite3
from itertools import groupby
from typing import IO, Optional

from .filters import check_date
from .records import DocInfo, EventClaim, MeasureClaims

REFERENCE_COLUMNS = ["document", "document_symbol", "path", "reference", "type", "text",
                     "symbols", "url", "footnote", "block", "fields"]
CLAIM_COLUMNS = ["document", "document_symbol", "path", "claim", "measure", "value", "low",
                 "best", "high", "hedge", "claimant", "claimant_kind", "place", "date",
                 "date_start", "date_end", "quoted", "reference", "reference_text", "victims",
                 "block", "text"]

_CLAIMS = """SELECT d.id, d.symbol, d.title, d.date, d.path, c.claim, c.measure, c.value, c.low,
                    c.best, c.high, c.hedge, c.claimant, c.claimant_kind, c.place, c.date,
                    c.quoted, c.ref, r.text, c.victims, c.block, c.text, c.date_start, c.date_end
             FROM claims c JOIN documents d ON d.rowid = c.doc
             LEFT JOIN refs r ON r.doc = c.doc AND r.ref = c.ref"""


def claims_for_event(conn: sqlite3.Connection, place: str, date_from: Optional[str] = None,
                     date_to: Optional[str] = None) -> list[MeasureClaims]:
    """Every stored claim whose place contains ``place``, grouped by measure.

    The dates are ISO, whole or partial ("1992", "1992-02"). A claim is kept
    when the days its own date covers overlap the range; a claim without a
    date of its own is placed at its document's date. Figures are listed side
    by side with their claimant and source, never averaged.
    """
    check_date("date_from", date_from)
    check_date("date_to", date_to)
    where, args = ["c.place LIKE ?"], [f"%{place.strip()}%"]
    if date_from:
        where.append("COALESCE(c.date_end, d.date) >= ?")
        args.append(date_from)
    if date_to:
        where.append("substr(COALESCE(c.date_start, d.date), 1, ?) <= ?")
        args.extend([len(date_to), date_to])
    rows = conn.execute(f"{_CLAIMS} WHERE {' AND '.join(where)} "
                        "ORDER BY c.measure, COALESCE(c.date_start, d.date), d.symbol, c.rowid",
                        args)
    groups = []
    for measure, items in groupby(rows, key=lambda row: row[6]):
        claims = tuple(_event_claim(row) for row in items)
        values = [v for c in claims for v in (c.value, c.low, c.best, c.high) if v is not None]
        groups.append(MeasureClaims(measure, claims, (min(values), max(values)) if values
                                    else None))
    return groups


def _event_claim(row) -> EventClaim:
    doc = DocInfo(*row[0:5])
    return EventClaim(doc, row[5], row[6], *row[7:12], claimant=row[12], claimant_kind=row[13],
                      place=row[14], date=row[15], quoted=bool(row[16]), reference=row[17],
                      reference_text=row[18], victims=row[19], block=row[20], text=row[21])


def write_references_csv(conn: sqlite3.Connection, fp: IO[str]) -> int:
    """One row per reference of every stored document; returns the row count."""
    writer = csv.writer(fp)
    writer.writerow(REFERENCE_COLUMNS)
    n = 0
    for row in conn.execute(
            """SELECT d.id, d.symbol, d.path, r.ref, r.type, r.text, r.symbols, r.url,
                      r.footnote, r.block, r.fields
               FROM refs r JOIN documents d ON d.rowid = r.doc ORDER BY r.doc, r.rowid"""):
        row = list(row)
        row[6] = "; ".join(json.loads(row[6] or "[]"))
        writer.writerow(row)
        n += 1
    return n


def write_claims_csv(conn: sqlite3.Connection, fp: IO[str]) -> int:
    """One row per claim of every stored document; returns the row count."""
    writer = csv.writer(fp)
    writer.writerow(CLAIM_COLUMNS)
    n = 0
    for row in conn.execute(f"{_CLAIMS} ORDER BY c.doc, c.rowid"):
        (id_, symbol, _title, _date, path, claim, measure, value, low, best, high, hedge,
         claimant, kind, place, date, quoted, ref, ref_text, victims, block, text,
         start, end) = row
        writer.writerow([id_, symbol, path, claim, measure, value, low, best, high, hedge,
                         claimant, kind, place, date, start, end, int(bool(quoted)), ref,
                         ref_text, victims, block, text])
        n += 1
    return n
