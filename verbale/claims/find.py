"""Find counts of people in a text and what they measure.

Detect, then interpret: :func:`~verbale.claims.numbers.find_amounts` yields
candidate numbers; each one becomes a :class:`Found` when the words around it
say what it counts and what happened to them. The grammar is small and
general; the words come from ``measures.json``:

* the counted phrase after the number: "613 *civilians*", "some 200 dead
  *Azerbaijanis*", "three *of its personnel*", "72 *civilians and soldiers*";
* a predicate after it ("were killed", "remain missing", "who died"), a verb or
  noun before it ("*killing* 17 persons", "*the deaths of* two soldiers"), or a
  head noun that is itself the measure ("402 civilian *casualties*");
* a breakdown by group attached to it ("including 106 women, 63 children and
  70 elderly people", "(37 men, 8 women …)", "6 of whom were foreign
  civilians"): one claim, not several;
* failing all these, a total named before the number ("the total number of
  displaced persons … stands at almost 14 million", "displacement has surged,
  rising from 330,000 … to over 1 million") or the people an event affected
  ("120 deportation incidents … affecting at least 5,303 Syrian nationals").

>>> [(f.measure, f.amount.value, f.victims, f.breakdown) for f in find_counts(
...     "613 civilians were killed, including 106 women, 63 children and 70 elderly people.")]
[('killed', 613, 'civilians', (('women', 106), ('children', 63), ('elderly people', 70)))]
>>> find_counts("Under resolution 1701 (2006), 51 per cent of 28 villages were hit in 2024.")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ._vocab import STOP_WORDS, Vocabulary, key, vocabulary
from .numbers import Amount, find_amounts, words_to_int

# Words that may sit between the counted phrase and its predicate without
# ending the clause ("150 people from Khojaly remain missing").
_MAX_GAP = 10
_CLAUSE_BREAKERS = frozenset(
    [
        "and",
        "or",
        "but",
        "nor",
        "while",
        "whereas",
        "when",
        "where",
        "although",
        "though",
        "because",
        "if",
        "unless",
        "until",
        "after",
        "before",
        "since",
        "as",
        "whether",
        "then",
        "so",
        "yet",
    ]
)
# Words after a transitive predicate that show it is active ("who killed the …"),
# so the predicate is not about the phrase before it.
_OBJECT_START = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "them",
        "him",
        "us",
        "another",
        "several",
        "many",
        "dozens",
        "hundreds",
        "thousands",
        "scores",
    ]
)
_RELATIVE = re.compile(r"\s*(?:who|which|whose|many of whom|most of whom)\b")
_ASIDE = re.compile(r"\s*(?:including|among them|mostly|mainly|most of them|many of them)\s")
_DIGIT = re.compile(r"\d")
_AUXILIARIES = frozenset(
    [
        "were",
        "was",
        "have",
        "has",
        "had",
        "been",
        "are",
        "is",
        "be",
        "being",
        "remain",
        "remains",
        "remained",
        "reportedly",
        "allegedly",
        "also",
        "still",
        "all",
        "later",
        "subsequently",
        "further",
        "already",
        "who",
        "which",
        "that",
        "then",
        "now",
        "each",
    ]
)
_EVENT_MEASURES = frozenset({"killed", "wounded", "casualties"})
_EXTRA_LABELS = frozenset({"unspecified", "unknown", "unidentified"})
_NOT_VICTIM_WORDS = frozenset({"more", "other", "additional", "further", "another", "new", "total"})
_WORD = re.compile(r"[ \t\r\n]+([^\W\d_](?:[\w’'‘\-]*[^\W_])?)")
_PUNCT_OR_WORD = re.compile(r"\s*([^\W_][\w’'‘\-./]*|[^\w\s])")
_DEMONYM = re.compile(r"[A-Z][a-z’'\-]+(?:ans|is|ese|ites|ks|ds|urs)")
_ADJ_AND = re.compile(r"\s+(?:and|or)\s")
_DIGITS_AFTER = re.compile(r"\s+(\d[\d,]*)")
_NOT_DEMONYM = frozenset({"States", "Parties", "Members", "Nations", "Forces", "Affairs", "Rights"})


@dataclass(frozen=True)
class Head:
    """The counted phrase after a number: its span and the victims it names."""

    start: int
    end: int
    victims: str | None
    measure: str | None = None  # from a head noun: "casualties", "refugees"
    modifier: str | None = None  # from an adjective: "dead", "displaced"


@dataclass(frozen=True)
class Found:
    """A count of people in a text, before it is attributed and placed."""

    measure: str
    start: int
    end: int
    amount: Amount
    victims: str | None = None
    breakdown: tuple[tuple[str, int], ...] = ()


def find_counts(text: str) -> list[Found]:
    """Every count of people in ``text`` with its measure, in order.

    >>> [(f.measure, f.amount.best, f.amount.hedge) for f in find_counts(
    ...     "Azeris were burying scores of people who died when Armenians overran the town.")]
    [('killed', 60, 'scores of')]
    """
    amounts = find_amounts(text)
    if not amounts:
        return []
    voc = vocabulary()
    starts = {a.start: a for a in amounts}
    consumed: set[int] = set()
    drafts: list[_Draft | None] = []
    for a in amounts:
        if a.start in consumed:
            drafts.append(None)
            continue
        draft = _analyse(text, a, starts, consumed, voc)
        drafts.append(draft)
    _inherit_coordinated(text, amounts, drafts)
    return _finish(text, drafts)


@dataclass(frozen=True)
class _Draft:
    amount: Amount
    head: Head | None
    start: int
    end: int
    measure: str | None
    after_measure: str | None
    breakdown: tuple[tuple[str, int], ...]
    before_verb: bool = False  # the measure comes from a verb before it ("killing 17 …")


def _analyse(
    text: str, a: Amount, starts: dict[int, Amount], consumed: set[int], voc: Vocabulary
) -> _Draft:
    head = _head(text, a.end, voc)
    end = head.end if head else a.end
    breakdown, end = _maybe_breakdown(text, end, starts, consumed, voc)
    after = _after_predicate(text, end, starts, voc, bare=head is None and not breakdown)
    after_measure = None
    if after:
        after_measure, end = after
        if not breakdown:
            breakdown, end = _maybe_breakdown(text, end, starts, consumed, voc)
    if not breakdown and head is not None:
        late = _LATE_INCLUDING.match(text, end)
        if late:
            items, late_end = _maybe_breakdown(text, late.start("at"), starts, consumed, voc)
            if items:
                breakdown, end = items, late_end
    before = _before_verb(text, a.start, voc)
    start = a.start
    measure = _choose(head, after_measure, before, voc)
    by_verb = bool(before) and measure == before[0] and measure != after_measure
    if by_verb:
        start = before[1]
    if head is None and after_measure is None:
        # A bare number needs a verb, and must end its phrase: "killing two)",
        # not "executed over 40 attacks".
        measure = before[0] if before and _phrase_ends(text, a.end) else None
    if measure is None:
        # "the total number of displaced persons … stands at almost 14 million
        # persons", "deportation incidents … affecting at least 5,303 Syrians"
        measure = _total_of(text, a.start, voc, head is not None)
    elif voc.not_amount_re.search(text, max(0, a.start - 40), a.start):
        measure = None  # "a camp designed to house 3,000 refugees": a capacity
    if measure and head is not None and _not_victims(head, measure, voc):
        measure = None  # "the repatriation of 165 … personnel": a rotation
    return _Draft(a, head, start, end, measure, after_measure, breakdown, by_verb)


def _not_victims(head: Head, measure: str, voc: Vocabulary) -> bool:
    words = (head.victims or "").split()
    return bool(words) and words[-1].lower() in voc.not_victims.get(measure, ())


# "estimated at", "put by the Ministry at": a total and, maybe, who gives it.
_ESTIMATED = r"(?:estimated|put|placed)(?:\s+by\s+[^;:.\d]{1,80}?)?\s+at"
_TOTAL = re.compile(
    r"\b(?:number|toll)\s+of\s+(?P<what>[^;:.\d“”()]{1,160}?)\s+"
    r"(?:(?:now|still|currently|already|has|have|had|been|is|was)\s+)*"
    rf"(?:stands?\s+at|stood\s+at|risen\s+to|rose\s+to|reached|totals|totalled|totaled|"
    rf"amounts\s+to|{_ESTIMATED}|is|was)\s+$"
    r"|\b(?P<toll>death\s+toll|toll)\s+(?:(?:now|still|has|had|is|was|been)\s+)*"
    rf"(?:stands?\s+at|stood\s+at|risen\s+to|rose\s+to|climbed\s+to|reached|{_ESTIMATED}|is|was)\s+$",
    re.IGNORECASE,
)
_AFFECTING = re.compile(r"\b(?:affecting|involving)\s+$", re.IGNORECASE)
# A change in a total: "the number of displaced persons … has more than doubled,
# from 4.5 million in 2020 to over 9.2 million", "displacement has surged, rising
# from 330,000 … to over 1 million".
_CHANGE = re.compile(
    r"\b(?:rising|risen|rose|increased|increasing|grown|grew|growing|doubled|tripled|"
    r"fallen|fell|falling|decreased|declined|dropped)\b[^;:.\d]{0,40}?\bfrom\s+$",
    re.IGNORECASE,
)
_FROM_TO = re.compile(r"(?P<from>\bfrom\s+)(?:[^;:.]|\.(?=\d)){1,60}?\s+to\s+$", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[;:.]|\d")


def _total_of(text: str, start: int, voc: Vocabulary, people: bool) -> str | None:
    """The measure of a count of people given as a total or as those an event
    affected: "the number of displaced persons … stands at", "the death toll
    rose to", "120 deportation incidents … affecting"."""
    base = max(0, start - 200)
    before = text[base:start]
    m = _TOTAL.search(before)
    if m:
        if m.group("toll"):
            return "killed" if "death" in m.group("toll").lower() else None
        return _measure_in(m.group("what"), voc)
    if people and _AFFECTING.search(before):
        # the event noun in the same clause, after any other number
        # ("120 deportation incidents … affecting")
        cut = max((x.end() for x in _CLAUSE_START.finditer(before)), default=0)
        for word in re.findall(r"[\w’'-]+", before[cut:]):
            found = voc.event_measure.get(word.lower())
            if found:
                return found
        return None
    m = _FROM_TO.search(before)
    if m:
        before = before[: m.end("from")]  # the second figure: read as the first
    m = _CHANGE.search(before)
    if m:
        cut = max((x.end() for x in _CLAUSE_START.finditer(before, 0, m.start())), default=0)
        return _measure_in(before[cut : m.start()], voc, events=True)
    return None


