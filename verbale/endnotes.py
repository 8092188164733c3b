"""Endnotes: notes gathered under a "Notes" heading at the end of a document.

The Editorial Manual puts notes at the foot of the page, but some series set
them as endnotes: the summaries and compilations of the Universal Periodic
Review (A/HRC/WG.6/…) end with a "Notes" heading followed by every note,
numbered 1, 2, 3… in the order of their indicators in the text. Those lines
are taken out of the body here and read as notes; their indicators are then
searched through the whole text, not on the note's own page.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .blocks import ANNEX
from .layout import PageParts
from .marks import NOTE_START
from .readers.lines import Line

# The heading of an endnote section, alone on its line (EN, FR, ES, RU).
HEADING = re.compile(r"^\s*(?:end\s*notes|notes|notas|notes de fin|примечания)\s*$", re.IGNORECASE)


def split_endnotes(parts: list[PageParts]) -> tuple[list[PageParts], list[PageParts]]:
    """Take the endnote section out of ``parts``.

    Returns the parts without it and, per page, the endnote lines (as the
    ``notes`` of otherwise empty parts). The section runs from its heading to
    the end of the document or to an annex after it; it must hold notes 1 and
    2 in sequence. Otherwise the document is left as it is.
    """
    found = _heading(parts)
    if found is None:
        return parts, []
    page_index, line_index = found
    kept = list(parts[:page_index])
    notes: list[PageParts] = []
    ended = False
    for offset, part in enumerate(parts[page_index:]):
        if ended:  # an annex after the notes: its pages keep their own footnotes
            kept.append(part)
            continue
        body = list(part.body[line_index + 1:] if offset == 0 else part.body)
        stay = list(part.body[:line_index] if offset == 0 else [])
        stay_notes: list[Line] = []
        note_lines: list[Line] = []
        own_notes = {id(ln) for ln in part.notes}
        for line in sorted([*body, *part.notes], key=_reading_order):
            ended = ended or bool(ANNEX.match(line.text.strip()))
            if not ended:
                note_lines.append(line)
            else:
                (stay_notes if id(line) in own_notes else stay).append(line)
        kept.append(replace(part, body=tuple(stay), notes=tuple(stay_notes)))
        notes.append(PageParts(part.number, (), tuple(note_lines), ()))
    if not _in_sequence(line for part in notes for line in part.notes):
        return parts, []
    return kept, notes


def _in_sequence(lines) -> bool:
    """The section opens with notes 1 and 2 (a heading over a single table note is no endnote section)."""
    numbers = [token for line in lines if (token := _indicator(line)) and token.isdigit()]
    return numbers[:2] == ["1", "2"]


def _heading(parts: list[PageParts]) -> tuple[int, int] | None:
    """The last endnote heading whose next line opens note 1, if any."""
    for page_index in range(len(parts) - 1, -1, -1):
        body = parts[page_index].body
        for line_index in range(len(body) - 1, -1, -1):
            if HEADING.match(body[line_index].text) and _opens_first_note(parts, page_index, line_index):
                return page_index, line_index
    return None


def _opens_first_note(parts: list[PageParts], page_index: int, line_index: int) -> bool:
    """The first line after the heading (here or on the next page) opens note 1."""
    part = parts[page_index]
    after = [*part.body[line_index + 1:], *part.notes]
    if not after:  # the notes begin on the next page
        following = parts[page_index + 1] if page_index + 1 < len(parts) else None
        after = [*following.body, *following.notes] if following else []
    if not after:
        return False
    return _indicator(min(after, key=_reading_order)) == "1"


def _indicator(line: Line) -> str | None:
    """The indicator a note line opens with: raised, or set before a space."""
    if line.superscripts[:1] and line.superscripts[0][0] == 0:
        return line.text[: line.superscripts[0][1]]
    match = NOTE_START.match(line.text)
    return match.group(1) if match else None


def _reading_order(line: Line) -> tuple[float, float]:
    return line.top, line.x0
