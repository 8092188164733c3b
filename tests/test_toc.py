"""Tables of contents: one ``toc_entry`` block per entry, wrapped entries whole.

A contents page has a title ("Contents", "Table of Contents", "Table des
matières"), a "Page" column label, entries that end with dot leaders and a
page number (after a range of paragraphs in older reports), entries wrapped
over two or three lines with the page number on the last one only, and labels
between entries ("Annexes", "Annex"). Checked on four real reports with such
pages and on a text export.
"""

from __future__ import annotations

import functools
import re

import pytest
from conftest import CORPUS_PDF, need

from verbale import parse

PAGE_NUMBER = re.compile(r"(?:\.\s?){3,}\s*(?:\d+\s?[-−]\s?\d+\s+|\d+\s+)?\d{1,3}$")


@functools.cache
def _doc(name: str):
    return parse(need(CORPUS_PDF / name))


def _on(doc, *pages: int):
    return [b for b in doc.blocks if b.page in pages]


def test_a_79_352_contents_pages() -> None:
    doc = _doc("A_79_352.en.pdf")
    blocks = _on(doc, 3, 4)
    kinds = [b.kind for b in blocks]
    assert kinds[:2] == ["heading", "paragraph"]
    assert [blocks[0].text, blocks[1].text] == ["Contents", "Page"]
    entries = [b for b in blocks if b.kind == "toc_entry"]
    assert len(entries) == 49
    # every entry ends with its page number, none is split at its wrap
    assert all(PAGE_NUMBER.search(b.text) for b in entries), [b.text for b in entries if not PAGE_NUMBER.search(b.text)]
    assert set(kinds) == {"heading", "paragraph", "toc_entry"}  # no quotation made of a wrapped line
    [annexes] = [b for b in blocks if b.text == "Annexes"]
    assert annexes.kind == "heading" and annexes.page == 4
    wrapped = next(b for b in entries if b.text.startswith("B. Status of implementation"))
    assert "related to the strategic heritage plan contained in its report" in wrapped.text
    assert "United Nations for the year ended 31 December 2022" in wrapped.text
    assert wrapped.text.endswith(" 45")
    disabilities = next(b for b in entries if b.text.startswith("F. Update on measures"))
    assert "technical barriers to persons with disabilities" in disabilities.text


def test_a_79_352_summary_and_body_unchanged() -> None:
    doc = _doc("A_79_352.en.pdf")
    first = _on(doc, 1, 2)
    assert [b.kind for b in first[:2]] == ["title", "heading"] and first[1].text == "Summary"
    # "(iii)" and "(iv)" at the start of wrapped lines stay inside the paragraph
    [requested] = [b for b in first if b.text.startswith("The General Assembly is requested: (i)")]
    assert "(iii) to approve" in requested.text and "(vii) to authorize" in requested.text
    # the report proper starts after the contents: its headings and numbered paragraphs
    body = _on(doc, 5)
    assert (body[0].kind, body[0].text) == ("heading", "I. Introduction")
    assert [b.number for b in body if b.kind == "numbered_paragraph"][:3] == ["1", "2", "3"]
    assert not any(b.kind == "toc_entry" for b in doc.blocks if b.page > 4)


def test_contents_annex_label_is_no_annex() -> None:
    """'Annex' between contents entries heads no section: the annex is where
    its heading stands, after the report."""
    doc = _doc("S_2025_71_Rev.1.en.pdf")
    blocks = _on(doc, 4)
    assert (blocks[0].kind, blocks[0].text) == ("heading", "Contents")
    [label] = [b for b in blocks if b.text == "Annex"]
    assert label.kind == "heading"
    entries = [b for b in blocks if b.kind == "toc_entry"]
    assert len(entries) == 18
    assert entries[-1].text.startswith("Listed individuals and entities linked to Hay’at Tahrir al-Sham")
    assert "31 December 2024" in entries[-1].text and entries[-1].text.endswith(" 25")
    annexes = [s for s in doc.sections if s.kind == "annex"]
    assert [s.page for s in annexes] == [25]


