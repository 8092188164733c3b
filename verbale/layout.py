"""Page layout: remove page furniture and split each page into body and notes.

Page furniture is what UN documents repeat on every page and what must never
reach a paragraph: the running header (the document's symbols), job numbers,
barcodes, ``n/N`` page numbers and "Please recycle" (un-conventions.md §2.4).

The footnote zone is found differently for the two inputs. Text exports keep
the separator rule as a line of underscores. In a PDF the rule is a drawing,
not text, so the zone is the run of smaller-type lines at the bottom of the
page that starts with a note indicator.

A PDF page set in two columns has its body lines put in reading order (left
column, then right) by :func:`order_columns`.

Charts drawn with text (axis ticks, axis titles, legends) are found by
:func:`find_figures` and kept out of the note zone and of the text flow: their
lines are marked (``figure``) and put where the chart sits on the page, for
the blocks stage to make one ``figure`` block of each.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from .columns import order_columns
from .figures import find_figures, place_figures
from .marks import NOTE_SIZE_RATIO, NOTE_START, RULE
from .readers.lines import Line, RawLink, RawPage
from .symbols import find_symbols

# The footer's "Please recycle", in English, French and Spanish.
_RECYCLE = "(?:Please recycle|Merci de recycler|Se ruega reciclar)"
# One alternation, matched once per line (the parse's hottest test).
_FURNITURE = re.compile("|".join(
    f"(?:{p})"
    for p in (
        # job number line: "20-12655 (E) 011020", "23-17349* (E) 100923 040121"
        r"^(?:GE\.)?\d{2}-\d{5}\s*\*?\s*(?:\([ACEFRS]\))?(?:\s+\d{6}){0,2}\s*(?:\*\d{7}\*)?"
        r"(?:\s*/\.\.\.)?$",
        r"^\*\d{7}\*$",  # barcode
        r"^(?:\d{1,3}/\d{1,3}\s+(?:GE\.)?\d{2}-\d{5}|(?:GE\.)?\d{2}-\d{5}\s+\d{1,3}/\d{1,3})$",
        # Geneva footers: page number and job number on one line ("2 GE.19-13879", "GE.19-13879 3")
        r"^(?:\d{1,3}\s+GE\.\d{2}-\d{5}(?:\s*\([ACEFRS]\))?|GE\.\d{2}-\d{5}(?:\s*\([ACEFRS]\))?\s+\d{1,3})$",
        r"^\d{1,3}/\d{1,3}$",  # page number alone
        r"^-\s*\d{1,3}\s*-$",  # "- 2 -" in older documents
        r"^Page \d{1,3}(?: of \d{1,3})?$",
        r"^/\.\.\.$",  # "/..." continuation mark of typewritten documents
        rf"^\W?\s*{_RECYCLE}\s*\W?$",
    )
))
# Symbol fonts map ASCII into the private use area (U+F020-F07E): barcodes
# set in one extract as "\uf02a\uf031…" for "*1…".
_SYMBOL_FONT = {code: code - 0xF000 for code in range(0xF020, 0xF07F)}
_SYMBOL_ONLY = re.compile(
    r"^(?:[A-Z]{1,6}(?:/[A-Za-z0-9.()\-*]+)+(?:\s?\(\d{4}\))?\*?\s*[-–—]?\s*)+$"
)
_INLINE = re.compile(rf"\s*(?:\*\d{{7}}\*|\b{_RECYCLE}\b\W?)")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
# Furniture sits in these margins of a PDF page (points).
HEADER_MARGIN = 80.0
FOOTER_MARGIN = 80.0
# Running headers (symbol, short title) sit above this line (points).
RUNNING_HEADER_DEPTH = 70.0


@dataclass(frozen=True)
class PageParts:
    """A page with its furniture removed, split into body and note lines."""

    number: int
    body: tuple[Line, ...]
    notes: tuple[Line, ...]
    links: tuple[RawLink, ...]


def body_font_size(pages: list[RawPage]) -> float | None:
    """The font size most of the text is set in (None for text exports)."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            if line.size:
                sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else None


def is_furniture(line: Line, page: RawPage, position: int, body_size: float | None = None) -> bool:
    """True for running headers, job numbers, barcodes and page numbers."""
    text = line.text.strip()
    if text and max(text) >= "\uf020":  # a barcode in a symbol font
        text = text.translate(_SYMBOL_FONT).strip()
    if body_size and line.size and page.number > 1 and line.top < RUNNING_HEADER_DEPTH \
            and line.size < body_size * NOTE_SIZE_RATIO:
        return True  # small type at the head of a continuation page: the running header
    if _FURNITURE.match(text):
        return True
    if _PAGE_NUMBER.match(text) and line.size is not None and page.height:
        # A bare page number in the top or bottom margin.
        return line.top < HEADER_MARGIN or line.bottom > page.height - FOOTER_MARGIN
    if not _SYMBOL_ONLY.match(text):
        return _is_titled_header(line, page)
    if line.size is not None and page.height:
        return line.top < HEADER_MARGIN or line.bottom > page.height - FOOTER_MARGIN
    return position < 3 or position >= len(page.lines) - 2


