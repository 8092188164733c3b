"""Endnotes: notes gathered under a "Notes" heading at the end of a document."""

from __future__ import annotations

from conftest import CORPUS_PDF, need

from verbale import parse

UPR_SUMMARY = "trainable-entity-extractor__ohchr_1_en.pdf"  # A/HRC/WG.6/34/ITA/3


def test_upr_summary_endnotes_are_read_and_linked_to_their_indicators():
    doc = parse(need(CORPUS_PDF / UPR_SUMMARY))
    numbered = [n for n in doc.footnotes if n.marker.isdigit()]
    assert [int(n.marker) for n in numbered] == list(range(1, len(numbered) + 1))
    assert len(numbered) >= 150
    assert all(n.block is not None for n in numbered)
    assert not [w for w in doc.warnings if w.code in ("marker_without_note", "note_without_marker")]
    # The notes stand at the end; their indicators are in the text before them.
    first_note_page = min(n.page for n in numbered)
    blocks = {b.id: b for b in doc.blocks}
    assert all(blocks[n.block].page <= n.page for n in numbered)
    assert first_note_page >= doc.source.pages - 7
    # Note 8 is the indicator at the end of paragraph 4 on page 1.
    eight = numbered[7]
    assert "Prohibition of Nuclear Weapons" in blocks[eight.block].text
    assert eight.id in blocks[eight.block].notes
    # No note text is left in the body, and the heading itself is gone.
    assert not any(b.text.strip() == "Notes" for b in doc.blocks)
    assert not any(b.text.startswith(("168 ", "169 ")) for b in doc.blocks)


LETTER = """\
1. The Government reports that the rain stopped.1 The roads reopened.2

2. Further details follow in the report of the Commission.3

Notes

1 See A/75/10, para. 30.

2 Report of the Commission, p. 4.

3 Ibid., p. 5.
"""


def test_text_export_with_endnotes():
    doc = parse(LETTER.encode(), name="endnotes.txt")
    assert [(n.marker, n.text) for n in doc.footnotes] == [
        ("1", "See A/75/10, para. 30."),
        ("2", "Report of the Commission, p. 4."),
        ("3", "Ibid., p. 5."),
    ]
    assert [b.notes for b in doc.blocks] == [("fn1", "fn2"), ("fn3",)]


def test_a_notes_heading_without_note_one_after_it_is_text():
    text = LETTER.replace("1 See A/75/10", "See A/75/10")
    doc = parse(text.encode(), name="notes-heading.txt")
    assert not doc.footnotes
    assert any("Notes" in b.text for b in doc.blocks)  # kept as text


def test_an_annex_after_the_endnotes_keeps_its_own_footnotes():
    text = (LETTER + "\fAnnex\n\nThe annex text goes on here.4\n\n__________________\n\n"
            "4 A footnote of the annex itself.\n")
    doc = parse(text.encode(), name="annex.txt")
    notes = {n.marker: n for n in doc.footnotes}
    assert notes["4"].text == "A footnote of the annex itself."
    assert notes["4"].block is not None
    assert not any("footnote of the annex" in b.text for b in doc.blocks)
    assert any(b.kind == "annex_heading" for b in doc.blocks)


def test_a_notes_heading_over_a_single_numbered_line_is_not_an_endnote_section():
    text = ("1. The table below gives the figures.\n\nNotes\n\n1 Figures are provisional.\n\n"
            "2. The Government reports that the rain stopped.\n")
    doc = parse(text.encode(), name="table-notes.txt")
    assert not [n for n in doc.footnotes if n.marker.isdigit()]
    assert any("The Government reports" in b.text for b in doc.blocks)
