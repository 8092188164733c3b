"""Two-column pages: put the body lines of a page set in two columns in reading order."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from .readers.lines import Line

# Two-column pages: each column holds at least this many lines side by side
# with the other, and an empty gutter at least this wide (points) parts them.
MIN_COLUMN_LINES = 5
MIN_GUTTER = 6.0
# Each column is at least this share of the width of the page's text, and most
# of its lines run across it, to within COLUMN_FILL of its width of both edges;
# the cells of a table or a list of names do not.
MIN_COLUMN_SHARE = 0.3
COLUMN_FILL = 0.15


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
