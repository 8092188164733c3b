"""Tests for verbale.months: the one month table, and the date patterns built on it."""

from __future__ import annotations

import doctest

import verbale.months as months
from verbale.claims._vocab import MONTHS as CLAIMS_MONTHS
from verbale.masthead import DATE as MASTHEAD_DATE
from verbale.masthead import _iso as masthead_iso
from verbale.references.patterns import parse_date


def test_docstring_examples():
    assert doctest.testmod(months).failed == 0


def test_every_language_has_twelve_months():
    for names in months.BY_LANGUAGE.values():
        assert len(names) == 12
        assert [months.number(name) for name in names] == list(range(1, 13))


def test_abbreviations():
    numbers = [months.number(short) for short in months.ABBREVIATIONS]
    assert numbers == [1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12]
    assert months.number("Sept.") == 9 and months.number("jun") == 6
    assert months.number("Smarch") is None and months.number("") is None


def test_users_read_the_table():
    assert CLAIMS_MONTHS.split("|") == list(months.ENGLISH)
    assert parse_date("6 Sept. 2016") == "2016-09-06"
    assert parse_date("March 3, 1992") == "1992-03-03"
    for text, iso in [
        ("16 April 2025", "2025-04-16"),
        ("3 février 2025", "2025-02-03"),
        ("15 de DICIEMBRE de 2024", "2024-12-15"),
    ]:
        assert masthead_iso(MASTHEAD_DATE.fullmatch(text)) == iso
