"""Sentences, dates and places in a block: what a claim is *about*.

>>> text = "Over the night of 25–26 February 1992, the town of Khojaly was overrun."
>>> [d.text for d in find_dates(text)]
['25-26 February 1992']
>>> [p.name for p in find_places(text)]
['Khojaly']
>>> sentences("He left. Mr. Smith stayed (see para. 5). It ended.")
[(0, 8), (9, 40), (41, 50)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ._vocab import MONTHS, Vocabulary, _alternation, vocabulary

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "no",
        "nos",
        "para",
        "paras",
        "p",
        "pp",
        "e.g",
        "i.e",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "art",
        "arts",
        "vol",
        "add",
        "rev",
        "corr",
        "a.i",
        "al",
        "cf",
        "approx",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.n",
        "inc",
        "ltd",
        "co",
        "gen",
        "col",
        "lt",
        "maj",
        "capt",
        "sgt",
        "prof",
        "jr",
        "sr",
        "fig",
        "figs",
        "ch",
        "chap",
        "sect",
        "op",
        "ibid",
        "viz",
        "vs",
        "eds",
        "ed",
    ]
)
_BOUNDARY = re.compile(r"[.!?…][”’\"')\]]*(?=\s+[“‘\"(\[]?[A-Z0-9])")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (full stops after abbreviations do not count)."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        word = re.search(r"([\w.]+)\.$", text[start : m.start() + 1])
        if text[m.start()] == "." and word:
            w = word.group(1).lower()
            if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                continue
        end = m.end()
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans


@dataclass(frozen=True)
class DateMention:
    """A date or period in a text; ``text`` is normalised ("25-26 February 1992")."""

    start: int
    end: int
    text: str
    day: bool  # precise to the day
    month: str = ""
    days: str = ""
    year: str = ""


# The rank of a place named inside a body's name ("Mission in Somalia").
IN_NAME = 9


@dataclass(frozen=True)
class PlaceMention:
    """A place name in a text; ``rank`` 0 for a settlement ("the town of X"),
    1 for any other place, one more for the wider place of an apposition
    ("Janah, Beirut": Beirut ranks after Janah), IN_NAME inside a body's name."""

    start: int
    end: int
    name: str
    rank: int = 2
    prep: str = ""  # the preposition before the name ("from" Pakistan), lower case


_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_MONTH_TRIE = _alternation(MONTHS.split("|"), lower=False)
_MONTH_NAMES = frozenset(MONTHS.split("|"))
_SEP = r"\s*(?:–|—|-|to|and)\s*"


@lru_cache(maxsize=1)
def _date_re(voc: Vocabulary) -> re.Pattern[str]:
    # Every alternative starts with a digit, a month or "the": no optional
    # prefix in front, which would be tried at every position of the text.
    return re.compile(
        rf"(?:(?P<d1>{_DAY})(?:(?P<s1>{_SEP})(?P<d2>{_DAY}))?\s+(?P<m1>{_MONTH_TRIE})"
        rf"(?:,?\s+(?P<y1>(?:1[89]|20)\d\d))?"
        rf"(?:(?P<s2>{_SEP})(?P<d3>{_DAY})\s+(?P<m2>{_MONTH_TRIE})(?:,?\s+(?P<y2>(?:1[89]|20)\d\d))?)?"
        rf"|(?P<m3>{_MONTH_TRIE})\s+(?P<d4>\d{{1,2}})(?!\d)(?:,\s*(?P<y3>\d{{4}}))?"
        rf"|(?P<m4>{_MONTH_TRIE})\s+(?P<y4>(?:1[89]|20)\d\d)"
        r"|(?P<y5>(?:1[89]|20)\d\d)(?:(?P<s3>\s*[–—-]\s*|\s+(?:and|to)\s+)(?P<y6>(?:1[89]|20)?\d\d))?(?![\d/])"
        r"|(?P<period>the\s+reporting\s+period|the\s+period\s+under\s+review)"
        # A month alone ("In August", "since July", "from September to December"):
        # a date only after a preposition, like a bare year.
        rf"|(?P<m5>{_MONTH_TRIE})(?:(?P<s4>{_SEP})(?P<m6>{_MONTH_TRIE}))?(?!\s*\d))\b"
    )


