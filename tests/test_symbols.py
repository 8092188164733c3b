"""Tests for verbale.symbols: the spec's test table, near misses, running text,
URLs, resolution citations, the data file, and grammar-built properties."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import verbale.symbols as symbols_module
from verbale.symbols import (
    find_resolution_citations,
    find_symbols,
    normalize_symbol,
    organ_author,
    parse_symbol,
    series_organs,
    split_joint,
    symbol_from_url,
)

# Every row of un-conventions.md section 6, copied by hand:
# (input, status, normalized). Status: "yes" valid; "yes*" valid but the
# normalized form needs a catalogue look-up (the SC resolution year);
# "cite" a citation, not a symbol (normalized = the symbol it stands for);
# "no" not a symbol.
SPEC_CASES = [
    ("A/75/251", "yes", "A/75/251"),
    ("A/74/676", "yes", "A/74/676"),
    ("a/75/251", "yes", "A/75/251"),
    ("A / 75 / 251", "yes", "A/75/251"),
    ("A/75/ PV.14", "yes", "A/75/PV.14"),
    ("UN Doc A/75/251.", "yes", "A/75/251"),
    ("A/75/356–S/2020/947", "yes", "A/75/356–S/2020/947"),
    ("A/75/743-S/2021/134", "yes", "A/75/743–S/2021/134"),
    ("A/74/956 – S/2020/719", "yes", "A/74/956–S/2020/719"),
    ("A/RES/75/314", "yes", "A/RES/75/314"),
    ("A/RES/60/147", "yes", "A/RES/60/147"),
    ("A/RES/ES-10/19", "yes", "A/RES/ES-10/19"),
    ("A/RES/S-13/2", "yes", "A/RES/S-13/2"),
    ("A/ES-10/L.31/Rev.1", "yes", "A/ES-10/L.31/Rev.1"),
    ("S/RES/2334 (2016)", "yes", "S/RES/2334 (2016)"),
    ("S/RES/2334(2016)", "yes", "S/RES/2334 (2016)"),
    ("S/RES/2334", "yes*", "S/RES/2334 (2016)"),
    ("S/2020/947", "yes", "S/2020/947"),
    ("S/26795", "yes", "S/26795"),
    ("S/PV.8765", "yes", "S/PV.8765"),
    ("S/PRST/2021/1", "yes", "S/PRST/2021/1"),
    ("S/AGENDA/9725", "yes", "S/Agenda/9725"),
    ("S/2024/10/Rev.1/Add.36", "yes", "S/2024/10/Rev.1/Add.36"),
    ("S/1999/25/ADD.43", "yes", "S/1999/25/Add.43"),
    ("S/AC.49/2024/6", "yes", "S/AC.49/2024/6"),
    ("A/C.3/78/L.49/REV.1", "yes", "A/C.3/78/L.49/Rev.1"),
    ("A/C.6/75/SR.17", "yes", "A/C.6/75/SR.17"),
    ("A/C.3/79/L.1/Add.1", "yes", "A/C.3/79/L.1/Add.1"),
    ("A/79/5/Add.7", "yes", "A/79/5/Add.7"),
    ("A/75/10/Corr.1", "yes", "A/75/10/Corr.1"),
    ("A/78/251*", "yes", "A/78/251"),
    ("A/HRC/46/L.1/Rev.1", "yes", "A/HRC/46/L.1/Rev.1"),
    ("A/HRC/RES/46/1", "yes", "A/HRC/RES/46/1"),
    ("A/CN.4/619", "yes", "A/CN.4/619"),
    ("A/AC.105/806", "yes", "A/AC.105/806"),
    ("A/CONF.189/12", "yes", "A/CONF.189/12"),
    ("A/BUR/72/1", "yes", "A/BUR/72/1"),
    ("E/2019/9/Add.11", "yes", "E/2019/9/Add.11"),
    ("E/CN.4/SUB.2/2005/L.10", "yes", "E/CN.4/Sub.2/2005/L.10"),
    ("E/CN.6/2021/1", "yes", "E/CN.6/2021/1"),
    ("ST/SGB/2003/13", "yes", "ST/SGB/2003/13"),
    ("ST/LIB/SER.B/5/Rev.5", "yes", "ST/LIB/SER.B/5/Rev.5"),
    ("CCPR/C/GC/36", "yes", "CCPR/C/GC/36"),
    ("CCPR/C/127/D/2970/2017", "yes", "CCPR/C/127/D/2970/2017"),
    ("CERD/C/GBR/CO/21-23", "yes", "CERD/C/GBR/CO/21-23"),
    ("CEDAW/C/89/2", "yes", "CEDAW/C/89/2"),
    ("CAT/C/SR.209", "yes", "CAT/C/SR.209"),
    ("TD/B/WP(XXXV)/MISC.1/REV.1", "yes", "TD/B/WP(XXXV)/Misc.1/Rev.1"),
    ("PCNICC/2000/WGRPE(7)/DP.1", "yes", "PCNICC/2000/WGRPE(7)/DP.1"),
    ("UNEP/EA.5/HLS.1", "yes", "UNEP/EA.5/HLS.1"),
    ("resolution 60/147", "cite", "A/RES/60/147"),
    ("Security Council resolution 1325 (2000)", "cite", "S/RES/1325 (2000)"),
    ("resolution 217 A (III)", "cite", "A/RES/217(III)"),
    ("decision 50/411", "cite", None),
    ("A/C.7/75/L.1", "no", None),
    ("HRC/46/1", "no", None),
    ("A/", "no", None),
    ("A/75", "no", None),
    ("A/RES/75", "no", None),
    ("20-12655", "no", None),
    ("*2012655*", "no", None),
    ("N2012655", "no", None),
    ("2416308E", "no", None),
    ("Sales No. E.00.I.17", "no", None),
    ("GA/12266", "no", None),
    ("I.C.J. Reports 2004", "no", None),
    ("vol. 1577, No. 27531", "no", None),
    ("A/C", "no", None),
    ("and/or, 24/7, km/h, N/A, S/N", "no", None),
]

# Look-alikes from the spec's last row and from the real corpus.
NEAR_MISSES = [
    "and/or", "24/7", "km/h", "N/A", "S/N", "A/C", "HIV/AIDS", "CD/DVD", "e/serv", "P/CVE",
    "lot/batch", "he/she", "S/2020", "E/2019", "A/HRC/46", "A/CONF.189", "A/C.3/78",
    "A/C.0/75/1", "A/39/36r", "GC(69)/RES/9", "CM/Del/Concl(92)471bis", "INC/1992/1",
    "GOV/2025/24", "2/9 23-21227", "23-17349* (E) 100923", "S/", "/75/251", "A//251",
]


def test_spec_table_is_complete():
    assert len(SPEC_CASES) == 69  # the table in section 6 has 69 rows


@pytest.mark.parametrize(("text", "status", "normalized"), SPEC_CASES)
def test_spec_case(text, status, normalized):
    if status in ("yes", "yes*"):
        result = normalize_symbol(text)
        if status == "yes*":
            assert normalized.startswith(result)  # S/RES/2334: the year needs a look-up
        else:
            assert result == normalized
        if "–" not in result:
            assert parse_symbol(text).text == result
    elif status == "cite":
        assert parse_symbol(text) is None
        [citation] = find_resolution_citations(text)
        assert citation.symbol == normalized
    else:
        assert parse_symbol(text) is None
        assert find_symbols(text) == []
        with pytest.raises(ValueError, match=re.escape(repr(text))):
            normalize_symbol(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss(text):
    assert parse_symbol(text) is None
    assert find_symbols(f"See {text}, and more.") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("S/RES/2334/Add.1", "S/RES/2334"),
        ("A/RES/60/147 (2005)", "A/RES/60/147"),
        ("A/75/251/ and", "A/75/251"),
    ],
)
def test_invalid_whole_but_valid_prefix_in_text(text, found):
    """In running text the longest valid prefix of a candidate is kept."""
    assert parse_symbol(text) is None
    assert [match.raw for match in find_symbols(f"See {text}, and more.")] == [found]


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("A/78/251*", "reissued", True),
        ("A/75/251", "reissued", False),
        ("A/C.3/78/L.49/Rev.1", "session", "78"),
        ("A/RES/ES-10/19", "session", "ES-10"),
        ("A/CONF.189/12", "session", None),
        ("S/2020/947", "year", 2020),
        ("S/RES/2334 (2016)", "year", 2016),
        ("E/CN.6/2021/1", "year", None),
        ("S/26795", "year", None),
        ("E/C.12/GC/24", "series", "E"),
        ("S/2024/10/Rev.1/Add.36", "modifiers", ("Rev.1", "Add.36")),
        ("A/RES/75/314", "types", ("RES",)),
        ("S/Agenda/9725", "types", ("Agenda",)),
        ("A/HRC/46/L.1/Rev.1", "parts", ("A", "HRC", "46", "L.1", "Rev.1")),
        ("S/PV.8765 (Resumption 1)", "resumption", 1),
        ("S/PV.8765 (Resumption 1)", "text", "S/PV.8765 (Resumption 1)"),
    ],
)
def test_symbol_fields(text, field, value):
    assert getattr(parse_symbol(text), field) == value


def test_organ():
    assert parse_symbol("A/75/251").organ == "General Assembly"
    assert parse_symbol("CCPR/C/GC/36").organ == "Human Rights Committee"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("A/75/743-S/2021/134", ["A/75/743", "S/2021/134"]),
        ("A/75/356–S/2020/947", ["A/75/356", "S/2020/947"]),
        ("A/74/956 — S/2020/719", ["A/74/956", "S/2020/719"]),
        ("A/74/956 \u2212 S/2020/719", ["A/74/956", "S/2020/719"]),
        ("A/75/743 and S/2021/134", ["A/75/743", "S/2021/134"]),
        ("A/75/356\nS/2020/947", ["A/75/356", "S/2020/947"]),
        ("A/ES-10/1043-S/2025/529", ["A/ES-10/1043", "S/2025/529"]),
        ("A/RES/ES-10/19", ["A/RES/ES-10/19"]),
        ("A/S-26/2", ["A/S-26/2"]),
        ("CERD/C/GBR/CO/21-23", ["CERD/C/GBR/CO/21-23"]),
        ("S/RES/2334 (2016)", ["S/RES/2334 (2016)"]),
        ("A / 75 / 251", ["A / 75 / 251"]),
    ],
)
def test_split_joint(text, parts):
    assert split_joint(text) == parts


def texts(matches):
    return [match.symbol.text for match in matches]


def test_find_two_joint_groups():
    matches = find_symbols("See A/75/497-S/2020/982 and A/75/625-S/2020/1161, annex.")
    assert texts(matches) == ["A/75/497", "S/2020/982", "A/75/625", "S/2020/1161"]
    assert [match.joint for match in matches] == [0, 0, 1, 1]


def test_find_keeps_sentence_punctuation_out():
    text = "The attack was reported (see S/2020/90)."
    [match] = find_symbols(text)
    assert match.raw == "S/2020/90"
    assert text[match.start : match.end] == "S/2020/90"
    assert match.joint is None


@pytest.mark.parametrize(
    ("text", "expected", "raw"),
    [
        ("the meeting (A/75/ PV.14) and", "A/75/PV.14", "A/75/ PV.14"),
        ("circulated as document S/2020/\n947 of 28 September", "S/2020/947", "S/2020/\n947"),
        ("circulated as document S/2020/\r\n947", "S/2020/947", "S/2020/\r\n947"),
        ("adopted S/RES/2334(2016).", "S/RES/2334 (2016)", "S/RES/2334(2016)"),
        ("adopted S/RES/2334 (2016), which", "S/RES/2334 (2016)", "S/RES/2334 (2016)"),
        ("the resolution A/RES/78/234 (2023) titled", "A/RES/78/234", "A/RES/78/234"),
        ("A/78/251* Reissued", "A/78/251", "A/78/251*"),
        ("draft A/79/L.77.", "A/79/L.77", "A/79/L.77"),
        ("(A/HRC/56/CRP.8).", "A/HRC/56/CRP.8", "A/HRC/56/CRP.8"),
        ("in ST/LIB/SER.B/5/Rev.5;", "ST/LIB/SER.B/5/Rev.5", "ST/LIB/SER.B/5/Rev.5"),
        ("submission only.A/79/722", "A/79/722", "A/79/722"),
        ("see A/75/251/ and the annex", "A/75/251", "A/75/251"),
        ("by ES\u201110 under A/ES\u201110/1029", "A/ES-10/1029", "A/ES\u201110/1029"),
        ("ods s/1999/25/add.43 copy", "S/1999/25/Add.43", "s/1999/25/add.43"),
    ],
)
def test_find_in_running_text(text, expected, raw):
    [match] = find_symbols(text)
    assert (match.symbol.text, match.raw) == (expected, raw)
    assert text[match.start : match.end] == raw


def test_find_masthead_and_running_header():
    text = (
        "United Nations A/79/722-S/2025/27\r\nGeneral Assembly\f\n"
        "A/79/722\r\nS/2025/27\r\n2/12 25-00681"
    )
    matches = find_symbols(text)
    assert texts(matches) == ["A/79/722", "S/2025/27", "A/79/722", "S/2025/27"]
    assert [match.joint for match in matches] == [0, 0, None, None]  # separate lines: not provable


def test_find_skips_foreign_series():
    text = "Notes GC(69)/RES/9 A.2 and CM/Del/Concl(92)471bis, and resolution INC/1992/1."
    assert find_symbols(text) == []


@pytest.mark.parametrize(
    ("text", "expected", "raw"),
    [
        ("https://undocs.org/en/A/74/676", "A/74/676", "A/74/676"),
        ("https://undocs.org/S/RES/2334(2016)", "S/RES/2334 (2016)", "S/RES/2334(2016)"),
        ("undocs.org/a/75/251.", "A/75/251", "a/75/251"),
        ("https://docs.un.org/en/A/HRC/59/60", "A/HRC/59/60", "A/HRC/59/60"),  # undocs.org's new name
        ("https://example.org/lookup?symbol=A/75/251&x=1", "A/75/251", "A/75/251"),
        ("www.example.org/lookup?s=S/2020/947.", "S/2020/947", "S/2020/947"),
    ],
)
def test_find_in_url(text, expected, raw):
    [match] = find_symbols(text)
    assert (match.symbol.text, match.raw, match.in_url) == (expected, raw, True)


@pytest.mark.parametrize(
    "text",
    [
        "https://www.un.org/en/ga/sixth/80/programme.shtml",
        "https://example.org/archive/A/75/251",
        "https://documents.un.org/api/symbol/access?s=S%2F26795&l=en&t=pdf",
    ],
)
def test_no_symbol_in_other_urls(text):
    assert find_symbols(text) == []


def test_seed_footnotes_and_links():
    text = (
        " 11 See A/74/676-S/2020/90, annex. \n"
        " 12 See A/75/497-S/2020/982 and A/75/625-S/2020/1161, annex. \n"
        " 13 For more information, see A/75/660-S/2020/1267. \n"
        "https://undocs.org/en/A/74/676\nhttps://undocs.org/en/A/75/497\n"
    )
    matches = find_symbols(text)
    assert texts(matches) == [
        "A/74/676", "S/2020/90", "A/75/497", "S/2020/982", "A/75/625", "S/2020/1161",
        "A/75/660", "S/2020/1267", "A/74/676", "A/75/497",
    ]
    assert [match.joint for match in matches] == [0, 0, 1, 1, 2, 2, 3, 3, None, None]
    assert [match.in_url for match in matches] == [False] * 8 + [True] * 2


@pytest.mark.parametrize(
    ("url", "symbol"),
    [
        ("https://undocs.org/A/75/743", "A/75/743"),  # plain
        ("https://undocs.org/en/A%2F75%2F743", "A/75/743"),  # percent-encoded
        ("https://undocs.org/fr/S/RES/2334(2016)", "S/RES/2334 (2016)"),  # language segment
        ("https://www.undocs.org/EN/a/75/251/", "A/75/251"),
        ("undocs.org/en/A/RES/377%20(V)", "A/RES/377(V)"),  # no scheme
        ("https://docs.un.org/en/S/RES/1701(2006)", "S/RES/1701 (2006)"),
        ("https://documents.un.org/api/symbol/access?s=S%2F26795&l=en&t=pdf", "S/26795"),
        ("https://documents.un.org/symbol-explorer?symbol=A/HRC/54/35#top", "A/HRC/54/35"),
        ("https://undocs.org/pdf?symbol=en/A/75/743", "A/75/743"),
        ("https://undocs.org/Home/Mobile?FinalSymbol=A%2F75%2F743&Language=E", "A/75/743"),
        ("http://daccess-ods.un.org/access.nsf/Get?Open&DS=A/RES/61/295&Lang=E", "A/RES/61/295"),
    ],
)
def test_symbol_from_url(url, symbol):
    assert symbol_from_url(url) == symbol


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/archive/A/75/251",  # not a UN address
        "https://example.org/lookup?symbol=A/75/251",
        "https://www.un.org/en/ga/sixth/80/programme.shtml",
        "https://undocs.org/",
        "https://undocs.org/en/GA/12266",  # not a valid symbol
        "http://[oops/A/75/251",
        "",
    ],
)
def test_symbol_from_url_none(url):
    assert symbol_from_url(url) is None


@pytest.mark.parametrize(
    ("text", "lang", "url"),
    [
        ("A/74/676", "en", "https://undocs.org/en/A/74/676"),
        ("A/74/676", None, "https://undocs.org/A/74/676"),
        ("S/RES/2334 (2016)", None, "https://undocs.org/S/RES/2334(2016)"),
        ("A/78/251*", "fr", "https://undocs.org/fr/A/78/251"),
    ],
)
def test_undocs_url(text, lang, url):
    assert parse_symbol(text).undocs_url(lang) == url


def test_documents_url():
    assert parse_symbol("S/26795").documents_url() == (
        "https://documents.un.org/api/symbol/access?s=S%2F26795&l=en&t=pdf"
    )
    assert parse_symbol("S/RES/2334 (2016)").documents_url("ar") == (
        "https://documents.un.org/api/symbol/access?s=S%2FRES%2F2334%282016%29&l=ar&t=pdf"
    )


def test_url_rejects_unknown_language():
    with pytest.raises(ValueError, match="'xx'"):
        parse_symbol("A/74/676").undocs_url("xx")


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("U.N. Doc. A/75/251", "A/75/251"),
        ("UN document A/75/251,", "A/75/251"),
        ("UN Doc A/75/743-S/2021/134;", "A/75/743–S/2021/134"),
        ("(A/75/10)", "A/75/10"),
        ("(S/RES/2334 (2016)).", "S/RES/2334 (2016)"),
        ("TD/B/WP(XXXV)/Misc.1", "TD/B/WP(XXXV)/Misc.1"),
        ("A/80/62*\u2212E/2025/12*", "A/80/62–E/2025/12"),
    ],
)
def test_normalize_citation_forms(text, normalized):
    assert normalize_symbol(text) == normalized


def test_normalize_error_names_input():
    with pytest.raises(ValueError, match=re.escape("'GA/12266'")):
        normalize_symbol("GA/12266")


GA, SC = "General Assembly", "Security Council"
ECOSOC, HRC = "Economic and Social Council", "Human Rights Council"


def res(organ, number, symbol, *, year=None, session=None, parts=()):
    """Expected resolution citation, as compared in test_resolution_citations."""
    return ("resolution", organ, number, year, session, symbol, tuple(parts))


def dec(organ, number, *, year=None, session=None, parts=()):
    """Expected decision citation: decisions never get a symbol."""
    return ("decision", organ, number, year, session, None, tuple(parts))


CITATIONS = [
    ("resolution 60/147", [res(GA, "60/147", "A/RES/60/147", session="60")]),
    ("General Assembly resolution 60/147.", [res(GA, "60/147", "A/RES/60/147", session="60")]),
    ("Security Council resolution 2334 (2016)", [res(SC, "2334", "S/RES/2334 (2016)", year=2016)]),
    ("resolution 1325 (2000)", [res(SC, "1325", "S/RES/1325 (2000)", year=2000)]),
    (
        "resolutions 242 (1967) and 338 (1973)",
        [
            res(SC, "242", "S/RES/242 (1967)", year=1967),
            res(SC, "338", "S/RES/338 (1973)", year=1973),
        ],
    ),
    ("resolutions 31/6 A and B", [res(GA, "31/6 A and B", "A/RES/31/6", session="31", parts="AB")]),
    ("decisions 31/406 A to E", [dec(GA, "31/406 A to E", session="31", parts="ABCDE")]),
    ("resolution 3363 (XXX)", [res(GA, "3363", "A/RES/3363(XXX)", session="XXX")]),
    ("resolution 217 A (III)", [res(GA, "217 A", "A/RES/217(III)", session="III", parts="A")]),
    ("resolution 3362 (S-VII)", [res(GA, "3362", "A/RES/3362(S-VII)", session="S-VII")]),
    ("resolution ES-10/19", [res(GA, "ES-10/19", "A/RES/ES-10/19", session="ES-10")]),
    ("resolution S-8/1", [res(GA, "S-8/1", "A/RES/S-8/1", session="S-8")]),
    ("resolution S-26/2", [res(GA, "S-26/2", "A/RES/S-26/2", session="S-26")]),
    ("decision 50/411", [dec(GA, "50/411", session="50")]),
    ("Human Rights Council resolution 5/1", [res(HRC, "5/1", "A/HRC/RES/5/1", session="5")]),
    (
        "Economic and Social Council resolution 1996/31",
        [res(ECOSOC, "1996/31", "E/RES/1996/31", year=1996)],
    ),
    ("Economic and Social Council decision 1982/112", [dec(ECOSOC, "1982/112", year=1982)]),
    ("resolution 2231", [res(None, "2231", None)]),
    ("the Security Council, in its resolution 2231 of 2015", [res(SC, "2231", "S/RES/2231")]),
    # Before the 31st session GA symbols carry no session: 5/1 is not a GA resolution.
    ("resolution 5/1", [res(None, "5/1", None, session="5")]),
    ("General Assembly resolution 15/21", [res(GA, "15/21", None, session="15")]),
    ("the right of peaceful assembly, resolution 15/21", [res(None, "15/21", None, session="15")]),
    # An organ named as a topic, not as the author, is not taken.
    (
        "Report of the Human Rights Council (resolution 60/251)",
        [res(GA, "60/251", "A/RES/60/251", session="60")],
    ),
    (
        "established by the Human  Rights Council in its resolution 17/4, in which",
        [res(HRC, "17/4", "A/HRC/RES/17/4", session="17")],
    ),
    ("TO HUMAN RIGHTS COUNCIL RESOLUTION 5/1", [res(HRC, "5/1", "A/HRC/RES/5/1", session="5")]),
    (
        "General Assembly resolution 3281 (\u0425\u0425IX) of 12 December 1974",  # Cyrillic X
        [res(GA, "3281", "A/RES/3281(XXIX)", session="XXIX")],
    ),
    ("implementing resolution 2719  (2023)", [res(SC, "2719", "S/RES/2719 (2023)", year=2023)]),
    (
        "resolutions 79/257, 79/259 A–C and 79/260",
        [
            res(GA, "79/257", "A/RES/79/257", session="79"),
            res(GA, "79/259 A–C", "A/RES/79/259", session="79", parts="ABC"),
            res(GA, "79/260", "A/RES/79/260", session="79"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CITATIONS)
def test_resolution_citations(text, expected):
    found = [
        (c.kind, c.organ, c.number, c.year, c.session, c.symbol, c.parts)
        for c in find_resolution_citations(text)
    ]
    assert found == expected


def test_citation_spans_and_lists():
    text = "General Assembly resolutions 69/321 and 70/305, and resolution 75/253, sect. IX."
    citations = find_resolution_citations(text)
    assert [c.symbol for c in citations] == ["A/RES/69/321", "A/RES/70/305", "A/RES/75/253"]
    assert [text[c.start : c.end] for c in citations] == [
        "General Assembly resolutions 69/321", "70/305", "resolution 75/253",
    ]


def test_citations_each_keep_their_organ():
    text = "under General Assembly resolution 74/9 and Security Council resolution 2727 (2024), in"
    citations = find_resolution_citations(text)
    assert [(c.organ, c.symbol) for c in citations] == [
        ("General Assembly", "A/RES/74/9"),
        ("Security Council", "S/RES/2727 (2024)"),
    ]


def test_long_citation_list():
    text = "by its resolutions 68/247, 69/262, 70/248,  71/272 and 72/262, the Assembly"
    assert [c.number for c in find_resolution_citations(text)] == [
        "68/247", "69/262", "70/248", "71/272", "72/262",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "It also adopted resolution INC/1992/1 on interim arrangements.",
        "decision 7/CP.21 of the Conference of the Parties",
        "the resolution of the conflict",
        "resolutions adopted in 2020",
    ],
)
def test_no_citation(text):
    assert find_resolution_citations(text) == []


def test_citation_symbols_are_normal_symbols():
    text = " ".join(text for text, _ in CITATIONS)
    for citation in find_resolution_citations(text):
        if citation.symbol:
            assert normalize_symbol(citation.symbol) == citation.symbol


# --- the data file ----------------------------------------------------------

DATA = json.loads(
    (Path(symbols_module.__file__).parent / "data" / "symbols.json").read_text("utf-8")
)
MARKER_GROUPS = ("bodies", "types", "modifiers")


def test_data_shape():
    assert DATA["version"] == 1
    for group in ("series", "subseries", *MARKER_GROUPS, "organs"):
        for entry in DATA[group]:
            assert entry["evidence"] in {"S", "O", "I", "K"}, entry
            assert entry["examples"], entry
    prefixes = [entry["prefix"] for entry in DATA["series"]]
    assert len(prefixes) == len(set(prefixes))
    for entry in DATA["series"]:
        assert entry.get("dated_by") in (None, "session", "year")
        assert (entry.get("dated_by") == "year") == ("since" in entry)
    for group in MARKER_GROUPS:
        markers = [entry["marker"].upper() for entry in DATA[group]]
        assert len(markers) == len(set(markers)), group
    for entry in DATA["bodies"]:
        for series, (low, high) in entry.get("range", {}).items():
            assert series in prefixes and 1 <= low <= high
    forms = {"session", "annual", "dated", "roman", "bare"}
    for entry in DATA["organs"]:
        assert set(entry["resolution"]) <= forms
        assert set(entry.get("default_for", ())) <= set(entry["resolution"])


def series_examples():
    return [(entry["prefix"], example) for entry in DATA["series"] for example in entry["examples"]]


@pytest.mark.parametrize(("prefix", "example"), series_examples())
def test_series_examples(prefix, example):
    symbol = parse_symbol(example)
    assert (symbol.series, symbol.text) == (prefix, example)
    assert texts(find_symbols(f"See {example}.")) == [example]


def marker_examples():
    return [
        (group, entry, example)
        for group in MARKER_GROUPS
        for entry in DATA[group]
        for example in entry["examples"]
    ]


def marker_pattern(entry):
    """The pattern a component carrying this marker must match."""
    numbered = entry.get("numbered", True)  # bodies are always numbered
    return re.compile(re.escape(entry["marker"]) + (r"\.\d+" if numbered else ""))


@pytest.mark.parametrize(("group", "entry", "example"), marker_examples())
def test_marker_examples(group, entry, example):
    symbol = parse_symbol(example)
    assert symbol.text == example
    pattern = marker_pattern(entry)
    assert any(pattern.fullmatch(part) for part in symbol.parts[1:]), (entry["marker"], example)
    marker = entry["marker"]
    if group == "types":
        assert marker in symbol.types
    if group == "modifiers":
        assert any(pattern.fullmatch(modifier) for modifier in symbol.modifiers)


def subseries_examples():
    return [(entry, example) for entry in DATA["subseries"] for example in entry["examples"]]


@pytest.mark.parametrize(("entry", "example"), subseries_examples())
def test_subseries_examples(entry, example):
    assert parse_symbol(example).text == example
    assert example.startswith(entry["prefix"])
    assert organ_author(example) == entry["author"]


def test_series_organs():
    organs = series_organs()
    assert organs["A"] == "United Nations General Assembly"
    assert organs["S"] == "United Nations Security Council"
    assert organs["CCPR"] == "Human Rights Committee"  # a series' name when no author
    assert set(organs) == {e["prefix"] for group in ("series", "subseries") for e in DATA[group]}
    assert organ_author("A/HRC/WG.6/7/ITA/1") == "United Nations Human Rights Council"
    assert organ_author("A/C.3/78/L.49/Rev.1") == "United Nations General Assembly"
    assert organ_author("XYZ/1") is None
    with pytest.raises(TypeError):
        organs["A"] = "changed"  # read-only: one table for every caller


def organ_examples():
    return [
        (entry["name"], text, symbol)
        for entry in DATA["organs"]
        for text, symbol in entry["examples"].items()
    ]


@pytest.mark.parametrize(("organ", "text", "symbol"), organ_examples())
def test_organ_examples(organ, text, symbol):
    [citation] = find_resolution_citations(text)
    assert (citation.organ, citation.symbol) == (organ, symbol)


def test_docstring_examples():
    assert doctest.testmod(symbols_module).failed == 0


# --- properties over symbols built from the grammar ------------------------

numbers = st.integers(1, 9999).map(str)
sessions = st.one_of(
    st.integers(31, 99).map(str),
    st.integers(1, 11).map(lambda n: f"ES-{n}"),
    st.integers(1, 30).map(lambda n: f"S-{n}"),
)
years = st.integers(1994, 2030).map(str)
modifier = st.tuples(st.sampled_from(["Add", "Corr", "Rev", "Amend"]), st.integers(1, 60)).map(
    lambda pair: f"{pair[0]}.{pair[1]}"
)
modifiers = st.lists(modifier, max_size=2).map(lambda items: "".join(f"/{m}" for m in items))
typed = st.tuples(st.sampled_from(["L", "PV", "SR", "CRP"]), st.integers(1, 300)).map(
    lambda pair: f"{pair[0]}.{pair[1]}"
)


def joined(*parts):
    return "/".join(parts)


ga = st.builds(
    lambda body, session, number, mods: joined("A", *body, session, number) + mods,
    st.sampled_from([(), ("C.1",), ("C.3",), ("C.6",), ("HRC",), ("INF",)]),
    sessions,
    numbers | typed,
    modifiers,
)
ga_resolution = st.builds(lambda s, n: joined("A", "RES", s, n), sessions, numbers)
sc = st.one_of(
    st.builds(lambda y, n, mods: joined("S", y, n) + mods, years, numbers, modifiers),
    st.builds(lambda n, y: f"S/RES/{n} ({y})", numbers, years),
    st.builds(lambda n: f"S/RES/{n}", numbers),
    st.builds(lambda n: f"S/PV.{n}", numbers),
    st.builds(lambda y, n: f"S/PRST/{y}/{n}", years, numbers),
    st.builds(lambda n: f"S/Agenda/{n}", st.integers(2100, 9999).map(str)),
)
ecosoc = st.one_of(
    st.builds(
        lambda y, n, mods: joined("E", y, n) + mods,
        st.integers(1978, 2030).map(str),
        numbers,
        modifiers,
    ),
    st.builds(lambda c, y, n: f"E/CN.{c}/{y}/{n}", st.integers(3, 17), years, numbers),
)
treaty_bodies = st.one_of(
    st.builds(
        lambda s, n: f"{s}/C/GC/{n}", st.sampled_from(["CCPR", "CRC", "CEDAW", "CRPD"]), numbers
    ),
    st.builds(
        lambda code, a: f"CERD/C/{code}/CO/{a}-{a + 2}",
        st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3),
        st.integers(1, 30),
    ),
)
valid_symbols = st.one_of(ga, ga_resolution, sc, ecosoc, treaty_bodies)


def messy(symbol: str, upper: bool, spaces: str) -> str:
    """The symbol as ODS or a PDF might give it: other case, spaces after '/'."""
    text = symbol.upper() if upper else symbol.lower()
    return text.replace("/", "/" + spaces)


@given(valid_symbols)
def test_generated_symbol_is_its_own_normal_form(symbol):
    assert normalize_symbol(symbol) == symbol
    assert parse_symbol(symbol).text == symbol


@given(valid_symbols, st.booleans(), st.sampled_from(["", " ", "  "]))
def test_normalize_repairs_case_and_spacing_and_is_idempotent(symbol, upper, spaces):
    once = normalize_symbol(messy(symbol, upper, spaces))
    assert once == symbol
    assert normalize_symbol(once) == once


@given(
    valid_symbols,
    st.booleans(),
    st.sampled_from(["See ", "(", "document ", "\n", "in the report "]),
    st.sampled_from([".", ", annex.", ").", " and the", "\n", ";", ""]),
)
def test_generated_symbol_is_found_in_text(symbol, reissued, before, after):
    printed = symbol + ("*" if reissued and " (" not in symbol else "")
    text = f"{before}{printed}{after}"
    [match] = find_symbols(text)
    assert (match.symbol.text, match.raw, match.start) == (symbol, printed, len(before))
    assert match.symbol.reissued == printed.endswith("*")


@given(st.one_of(ga, ga_resolution), sc, st.sampled_from(["-", "–", " – ", "—"]))
def test_joint_symbols_split_and_rejoin(first, second, dash):
    assert split_joint(first + dash + second) == [first, second]
    assert normalize_symbol(first + dash + second) == f"{first}–{second}"
    matches = find_symbols(f"See {first}{dash}{second}.")
    assert texts(matches) == [first, second]
    assert [match.joint for match in matches] == [0, 0]
