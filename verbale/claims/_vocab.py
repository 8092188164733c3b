"""The vocabulary of claims, read once from ``verbale/data/measures.json``.

Every word list of the claims stage comes from that file; this module only
compiles it into regular expressions and lookup sets, so that adding a word
is a data change. See the file's ``about`` fields for the conventions.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import months as _months

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "measures.json"

# English month names as a regex alternation (the claims read English only).
MONTHS = "|".join(_months.ENGLISH)

# Closed-class words: a noun phrase of the form "613 civilians" never runs
# through them, so they end the words scanned after a number.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "from",
        "to",
        "by",
        "with",
        "for",
        "and",
        "or",
        "but",
        "nor",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "who",
        "that",
        "which",
        "whom",
        "whose",
        "while",
        "when",
        "where",
        "as",
        "after",
        "before",
        "during",
        "since",
        "per",
        "than",
        "including",
        "among",
        "between",
        "into",
        "through",
        "under",
        "over",
        "against",
        "across",
        "near",
        "not",
        "no",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "must",
        "also",
        "reportedly",
        "allegedly",
        "still",
        "all",
        "both",
        "each",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "this",
        "these",
        "those",
        "it",
        "they",
        "them",
        "we",
        "there",
        "here",
        "whereas",
        "if",
        "so",
        "such",
        "according",
        "due",
        "because",
        "despite",
        "without",
        "within",
        "upon",
        "about",
        "around",
        "toward",
        "towards",
        "outside",
        "inside",
        "via",
        "whether",
        "what",
        "how",
        "then",
        "thus",
        "following",
        "like",
        "unlike",
    ]
)


def _alternation(words: list[str] | tuple[str, ...], lower: bool = True) -> str:
    """A regex matching any of the literal phrases, with flexible spaces.

    The phrases are compiled into a character trie ("kill(?:ed|ing)") rather
    than a flat alternation: the regex engine then tries one branch per
    character instead of every phrase at every position, which is what keeps
    the claims stage cheap. Longer phrases win, as in a longest-first list.
    Phrases are lower-cased (use the pattern with ``re.I``) unless ``lower`` is
    False.

    >>> _alternation(["killed", "killing", "kill"])
    'kill(?:ed|ing)?'
    """
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in " ".join((word.lower() if lower else word).split()):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        atom = r"\s+" if ch == " " else re.escape(ch)
        branches.append(atom + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return (body if len(branches) > 1 else f"(?:{body})") + "?"
    return body


@dataclass(frozen=True)
class Measure:
    """One measure of the data file: its id, whether it is weak, its examples."""

    id: str
    weak: bool
    examples: tuple[dict[str, Any], ...]
    movement: bool = False


@dataclass(frozen=True, eq=False)  # hashed by identity: it is built once
class Vocabulary:
    """Compiled vocabulary; built once by :func:`vocabulary`."""

    raw: dict[str, Any]
    measures: tuple[Measure, ...]
    people: frozenset[str]
    people_exact: frozenset[str]
    noun_re: re.Pattern[str]
    noun_measure: dict[str, str]
    after_re: re.Pattern[str]
    after_measure: dict[str, str]
    before_measure: dict[str, str]
    before_max_words: int
    modifier_measure: dict[str, str]
    trigger_re: re.Pattern[str]
    weak: frozenset[str]
    movement: frozenset[str]
    hedges: dict[str, str]
    hedge_re: str
    suffix_hedges: dict[str, str]
    suffix_re: str
    vague: dict[str, tuple[int, int, int]]
    vague_re: str
    reporting_verbs: frozenset[str]
    verb_re: re.Pattern[str]
    postposed_re: str
    pronouns: frozenset[str]
    passive_re: str
    agents_re: str
    data_nouns_re: str
    data_verbs_re: str
    not_claim_object_re: str
    title_re: re.Pattern[str]
    not_event_re: re.Pattern[str]
    not_amount_re: re.Pattern[str]
    not_victims: dict[str, frozenset[str]]
    event_measure: dict[str, str]
    not_before_re: re.Pattern[str]
    not_after_re: re.Pattern[str]
    place_types_re: str
    local_types_re: str
    place_suffixes: frozenset[str]
    place_preps_re: str
    place_name_heads: frozenset[str]
    body_name_end_re: re.Pattern[str]
    not_places: frozenset[str]
    date_keep: tuple[str, ...]
    date_drop: tuple[str, ...]
    date_document_re: re.Pattern[str]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The compiled vocabulary (read from the data file on first use)."""
    return _compile(json.loads(DATA_PATH.read_text(encoding="utf-8")))


