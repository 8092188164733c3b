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

from .readers.lines import Line, RawLink, RawPage
from .symbols import find_symbols

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
        r"^\W?\s*(?:Please recycle|Merci de recycler|Se ruega reciclar)\s*\W?$",
    )
))
# Symbol fonts map ASCII into the private use area (U+F020-F07E): barcodes
# set in one extract as "\uf02a\uf031…" for "*1…".
_SYMBOL_FONT = {code: code - 0xF000 for code in range(0xF020, 0xF07F)}
_SYMBOL_ONLY = re.compile(
    r"^(?:[A-Z]{1,6}(?:/[A-Za-z0-9.()\-*]+)+(?:\s?\(\d{4}\))?\*?\s*[-–—]?\s*)+$"
)
_INLINE = re.compile(r"\s*(?:\*\d{7}\*|\b(?:Please recycle|Merci de recycler|Se ruega reciclar)\b\W?)")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_RULE = re.compile(r"^[_\-–—]{5,}$")
NOTE_START = re.compile(r"^(\d{1,3}|\*{1,3}|[†‡§]|[a-z])(?=\s+\S)")
# Furniture sits in these margins of a PDF page (points).
HEADER_MARGIN = 80.0
FOOTER_MARGIN = 80.0
# Running headers (symbol, short title) sit above this line (points).
RUNNING_HEADER_DEPTH = 70.0
# Lines set this much smaller than the body text may be footnotes.
NOTE_SIZE_RATIO = 0.93
# Two-column pages: each column holds at least this many lines side by side
# with the other, and an empty gutter at least this wide (points) parts them.
MIN_COLUMN_LINES = 5
MIN_GUTTER = 6.0
# Each column is at least this share of the width of the page's text, and most
# of its lines run across it, to within COLUMN_FILL of its width of both edges;
# the cells of a table or a list of names do not.
MIN_COLUMN_SHARE = 0.3
COLUMN_FILL = 0.15


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
                body = _place_figures(body, [[replace(lines[i], figure=k) for i in region]
                                             for k, region in enumerate(figures, 1)])
            else:
                body, notes = _split_pdf_page(lines, page_size)
            body = order_columns(body)
            out.append(PageParts(page.number, tuple(body), tuple(notes), page.links))
    return out


def order_columns(lines: list[Line]) -> list[Line]:
    """Put the body lines of a two-column page in reading order.

    A page has two columns when its lines fall into two x-ranges, side by side,
    with an empty gutter between them (found from the lines themselves, not
    from fixed positions). Lines across the gutter (a title or heading over
    both columns) stay in place and cut the page into bands; in each band the
    left column is read from top to bottom, then the right one. Column lines
    are marked (``column`` 1 or 2) so that margins and indents are judged
    against their own column. A band without a full line of text on each side
    (the masthead's two sides above the title) is left as it was read.
    """
    columns = _columns(lines)
    if columns is None:
        return lines
    out: list[Line] = []
    band: list[tuple[int, Line]] = []
    for i, line in sorted(enumerate(lines), key=lambda item: item[1].top):
        if columns.side(line):
            band.append((i, line))
        else:
            out.extend(columns.read(band))
            band = []
            out.append(line)
    out.extend(columns.read(band))
    return out


