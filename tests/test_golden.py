"""Golden expectations on real documents (issue 2, "Must show, on real documents").

Each golden in ``tests/golden/`` was generated with ``tests/golden_tool.py``
and then reviewed by eye against the page images. Where the parser was wrong,
the golden holds the correct expectation and the case is listed in
``KNOWN_DEFECTS`` below, keyed by (golden, field), with the defect named. Those
cases are strict xfails: when a parser change fixes one, the test turns into an
unexpected pass and fails, so remove the entry (and check the golden) then.

One test case per golden and field, so that a known defect in the blocks of a
document does not hide a regression in its masthead.

Run: ``pytest tests/test_golden.py``; see differences with
``python tests/golden_tool.py [NAME…]``.
"""

from __future__ import annotations

import difflib
import functools

import pytest
from golden_tool import FIELDS, dumps, golden_names, load, parse_record, shared_dir, source_path

# (golden, field) -> the defect that makes the parse differ from the golden.
# Pages are PDF pages. "follows from blocks" means the field refers to block
# ids that move with the block defect of the same document.
KNOWN_DEFECTS: dict[tuple[str, str], str] = {
    # -- superscript indicators that PDFium puts on a line of their own ------
    # -- masthead and title ---------------------------------------------------
    ("A_39_361", "masthead"): "OCR layer: symbol 'A/39/36I', date '25 July 19 84', 'ftem 108' not read -> "
                              "no masthead at all",
    ("A_39_361", "blocks"): "OCR layer: type size jitters line to line, so nearly every line is its own "
                            "block; masthead lines, job number and running heads ('English', 'Paqe 3') "
                            "kept as blocks; 'l.' and '20-' paragraph numbers not read",
    ("A_39_361", "footnotes"): "OCR layer: the '*' note on p1 (no rule, no size difference) not found",
    ("A_39_361", "warnings"): "OCR layer: no_masthead, and '19 84' read as two superscript indicators",
    # -- paragraphs, lists, headings -----------------------------------------
}


@functools.cache
def _parsed(name: str) -> dict:
    return parse_record(load(name))


def _cases():
    for name in golden_names():
        for field in FIELDS:
            reason = KNOWN_DEFECTS.get((name, field))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            yield pytest.param(name, field, marks=marks, id=f"{name}-{field}")


@pytest.mark.parametrize("name, field", list(_cases()))
def test_golden(name: str, field: str) -> None:
    golden = load(name)
    path = source_path(golden)
    if not path.exists():
        pytest.skip(f"{path} is missing: set VERBALE_SHARED to the shared folder ({shared_dir()})")
    got = _parsed(name)[field]
    if got != golden[field]:
        a = dumps({field: golden[field]}).splitlines()
        b = dumps({field: got}).splitlines()
        diff = "\n".join(difflib.unified_diff(a, b, f"golden/{name}.json", "parse", lineterm=""))
        pytest.fail(f"{name}: {field} differs from the golden "
                    f"(python tests/golden_tool.py {name})\n{diff}", pytrace=False)


def test_known_defects_name_existing_cases() -> None:
    names = set(golden_names())
    stale = [key for key in KNOWN_DEFECTS if key[0] not in names or key[1] not in FIELDS]
    assert not stale, f"KNOWN_DEFECTS entries with no golden or field: {stale}"


def test_goldens_are_well_formed() -> None:
    for name in golden_names():
        golden = load(name)
        assert set(golden) >= {"source", *FIELDS}, name
        kinds = {}
        for block in golden["blocks"]["list"]:
            kinds[block["kind"]] = kinds.get(block["kind"], 0) + 1
        assert kinds == golden["blocks"]["counts"], f"{name}: counts do not match the block list"
