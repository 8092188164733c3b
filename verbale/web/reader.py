"""A document as reader HTML: its text in reading order with every layer marked.

Blocks keep their kind (headings, quotations set apart, signatures); each
footnote indicator becomes a link to ``#fn-N`` carrying its note as a
tooltip; references link to the cited document's page when the corpus holds
it, else to its undocs.org address; claims are highlighted; inline
quotations are set apart. All text is escaped here, piece by piece, and only
http(s) addresses ever become links.

>>> from verbale.model import Block, Document, Source
>>> doc = Document(Source("a.txt", "text", "0" * 64, 1, 9), blocks=(Block("b1", "paragraph", "<b>hi</b>", 1),))
>>> str(render_blocks(doc, lambda symbol: None)[0]["html"])
'&lt;b&gt;hi&lt;/b&gt;'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Optional
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from ..model import Claim, Document, Footnote, Reference
from ..store.graph import undocs_url

Resolve = Callable[[str], Optional[str]]   # symbol -> URL of its page in the corpus, or None

# Tag and class of each block kind; unknown kinds read as paragraphs.
BLOCK_TAGS = {"title": ("h2", "title"), "heading": ("h3", "heading"),
              "annex_heading": ("h2", "annex-heading"), "quotation": ("blockquote", "quotation"),
              "signature": ("p", "signature"), "list_item": ("p", "list-item"),
              "numbered_paragraph": ("p", "numbered"), "toc_entry": ("p", "toc-entry"),
              "figure": ("p", "figure")}
_URL = re.compile(r"https?://[^\s<>\"'\]\)]+[^\s<>\"'\]\).,;:]")
_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f\\]")
# Bidirectional controls: kept in document text (inside isolating elements),
# removed where text goes into a page title or an attribute.
BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


@lru_cache(maxsize=65536)  # documents cite the same symbols and addresses over and over
def _undocs(symbol: str) -> Optional[str]:
    return undocs_url(symbol)


@lru_cache(maxsize=65536)
def safe_href(url: Optional[str]) -> Optional[str]:
    """``url`` when it is an absolute http(s) address, else None (shown, not clickable).

    >>> safe_href("https://undocs.org/S/2025/153"), safe_href("javascript:alert(1)")
    ('https://undocs.org/S/2025/153', None)
    """
    if not url or _UNSAFE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def plain(text: Optional[str]) -> str:
    """Text for a page title or an attribute: bidi controls removed."""
    return (text or "").translate(BIDI)


@dataclass(frozen=True)
class Target:
    """Where a reference leads: ``href`` (None: not clickable) and whether it stays here."""

    href: Optional[str]
    internal: bool
    shown: Optional[str] = None      # the address as written, when it is not clickable


def reference_target(ref: Reference, resolve: Resolve) -> Target:
    """The page of the first cited symbol in the corpus, else its undocs.org address,
    else the reference's own http(s) URL."""
    for symbol in ref.symbols:
        href = resolve(symbol)
        if href:
            return Target(href, True)
    for symbol in ref.symbols:
        href = safe_href(_undocs(symbol))
        if href:
            return Target(href, False)
    if ref.url:
        href = safe_href(ref.url)
        return Target(href, False, None if href else ref.url)
    return Target(None, False)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    layer: str            # quote | claim | ref
    open: Markup          # opening tag for the first piece
    again: Markup         # opening tag for later pieces (no id)
    close: Markup


def _ref_span(ref: Reference, target: Target) -> Optional[_Span]:
    if target.href:
        cls = "ref internal" if target.internal else "ref external"
        rel = "" if target.internal else ' rel="noopener noreferrer nofollow"'
        tag = Markup('<a class="{}" href="{}"{}>').format(cls, target.href, Markup(rel))
        return _Span(*ref.span, "ref", tag, tag, Markup("</a>"))
    if target.shown:
        tag = Markup('<span class="ref inert" title="{}">').format(
            "not a web address, not linked: " + plain(target.shown))
        return _Span(*ref.span, "ref", tag, tag, Markup("</span>"))
    return None


def _claim_span(claim: Claim) -> _Span:
    figure = figure_text(claim.value, claim.low, claim.best, claim.high, claim.hedge)
    label = plain(f"{claim.measure}: {figure} (claimed by {claim.claimant.name})")
    first = Markup('<mark class="claim" id="claim-{}" data-claim="{}" title="{}">').format(
        claim.id, claim.id, label)
    later = Markup('<mark class="claim" data-claim="{}" title="{}">').format(claim.id, label)
    return _Span(*claim.span, "claim", first, later, Markup("</mark>"))


def _url_spans(text: str, taken: list[_Span]) -> list[_Span]:
    out = []
    for m in _URL.finditer(text):
        if any(s.start < m.end() and m.start() < s.end for s in taken):
            continue
        href = safe_href(m.group())
        if href:
            tag = Markup('<a class="ref external" href="{}" rel="noopener noreferrer nofollow">'
                         ).format(href)
            out.append(_Span(m.start(), m.end(), "ref", tag, tag, Markup("</a>")))
    return out


def figure_text(value, low=None, best=None, high=None, hedge=None) -> str:
    """A claim's figure as written for people: ``613``, ``at least 79``, ``20–30``.

    >>> figure_text(None, 20, None, 30, "between")
    'between 20–30'
    """
    if value is not None:
        figure = f"{value:,}"
    elif low is not None or high is not None:
        figure = "–".join(f"{v:,}" for v in (low, high) if v is not None)
        if best is not None and best not in (low, high):
            figure += f" (best {best:,})"
    elif best is not None:
        figure = f"{best:,}"
    else:
        figure = "no figure"
    return f"{hedge} {figure}" if hedge else figure