@dataclass(frozen=True)
class _Columns:
    """Where the two columns of a page run (points from the left edge)."""

    left: float  # the left column's left margin
    gutter: tuple[float, float]  # the right edge of the left column, the left edge of the right one
    right: float  # the right column's right margin

    def side(self, line: Line) -> int:
        """1 or 2 for a line in the left or right column, 0 for one across both."""
        if line.x1 < self.gutter[1]:
            return 1
        return 2 if line.x0 > self.gutter[0] else 0

    def full(self, line: Line, side: int) -> bool:
        """The line runs (nearly) to the right edge of its column."""
        start, end = (self.left, self.gutter[0]) if side == 1 else (self.gutter[1], self.right)
        return line.x1 >= end - COLUMN_FILL * (end - start)

    def spans(self, line: Line, side: int) -> bool:
        """The line runs (nearly) from one edge of its column to the other."""
        start, end = (self.left, self.gutter[0]) if side == 1 else (self.gutter[1], self.right)
        return self.full(line, side) and line.x0 <= start + COLUMN_FILL * (end - start)

    def read(self, band: list[tuple[int, Line]]) -> list[Line]:
        """A band's lines: the left column, then the right one."""
        sides = [(self.side(line), i, line) for i, line in band]
        if not all(any(s == side and self.full(line, s) for s, _, line in sides) for side in (1, 2)):
            return [line for _, line in sorted(band, key=lambda item: item[0])]
        return [replace(line, column=s) for s, _, line in sorted(sides, key=lambda item: item[0])]


def _columns(lines: list[Line]) -> _Columns | None:
    """The two columns of the page, or None when it is not set in two."""
    if len(lines) < 2 * MIN_COLUMN_LINES or any(ln.size is None for ln in lines):
        return None
    page_left = min(ln.x0 for ln in lines)
    width = max(ln.x1 for ln in lines) - page_left
    # The right column's lines start at one x in the middle of the page (the
    # leftmost such x: its indented lines start further right).
    starts = Counter(round(ln.x0) for ln in lines
                     if page_left + 0.25 * width < ln.x0 < page_left + 0.75 * width)
    for start in sorted(x for x, n in starts.items() if n >= MIN_COLUMN_LINES):
        found = _columns_at(lines, min(ln.x0 for ln in lines if abs(ln.x0 - start) <= 1),
                            page_left, width)
        if found is not None:
            return found
    return None


def _columns_at(lines: list[Line], start: float, page_left: float, width: float) -> _Columns | None:
    """The two columns if a right one starts at ``start``, else None."""
    left = [ln for ln in lines if ln.x1 <= start - MIN_GUTTER]
    right = [ln for ln in lines if ln.x0 >= start - 0.5]
    if len(left) < MIN_COLUMN_LINES or len(right) < MIN_COLUMN_LINES:
        return None
    columns = _Columns(page_left, (max(ln.x1 for ln in left) + 0.5, start - 0.5),
                       max(ln.x1 for ln in right))
    narrow = MIN_COLUMN_SHARE * width
    if columns.gutter[0] - page_left < narrow or columns.right - start < narrow:
        return None
    for side, column in ((1, left), (2, right)):
        if sum(1 for ln in column if columns.spans(ln, side)) * 2 < len(column):
            return None  # not lines of text across the column: a table, a list of names
    if _side_by_side(left, right) < MIN_COLUMN_LINES:
        return None
    return columns


def _side_by_side(left: list[Line], right: list[Line]) -> int:
    """How many lines of the shorter column sit level with the other column."""
    top = max(min(ln.top for ln in left), min(ln.top for ln in right))
    bottom = min(max(ln.bottom for ln in left), max(ln.bottom for ln in right))
    return min(sum(1 for ln in col if top <= ln.top and ln.bottom <= bottom) for col in (left, right))


def _split_pdf_page(lines: list[Line], body_size: float) -> tuple[list[Line], list[Line]]:
    rule = next((ln for ln in lines if _RULE.match(ln.text)), None)
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
        if _RULE.match(line.text):
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


# -- figures ------------------------------------------------------------------
# The label of a figure, alone on its line ("Figure I", "Chart 2", "Figure A.II.I",
# "Figure") or before its caption ("Figure 4. Denial of freedom …").
_LABEL = (r"(?:Figure|Chart|Graph|Diagram|Map|Graphique|Diagramme|Carte|Gráfico|Figura|Mapa|Рисунок|Диаграмма|График)"
          r"(?:\s+(?:[A-Z]\.)?(?:[IVXLC]{1,6}|\d{1,2})(?:\.(?:[IVXLC]{1,6}|\d{1,2}))*)?")