def _measure_in(phrase: str, voc: Vocabulary, events: bool = False) -> str | None:
    """The first measure a phrase names ("displaced persons and refugees" -> displaced;
    with ``events``, "internal displacement" -> displaced)."""
    if re.search(r"\bdeath\s+toll\b", phrase, re.IGNORECASE):
        return "killed"
    for word in re.findall(r"[\w’'-]+", phrase):
        k = word.lower()
        found = voc.modifier_measure.get(k) or voc.noun_measure.get(k)
        if not found and events:
            found = voc.event_measure.get(k)
        if found:
            return found
    return None


def _phrase_ends(text: str, end: int) -> bool:
    """Whether only punctuation or a clause word follows a number ("killing two)")."""
    w = _WORD.match(text, end)
    return w is None or w.group(1).lower() in STOP_WORDS


def _choose(
    head: Head | None, after: str | None, before: tuple[str, int] | None, voc: Vocabulary
) -> str | None:
    """Which measure a count has when several words name one.

    An adjective or an event noun on the counted phrase wins ("6,172 displaced
    persons … returned" counts displaced persons); then a predicate after it,
    then a verb before it; a status noun ("refugees", "detainees") gives way to
    both ("12 detainees died"); a weak measure (population) comes last.
    """
    strong_after = after if after and after not in voc.weak else None
    strong_before = before[0] if before and before[0] not in voc.weak else None
    head_event = head.measure if head and head.measure in _EVENT_MEASURES else None
    status = head.measure if head and head.measure not in _EVENT_MEASURES else None
    for choice in (
        head.modifier if head else None,
        head_event,
        strong_after,
        strong_before,
        status,
        after,
        before[0] if before else None,
    ):
        if choice:
            return choice
    return None


