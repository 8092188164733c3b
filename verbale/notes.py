"""Footnotes: read the notes of each page and find each note's indicator.

A note's indicator is searched on the note's own page, after the indicator of
the note before it, because notes are numbered in reading order (Editorial
Manual, footnotes chap. 9). In a PDF the indicator is a superscript, which
settles it; in a text export it is a number glued to the word or punctuation
before it (``war".1``), or standing after punctuation and a space
(``fighters, 12 again``), so the expected number in sequence is what makes the
search safe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .layout import PageParts
from .marks import NOTE_START
from .model import Box, Warning
from .readers.lines import Line
from .textjoin import clean_line, join_lines


@dataclass
class NoteDraft:
    """A note being read: its indicator, page and lines."""

    marker: str
    page: int
    lines: list[Line] = field(default_factory=list)
    first_text: str = ""
    endnote: bool = False  # set at the end of the document, not on its indicator's page

    @property
    def text(self) -> str:
        rest = [clean_line(ln.text) for ln in self.lines[1:]]
        return join_lines([self.first_text, *rest])[0].strip()

    @property
    def box(self) -> Box | None:
        boxes = [ln.box for ln in self.lines if ln.box]
        if not boxes:
            return None
        return Box(min(b.x0 for b in boxes), boxes[0].top, max(b.x1 for b in boxes), boxes[-1].bottom)


@dataclass(frozen=True)
class Placement:
    """Where a note's indicator sits: a body line and a span in its text."""

    note: int  # index into the list of notes
    line: Line
    start: int
    end: int


def read_notes(parts: list[PageParts], *, endnotes: bool = False) -> list[NoteDraft]:
    """Split the note lines of every page into notes (``endnotes``: they are)."""
    notes: list[NoteDraft] = []
    last_number = 0
    current: NoteDraft | None = None
    for part in parts:
        if not endnotes:  # a footnote zone starts afresh on each page; endnotes run on
            current = None
        for line in part.notes:
            marker = _note_start(line, current, last_number)
            if marker is not None:
                current = NoteDraft(marker, part.number, [line], clean_line(line.text[len(marker):]), endnotes)
                notes.append(current)
                if marker.isdigit():
                    last_number = int(marker)
            elif current is not None:
                current.lines.append(line)
            elif notes:  # a note running over from the page before
                notes[-1].lines.append(line)
    return notes


def _note_start(line: Line, current: NoteDraft | None, last_number: int) -> str | None:
    sup = line.superscripts
    if sup and sup[0][0] == 0:
        return line.text[: sup[0][1]]
    match = NOTE_START.match(line.text)
    if not match:
        return None
    token = match.group(1)
    if token.isdigit():
        # A continuation line may begin with a number ("2019), p. 37"): only the
        # next number in sequence, or a restart at 1, opens a note.
        return token if int(token) in (last_number + 1, 1) or current is None else None
    if token.isalpha():
        return token if current is None or token == chr(ord(current.marker[-1]) + 1) else None
    return token


def place_markers(parts: list[PageParts], notes: list[NoteDraft]) -> tuple[list[Placement], list[Warning]]:
    """Find each footnote's indicator in the body lines of its page, and each
    endnote's in the whole text, after the indicator of the endnote before."""
    placements: list[Placement] = []
    warnings: list[Warning] = []
    by_page: dict[int, list[int]] = {}
    for index, note in enumerate(notes):
        if not note.endnote:
            by_page.setdefault(note.page, []).append(index)
    for part in parts:
        _place(part.body, [(i, notes[i]) for i in by_page.get(part.number, [])], placements, warnings)
    text = tuple(line for part in parts for line in part.body)
    _place(text, [(i, n) for i, n in enumerate(notes) if n.endnote], placements, warnings)
    for part in parts:
        warnings.extend(_orphan_superscripts(part, placements))
    return placements, warnings


def _place(lines: tuple[Line, ...], notes: list[tuple[int, NoteDraft]],
           placements: list[Placement], warnings: list[Warning]) -> None:
    """Place ``notes`` in ``lines`` in order, each after the one before."""
    cursor = (0, 0)
    for index, note in notes:
        found = _find(lines, note.marker, cursor)
        if found is None:
            warnings.append(Warning(
                "note_without_marker",
                f"note {note.marker} on page {note.page} has no indicator in the text", note.page))
            continue
        line_no, start, end = found
        placements.append(Placement(index, lines[line_no], start, end))
        cursor = (line_no, end)


def _find(lines: tuple[Line, ...], marker: str, cursor: tuple[int, int]) -> tuple[int, int, int] | None:
    """The first indicator ``marker`` at or after ``cursor``: superscripts first."""
    for use_pattern in (False, True):
        for line_no in range(cursor[0], len(lines)):
            line = lines[line_no]
            floor = cursor[1] if line_no == cursor[0] else 0
            spans = _pattern_candidates(line.text, marker) if use_pattern else (
                s for s in line.superscripts if line.text[s[0]:s[1]] == marker)
            for start, end in spans:
                if start >= floor:
                    return line_no, start, end
    return None


_CLOSERS = ".,;:!?”\"’')]»"


def _pattern_candidates(text: str, marker: str):
    """Spans where ``marker`` can stand as an indicator in plain text."""
    for m in re.finditer(re.escape(marker), text):
        start, end = m.span()
        after = text[end:end + 1]
        if after and (after.isalnum() or after in "/-–%"):
            continue
        if after in ".," and text[end + 1:end + 2].isdigit():
            continue
        before = text[start - 1:start]
        if marker[0] == "*":
            if before and not before.isspace():
                yield start, end
            continue
        if not before or before.isdigit() or before in "/-–−(":
            continue
        if before.isalpha() or before in _CLOSERS:
            # "1,000" and "2.5": punctuation between digits is not a closer.
            if before in ".," and text[start - 2:start - 1].isdigit():
                continue
            yield start, end
        elif before == " " and text[start - 2:start - 1] in tuple(_CLOSERS) and (
            not after or after == " " and not text[end + 1:end + 2].isupper()
        ):
            yield start - 1, end  # "fighters, 12 again": drop the space too


def _orphan_superscripts(part: PageParts, placements: list[Placement]) -> list[Warning]:
    used = {(id(p.line), p.start) for p in placements}
    out = []
    for line in part.body:
        for start, end in line.superscripts:
            token = line.text[start:end]
            if (id(line), start) in used or (id(line), start - 1) in used:
                continue
            if re.fullmatch(r"\d{1,3}|\*{1,3}", token) and not _in_symbol(line.text, start):
                out.append(Warning("marker_without_note",
                                   f"indicator {token} on page {part.number} has no note", part.number))
    return out


def _in_symbol(text: str, start: int) -> bool:
    return "/" in text[max(0, start - 12):start]