FIGURE_LABEL = re.compile(rf"^{_LABEL}(?:\s*$|[.:]\s+\S)")
FIGURE_LABEL_ALONE = re.compile(rf"^{_LABEL}\s*$")
# The notes under a figure (or a table): they end it.
FIGURE_NOTE = re.compile(r"^(?:Sources?|Notes?|Abbreviations?|Fuentes?|Notas?|Источники?|Примечани[ея])\s?:")
# An axis tick: a number alone ("0", "1 000", "2.5", "40%", "2024").
_TICK = re.compile(r"^[-−–]?(?:\d{1,3}(?:[ \u00a0,]\d{3})*|\d{4})(?:[.,]\d{1,2})?\s?%?$")
_TICK_START = frozenset("0123456789-−–")
_LABEL_START = frozenset("FCGDMРДГ")
_THOUSANDS = re.compile(r"^-?\d{1,3}(?:,\d{3})+$")
# An axis has at least this many ticks.
MIN_TICKS = 3
# A line this many times taller than its type size is set on its side (an axis title).
ROTATED = 2.5
# A figure takes in the lines no further than this (points) above or below it.
FIGURE_GAP = 80.0
# A line in body type running over this share of the text width is text, not a label.
FIGURE_TEXT_SHARE = 0.75
# A line in body type starting within this (points) of the text's left margin
# is text: a caption, a paragraph, a heading. So is a line in small type that
# runs over SMALL_TEXT_SHARE of the text width from there (a note).
MARGIN_SLACK = 2.5
SMALL_TEXT_SHARE = 0.5
# The caption under a figure's label runs to this many lines.
CAPTION_LINES = 4


def find_figures(lines: list[Line], body_size: float) -> list[list[int]]:
    """The charts and other figures drawn with text on a PDF page: for each,
    the indices in ``lines`` of its lines, from the top down (axis titles set
    on their side first).

    A figure is found from an axis, three ticks or more whose numbers step by
    the same amount at an even spacing ("0", "200", "400" … read upwards, or
    left to right along one line of the page), or from the lines under a
    figure's label and caption ("Figure I" …) that are not text. It takes in
    the labels around it, up and down the page, up to a line of text: a line
    in body type that starts at the text's left margin (a caption, a
    paragraph, a heading) or runs across the text, a note ("Source:", a
    footnote) or the label of a figure. Axis titles set on
    their side are labels wherever they sit. Tables are not figures: the
    numbers of a column have cells beside them, and years ("2022 2023 2024")
    make no axis.
    """
    # Cheap looks first: most pages hold neither ticks nor labels.
    ticks: list[int] = []
    labels: list[int] = []
    for i, ln in enumerate(lines):
        start = ln.text[:1]
        if start in _TICK_START:
            if len(ln.text) <= 12 and _TICK.match(ln.text.strip()) and not _rotated(ln):
                ticks.append(i)
        elif start in _LABEL_START and FIGURE_LABEL.match(ln.text.strip()):
            labels.append(i)
    if len(ticks) < MIN_TICKS and not labels or any(ln.size is None for ln in lines):
        return []
    small = body_size * NOTE_SIZE_RATIO
    text_lines = [ln for ln in lines if (ln.size or 0) >= small] or lines
    margin = Counter(round(ln.x0) for ln in text_lines).most_common(1)[0][0]
    ends = sorted(ln.x1 for ln in text_lines)
    width = max(ends[int(len(ends) * 0.9)] - margin, 1.0)
    rule = min((ln.top for ln in lines if _RULE.match(ln.text)), default=float("inf"))
    is_text = [ln.top > rule or _is_text(ln, margin, width, small) for ln in lines]  # notes under the rule
    order = sorted(range(len(lines)), key=lambda i: (lines[i].top, lines[i].x0))
    seeds = _axes(lines, ticks) + _under_labels(lines, order, labels, is_text, body_size)
    regions: list[set[int]] = []
    for seed in seeds:
        if any(seed & region for region in regions):
            continue
        region = _grow(lines, order, seed, is_text)
        for other in [r for r in regions if r & region]:
            regions.remove(other)
            region |= other
        regions.append(region)
    # Laid out from the top down, an axis title set on its side first.
    rank = {i: (not _rotated(lines[i]), k) for k, i in enumerate(order)}
    return sorted((sorted(region, key=rank.__getitem__) for region in regions),
                  key=lambda region: min(lines[i].top for i in region))