def _is_people(word: str, voc: Vocabulary) -> bool:
    low = word.lower()
    if low in voc.people or word in voc.people_exact:
        return True
    if _AGENT_NOUN.fullmatch(low):
        return True  # "journalists", "trade unionists", "activists"
    return (
        bool(_DEMONYM.fullmatch(word)) and word not in voc.not_places and word not in _NOT_DEMONYM
    )


# Plural nouns of persons by their ending ("unionists", "journalists",
# "panellists"), but not verbs ("consists", "persists", "exists") nor lists
# ("checklists", "shortlists").
_AGENT_NOUN = re.compile(r"[a-z][a-z-]{2,}(?:(?<![sxl])|(?<=[aeioucl]l))ists")


def _head(text: str, pos: int, voc: Vocabulary) -> Head | None:
    """The counted phrase at ``pos`` (right after a number), if it names people."""
    m = re.match(
        r"\s+of\s+(?:(them|those|these|whom|us)\b|(?:its|their|his|her|the)\s)",
        text[pos:],
        re.IGNORECASE,
    )
    if m and m.group(1):
        return Head(pos, pos + m.end(), None)
    offset = pos + m.end() - 1 if m else pos
    words = []
    i = offset
    while len(words) < 6:
        w = _WORD.match(text, i)
        if not w or w.group(1).lower() in STOP_WORDS:
            break
        pred = voc.after_re.match(text, w.start(1))
        if pred and not _modifies(text, pred, voc):
            break  # "UNIFIL peacekeepers sustained injuries": the phrase ends at the verb
        words.append((w.group(1), w.start(1), w.end(1)))
        i = w.end()
    last = None
    for k, (word, _, _) in enumerate(words):
        if _is_people(word, voc) or key(word) in voc.noun_measure:
            last = k
    if last is None and words:
        return _shared_head(text, words, voc)
    if last is None:
        return None
    start, end = words[0][1], words[last][2]
    end = _coordinated(text, end, voc)
    head_word = words[last][0]
    modifiers = [w for w, _, _ in words[:last]]
    measure = voc.noun_measure.get(key(head_word))
    modifier = _modifier_measure(modifiers, voc)
    victims = _victims(text[start:end], modifiers, measure, voc)
    return Head(start, end, victims, measure, modifier)


