"""Claims of a document: counts of people, each with who states it and about what.

verbale attributes figures, it never asserts them: every :class:`Claim` names
its claimant — the document's author, or the source the text attributes the
figure to (a quotation's source, "According to X", "X stated that") — with
the reference that backs it, and whether it is quoted.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from ..model import Block, Claim, Claimant, Document
from ._vocab import vocabulary
from .attribution import (
    QUOTE_MARK,
    QuoteSpan,
    SourceMemory,
    attributed_source,
    extract_quotation_spans,
    mask_quotes,
    reference_ids,
)
from .context import (
    IN_NAME,
    DateMention,
    PlaceMention,
    clause_at,
    find_dates,
    find_destination,
    find_places,
    find_settlements,
    sentences,
    settlement_anaphor,
)
from .find import Found, find_counts

# Cheap tests before any real work: a digit or a number word, and a measure
# word (every claim needs both). Run on lower-cased text.
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|score)"
)


def _candidate_sentences(text: str, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
    """Sentences of a block that hold both a number and a measure word."""
    low = text.lower()
    words = [m.start() for m in trigger.finditer(low)]
    if not words:
        return []
    return [
        (a, b)
        for a, b in sentences(text)
        if _any_between(words, a, b) and _NUMBER.search(low, a, b)
    ]


def _any_between(positions: list[int], start: int, end: int) -> bool:
    k = bisect_left(positions, start)
    return k < len(positions) and positions[k] < end


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][\w’'-]*")
_SKIP_KINDS = frozenset({"signature", "title"})
_BREAK_KINDS = frozenset({"heading", "annex_heading", "title"})
_UNNAMED = "unidentified source"


def extract_claims(doc: Document) -> tuple[Claim, ...]:
    """The claims of ``doc``: attributed counts of people, in reading order.

    Uses ``doc.quotations`` when the document has them, else finds them.

    >>> from verbale.model import Block, Document, Source
    >>> doc = Document(Source("x", "text", "", 1, 0), sender="Permanent Representative of Azerbaijan",
    ...     blocks=(Block("b1", "paragraph", "To this day, 150 people from Khojaly remain missing.", 1),))
    >>> c = extract_claims(doc)[0]
    >>> (c.measure, c.value, c.claimant.name, c.claimant.kind, c.place, c.victims)
    ('missing', 150, 'Permanent Representative of Azerbaijan', 'author', 'Khojaly', 'people')
    """
    ctx: _DocContext | None = None
    trigger = vocabulary().trigger_re
    claims: list[Claim] = []
    for index, block in enumerate(doc.blocks):
        if block.kind in _SKIP_KINDS:
            continue
        for s_start, s_end in _candidate_sentences(block.text, trigger):
            sentence = block.text[s_start:s_end]
            previous = None
            for found in find_counts(sentence):
                if ctx is None:  # built only for a document that has a claim
                    ctx = _DocContext(doc)
                claim = ctx.claim(f"c{len(claims) + 1}", index, block, (s_start, s_end), found)
                claim = _share_source(block.text, previous, claim)
                claims.append(claim)
                previous = claim
    return tuple(claims)


def _share_source(text: str, previous: Claim | None, claim: Claim) -> Claim:
    """ "X reported 30 fatalities … and 52 fatalities …": one attribution covers
    the figures of its clause, up to a contrast or a semicolon."""
    if previous is None or claim.claimant.kind != "author" or previous.claimant.kind != "source":
        return claim
    if previous.quoted or claim.quoted:
        return claim
    between = text[previous.span[1] : claim.span[0]]
    if re.search(r"[;:]|\b(?:while|whereas|but|however|although)\b", between):
        return claim
    return replace(
        claim, claimant=previous.claimant, reference=claim.reference or previous.reference
    )


def author_name(doc: Document) -> str:
    """Who the document speaks for: the sender, else the signatory's title, else the report's author.

    >>> from verbale.model import Document, Source, Signature
    >>> author_name(Document(Source("x", "text", "", 1, 0), signatures=(
    ...     Signature("Yashar Aliyev", "Ambassador, Permanent Representative"),)))
    'Permanent Representative (Yashar Aliyev)'
    """
    if doc.sender:
        return doc.sender
    for sig in doc.signatures:
        title = sig.title.split(",")[-1].strip() if sig.title else ""
        if title and sig.name:
            return f"{title} ({sig.name})"
        if title or sig.name:
            return title or sig.name
    m = re.match(
        r"(?:\w+\s+)?report of the (.+?)(?:\s+(?:on|pursuant|in accordance|submitted)\b|$)",
        doc.title or "",
        re.IGNORECASE,
    )
    if m:
        return m.group(1).strip()
    return "author"


@dataclass
class _DocContext:
    """What a claim needs from the whole document: author, quotations, places, dates."""

    doc: Document
    _quotes: dict[str, list[QuoteSpan]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.author = author_name(self.doc)
        self.refs = reference_ids(self.doc)
        self.memory = SourceMemory(self.doc.blocks)
        index = {b.id: i for i, b in enumerate(self.doc.blocks)}
        for q in self._quotation_spans():
            self._quotes.setdefault(q.block, []).append(q)
            self.memory.remember(index.get(q.block, 0), q.start, q.source)

    def _quotation_spans(self) -> list[QuoteSpan]:
        if not self.doc.quotations:
            return extract_quotation_spans(self.doc)
        back = {v: k for k, v in self.refs.items()}
        return [
            QuoteSpan(
                q.block,
                q.span[0],
                q.span[1],
                q.kind,
                0,
                q.source,
                back.get(q.reference, q.reference) if q.reference else None,
            )
            for q in self.doc.quotations
        ]

    # -- one claim -------------------------------------------------------

    def claim(
        self, cid: str, index: int, block: Block, sentence: tuple[int, int], f: Found
    ) -> Claim:
        s_start = sentence[0]
        start, end = s_start + f.start, s_start + f.end
        quote = self._quote_at(block.id, s_start + f.amount.start, end)
        claimant, reference = self._claimant(index, block, sentence, start, end, quote)
        a = f.amount
        return Claim(
            id=cid,
            measure=f.measure,
            text=block.text[start:end],
            claimant=claimant,
            block=block.id,
            span=(start, end),
            value=a.value,
            low=a.low,
            best=a.best,
            high=a.high,
            hedge=a.hedge,
            breakdown=f.breakdown,
            reference=reference,
            quoted=quote is not None,
            place=self._place(index, block, sentence, (start, end), f.measure),
            date=self._date(index, block, sentence, start, end),
            victims=f.victims,
        )

    def _quote_at(self, block_id: str, start: int, end: int) -> QuoteSpan | None:
        inner = None
        for q in self._quotes.get(block_id, ()):
            if q.start <= start and end <= q.end + 1 and (inner is None or q.start >= inner.start):
                inner = q
        return inner

    def _ref(self, footnote: str | None) -> str | None:
        return self.refs.get(footnote, footnote) if footnote else None

    def _claimant(
        self,
        index: int,
        block: Block,
        sentence: tuple[int, int],
        start: int,
        end: int,
        quote: QuoteSpan | None,
    ) -> tuple[Claimant, str | None]:
        s_start, s_end = sentence
        lo = max(s_start, quote.start) if quote else s_start
        text = block.text
        if quote is None and QUOTE_MARK.search(text, s_start, s_end):
            text = mask_quotes(text)  # words inside a quotation name no source here
        source = self.memory.resolve(
            attributed_source(text[lo:start], text[end:s_end], claim=text[start:end]), index, start
        )
        if quote is not None:
            ref = self._ref(quote.footnote)
            return Claimant(source or quote.source or _UNNAMED, "source", ref), ref
        ref = self._ref(_closing_footnote(block, end, s_end))
        if source:
            return Claimant(source, "source", ref), ref
        return Claimant(self.author, "author"), ref

    # -- about: place and date ---------------------------------------------

    @cached_property
    def _text(self) -> str:
        return "\n".join(b.text for b in self.doc.blocks)

    def _mentions(self, name: str) -> int:
        """How often the document names a place (any mention, not only after "in")."""
        if name not in self._counts:
            self._counts[name] = self._text.count(name)
        return self._counts[name]

    @cached_property
    def _counts(self) -> dict[str, int]:
        return {}

    @cached_property
    def _place_cache(self) -> dict[int, list[PlaceMention]]:
        return {}

    @cached_property
    def _date_cache(self) -> dict[int, list[DateMention]]:
        return {}

    def _common(self, name: str) -> bool:
        """Whether every word of a capitalised name also occurs in lower case in the
        document ("Solutions", "Rule of Law", "Near East"): then it is not a place."""
        return all(word.lower() in self._lower_words for word in name.split())

    @cached_property
    def _lower_words(self) -> frozenset[str]:
        return frozenset(_LOWER_WORD.findall(self._text))

    @cached_property
    def _main_place(self) -> str | None:
        # From the places of each block (scanned once, shared with _places_in),
        # not a second scan of the joined text.
        counts = Counter(p.name for i in range(len(self.doc.blocks)) for p in self._places_in(i))
        top = counts.most_common(2)
        if top and top[0][1] >= 3 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
            return top[0][0]
        return None

    def _place(
        self,
        index: int,
        block: Block,
        sentence: tuple[int, int],
        span: tuple[int, int],
        measure: str,
    ) -> str | None:
        s_start, s_end = sentence
        start, end = span
        # People who moved (returnees, refugees): "from X" is where they came
        # from, not the claim's place; where they went ("to X") comes first.
        moves = measure in vocabulary().movement
        listed = _listed_place().search(block.text[s_start:start])
        if listed and not vocabulary().not_places.intersection(listed.group("name").split()):
            # "Jibal al-Butm (on a house, killing two)", "Ma‘rakah (on a house), killing four"
            return listed.group("name")
        sentence_text = block.text[s_start:s_end]
        kind = settlement_anaphor(sentence_text)
        if kind and not find_settlements(sentence_text):
            # "the town was overrun", "7,000 people had lived in this town":
            # the town named last before the claim.
            named = [
                n for i, pos, t, n in self._settlements if t == kind and (i, pos) < (index, start)
            ]
            if named:
                return named[-1]
        in_block = [
            p
            for p in self._places_in(index)
            if p.rank < IN_NAME and not (moves and p.prep == "from")
        ]
        here = [p for p in in_block if s_start <= p.start and p.end <= s_end]
        c_start, c_end = (s_start + k for k in clause_at(sentence_text, start - s_start))
        if moves:
            # up to the next figure: "… from Israel on 22 December and the return of
            # three … to Lebanon" sends the three to Lebanon, not the first ones
            nxt = _NUMBER.search(block.text.lower(), end, c_end)
            to = find_destination(block.text, end, nxt.start() if nxt else c_end)
            if to is not None and not self._common(to.name):
                return to.name
        # The claim's own clause first ("…, and four were killed in Shigal District").
        here = [p for p in here if c_start <= p.start and p.end <= c_end] or here
        if here:
            # In the claim's sentence: a town before its region, then the place
            # nearest to the figure, then the one the document names most.
            return max(
                here, key=lambda p: (-p.rank, -abs(p.start - start), self._mentions(p.name))
            ).name
        # Around it: the sentences before it in its block (a later sentence tells
        # of another event), then the block before.
        earlier = [p for p in in_block if p.end <= s_start]
        previous = self._places_in(index - 1) if self._previous_text(index) else []
        previous = [p for p in previous if p.rank < IN_NAME and not (moves and p.prep == "from")]
        for places in (earlier, previous):
            if places:
                # A town first, then the place the document names most.
                return max(
                    places, key=lambda p: (-p.rank, self._mentions(p.name), -abs(p.start - start))
                ).name
        return self._main_place

    def _places_in(self, index: int) -> list[PlaceMention]:
        if index not in self._place_cache:
            self._place_cache[index] = [
                p for p in find_places(self.doc.blocks[index].text) if not self._common(p.name)
            ]
        return self._place_cache[index]

    def _dates_in(self, index: int) -> list[DateMention]:
        if index not in self._date_cache:
            self._date_cache[index] = find_dates(self.doc.blocks[index].text)
        return self._date_cache[index]

    @cached_property
    def _settlements(self) -> list[tuple[int, int, str, str]]:
        return [
            (i, pos, t, name)
            for i, b in enumerate(self.doc.blocks)
            for pos, t, name in find_settlements(b.text)
        ]

    def _previous_text(self, index: int) -> str:
        if index == 0 or self.doc.blocks[index - 1].kind in _BREAK_KINDS:
            return ""
        return self.doc.blocks[index - 1].text

    def _year_of(self, days: str, month: str, index: int | None = None) -> str | None:
        """The year the document gives elsewhere for a day and month ("25–26 February 1992");
        with ``index``, a later mention counts only when its year is recent for the
        document (a later "22 December 2021" in a 2025 report is another event)."""
        found = self._dated.get((days, month))
        if found is None:
            return None
        if index is not None and found[0] > index and not self._recent(found[1]):
            return None
        return found[1]

    def _recent(self, year: str) -> bool:
        """Whether a year is the one of the document's date or the year before it."""
        issued = (self.doc.date or "")[:4]
        return issued.isdigit() and 0 <= int(issued) - int(year) <= 1

    @cached_property
    def _dated(self) -> dict[tuple[str, str], tuple[int, str]]:
        out: dict[tuple[str, str], tuple[int, str]] = {}
        for i in range(len(self.doc.blocks)):
            for d in self._dates_in(i):  # each block scanned once, shared with _date
                if d.day and d.year:
                    out.setdefault((d.days, d.month), (i, d.year))
        return out

    @cached_property
    def _main_date(self) -> str | None:
        """The event a letter is about: a day-precise date named in two or more blocks."""
        doc_type = (self.doc.doc_type or "letter").lower()
        if "letter" not in doc_type and "note" not in doc_type:
            return None
        counts: Counter[tuple[str, str]] = Counter()
        for i in range(len(self.doc.blocks)):
            counts.update({(d.days, d.month) for d in self._dates_in(i) if d.day})
        top = counts.most_common(2)
        if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1]):
            days, month = top[0][0]
            year = self._year_of(days, month)
            return f"{days} {month}" + (f" {year}" if year else "")
        return None

    def _date(
        self, index: int, block: Block, sentence: tuple[int, int], start: int, end: int
    ) -> str | None:
        s_start, s_end = sentence
        in_block = self._dates_in(index)
        dates = [d for d in in_block if s_start <= d.start and d.end <= s_end]
        if dates:
            right = [d for d in dates if end <= d.start <= end + 2]
            if right:
                # "from 4.5 million in 2020 to over 9.2 million in 2025": the date
                # right after a figure is its own.
                return self._complete(right[0], index)
            c_start, c_end = (
                s_start + k for k in clause_at(block.text[s_start:s_end], start - s_start)
            )
            dates = [d for d in dates if c_start <= d.start and d.end <= c_end] or dates
            before = [d for d in dates if d.end <= start]
            if before and not before[-1].day:
                # "during the period under review, one officer was killed … on 23
                # February 2025": the day in the claim's clause is more precise.
                after = [d for d in dates if d.start >= start and d.day]
                if after:
                    return self._complete(after[0], index)
            return self._complete(before[-1] if before else dates[0], index)
        earlier = [d for d in in_block if d.end <= s_start]
        if earlier:
            return self._complete(earlier[-1], index)
        previous = self._dates_in(index - 1) if self._previous_text(index) else []
        if previous and not in_block:
            return self._complete(previous[-1], index)
        if not in_block:
            row = self._row_date(index)
            if row is not None:
                return self._complete(row, index)
        return self._main_date

    def _row_date(self, index: int) -> DateMention | None:
        """The date of a chronology's row: in a table or log where a block opens
        with a date ("4 November 0900–1730 The … fired …") and the undated
        blocks after it are entries of the same day."""
        for i in range(index - 1, max(-1, index - 80), -1):
            block = self.doc.blocks[i]
            if block.kind in _BREAK_KINDS:
                return None
            dates = self._dates_in(i)
            if not dates:
                continue
            first = dates[0]
            opens = first.start == 0 and first.day and block.text[:1].isdigit()
            return first if opens else None
        return None

    def _complete(self, d: DateMention, index: int | None = None) -> str:
        """Add the year a date leaves out when the document gives it before."""
        year = self._year_of(d.days, d.month, index) if d.day and not d.year and d.month else None
        return f"{d.text} {year}" if year else d.text


@lru_cache(maxsize=1)
def _listed_place() -> re.Pattern[str]:
    """A place named in a list, its event in brackets after it; an optional
    local place type (not an admin_types unit) may follow the name ("Rashidiyah camp (…",
    "the Ma‘rakah town square (…")."""
    return re.compile(
        r"(?P<name>[A-Z][\w’'‘\-]*(?:\s+(?:(?:al|el|ad|as|ash)-)?[A-Z][\w’'‘\-]*){0,3})"
        rf"(?:\s+(?:{vocabulary().local_types_re}))?\s*(?:\([^()]*|\([^()]*\),\s*)$"
    )


def _closing_footnote(block: Block, end: int, s_end: int) -> str | None:
    """The footnote marked at the end of the claim or of its sentence."""
    for marker in block.markers:
        if marker.footnote and end <= marker.offset <= s_end + 2:
            return marker.footnote
    return None
