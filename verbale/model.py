"""The one document model that every stage of verbale enriches.

Records are frozen dataclasses. A stage never mutates a record: it returns new
ones, and the pipeline attaches them with :func:`dataclasses.replace`.

Conventions:

* Pages are numbered from 1.
* Boxes are PDF points with the origin at the top-left of the page
  (``x0, top, x1, bottom``). Documents read from plain text have no boxes.
* Ids are stable within a document and follow reading order: blocks ``b1``,
  footnotes ``fn1``, references ``r1``, claims ``c1``, quotations ``q1``,
  sections ``s1``.
* Spans are ``(start, end)`` character offsets into the text of the record they
  name (a block or a footnote).

``to_dict`` / ``from_dict`` give the public JSON shape (see
``verbale/schema/document.schema.json``) and read it back losslessly.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Optional

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class Box:
    """A rectangle on a page, in PDF points, origin top-left."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Source:
    """Where a document was read from."""

    path: str
    format: str  # "pdf" | "text"
    sha256: str
    pages: int
    bytes: int


@dataclass(frozen=True)
class Marker:
    """A footnote indicator in a block, removed from the block's text.

    ``offset`` is the position in the block text right after which the
    indicator stood (it follows the punctuation in English).
    """

    marker: str
    offset: int
    page: int
    footnote: Optional[str] = None
    box: Optional[Box] = None


@dataclass(frozen=True)
class Block:
    """A unit of body text in reading order: paragraph, quotation, heading…"""

    id: str
    kind: str
    text: str
    page: int
    pages: tuple[int, ...] = ()
    section: Optional[str] = None
    number: Optional[str] = None
    markers: tuple[Marker, ...] = ()
    boxes: tuple[tuple[int, Box], ...] = ()

    @property
    def notes(self) -> tuple[str, ...]:
        """Ids of the footnotes cited in this block, in order."""
        return tuple(m.footnote for m in self.markers if m.footnote)


@dataclass(frozen=True)
class Link:
    """A link target found in the document (PDF annotation or text export)."""

    url: str
    page: int
    footnote: Optional[str] = None
    block: Optional[str] = None
    box: Optional[Box] = None


@dataclass(frozen=True)
class Footnote:
    """A note at the foot of a page, linked to the block holding its marker."""

    id: str
    marker: str
    text: str
    page: int
    block: Optional[str] = None
    links: tuple[str, ...] = ()
    box: Optional[Box] = None


@dataclass(frozen=True)
class Signature:
    """A ``(Signed)`` block: the signatory's name and the title lines below it."""

    name: str
    title: str
    block: Optional[str] = None
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Circulation:
    """The request that the communication be circulated as a document."""

    organs: tuple[str, ...]
    agenda_items: tuple[str, ...]
    block: Optional[str] = None
    text: str = ""


@dataclass(frozen=True)
class Section:
    """A part of the document with its own heading: the main text, an annex…"""

    id: str
    kind: str  # "main" | "annex" | "enclosure" | "appendix" | "attachment"
    heading: str
    label: str = ""  # "Annex I", "Enclosure"
    original_language: Optional[str] = None
    first_block: Optional[str] = None
    page: int = 1


@dataclass(frozen=True)
class Warning:
    """A defect in the document that did not stop parsing."""

    code: str
    message: str
    page: Optional[int] = None


@dataclass(frozen=True)
class Reference:
    """A citation typed and parsed (filled by :mod:`verbale.references`)."""

    id: str
    type: str
    text: str
    fields: dict[str, Any] = field(default_factory=dict)
    symbols: tuple[str, ...] = ()
    url: Optional[str] = None
    footnote: Optional[str] = None
    block: Optional[str] = None
    span: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Claimant:
    """Who makes a claim: the document's author or a source it quotes."""

    name: str
    kind: str  # "author" | "source"
    reference: Optional[str] = None


@dataclass(frozen=True)
class Claim:
    """An attributed quantitative statement about people (see verbale.claims)."""

    id: str
    measure: str
    text: str
    claimant: Claimant
    block: str
    span: tuple[int, int]
    value: Optional[int] = None
    low: Optional[int] = None
    best: Optional[int] = None
    high: Optional[int] = None
    hedge: Optional[str] = None
    breakdown: tuple[tuple[str, int], ...] = ()
    reference: Optional[str] = None
    quoted: bool = False
    place: Optional[str] = None
    date: Optional[str] = None
    victims: Optional[str] = None


@dataclass(frozen=True)
class Quotation:
    """A quoted passage with the speaker or source it is attributed to."""

    id: str
    block: str
    span: tuple[int, int]
    kind: str  # "block" | "inline"
    source: Optional[str] = None
    reference: Optional[str] = None


@dataclass(frozen=True)
class Document:
    """A parsed UN document: masthead metadata, body and every layer on it."""

    source: Source
    symbols: tuple[str, ...] = ()
    date: Optional[str] = None
    distribution: Optional[str] = None
    original_language: Optional[str] = None
    language: Optional[str] = None
    organs: tuple[str, ...] = ()
    sessions: tuple[str, ...] = ()
    agenda_items: tuple[str, ...] = ()
    agenda_titles: tuple[str, ...] = ()
    doc_type: Optional[str] = None
    title: Optional[str] = None
    addressees: tuple[str, ...] = ()
    sender: Optional[str] = None
    job_number: Optional[str] = None
    blocks: tuple[Block, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    signatures: tuple[Signature, ...] = ()
    circulation: Optional[Circulation] = None
    sections: tuple[Section, ...] = ()
    links: tuple[Link, ...] = ()
    references: tuple[Reference, ...] = ()
    cited_symbols: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    quotations: tuple[Quotation, ...] = ()
    warnings: tuple[Warning, ...] = ()
    schema_version: str = SCHEMA_VERSION

    def block(self, block_id: str) -> Block:
        """The block with this id (KeyError when there is none)."""
        for b in self.blocks:
            if b.id == block_id:
                return b
        raise KeyError(block_id)

    def footnote(self, footnote_id: str) -> Footnote:
        """The footnote with this id (KeyError when there is none)."""
        for f in self.footnotes:
            if f.id == footnote_id:
                return f
        raise KeyError(footnote_id)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON shape of the document."""
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        """Read back what :meth:`to_dict` wrote."""
        return from_dict(cls, data)


# -- serialisation ---------------------------------------------------------

# Read-only properties that belong in the JSON (derived, never read back).
_DERIVED = {Block: ("notes",)}


def to_dict(record: Any) -> Any:
    """Turn a record (or a tuple of records) into plain JSON values."""
    if dataclasses.is_dataclass(record):
        out = {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
        for name in _DERIVED.get(type(record), ()):
            out[name] = to_dict(getattr(record, name))
        return out
    if isinstance(record, (tuple, list)):
        return [to_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record


def from_dict(cls: type, data: Any) -> Any:
    """Build a record of type ``cls`` from what :func:`to_dict` produced."""
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


@functools.lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    # Resolving string annotations is slow; records are read by the thousand.
    return typing.get_type_hints(cls)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], value)
    if dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value))
    return value