def _shared_head(text: str, words: list[tuple[str, int, int]], voc: Vocabulary) -> Head | None:
    """Adjectives joined by "and" before one noun: "19 Chechen and Tajik ISIL-K
    members"; with a second number, the noun is shared: "Three Israeli and four
    Thai nationals" counts Israeli nationals (the phrase ends before "and")."""
    more = _ADJ_AND.match(text, words[-1][2])
    if not more:
        return None
    i, extra, elliptic = more.end() - 1, [], False
    while len(extra) < 5:
        w = _WORD.match(text, i) or _DIGITS_AFTER.match(text, i)
        if not w or w.group(1).lower() in STOP_WORDS:
            return None
        i = w.end()
        if w.group(1)[0].isdigit() or words_to_int(w.group(1)) is not None:
            elliptic = True
            continue
        extra.append(w.group(1))
        if _is_people(w.group(1), voc):
            break
    else:
        return None
    if not extra or not _is_people(extra[-1], voc):
        return None
    start = words[0][1]
    if elliptic:
        return Head(start, words[-1][2], " ".join([w for w, _, _ in words] + extra[-1:]))
    end = i
    return Head(start, end, text[start:end])


def _modifies(text: str, pred: re.Match[str], voc: Vocabulary) -> bool:
    """Whether a measure word stands before people as an adjective ("dead
    Azerbaijanis", "internally displaced persons")."""
    if (
        key(pred.group(0)) not in voc.modifier_measure
        and key(text[pred.start() : pred.end()].split()[0]) not in voc.modifier_measure
    ):
        return False
    nxt = _WORD.match(text, pred.end())
    return bool(nxt) and _is_people(nxt.group(1), voc)


