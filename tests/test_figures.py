"""Charts drawn with text: one ``figure`` block each, out of the paragraph flow.

A chart's axis ticks ("0", "200" … "1 600"), axis titles set on their side
and legends are text in the PDF, usually drawn after the page's paragraphs.
They must not become paragraphs ("1 000" read as paragraph 1), nor be glued
to the paragraph that follows. Each chart makes one ``figure`` block, in its
place on the page: after the label ("Figure II", a heading) and the caption
(a heading), before the "Source:" line (a paragraph). Checked on the two
UNIFIL reports with line charts and bar charts (S/2025/153, S/2025/460) and on
a bar chart wider than the text (A/80/74), against the page images.
"""

from __future__ import annotations

import functools

from conftest import CORPUS_PDF, need

from verbale import parse
from verbale.figures import find_figures
from verbale.readers.lines import Line


@functools.cache
def _doc(name: str):
    return parse(need(CORPUS_PDF / name))


def _on(doc, page: int):
    return [b for b in doc.blocks if b.page == page]


def _around(blocks, i: int):
    return [(b.kind, b.text[:40]) for b in blocks[i - 2:i + 2]]


def test_s_2025_153_figures_are_blocks_of_their_own() -> None:
    doc = _doc("S_2025_153.en.pdf")
    figures = [b for b in doc.blocks if b.kind == "figure"]
    assert [b.page for b in figures] == [2, 5, 5, 6, 8, 28]
    for fig in figures:  # label, caption, the chart, its source
        i = doc.blocks.index(fig)
        kinds = [b.kind for b in doc.blocks[i - 2:i + 2]]
        assert kinds == ["heading", "heading", "figure", "paragraph"], _around(doc.blocks, i)
        assert doc.blocks[i - 2].text.startswith("Figure")
        assert doc.blocks[i + 1].text == "Source: UNIFIL."
    first = figures[0]
    assert first.text == ("Number of trajectories 1 600 1 400 1 200 1 000 800 600 400 200 0 "
                          "South to north North to south")
    assert first.pages == (2,)
    # The caption of the last figure runs to three lines (longer than most headings).
    assert doc.blocks[doc.blocks.index(figures[-1]) - 1].text.startswith(
        "Incidents of restriction of United Nations Interim Force in Lebanon freedom of movement")


def test_s_2025_153_no_tick_is_a_paragraph_and_paragraphs_keep_their_numbers() -> None:
    doc = _doc("S_2025_153.en.pdf")
    main = [b for b in doc.blocks if b.section == doc.sections[0].id]
    numbers = [b.number for b in main if b.kind == "numbered_paragraph"]
    assert numbers == [str(n) for n in range(1, 91)]
    assert not any(b.kind == "paragraph" and b.text.replace(" ", "").isdigit() for b in doc.blocks)
    by_number = {b.number: b for b in main if b.kind == "numbered_paragraph"}
    # Para 14 goes on from under the figures of p5 to p6; para 28 from p8 to p9.
    assert by_number["14"].pages == (5, 6) and by_number["14"].text.endswith("one on 16 February.")
    assert by_number["28"].pages == (8, 9)
    assert by_number["28"].text.endswith("to strengthen its monitoring capacities.")


def test_page_break_before_a_number_inside_the_sentence() -> None:
    # p11 ends "… on 34 occasions, removing", p12 starts "91 devices, …": not paragraph 91.
    doc = _doc("S_2025_153.en.pdf")
    para = next(b for b in doc.blocks if b.text.startswith("47. While routine demining"))
    assert para.pages == (11, 12)
    assert "removing 91 devices, following impacts" in para.text


