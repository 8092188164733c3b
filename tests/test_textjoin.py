"""Joining lines: line-end hyphenation, compounds, dashes, web addresses."""

import pytest

from verbale.textjoin import clean_line, join_lines

CASES = [
    (["the recon-", "struction of"], "the reconstruction of"),          # syllable break
    (["the right to self-", "determination"], "the right to self-determination"),  # kept prefix
    (["a state-", "of-the-art system"], "a state-of-the-art system"),   # compound goes on
    (["Nagorno-", "Karabakh region"], "Nagorno-Karabakh region"),       # capital after hyphen
    (["the period 2020–", "2024 saw"], "the period 2020–2024 saw"),      # en dash range
    (["Confidence\ufffe", "building measures"], "Confidence-building measures"),  # PDFium hyphen
    (["see https://example.org/content/", "page-1; and"], "see https://example.org/content/page-1; and"),
    (["at www.example.org/a-", "b-c"], "at www.example.org/a-b-c"),
    (["two words", "apart"], "two words apart"),
    (["ends with a dash –", "then text"], "ends with a dash – then text"),
]


@pytest.mark.parametrize("lines, expected", CASES)
def test_join(lines, expected):
    text, starts = join_lines([clean_line(x) for x in lines])
    assert text == expected
    assert starts[0] == 0 and starts == sorted(starts)
    assert text[starts[-1]:].startswith(clean_line(lines[-1])[:3])


def test_clean_line_collapses_spaces_and_ligatures():
    assert clean_line("  a\u00a0 b\t\ufb01ne  ") == "a b fine"