def _modifier_measure(modifiers: list[str], voc: Vocabulary) -> str | None:
    for n in (2, 1):
        for k in range(len(modifiers) - n + 1):
            found = voc.modifier_measure.get(key(" ".join(modifiers[k : k + n])))
            if found:
                return found
    return None


def _victims(phrase: str, modifiers: list[str], measure: str | None, voc: Vocabulary) -> str | None:
    """Who the counted phrase names, without the measure words ("dead Azerbaijanis" -> "Azerbaijanis")."""
    words = phrase.split()
    while words and (
        key(words[0]) in voc.modifier_measure or words[0].lower() in _NOT_VICTIM_WORDS
    ):
        words.pop(0)
    if measure in _EVENT_MEASURES:
        # "402 civilian casualties": keep "civilian"; "mangled corpses": nothing.
        kept = [
            w
            for w in modifiers
            if w[:1].isupper() or w.lower() in {"civilian", "military", "child"}
        ]
        return " ".join(kept) or None
    return " ".join(words) or None


def _is_measure_word(word: str, voc: Vocabulary) -> bool:
    k = key(word)
    return k in voc.after_measure or k in voc.before_measure


def _coordinated(text: str, end: int, voc: Vocabulary) -> int:
    """Extend a counted phrase over coordinated people ("civilians and soldiers")."""
    while True:
        m = re.match(r",?\s+(?:and|or)\s+|,\s+", text[end:])
        if not m:
            return end
        i = end + m.end() - 1
        last = None
        k = 0
        while k < 4:
            w = _WORD.match(text, i)
            word = w.group(1) if w else ""
            if (
                not w
                or word.lower() in STOP_WORDS
                or _is_measure_word(word, voc)
                or words_to_int(word)
            ):
                break
            if _is_people(word, voc):
                last = w.end(1)
            i = w.end()
            k += 1
        if last is None:
            return end
        end = last


def _after_predicate(
    text: str, pos: int, starts: dict[int, Amount], voc: Vocabulary, bare: bool = False
) -> tuple[str, int] | None:
    """A measure predicate after the counted phrase: "were killed", "who died".

    After a bare number ("60 were injured") only auxiliaries may come between.
    """
    i, steps, prev = pos, 0, ""
    while steps <= (_MAX_GAP if not bare else 4):
        j = _skip_space(text, i)
        m = voc.after_re.match(text, j)
        if m and (j == 0 or not text[j - 1].isalnum()) and not _active(text, m.end(), starts):
            return voc.after_measure[key(m.group(0))], m.end()
        tok = _PUNCT_OR_WORD.match(text, i)
        if not tok:
            return None
        t = tok.group(1)
        if t.lower() in ("and", "or") and prev.endswith("ed") and not bare:
            # "were attacked and injured", "have been rescued and returned": one
            # predicate, when a measure word follows at once.
            nxt = _skip_space(text, tok.end())
            if voc.after_re.match(text, nxt) and nxt not in starts:
                i, prev = tok.end(), t
                continue
        if tok.start(1) in starts or t.lower() in _CLAUSE_BREAKERS or t in ';:.?!“”"':
            return None
        if bare and t.lower() not in _AUXILIARIES:
            return None
        if t == "," and (_RELATIVE.match(text, tok.end()) or _ASIDE.match(text, tok.end())):
            # ", who were also Somali National Army personnel," and ", including
            # women and children," (no figure in it) are one step
            close = text.find(",", tok.end() + 1, tok.end() + 120)
            if close < 0 or _DIGIT.search(text, tok.end(), close):
                return None
            i, steps, prev = close, steps + 1, ","
            continue
        prev = t.lower()
        if t in "([":
            close = text.find(")" if t == "(" else "]", tok.end())
            if close < 0 or close - tok.end() > 200:
                return None
            i = close + 1
        elif t in "–—":
            close = re.search(r"[–—]", text[tok.end() : tok.end() + 160])
            if not close:
                return None
            i = tok.end() + close.end()
        else:
            i = tok.end()
        if t != ",":
            steps += 1
    return None