@lru_cache(maxsize=1)
def _prefix_re(voc: Vocabulary) -> re.Pattern[str]:
    words = _alternation([*voc.date_keep, *voc.date_drop])
    # "in early 2024", "since mid-October": the qualifier stays with the date.
    return re.compile(rf"\b(?P<pre>{words})\s+(?:(?P<q>early|late|mid)(?:\s+|-))?$", re.IGNORECASE)


def find_dates(text: str) -> list[DateMention]:
    """Dates and periods in ``text``; dates naming a document ("dated …") are left out."""
    voc = vocabulary()
    out = []
    prefix = _prefix_re(voc)
    for m in _date_re(voc).finditer(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        lead = prefix.search(text, max(0, m.start() - 30), m.start())
        start = lead.start() if lead else m.start()
        if voc.date_document_re.search(text, max(0, start - 30), start):
            continue
        pre = lead.group("pre") if lead else ""
        mention = _date_mention(m, pre, start, voc, (lead.group("q") or "") if lead else "")
        if mention is not None:
            out.append(mention)
    return out


def _strip_ordinal(day: str) -> str:
    return re.sub(r"(st|nd|rd|th)$", "", day)


def _date_mention(
    m: re.Match[str], pre: str, start: int, voc: Vocabulary, qualifier: str = ""
) -> DateMention | None:
    g = m.groupdict()
    pre = " ".join(pre.lower().split())
    keep = pre if pre in voc.date_keep else ""
    if qualifier:
        keep = _join(keep, qualifier.lower())
    if g["m1"]:
        days = _strip_ordinal(g["d1"])
        if g["d2"]:
            joiner = " and " if g["s1"].strip() == "and" else "-"
            days += joiner + _strip_ordinal(g["d2"])
        core = f"{days} {g['m1']}" + (f" {g['y1']}" if g["y1"] else "")
        year = g["y1"] or g["y2"] or ""
        if g["d3"]:
            joiner = " and " if g["s2"].strip() == "and" else " to "
            core += f"{joiner}{_strip_ordinal(g['d3'])} {g['m2']}" + (
                f" {g['y2']}" if g["y2"] else ""
            )
        return DateMention(start, m.end(), _join(keep, core), True, g["m1"], days, year)
    if g["m3"]:
        core = f"{g['d4']} {g['m3']}" + (f" {g['y3']}" if g["y3"] else "")
        return DateMention(start, m.end(), _join(keep, core), True, g["m3"], g["d4"], g["y3"] or "")
    if g["m4"]:
        return DateMention(
            start, m.end(), _join(keep, f"{g['m4']} {g['y4']}"), False, g["m4"], "", g["y4"]
        )
    if g["y5"]:
        # A bare year is a date only after a preposition ("in 2024", "since 2014").
        if not pre:
            return None
        joiner = f" {g['s3'].strip()} " if g["y6"] and g["s3"].strip() in ("and", "to") else "-"
        core = g["y5"] + (f"{joiner}{g['y6']}" if g["y6"] else "")
        return DateMention(start, m.end(), _join(keep, core), False, "", "", g["y5"])
    if g["m5"]:
        if not pre:
            return None  # "March" alone may be a word or a name
        core = g["m5"] + (f" {g['s4'].strip() or '-'} {g['m6']}" if g["m6"] else "")
        return DateMention(start, m.end(), _join(keep, core), False, g["m5"])
    return DateMention(start, m.end(), _join(keep, g["period"].lower()), False)


def _join(prefix: str, core: str) -> str:
    if prefix.endswith("mid"):
        return f"{prefix}-{core}"  # "mid-October"
    return f"{prefix} {core}" if prefix else core


# -- places ------------------------------------------------------------------

_CAP = r"[A-Z](?:[^\W_]|[’'‘\-])*"
_NAME = (
    rf"{_CAP}(?:\s+(?:(?:al|el|ad|as|ash|an|at|az)-)?{_CAP}){{0,3}}"
    # "Democratic Republic of the Congo", "Plurinational State of Bolivia"
    rf"(?:(?:(?<=Republic)|(?<=Kingdom)|(?<=Federation))\s+of(?:\s+the)?\s+{_CAP}|(?<=State)\s+of\s+{_CAP})?"
)
_DIRECTION = (
    r"(?:central|northern|southern|eastern|western|north-eastern|north-western|south-eastern|"
    r"south-western|greater|occupied|rural|downtown|northern-most|southern-most)"
)
# Single words that are adjectives of origin when a lowercase noun follows
# ("in Israeli strikes"), not places.
_ADJECTIVE_ENDINGS = ("i", "ian", "ians", "ean", "ese", "ish", "ic", "ern", "an")


_SETTLEMENTS = frozenset(
    [
        "town",
        "city",
        "village",
        "villages",
        "settlement",
        "camp",
        "neighbourhood",
        "neighborhood",
        "locality",
        "suburb",
        "quarter",
        "commune",
        "municipality",
    ]
)


@lru_cache(maxsize=1)
def _place_res(voc: Vocabulary) -> tuple[re.Pattern[str], ...]:
    suffixes = "|".join(sorted(voc.place_suffixes, key=len, reverse=True))
    people = _alternation(sorted(voc.people))
    return (
        re.compile(rf"\b(?P<type>{voc.place_types_re})\s+of\s+(?P<name>{_NAME})"),
        re.compile(rf"(?P<name>{_CAP}(?:\s+{_CAP})?\s+(?:{suffixes}))\b"),
        # "1,000 residents of Khojaly", "the civilians of Khojaly"
        re.compile(rf"\b(?:{people})\s+of\s+(?:the\s+)?(?P<name>{_NAME})"),
        re.compile(
            rf"(?i:\b(?P<prep>{voc.place_preps_re})\s+(?:the\s+)?)"
            rf"(?:{_DIRECTION}\s+)?(?P<name>{_NAME})"
        ),
    )


def find_places(text: str) -> list[PlaceMention]:
    """Place names in ``text``, in order, without duplicates at the same spot."""
    voc = vocabulary()
    found: dict[int, PlaceMention] = {}
    for kind, rx in enumerate(_place_res(voc)):
        for m in rx.finditer(text):
            name = m.group("name")
            start = m.start("name")
            if _is_place(name, text[m.end("name") :], voc):
                settlement = kind == 0 and m.group("type").lower() in _SETTLEMENTS
                rank = 0 if settlement else 1
                if kind == 3 and _in_a_name(text, m.start(), voc):
                    # "Transition Mission in Somalia": part of a body's name; it
                    # tells what a document is about, not where an event was.
                    rank = IN_NAME
                prep = " ".join(m.group("prep").lower().split()) if kind == 3 else ""
                mention = found.setdefault(
                    start, PlaceMention(start, start + len(name), name, rank)
                )
                if prep and not mention.prep:  # "from Paktika Province" (found as a suffix first)
                    found[start] = replace(mention, prep=prep)
    # An apposition names the wider place: "in Janah, Beirut", "Nahrin District,
    # Baghlan Province": it ranks after the place it follows.
    for p in sorted(found.values(), key=lambda p: p.start):
        if p.rank == IN_NAME:
            continue
        m = _APPOSITION.match(text, p.end)
        if m and _is_place(m.group("name"), text[m.end() :], voc):
            s, name = m.start("name"), m.group("name")
            rank = max(found[s].rank if s in found else 0, found[p.start].rank + 1)
            # "from Kabul, Afghanistan": the wider place keeps the preposition
            found[s] = PlaceMention(s, s + len(name), name, rank, p.prep)
    return sorted(found.values(), key=lambda p: p.start)


_APPOSITION = re.compile(rf",\s+(?P<name>{_NAME})")
_DESTINATION = re.compile(rf"\bto\s+(?:the\s+)?(?P<name>{_NAME})")


def find_destination(text: str, start: int = 0, end: int | None = None) -> PlaceMention | None:
    """The first place people went to ("returned to Afghanistan") in ``text[start:end]``.

    >>> find_destination("from Israel to Lebanon on 10 January").name
    'Lebanon'
    >>> find_destination("returned to their areas of origin")
    """
    voc = vocabulary()
    end = len(text) if end is None else end
    for m in _DESTINATION.finditer(text, start, end):
        if _is_place(m.group("name"), text[m.end("name") :], voc):
            return PlaceMention(m.start("name"), m.end("name"), m.group("name"), 1, "to")
    return None


def _in_a_name(text: str, pos: int, voc: Vocabulary) -> bool:
    """Whether the preposition at ``pos`` belongs to a body's name: it follows a
    word that heads one ("Mission in Somalia") or such a head with its complement
    ("Agency for Palestine Refugees in the Near East"), not a bare plural noun
    ("Syrian Refugees in Lebanon")."""
    return bool(voc.body_name_end_re.search(text, max(0, pos - 80), pos))


def _is_place(name: str, after: str, voc: Vocabulary) -> bool:
    words = name.split()
    if name.endswith(("’s", "'s", "’", "'")):
        return False  # a possessive names a person or a body
    if all(w.isupper() and len(w) > 1 for w in words):
        return False  # an acronym: "UNIFIL", "UNRWA" name bodies, not places
    if len(words) == 1 and name.endswith("ing"):
        return False  # "Financing", "Peacebuilding"
    if any(w in voc.not_places for w in words) or any(
        w.rstrip("’'s") in voc.not_places for w in words
    ):
        return False
    if words[0] in _MONTH_NAMES:
        return False
    if re.search(r"-[a-z]+$", words[-1]):
        return False  # "Armenian-dominated", "Houthi-controlled": adjectives
    nxt = re.match(r"\s+([a-z][\w-]*)", after)
    if nxt and nxt.group(1) in _GROUP_NOUNS:
        return False  # "the Hawadle clan", "Israeli forces": a name used as an adjective
    if (
        len(words) == 1
        and nxt
        and nxt.group(1) not in _FOLLOWERS
        and name.lower().endswith(_ADJECTIVE_ENDINGS)
    ):
        return False  # "in Israeli strikes": an adjective of origin
    return len(name) > 2


_GROUP_NOUNS = frozenset(
    [
        "clan",
        "clans",
        "community",
        "communities",
        "tribe",
        "tribes",
        "family",
        "families",
        "group",
        "groups",
        "forces",
        "militia",
        "militias",
        "army",
        "police",
        "government",
        "authorities",
        "people",
        "nationals",
        "citizens",
        "movement",
        "party",
        "troops",
        "soldiers",
        "fighters",
    ]
)

# Lowercase words that may follow a place name without making it an adjective.
_FOLLOWERS = frozenset(
    [
        "and",
        "or",
        "in",
        "on",
        "at",
        "from",
        "to",
        "by",
        "with",
        "for",
        "of",
        "was",
        "were",
        "is",
        "are",
        "had",
        "has",
        "have",
        "which",
        "where",
        "who",
        "that",
        "as",
        "after",
        "before",
        "during",
        "since",
        "while",
        "when",
        "district",
        "province",
        "governorate",
        "region",
        "town",
        "city",
        "village",
        "camp",
        "area",
    ]
)


_SETTLEMENT = re.compile(rf"\b(?P<type>town|city|village|camp|settlement)\s+of\s+(?P<name>{_NAME})")
_ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?P<type>town|city|village|camp|settlement)\b(?!\s+of\b)", re.IGNORECASE
)