def test_s_2025_460_figures() -> None:
    doc = _doc("S_2025_460.en.pdf")
    figures = [b for b in doc.blocks if b.kind == "figure"]
    assert [b.page for b in figures] == [2, 3, 7, 18]
    # Figure I's legend at the foot of p2 is no longer glued to "Figure II" on p3.
    assert figures[0].text == "35 30 25 20 15 10 5 0 South to north North to south"
    p3 = _on(doc, 3)
    assert [(b.kind, b.text) for b in p3[:2]] == [
        ("heading", "Figure II"), ("heading", "Weekly air attacks observed by UNIFIL, 21 February to 20 June 2025")]
    # p18: the chart (with its own title, set large) sits over the label and caption on one line.
    p18 = _on(doc, 18)
    assert [b.kind for b in p18[:3]] == ["figure", "heading", "paragraph"]
    assert p18[0].text.startswith("Denial of freedom of movement incidents 8 7 6 5 4 3 2 1 0 DFOM")
    assert p18[1].text.startswith("Figure 4. Denial of freedom of movement of UNIFIL")
    assert [b.number for b in p18 if b.kind == "numbered_paragraph"] == [str(n) for n in range(7, 15)]


def test_a_80_74_chart_wider_than_the_text() -> None:
    # Figure 11: bar charts whose labels stand in the left margin, in 5-point type.
    doc = _doc("A_80_74.en.pdf")
    p29 = _on(doc, 29)
    kinds = [(b.kind, b.text[:30]) for b in p29]
    i = kinds.index(("heading", "Figure 11"))
    assert [k for k, _ in kinds[i:i + 5]] == ["heading", "heading", "figure", "paragraph", "paragraph"]
    fig = p29[i + 2]
    assert fig.text.startswith("Countries in special situations and with humanitarian response plans")
    assert fig.text.endswith("MICs in special situations or with HRP Other MICs")
    assert "15 (14 ) 9 (8 ) 85 (78 )" in fig.text
    assert not any(w.code == "marker_without_note" and w.page == 29 for w in doc.warnings)
    # PDFium ran the footnote's last line on into the chart's labels: the note is whole again.
    note = next(f for f in doc.footnotes if f.page == 29)
    assert note.text.endswith("those that are both landlocked developing countries and least developed countries.")


def test_images_with_labels_only_make_no_figure_block() -> None:
    # A/79/352's figures are pictures: label and caption are headings, and nothing else changes.
    doc = _doc("A_79_352.en.pdf")
    assert not any(b.kind == "figure" for b in doc.blocks)
    labels = [b for b in doc.blocks if b.text.startswith("Figure ") and len(b.text) < 16]
    assert len(labels) == 17 and {b.kind for b in labels} == {"heading"}
    assert next(b for b in doc.blocks if b.text == "Table 2").kind == "paragraph"


def _line(text: str, x0: float, top: float, size: float = 8.5, width: float | None = None) -> Line:
    x1 = x0 + (width if width is not None else len(text) * size * 0.5)
    return Line(text, 1, x0, top, x1, top + size, size)


def _paragraph(top: float) -> list[Line]:
    return [_line("Text of a paragraph that runs across the whole width of the page.", 72, top + 12 * k, 10,
                  width=360) for k in range(4)]


def test_find_figures_axis_and_labels() -> None:
    ticks = [_line(str(v), 100, 200 + 20 * k, width=12) for k, v in enumerate(range(100, -1, -20))]
    axis_title = Line("Number of things", 1, 80, 210, 88, 300, 8.5)  # set on its side
    legend = _line("Apples Pears", 200, 340)
    source = _line("Source: Somebody.", 72, 370)
    lines = _paragraph(100) + ticks + [axis_title, legend, source] + _paragraph(400)
    (figure,) = find_figures(lines, 10)
    assert [lines[i].text for i in figure] == ["Number of things", "100", "80", "60", "40", "20", "0",
                                               "Apples Pears"]


def test_find_figures_leaves_tables_alone() -> None:
    # A column of figures in a table has its row's cells level with it, and years make no axis.
    rows = []
    for k, (year, value) in enumerate(zip(("2024", "2023", "2022", "2021"), ("400", "300", "200", "100"))):
        top = 200 + 12 * k
        rows += [_line(year, 100, top, width=20), _line("Cell text", 200, top), _line(value, 300, top, width=15)]
    assert find_figures(_paragraph(100) + rows + _paragraph(300), 10) == []
    header = [_line(year, 150 + 60 * k, 190, width=20) for k, year in enumerate(("2022", "2023", "2024"))]
    assert find_figures(_paragraph(100) + header + _paragraph(300), 10) == []