def _active(text: str, end: int, starts: dict[int, Amount]) -> bool:
    """Whether a predicate takes an object after it ("militants who killed the …")."""
    m = re.match(r"\s+([\w’'-]+)", text[end:])
    if not m:
        return False
    return m.group(1).lower() in _OBJECT_START or (end + m.start(1)) in starts


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


_TOKENS = re.compile(r"[\w’'\-]+|[^\w\s]")
_GAP_OK = frozenset({"the", "a", "an", "another", "its", "their", "his", "her"})
_BE = frozenset({"were", "was", "been", "be", "being", "are", "is"})


def _before_verb(text: str, start: int, voc: Vocabulary) -> tuple[str, int] | None:
    """A verb or noun before the number that takes it as object: "killing 17 persons".

    Words may stand between them when they are other objects of the verb
    ("killed the de facto Minister and three …"); a preposition, a clause word
    or punctuation ends the search. A passive form ("were killed and 30 …")
    does not take an object.
    """
    base = max(0, start - 100)
    toks = [(m.group(0), m.start()) for m in _TOKENS.finditer(text, base, start)]
    n = len(toks)
    for gap in range(6):
        end = n - gap
        if end <= 0:
            return None
        if gap:
            word = toks[end][0].lower()
            if (
                not word[0].isalpha()
                or words_to_int(word) is not None
                or (word in STOP_WORDS and word not in _GAP_OK and not (word == "and" and gap == 1))
            ):
                return None
        for length in range(min(voc.before_max_words, end), 0, -1):  # longest first
            words = toks[end - length : end]
            if not all(w[0].isalnum() for w, _ in words):
                continue
            measure = voc.before_measure.get(" ".join(w.lower() for w, _ in words))
            if measure and not (_is_participle(words[0][0]) and _passive(toks[: end - length])):
                if voc.not_event_re.search(text, max(0, words[0][1] - 40), words[0][1]):
                    return None  # "warrants for the arrest of", "threatened to kill"
                return measure, words[0][1]
    return None


def _is_participle(word: str) -> bool:
    return word.lower().endswith(("ed", "en")) or word.lower() in {"held", "shot", "hit", "left"}


def _passive(toks: list[tuple[str, int]]) -> bool:
    words = [w.lower() for w, _ in toks[-2:]]
    if words and words[-1].endswith("ly") and len(words) == 2:
        words = words[:-1]
    return bool(words) and words[-1] in _BE


def _maybe_breakdown(
    text: str, pos: int, starts: dict[int, Amount], consumed: set[int], voc: Vocabulary
) -> tuple[tuple[tuple[str, int], ...], int]:
    """A breakdown by group right after ``pos``; returns it and the new end."""
    found = _breakdown(text, pos, starts, voc)
    if not found:
        return (), pos
    items, end, used = found
    consumed.update(used)
    return items, end


# A place or origin after the last group of a breakdown ("… 11,032 refugees of
# other nationalities"), up to the end of the list.
_LABEL_TAIL = re.compile(
    r"\s+(?:from|of|in|at|with|under|aged)\s+[^,;()\[\]–—\d“”]{0,60}?"
    r"(?=[,;.)\]–—]|\s+(?:were|was|have|has|had|are|is|who|which|remain|remained)\b|$)"
)

# "763,707 refugees … were registered with UNHCR in Lebanon, including …":
# a breakdown later in the same clause (no other number, no clause break between).
_LATE_INCLUDING = re.compile(
    r"[^\d;:.“”()]{0,160}?(?:\([^\d)]*\)[^\d;:.“”()]{0,80}?)?(?P<at>,\s*including\s)"
)

_LIST_OPENERS = re.compile(
    r"\s*(?:,\s*)?(?:(?P<word>including|among them|among whom|of whom|of which|mostly|mainly|"
    r"namely)\s+|(?P<bracket>[(\[])\s*|(?P<dash>[–—])\s*|,\s*(?=[\w ,]{1,40}?\s+of\s+whom\b))",
    re.IGNORECASE,
)