def _strip_inline(line: Line) -> Line | None:
    """Remove a barcode or "Please recycle" that extraction put on a text line."""
    if not _INLINE.search(line.text):
        return line
    text = _INLINE.sub("", line.text).rstrip()
    return replace(line, text=text) if text.strip() else None


def _is_titled_header(line: Line, page: RawPage) -> bool:
    """Resolutions repeat a short title with the symbol at the top of each page."""
    if line.size is None or page.number == 1 or line.top >= HEADER_MARGIN:
        return False
    found = find_symbols(line.text)
    return bool(found) and found[-1].end >= len(line.text.rstrip()) - 1


def split_pages(pages: list[RawPage]) -> list[PageParts]:
    """Remove furniture and split every page into body lines and note lines."""
    size = body_font_size(pages)
    out: list[PageParts] = []
    for page in pages:
        kept = [ln for i, ln in enumerate(page.lines) if not is_furniture(ln, page, i, size)]
        lines = [ln for ln in map(_strip_inline, kept) if ln is not None]
        if size is None:
            out.extend(_split_text_page(page, lines))
        else:
            # Notes are smaller than the text of their own page (annexes may
            # be set in another size than the letter).
            page_size = min(size, body_font_size([replace(page, lines=tuple(lines))]) or size)
            figures = find_figures(lines, page_size)
            if figures:
                inside = {i for region in figures for i in region}
                body, notes = _split_pdf_page([ln for i, ln in enumerate(lines) if i not in inside], page_size)
                body = place_figures(body, [[replace(lines[i], figure=k) for i in region]
                                             for k, region in enumerate(figures, 1)])
            else:
                body, notes = _split_pdf_page(lines, page_size)
            body = order_columns(body)
            out.append(PageParts(page.number, tuple(body), tuple(notes), page.links))
    return out


def _split_pdf_page(lines: list[Line], body_size: float) -> tuple[list[Line], list[Line]]:
    rule = next((ln for ln in lines if RULE.match(ln.text)), None)
    if rule is not None:  # the separator kept as text: notes are what sits below it
        return ([ln for ln in lines if ln.top < rule.top],
                [ln for ln in lines if ln.top > rule.top])
    small = body_size * NOTE_SIZE_RATIO
    zone_top = None
    for line in sorted(lines, key=lambda ln: -ln.top):
        if line.size is None or line.size >= small:
            break
        if NOTE_START.match(line.text) or line.superscripts[:1] and line.superscripts[0][0] == 0:
            zone_top = line.top
    if zone_top is None:
        return lines, []
    notes = [ln for ln in lines if ln.top >= zone_top - 0.5 and (ln.size or 0) < small]
    body = [ln for ln in lines if ln not in notes]
    return body, notes


def _split_text_page(page: RawPage, lines: list[Line]) -> list[PageParts]:
    """Split a text page at its rule. Without form feeds the end of a note
    block is the only sign of a page end, so one text 'page' may give several."""
    parts: list[PageParts] = []
    body: list[Line] = []
    notes: list[Line] = []
    pending = list(page.links)
    in_notes = False

    def close(limit: float) -> None:
        nonlocal body, notes
        mine = [lk for lk in pending if lk.line is None or lk.line < limit]
        for lk in mine:
            pending.remove(lk)
        number = page.number if page.explicit else len(parts) + 1
        if number != page.number:
            body = [replace(ln, page=number) for ln in body]
            notes = [replace(ln, page=number) for ln in notes]
            mine = [replace(lk, page=number) for lk in mine]
        parts.append(PageParts(number, tuple(body), tuple(notes), tuple(mine)))
        body, notes = [], []

    for line in lines:
        if RULE.match(line.text):
            in_notes = True
            continue
        if in_notes and not page.explicit and _ends_notes(line):
            close(line.top)
            in_notes = False
        (notes if in_notes else body).append(line)
    close(float("inf"))
    return [p for p in parts if p.body or p.notes or p.links]


def _ends_notes(line: Line) -> bool:
    """In a note block, indented lines that start no note are body text again."""
    return line.x0 >= 1 and not NOTE_START.match(line.text)
