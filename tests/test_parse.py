"""Structure of real documents: the seed letter (a text export) and the
project's own sample letter (PDF and text export of the same content)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from conftest import CORPUS_PDF, SAMPLES, SHARED, need

from verbale import parse
from verbale.columns import order_columns
from verbale.readers.lines import Line

FURNITURE = re.compile(r"_{5,}|\*\d{7}\*|\b\d{2}-\d{5}\b|Please recycle|https?://|^\d{1,3}/\d{1,3}$")


def _block_with(doc, words):
    hits = [b for b in doc.blocks if words in b.text]
    assert len(hits) == 1, f"{words!r} is in {len(hits)} blocks"
    return hits[0]


# -- the seed letter (text export, no masthead, pages without form feeds) ----

SEED_NOTES = {  # note -> words of the block that holds its indicator, and the text just before it
    "1": ("worst single atrocity", "war”."),
    "2": ("The Independent communicated", "journalists”."),
    "3": ("The Australian newspaper The Age", "last week”."),
    "4": ("charnel house", "scalped."),
    "5": ("While the details are argued", "is unknown."),
    "6": ("[Eyewitnesses] indicated", "casualties."),
    "7": ("According to the Memorial", "Human Rights”."),
    "8": ("International courts and organizations", "Republic”."),
    "9": ("International courts and organizations", "humanity”."),
    "10": ("International courts and organizations", "against humanity”."),
    "11": ("not an isolated or sporadic act", "Armenian forces."),
    "12": ("Similar to its atrocity methods", "foreign terrorist fighters,"),
    "13": ("Similar to its atrocity methods", "women and children."),
}


def test_seed_has_13_notes_each_at_its_marker(seed_doc):
    assert [f.marker for f in seed_doc.footnotes] == [str(n) for n in range(1, 14)]
    for note in seed_doc.footnotes:
        words, before = SEED_NOTES[note.marker]
        block = _block_with(seed_doc, words)
        assert note.block == block.id, note.marker
        marker = next(m for m in block.markers if m.footnote == note.id)
        assert block.text[: marker.offset].endswith(before), (note.marker, block.text[marker.offset - 30: marker.offset])
    assert not [w for w in seed_doc.warnings if w.code.startswith(("note_", "marker_"))]


def test_seed_markers_are_removed_from_text(seed_doc):
    block = _block_with(seed_doc, "worst single atrocity")
    assert block.text.endswith("war”.")
    assert "fighters, again" in _block_with(seed_doc, "Similar to its atrocity").text


def test_seed_three_block_quotations(seed_doc):
    quotes = [b for b in seed_doc.blocks if b.kind == "quotation"]
    assert [q.text[:25] for q in quotes] == [
        "Azerbaijan was a charnel ", "While the details are arg", "[Eyewitnesses] indicated "]
    assert quotes[0].text.endswith("others were scalped.")


def test_seed_paragraph_rejoined_across_page_and_notes(seed_doc):
    block = _block_with(seed_doc, "the mistreatment of detainees and prisoners of war; the taking of hostages")
    assert block.pages == (3, 4)
    assert block.text.endswith("damage to the natural environment.")


def test_seed_circulation_and_signature(seed_doc):
    circ = seed_doc.circulation
    assert circ.organs == ("General Assembly", "Security Council")
    assert circ.agenda_items == ("34", "35", "40", "70", "72", "86", "135")
    [sig] = seed_doc.signatures
    assert (sig.name, sig.title) == ("Yashar Aliyev", "Ambassador, Permanent Representative")


def test_seed_links_attached_to_notes_11_to_13(seed_doc):
    by_note = {f.marker: f.links for f in seed_doc.footnotes if f.links}
    assert by_note == {
        "11": ("https://undocs.org/en/A/74/676",),
        "12": ("https://undocs.org/en/A/75/497", "https://undocs.org/en/A/75/625"),
        "13": ("https://undocs.org/en/A/75/660",),
    }


def test_seed_no_furniture_in_paragraphs(seed_doc):
    for block in seed_doc.blocks:
        assert not FURNITURE.search(block.text), block.id
    assert seed_doc.warnings[0].code == "no_masthead"  # the export starts inside the letter


# -- the project's sample letter, as PDF and as text export ------------------

@pytest.fixture(scope="module", params=["letter.pdf", "letter.txt"])
def sample(request):
    return parse(SAMPLES / request.param)


def test_sample_masthead(sample):
    assert sample.symbols == ("A/99/123", "S/2045/45")
    assert sample.date == "2045-03-12"
    assert sample.agenda_items == ("12", "34 (b)")
    assert sample.doc_type == "letter"
    assert sample.sender == "Permanent Representative of Norvania"
    assert sample.addressees == ("Secretary-General",)
    assert sample.job_number == "45-01234"
    assert sample.distribution == "General" and sample.original_language == "English"


def test_sample_notes_and_page_break(sample):
    assert [f.marker for f in sample.footnotes] == ["*", "1", "2", "3", "4", "5"]
    assert all(f.block for f in sample.footnotes)
    crossing = [b for b in sample.blocks if len(b.pages) > 1]
    assert len(crossing) == 1 and crossing[0].kind == "paragraph"
    assert "reconstruction" in " ".join(b.text for b in sample.blocks)
    [quote] = [b for b in sample.blocks if b.kind == "quotation"]
    assert quote.notes == ("fn4",)


def test_sample_sections_and_signature(sample):
    assert [s.kind for s in sample.sections] == ["main", "annex"]
    [sig] = sample.signatures
    assert sig.name == "Mirela Ostrand"
    assert [b.number for b in sample.blocks if b.kind == "numbered_paragraph"] == ["1", "2", "3"]
    note = next(f for f in sample.footnotes if "A/98/456" in f.text)
    assert note.links == ("https://undocs.org/en/A/98/456",)


def test_pdf_blocks_carry_boxes():
    doc = parse(SAMPLES / "letter.pdf")
    for block in doc.blocks:
        assert block.boxes and all(page in block.pages for page, _ in block.boxes)
    marker = doc.blocks[1].markers[0]
    assert marker.box is not None and marker.page == 1
    # A superscript indicator is traced to its own glyph, not to its whole line.
    numbered = [m for b in doc.blocks for m in b.markers if m.marker.isdigit()]
    assert numbered and all(m.box.x1 - m.box.x0 < 8 for m in numbered)


# -- two-column pages ----------------------------------------------------------

def _line(text, x0, top, x1, bold=False):
    return Line(text, 2, x0, top, x1, top + 11, size=9.2, bold=bold)


def test_two_columns_read_left_then_right_below_a_title():
    title = _line("A title over both columns", 80, 80, 500, bold=True)
    left = [_line(f"left {i} " + "word " * 8, 60, 140 + 12 * i, 300) for i in range(8)]
    right = [_line(f"right {i} " + "word " * 8, 312, 140 + 12 * i, 552) for i in range(8)]
    rows = [ln for pair in zip(left, right) for ln in pair]  # extraction order: row by row
    ordered = order_columns([*rows, title])
    assert [ln.text for ln in ordered] == [ln.text for ln in [title, *left, *right]]
    assert [ln.column for ln in ordered] == [0] + [1] * 8 + [2] * 8


def test_right_column_with_mostly_indented_lines():
    # more of the right column's lines are indented list items than flush ones
    left = [_line(f"left {i} " + "word " * 8, 60, 140 + 12 * i, 300) for i in range(10)]
    right = [_line(f"({'abcdefghij'[i]}) item " + "word " * 6, 336 if i % 3 else 312, 140 + 12 * i, 552)
             for i in range(10)]
    ordered = order_columns([ln for pair in zip(left, right) for ln in pair])
    assert [ln.text for ln in ordered] == [ln.text for ln in [*left, *right]]


def test_masthead_band_above_the_title_is_left_as_read():
    head = [_line("General Assembly", 100, 40, 250, bold=True), _line("Distr.: General", 370, 40, 440),
            _line("Fifty-sixth session", 60, 60, 140), _line("26 October 2001", 370, 60, 440)]
    title = _line("A title over both columns", 80, 100, 500, bold=True)
    left = [_line(f"left {i} " + "word " * 8, 60, 140 + 12 * i, 300) for i in range(8)]
    right = [_line(f"right {i} " + "word " * 8, 312, 140 + 12 * i, 552) for i in range(8)]
    ordered = order_columns([*head, title, *left, *right])
    assert ordered == [*head, title, *[replace(ln, column=1) for ln in left],
                       *[replace(ln, column=2) for ln in right]]


def test_a_table_with_a_narrow_column_is_not_two_columns():
    rows = [_line(f"Report of the Secretary-General on item {i} " + "x" * 30, 120, 80 + 20 * i, 420)
            for i in range(8)]
    issued = [_line("Issued", 440, 80 + 20 * i, 465) for i in range(8)]
    lines = [ln for pair in zip(rows, issued) for ln in pair]
    assert order_columns(lines) == lines


def test_two_column_report_read_in_column_order():
    """A/56/509 (2001) sets pp2-4 in two columns: paragraphs go on from the
    foot of the left column to the head of the right one and over the page."""
    doc = parse(need(CORPUS_PDF / "A_56_509.en.pdf"))
    numbered = [b for b in doc.blocks if b.kind == "numbered_paragraph"]
    assert [b.number for b in numbered] == [str(n) for n in range(1, 12)]
    five = numbered[4]
    assert five.text.startswith("5. On the basis of the political agreement")
    assert "mechanisms for the transfer of technology. An expert group" in five.text
    assert five.text.endswith("in relation to climate change.")
    # one box per column: the left one ends before the right one starts
    (p1, left), (p2, right) = five.boxes
    assert p1 == p2 == 3 and left.x1 < right.x0
    assert "Plan of Action. The President convened" in numbered[3].text  # a full line ends a sentence
    assert numbered[6].pages == (3, 4) and numbered[6].text.endswith("biodiversity and desertification.")
    item_f = next(b for b in doc.blocks if b.number == "(f)")
    assert "serving as the meeting of the parties to the Kyoto Protocol" in item_f.text
    heading = next(b for b in doc.blocks if b.text.startswith("II."))
    assert heading.kind == "heading" and heading.text.endswith("fifth session of the Conference of the Parties")
    # the title over both columns of p2 comes before the columns
    title = doc.blocks[doc.blocks.index(numbered[0]) - 1]
    assert title.kind == "heading" and title.text.startswith("Report of the Executive Secretary")
    assert not [b for b in doc.blocks if re.fullmatch(r"\d{1,3}", b.text)]  # no bare page numbers


# -- mastheads in other languages, Geneva footers ----------------------------

OHCHR = "trainable-entity-extractor__ohchr_{}.pdf"


def test_french_masthead_fields_and_title():
    doc = parse(need(CORPUS_PDF / OHCHR.format("2_fr")))
    assert (doc.distribution, doc.original_language) == ("General", "English")  # "Distr. générale", "anglais"
    assert set(doc.organs) == {"General Assembly", "Human Rights Council"}
    assert doc.sessions == ("Septième session",)
    assert doc.title.startswith("Rapport national présenté conformément au paragraphe 15 a)")
    [star] = [n for n in doc.footnotes if n.marker == "*"]
    assert star.block == doc.blocks[0].id == "b1"  # the "*" after the title


def test_russian_masthead_title_and_geneva_footers():
    doc = parse(need(CORPUS_PDF / OHCHR.format("1_ru")))
    assert doc.title.startswith("Резюме материалов по Италии")
    assert set(doc.organs) == {"General Assembly", "Human Rights Council"}
    # "2 GE.19-13879" at the foot of even pages is furniture, not note 2.
    assert not any("GE.19" in n.text for n in doc.footnotes)
    assert not doc.warnings


def test_title_in_body_size_bold_under_the_meeting_line():
    doc = parse(need(CORPUS_PDF / OHCHR.format("2_en")))
    assert doc.title.startswith("NATIONAL REPORT SUBMITTED IN ACCORDANCE WITH PARAGRAPH 15 (A)")
    assert doc.sessions == ("Seventh session",)
    assert doc.original_language == "English"  # printed "Original: ENGLISH"
    assert not any(b.text.startswith("Geneva, 8-19 February") for b in doc.blocks)


def test_symbol_font_barcode_is_furniture_so_the_star_note_is_found():
    doc = parse(need(CORPUS_PDF / OHCHR.format("1_en")))
    star = next(n for n in doc.footnotes if n.marker == "*")
    assert star.text.startswith("The present document was not edited")
    assert star.block == "b1"


def test_geneva_footer_lines_are_not_notes():
    doc = parse(need(CORPUS_PDF / "A_HRC_59_60.en.pdf"))
    assert not any(re.search(r"GE\.\d{2}-\d{5}", n.text) for n in doc.footnotes)
    assert not [w for w in doc.warnings if "note" in w.code]


# -- the title must not swallow text -------------------------------------------


def test_a_title_formula_inside_a_sentence_is_not_the_title():
    # "…UN Security Council / Resolution 1244 (1999)." continues a sentence.
    doc = parse(need(CORPUS_PDF / "DP_2025_14_Corr.1.en.pdf"))
    assert doc.title == "Annual report on evaluation, 2024"
    assert any("The first reference to Kosovo" in b.text for b in doc.blocks)


def test_a_sentence_starting_with_united_nations_is_not_a_masthead():
    doc = parse(need(SHARED / "corpus" / "txt" / "S_RES_0841_1993_EN_GOLD.txt"))
    assert any(b.text.startswith("Having received a letter") for b in doc.blocks)
    assert any("Mr. Dante Caputo" in b.text and b.kind != "title" for b in doc.blocks)


def test_agenda_item_titles_are_not_the_letter_title():
    doc = parse(need(CORPUS_PDF / "A_79_729.en.pdf"))
    assert doc.title.startswith("Letter dated 17 January 2025 from the Permanent Representative of Azerbaijan")
    assert any(t.startswith("Report of the United Nations High Commissioner for Refugees, questions")
               for t in doc.agenda_titles)  # wrapped after "for": one title
