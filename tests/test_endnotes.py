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