def _rotated(line: Line) -> bool:
    """Set on its side: taller than wide, and than its type."""
    height = line.bottom - line.top
    return bool(line.size) and height > ROTATED * (line.size or 0) and height > line.x1 - line.x0


def _is_text(line: Line, margin: float, width: float, small: float) -> bool:
    """The line is text that a figure does not take in (see find_figures)."""
    if _rotated(line):
        return False
    text = line.text.strip()
    if FIGURE_LABEL.match(text) or FIGURE_NOTE.match(text) or _RULE.match(text):
        return True
    at_margin = line.x0 <= margin + MARGIN_SLACK
    if (line.size or 0) >= small:
        return at_margin or line.x1 - line.x0 >= FIGURE_TEXT_SHARE * width
    # Small type: a note running across the text, or a footnote's first line
    # (a chart's labels may stand in the margin when the chart is wider than the text).
    return at_margin and (line.x1 - line.x0 >= SMALL_TEXT_SHARE * width
                          or line.x0 < margin - MARGIN_SLACK and NOTE_START.match(text) is not None)


def _tick_value(text: str) -> float | None:
    t = text.strip().rstrip("%").strip().replace("\u00a0", "").replace(" ", "")
    t = t.replace("−", "-").replace("–", "-")
    t = t.replace(",", "") if _THOUSANDS.match(t) else t.replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


def _axes(lines: list[Line], ticks: list[int]) -> list[set[int]]:
    """The axes among the tick lines: a column of right-aligned numbers that
    grow upwards, or numbers along one line of the page that grow rightwards."""
    if len(ticks) < MIN_TICKS:
        return []
    out: list[set[int]] = []
    for group in _chain(sorted(ticks, key=lambda i: lines[i].x1), lambda i: lines[i].x1, 2.0):
        items = sorted(((lines[i].top + lines[i].bottom) / 2, _tick_value(lines[i].text), i) for i in group)
        for run in _progressions(items):
            if run[1][1] < run[0][1] and _alone(lines, [i for _, _, i in run]):
                out.append({i for _, _, i in run})
    for group in _chain(sorted(ticks, key=lambda i: lines[i].top), lambda i: lines[i].top, 2.0):
        items = sorted(((lines[i].x0 + lines[i].x1) / 2, _tick_value(lines[i].text), i) for i in group)
        for run in _progressions(items):
            if run[1][1] > run[0][1] and _alone(lines, [i for _, _, i in run], across=True):
                out.append({i for _, _, i in run})
    return out


def _chain(items: list[int], key, slack: float) -> list[list[int]]:
    """``items`` (sorted by ``key``) in groups whose keys are within ``slack`` of the one before."""
    groups: list[list[int]] = []
    for i in items:
        if groups and key(i) - key(groups[-1][-1]) <= slack:
            groups[-1].append(i)
        else:
            groups.append([i])
    return [g for g in groups if len(g) >= MIN_TICKS]


def _progressions(items: list[tuple[float, float | None, int]]) -> list[list[tuple[float, float, int]]]:
    """Runs of MIN_TICKS items or more, (position, value, index) in position
    order, evenly spaced, whose values change by one step; not years."""
    runs: list[list] = []
    run: list = []

    def close(keep: list) -> list:
        if len(run) >= MIN_TICKS:
            runs.append(run)
            return keep[-1:]  # the item that broke the run may start the next one
        return keep

    for item in items:
        if item[1] is None:
            run = close([])
        elif run and (item[1] == run[-1][1] or item[0] - run[-1][0] < 1):
            run = close([item])
        elif len(run) >= 2 and (
                abs(item[1] - run[-1][1] - (run[1][1] - run[0][1])) > 1e-6 + 0.001 * abs(run[1][1] - run[0][1])
                or abs(item[0] - run[-1][0] - (run[1][0] - run[0][0])) > 0.2 * (run[1][0] - run[0][0]) + 1):
            run = close([run[-1], item])
        else:
            run.append(item)
    close([])
    return [r for r in runs if not all(1900 <= v <= 2100 and v == int(v) for _, v, _ in r)]


