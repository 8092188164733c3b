"""The JSON contract: the schema file is generated from the model, every
parse validates against it, and the JSON reads back into the same model."""

from __future__ import annotations

import json

import jsonschema
from conftest import ROOT, SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from verbale import Document, parse, process
from verbale.model import Block, Footnote, Marker, Source
from verbale.schema_gen import document_schema

SCHEMA_FILE = ROOT / "verbale" / "schema" / "document.schema.json"


def test_schema_file_is_up_to_date():
    assert json.loads(SCHEMA_FILE.read_text()) == document_schema(), (
        "run: python -m verbale.schema_gen > verbale/schema/document.schema.json")


def test_parses_validate(seed_doc):
    schema = json.loads(SCHEMA_FILE.read_text())
    docs = (seed_doc, parse(SAMPLES / "letter.pdf"), parse(SAMPLES / "letter.txt"),
            process(seed_doc.source.path))  # with references, quotations and claims
    for doc in docs:
        jsonschema.validate(json.loads(json.dumps(doc.to_dict())), schema)
    assert docs[-1].claims and docs[-1].references and docs[-1].quotations


def test_json_round_trip(seed_doc):
    for doc in (seed_doc, parse(SAMPLES / "letter.pdf"), process(SAMPLES / "letter.pdf")):
        assert Document.from_dict(json.loads(json.dumps(doc.to_dict()))) == doc


_text = st.text(max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_text, st.lists(st.tuples(st.sampled_from("123*"), st.integers(0, 40)),
                                          max_size=3)), max_size=5))
def test_round_trip_any_blocks(specs):
    blocks = tuple(
        Block(f"b{i}", "paragraph", text, 1, (1,),
              markers=tuple(Marker(m, off, 1, f"fn{j}") for j, (m, off) in enumerate(marks)))
        for i, (text, marks) in enumerate(specs)
    )
    notes = tuple(Footnote(f"fn{i}", str(i), "x", 1) for i in range(3))
    doc = Document(Source("x", "text", "0", 1, 1), blocks=blocks, footnotes=notes)
    assert Document.from_dict(json.loads(json.dumps(doc.to_dict()))) == doc