def mark_up(text: str, spans: Iterable[_Span], points: Iterable[tuple[int, Markup]] = (),
            autolink: bool = True) -> Markup:
    """``text`` escaped, with ``spans`` wrapped (quote > claim > ref) and ``points``
    (e.g. footnote markers) inserted at their offsets; overlaps are split."""
    n = len(text)
    spans = [s for s in spans if 0 <= s.start < s.end <= n]
    if autolink:
        spans += _url_spans(text, [s for s in spans if s.layer == "ref"])
    points = sorted((min(max(o, 0), n), html) for o, html in points)
    if not spans and not points:
        return escape(text)
    cuts = sorted({0, n, *(s.start for s in spans), *(s.end for s in spans),
                   *(o for o, _ in points)})
    out, opened, p = [], set(), 0
    for a, b in zip(cuts, cuts[1:] + [None]):
        while p < len(points) and points[p][0] == a:
            out.append(points[p][1])
            p += 1
        if b is None:
            break
        wraps = []
        for layer in ("quote", "claim", "ref"):
            covering = [s for s in spans if s.layer == layer and s.start <= a and b <= s.end]
            if covering:
                span = min(covering, key=lambda s: (s.start, -s.end))
                wraps.append(span)
        for span in wraps:
            out.append(span.again if id(span) in opened else span.open)
            opened.add(id(span))
        out.append(escape(text[a:b]))
        out.extend(span.close for span in reversed(wraps))
    return Markup("").join(out)


def footnote_anchor(footnote_id: str) -> str:
    """The page anchor of a footnote: ``fn3`` -> ``fn-3``."""
    return "fn-" + (footnote_id[2:] if footnote_id.startswith("fn") else footnote_id)


def _marker(marker: str, note: Optional[Footnote], seen: set[str]) -> Markup:
    if note is None:  # an indicator without its note: shown, not linked
        return Markup('<sup class="fn-orphan">{}</sup>').format(marker)
    anchor = footnote_anchor(note.id)
    back = "" if note.id in seen else Markup(' id="{}"').format("ref-" + anchor)
    seen.add(note.id)
    return Markup(
        '<span class="fn"><sup><a class="fn-ref" href="#{a}"{back} aria-describedby="tip-{a}">'
        '{m}</a></sup><span class="fn-tip" role="tooltip" id="tip-{a}">'
        '<span class="fn-tip-marker">{m}</span> {t}</span></span>').format(
        a=anchor, back=back, m=marker, t=note.text)


def _layers(doc: Document, resolve: Resolve):
    targets = {r.id: reference_target(r, resolve) for r in doc.references}
    by_block: dict[str, list[_Span]] = {}
    by_note: dict[str, list[_Span]] = {}
    for ref in doc.references:
        span = _ref_span(ref, targets[ref.id])
        if span is None:
            continue
        if ref.block:
            by_block.setdefault(ref.block, []).append(span)
        elif ref.footnote:
            by_note.setdefault(ref.footnote, []).append(span)
    for claim in doc.claims:
        by_block.setdefault(claim.block, []).append(_claim_span(claim))
    for q in doc.quotations:
        if q.kind == "inline":
            tag = Markup('<span class="quote" title="{}">').format(
                plain("quoted" + (f" from {q.source}" if q.source else "")))
            by_block.setdefault(q.block, []).append(
                _Span(*q.span, "quote", tag, tag, Markup("</span>")))
    return by_block, by_note


def render(doc: Document, resolve: Resolve) -> tuple[list[dict], list[dict]]:
    """The blocks and the footnotes (see :func:`render_blocks`, :func:`render_footnotes`),
    with the layers worked out once."""
    layers = _layers(doc, resolve)
    return render_blocks(doc, resolve, layers), render_footnotes(doc, resolve, layers)


def render_blocks(doc: Document, resolve: Resolve, layers=None) -> list[dict]:
    """Each block as ``{id, kind, tag, cls, page, new_page, html}`` in reading order."""
    by_block, _ = layers or _layers(doc, resolve)
    notes = {f.id: f for f in doc.footnotes}
    seen: set[str] = set()
    out, page = [], 0
    for block in doc.blocks:
        tag, cls = BLOCK_TAGS.get(block.kind, ("p", "paragraph"))
        points = [(m.offset, _marker(m.marker, notes.get(m.footnote or ""), seen))
                  for m in block.markers]
        out.append({"id": block.id, "kind": block.kind, "tag": tag, "cls": cls,
                    "page": block.page, "new_page": block.page if block.page > page else None,
                    "html": mark_up(block.text, by_block.get(block.id, ()), points)})
        page = max(page, block.page)
    return out


def render_footnotes(doc: Document, resolve: Resolve, layers=None) -> list[dict]:
    """Each footnote as ``{id, anchor, marker, page, block, back, html}``."""
    _, by_note = layers or _layers(doc, resolve)
    cited = {m.footnote for b in doc.blocks for m in b.markers if m.footnote}
    return [{"id": f.id, "anchor": footnote_anchor(f.id), "marker": f.marker, "page": f.page,
             "block": f.block, "back": f.id in cited,
             "html": mark_up(f.text, by_note.get(f.id, ()))} for f in doc.footnotes]


def render_links(doc: Document) -> list[dict]:
    """The document's link annotations: ``href`` only for http(s) addresses."""
    return [{"url": link.url, "href": safe_href(link.url), "page": link.page,
             "footnote": link.footnote, "block": link.block} for link in doc.links]
