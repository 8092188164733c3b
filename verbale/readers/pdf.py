"""Read a PDF's text layer into pages of lines, with pypdfium2 (PDFium).

PDFium gives the page text in reading order with generated ``\\r\\n`` between
lines, and its character indices match the string exactly. Asking for every
character's box would cost more than the extraction itself, so each line is
measured from a few sample characters (first, middle, last), and only digits
and note symbols are checked one by one for the smaller, raised glyphs of a
superscript footnote indicator.
"""

from __future__ import annotations

import ctypes
import re
from typing import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import DamagedPdf, EncryptedPdf, NoTextLayer
from ..model import Box, Warning
from .lines import Line, RawLink, RawPage

# A glyph this much smaller than its line, and raised, is a superscript.
SUPERSCRIPT_SIZE_RATIO = 0.85
SUPERSCRIPT_RISE = 1.0  # points above the line's baseline
_MARKER_CHARS = frozenset("0123456789*†‡§")
_ITALIC_FLAG = 0x40  # PDF font descriptor flag "Italic"
_MARKER_RUN = re.compile(r"[0-9*†‡§]")
# Below this nominal size, a font is scaled by the text matrix instead.
MIN_NOMINAL_SIZE = 3.0
# Height of PDFium's loose glyph box (ascent + descent) over the font size.
LOOSE_BOX_RATIO = 1.2
# A line taller and wider than this many times its type size is two lines
# far apart that PDFium ran into one.
JUMP_LINES = 3.0
# Pages with fewer characters than this are treated as having no text layer.
MIN_PAGE_CHARS = 20


def read_pdf(source: str | bytes) -> tuple[list[RawPage], list[Warning]]:
    """Read every page of a PDF (a path or the file's bytes).

    Raises EncryptedPdf, DamagedPdf or NoTextLayer; a page that fails on its
    own becomes a warning and the other pages are still read.
    """
    pdf = _open(source)
    pages: list[RawPage] = []
    warnings: list[Warning] = []
    try:
        for number in range(1, len(pdf) + 1):
            try:
                pages.append(_read_page(pdf, number))
            except pdfium.PdfiumError as exc:
                warnings.append(Warning("damaged_page", f"page {number} could not be read: {exc}", number))
                pages.append(RawPage(number, ()))
    finally:
        pdf.close()
    empty = [p.number for p in pages if sum(len(line.text) for line in p.lines) < MIN_PAGE_CHARS]
    if pages and len(empty) == len(pages):
        raise NoTextLayer(
            "the PDF has no text layer (a scan?): run OCR first, e.g. `ocrmypdf in.pdf out.pdf`"
        )
    if empty:
        warnings.append(Warning("no_text", f"pages without text (images or scans): {_ranges(empty)}"))
    return pages, warnings


