"""Interpret one segment of a note: detect its anchors, then build typed drafts.

Detection runs once per note (:func:`scan`): UN symbols and resolution
citations come from :mod:`verbale.symbols`, URLs from a pattern. A segment is
then offered to the interpreters in a fixed order, strongest evidence first;
the first that recognises it wins. What none recognises is commentary
(``note``) when it reads as prose, else ``unknown``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .. import symbols as S
from . import fields as F
from . import patterns as P


@dataclass
class Draft:
    """A reference before it gets its id: type, span, fields, symbols."""

    type: str
    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)
    symbols: tuple[str, ...] = ()
    url: str | None = None


@dataclass(frozen=True)
class Anchor:
    """A UN citation found by the symbols module: a (joint) symbol or a resolution."""

    start: int
    end: int
    type: str  # "un_document" | "resolution" | "decision"
    symbols: tuple[str, ...]
    url: str | None
    fields: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Anchors:
    """Everything detected in one note, in order of position."""

    un: tuple[Anchor, ...]
    urls: tuple[tuple[int, int, str], ...]


@dataclass
class Segment:
    """One part of a note, with the anchors that fall inside it."""

    text: str
    start: int
    end: int
    body: int  # where the citation starts, after a lead-in ("See also")
    un: list[Anchor]
    urls: list[tuple[int, int, str]]

    @property
    def body_text(self) -> str:
        return self.text[self.body : self.end]


# -- detection --------------------------------------------------------------

_RES_SERIES = re.compile(r"/RES/", re.IGNORECASE)


_RES_WORD = re.compile(r"resolution|decision", re.IGNORECASE)
_URL_HINT = re.compile(r"https?:|www\.|available at", re.IGNORECASE)


def scan(text: str, lang: str = "en") -> Anchors:
    """Find URLs, UN symbols and resolution citations in a note or a block."""
    urls = []
    # Cheap tests first: most blocks hold no "/", no address and no resolution.
    if _URL_HINT.search(text):
        for m in P.URL.finditer(text):
            # Trailing punctuation goes first: the glued sentence is found at the end.
            end = P.url_end(text, m.start(), m.end())
            glued = P.glued_end(text, m.start(), end)
            if glued < end:  # "www.ohchr.org).Civil society": trim again before the sentence
                end = P.url_end(text, m.start(), glued)
            urls.append((m.start(), end, P.clean_url(text[m.start() : end])))
    inside_url = lambda a, b: any(u0 <= a and b <= u1 for u0, u1, _ in urls)
    found: list[Anchor] = []
    matches = [m for m in S.find_symbols(text) if not m.in_url] if "/" in text else []
    for group in _joint_groups(matches):
        if inside_url(group[0].start, group[-1].end):
            continue
        texts = tuple(m.symbol.text for m in group)
        kind = "resolution" if _RES_SERIES.search(texts[0]) else "un_document"
        found.append(
            Anchor(group[0].start, group[-1].end, kind, texts, group[0].symbol.undocs_url(lang))
        )
    taken = [(a.start, a.end) for a in found]
    for c in S.find_resolution_citations(text) if _RES_WORD.search(text) else ():
        if inside_url(c.start, c.end) or any(a < c.end and c.start < b for a, b in taken):
            continue
        found.append(_resolution_anchor(c, lang))
    found.sort(key=lambda a: a.start)
    return Anchors(tuple(found), tuple(urls))


def _joint_groups(matches) -> list[list]:
    groups: list[list] = []
    for m in matches:
        if groups and m.joint is not None and groups[-1][-1].joint == m.joint:
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


@lru_cache(maxsize=4096)
def _undocs(symbol: str, lang: str) -> str | None:
    parsed = S.parse_symbol(symbol)
    return parsed.undocs_url(lang) if parsed else None


def _resolution_anchor(c, lang: str) -> Anchor:
    symbol = c.symbol
    url = _undocs(symbol, lang) if symbol else None
    fields = {
        "organ": c.organ,
        "number": c.number,
        "issued": str(c.year) if c.year else None,
        "session": c.session,
        "symbol": symbol,
    }
    kept = tuple((k, v) for k, v in fields.items() if v not in (None, ""))
    return Anchor(c.start, c.end, c.kind, (symbol,) if symbol else (), url, kept)


# -- dispatch ---------------------------------------------------------------


def interpret(seg: Segment) -> list[Draft]:
    """Typed drafts for one segment (at least one: commentary is kept)."""
    from . import media as M  # the interpreters of non-UN sources
    from . import outside as O

    for fn in _chain(O, M):
        drafts = fn(seg)
        if drafts:
            return _attach_urls(seg, drafts)
    return [note_or_unknown(seg)]


def _chain(O, M) -> tuple[Callable[[Segment], list[Draft] | None], ...]:
    # Order matters: a short form or an Official Records citation holds UN
    # symbols, a chapter holds a book's parenthesis, a press citation a date.
    return (
        ibid,
        cross_reference,
        short_form,
        official_records,
        O.treaty_series,
        un_led,
        O.judgment,
        O.other_act,
        O.chapter,
        O.article,
        O.book,
        M.report,
        M.press,
        O.treaty_named,
        O.instrument_named,
        O.legislation,
        M.web,
        un_embedded,
    )


def _attach_urls(seg: Segment, drafts: list[Draft]) -> list[Draft]:
    for d in drafts:
        if d.type in ("web", "note") or "URL" in d.fields:
            continue
        for a, b, url in seg.urls:
            if d.start <= a and b <= d.end + 1:
                d.fields["URL"] = url
                break
    return drafts


# -- short forms ------------------------------------------------------------


_SUPPLEMENT = re.compile(r"(?P<supplement>Supplement\s+No\.\s*\w+)")


def ibid(seg: Segment) -> list[Draft] | None:
    """ "Ibid." / "Ibid., para. 12." / "Id. at p. 56." (resolved later)."""
    text = seg.text
    m = P.IBID.match(text, seg.start)
    if not m or m.start() != seg.start:
        return None
    rest = F.strip_ignored(text[m.end() : seg.end])
    fields: dict[str, Any] = {"ibid": True}
    # "Ibid., Supplement No. 53A (A/74/53/Add.1)": the same session, another supplement.
    ss = P.SESSION_SUPPLEMENT.search(rest) or _SUPPLEMENT.search(rest)
    if ss:
        fields.update({k: F.clean(v) for k, v in ss.groupdict().items() if v})
        if "supplement" in fields:
            fields["supplement"] = re.sub(r"^Supplement\s+No\.\s*", "", fields["supplement"])
    syms = [a for a in seg.un if a.start >= m.end()]
    tail = rest[ss.end() :] if ss else rest
    if syms:
        tail = text[syms[-1].end : seg.end]
    loc = P.parse_locator(tail.lstrip(" ,)"))
    if loc is None and not ss and not syms:
        return None
    fields.update(loc or {})
    symbols = tuple(s for a in syms for s in a.symbols)
    return [Draft("ibid", seg.start, seg.end, fields, symbols, syms[0].url if syms else None)]


def cross_reference(seg: Segment) -> list[Draft] | None:
    """ "See note 3 above." / "See footnote 3." (resolved later)."""
    m = P.NOTE_XREF.fullmatch(seg.text, seg.start, seg.end)
    if not m:
        return None
    loc = P.parse_locator(m.group("rest").lstrip(" ,"))
    if loc is None:
        return None
    notes = re.findall(r"\d+", m.group("notes"))
    return [Draft("cross_reference", seg.start, seg.end, {"note": notes[0], "notes": notes, **loc})]


# Between two sources named by abbreviation: "AI, p.1 and JS6, p.14", "JS7, p.8, LFJL, p.6".
_AND_NAME = re.compile(r",?\s+and\s+(?=[A-Z])|,\s*(?=[A-Z][\w-]*\s*(?:,|\(p))")
_PLACE_KEYS = frozenset({"pages", "at_page", "paragraph", "annex", "chapter", "section", "article"})


def short_form(seg: Segment) -> list[Draft] | None:
    """A source named by its author, short title or abbreviation (resolved later).

    "Parish at 91." / "Analitika Study at 36." / "JS7, p.8" / "AI, p.1 and JS6, p.14".
    A locator alone ("See also pp. 9-39") continues the source before it.
    """
    body = F.strip_ignored(seg.body_text).rstrip(". ")
    m = P.SHORT_FORM.fullmatch(body)
    if m and not P.IBID.fullmatch(m.group("name")):
        pin = m.group("pin")
        return [
            Draft(
                "short_form",
                seg.body,
                seg.end,
                {
                    "short_title": m.group("name").rstrip("."),
                    "pinpoint": pin if pin.startswith("p") else f"p. {pin}",
                },
            )
        ]
    loc = P.parse_locator(body) if seg.body > seg.start and not seg.un else None
    if loc and _PLACE_KEYS & loc.keys():
        return [Draft("ibid", seg.body, seg.end, {"ibid": True, **loc})]
    drafts = []
    located = False
    bounds = [0] + [x for m in _AND_NAME.finditer(body) for x in m.span()] + [len(body)]
    for lo, hi in zip(bounds[::2], bounds[1::2]):
        piece = body[lo:hi]
        text = piece.strip(" ,")
        acronym = P.SHORT_ACRONYM.fullmatch(text)
        loc = P.parse_locator(acronym.group("loc") or acronym.group("ploc")) if acronym else None
        if acronym and not loc:
            return None
        if not acronym and not P.SHORT_NAME.fullmatch(text):
            return None  # "JS6, and JS8, p.8": a name alone shares the locator after it
        name = acronym.group("name") if acronym else text
        located = located or bool(loc)
        start = seg.body + lo + piece.index(name)
        fields = {"short_title": re.sub(r"-\s+", "-", name), **(loc or {})}
        drafts.append(Draft("short_form", start, start + len(text), fields))
    return drafts if located else None


# -- UN sources -------------------------------------------------------------


def official_records(seg: Segment) -> list[Draft] | None:
    """Official Records of the General Assembly, Seventy-fifth Session, Supplement No. 10 (A/75/10)."""
    m = P.OFFICIAL_RECORDS.search(seg.text, seg.body, seg.end)
    if not m:
        return None
    fields: dict[str, Any] = {
        "container-title": F.clean(m.group(0).split(",")[0]),
        "organ": F.clean(m.group("organ")),
    }
    if m.group("session"):
        fields["session"] = F.clean(m.group("session"))
    if m.group("supplement"):
        fields["supplement"] = F.clean(re.sub(r"^Supplement\s+No\.\s*", "", m.group("supplement")))
    syms = [a for a in seg.un if a.start >= m.start()]
    tail_from = syms[-1].end if syms else m.end()
    loc = P.parse_locator(seg.text[tail_from : seg.end].lstrip(" ,)"))
    fields.update(loc or {})
    year = P.YEAR.search(seg.text, m.start(), seg.end)
    if year:
        fields["issued"] = year.group(1)
    symbols = tuple(s for a in syms for s in a.symbols)
    return [
        Draft("official_records", seg.body, seg.end, fields, symbols, syms[0].url if syms else None)
    ]


_LEAD_END = re.compile(
    r"(?:\b(?:in|see|at|by|under|document|doc\.|also|of|from|and)|[:(])\s*$", re.IGNORECASE
)
_CONNECTOR = re.compile(
    r"^[\s,;]*(?:(?:and|as well as|see also|see|&|or)\b[\s,]*)?$", re.IGNORECASE
)
_DOC_OF = re.compile(r"(?P<org>.+?),?\s+(?:document|doc\.)\s*$", re.IGNORECASE)


def un_led(seg: Segment) -> list[Draft] | None:
    """A segment that cites UN documents or resolutions, with a title or a lead-in before."""
    anchors = _merge_acts(seg)
    if not anchors:
        return None
    pre = seg.text[seg.body : anchors[0].start]
    head = _head_fields(pre)
    if head is None:
        return None
    drafts = []
    for i, a in enumerate(anchors):
        stop = anchors[i + 1].start if i + 1 < len(anchors) else seg.end
        tail = _tail_fields(seg.text, a.end, stop)
        if tail is None:
            return None
        tail_fields, tail_end = tail
        start = seg.body if i == 0 and head else a.start
        fields = {**dict(a.fields), **(head if i == 0 else {}), **tail_fields}
        drafts.append(Draft(a.type, start, tail_end, fields, a.symbols, a.url))
    return drafts


def un_embedded(seg: Segment) -> list[Draft] | None:
    """Commentary that mentions UN documents: the note is kept, each mention typed."""
    anchors = [a for a in seg.un if a.symbols or a.type == "un_document"]
    if not anchors:
        return None
    return [note_or_unknown(seg, force_note=True), *inline(seg.text, anchors, seg.end)]


def inline(text: str, anchors, stop: int) -> list[Draft]:
    """Drafts for UN citations in running text, each with its locator if one follows.

    ``(A/75/10, para. 30)`` gives the symbol with ``paragraph`` "30".
    """
    drafts = []
    for i, a in enumerate(anchors):
        end = anchors[i + 1].start if i + 1 < len(anchors) else stop
        fields = dict(a.fields)
        span_end = a.end
        m = _INLINE_TAIL.match(text, a.end, end)
        if m:
            loc = P.parse_locator(m.group(1))
            if loc:
                fields.update(loc)
                span_end = m.end(1)
        drafts.append(Draft(a.type, a.start, span_end, fields, a.symbols, a.url))
    return drafts


_INLINE_TAIL = re.compile(
    r"\)?,\s*((?:(?:annex(?:es)?|paras?\.|paragraphs?|pp?\.|chap\.|sect\.|art\.)[^;)]*?))(?=\s*[;)]|\.\s|\.?$)"
)


def _merge_acts(seg: Segment) -> list[Anchor]:
    """Anchors, with a resolution or decision that only locates another source dropped.

    In "FCCC/CP/2015/10/Add.1, decision 1/CP.21" the decision is a part of
    the document, not a separate source; so is "resolution 1" in "Report of
    the … Conference (…), chap. I, resolution 1": a resolution that stands
    for no UN symbol counts only at the head of a citation.
    """
    out: list[Anchor] = []
    for a in seg.un:
        if a.type != "un_document" and not a.symbols and a.start > seg.body:
            continue
        if out and out[-1].type == "un_document" and a.type != "un_document":
            between = seg.text[out[-1].end : a.start]
            if P.parse_locator(between.strip(" ,")) is not None and not _CONNECTOR.fullmatch(
                between
            ):
                continue
            if re.fullmatch(r"\s*,\s*", between):
                continue
        out.append(a)
    return out


def _head_fields(pre: str) -> dict[str, Any] | None:
    """Fields from the text before the first UN anchor, None when it is commentary."""
    text = F.clean(pre).rstrip("(").strip(" ,")
    if not text:
        return {}
    doc_of = _DOC_OF.fullmatch(text)
    if doc_of:
        return {"organization": F.clean(doc_of.group("org"))}
    els = F.elements(text)
    if P.un_title_head().match(text) or text[0] in '\u201c"':
        return {"title": F.title(text)}
    if len(els) >= 2 and F.person_names(els[0].text) and els[1].text[:1] in '\u201c"':
        return {
            "author": F.person_names(els[0].text),
            "title": F.title(", ".join(e.text for e in els[1:])),
        }
    words = text.split()
    if len(words) <= 8 and (_LEAD_END.search(text) or not P.VERBS.search(text)):
        return {}
    return None


def _tail_fields(text: str, start: int, stop: int) -> tuple[dict[str, Any], int] | None:
    """Locator and description after an anchor, with where the citation ends."""
    tail = text[start:stop]
    cut = re.search(
        r"[\s,;]*(?:\b(?:and|as well as|see also|see|&)\b)?[\s,;]*$", tail, re.IGNORECASE
    )
    body = tail[: cut.start()] if cut else tail
    body_clean = body.lstrip(" )")
    end = start + len(body)
    if not body_clean.strip(" ,."):
        return {}, end
    loc = P.parse_locator(body_clean.lstrip(" ,"))
    if loc is not None:
        return loc, end
    words = body_clean.strip(" ,.").split()
    if len(words) <= 15 and not P.VERBS.search(body_clean) and body_clean.lstrip().startswith(","):
        desc = body_clean.strip(" ,.")
        split = P.locator_start(desc)
        fields = {}
        if split < len(desc):
            fields = P.parse_locator(desc[split:].lstrip(" ,")) or {}
        fields["description"] = F.clean(desc[:split])
        return fields, end
    return None


# -- what is left -----------------------------------------------------------

_CITATION_SIGNS = re.compile(
    r"\b(?:1[5-9]\d\d|20\d\d)\b|\bpp?\.\s*\d|\bparas?\.|\bvol\.|\bNo\.\s*\d|\(eds?\.\)|[\u201c\u201d\"]"
    r"|\.(?:pdf|html?|docx?)\b|\b[\w-]+\.(?:org|int|com|net)\b"
)


_DIRECTORY_ENTRY = re.compile(r"[^(),;:]+\(\s*[A-Z][^()\d]*\)")


def note_or_unknown(seg: Segment, force_note: bool = False) -> Draft:
    """Commentary (``note``) when prose, ``unknown`` when it looks like a citation."""
    text = seg.text[seg.start : seg.end]
    words = text.split()
    prose = bool(P.VERBS.search(text)) and len(words) >= 5
    lower = sum(1 for w in words if w[:1].islower())
    if (
        force_note
        or prose
        or len(words) >= 12
        and lower / len(words) > 0.5
        or P.EDITORIAL_NOTE.match(text)
    ):
        return Draft("note", seg.start, seg.end, {})
    # "APG23 Association “Comunità Papa Giovanni XXIII” (Italy)": an entry of a list
    # of participants, a name and its country, even with quotation marks in the name.
    if _DIRECTORY_ENTRY.fullmatch(text) and not P.YEAR.search(text) and seg.body == seg.start:
        return Draft("note", seg.start, seg.end, {})
    # A lead-in ("See …") promises a source even when nothing else is recognised.
    if _CITATION_SIGNS.search(text) or seg.body > seg.start:
        return Draft("unknown", seg.start, seg.end, {})
    return Draft("note", seg.start, seg.end, {})
