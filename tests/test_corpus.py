"""Every PDF of the shared corpus (issue 2, "Must show, on real documents").

For each PDF listed in ``corpus/MANIFEST.tsv``:

* a PDF with a text layer (``text_layer`` yes or ocr) parses without an
  exception; one without (``none``) raises ``NoTextLayer``;
* its own symbols are the manifest's ``un_symbol`` (a joint symbol split at the
  dash between two symbols), compared without spaces, case or reissue ``*``;
* its date is the masthead date: the year is the manifest's ``year`` ±1;
* no block holds page furniture: a job number, a page number next to a job
  number, a barcode, "Please recycle", a bare page number in the page margin,
  or nothing but the document's own symbols.

Documents the parser gets wrong today are listed below with the defect, as
strict xfails: fix the parser, then remove the entry. The shared folder is
``$VERBALE_SHARED`` (default ``../shared``); without it the tests skip.
"""

from __future__ import annotations

import csv
import functools
import re

import pytest
from conftest import CORPUS_PDF, SHARED

MANIFEST = SHARED / "corpus" / "MANIFEST.tsv"

# file -> why its own symbols differ from the manifest.
SYMBOL_DEFECTS: dict[str, str] = {
    "A_39_361.en.pdf": "OCR layer: symbol printed 'A/39/36I' and no 'Distr.:'/'United Nations' line -> no "
                       "masthead read",
    "E_CN.4_109.en.pdf": "1948 OCR layer 'E / C N A/109' read as 'A/109'",
}

# file -> why the masthead date is missing or wrong.
DATE_DEFECTS: dict[str, str] = {
    "A_39_361.en.pdf": "OCR layer: '25 July 19 84', and no masthead read",
    "E_CN.4_109.en.pdf": "1948 OCR layer: '2 June 19kd'",
    "un-su__1971-09-29_A_L.632-EN.pdf": "OCR '~9 September 1971'",
}

# file -> which page furniture reaches a block.
FURNITURE_DEFECTS: dict[str, str] = {
}

JOB = r"\b(?:GE\.)?\d{2}-\d{5}\b"
FURNITURE = {
    "job number": re.compile(JOB + r"\*?\s*\([ACEFRS]\)"),
    "page number by a job number": re.compile(
        r"(?:\b\d{1,3})?/\d{1,3}\s+" + JOB + r"|" + JOB + r"\s+\d{1,3}/\d{1,3}\b"),
    "barcode": re.compile(r"\*\d{7}\*"),
    "Please recycle": re.compile(r"\bPlease\s+recycle\b", re.IGNORECASE),
}
# Furniture sits within this many points of the top or bottom of the page.
MARGIN = 80.0
_JOINT = re.compile(r"(?<=[\w.)*])\s*[-–—−]\s*(?=[A-Z]{1,6}(?:\.\d+)?/)")


def _manifest() -> list[dict[str, str]]:
    if not MANIFEST.exists():
        return []
    with MANIFEST.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


ROWS = {row["file"]: row for row in _manifest()}
_MISSING = pytest.param(None, marks=pytest.mark.skip(
    reason=f"{MANIFEST} is missing: set VERBALE_SHARED to the shared folder"))


def _files(*, text_layer: bool | None = None, defects: dict[str, str] | None = None):
    """Parameters: manifest files (optionally only those with a text layer),
    with the known defects as strict xfails."""
    out = []
    for name, row in ROWS.items():
        if text_layer is not None and (row["text_layer"] != "none") != text_layer:
            continue
        reason = (defects or {}).get(name)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        out.append(pytest.param(name, marks=marks, id=name))
    return out or [_MISSING]


@functools.cache
def _parse(name: str):
    from verbale import parse

    return parse(CORPUS_PDF / name)


def normalize(symbol: str) -> str:
    """A symbol compared without spaces, case or reissue asterisk."""
    return re.sub(r"\s+", "", symbol).rstrip("*").upper()


def split_joint(symbol: str) -> list[str]:
    """'A/79/722-S/2025/27' -> ['A/79/722', 'S/2025/27']; 'A/ES-10/1027' stays whole."""
    return [s for s in _JOINT.split(symbol.strip()) if s]


@functools.cache
def _page_heights(name: str) -> tuple[float, ...]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(CORPUS_PDF / name))
    try:
        return tuple(pdf[i].get_size()[1] for i in range(len(pdf)))
    finally:
        pdf.close()


def test_split_joint() -> None:
    assert split_joint("A/79/722-S/2025/27") == ["A/79/722", "S/2025/27"]
    assert split_joint("A/79/963–S/2025/438") == ["A/79/963", "S/2025/438"]
    assert split_joint("A/80/62−E/2025/12") == ["A/80/62", "E/2025/12"]
    assert split_joint("A/ES-10/1027-S/2025/173") == ["A/ES-10/1027", "S/2025/173"]
    assert split_joint("S/RES/2769 (2025)") == ["S/RES/2769 (2025)"]
    assert normalize("S/RES/2769 (2025)") == normalize("S/RES/2769(2025)")


@pytest.mark.parametrize("name", _files())
def test_parses(name: str) -> None:
    from verbale.errors import NoTextLayer

    if ROWS[name]["text_layer"] == "none":
        with pytest.raises(NoTextLayer):
            _parse(name)
        return
    doc = _parse(name)
    assert doc.blocks, f"{name}: no blocks"


@pytest.mark.parametrize("name", _files(text_layer=True, defects=SYMBOL_DEFECTS))
def test_own_symbols(name: str) -> None:
    expected = [normalize(s) for s in split_joint(ROWS[name]["un_symbol"])]
    got = [normalize(s) for s in _parse(name).symbols]
    assert got == expected


@pytest.mark.parametrize("name", _files(text_layer=True, defects=DATE_DEFECTS))
def test_masthead_date(name: str) -> None:
    date = _parse(name).date
    year = ROWS[name]["year"].strip()
    assert date, f"{name}: no date"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)
    if year:
        assert abs(int(date[:4]) - int(year)) <= 1, f"{name}: date {date}, manifest year {year}"


@pytest.mark.parametrize("name", _files(text_layer=True, defects=FURNITURE_DEFECTS))
def test_no_page_furniture_in_blocks(name: str) -> None:
    doc = _parse(name)
    own = {normalize(s) for s in doc.symbols} | {
        normalize(s) for s in split_joint(ROWS[name]["un_symbol"])}
    heights = _page_heights(name)
    found = []
    for block in doc.blocks:
        text = block.text.strip()
        for what, pattern in FURNITURE.items():
            if m := pattern.search(text):
                found.append(f"{block.id} p{block.page}: {what}: {text[max(0, m.start() - 20):m.end() + 20]!r}")
        tokens = [normalize(t) for t in re.split(r"\s+|(?<=\d)[-–—−](?=[A-Z])", text) if t]
        if tokens and all(t in own for t in tokens):
            found.append(f"{block.id} p{block.page}: only the document's own symbol: {text!r}")
        if text == str(block.page) and _in_margin(block, heights):
            found.append(f"{block.id} p{block.page}: bare page number {text!r}")
    assert not found, f"{name}: page furniture in blocks:\n" + "\n".join(found)


def _in_margin(block, heights: tuple[float, ...]) -> bool:
    for page, box in block.boxes:
        height = heights[page - 1] if page <= len(heights) else 842.0
        if box.top < MARGIN or box.bottom > height - MARGIN:
            return True
    return False
