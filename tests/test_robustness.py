"""Property-based robustness: any text made of the pieces UN documents are
made of goes through the whole pipeline without an internal error, and its
JSON is valid against the published schema.

The pieces (masthead lines, footnote rules, notes, contents entries, figure
labels, signatures, endnote headings, numbers) are mixed at random, so the
layout rules meet combinations no real document shows. ``VERBALE_FUZZ=1``
runs many more examples.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import require
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verbale.errors import VerbaleError
from verbale.pipeline import process

jsonschema = require("jsonschema")
SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "verbale" / "schema" /
                     "document.schema.json").read_text(encoding="utf-8"))
EXAMPLES = 2000 if os.environ.get("VERBALE_FUZZ") else 150

PIECES = [
    "United Nations A/79/722–S/2025/27", "General Assembly Security Council", "Distr.: General",
    "13 January 2025", "Original: English", "Agenda item 98 (w)", "Seventy-ninth session",
    "Letter dated 10 January 2025 from the Permanent Representative of Norvania to the United "
    "Nations addressed to the Secretary-General",
    "Lettre datée du 1er mars 2025, adressée au Secrétaire général", "Nations Unies",
    "__________________", "\f", "", "", "Notes", "Contents", "Page", "Annexes", "Annex", "Annexe I",
    "I. Introduction ........................................ 3", "Figure II", "Source: UNIFIL.",
    "1 000", "800", "600", "400", "2024", "(Signed) A. Name", "(Signé) B. Nom", "Ambassador",
    "1 See A/75/10, para. 30.", "2 Ibid.", "* Reissued for technical reasons.", "a Data as of 2024.",
    "1. The Government reported that 613 civilians were killed, including 106 women.",
    "(a) at least 1,000 people were wounded;", "“Dozens of bodies were found,” Time reported.4",
    "I should be grateful if you would have the present letter circulated as a document of the "
    "General Assembly, under agenda item 34, and of the Security Council.",
    "2/12", "25-00613 (E) 150125", "*2500613*", "Please recycle", "GE.19-13879 3",
    "Resolution 242 (1967)", "The Security Council,", "https://undocs.org/en/S/2020/90",
    "<script>alert(1)</script>", "\u202eevil", "x" * 300, "12", "iv", "—", "…",
]


@settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("VERBALE_FUZZ"),
          suppress_health_check=[HealthCheck.too_slow], database=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.integers(0, 3), st.booleans()),
                min_size=1, max_size=80))
def test_any_mix_of_document_pieces_parses_or_fails_cleanly(pieces):
    lines = [(" " * indent if indent < 3 else "      ") + text + ("\n" if double else "")
             for text, indent, double in pieces]
    _parses_or_fails_cleanly("\n".join(lines).encode("utf-8"), "fuzz.txt")


def _parses_or_fails_cleanly(data: bytes, name: str) -> None:
    """A one-line VerbaleError, or a document valid against the schema whose
    blocks have text and whose notes point to blocks that exist."""
    try:
        doc = process(data, name=name)
    except VerbaleError as exc:
        assert "internal error" not in str(exc), exc
        return
    jsonschema.validate(doc.to_dict(), SCHEMA)
    assert all(b.text for b in doc.blocks)
    ids = {b.id for b in doc.blocks}
    assert all(f.block is None or f.block in ids for f in doc.footnotes)


fpdf = require("fpdf")
_LATIN = [p for p in PIECES if p.strip() and p.isprintable() and all(ord(c) < 256 for c in p)]


@settings(max_examples=EXAMPLES // 3, deadline=None, derandomize=not os.environ.get("VERBALE_FUZZ"),
          suppress_health_check=[HealthCheck.too_slow], database=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(_LATIN), st.integers(40, 420), st.integers(4, 30),
                                   st.sampled_from([7, 8, 9, 10, 10, 10, 12, 14]), st.booleans(),
                                   st.booleans()),
                         min_size=1, max_size=40), min_size=1, max_size=3))
def test_any_pdf_page_of_document_pieces_parses_or_fails_cleanly(pages):
    """Lines at random places, sizes and weights (columns, charts, note zones,
    raised indicators) on one to three PDF pages."""
    pdf = fpdf.FPDF(unit="pt", format="letter")
    for lines in pages:
        pdf.add_page()
        y = 40.0
        for text, x, gap, size, bold, raised in lines:
            y += gap
            if y > 760:
                break
            pdf.set_font("Helvetica", "B" if bold else "", size)
            pdf.text(x, y, text[:90])
            if raised:  # a note indicator set small and above the line
                pdf.set_font("Helvetica", "", 6)
                pdf.text(x + pdf.get_string_width(text[:90]) * size / 6 + 1, y - 4, "3")
    _parses_or_fails_cleanly(bytes(pdf.output()), "fuzz.pdf")
