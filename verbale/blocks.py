"""Group body lines into blocks and say what kind each block is.

A new block starts where the layout says so: extra space above a line, a
first-line indent, a change of type (bold headings), a list or paragraph
number, a ``(Signed)`` line, or a short line that ends a sentence. A block
goes on across a page break (and the notes that interrupt it), or from the
foot of the left column to the head of the right one on a two-column page,
when the page (column) ended mid-sentence or the next starts in lower case.
On a two-column page, margins and indents are those of the line's column.

A table of contents is read apart (toc.py): one ``toc_entry`` block per entry.

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
from dataclasses import dataclass, field

from . import formulas
from .figures import CAPTION_LINES, FIGURE_LABEL, FIGURE_LABEL_ALONE
from .geometry import GAP_RATIO, Geometry
from .marks import LIST_ITEM, NUMBERED, SECTION_NUMBER
from .model import Box
from .readers.lines import Line
from .textjoin import clean_line, join_lines
from .toc import TOC_KIND, toc_roles

# "(Signed)", and in French, Spanish and Russian.
SIGNED = re.compile(rf"^\((?:{'|'.join(formulas.SIGNED_WORDS)})\s?\)", re.I)
# "Annex", "Annex II", "Enclosure 3" alone, or "Annex to the letter …"; in French
# and Spanish "Annexe I", "Pièce jointe", "Annexe à la lettre …", "Anexo de la carta …".
_SECTION_WORDS = sorted((w[0].upper() + w[1:] for w in formulas.SECTION_KINDS), key=len, reverse=True)
ANNEX = re.compile(
    rf"^(?:({'|'.join(_SECTION_WORDS)})"
    r"(?:\s+([IVXLC]+|\d{1,2}|[A-Z]))?)"
    r"(?=\s*(?:$|\*|\[|to\b|\d{1,3}$|(?:à|au|aux|de|del)\b))"
)
_TERMINAL = tuple(".:;!?”\"’)")
# A note indicator after the final punctuation does not hide a sentence end.
_TRAILING_MARKER = re.compile(r"(?<=[.,:;!?”\"’)])\s?(?:\d{1,3}|\*{1,3})(?:,\d{1,3})*$")
# A text line shorter than this share of a full line ends its paragraph.
SHORT_LINE = 0.72
INTRO_LINE = 0.85
# Headings run to this many characters; those set in display type (this many
# points larger than the body text) to half as many again.
HEADING_LENGTH = 160
DISPLAY_SIZE = 2.0


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


def segment(lines: list[Line], geo: Geometry) -> list[BlockDraft]:
    """Split body lines into blocks."""
    toc = toc_roles(lines, geo)
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
            blocks.append(BlockDraft([line], fixed=TOC_KIND.get(role or "") or ("figure" if line.figure else None)))
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
                and len(caption.lines) <= CAPTION_LINES and len(block_text(caption)) <= 2 * HEADING_LENGTH \
                and not block_text(caption).endswith((".", ";", ":")):
            caption.fixed = "heading"


def _figure_label(line: Line) -> bool:
    """The line starts with a figure's label: alone, or before the caption."""
    return FIGURE_LABEL.match(line.text.strip()) is not None


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
