"""Small text helpers shared by the interpreters: elements, names, titles.

>>> [e.text for e in elements("Laurence Broers, Armenia (Edinburgh, 2019), p. 37")]
['Laurence Broers', 'Armenia (Edinburgh, 2019)', 'p. 37']
>>> person_names("Fiona Maclachlan and Ian Peart")
['Fiona Maclachlan', 'Ian Peart']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P

_QUOTES = "\u201c\u201d\"\u2018\u2019'"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Element:
    """A comma-separated element of a citation, with its offsets in the note."""

    text: str
    start: int
    end: int


def elements(text: str, offset: int = 0) -> list[Element]:
    """Split at commas outside parentheses and quotation marks."""
    out: list[Element] = []
    depth = 0
    quoted = False
    start = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch == "\u201c":
            quoted = True
        elif ch == "\u201d":
            quoted = False
        elif ch == "," and not depth and not quoted:
            _add(out, text, start, i, offset)
            start = i + 1
    _add(out, text, start, len(text), offset)
    if out:  # "… Opinion at para. 88": a locator joined by "at" is an element too
        last = out[-1]
        m = _AT_LOCATOR.search(last.text)
        if m and m.start() > 0:
            out[-1:] = [
                Element(last.text[: m.start()], last.start, last.start + m.start()),
                Element(last.text[m.end() :], last.start + m.end(), last.end),
            ]
    return out


_AT_LOCATOR = re.compile(r"\s+(?=at\s+(?:pp?\.\s*|paras?\.\s*)?\d[\d\s\-\u2013,and]*$)")


def _add(out: list[Element], text: str, a: int, b: int, offset: int) -> None:
    piece = text[a:b]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        out.append(Element(stripped, offset + a + lead, offset + a + lead + len(stripped)))


def clean(text: str) -> str:
    """Spaces collapsed, PDF hyphen marks fixed, edge punctuation removed."""
    text = _SPACE.sub(" ", text.replace("\ufffe", "-")).strip()
    return text.strip(" ,;:")


def title(text: str) -> str:
    """A title without its quotation marks and edge punctuation.

    >>> title("\u201cThe face of a massacre\u201d,")
    'The face of a massacre'
    """
    return clean(clean(text).strip(_QUOTES + " ,"))


def is_person(text: str) -> bool:
    """Whether ``text`` reads as one person's name ("Jessica A. Stanton").

    >>> is_person("Human Rights Watch"), is_person("Thomas de Waal")
    (False, True)
    """
    tokens = clean(text).split()
    if not 2 <= len(tokens) <= 5:
        return False
    if tokens[0].lower() in P.PARTICLES or tokens[-1].lower() in P.PARTICLES:
        return False
    if all(t.isupper() for t in tokens if t.isalpha()):  # small capitals: "ALIJA IZETBEGOVIC"
        tokens = [t.title() for t in tokens]
    for tok in tokens:
        if tok.lower() in P.PARTICLES:
            continue
        if tok in P.ORG_WORDS or not P.PERSON_TOKEN.match(tok):
            return False
    return not tokens[-1].endswith(".")


def person_names(text: str) -> list[str] | None:
    """The names in "A, B and C" (and "A and others"), or None if one is no name."""
    text = P.ETAL.sub("", clean(text))
    parts = [p for p in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", text) if p]
    if parts and all(is_person(p) for p in parts):
        return [clean(p) for p in parts]
    return None


def strip_ignored(text: str) -> str:
    """``text`` with "(emphasis added)" and similar notes blanked, same length."""
    return P.ignored_parenthetical().sub(lambda m: " " * len(m.group()), text)


def dates_outside_quotes(text: str) -> list[re.Match]:
    """Date matches that are not inside a quoted title."""
    spans = [m.span() for m in re.finditer(r"\u201c[^\u201d]*\u201d", text)]
    return [m for m in P.DATE.finditer(text) if not any(a <= m.start() < b for a, b in spans)]


def first_date(text: str) -> str | None:
    """The first date outside quoted titles as ISO text, else the last year."""
    found = dates_outside_quotes(text)
    if found:
        return P.date_iso(found[0])
    years = P.YEAR.findall(text)
    return years[-1] if years else None


def is_organization(text: str) -> bool:
    """Whether ``text`` reads as an organization's name ("Analitika Center for Social Research").

    >>> is_organization("Analitika Center for Social Research (2016)"), is_organization("Carl Bildt")
    (True, False)
    """
    text = re.sub(r"\s*\([^()]*\)", "", clean(text))
    words = text.split()
    if not 1 <= len(words) <= 10 or not words[0][:1].isupper() or is_person(text):
        return False
    names, _, _ = P.organizations()
    if names.fullmatch(text) or P.ACRONYM_HEAD.fullmatch(text):
        return True
    return any(w in P.ORG_NAME_WORDS for w in words) and all(
        w[:1].isupper() or w in ("of", "for", "and", "on", "the", "&", "against", "in", "to")
        for w in words
    )


_ABBR_HEAD = re.compile(
    r"(?P<abbr>[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*(?:\s\d+)?|[A-Z]{2,}(?:-[A-Z0-9]+)+)\s+(?=[A-Z][a-z])"
)


def split_abbreviation(text: str) -> tuple[str, str] | None:
    """``(abbreviation, name)`` of a legend entry that defines an abbreviation, else None.

    A part of the abbreviation must be written in the name or be made of its
    initials, so "ECOWAS Treaty" is not cut.

    >>> split_abbreviation("ICCPR International Covenant on Civil and Political Rights")
    ('ICCPR', 'International Covenant on Civil and Political Rights')
    >>> split_abbreviation("OP-ICESCR Optional Protocol to ICESCR")
    ('OP-ICESCR', 'Optional Protocol to ICESCR')
    >>> split_abbreviation("ECOWAS Treaty") is None, split_abbreviation("BiH Constitution") is None
    (True, True)
    """
    m = _ABBR_HEAD.match(text)
    if not m:
        return None
    abbr, name = m.group("abbr"), text[m.end() :]
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'\u2019]*", name)).lower()
    for part in re.findall(r"[A-Z]+", abbr):
        if part in name or _subsequence(part.lower(), initials):
            return abbr, name
    return None


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)