def test_wrapped_first_level_entries() -> None:
    """Entries of the first level wrap to the margin of the text, those of the
    second level to an indent: both stay whole."""
    doc = _doc("S_2025_284.en.pdf")
    blocks = _on(doc, 3)
    [title] = [b for b in blocks if b.text == "Table of Contents"]
    assert title.kind == "heading"
    entries = [b for b in blocks if b.kind == "toc_entry"]
    assert len(entries) == 15
    assert all(PAGE_NUMBER.search(b.text) for b in entries)
    assert entries[1].text.startswith("II. The cause of BiH’s political crisis")
    assert "overturn democracy in the RS" in entries[1].text
    # the report itself is read as before
    assert _on(doc, 4)[0].text == "Executive Summary"


@pytest.mark.parametrize("name, title", [
    ("trainable-entity-extractor__ohchr_2_en.pdf", "CONTENTS"),
    ("trainable-entity-extractor__ohchr_2_fr.pdf", "Table des matières"),
])
def test_paragraph_and_page_columns(name: str, title: str) -> None:
    """Older reports give the paragraphs and the page of each entry; numbered
    ("1.") and lettered ("a)") entries are entries, not paragraphs or items."""
    doc = _doc(name)
    blocks = _on(doc, 2, 3)
    assert (blocks[0].kind, blocks[0].text) == ("heading", title)
    assert blocks[1].kind == "paragraph"  # the "Paragraphs Page" column label
    toc = [b for b in blocks if b.kind not in ("heading", "paragraph")]
    assert {b.kind for b in toc} == {"toc_entry"}
    assert all(re.search(r"\d{1,3}$", b.text) for b in toc)
    assert any(b.text.startswith("1. ") for b in toc) and any(b.text.startswith("a) ") for b in toc)
    numbered = [b for b in doc.blocks if b.kind == "numbered_paragraph"]
    assert numbered[0].number == "1" and numbered[0].page > 3  # the report's first paragraph


def test_contents_without_leaders_on_one_line() -> None:
    """An entry whose page number stands flush right like the others but
    without dot leaders is an entry too."""
    doc = _doc("trainable-entity-extractor__ohchr_2_en.pdf")
    [entry] = [b for b in _on(doc, 2) if b.text.startswith("III. PROTECTION AND PROMOTION")]
    assert entry.kind == "toc_entry" and entry.text.endswith("46 - 111 11")


TEXT_EXPORT = """Report of the Secretary-General

Contents

I. Introduction ........................................... 3
II. Progress made on the project during the reporting period
    and next steps ........................................ 4
    A. Objectives ......................................... 4
Annexes
I. Expenditures ........................................... 9

I. Introduction

1. The present report is submitted pursuant to resolution 78/253 and covers
the period from 1 August 2023 to 31 July 2024.

2. The report describes the work done on the project during the reporting
period and what remains to be done.

3. The costs of the year were as follows:
Total ............................................................. 12
"""


def test_text_export() -> None:
    doc = parse(TEXT_EXPORT.encode(), name="toc.txt")
    got = [(b.kind, b.text[:24]) for b in doc.blocks]
    assert got[:11] == [
        ("title", "Report of the Secretary-"),
        ("heading", "Contents"),
        ("toc_entry", "I. Introduction ........"),
        ("toc_entry", "II. Progress made on the"),
        ("toc_entry", "A. Objectives .........."),
        ("heading", "Annexes"),
        ("toc_entry", "I. Expenditures ........"),
        ("heading", "I. Introduction"),
        ("numbered_paragraph", "1. The present report is"),
        ("numbered_paragraph", "2. The report describes "),
        ("numbered_paragraph", "3. The costs of the year"),
    ]
    # a line with leaders further on is no contents entry
    assert [b.kind for b in doc.blocks[11:]] == ["paragraph"]
    assert doc.blocks[3].text.endswith("during the reporting period and next steps " + "." * 40 + " 4")


UNTITLED = """Report of the Secretary-General

I. Introduction ........................................... 3
II. Objectives ............................................ 4
III. Progress made ........................................ 5

I. Introduction

1. The present report covers the period. The costs are as follows.
Land ............................................................... 12
Buildings .......................................................... 30
"""


def test_contents_without_title() -> None:
    """Three entries in a row make contents without a title; two lines with
    leaders do not."""
    doc = parse(UNTITLED.encode(), name="untitled.txt")
    assert [b.kind for b in doc.blocks] == ["title", "toc_entry", "toc_entry", "toc_entry", "heading",
                                            "numbered_paragraph"]
    assert doc.blocks[-1].text.endswith("Buildings " + "." * 58 + " 30")
