"""The measures of a document's layout that decide where blocks break:
margins per page and column, the usual distance between lines, the full line."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from .readers.lines import Line

# A paragraph gap is this much more than the usual distance between lines.
GAP_RATIO = 1.35


@dataclass(frozen=True)
class Geometry:
    """Measures of the page layout that decide where blocks break."""

    pdf: bool
    # Left and right margin of the text, by (page, column): a page set in two
    # columns has one pair per column (1, 2) and one across both (0).
    left: dict[tuple[int, int], float]
    right: dict[tuple[int, int], float]
    pitch: float
    indent_mode: bool  # text exports that mark paragraphs by indenting
    full_length: int
    size: float = 0.0  # the body text's font size (PDF)

    def left_of(self, line: Line) -> float:
        return self.left[line.page, line.column]

    def right_of(self, line: Line) -> float:
        return self.right[line.page, line.column]


def measure(lines: list[Line]) -> Geometry:
    """Margins per page (and column), line pitch and full line length of the body text."""
    pdf = any(ln.size is not None for ln in lines)
    left: dict[tuple[int, int], float] = {}
    right: dict[tuple[int, int], float] = {}
    by_frame: dict[tuple[int, int], list[Line]] = {}
    for ln in lines:
        by_frame.setdefault((ln.page, ln.column), []).append(ln)
    for frame, frame_lines in by_frame.items():
        # the labels of a chart say nothing of the margins (unless they are all the frame holds)
        frame_lines = [ln for ln in frame_lines if not ln.figure] or frame_lines
        xs = Counter(round(ln.x0) for ln in frame_lines)
        left[frame] = float(xs.most_common(1)[0][0])
        ends = sorted(ln.x1 for ln in frame_lines)
        right[frame] = ends[int(len(ends) * 0.9)]
    for page, column in by_frame:
        if column:  # a line across two columns runs from the left one's margin to the right one's
            left[page, 0] = left.get((page, 1), left[page, column])
            right[page, 0] = right.get((page, 2), right[page, column])
    steps = [
        b.top - a.top for a, b in zip(lines, lines[1:])
        if a.page == b.page and 0 < b.top - a.top < 40 and a.size == b.size and not a.figure and not b.figure
    ]
    pitch = statistics.median(steps) if steps and pdf else 1.0
    lengths = sorted(len(ln.text) for ln in lines) or [80]
    indented = sum(1 for ln in lines if ln.x0 >= 1)
    indent_mode = not pdf and 0.08 < indented / max(len(lines), 1) < 0.6
    sizes = Counter(round(ln.size * 2) / 2 for ln in lines if ln.size)
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    return Geometry(pdf, left, right, pitch, indent_mode, lengths[int(len(lengths) * 0.8)], size)
