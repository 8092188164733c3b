"""Exports: CSL-JSON valid against the CSL-JSON schema and rendered by citeproc-py; BibTeX read back."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from verbale.citations import csl_date, organ_of, split_name, to_bibtex, to_csl_json
from verbale.model import Document, Reference, Source
from verbale.references import extract_references, parse_citation

SCHEMA = json.loads((Path(__file__).parent / "data" / "csl-data.schema.json").read_text())


@pytest.fixture(scope="module")
def seed_with_refs(seed_doc):
    refs, cited = extract_references(seed_doc)
    return dataclasses.replace(seed_doc, references=refs, cited_symbols=cited)


def _doc_of(*notes: str) -> Document:
    refs = []
    for i, text in enumerate(notes, 1):
        for r in parse_citation(text):
            refs.append(dataclasses.replace(r, id=f"r{len(refs) + 1}", footnote=f"fn{i}"))
    return Document(Source("x.txt", "text", "", 1, 0), references=tuple(refs))


# Real citations of other kinds than the seed's, to cover every mapping.
OTHERS = _doc_of(
    "Resolution 69/313, annex, para. 46.",
    "Security Council resolution 1244 (1999).",
    "United Nations, Treaty Series, vol. 1577, No. 27531.",
    "Official Records of the General Assembly, Seventy-fifth Session, Supplement No. 10 (A/75/10).",
    "Legal Consequences of the Construction of a Wall in the Occupied Palestinian Territory, Advisory Opinion, "
    "I.C.J. Reports 2004, p. 136.",
    "Tim Banning, The Bonn Powers: Tracing a Legal Figment, Goettingen Journal of International Law 6 (2014) 2, "
    "259-302, at 302.",
    "Maximilian Popp, Wie ein Kolonialherr, Der Spiegel, 18 Aug. 2022.",
    "See https://www.ohchr.org/en/business/bhr-africa.",
    "BiH Constitution, art. III(3)(a).",
    "Governing AI for Humanity (United Nations publication, 2024), p. 28.",
    "Decision Annulling the Appointment of Two Judges, 16 Sep. 2002.",
    "The pathfinder countries include Albania, Cabo Verde and Viet Nam.",
)


# Shapes the corpus audit added: an archived press article, a parliamentary paper, an act
# without its organization, a case in a law report, link text without an address, a named
# instrument, author-date reports, an abbreviation legend, a short form left unresolved.
AUDITED = _doc_of(
    "Alle Jahre wieder in Mittenwald, AG Friedensforschung (from Neues Deutschland, 3 May 2008).",
    "Oslobodjenje interview with Nadim Ademovic, 24 Apr. 2010.",
    "Deutscher Bundestag Drucksache 16/6724, 10 Oct 2007.",
    "Decision Annulling the Appointment of Two Judges from the RS to the BiH Constitutional Court, 16 Sep. 2002.",
    "See Morrissey v. State, 951 P. 2d 911, 916 (Colo. Sup. Ct. 1998) (footnote omitted).",
    "study-good-practices-operationalizing-rtd-ssc.pdf (ohchr.org).",
    "See Leave No One Behind Analysis | United Nations in North Macedonia.",
    "See Pact for the Future, Global Digital Compact and Declaration on Future Generations.",
    "United Nations, High-Level Advisory Body on Artificial Intelligence, 2024, Governing AI for Humanity: "
    "Final Report, available at https://www.un.org/en/ai-advisory-body.",
    "Intergovernmental Panel on Climate Change, Climate Change 2023: Synthesis Report (Geneva, 2023).",
    "ICCPR International Covenant on Civil and Political Rights",
    "(CoE-ECRI) European Commission against Racism and Intolerance report on Italy, adopted on 18 March 2016",
    "JS7, p.8, LFJL, p.6.",
)


def test_audited_shapes_export_valid_csl_and_bibtex():
    items = to_csl_json(AUDITED)
    jsonschema.validate(items, SCHEMA)
    by_title = {i.get("title"): i for i in items}
    assert by_title["Alle Jahre wieder in Mittenwald"]["archive"] == "AG Friedensforschung"
    assert by_title["Morrissey v. State"]["type"] == "legal_case"
    assert by_title["Leave No One Behind Analysis"]["type"] == "webpage"
    assert "unknown" not in {r.type for r in AUDITED.references}
    bibtexparser = pytest.importorskip("bibtexparser")
    library = bibtexparser.parse_string(to_bibtex(AUDITED))
    assert not library.failed_blocks and len(library.entries) == len(items)
    pytest.importorskip("citeproc")
    assert len(_render(items)) == len(items)


def test_csl_json_is_valid(seed_with_refs):
    for doc in (seed_with_refs, OTHERS):
        items = to_csl_json(doc)
        jsonschema.validate(items, SCHEMA)
        assert len({i["id"] for i in items}) == len(items)


def test_csl_json_of_the_seed(seed_with_refs):
    items = {i["id"]: i for i in to_csl_json(seed_with_refs)}
    assert [i["type"] for i in items.values()] == [
        "book",
        "article-newspaper",
        "article-newspaper",
        "article-magazine",
        "article-magazine",
        "report",
        "chapter",
        "legislation",
        "legal_case",
        "legislation",
        "legislation",
        "report",
        "report",
        "report",
        "report",
    ]
    book = items["r1"]
    assert book["author"] == [{"family": "Broers", "given": "Laurence"}]
    assert (
        book["issued"] == {"date-parts": [[2019]]}
        and book["publisher"] == "Edinburgh University Press"
    )
    un = items["r12"]
    assert un["number"] == "A/74/676\u2013S/2020/90"
    assert un["author"] == [
        {"literal": "United Nations General Assembly"},
        {"literal": "United Nations Security Council"},
    ]
    assert un["URL"] == "https://undocs.org/en/A/74/676"
    assert items["r9"]["authority"] == "European Court of Human Rights"
    assert items["r10"]["issued"] == {"date-parts": [[2016, 10, 18], [2016, 10, 19]]}


def test_commentary_is_not_exported_and_repeated_sources_are_merged():
    doc = _doc_of("Resolution 70/1.", "The figures are provisional.", "Resolution 70/1.")
    items = to_csl_json(doc)
    assert [(i["id"], i["type"], i["number"]) for i in items] == [
        ("r1", "legislation", "A/RES/70/1")
    ]


def _render(items):
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    return [str(entry) for entry in bib.bibliography()]


def test_citeproc_renders_the_seed(seed_with_refs):
    pytest.importorskip("citeproc")
    text = "\n".join(_render(to_csl_json(seed_with_refs)))
    for expected in (
        "Broers, L. (2019) Armenia and Azerbaijan",
        "Edinburgh University Press",
        "The Independent",
        "Newsweek",
        "Human Rights Watch/Helsinki",
        "Maclachlan",
        "Ithaca Press",
        "Council of Europe",
        "European Court of Human Rights",
        "Organization of Islamic Cooperation",
        "United Nations General Assembly and United Nations Security Council",
        "https://undocs.org/en/A/75/660",
    ):
        assert expected in text, expected


def test_citeproc_renders_every_kind():
    pytest.importorskip("citeproc")
    items = to_csl_json(OTHERS)
    rendered = _render(items)
    assert len(rendered) == len(items) == 11
    text = "\n".join(rendered)
    for expected in (
        "Banning",
        "Goettingen Journal of International Law",
        "Der Spiegel",
        "Treaty Series",
        "International Court of Justice",
        "Governing AI for Humanity",
    ):
        assert expected in text, expected


def test_bibtex_round_trips(seed_with_refs):
    bibtexparser = pytest.importorskip("bibtexparser")
    text = to_bibtex(seed_with_refs)
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    entries = library.entries
    assert len(entries) == len(to_csl_json(seed_with_refs)) == 15
    keys = [e.key for e in entries]
    assert len(set(keys)) == len(keys)
    by_key = {e.key: e for e in entries}
    book = by_key["broers2019armenia"]
    assert book.entry_type == "book"
    assert book.fields_dict["publisher"].value == "Edinburgh University Press"
    assert book.fields_dict["year"].value == "2019"
    chapter = next(e for e in entries if e.entry_type == "incollection")
    assert chapter.fields_dict["pages"].value == "75--83"
    assert chapter.fields_dict["editor"].value == "Maclachlan, Fiona and Peart, Ian"
    un = [e for e in entries if e.entry_type == "techreport" and "number" in e.fields_dict]
    assert [e.fields_dict["number"].value for e in un][0] == "A/74/676\u2013S/2020/90"


def test_bibtex_escapes_special_characters_and_keeps_keys_unique():
    bibtexparser = pytest.importorskip("bibtexparser")
    doc = _doc_of(
        "Jane Doe, Profit & Loss: 100% of $5 #1_a (London, Zed Books, 2018).",
        "Jane Doe, Profit & Loss: 100% of $5 #1_b (London, Zed Books, 2018).",
    )
    text = to_bibtex(doc)
    assert r"Profit \& Loss: 100\% of \$5 \#1\_a" in text
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    assert [e.key for e in library.entries] == ["doe2018profit", "doe2018profita"]


def test_helpers():
    assert split_name("Thomas de Waal") == ("de Waal", "Thomas")
    assert organ_of("A/HRC/54/35") == "United Nations Human Rights Council"
    assert organ_of("S/RES/2334 (2016)") == "United Nations Security Council"
    assert csl_date("1992-09") == {"date-parts": [[1992, 9]]}
    assert csl_date(None) is None
    ref = Reference("r1", "web", "x", {"URL": "https://a.org", "accessed": "2025-05-03"})
    doc = Document(Source("x", "text", "", 1, 0), references=(ref,))
    assert to_csl_json(doc)[0]["accessed"] == {"date-parts": [[2025, 5, 3]]}
