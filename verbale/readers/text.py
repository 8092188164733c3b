"""Read a plain-text export of a UN document into pages of lines.

Exports come in two shapes, and the reader tells them apart by counting:

* double-spaced (every line followed by a blank line, as many PDF-to-text
  tools write UN documents): blank lines carry no meaning, and a paragraph
  starts where a line is indented;
* single-spaced: a blank line ends a paragraph.

Pages are separated by form feeds where the export kept them. Lines that are
nothing but a web address (the link targets some exports list at the end of a
page) become link records instead of text.
"""

from __future__ import annotations

import re

from ..errors import EmptyInputError, EncodingError, UnsupportedFormat
from ..model import Warning
from .lines import Line, RawLink, RawPage

_URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$")
# Share of text lines followed by a blank line above which an export is double-spaced.
DOUBLE_SPACED_SHARE = 0.6
TAB_WIDTH = 4


def decode(data: bytes) -> tuple[str, list[Warning]]:
    """Decode text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            raise EncodingError("the text claims to be UTF-16 but cannot be decoded") from None
    if b"\x00" in data[:4096]:
        raise UnsupportedFormat("the file is binary, neither a PDF nor text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise EncodingError(
            f"the text is not valid UTF-8 (byte {bad}) nor Windows-1252: convert it to UTF-8"
        ) from None
    return text, [Warning("encoding", f"not valid UTF-8 (byte {bad}); read as Windows-1252")]


def read_text(text: str) -> tuple[list[RawPage], list[Warning]]:
    """Split decoded text into pages of :class:`Line` records."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInputError("the text file is empty")
    raw_pages = text.split("\f")
    double = _is_double_spaced(text)
    pages = []
    for number, page_text in enumerate(raw_pages, start=1):
        pages.append(_page(page_text, number, double, explicit=len(raw_pages) > 1))
    return [p for p in pages if p.lines or p.links], []


def _is_double_spaced(text: str) -> bool:
    rows = text.split("\n")
    filled = [i for i, row in enumerate(rows[:-1]) if row.strip()]
    if len(filled) < 4:
        return False
    followed = sum(1 for i in filled if not rows[i + 1].strip())
    return followed / len(filled) >= DOUBLE_SPACED_SHARE


def _page(page_text: str, number: int, double: bool, explicit: bool) -> RawPage:
    lines: list[Line] = []
    links: list[RawLink] = []
    blanks = 0
    for row in page_text.split("\n"):
        row = row.expandtabs(TAB_WIDTH).rstrip()
        if not row.strip():
            blanks += 1
            continue
        url = _URL_LINE.match(row)
        if url:
            links.append(RawLink(url.group(1), number, line=len(lines) - 1))
            blanks = 0
            continue
        gap = max(blanks - 1, 0) if double else blanks
        indent = len(row) - len(row.lstrip(" "))
        lines.append(Line(row.strip(), number, float(indent), float(len(lines)), gap_before=gap))
        blanks = 0
    return RawPage(number, tuple(lines), tuple(links), explicit=explicit)