def _compile(raw: dict[str, Any]) -> Vocabulary:
    measures = []
    noun_measure: dict[str, str] = {}
    after_measure: dict[str, str] = {}
    before_measure: dict[str, str] = {}
    modifier_measure: dict[str, str] = {}
    event_measure: dict[str, str] = {}
    not_victims: dict[str, frozenset[str]] = {}
    for entry in raw["measures"]:
        mid = entry["id"]
        for word in entry.get("events", ()):
            event_measure.setdefault(_key(word), mid)
        if entry.get("not_victims"):
            not_victims[mid] = frozenset(w.lower() for w in entry["not_victims"])
        for word in entry.get("nouns", ()):
            noun_measure.setdefault(_key(word), mid)
        for word in entry.get("after", ()):
            after_measure.setdefault(_key(word), mid)
        for word in entry.get("before", ()):
            before_measure.setdefault(_key(word), mid)
        for word in entry.get("modifiers", ()):
            modifier_measure.setdefault(_key(word), mid)
        measures.append(
            Measure(
                mid,
                bool(entry.get("weak")),
                tuple(entry.get("examples", ())),
                bool(entry.get("movement")),
            )
        )
    # Every claim needs one of these words; a sentence without any is skipped.
    # A phrase is represented by a word that is a measure on its own ("taken
    # hostage" -> "hostage"), else by its last content word ("lived in" -> "lived"),
    # so that "continue" or "taken" alone do not wake the whole stage up.
    phrases = {*noun_measure, *after_measure, *before_measure, *modifier_measure, *event_measure}
    singles = {p for p in phrases if " " not in p}
    triggers = set()
    for phrase in phrases:
        words = [w for w in phrase.split() if w not in STOP_WORDS]
        own = [w for w in words if w in singles]
        triggers.update(own or words[-1:])
    people_words = raw["people_nouns"]
    attribution = raw["attribution"]
    hedges = {_key(h["text"]): h["kind"] for h in raw["hedges"]["entries"]}
    suffixes = {_key(h["text"]): h["kind"] for h in raw["hedges"]["suffixes"]}
    vague = {_key(v["text"]): (v["low"], v["best"], v["high"]) for v in raw["vague"]["entries"]}
    not_counts = raw["not_counts"]
    place = raw["place"]
    heads = [*place.get("name_heads", ()), *place.get("complement_heads", ())] or ["-"]
    dates = raw["dates"]
    return Vocabulary(
        raw=raw,
        measures=tuple(measures),
        people=frozenset(_with_singulars(w.lower() for w in people_words if w[:1].islower())),
        people_exact=frozenset(w for w in people_words if w[:1].isupper()),
        noun_re=re.compile(rf"(?:{_alternation(list(noun_measure))})\b", re.IGNORECASE),
        noun_measure=noun_measure,
        after_re=re.compile(rf"(?:{_alternation(list(after_measure))})\b", re.IGNORECASE),
        after_measure=after_measure,
        before_measure=before_measure,
        before_max_words=max(len(k.split()) for k in before_measure),
        modifier_measure=modifier_measure,
        # Matched against lower-cased text: case-insensitive matching costs twice as much.
        trigger_re=re.compile(rf"\b(?:{_alternation(sorted(triggers))})\b"),
        weak=frozenset(m.id for m in measures if m.weak),
        movement=frozenset(m.id for m in measures if m.movement),
        hedges=hedges,
        hedge_re=_alternation(list(hedges)),
        suffix_hedges=suffixes,
        suffix_re=_alternation(list(suffixes)),
        vague=vague,
        vague_re=_alternation(list(vague)),
        reporting_verbs=frozenset(v.lower() for v in attribution["verbs"]),
        verb_re=re.compile(rf"\b(?:{_alternation(attribution['verbs'])})\b"),
        postposed_re=_alternation(attribution["postposed"]),
        pronouns=frozenset(p.lower() for p in attribution["pronouns"]),
        passive_re=_alternation(attribution.get("passive", ["-"])),
        agents_re=_alternation(attribution.get("agents", ["-"])),
        data_nouns_re=_alternation(attribution.get("data_nouns", ["-"])),
        data_verbs_re=_alternation(attribution.get("data_verbs", ["-"])),
        not_claim_object_re=_alternation(attribution.get("not_claim_objects", ["-"])),
        title_re=re.compile(
            rf"\b(?:{_alternation(attribution['title_cues'])})(?:\s+(?:entitled|titled))?\s*$",
            re.IGNORECASE,
        ),
        not_event_re=re.compile(
            rf"\b(?:{_alternation(raw['not_events']['before'])})\s+(?:the\s+)?$", re.IGNORECASE
        ),
        not_amount_re=re.compile(
            rf"\b(?:{_alternation(raw['not_events'].get('before_amount', ['-']))})\s+$",
            re.IGNORECASE,
        ),
        not_victims=not_victims,
        event_measure=event_measure,
        not_before_re=re.compile(
            rf"(?:^|[\s(])(?:{_alternation(not_counts['before'])})\s*$",
            re.IGNORECASE,
        ),
        not_after_re=re.compile(
            rf"^\s*(?:{_alternation(not_counts['after'])})(?![a-z])", re.IGNORECASE
        ),
        place_types_re=_alternation(place["types"]),
        local_types_re=_alternation(
            [t for t in place["types"] if t not in place.get("admin_types", ())]
        ),
        place_suffixes=frozenset(place["suffixes"]),
        place_preps_re=_alternation(place["prepositions"]),
        place_name_heads=frozenset(place.get("name_heads", ())),
        # text ending in a body's name, before a preposition of that name:
        # "… Mission", "… Agency for Palestine Refugees", "… Commissioner for Refugees"
        body_name_end_re=re.compile(
            rf"\b(?:(?:{_alternation(place.get('name_heads', ['-']), lower=False)})"
            rf"|(?:{_alternation(heads, lower=False)})"
            r"\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})\s*$"
        ),
        not_places=frozenset(place["not_places"]),
        date_keep=tuple(dates["keep"]),
        date_drop=tuple(dates["drop"]),
        date_document_re=re.compile(rf"\b(?:{_alternation(dates['document'])})\s*$", re.IGNORECASE),
    )


def _with_singulars(words) -> set[str]:
    """People nouns and their singulars ("suspects" -> "suspect", "families" -> "family"):
    "one suspect has been detained" counts people too."""
    out = set()
    for w in words:
        out.add(w)
        if w.endswith("ies"):
            out.add(w[:-3] + "y")
        elif w.endswith("s") and not w.endswith(("ss", "others")):
            out.add(w[:-1])
    return out


def _key(phrase: str) -> str:
    """Lookup key of a phrase: lower case, single spaces."""
    return " ".join(phrase.lower().split())


def key(phrase: str) -> str:
    """Public form of :func:`_key` for the other claims modules."""
    return _key(phrase)
