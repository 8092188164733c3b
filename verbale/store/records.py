"""What corpus queries return: small frozen records with a ``to_dict``.

They name documents by :class:`DocInfo` (content-hash id, first symbol,
title, date, path) rather than carrying whole documents; ``Corpus.get`` gives
the full document.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Mapping, Optional


class _Record:
    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values (what ``--format json`` prints)."""
        return dataclasses.asdict(self)  # type: ignore[call-overload]


@dataclass(frozen=True)
class DocInfo(_Record):
    """A stored document, by name: ``id`` is the sha256 of its source."""

    id: str
    symbol: Optional[str]
    title: Optional[str]
    date: Optional[str]
    path: str

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> "DocInfo":
        """The DocInfo of a row holding (at least) its five fields by name."""
        return cls(row["id"], row["symbol"], row["title"], row["date"], row["path"])

    @property
    def label(self) -> str:
        """The symbol, else the file name: how listings name the document."""
        return self.symbol or self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Hit(_Record):
    """One passage matching a search, best first.

    ``field`` is ``block``, ``footnote`` or ``title``; ``ref`` the block or
    footnote id; ``snippet`` the text around the match with the matched
    words between the two ``mark`` strings; ``score`` the BM25 rank (lower is
    better, as SQLite gives it).
    """

    document: DocInfo
    field: str
    ref: Optional[str]
    kind: Optional[str]
    page: Optional[int]
    snippet: str
    score: float


@dataclass(frozen=True)
class Citation(_Record):
    """One edge of the citation graph: ``source`` cites the symbol ``target``.

    ``document`` is the cited document when the corpus holds it, else None
    (then ``missing`` is true and ``url`` is where to fetch it). ``footnote``
    and ``block`` say where the citation stands; ``reference`` is the id of
    the reference in the citing document and ``text`` its text.
    """

    source: DocInfo
    target: str
    document: Optional[DocInfo]
    url: Optional[str]
    reference: Optional[str]
    type: Optional[str]
    footnote: Optional[str]
    block: Optional[str]
    text: Optional[str]

    @property
    def missing(self) -> bool:
        return self.document is None

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "missing": self.missing}


@dataclass(frozen=True)
class EventClaim(_Record):
    """A claim about an event, with who makes it and in which document."""

    document: DocInfo
    claim: str
    measure: str
    value: Optional[int]
    low: Optional[int]
    best: Optional[int]
    high: Optional[int]
    hedge: Optional[str]
    claimant: str
    claimant_kind: str
    place: Optional[str]
    date: Optional[str]
    quoted: bool
    reference: Optional[str]
    reference_text: Optional[str]
    victims: Optional[str]
    block: Optional[str]
    text: str


@dataclass(frozen=True)
class MeasureClaims(_Record):
    """Every claim for one measure (killed, wounded…), and their spread (min, max)."""

    measure: str
    claims: tuple[EventClaim, ...]
    spread: Optional[tuple[int, int]]


@dataclass(frozen=True)
class Failure(_Record):
    """A file ingest could not store, with its error."""

    path: str
    error: str
    message: str
    exit_code: Optional[int]
    at: str
