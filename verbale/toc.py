"""Tables of contents: the role of each line, so that each entry makes one block.

A table of contents is read apart: one ``toc_entry`` block per entry, from its
first line to the line that ends with dot leaders and the page number (an
entry wrapped over two or three lines stays whole); its title ("Contents") and
the labels between entries ("Annexes") are headings.
"""

from __future__ import annotations

import re
import statistics

from .geometry import GAP_RATIO, Geometry
from .marks import LIST_ITEM, NUMBERED, SECTION_NUMBER
from .readers.lines import Line
from .textjoin import clean_line

# The title of a table of contents, in the languages the masthead reads.
TOC_TITLE = re.compile(
    r"^(?:(?:table of\s+)?contents|table des mati[eè]res|sommaire|[íi]ndice|содержание)"
    r"(?:\s*\((?:continued|cont['’]?d\.?|suite|continuación|продолжение)\))?$", re.I)
# The last line of a contents entry: dot leaders, then the page number, after
# a range of paragraphs in some reports ("…… 3 - 45   5").
_TOC_END = re.compile(r"(?:(?:\.\s?){4,}|…{2,})\s*(?:\d{1,4}(?:\s?[-–—−]\s?\d{1,4})?\s+)?(?:\d{1,3}|[ivxl]{1,6})$")
# A page number (after a paragraph range) alone at the end of a line.
_TOC_NUMBER = re.compile(r"\s(?:\d{1,4}(?:\s?[-–—−]\s?\d{1,4})?\s+)?\d{1,3}$")
# Column labels over the page numbers.
_TOC_COLUMNS = re.compile(r"^(?:(?:paragraph|paragraphe|párrafo|page|página)s?|пункты|стр(?:аница)?\.?)"
                          r"(?:\s+(?:(?:paragraph|paragraphe|párrafo|page|página)s?|стр(?:аница)?\.?))*$", re.I)
# At most this many lines (an entry's wrapped lines, a label, "Page") come
# between two entries of a table of contents, or its title and first entry.
TOC_GAP = 5
# Kind of the blocks made of contents lines of each role; others are classified as usual.
TOC_KIND = {"end": "toc_entry", "wrap": "toc_entry", "title": "heading", "label": "heading",
             "columns": "paragraph"}


def toc_roles(lines: list[Line], geo: Geometry) -> dict[int, str]:
    """The role of each line of a table of contents, by index in ``lines``:
    "title" ("Contents"), "columns" ("Page"), "end" (the line of an entry that
    ends with its page number), "wrap" (a line of an entry before its end),
    "label" ("Annexes", a short line between entries) or "other".

    A page holds contents when entries follow a title on it, when it has
    three entries or more, or when the contents went on to the foot of the
    page before; they run to the page's last entry.
    """
    ends = {i for i, ln in enumerate(lines) if _toc_end(ln.text)}
    if not ends:
        return {}
    by_page: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        by_page.setdefault(ln.page, []).append(i)
    roles: dict[int, str] = {}
    go_on = False  # the contents filled the page before
    for page in sorted(by_page):
        idx = by_page[page]
        page_ends = [i for i in idx if i in ends]
        if not page_ends:
            go_on = False
            continue
        title = next((i for i in idx if len(lines[i].text) < 48 and TOC_TITLE.match(lines[i].text.strip())), None)
        untitled = False  # neither a title nor the contents of the page before: three entries needed
        if title is not None and page_ends[-1] > title:
            start = title
        elif go_on:
            start = idx[0]
        elif len(page_ends) >= 3:
            untitled = True
            start = page_ends[0]
            spacing = _entry_spacing(lines, range(start, page_ends[-1] + 1), ends)
            while start > idx[0] and page_ends[0] - start < 3 and _wraps_into(lines[start - 1], lines[start], geo,
                                                                              spacing):
                start -= 1
        else:
            go_on = False
            continue
        run = _entry_run(lines, start, page_ends)
        if len(run) < (3 if untitled else 1):
            go_on = False
            continue
        stop = run[-1]
        region = range(start, stop + 1)
        if geo.pdf:  # a page number set flush right like the others, without leaders
            right = statistics.median(lines[i].x1 for i in page_ends)
            ends.update(i for i in region if abs(lines[i].x1 - right) < 3 and _TOC_NUMBER.search(lines[i].text))
        spacing = _entry_spacing(lines, region, ends)
        entry_follows = False
        for i in reversed(region):
            text = clean_line(lines[i].text)
            if i in ends:
                role = "end"
            elif i == title:
                role = "title"
            elif _TOC_COLUMNS.match(text):
                role = "columns"
            elif entry_follows and _wraps_into(lines[i], lines[i + 1], geo, spacing):
                role = "wrap"
            elif len(text) <= 60 and text[:1].isupper() and not text.endswith((".", ",", ";", ":")):
                role = "label"
            else:
                role = "other"
            roles[i] = role
            entry_follows = role in ("end", "wrap")
        go_on = stop == idx[-1]
    return roles


def _toc_end(text: str) -> bool:
    """The line ends with dot leaders and a page number."""
    tail = text[-48:].rstrip()
    return (tail[-1:].isdigit() or tail[-1:] in "ivxl") and ("...." in tail or ". . ." in tail or "…" in tail) \
        and _TOC_END.search(tail) is not None


def _entry_run(lines: list[Line], start: int, ends: list[int]) -> list[int]:
    """The ends of the contents entries from ``start`` on, up to the first one
    that more than TOC_GAP other lines (wraps, labels), or a line that ends a
    sentence (titles end with none), keep from the one before."""
    run: list[int] = []
    for i in ends:
        if i < start:
            continue
        before = (run[-1] if run else start - 1) + 1
        if i - before > TOC_GAP or any(lines[j].text.rstrip().endswith((".", "!", "?"))
                                       for j in range(max(before, start + 1), i)):
            break
        run.append(i)
    return run


def _entry_spacing(lines: list[Line], region: range, ends: set[int]) -> float:
    """The usual distance between two one-line contents entries (PDF)."""
    steps = [lines[i + 1].top - lines[i].top for i in region
             if i in ends and i + 1 in ends and i + 1 in region and lines[i + 1].page == lines[i].page]
    return statistics.median(steps) if steps else float("inf")


def _wraps_into(line: Line, nxt: Line, geo: Geometry, spacing: float) -> bool:
    """``line`` is a line of a contents entry that goes on to ``nxt``: closer
    to it than entries are to each other (or, in contents set without space
    between entries, over a hanging indent), and long enough to have
    wrapped, or numbered ("A.", "1.")."""
    if nxt.page != line.page:
        return False
    if geo.pdf:
        step = nxt.top - line.top
        if not 0 < step <= geo.pitch * GAP_RATIO or abs((line.size or 0) - (nxt.size or 0)) > 0.6:
            return False
        if step > spacing - 2 and nxt.x0 < line.x0 + 4:
            return False
    elif nxt.gap_before >= 1:
        return False
    text = line.text.strip()
    return len(text) > 25 or bool(SECTION_NUMBER.match(text) or NUMBERED.match(text) or LIST_ITEM.match(text))
