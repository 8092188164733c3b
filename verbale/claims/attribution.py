"""Who says it: quoted passages with their source, and the source of a sentence.

A quotation is either a block of kind ``quotation`` (its source is named by
the block before it: "Jill Smolowe of Time magazine … reported as follows:")
or a passage between quotation marks in a block (its source is named before
it, "According to the Memorial Human Rights Centre, “…”", "The Independent
communicated that “…”", or after it, "‘…’, one mourner shouted"). Titles
("in their article entitled “The face of a massacre”") are not quotations.

>>> subject_before("Thus, referring to a report by a Reuters correspondent, The Independent")
'The Independent'
>>> subject_before("Jill Smolowe of Time magazine in her article “Massacre in Khojaly”")
'Jill Smolowe of Time magazine'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..model import Block, Document, Quotation
from ._vocab import STOP_WORDS, Vocabulary, vocabulary
from .context import sentences

_OPEN_SINGLE_BEFORE = ' \t\n“"([—–-'
QUOTE_MARK = re.compile('[“”‘’"]')
_CLOSING_PUNCT = re.compile(r"[\s”’\".,;:)\]…]*")
_OPENING_MARK = re.compile('[“‘"]')  # ’ alone is an apostrophe, it opens nothing


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted passage in a block before ids are given (content span, no marks)."""

    block: str
    start: int
    end: int
    kind: str  # "block" | "inline"
    depth: int = 0
    source: str | None = None
    footnote: str | None = None


