"""Group body lines into blocks and say what kind each block is.

A new block starts where the layout says so: extra space above a line, a
first-line indent, a change of type (bold headings), a list or paragraph
number, a ``(Signed)`` line, or a short line that ends a sentence. A block
goes on across a page break (and the notes that interrupt it), or from the
foot of the left column to the head of the right one on a two-column page,
when the page (column) ended mid-sentence or the next starts in lower case.
On a two-column page, margins and indents are those of the line's column.

A table of contents is read apart: one ``toc_entry`` block per entry, from
its first line to the line that ends with dot leaders and the page number
(an entry wrapped over two or three lines stays whole); its title
("Contents") and the labels between entries ("Annexes") are headings.

The lines of a chart (marked by figures.find_figures) make one ``figure``
block of their own; the figure's label ("Figure II") is a heading, and so is
the caption under it.

A paragraph goes on over a page break when the next page starts with a
number that goes on with its sentence ("removing | 91 devices"), not with a
paragraph number ("91.").

Kinds: ``paragraph``, ``numbered_paragraph``, ``list_item``, ``quotation``,
``heading``, ``annex_heading``, ``signature``, ``title``, ``toc_entry``,
``figure``, ``preambular_paragraph`` and ``operative_paragraph`` (resolutions).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from .figures import FIGURE_LABEL, FIGURE_LABEL_ALONE
from .model import Box
from .readers.lines import Line
from .textjoin import clean_line, join_lines

NUMBERED = re.compile(r"^(\d{1,3}(?:\.\d{1,2})*)\.?\s+(?=\S)")
LIST_ITEM = re.compile(r"^(\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)|[a-z]\)|[–—•·▪\-])\s+")
# "IV. Institutional linkage", "B. Mandate": the number of a section heading.
SECTION_NUMBER = re.compile(r"^(?:[IVXLC]{1,6}|[A-Z])\.\s+(?=\S)")
# "(Signed)", and in French, Spanish and Russian (formulas.SIGNED_WORDS).
SIGNED = re.compile(r"^\((?:Signed|Signé|Signée|Firmado|Firmada|Подпись)\s?\)", re.I)
# "Annex", "Annex II", "Enclosure 3" alone, or "Annex to the letter …"; in French
# and Spanish "Annexe I", "Pièce jointe", "Annexe à la lettre …", "Anexo de la carta …"
# (formulas.SECTION_KINDS).
ANNEX = re.compile(
    r"^(?:(Annex|Enclosure|Appendix|Attachment|Annexe|Pièce jointe|Appendice|Anexo|Apéndice)"
    r"(?:\s+([IVXLC]+|\d{1,2}|[A-Z]))?)"
    r"(?=\s*(?:$|\*|\[|to\b|\d{1,3}$|(?:à|au|aux|de|del)\b))"
)
_TERMINAL = tuple(".:;!?”\"’)")
# A note indicator after the final punctuation does not hide a sentence end.
_TRAILING_MARKER = re.compile(r"(?<=[.,:;!?”\"’)])\s?(?:\d{1,3}|\*{1,3})(?:,\d{1,3})*$")
# A paragraph gap is this much more than the usual distance between lines.
GAP_RATIO = 1.35
# A text line shorter than this share of a full line ends its paragraph.
SHORT_LINE = 0.72
INTRO_LINE = 0.85
# Headings run to this many characters; those set in display type (this many
# points larger than the body text) to half as many again.
HEADING_LENGTH = 160
DISPLAY_SIZE = 2.0
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
_TOC_KIND = {"end": "toc_entry", "wrap": "toc_entry", "title": "heading", "label": "heading",
             "columns": "paragraph"}


@dataclass
class BlockDraft:
    """A block being built from lines."""

    lines: list[Line] = field(default_factory=list)
    kind: str = "paragraph"
    number: str | None = None
    # The kind that the block's place already decides (a table of contents).
    fixed: str | None = None

    @property
    def first(self) -> Line:
        return self.lines[0]


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
        right[frame] = ends[int(len(ends) * 0.9)] if ends else 0.0
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


def segment(lines: list[Line], geo: Geometry) -> list[BlockDraft]:
    """Split body lines into blocks."""
    toc = _toc_roles(lines, geo)
    blocks: list[BlockDraft] = []
    for i, line in enumerate(lines):
        role, before = toc.get(i), toc.get(i - 1)
        if role or before:  # in a table of contents only an entry's wrapped lines go together
            new = not blocks or not (before == "wrap" and role in ("wrap", "end"))
        elif line.figure or i and lines[i - 1].figure:  # a figure's lines go together, and alone
            new = not blocks or (lines[i - 1].page, lines[i - 1].figure) != (line.page, line.figure)
        else:
            new = not blocks or _breaks(lines[i - 1], line, geo) or _next_in_sequence(blocks[-1], line)
        if new:
            blocks.append(BlockDraft([line], fixed=_TOC_KIND.get(role or "") or ("figure" if line.figure else None)))
        else:
            blocks[-1].lines.append(line)
    _figure_titles(blocks, geo)
    return blocks


def _figure_titles(blocks: list[BlockDraft], geo: Geometry) -> None:
    """A figure's label ("Figure II", "Figure 4. Denial of …") is a heading,
    and so is the caption right under a label alone on its line."""
    for i, block in enumerate(blocks):
        if block.fixed or not _figure_label(block.first):
            continue
        text = " ".join(ln.text for ln in block.lines)
        if len(block.lines) > 3 or len(text) > 2 * HEADING_LENGTH:
            continue
        block.fixed = "heading"
        caption = blocks[i + 1] if i + 1 < len(blocks) else None
        if len(block.lines) == 1 and caption is not None and not caption.fixed \
                and caption.first.page == block.first.page \
                and (not geo.pdf or 0 < caption.first.top - block.first.top <= geo.pitch * GAP_RATIO) \
                and len(caption.lines) <= 4 and len(block_text(caption)) <= 2 * HEADING_LENGTH \
                and not block_text(caption).endswith((".", ";", ":")):
            caption.fixed = "heading"


def _figure_label(line: Line) -> bool:
    """The line starts with a figure's label: alone, or before the caption."""
    return FIGURE_LABEL.match(line.text.strip()) is not None


