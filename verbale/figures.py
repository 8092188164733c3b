"""Charts drawn with text: find the lines of a figure on a PDF page.

Axis ticks, axis titles and legends must never reach a paragraph. A figure is
found from an axis (numbers stepping evenly) or from its label ("Figure II"),
and grows over the lines around it that are not ordinary text.
"""

from __future__ import annotations

import re
from collections import Counter

from .marks import NOTE_SIZE_RATIO, NOTE_START, RULE
from .readers.lines import Line

# The label of a figure, alone on its line ("Figure I", "Chart 2", "Figure A.II.I",
# "Figure") or before its caption ("Figure 4. Denial of freedom …").
_LABEL_WORDS = ("Figure", "Chart", "Graph", "Diagram", "Map", "Graphique", "Diagramme", "Carte", "Gráfico",
                "Figura", "Mapa", "Рисунок", "Диаграмма", "График")
_LABEL = (rf"(?:{'|'.join(_LABEL_WORDS)})"
          r"(?:\s+(?:[A-Z]\.)?(?:[IVXLC]{1,6}|\d{1,2})(?:\.(?:[IVXLC]{1,6}|\d{1,2}))*)?")
FIGURE_LABEL = re.compile(rf"^{_LABEL}(?:\s*$|[.:]\s+\S)")
FIGURE_LABEL_ALONE = re.compile(rf"^{_LABEL}\s*$")
# The notes under a figure (or a table): they end it.
FIGURE_NOTE = re.compile(r"^(?:Sources?|Notes?|Abbreviations?|Fuentes?|Notas?|Источники?|Примечани[ея])\s?:")
# An axis tick: a number alone ("0", "1 000", "2.5", "40%", "2024").
_TICK = re.compile(r"^[-−–]?(?:\d{1,3}(?:[ \u00a0,]\d{3})*|\d{4})(?:[.,]\d{1,2})?\s?%?$")
_TICK_START = frozenset("0123456789-−–")
_LABEL_START = frozenset(word[0] for word in _LABEL_WORDS)  # a cheap test before the regex
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
    if (len(ticks) < MIN_TICKS and not labels) or any(ln.size is None for ln in lines):
        return []
    small = body_size * NOTE_SIZE_RATIO
    text_lines = [ln for ln in lines if (ln.size or 0) >= small] or lines
    margin = Counter(round(ln.x0) for ln in text_lines).most_common(1)[0][0]
    ends = sorted(ln.x1 for ln in text_lines)
    width = max(ends[int(len(ends) * 0.9)] - margin, 1.0)
    rule = min((ln.top for ln in lines if RULE.match(ln.text)), default=float("inf"))
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
    if FIGURE_LABEL.match(text) or FIGURE_NOTE.match(text) or RULE.match(text):
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


def place_figures(body: list[Line], figures: list[list[Line]]) -> list[Line]:
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
