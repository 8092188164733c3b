"""One footnote (or one inline citation) in, typed references out."""

from __future__ import annotations

import re
from typing import Any

from ..model import Reference
from . import patterns as P
from .interpret import Anchors, Draft, Segment, interpret, scan
from .segment import split_segments, trim

_STRAY_NUMBER = re.compile(
    r"(?<!\bp)(?<!\bpp)(?<!\bpara)(?<!\bparas)(?<!\bNo)(?<!\bNos)(?<!\bvol)(?<!\bart)(?<!\bchap)"
    r"\.\s+\d{1,3}\s*$"
)
# Locator keys that only help build others and stay in the raw "pinpoint".
_SCRATCH = ("part", "act", "other")


def parse_citation(text: str, *, lang: str = "en") -> list[Reference]:
    """Split one footnote (or an inline citation) into typed references.

    Ids are ``r1``, ``r2``… within the note; spans are offsets into ``text``.
    Short forms ("Ibid.", "see note 3") come back with types ``ibid``,
    ``cross_reference`` and ``short_form``: :func:`resolve_references` turns
    them into what they stand for.

    >>> [(r.type, r.symbols, r.fields.get("annex"))
    ...  for r in parse_citation("See A/75/497-S/2020/982 and A/75/625-S/2020/1161, annex.")]
    [('un_document', ('A/75/497', 'S/2020/982'), None), ('un_document', ('A/75/625', 'S/2020/1161'), 'annex')]
    >>> r = parse_citation("The Independent, 29 February 1992.")[0]
    >>> r.type, r.fields["outlet"], r.fields["issued"]
    ('press', 'The Independent', '1992-02-29')
    """
    drafts = note_drafts(text, scan(text, lang))
    return [to_reference(d, text, f"r{i}") for i, d in enumerate(drafts, 1)]


def note_drafts(text: str, anchors: Anchors) -> list[Draft]:
    """Drafts for every segment of a note, in order."""
    drafts: list[Draft] = []
    lead = P.lead_in()
    # A page number that PDF extraction glued to the end of a note ("… annex I. 3").
    stray = _STRAY_NUMBER.search(text)
    # "…/outcomes-world.Note: All websites…": a sentence glued to an address starts a part.
    glued = tuple(
        b + 1
        for _, b, _ in anchors.urls
        if text[b : b + 1] == "." and text[b + 1 : b + 2].isupper()
    )
    for a, b in split_segments(text[: stray.start() + 1] if stray else text, glued):
        m = lead.match(text, a)
        body = m.end() if m and m.end() < b else a
        seg = Segment(
            text,
            a,
            b,
            body,
            [x for x in anchors.un if a <= x.start < b],
            [u for u in anchors.urls if a <= u[0] < b],
        )
        found = interpret(seg)
        drafts += _continued_locator(drafts, found, text[a:b]) or found
    return drafts


# "A/HRC/28/4, paras. 145.1–145.23; 145.55": numbers alone after a semicolon go on
# with the locator of the citation before, not a new source.
_BARE_NUMBERS = re.compile(rf"\d+(?:\.\d+)*[a-z]?(?:\s*[{P.DASH}]\s*\d+(?:\.\d+)*[a-z]?)?")
_LOCATOR_KINDS = ("paragraph", "pages", "at_page")


def _continued_locator(before: list[Draft], found: list[Draft], piece: str) -> list[Draft] | None:
    if not before or [d.type for d in found] != ["note"] or not _BARE_NUMBERS.fullmatch(piece):
        return None
    kind = next((k for k in _LOCATOR_KINDS if k in before[-1].fields), None)
    if kind is None:
        return None
    d = found[0]
    return [Draft("ibid", d.start, d.end, {"ibid": True, kind: piece, "pinpoint": piece})]


def to_reference(
    d: Draft, text: str, rid: str, *, footnote: str | None = None, block: str | None = None
) -> Reference:
    """The frozen record for a draft, with its locator fields in final form."""
    start, end = trim(text, d.start, d.end) if d.type != "note" else (d.start, d.end)
    start, end = (start, end) if end > start else (d.start, d.end)
    return Reference(
        id=rid,
        type=d.type,
        text=text[start:end],
        fields=finish_fields(d.type, d.fields),
        symbols=d.symbols,
        url=d.url,
        footnote=footnote,
        block=block,
        span=(start, end),
    )


def finish_fields(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """Page locators named for what they are; helper keys dropped; empty values dropped.

    In a chapter or an article ``pp. 75–83`` is the item's extent (CSL
    ``page``) and ``at p. 82`` the pinpoint; elsewhere ``p. 37`` is the pinpoint.
    """
    out = {k: v for k, v in fields.items() if v not in (None, "", [], ()) and k not in _SCRATCH}
    pages, at = out.pop("pages", None), out.pop("at_page", None)
    if kind in ("chapter", "article") and pages and "page" not in out:
        out["page"] = pages
        pages = None
    if at or pages:
        out["pinpoint_page"] = at or pages
    return out
