"""Amounts in running text: exact numbers, numbers in words, ranges, hedges.

An :class:`Amount` is a number that *could* count people. Numbers that are
dates, years, references (paragraph 5, resolution 1701 (2006), No. 366),
percentages, money, ages, times or parts of document symbols are dropped
here, before any claim is considered.

>>> [a.best for a in find_amounts("some 200 dead, at least 2,130 injured")]
[200, 2130]
>>> parse_amount("scores of")
Amount(start=0, end=9, text='scores of', value=None, low=40, best=60, high=99, hedge='scores of')
>>> find_amounts("On 25-26 February 1992, under resolution 1701 (2006), 51 per cent")
[]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from ._vocab import MONTHS, Vocabulary, _alternation, key, vocabulary

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMWORD = _alternation([*_UNITS, *_SCALES])
_WORDS = rf"\b(?:{_NUMWORD})(?:(?:\s+|-)(?:and\s+)?(?:{_NUMWORD}))*\b"
# Thousands separators: comma, or the no-break spaces some translations use;
# a full stop too where several of them stand in one number ("1.234.567").
_DIGITS = (
    r"(?<![\w/.,\-])(?:\d{1,3}(?:[,\u00a0\u202f]\d{3})+|\d{1,3}(?:\.\d{3}){2,}|\d+(?:\.\d+)?)"
    r"(?![\w/]|[.,]\d)"
)
# A full stop followed by exactly three digits: a thousands separator in a count
# of people ("60.002 detainees"), since a count has no decimals; with a scale
# word it is a decimal point ("4.500 million").
_DOTTED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_SCALE = r"(?:\s+(?:million|billion|thousand))?"
_CORE = rf"(?:{_DIGITS}{_SCALE}|{_WORDS})"
_DASH = r"\s*(?:–|—|-|to)\s*"

# Words before "one" that make it a pronoun ("no one", "the one who").
_ONE_PRONOUN = re.compile(r"\b(?:no|any|every|each|the|this|that|which)[\s-]*$", re.IGNORECASE)
_ONE_IDIOM = re.compile(
    r"^\s*(?:another|day|point|time|side|hand|way|by one|or (?:two|more))\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Amount:
    """A candidate count in a text, with its value read UCDP-style.

    ``value`` is set for an exact number; ``low``/``best``/``high`` for a
    hedged, vague or ranged one (``None`` where the text leaves a side open).
    ``hedge`` keeps the hedging words verbatim.
    """

    start: int
    end: int
    text: str
    value: int | None = None
    low: int | None = None
    best: int | None = None
    high: int | None = None
    hedge: str | None = None

    @property
    def number(self) -> int:
        """One number for the amount: the exact value, else best, low or high."""
        for n in (self.value, self.best, self.low, self.high):
            if n is not None:
                return n
        return 0


def find_amounts(text: str) -> list[Amount]:
    """Every amount in ``text`` that may count people, in order.

    >>> [(a.text, a.value) for a in find_amounts("613 civilians and two hundred others")]
    [('613', 613), ('two hundred', 200)]
    """
    voc = vocabulary()
    out = []
    full, lead = _amount_re(voc), _lead_re(voc)
    done = 0
    # Detect, then interpret: cheap anchors (a digit, a number word) first; the
    # full pattern is tried only there, from the hedge before the anchor if any.
    for anchor in _ANCHOR.finditer(text):
        pos = anchor.start()
        if pos < done:
            continue
        lead_m = lead.search(text, max(done, pos - 40), pos)
        m = None
        if lead_m and lead_m.start() < pos:
            m = full.match(text, lead_m.start())
        if m is None or m.end() <= pos:
            m = full.match(text, pos)
        if m is None:
            continue
        done = m.end()
        amount = _interpret(m, voc)
        if amount is not None and not _excluded(text, m, amount, voc):
            out.append(amount)
    return out


def parse_amount(text: str) -> Amount | None:
    """The amount spelled by the whole of ``text``, or None.

    >>> parse_amount("more than 100").low
    101
    """
    for amount in find_amounts(text):
        if amount.start == 0 and amount.end == len(text.rstrip()):
            return amount
    return None


def words_to_int(words: str) -> int | None:
    """Read an English number in words; None when it is not one.

    >>> words_to_int("two hundred"), words_to_int("Twenty-nine"), words_to_int("three thousand five hundred")
    (200, 29, 3500)
    """
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    if not tokens:
        return None
    total, current = 0, 0
    for tok in tokens:
        if tok in _UNITS:
            current += _UNITS[tok]
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = 0
        else:
            return None
    return total + current


# -- internals -------------------------------------------------------------


_ANCHOR = re.compile(
    rf"\d|(?i:\b(?:{_NUMWORD}|dozens?|scores?|hundreds|thousands|millions|tens|several|few)\b)"
)


@lru_cache(maxsize=1)
def _lead_re(voc: Vocabulary) -> re.Pattern[str]:
    """Words that may open an amount before its number: a hedge, "between", "a"."""
    return re.compile(rf"(?:\b(?:{voc.hedge_re})\s+)?(?:\b(?:between|a|an)\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _amount_re(voc: Vocabulary) -> re.Pattern[str]:
    return re.compile(
        rf"(?:\b(?P<hedge>{voc.hedge_re})\s+)?"
        rf"(?:(?P<vague>\b(?:{voc.vague_re})\b)(?P<tail>\s+(?:more|of)\b)?"
        rf"|between\s+(?P<b1>{_CORE})\s+and\s+(?P<b2>{_CORE})"
        # A dash joins numbers in digits only: "Twenty-nine" is one number.
        rf"|(?P<r1>{_DIGITS}{_SCALE}){_DASH}(?P<r2>{_DIGITS}{_SCALE})"
        rf"|(?P<r3>{_WORDS})\s+to\s+(?P<r4>{_WORDS})"
        rf"|(?P<n>{_CORE}))"
        rf"(?:\s*(?P<suffix>{voc.suffix_re})(?!\w))?",
        re.IGNORECASE,
    )


def _to_int(text: str) -> int | None:
    """Digits (with separators and an optional scale word) or words to int."""
    text = text.strip()
    m = re.fullmatch(r"([\d,.\u00a0\u202f]+)\s*(million|billion|thousand)?", text, re.IGNORECASE)
    if m:
        digits = re.sub(r"[,\u00a0\u202f]", "", m.group(1))
        scale = _SCALES.get((m.group(2) or "").lower(), 1)
        if _DOTTED.fullmatch(digits) and (scale == 1 or digits.count(".") > 1):
            digits = digits.replace(".", "")
        try:
            number = float(digits) * scale
        except ValueError:
            return None
        # A bare decimal ("3.2") is a measurement or a ratio, not a head count.
        if number != int(number):
            return None
        return int(number)
    return words_to_int(text)


def _interpret(m: re.Match[str], voc: Vocabulary) -> Amount | None:
    start, end = m.span()
    text = m.group(0)
    hedge = m.group("hedge")
    kind = voc.hedges.get(key(hedge)) if hedge else None
    suffix = m.group("suffix")
    if suffix and not kind:
        kind = voc.suffix_hedges.get(key(suffix))
    if m.group("vague"):
        # "of" and "more" belong to the amount: "dozens of", "hundreds more".
        end = m.end("tail") if m.group("tail") else m.end("vague")
        text = m.string[start:end]
        low, best, high = voc.vague[key(m.group("vague"))]
        return Amount(start, end, text, None, low, best, high, text)
    if m.group("b1") or m.group("r1") or m.group("r3"):
        low = _to_int(m.group("b1") or m.group("r1") or m.group("r3"))
        high = _to_int(m.group("b2") or m.group("r2") or m.group("r4"))
        if low is None or high is None or high <= low:
            # "4-3" or "10-2" are scores or codes, not ranges; "1-2" is fine.
            return None
        return Amount(start, end, text, None, low, None, high, hedge)
    n = _to_int(m.group("n"))
    if n is None:
        return None
    if not kind:
        return Amount(start, end, text, value=n, hedge=None)
    hedge_text = " ".join(p for p in (hedge, suffix) if p)
    return Amount(start, end, text, None, *_bounds(kind, n), hedge=hedge_text)


def _bounds(kind: str, n: int) -> tuple[int | None, int | None, int | None]:
    """low, best, high for a hedge kind (conventions in measures.json)."""
    if kind == "min":
        return n, n, None
    if kind == "min_strict":
        return n + 1, n + 1, None
    if kind == "max":
        return None, n, n
    if kind == "max_strict":
        return None, n - 1, n - 1
    low = math.ceil(n * 0.9)
    if kind == "approx_below":
        return low, n, n
    return low, n, math.floor(n * 1.1)


_MONTH_AFTER = re.compile(rf"^\s*(?:(?:–|—|-|to|and)\s*\d{{1,2}}\s*)?(?:{MONTHS})\b")
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\s*$")
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|during|until|till|by|of|from|before|after|year|early|late|mid|"
    r"between|and|to|through|the|for|spring|summer|autumn|winter|fall)[\s-]*$",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(r"^\s*(?:hours|hrs|h\b|a\.m\.|p\.m\.|GMT|UTC|local time)", re.IGNORECASE)


def _excluded(text: str, m: re.Match[str], a: Amount, voc: Vocabulary) -> bool:
    """Whether the amount is a date, year, reference, unit, money, age or time."""
    before = text[max(0, a.start - 40) : a.start]
    after = text[a.end : a.end + 40]
    core = (m.group("n") or m.group("r1") or m.group("r3") or m.group("b1") or "").strip()
    if voc.not_before_re.search(before) or voc.not_after_re.search(after):
        return True
    if _MONTH_AFTER.search(after) or _MONTH_BEFORE.search(before):
        return True
    if core and core[0].isdigit():
        if a.start >= 2 and text[a.start - 1] == "-" and text[a.start - 2].isalnum():
            return True  # "ES-10", "COVID-19", "Su-25"
        digits = core
        if len(digits) == 4 and digits.isdigit():  # "2,000" is never a year
            if (
                1800 <= int(digits) <= 2100
                and not m.group("hedge")
                and (_YEAR_CONTEXT.search(before) or not _people_next(after, voc))
            ):
                return True
            if digits[0] == "0" or _TIME_AFTER.search(after):
                return True  # "0200", "1330 hours"
        if re.fullmatch(r"(?:18|19|20)\d\d", digits) and after[:1] == ")":
            return True  # "(2006)"
        if a.start <= 1 and re.match(r"^[.)]", after):
            return True  # the number of a numbered paragraph: "1. ..."
        if (
            "." in digits
            and not a.hedge
            and text[: a.start].rstrip()[-1:] in ("", ";", ":")
            and re.match(r"\s+[A-Z]", after)
            and not _people_next(after, voc)
            and not re.match(r"\s+[A-Z]\w*[^su]s\b", after)  # "1.250 Syrians were …"
        ):
            # the number of a recommendation, before its verb: "26.101 Abolish death sentences …"
            return True
    if re.match(r"^-[^\W\d_]", after):
        return True  # a compound adjective: "24-hour", "two-day", "15-year-old"
    # "no one", "the one who", "one another" are not counts
    return (
        core.lower() == "one"
        and not a.hedge
        and bool(_ONE_PRONOUN.search(before) or _ONE_IDIOM.search(after))
    )


def _people_next(after: str, voc: Vocabulary) -> bool:
    """Whether the word after a number is a people noun ("2000 people")."""
    m = re.match(r"\s+([^\W\d_][\w'’-]*)", after)
    return bool(m) and (m.group(1).lower() in voc.people or bool(voc.noun_re.match(m.group(1))))