def _breakdown(text: str, pos: int, starts: dict[int, Amount], voc: Vocabulary):
    m = _LIST_OPENERS.match(text, pos)
    if not m:
        return None
    i = m.end()
    items: list[tuple[str, int]] = []
    used: list[int] = []
    end = pos
    while True:
        a = starts.get(_skip_space(text, i))
        if a is None:
            break
        label = _label(text, a.end, voc)
        if label is None:
            break
        name, j = label
        items.append((name, a.number))
        used.append(a.start)
        end = j
        sep = re.match(
            r"(?:\s+(?:from|of|in|at|with|under|aged)\s+[^,;()\[\]–—\d“”]{0,60}?)?(?:,\s+and\s+|,\s+|\s+and\s+)",
            text[j:],
        )
        if not sep or _skip_space(text, j + sep.end()) not in starts:
            tail = _LABEL_TAIL.match(text, j)
            end = tail.end() if tail and tail.group(0).strip() else j
            break
        i = j + sep.end()
    if not items:
        return None
    if m.group("bracket"):
        closing = ")" if m.group("bracket") == "(" else "]"
        close = re.match(rf"\s*\{closing}", text[end:])
        if not close:
            return None
        end += close.end()
    elif m.group("dash"):
        close = re.match(r"\s*[–—]", text[end:])
        if not close:
            return None
        end += close.end()
    return tuple(items), end, used


def _label(text: str, pos: int, voc: Vocabulary) -> tuple[str, int] | None:
    """The group a breakdown number counts: "women", "elderly people", "of whom were foreign civilians"."""
    m = re.match(r"\s+of\s+whom\s+(?:were|are|was|is)\s+", text[pos:], re.IGNORECASE)
    if m:
        pos += m.end() - 1
    w = _WORD.match(text, pos)
    if w and w.group(1).lower() in _EXTRA_LABELS:
        return w.group(1), w.end(1)
    head = _head(text, pos, voc)
    if head is None or head.start - pos > 2:
        return None
    return text[head.start : head.end], head.end


def _inherit_coordinated(text: str, amounts: list[Amount], drafts: list[_Draft | None]) -> None:
    """'1,229 women and 1,363 men remain missing': the predicate covers both counts;
    'injuring two officers and 17 other army personnel': so does the verb before."""
    for k in range(len(drafts) - 2, -1, -1):
        d, nxt = drafts[k], drafts[k + 1]
        if d is None or nxt is None or d.measure or d.head is None or not nxt.after_measure:
            continue
        between = text[d.end : nxt.amount.start]
        if re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)", between):
            drafts[k] = replace(d, measure=nxt.measure, after_measure=nxt.after_measure)
    for k in range(1, len(drafts)):
        prev, d = drafts[k - 1], drafts[k]
        if (
            prev is None
            or d is None
            or d.measure
            or d.head is None
            or d.head.victims is None
            or not prev.before_verb
            or prev.after_measure
        ):
            continue
        if re.fullmatch(r",?\s+and\s+", text[prev.end : d.amount.start]):
            drafts[k] = replace(d, measure=prev.measure)


def _linked(text: str, end: int, start: int) -> bool:
    between = text[end:start]
    if re.fullmatch(r"\s*[(\[]\s*", between):
        return True  # "402 civilian casualties (179 killed …"
    return 0 <= len(between) <= 40 and not re.search(r"[()\[\];:]", between)


def _finish(text: str, drafts: list[_Draft | None]) -> list[Found]:
    out: list[Found] = []
    victims = None
    for d in drafts:
        if d is None or not d.measure:
            continue
        own = d.head.victims if d.head else None
        # A bare number takes the people of the count just before it ("18 people
        # were killed and 60 were injured"), not of one in another list item.
        if d.head is None and out and _linked(text, out[-1].end, d.start):
            own = victims
        out.append(Found(d.measure, d.start, d.end, d.amount, own, d.breakdown))
        victims = own
    return out