def _alone(lines: list[Line], run: list[int], across: bool = False) -> bool:
    """Most ticks of an axis have no other line level with them (a column of
    a table has the cells of its rows); the ticks along one line have none."""
    members = set(run)
    level = 0
    for i in run:
        tick = lines[i]
        if any(j not in members and not _rotated(ln) and min(ln.bottom, tick.bottom) - max(ln.top, tick.top)
               > 0.5 * min(ln.bottom - ln.top, tick.bottom - tick.top) for j, ln in enumerate(lines)):
            level += 1
    return level == 0 if across else level * 2 <= len(run)


def _under_labels(lines: list[Line], order: list[int], labels: list[int], is_text: list[bool],
                  size: float) -> list[set[int]]:
    """The lines that are not text right under a figure's label and caption,
    or right over a label set under its figure (two at least)."""
    rank = {i: k for k, i in enumerate(order)}
    out: list[set[int]] = []
    for label in labels:
        k = rank[label] + 1
        caption = 0
        while k < len(order) and caption < CAPTION_LINES and is_text[order[k]] \
                and not (FIGURE_LABEL.match(lines[order[k]].text.strip())
                         or FIGURE_NOTE.match(lines[order[k]].text.strip())) \
                and lines[order[k]].top - lines[order[k - 1]].bottom < 1.5 * size:
            k += 1
            caption += 1
        below = _run(lines, order, k, 1, is_text)
        above = _run(lines, order, rank[label] - 1, -1, is_text)
        out.extend(found for found in (below, above) if len(found) >= 2)
    return out


def _run(lines: list[Line], order: list[int], k: int, step: int, is_text: list[bool]) -> set[int]:
    """The lines that are not text from ``order[k]`` on, up or down the page."""
    found: set[int] = set()
    prev = None
    while 0 <= k < len(order) and not is_text[order[k]]:
        line = lines[order[k]]
        if prev is not None and (line.top - prev.bottom if step > 0 else prev.top - line.bottom) > FIGURE_GAP:
            break
        found.add(order[k])
        prev = line
        k += step
    return found


def _grow(lines: list[Line], order: list[int], seed: set[int], is_text: list[bool]) -> set[int]:
    """A figure from its seed: the lines that are not text level with it, and
    those above and below it up to a line of text."""
    region = set(seed)
    rank = {i: k for k, i in enumerate(order)}
    while True:
        top = min(lines[i].top for i in region)
        bottom = max(lines[i].bottom for i in region)
        grown = {i for i in order if i not in region and not is_text[i]
                 and top <= (lines[i].top + lines[i].bottom) / 2 <= bottom}
        first = min(rank[i] for i in region) - 1
        if first >= 0 and order[first] not in region and not is_text[order[first]] \
                and top - lines[order[first]].bottom <= FIGURE_GAP:
            grown.add(order[first])
        last = max(rank[i] for i in region) + 1
        if last < len(order) and order[last] not in region and not is_text[order[last]] \
                and lines[order[last]].top - bottom <= FIGURE_GAP:
            grown.add(order[last])
        if not grown:
            return region
        region |= grown


def _place_figures(body: list[Line], figures: list[list[Line]]) -> list[Line]:
    """Put each figure's lines before the first body line below its top."""
    pending = sorted(figures, key=lambda fig: min(ln.top for ln in fig))
    out: list[Line] = []
    for line in body:
        while pending and min(ln.top for ln in pending[0]) <= line.top:
            out.extend(pending.pop(0))
        out.append(line)
    for fig in pending:
        out.extend(fig)
    return out