def _open(source: str | bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(source)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedPdf("the PDF is encrypted: decrypt it first (e.g. `qpdf --decrypt`)") from None
        raise DamagedPdf(f"the PDF cannot be opened ({exc}); is it truncated?") from None


def _read_page(pdf: pdfium.PdfDocument, number: int) -> RawPage:
    page = pdf[number - 1]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            lines = tuple(_merge_fragments(_lines(textpage.raw, text, number, height)))
        finally:
            textpage.close()
        links = tuple(_links(pdf, page, number, height))
    finally:
        page.close()
    return RawPage(number, lines, links, width, height)


class _Probe:
    """Small reusable ctypes buffers for per-character queries."""

    def __init__(self, textpage) -> None:
        self.tp = textpage
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.l, self.r, self.b, self.t = (ctypes.c_double() for _ in range(4))
        self.rect = pdfium_c.FS_RECTF()
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()

    def origin(self, i: int) -> tuple[float, float]:
        pdfium_c.FPDFText_GetCharOrigin(self.tp, i, self.x, self.y)
        return self.x.value, self.y.value

    def size(self, i: int) -> float:
        size = pdfium_c.FPDFText_GetFontSize(self.tp, i)
        if size < MIN_NOMINAL_SIZE:
            # Text drawn at size 1 and scaled by its matrix (some older
            # producers): the glyph box tells the size the reader sees.
            _, top, _, bottom = self.box(i)
            size = (top - bottom) / LOOSE_BOX_RATIO
        return size

    def box(self, i: int) -> tuple[float, float, float, float]:
        pdfium_c.FPDFText_GetLooseCharBox(self.tp, i, self.rect)
        return self.rect.left, self.rect.top, self.rect.right, self.rect.bottom

    def style(self, i: int) -> tuple[bool, bool]:
        """(bold, italic) of a character, from its weight, flags and font name."""
        pdfium_c.FPDFText_GetFontInfo(self.tp, i, self.name, 128, self.flags)
        name = self.name.value.lower()
        bold = b"bold" in name or pdfium_c.FPDFText_GetFontWeight(self.tp, i) >= 600
        italic = b"italic" in name or b"oblique" in name or bool(self.flags.value & _ITALIC_FLAG)
        return bold, italic


def _lines(textpage, text: str, number: int, height: float) -> Iterator[Line]:
    probe = _Probe(textpage)
    # PDFium joins two visual lines when the first ends in a hyphen, which it
    # reports as U+FFFE: split there too, keeping the hyphen.
    for m in _LINE.finditer(text):
        start, end = m.span()
        first = start + len(m.group()) - len(m.group().lstrip())
        last = start + len(m.group().rstrip()) - 1
        if first <= last:
            line = _measure(probe, text, first, last, number, height)
            if _tall(line) and line.x1 - line.x0 > JUMP_LINES * (line.size or 0):
                yield from _split_jump(probe, text, first, last, line, height)
            else:
                yield line


def _split_jump(probe: _Probe, text: str, first: int, last: int, line: Line, height: float) -> Iterator[Line]:
    """The two lines a tall and wide line holds (a line set on its side is
    tall and narrow): PDFium may run on from the last line of a footnote to a
    label drawn in a chart far up the page. The line is cut where the baseline
    jumps, when that leaves two lines of one height each (not so a mark in the
    margin of a scan)."""
    number = line.page
    prev = probe.origin(first)[1]
    for i in range(first + 1, last + 1):
        if text[i].isspace():
            continue
        y = probe.origin(i)[1]
        if abs(y - prev) > JUMP_LINES * (line.size or 0):
            end = i - 1
            while end > first and text[end].isspace():
                end -= 1
            parts = (_measure(probe, text, first, end, number, height),
                     _measure(probe, text, i, last, number, height))
            lone_mark = min(len(part.text) for part in parts) < 2
            yield from (line,) if lone_mark or any(map(_tall, parts)) else parts
            return
        prev = y
    yield line


def _tall(line: Line) -> bool:
    return line.bottom - line.top > JUMP_LINES * (line.size or 0)


def _merge_fragments(lines: Iterator[Line]) -> Iterator[Line]:
    """Rejoin pieces of one printed line that PDFium reported as several.

    PDFium starts a new line where the baseline moves, as it does around a
    raised footnote indicator ("States,¹" | "a position paper"): a piece that
    starts right of the previous one on the same band of the page belongs to it.
    """
    prev: Line | None = None
    for line in lines:
        if prev is not None and _same_band(prev, line):
            prev = _join(prev, line)
            continue
        if prev is not None:
            yield prev
        prev = line
    if prev is not None:
        yield prev


def _same_band(a: Line, b: Line) -> bool:
    size = max(a.size or 0, b.size or 0, 1.0)
    if max(a.bottom - a.top, b.bottom - b.top) > 3 * size:
        return False  # rotated text: boxes say nothing about lines
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    near = a.x1 - 1 <= b.x0 <= a.x1 + 2 * size
    return near and overlap > 0.4 * min(a.bottom - a.top, b.bottom - b.top)


def _join(a: Line, b: Line) -> Line:
    sep = " " if b.x0 - a.x1 > 1.5 else ""
    shift = len(a.text) + len(sep)
    main = a if (a.size or 0) >= (b.size or 0) else b
    indicator = _is_indicator(b, a)
    return Line(
        text=a.text + sep + b.text, page=a.page, x0=a.x0, top=min(a.top, b.top), x1=b.x1,
        bottom=max(a.bottom, b.bottom), size=main.size, bold=main.bold, italic=main.italic,
        superscripts=a.superscripts + tuple((s + shift, e + shift) for s, e in b.superscripts)
        + (((shift, shift + len(b.text)),) if indicator else ()),
        superscript_boxes=a.superscript_boxes + b.superscript_boxes + ((b.box,) if indicator else ()),
    )


def _is_indicator(piece: Line, line: Line) -> bool:
    """A piece holding only a smaller, raised indicator ("2", "*")."""
    return (set(piece.text) <= _MARKER_CHARS | {","} and not piece.superscripts
            and (piece.size or 0) < (line.size or 0) * SUPERSCRIPT_SIZE_RATIO)


_LINE = re.compile(r"[^\r\n\ufffe]*\ufffe|[^\r\n\ufffe]+")


def _measure(probe: _Probe, text: str, first: int, last: int, number: int, height: float) -> Line:
    mid = _representative(text, first, last)
    size = probe.size(mid)
    _, baseline = probe.origin(mid)
    x0, top, _, bottom = probe.box(first)
    _, top_mid, x1, bottom_mid = probe.box(last)
    supers, super_boxes = _superscripts(probe, text, first, last, size, baseline, height)
    styles = [probe.style(mid)]
    if any(styles[0]):  # most lines are in regular type: one look is enough
        styles += [probe.style(_first_letter(text, first, last)),
                   probe.style(_last_letter(text, first, last))]
    return Line(
        text=text[first : last + 1],
        page=number,
        x0=x0,
        top=height - max(top, top_mid),
        x1=x1,
        bottom=height - min(bottom, bottom_mid),
        size=round(size, 2),
        # Headings are bold (or italic) from end to end; a run-in lead-in
        # ("3.1 Scope. The …") ends in regular type, emphasis in a sentence starts in it.
        bold=all(b for b, _ in styles),
        italic=all(i for _, i in styles),
        superscripts=supers,
        superscript_boxes=super_boxes,
    )


def _representative(text: str, first: int, last: int) -> int:
    """The letter nearest the middle of the line (the middle if none)."""
    mid = (first + last) // 2
    for step in range(0, (last - first) // 2 + 2):
        for i in (mid - step, mid + step):
            if first <= i <= last and text[i].isalpha():
                return i
    return mid


def _first_letter(text: str, first: int, last: int) -> int:
    """The line's first letter, past a number or bullet ("3.1 ", "– ")."""
    for i in range(first, min(last, first + 12) + 1):
        if text[i].isalpha():
            return i
    return first


def _last_letter(text: str, first: int, last: int) -> int:
    """The line's last letter, past a trailing indicator or punctuation."""
    for i in range(last, max(first, last - 12) - 1, -1):
        if text[i].isalpha():
            return i
    return last


def _superscripts(probe, text, first, last, size, baseline, height):
    """Spans of raised, smaller indicator glyphs, and the box of each span."""
    spans: list[list] = []
    for found in _MARKER_RUN.finditer(text, first, last + 1):
        i = found.start()
        if probe.size(i) >= size * SUPERSCRIPT_SIZE_RATIO:
            continue
        if probe.origin(i)[1] <= baseline + SUPERSCRIPT_RISE:
            continue
        offset = i - first
        x0, top, x1, bottom = probe.box(i)
        box = Box(round(x0, 1), round(height - top, 1), round(x1, 1), round(height - bottom, 1))
        if spans and spans[-1][1] in (offset, offset - 1) and text[i - 1] in _MARKER_CHARS | {","}:
            spans[-1][1] = offset + 1
            spans[-1][2] = _union(spans[-1][2], box)
        else:
            spans.append([offset, offset + 1, box])
    return tuple((a, b) for a, b, _ in spans), tuple(box for _, _, box in spans)


def _union(a: Box, b: Box) -> Box:
    return Box(min(a.x0, b.x0), min(a.top, b.top), max(a.x1, b.x1), max(a.bottom, b.bottom))


def _links(pdf, page, number: int, height: float) -> Iterator[RawLink]:
    pos = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    rect = pdfium_c.FS_RECTF()
    while pdfium_c.FPDFLink_Enumerate(page.raw, pos, link):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        n = pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, None, 0)
        buf = ctypes.create_string_buffer(n)
        pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, buf, n)
        url = buf.value.decode("utf-8", "replace").strip()
        if not url:
            continue
        box = None
        if pdfium_c.FPDFLink_GetAnnotRect(link, rect):
            box = Box(round(rect.left, 1), round(height - rect.top, 1),
                      round(rect.right, 1), round(height - rect.bottom, 1))
        yield RawLink(url, number, box)


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    for n in numbers:
        if out and out[-1].split("-")[-1] == str(n - 1):
            out[-1] = out[-1].split("-")[0] + f"-{n}"
        else:
            out.append(str(n))
    return ", ".join(out)