def _toc_roles(lines: list[Line], geo: Geometry) -> dict[int, str]:
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


def _next_in_sequence(block: BlockDraft, line: Line) -> bool:
    """"2." under "1." (or "(b)" under "(a)"), aligned with it, starts a new
    item even when the item before ends without punctuation (a list of links)."""
    before, after = _ordinal(block.first.text), _ordinal(line.text)
    return (before is not None and after is not None and before[0] == after[0]
            and after[1] == before[1] + 1 and abs(line.x0 - block.first.x0) < 3)


def _ordinal(text: str) -> tuple[str, int] | None:
    """("number", 2) for "2. …", ("letter", 2) for "(b) …"; None otherwise."""
    if (m := NUMBERED.match(text)) and m.group(1).isdigit():
        return "number", int(m.group(1))
    if (m := re.match(r"^\(([a-z])\)\s", text)):
        return "letter", ord(m.group(1)) - ord("a") + 1
    return None


def _breaks(prev: Line, cur: Line, geo: Geometry) -> bool:
    text = cur.text
    if SIGNED.match(text) or ANNEX.match(text) or SIGNED.match(prev.text):
        return True
    if FIGURE_LABEL_ALONE.match(prev.text.strip()) and text[:1].isupper():
        return True  # "Figure I" over its caption
    ends_sentence = _TRAILING_MARKER.sub("", prev.text.rstrip()).endswith(_TERMINAL)
    starts_item = bool(NUMBERED.match(text) or LIST_ITEM.match(text) and _set_apart(cur, geo))
    if starts_item and ends_sentence:
        return True
    if cur.page != prev.page or cur.column > prev.column > 0:
        # on to the next page, or from the foot of the left column to the head of the right one
        return not _continues_over_page(prev, cur, ends_sentence, geo)
    if geo.pdf:
        return _pdf_breaks(prev, cur, ends_sentence, geo)
    if cur.gap_before >= 1:
        return True
    if not geo.indent_mode:
        return False
    # A colon at the end of a fairly short line introduces a quotation or list.
    ratio = SHORT_LINE if not prev.text.rstrip().endswith(":") else INTRO_LINE
    short = len(prev.text) < geo.full_length * ratio
    return cur.x0 >= 1 or (short and ends_sentence)


def _set_apart(cur: Line, geo: Geometry) -> bool:
    """A list item starts indented or after a gap; "(b)" that merely wraps to
    the start of a line inside a sentence is neither."""
    if geo.pdf:
        return cur.x0 > geo.left_of(cur) + 4
    return cur.x0 >= 1 or cur.gap_before >= 1 or not geo.indent_mode


def _continues_over_page(prev: Line, cur: Line, ends_sentence: bool, geo: Geometry) -> bool:
    if cur.text[:1].islower():
        return True
    numbered = NUMBERED.match(cur.text)
    if numbered and not ends_sentence and cur.text[numbered.end(1):][:1] != ".":
        numbered = None  # a number that goes on with the sentence ("removing | 91 devices")
    if numbered or LIST_ITEM.match(cur.text) or ANNEX.match(cur.text):
        return False
    if geo.pdf:
        flush = abs(cur.x0 - geo.left_of(cur)) < 4 and cur.bold == prev.bold
        # A sentence may end exactly at the end of a page's (column's) last, full line.
        full = prev.x1 > geo.right_of(prev) - 12
        return flush and (not ends_sentence or full)
    return not ends_sentence


