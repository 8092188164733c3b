"""Resolutions printed without a masthead state their symbol in their heading."""

from __future__ import annotations

import re

import pytest
from conftest import SHARED, need

from verbale import parse

TEXTS = SHARED / "corpus" / "txt"
NAMES = sorted(p.name for p in TEXTS.glob("S_RES_*.txt")) if TEXTS.is_dir() else []


def test_the_corpus_has_the_resolution_texts():
    need(TEXTS)
    assert len(NAMES) >= 15


@pytest.mark.parametrize("name", NAMES)
def test_security_council_resolution_symbol_from_its_heading(name):
    number, year = re.match(r"S_RES_0*(\d+)_(\d{4})", name).groups()
    doc = parse(TEXTS / name)
    assert doc.symbols == (f"S/RES/{number} ({year})",)
    assert doc.organs == ("Security Council",)
    assert doc.date is None or doc.date[:4] == year
    assert not [w for w in doc.warnings if w.code == "no_masthead"]


def test_heading_dates_in_both_printed_forms():
    assert parse(need(TEXTS / "S_RES_0242_1967_EN_GOLD.txt")).date == "1967-11-22"  # "of 22 November 1967"
    # "Adopted by the Security Council at its 3145th meeting, on 3 December 1992"
    assert parse(need(TEXTS / "S_RES_0794_1992_EN_GOLD.txt")).date == "1992-12-03"


def test_general_assembly_heading():
    text = ("60/147. Basic Principles and Guidelines on the Right to a Remedy\n\n"
            "The General Assembly,\n\nRecalling its earlier resolutions,\n\n1. Adopts the Principles;\n")
    doc = parse(text.encode(), name="ga.txt")
    assert doc.symbols == ("A/RES/60/147",)
    assert doc.organs == ("General Assembly",)


@pytest.mark.parametrize("first_line", [
    "resolution 2334 (2016) of the Security Council, the parties have not acted on it.",
    "2334 (2016) and other texts were recalled by several speakers.",
])
def test_a_resolution_cited_in_running_text_is_not_the_document_symbol(first_line):
    text = f"{first_line}\n\nThe Security Council was informed of the events.\n"
    doc = parse(text.encode(), name="letter.txt")
    assert doc.symbols == ()
