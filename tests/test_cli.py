"""The command line on good and bad input: one-line errors, distinct exit
codes, no traceback, and existing output left untouched on failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS_PDF, SAMPLES, need

from verbale import errors


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verbale", *args], capture_output=True,
                          text=True, cwd=cwd)


def test_parse_json_and_jsonl(tmp_path):
    one = run("parse", str(SAMPLES / "letter.pdf"))
    assert one.returncode == 0, one.stderr
    assert json.loads(one.stdout)["symbols"] == ["A/99/123", "S/2045/45"]
    out = tmp_path / "two.jsonl"
    two = run("parse", str(SAMPLES / "letter.pdf"), str(SAMPLES / "letter.txt"), "-o", str(out))
    assert two.returncode == 0, two.stderr
    lines = out.read_text().splitlines()
    assert [json.loads(x)["source"]["format"] for x in lines] == ["pdf", "text"]


def test_parse_text_and_markdown():
    text = run("parse", "-f", "text", str(SAMPLES / "letter.pdf")).stdout
    assert "[^1]" in text and "[^1]: Norvania Daily Courier" in text
    md = run("parse", "-f", "markdown", str(SAMPLES / "letter.pdf")).stdout
    assert md.startswith("| field | value |") and "\n# Letter dated" in md and "\n> " in md


def _encrypted_pdf(path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(text="secret")
    pdf.set_encryption(owner_password="o", user_password="u")
    pdf.output(str(path))


def _scanned_pdf(path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")  # a page with drawings and no text
    pdf.output(str(path))


BAD = {
    "missing.pdf": (None, errors.NotFoundError),
    "empty.pdf": (b"", errors.EmptyInputError),
    "binary.bin": (bytes(range(256)) * 8, errors.UnsupportedFormat),
    "truncated.pdf": ("truncate", errors.DamagedPdf),
    "encrypted.pdf": (_encrypted_pdf, errors.EncryptedPdf),
    "scanned.pdf": (_scanned_pdf, errors.NoTextLayer),
    "broken.txt": (b"Letter \x81\x8d\x8f\x90\x9d" * 10, errors.EncodingError),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_one_line_error(tmp_path, name):
    content, error = BAD[name]
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content == "truncate":
        path.write_bytes((SAMPLES / "letter.pdf").read_bytes()[:700])
    elif callable(content):
        content(path)
    out = tmp_path / "keep.json"
    out.write_text("earlier output")
    result = run("parse", str(path), "-o", str(out))
    assert result.returncode == error.exit_code, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("verbale: ")
    assert "Traceback" not in result.stderr
    assert out.read_text() == "earlier output"


def test_scanned_pdf_suggests_ocr(tmp_path):
    path = tmp_path / "scan.pdf"
    _scanned_pdf(path)
    assert "ocrmypdf" in run("parse", str(path)).stderr


def test_real_scan_from_corpus():
    scan = need(CORPUS_PDF / "A_45_696_Add.1.en.pdf")
    result = run("parse", str(scan))
    assert result.returncode == errors.NoTextLayer.exit_code


def test_size_limit(tmp_path):
    from verbale import parse

    with pytest.raises(errors.TooLarge):
        parse(SAMPLES / "letter.pdf", max_bytes=1000)


def test_hostile_text_is_escaped_in_markdown(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text("Letter dated 1 May 2045 from the Permanent Representative\n\n"
                    "<script>alert(1)</script> and [x](javascript:alert(1)) \u202e text.\n")
    md = run("parse", "-f", "markdown", str(path)).stdout
    assert "<script>" not in md and "&lt;script&gt;" in md
    data = json.loads(run("parse", str(path)).stdout)
    assert "<script>alert(1)</script>" in data["blocks"][1]["text"]  # JSON keeps the text as is


def test_help_names_every_option():
    text = run("parse", "--help").stdout
    for option in ("--format", "--output", "json", "markdown"):
        assert option in text


def test_damaged_page_keeps_the_rest():
    """Partial success: a page whose content is garbage is reported, the others parse."""
    fpdf = pytest.importorskip("fpdf")
    from verbale import parse

    pdf = fpdf.FPDF()
    pdf.set_compression(False)
    for text in ("First page with enough text to count as a text layer. " * 3, "SECONDPAGE " * 20):
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(0, 8, text)
    data = bytearray(pdf.output())
    at = data.find(b"SECONDPAGE")
    data[at - 40: at + 200] = b"\x00\xff garbage " * 24  # same length: offsets stay valid
    doc = parse(bytes(data), name="damaged.pdf")
    assert doc.source.pages == 2
    assert any(w.code == "no_text" and "2" in w.message for w in doc.warnings)
    assert doc.blocks and doc.blocks[0].text.startswith("First page")


def test_refs_formats():
    from conftest import SEED, need

    seed = str(need(SEED))
    table = run("refs", seed).stdout.splitlines()
    assert len(table) >= 13 and any("\tbook\tfn1\t" in row for row in table)
    data = json.loads(run("refs", "-f", "json", seed).stdout)
    assert data["cited_symbols"][:2] == ["A/74/676", "S/2020/90"]
    csl = json.loads(run("refs", "-f", "csl", seed).stdout)
    assert any(item.get("number") == "A/74/676–S/2020/90" for item in csl)
    bib = run("refs", "-f", "bibtex", seed).stdout
    assert bib.count("@") == len(csl)


def test_claims_table_csv_and_compare():
    import csv
    import io

    from conftest import SEED, need

    seed = str(need(SEED))
    table = run("claims", seed).stdout
    assert "\tkilled\tscores of 40–99 (best 60)\tKhojaly" in table
    rows = list(csv.DictReader(io.StringIO(run("claims", "-f", "csv", seed).stdout)))
    assert {(r["measure"], r["value"]) for r in rows} >= {("killed", "613"), ("hostages", "1275")}
    later = str(need(CORPUS_PDF / "A_79_801.en.pdf"))
    compared = run("claims", "--compare", seed, later).stdout.splitlines()
    killed = [r.split("\t") for r in compared if "\tkilled\t" in r]
    assert {r[3] for r in killed} == {"24–1324"}  # the spread, never an average
    assert {r[-1] for r in killed} == {"000_0fcf8cb0ed771c80.txt", "A/79/801"}