def quote_spans(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, depth)`` of the passages between quotation marks in ``text``.

    Curly double quotes nest single ones; an apostrophe inside a word is not a
    quotation mark, nor is ‘ after a letter (a transliterated ayn, "Shab‘a").

    >>> quote_spans("He said “a ‘b c’ d” and 'e'.")
    [(9, 18, 0), (12, 15, 1)]
    """
    out: list[tuple[int, int, int]] = []
    stack: list[tuple[str, int]] = []
    straight_open: int | None = None
    for mark in QUOTE_MARK.finditer(text):
        i, ch = mark.start(), mark.group(0)
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch == "“":
            stack.append(("“", i + 1))
        elif ch == "”":
            _close(stack, "“", i, out)
        elif ch == "‘" and prev in _OPEN_SINGLE_BEFORE and not nxt.isspace():
            stack.append(("‘", i + 1))
        elif ch == "’" and any(s[0] == "‘" for s in stack) and not nxt.isalpha():
            _close(stack, "‘", i, out)
        elif ch == '"':
            if straight_open is None and (prev.isspace() or prev in "([—–"):
                straight_open = i + 1
            elif straight_open is not None:
                out.append((straight_open, i, len(stack)))
                straight_open = None
    return sorted(out)


def _close(stack: list[tuple[str, int]], mark: str, i: int, out: list) -> None:
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] == mark:
            out.append((stack[k][1], i, k))
            del stack[k:]
            return


def subject_before(prefix: str, voc: Vocabulary | None = None) -> str | None:
    """The noun phrase that ends ``prefix``: the subject of the verb after it.

    Returns None when the end of ``prefix`` does not look like a subject.
    """
    voc = voc or vocabulary()
    # The subject stands near the verb; a long prefix only costs time.
    s = _strip_noise(_IN_WORK.sub("", _strip_noise(prefix[-300:])))
    parts = [p for p in _SEGMENT.split(s) if p and p.strip()]
    if not parts:
        return None
    cand = _LEADING_CONNECTIVE.sub("", parts[-1].strip()).strip(" ,")
    if len(parts) >= 2 and prefix.rstrip().endswith(","):
        # "Mr. Miroshnik, Ambassador-at-large of …, highlighted": the name
        # before an apposition is the subject.
        name = _LEADING_CONNECTIVE.sub("", parts[-2].strip())
        if _SHORT_NAME.fullmatch(name):
            return name
    return data_source(cand, voc) if _plausible_subject(cand, voc) else None


_SHORT_NAME = re.compile(r"(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}")


_IN_WORK = re.compile(
    r",?\s*\b(?:in|through)\s+(?:his|her|their|its|a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:article|report|statement|letter|book|interview|op-ed|column|declaration|judgment|"
    r"communiqué|communique|study|testimony|speech|press release|note|publication|account|"
    r"dispatch|story|piece|broadcast|post)\b(?:\s+(?:entitled|titled|called))?\s*"
    r"(?:“[^”]*”|\"[^\"]*\"|‘[^’]*’)?\s*,?\s*$",
    re.IGNORECASE,
)
_NOISE_WORD = re.compile(
    r"\b(?:(?i:has|have|had|also|further|once again|again|itself|themselves|then|later|now|"
    r"already|subsequently)|[a-z]+ly)$"
)


def _strip_noise(s: str) -> str:
    """Drop trailing spaces, commas, auxiliaries and adverbs ("… has further")."""
    while True:
        s = s.rstrip(" \t\n,")
        m = _NOISE_WORD.search(s)
        if not m:
            return s
        s = s[: m.start()]


_SEGMENT = re.compile(r",\s+|\s+[–—]\s+|;\s*|:\s+|[()\[\]]|\s+that\s+|[“”]")
_LEADING_CONNECTIVE = re.compile(
    r"^(?:(?:thus|moreover|however|furthermore|in addition|separately|notably|also|and|but|"
    r"meanwhile|similarly|accordingly|subsequently|indeed|finally|further|then|so|yet|"
    r"in particular|in this regard|in that regard|likewise|specifically|for example)\b,?\s*)+",
    re.IGNORECASE,
)
_NOT_IN_SUBJECT = frozenset(
    [
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "which",
        "where",
        "when",
        "while",
        "if",
        "because",
        "whereas",
        "there",
        "killed",
        "injured",
        "wounded",
        "died",
    ]
)
_LOWER_SUBJECT_START = frozenset(
    [
        "the",
        "one",
        "a",
        "an",
        "some",
        "local",
        "several",
        "many",
        "two",
        "three",
        "four",
        "other",
        "witnesses",
        "reports",
        "sources",
        "officials",
        "authorities",
        "residents",
        "survivors",
        "eyewitnesses",
        "observers",
        "media",
        "news",
    ]
)


def _plausible_subject(cand: str, voc: Vocabulary) -> bool:
    words = cand.split()
    if not words or len(words) > 14:
        return False
    if cand.lower() in voc.pronouns:
        return True
    if any(w.lower() in _NOT_IN_SUBJECT for w in words) or any(ch.isdigit() for ch in cand[:1]):
        return False
    if words[-1].lower() in {"of", "by", "to", "in", "on", "the", "a", "and", "for", "at"}:
        return False
    if any(w[:1].isupper() for w in words):
        return True
    return words[0].lower() in _LOWER_SUBJECT_START and len(words) <= 5


def attributed_source(
    prefix: str, suffix: str = "", voc: Vocabulary | None = None, claim: str = ""
) -> str | None:
    """The source a sentence attributes a figure to, from the text around it.

    ``prefix`` is the sentence up to the figure, ``claim`` the claim's own
    words and ``suffix`` the rest of the sentence.

    >>> attributed_source("The total number of deaths – the Azerbaijanis claim ")
    'the Azerbaijanis'
    >>> attributed_source("ISIL-K claimed responsibility for an attack in which ")
    >>> attributed_source("", ", according to the Ministry of Health.")
    'the Ministry of Health'
    >>> attributed_source("The number of refugees is estimated at ", " by the Government.")
    'the Government'
    >>> attributed_source("As reported by OCHA, ", " were displaced.")
    'OCHA'
    >>> attributed_source("", " by the armed forces.", claim="40 people were killed")
    """
    voc = voc or vocabulary()
    found = _explicit_before(prefix, voc)
    if found:
        return found
    m = _ACCORDING_AFTER.search(suffix)
    if m:
        return data_source(m.group("x").strip(), voc)
    for verb in voc.verb_re.finditer(prefix):
        before = prefix[: verb.start()]
        if _NOUN_USE.search(before):
            continue  # "the report that …", "news reports that …"
        if not _leads_to_claim(voc).match(prefix[verb.end() :]):
            continue
        subject = subject_before(before, voc)
        if subject:
            return subject
    # "X recorded N, as confirmed by Y": X states the figure; Y only when no one else does
    return _passive_after(prefix, claim, suffix, voc)


# "according to which …", "according to the law": no source
_NOT_SOURCE = (
    r"(?!(?:which|whom|whose|what|how|whether|"
    r"the\s+(?:law|legislation|plan|rules?|procedure|schedule))\b)"
)
_ACCORDING = re.compile(
    rf"\baccording to {_NOT_SOURCE}(?P<x>[^,;:“”\"]{{2,120}}?)\s*,", re.IGNORECASE
)
# ", according to X." or " according to X." closing the sentence
_ACCORDING_AFTER = re.compile(
    rf"^[^.;]*?(?:,\s*|\s)according to {_NOT_SOURCE}(?P<x>[^,;:“”\"]{{2,120}}?)\s*[.;,]?$",
    re.IGNORECASE,
)


def data_source(name: str, voc: Vocabulary | None = None) -> str:
    """The body that gives the figures, when ``name`` names the figures.

    >>> data_source("Figures provided by UNICEF")
    'UNICEF'
    >>> data_source("data released by the Ministry of Health (MoH)")
    'the Ministry of Health (MoH)'
    >>> data_source("the provisional figures of the National Civil Protection Agency")
    'the National Civil Protection Agency'
    >>> data_source("reports")
    'reports'
    """
    voc = voc or vocabulary()
    m = _data_re(voc).match(name)
    if m:
        agent = agent_at(name, m.end(), voc)
        if agent and not name[m.end() + len(agent) :].strip(" .,"):
            return agent
    return name


def agent_at(text: str, pos: int, voc: Vocabulary | None = None) -> str | None:
    """The organisation or authority named at ``text[pos:]`` (after "by"), or None.

    A capitalised name ("the Ministry of Health", "UNICEF", "the Office of the
    United Nations High Commissioner for Refugees (UNHCR)") or a noun phrase
    headed by an agent noun of the data file ("the de facto authorities",
    "local sources"). A capitalised word before a common noun is an adjective
    ("Israeli strikes"), and "in"/"on" belong to a name only after a body's
    head word ("the Mission in Somalia", not "UNICEF in Gaza").

    >>> agent_at("by the Government.", 3)
    'the Government'
    >>> agent_at("by UNICEF in Gaza", 3)
    'UNICEF'
    >>> agent_at("by the Lebanese authorities that", 3)
    'the Lebanese authorities'
    >>> agent_at("by Israeli strikes", 3)
    >>> agent_at("by satellite imagery", 3)
    """
    voc = voc or vocabulary()
    headed, named = _agent_res(voc)
    m = headed.match(text, pos)
    if m is None:
        m = named.match(text, pos)
        if m is None:
            return None
        nxt = _NEXT_WORD.match(text, m.end())
        if nxt and nxt.group(1) not in STOP_WORDS:
            return None  # "Israeli strikes", "the Government forces"
    name = m.group(0)
    for link in _IN_ON.finditer(name):
        if not voc.body_name_end_re.search(name, 0, link.end(1)):
            name = name[: link.start() + len(link.group(1))]
            break
    return name.strip() or None


_CAP = r"[A-Z](?:[\w’'&/-]|\.(?=\w))*"
_LINK = r"(?:of|for|on|in|and|the|de|du|des|al|el)"
_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)")
_IN_ON = re.compile(r"(\S+)\s+(?:in|on)\s")
_ACRONYM = r"(?:\s*\([A-Z][\w’'.&/-]*\))?"


@lru_cache(maxsize=1)
def _agent_res(voc: Vocabulary) -> tuple[re.Pattern[str], re.Pattern[str]]:
    name = rf"{_CAP}(?:\s+(?:{_LINK}\s+)*{_CAP})*"
    modifier = r"(?!(?:and|or|of|in|on|at|to|with|for|from|that|which|by|as)\b)[\w’'-]+\s+"
    headed = re.compile(
        rf"(?:the\s+)?(?:{modifier}){{0,3}}?(?i:{voc.agents_re})\b"
        rf"(?:\s+of\s+(?:the\s+)?{name})?{_ACRONYM}"
    )
    return headed, re.compile(rf"(?:the\s+)?{name}{_ACRONYM}")


@lru_cache(maxsize=1)
def _data_re(voc: Vocabulary) -> re.Pattern[str]:
    return re.compile(
        r"(?:the\s+)?(?:(?:latest|official|preliminary|provisional|recent|new|available|updated)\s+)*"
        rf"(?:{voc.data_nouns_re})\s+(?:(?:{voc.data_verbs_re})\s+by|from|of)\s+",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _passive_res(voc: Vocabulary) -> tuple[re.Pattern[str], ...]:
    verb = rf"(?:{voc.passive_re})"
    return (
        # "As reported by OCHA, …" anywhere before the figure
        re.compile(rf"\b(?i:as)\s+{verb}\s+by\s+"),
        # "estimated by the Ministry at …", "informed by X that …": leads to the figure
        re.compile(rf"\b{verb}\s+by\s+"),
        # after the figure: "… were verified by X"
        re.compile(
            r"^\s*(?:(?:was|were|is|are|been|being|be|has|have|had|also|reportedly|"
            rf"officially|later|subsequently)\s+)*{verb}\s+by\s+"
        ),
        # "…, as documented by X"
        re.compile(rf",\s*as\s+{verb}\s+by\s+"),
        # "is estimated at [1.5 million] by X"
        re.compile(rf"\b{verb}\s+(?:at|to\s+be|to\s+have\s+been|to\s+number|as)\s*$"),
        # "[150 people were reported missing] by X"
        re.compile(rf"\b{verb}(?:\s+[a-z]+)?\s*$"),
    )


# After "As reported by X": the comma that ends the phrase.
_AFTER_AGENT = re.compile(r"[^,;:]{0,60}?,")
# After "estimated by X": the figure, "that" or a colon (as _leads_to_claim).
_LEADS_AFTER_AGENT = re.compile(
    r"^\s*(?:that\b|:|$|(?:at|to\s+be|as)\s+(?:[a-z]+\s+){0,2}$|(?:[a-z]+\s+){0,2}$)",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[;:]|\b(?:while|whereas|but|however|although)\b")
_BY = re.compile(r"\s*,?\s*by\s+")


def _explicit_before(prefix: str, voc: Vocabulary) -> str | None:
    """The last "According to X," or "As reported by X," before the figure, or a
    passive verb with its agent that leads to it ("estimated by X at", "informed by X that")."""
    as_by, leads, *_ = _passive_res(voc)
    best: tuple[int, str] | None = None
    for m in _ACCORDING.finditer(prefix):
        best = (m.start(), data_source(m.group("x").strip(), voc))
    for m in as_by.finditer(prefix):
        agent = agent_at(prefix, m.end(), voc)
        if agent and _AFTER_AGENT.match(prefix, m.end() + len(agent)):
            if best is None or m.start() > best[0]:
                best = (m.start(), agent)
    if best is not None:
        return best[1]
    for m in leads.finditer(prefix):
        agent = agent_at(prefix, m.end(), voc)
        if agent and _LEADS_AFTER_AGENT.match(prefix[m.end() + len(agent) :]):
            return agent
    return None


def _passive_after(prefix: str, claim: str, suffix: str, voc: Vocabulary) -> str | None:
    """The agent of a passive reporting verb that governs the figure, after it in its clause."""
    _, _, right, as_by, verb_then_amount, verb_in_claim = _passive_res(voc)
    m = right.match(suffix)
    if m is None:
        m = as_by.search(suffix)
        if m is not None and _CLAUSE_END.search(suffix, 0, m.start()):
            m = None
    if m is None and (verb_then_amount.search(prefix) or verb_in_claim.search(claim)):
        m = _BY.match(suffix)
    return agent_at(suffix, m.end(), voc) if m else None


_NOUN_USE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|news|media|press|these|those|this|recent|such)\s*$",
    re.IGNORECASE,
)
# After the verb: "that", a colon, or the figure itself (nothing, or only a
# hedge such as "at least" between them); "claimed responsibility for killing
# …" reports an act, it attributes no figure.
@lru_cache(maxsize=1)
def _leads_to_claim(voc: Vocabulary) -> re.Pattern[str]:
    # the words of not_claim_objects make the verb claim an act, not a figure
    return re.compile(
        rf"^\s*(?:that\b|:|$|(?!(?:the\s+)?(?:{voc.not_claim_object_re})\b)(?:[a-z]+\s+){{0,2}}$)",
        re.IGNORECASE,
    )


def extract_quotation_spans(doc: Document) -> list[QuoteSpan]:
    """Quoted passages of ``doc`` with source and footnote, in reading order."""
    voc = vocabulary()
    memory = SourceMemory(doc.blocks)
    out: list[QuoteSpan] = []
    blocks = doc.blocks
    run_start = None
    for i, block in enumerate(blocks):
        if block.kind == "quotation":
            if i > 0 and blocks[i - 1].kind == "quotation" and out and out[-1].kind == "block":
                source = out[-1].source  # a quotation of several paragraphs
            else:
                source = _block_quote_source(i, blocks, voc, memory)
                run_start = len(out)
            note = _closing_note(block, len(block.text.rstrip()))
            out.append(QuoteSpan(block.id, 0, len(block.text), "block", 0, source, note))
            memory.remember(i, 0, source)
            if i + 1 == len(blocks) or blocks[i + 1].kind != "quotation":
                _share_footnote(out, run_start)
        elif _OPENING_MARK.search(block.text):
            out.extend(_inline_quotes(i, block, voc, memory))
    return out


def extract_quotations(doc: Document) -> tuple[Quotation, ...]:
    """The quotations of ``doc``: block quotations and inline quoted passages.

    Each has its source (speaker or publication) as the text names it, and the
    reference that backs it: the Reference whose footnote closes the quotation
    (or, when ``doc.references`` has none for it, the footnote id).

    >>> from verbale.model import Block, Document, Source
    >>> doc = Document(Source("x", "text", "", 1, 0), blocks=(Block("b1", "paragraph",
    ...     "According to the Memorial Human Rights Centre, “there was mass violence”.", 1),))
    >>> [(q.kind, q.source) for q in extract_quotations(doc)]
    [('inline', 'the Memorial Human Rights Centre')]
    """
    refs = reference_ids(doc)
    return tuple(
        Quotation(
            id=f"q{n}",
            block=q.block,
            span=(q.start, q.end),
            kind=q.kind,
            source=q.source,
            reference=refs.get(q.footnote, q.footnote) if q.footnote else None,
        )
        for n, q in enumerate(extract_quotation_spans(doc), start=1)
    )


def reference_ids(doc: Document) -> dict[str, str]:
    """Footnote id -> id of the first Reference found in that footnote."""
    out: dict[str, str] = {}
    for ref in doc.references:
        if ref.footnote and ref.footnote not in out:
            out[ref.footnote] = ref.id
    return out


class SourceMemory:
    """The sources named so far, to resolve "It has further stated" and "The Centre".

    Quotation sources are remembered as they are found; sources named in
    sentences ("X stated that …") are read only when a pronoun needs them.
    """

    def __init__(self, blocks: tuple[Block, ...]) -> None:
        self.blocks = blocks
        self.named: list[tuple[int, int, str]] = []  # (block index, position, source)
        self._subjects: dict[int, list[tuple[int, int, str]]] = {}

    def remember(self, index: int, pos: int, source: str | None) -> None:
        if source and source.lower() not in vocabulary().pronouns:
            self.named.append((index, pos, source))

    def resolve(self, source: str | None, index: int, pos: int) -> str | None:
        """``source`` itself, or what a pronoun or "the Centre" refers back to."""
        if not source:
            return source
        voc = vocabulary()
        low = source.lower()
        anaphor = re.fullmatch(r"(?:the|this|that)\s+(\w+)", low)
        if low not in voc.pronouns and not anaphor:
            return source
        earlier = sorted(
            [n for n in self.named if (n[0], n[1]) < (index, pos)]
            + [
                n
                for i in range(max(0, index - 2), index + 1)
                for n in self._block_subjects(i)
                if (n[0], n[1]) < (index, pos)
            ]
        )
        if low in voc.pronouns:
            return earlier[-1][2] if earlier else None
        for _, _, name in reversed(earlier):
            if name.lower().split()[-1] == anaphor.group(1):
                return name
        return source

    def _block_subjects(self, index: int) -> list[tuple[int, int, str]]:
        if index not in self._subjects:
            self._subjects[index] = [
                (index, pos, name) for pos, name in _sentence_sources(self.blocks[index].text)
            ]
        return self._subjects[index]


def _block_quote_source(
    index: int, blocks: tuple[Block, ...], voc: Vocabulary, memory: SourceMemory
) -> str | None:
    """The source of a block quotation, named by the block before it ("… reported as follows:")."""
    if index == 0:
        return None
    intro = blocks[index - 1]
    spans = sentences(intro.text)
    if not spans:
        return None
    start, end = spans[-1]
    masked = mask_quotes(intro.text)[start:end]
    return memory.resolve(_speaker(masked, voc), index - 1, end)


def _speaker(prefix: str, voc: Vocabulary) -> str | None:
    """The source named in ``prefix`` (the text before a quotation)."""
    found = None
    for found in _ACCORDING.finditer(prefix):
        pass
    if found is not None:
        return data_source(found.group("x").strip(), voc)
    for verb in voc.verb_re.finditer(prefix):
        before = prefix[: verb.start()]
        if _NOUN_USE.search(before):
            continue
        subject = subject_before(before, voc)
        if subject:
            return subject
    return None


def mask_quotes(text: str) -> str:
    """``text`` with quoted passages blanked (same length), so their words are not read."""
    chars = list(text)
    for start, end, _ in quote_spans(text):
        for k in range(start, end):
            chars[k] = " "
    return "".join(chars)


def _inline_quotes(
    index: int, block: Block, voc: Vocabulary, memory: SourceMemory
) -> list[QuoteSpan]:
    text = block.text
    masked = mask_quotes(text)
    spans = sentences(text)
    found: list[QuoteSpan] = []
    for start, end, depth in quote_spans(text):
        content = text[start:end]
        words = content.split()
        if not words or voc.title_re.search(text[max(0, start - 40) : start - 1]):
            continue
        if depth > 0 and len(words) < 3:
            continue  # a term in scare quotes inside a quotation
        source = _postposed(content, text[end + 1 : end + 80], voc)
        if source is None:
            s_start = next((a for a, b in spans if a <= start - 1 < b), 0)
            if depth > 0:
                s_start = max(s_start, _enclosing_start(found, start))
            source = _speaker(masked[s_start : start - 1], voc)
            if source is None and found and found[-1].depth == depth:
                between = text[found[-1].end + 1 : start - 1]
                if (
                    re.fullmatch(r"[\s,;.:]*(?:and|or)?[\s,;]*", between)
                    or found[-1].start >= s_start
                ):
                    source = found[-1].source
        source = memory.resolve(source, index, start)
        memory.remember(index, start, source)
        found.append(
            QuoteSpan(block.id, start, end, "inline", depth, source, _closing_note(block, end + 1))
        )
    return _propagate_notes(found)


def _enclosing_start(found: list[QuoteSpan], start: int) -> int:
    for q in reversed(found):
        if q.start <= start <= q.end:
            return q.start
    return 0


def _postposed(content: str, after: str, voc: Vocabulary) -> str | None:
    """ "‘…’, one mourner shouted": the speaker named after a quotation ending in a comma."""
    if not (content.rstrip().endswith(",") or after.lstrip().startswith(",")):
        return None
    m = re.match(
        rf"^\s*,?\s*(?P<np>(?:[\w’'/-]+\s+){{1,6}}?)(?:{voc.postposed_re})\b", after, re.IGNORECASE
    )
    return m.group("np").strip() if m else None


def _closing_note(block: Block, end: int) -> str | None:
    """The footnote whose marker stands right after ``end`` (past closing punctuation)."""
    for marker in block.markers:
        if (
            marker.footnote
            and end <= marker.offset <= end + 4
            and _CLOSING_PUNCT.fullmatch(block.text, end, marker.offset)
        ):
            return marker.footnote
    return None


def _share_footnote(out: list[QuoteSpan], run_start: int | None) -> None:
    """Consecutive quotation blocks are one quotation: all take the run's footnote."""
    if run_start is None:
        return
    note = next((q.footnote for q in reversed(out[run_start:]) if q.footnote), None)
    for k in range(run_start, len(out)):
        if out[k].footnote is None:
            out[k] = replace(out[k], footnote=note)


def _propagate_notes(found: list[QuoteSpan]) -> list[QuoteSpan]:
    """A run of quotations from one source is backed by the footnote closing the run;
    a quotation inside another is backed by the outer one's footnote."""
    out = list(found)
    for k in range(len(out) - 2, -1, -1):
        nxt = out[k + 1]
        if out[k].footnote is None and nxt.source == out[k].source and nxt.depth == out[k].depth:
            out[k] = replace(out[k], footnote=nxt.footnote)
    for k, q in enumerate(out):
        if q.footnote is None and q.depth > 0:
            outer = next(
                (o for o in out if o.depth < q.depth and o.start <= q.start and q.end <= o.end),
                None,
            )
            if outer is not None:
                out[k] = replace(q, footnote=outer.footnote)
    return out


def _sentence_sources(text: str) -> list[tuple[int, str]]:
    """``(position, source)`` of the sentences of a text that name a source ("X stated that …")."""
    voc = vocabulary()
    if not voc.verb_re.search(text):
        return []
    found = []
    for start, end in sentences(text):
        sentence = text[start:end]
        for verb in voc.verb_re.finditer(sentence):
            before = sentence[: verb.start()]
            if _NOUN_USE.search(before):
                continue
            opens = bool(re.match(r"\s*(?:that\b|:|as follows)", sentence[verb.end() :]))
            subject = subject_before(before, voc)
            # "JS9 noted the difficulty …. It reported that …": a sentence that
            # opens with its subject names who "it" is, whatever the verb takes.
            if not opens and not (
                subject
                and before.strip() == subject
                and not re.fullmatch(r"(?:the|this|that)\s+\w+", subject.lower())
            ):
                continue
            if subject and subject.lower() not in voc.pronouns:
                found.append((start + verb.start(), subject))
            break
    return found