def _pdf_breaks(prev: Line, cur: Line, ends_sentence: bool, geo: Geometry) -> bool:
    step = cur.top - prev.top
    if step > geo.pitch * GAP_RATIO or step < -1:
        return True
    if cur.bold != prev.bold or abs((cur.size or 0) - (prev.size or 0)) > 0.6:
        return True
    left = geo.left_of(cur)
    hanging = bool(NUMBERED.match(prev.text) or LIST_ITEM.match(prev.text)
                   or prev.bold and SECTION_NUMBER.match(prev.text))
    if cur.x0 > left + 8 and prev.x0 < left + 4 and not hanging:
        return True  # first-line indent (not the hanging indent of a numbered line)
    short = prev.x1 < geo.right_of(prev) - 40
    return short and ends_sentence


def classify(block: BlockDraft, geo: Geometry, is_resolution: bool) -> BlockDraft:
    """Set the kind (and paragraph or item number) of a block."""
    text = block.first.text
    if block.fixed:
        block.kind = block.fixed
    elif SIGNED.match(text):
        block.kind = "signature"
    elif ANNEX.match(text):
        block.kind = "annex_heading"
    elif m := NUMBERED.match(text):
        block.kind = "operative_paragraph" if is_resolution else "numbered_paragraph"
        block.number = m.group(1)
        if _is_heading(block, geo):
            block.kind = "heading"
    elif m := LIST_ITEM.match(text):
        block.kind = "list_item"
        block.number = m.group(1)
    elif _is_quotation(block, geo):
        block.kind = "quotation"
    elif _is_heading(block, geo):
        block.kind = "heading"
    elif is_resolution and _TRAILING_MARKER.sub("", block_text(block).rstrip()).endswith(","):
        block.kind = "preambular_paragraph"
    return block


def _is_heading(block: BlockDraft, geo: Geometry) -> bool:
    text = " ".join(ln.text for ln in block.lines)
    limit = HEADING_LENGTH * (1.5 if _display_type(block, geo) else 1)
    if len(text) > limit or text.rstrip().endswith((".", ",", ";", ":")):
        return False
    if geo.pdf:
        # Bold, or a short line standing alone in italics (subheadings of
        # notes) or in display type ("Contents" set large in roman).
        lone = len(block.lines) == 1 and len(text) < 80 and text[:1].isupper()
        return all(ln.bold for ln in block.lines) or lone and (
            block.first.italic and (block.first.size or 0) >= geo.size - 0.5  # not a small table caption
            or _display_type(block, geo) and re.search(r"[^\W\d_]{3}", text) is not None)  # not a stray "J"
    return len(block.lines) == 1 and text[:1].isupper() and len(text) < geo.full_length * 0.8


def _display_type(block: BlockDraft, geo: Geometry) -> bool:
    """Set larger than the body text (a heading over two columns, a title)."""
    return geo.pdf and all((ln.size or 0) >= geo.size + DISPLAY_SIZE for ln in block.lines)


def _is_quotation(block: BlockDraft, geo: Geometry) -> bool:
    if geo.pdf:
        if _display_type(block, geo):
            return False
        lines = block.lines
        left = geo.left_of(block.first)
        right = geo.right_of(block.first)
        inset = all(ln.x0 > left + 12 for ln in lines)
        narrow = all(ln.x1 < right - 12 for ln in lines[:-1]) if len(lines) > 1 else False
        return inset and narrow
    # Text exports that indent paragraphs set quotations flush left.
    return geo.indent_mode and block.first.x0 < 1 and len(block.lines) > 1


def block_text(block: BlockDraft) -> str:
    return join_lines([clean_line(ln.text) for ln in block.lines])[0]


def block_boxes(block: BlockDraft) -> tuple[tuple[int, Box], ...]:
    """One box per page the block covers, and per column on a two-column page
    (PDF only), in reading order."""
    out: dict[tuple[int, int], list[float]] = {}
    for ln in block.lines:
        if ln.size is None:  # a text export: no boxes
            continue
        key = (ln.page, ln.column)
        if (b := out.get(key)) is None:
            out[key] = [ln.x0, ln.top, ln.x1, ln.bottom]
        else:
            b[:] = min(b[0], ln.x0), min(b[1], ln.top), max(b[2], ln.x1), max(b[3], ln.bottom)
    return tuple((page, Box(*(round(v, 1) for v in b))) for (page, _), b in out.items())
