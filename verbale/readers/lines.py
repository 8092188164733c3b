"""The reading unit shared by the PDF and the text reader: a line on a page.

Both readers turn their input into pages of :class:`Line` records; everything
after that (masthead, page furniture, footnotes, blocks) works on lines and so
works the same for PDFs and for text exports. A text export has no geometry:
``x0`` is then the count of leading spaces, ``top`` the line number on the
page, and ``size`` is ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Box


@dataclass(frozen=True)
class Line:
    """One line of text as read, before any structure is found."""

    text: str
    page: int
    x0: float
    top: float
    x1: float = 0.0
    bottom: float = 0.0
    size: float | None = None
    bold: bool = False
    italic: bool = False
    # (start, end) offsets in ``text`` of characters set as superscripts.
    superscripts: tuple[tuple[int, int], ...] = ()
    superscript_boxes: tuple[Box, ...] = ()  # one per span, PDFs only
    # Blank lines seen just before this one (text exports only).
    gap_before: float = 0.0
    # On a two-column page: 1 for the left column, 2 for the right one; 0 for
    # a line across the page (and for every line of a one-column page).
    column: int = 0
    # Inside a chart or other figure drawn with text (axis ticks, labels,
    # legends): the figure's number on its page, from 1; 0 for other lines.
    figure: int = 0

    @property
    def box(self) -> Box | None:
        """The line's box on the page, or None for text exports."""
        if self.size is None:
            return None
        return Box(round(self.x0, 1), round(self.top, 1), round(self.x1, 1), round(self.bottom, 1))


@dataclass(frozen=True)
class RawLink:
    """A link target as found by a reader, before it is attached to a note."""

    url: str
    page: int
    box: Box | None = None
    line: int | None = None  # index of the page line the link sits after (text exports)


@dataclass(frozen=True)
class RawPage:
    """A page of lines plus its link targets."""

    number: int
    lines: tuple[Line, ...]
    links: tuple[RawLink, ...] = ()
    width: float = 0.0
    height: float = 0.0
    # A form feed ended this page (text) or it is a real PDF page.
    explicit: bool = True