def find_settlements(text: str) -> list[tuple[int, str, str]]:
    """``(start, type, name)`` of every "the town of Khojaly" in ``text``."""
    voc = vocabulary()
    return [
        (m.start("name"), m.group("type").lower(), m.group("name"))
        for m in _SETTLEMENT.finditer(text)
        if _is_place(m.group("name"), text[m.end("name") :], voc)
    ]


def settlement_anaphor(text: str) -> str | None:
    """The type of settlement a text refers back to ("this town" -> "town"), if any."""
    m = _ANAPHOR.search(text)
    return m.group("type").lower() if m else None


# Where one clause of a sentence ends and the next begins: a semicolon, or a
# comma before a conjunction that opens a clause ("…, and four commanders were
# killed in Shigal District on 3 December", "…, while an evacuation order …").
_CLAUSE_BREAK = re.compile(
    r";\s|,\s+(?:and|but|while|whereas|although|though)\s|\s(?:while|whereas)\s+(?!on\b)"
)


def clause_at(text: str, pos: int) -> tuple[int, int]:
    """The span of the clause of ``text`` (a sentence) that holds position ``pos``.

    >>> s = "Two were injured on 30 November in Shultan, and four were killed in Shigal on 3 December."
    >>> s[slice(*clause_at(s, 47))]
    ', and four were killed in Shigal on 3 December.'
    """
    start, end = 0, len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.start() < pos:
            start = m.start()
        else:
            end = m.start()
            break
    return start, end
