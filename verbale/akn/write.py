"""to_akn(): a verbale Document as an Akoma Ntoso 3.0 document (AKN4UN naming).

Layout of the output (see docs/akn-mapping.md for the full table)::

    akomaNtoso
      doc name="communication" | doc name="report" | statement name="resolution" | ...
        meta: identification (FRBR), references (TLC*), notes, proprietary
        preface: masthead container (docNumber, docDate, ...), longTitle (title block)
        preamble: preambular paragraphs of a resolution
        mainBody: p, paragraph, blockList, hcontainer, blockContainer
        conclusions: the signature blocks that close the text
        attachments: one attachment (doc name="annex"…) per annex, enclosure…

Everything verbale knows and AKN has no element for goes into attributes in
verbale's own namespace (allowed on most AKN elements) or, as JSON, into
``meta/proprietary``; AKN readers can ignore both.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Optional

from lxml import etree

from ..model import Block, Claim, Document, Footnote, Quotation, Reference, Section, Signature
from .inline import Ids, Point, Span, fill
from .meta import MetaWriter
from .names import (
    AKN_NS,
    VERBALE_NS,
    AknType,
    Iris,
    akn_type,
    camel_id,
    eid_token,
    frbr_iris,
    undocs_href,
)
from .xmlutil import A, Tlc, V, dumps, indent, sub

# Block kind -> @class (or hcontainer @name); plain paragraphs carry none.
KIND_CLASS = {
    "paragraph": None, "numbered_paragraph": "numberedParagraph",
    "operative_paragraph": "operativeParagraph", "preambular_paragraph": "preambularParagraph",
    "list_item": "listItem", "quotation": "quotation", "title": "title",
    "annex_heading": "annexHeading", "heading": "heading", "signature": "signature",
    "toc_entry": "tocEntry", "figure": "figure",
}
NUMBERED = frozenset({"numbered_paragraph", "operative_paragraph"})
LEADING = frozenset({"title", "annex_heading"})
FRONT = frozenset({"paragraph", "heading", "title", "annex_heading"})
PREAMBLE = frozenset({"paragraph", "preambular_paragraph"})
_SAFE_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+\Z", re.I)


def _make(parent: etree._Element, tag: str, attrs: dict) -> etree._Element:
    return sub(parent, tag, attrs)


def _join(prefix: str, name: str) -> str:
    return f"{prefix}__{name}" if prefix else name


class Writer(MetaWriter):
    """Builds the XML tree of one document (use :func:`to_akn`)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.ids = Ids()
        self.tlc = Tlc(self.ids)
        self.iris: Iris = frbr_iris(doc)
        self.type: AknType = akn_type(doc)
        self.footnotes = {f.id: f for f in doc.footnotes}
        self.placed: dict[str, str] = {}  # footnote id -> eId of its authorialNote
        self.fallback: list[tuple[str, Any]] = []  # records no inline element could carry
        self.by_block: dict[str, list] = defaultdict(list)
        self.by_note: dict[str, list[Reference]] = defaultdict(list)
        block_ids = {b.id for b in doc.blocks}
        for r in doc.references:
            if r.footnote in self.footnotes:
                self.by_note[r.footnote].append(r)
            elif r.footnote is None and r.block in block_ids:
                self.by_block[r.block].append(r)
            else:
                self.fallback.append(("reference", r))
        for record in (*doc.claims, *doc.quotations, *doc.signatures):
            if record.block in block_ids:
                self.by_block[record.block].append(record)
            else:
                self.fallback.append((_record_kind(record), record))
        self.signatories = {s.name for s in doc.signatures}

    # -- document -------------------------------------------------------------

    def build(self) -> etree._Element:
        root = etree.Element(A("akomaNtoso"), nsmap={None: AKN_NS, "verbale": VERBALE_NS})
        main = sub(root, self.type.element, {"name": self.type.name})
        meta = sub(main, "meta")
        self.tlc.ref("organization", "verbale", eid="verbale")
        self.tlc.ref("organization", "United Nations", eid="un")
        self._identification(meta, "main")
        runs, empty = self._runs()
        self._parts(main, runs[0], prefix="", is_main=True)
        if len(runs) > 1:
            attachments = sub(main, "attachments")
            counts: dict[str, int] = defaultdict(int)
            for n, run in enumerate(runs[1:], start=1):
                self._attachment(attachments, run, n, counts)
        self.tlc.write(sub(meta, "references", {"source": "#verbale"}))
        self._unplaced_notes(meta)
        self._proprietary(meta, empty)
        return root

    def _runs(self) -> tuple[list[tuple[Optional[Section], list[Block]]], list[Section]]:
        """Consecutive blocks of one section; sections that hold no block."""
        sections = {s.id: s for s in self.doc.sections}
        runs: list[tuple[Optional[Section], list[Block]]] = []
        last: object = object()
        for block in self.doc.blocks:
            if block.section != last:
                runs.append((sections.get(block.section or ""), []))
                last = block.section
            runs[-1][1].append(block)
        if not runs:
            main = next((s for s in self.doc.sections if s.kind == "main"), None)
            runs.append((main, []))
        used = {run[0].id for run in runs if run[0] is not None}
        return runs, [s for s in self.doc.sections if s.id not in used]

    def _attachment(self, parent, run, n: int, counts: dict[str, int]) -> None:
        section, _ = run
        kind = section.kind if section else "attachment"
        name = camel_id(kind) or "attachment"
        counts[name] += 1
        prefix = self.ids.claim(f"att_{n}")
        attachment = sub(parent, "attachment", {"eId": prefix, **self._section_attrs(section, run)})
        if section and section.label:
            sub(attachment, "num", text=section.label)
        if section and section.heading:
            sub(attachment, "heading", text=section.heading)
        inner = sub(attachment, "doc", {"name": name})
        self._identification(sub(inner, "meta"), f"{name}_{counts[name]}")
        self._parts(inner, run, prefix=prefix, is_main=False)

    @staticmethod
    def _section_attrs(section: Optional[Section], run) -> dict:
        if section is None:
            return {}
        blocks = run[1]
        first = blocks[0].id if blocks else None
        # firstBlock only when it is not simply the first block of the run ("" for None).
        other_first = None if section.first_block == first else section.first_block or ""
        return {V("section"): section.id, V("sectionKind"): section.kind,
                V("page"): section.page, V("originalLanguage"): section.original_language,
                V("firstBlock"): other_first}

    # -- parts of one document -----------------------------------------------

    def _parts(self, element, run, *, prefix: str, is_main: bool) -> None:
        section, blocks = run
        lead = 0
        while lead < len(blocks) - 1 and blocks[lead].kind in LEADING:
            lead += 1
        head, rest = blocks[:lead], blocks[lead:]
        front, preamble = self._preamble(rest) if is_main else ([], [])
        rest = rest[len(front) + len(preamble):]
        j = len(rest)
        while j > 1 and rest[j - 1].kind == "signature":
            j -= 1
        rest, closing = rest[:j], rest[j:]

        if is_main or head:
            preface = sub(element, "preface")
            if is_main:
                self._masthead(preface, head)
            if head:
                self._long_title(preface, head, prefix, is_main)
            for block in front:
                p = sub(preface, "p", {"eId": self.ids.next(_join(prefix, "preface"), "p"),
                                       "class": KIND_CLASS.get(block.kind, block.kind),
                                       **self._block_attrs(block)})
                self._fill(p, block)
            if not len(preface):
                element.remove(preface)
        if preamble:
            self._blocks(sub(element, "preamble"), preamble, _join(prefix, "preamble"))
        attrs = self._section_attrs(section, run) if is_main else {}
        if is_main and section is not None:
            attrs.update({V("heading"): section.heading or None, V("label"): section.label or None})
        body = sub(element, "mainBody", attrs)
        self._blocks(body, rest, prefix)
        if not rest:
            sub(body, "p", {"class": "empty"})  # mainBody may not be empty
        if closing:
            self._blocks(sub(element, "conclusions"), closing, _join(prefix, "conclusions"))

    def _preamble(self, blocks: list[Block]) -> tuple[list[Block], list[Block]]:
        """A resolution's lines before its preamble (kept in the preface, as AKN4UN
        does with "[on the report of …]" and the numbered title), and its preamble."""
        if self.type.element != "statement":
            return [], []
        start = next((i for i, b in enumerate(blocks) if b.kind == "preambular_paragraph"), None)
        if start is None or any(b.kind not in FRONT for b in blocks[:start]):
            return [], []
        end = start
        while end < len(blocks) - 1 and blocks[end].kind in PREAMBLE:
            end += 1
        return blocks[:start], blocks[start:end]

    def _long_title(self, preface, head: list[Block], prefix: str, is_main: bool) -> None:
        long_title = sub(preface, "longTitle", {"eId": self.ids.claim(_join(prefix, "longTitle"))})
        for i, block in enumerate(head):
            p = sub(long_title, "p", {"eId": self.ids.next(long_title.get("eId"), "p"),
                                      "class": KIND_CLASS.get(block.kind, block.kind),
                                      **self._block_attrs(block)})
            wrap = is_main and i == 0 and block.kind == "title" and block.text == self.doc.title
            self._fill(p, block, extra=[Span(0, len(block.text), "docTitle", rank=0, eid=False)]
                       if wrap else [])

    # -- blocks -----------------------------------------------------------------

    def _blocks(self, parent, blocks: list[Block], prefix: str) -> None:
        i = 0
        while i < len(blocks):
            block = blocks[i]
            if block.kind == "list_item":
                j = i
                while j < len(blocks) and blocks[j].kind == "list_item":
                    j += 1
                self._list(parent, blocks[i:j], prefix)
                i = j
                continue
            self._block(parent, block, prefix)
            i += 1

    def _block(self, parent, block: Block, prefix: str) -> None:
        kind = block.kind
        numbered = kind in NUMBERED or kind in ("heading", "title", "annex_heading")
        num, shift = self._num(block) if numbered else ("", 0)
        attrs = self._block_attrs(block, num)
        cls = KIND_CLASS.get(kind, kind)
        if kind in NUMBERED:
            token = eid_token(block.number or "")
            eid = self.ids.claim(_join(prefix, f"para_{token}")) if token else \
                self.ids.next(prefix, "para")
            para = sub(parent, "paragraph", {"eId": eid, "class": cls, **attrs})
            if num:
                sub(para, "num", text=num)
            p = sub(sub(para, "content"), "p", {"eId": self.ids.next(eid, "p")})
            self._fill(p, block, shift)
        elif kind in ("heading", "title", "annex_heading"):
            eid = self.ids.next(prefix, "hcontainer")
            box = sub(parent, "hcontainer", {"eId": eid, "name": cls, **attrs})
            if num:
                sub(box, "num", text=num)
            heading = sub(box, "heading", {"eId": self.ids.claim(f"{eid}__heading")})
            self._fill(heading, block, shift)
        elif kind == "quotation":
            p = sub(parent, "p", {"eId": self.ids.next(prefix, "p"), "class": cls, **attrs})
            whole = [q for q in self.by_block[block.id] if isinstance(q, Quotation)
                     and q.kind == "block" and q.span == (0, len(block.text))][:1]
            quote_id = self.ids.next(p.get("eId"), "embeddedStructure")
            quote = sub(p, "embeddedStructure",
                        {"eId": quote_id, **(self._quote_attrs(whole[0]) if whole else {})})
            self._fill(sub(quote, "p", {"eId": self.ids.next(quote.get("eId"), "p")}), block,
                       skip=whole)
        elif kind == "signature":
            eid = self.ids.next(prefix, "blockContainer")
            box = sub(parent, "blockContainer", {"eId": eid, "class": cls, **attrs})
            self._fill(sub(box, "p", {"eId": self.ids.next(eid, "p")}), block,
                       extra=self._signature_spans(block))
        else:
            p = sub(parent, "p", {"eId": self.ids.next(prefix, "p"), "class": cls, **attrs})
            self._fill(p, block)

    def _list(self, parent, items: list[Block], prefix: str) -> None:
        eid = self.ids.next(prefix, "list")
        block_list = sub(parent, "blockList", {"eId": eid})
        for block in items:
            num, shift = self._num(block)
            token = eid_token(block.number or "")
            item_id = (self.ids.claim(f"{eid}__item_{token}") if token else
                       self.ids.next(eid, "item"))
            item = sub(block_list, "item", {"eId": item_id, **self._block_attrs(block, num)})
            if num:
                sub(item, "num", text=num)
            self._fill(sub(item, "p", {"eId": self.ids.next(item_id, "p")}), block, shift)

    @staticmethod
    def _block_attrs(block: Block, num: str = "") -> dict:
        """Page(s), and the model's number when <num> does not spell it."""
        attrs: dict[str, Any] = {V("page"): block.page}
        if block.pages != (block.page,):
            attrs[V("pages")] = " ".join(map(str, block.pages))
        if block.number is not None and block.number != num:
            attrs[V("number")] = block.number
        return attrs

    def _num(self, block: Block) -> tuple[str, int]:
        """The printed number to lift into <num>, and where the rest starts.

        "1. Text" gives ("1.", 3); nothing is lifted when a note or a span
        starts inside the number, so that offsets stay exact.
        """
        number = block.number
        m = re.match(r"(\S+) ", block.text)
        if not number or not m or number not in m.group(1):
            return "", 0
        shift = m.end()
        starts = [mk.offset for mk in block.markers]
        starts += [s.start for s in self._spans(block)]
        if any(s < shift for s in starts):
            return "", 0
        return m.group(1), shift

    # -- inline content ---------------------------------------------------------

    def _fill(self, target, block: Block, shift: int = 0, extra=(), skip=()) -> None:
        """Write block text from ``shift`` into ``target``: spans and notes."""
        spans = [s for s in self._spans(block) if s.payload not in skip] + list(extra)
        for s in spans:
            s.start -= shift
            s.end -= shift
        # An offset past the end would lose its note: clamp rather than drop.
        points = [Point(max(0, min(m.offset, len(block.text))) - shift, self._note_builder(m))
                  for m in block.markers]
        for dropped in fill(target, block.text[shift:], spans, points, ids=self.ids, make=_make):
            if dropped.payload is not None:
                self.fallback.append((_record_kind(dropped.payload), dropped.payload))

    def _spans(self, block: Block) -> list[Span]:
        spans = []
        for record in self.by_block.get(block.id, ()):
            if isinstance(record, Reference):
                spans.append(self._ref_span(record))
            elif isinstance(record, Claim):
                spans.append(self._claim_span(record))
            elif isinstance(record, Quotation):
                attrs = self._quote_attrs(record)
                spans.append(Span(*record.span, "embeddedText", attrs, 2, record))
        return spans

    def _ref_span(self, r: Reference) -> Span:
        attrs: dict[str, Any] = {}
        if r.url and _SAFE_URL.match(r.url):
            href = r.url
        else:
            href = next((h for h in map(undocs_href, r.symbols) if h), None)
            if href is None:
                href = self.tlc.ref("reference", r.text, name=r.type or "citation",
                                    eid=f"citation_{r.id}")
            attrs[V("url")] = r.url or ""
        attrs = {"href": href, V("id"): r.id, V("type"): r.type, **attrs}
        if r.symbols:
            attrs[V("symbols")] = dumps(list(r.symbols))
        if r.fields:
            attrs[V("fields")] = dumps(r.fields)
        return Span(*r.span, "ref", attrs, 1, r)

    def _claim_span(self, c: Claim) -> Span:
        # The author of a letter is usually its sender: one entity, not two.
        kind = ("person" if c.claimant.name in self.signatories else
                "role" if c.claimant.name == self.doc.sender else "organization")
        refers = [self.tlc.ref(kind, c.claimant.name), self.tlc.ref("concept", c.measure)]
        if c.place:
            refers.append(self.tlc.ref("location", c.place))
        best = next((v for v in (c.value, c.best, c.low, c.high) if v is not None), None)
        attrs = {"refersTo": " ".join(refers), "normalized": best, V("id"): c.id,
                 V("claimant"): c.claimant.kind, V("claimantReference"): c.claimant.reference,
                 V("value"): c.value, V("low"): c.low, V("best"): c.best, V("high"): c.high,
                 V("hedge"): c.hedge, V("reference"): c.reference,
                 V("quoted"): "true" if c.quoted else None, V("date"): c.date,
                 V("victims"): c.victims,
                 V("breakdown"): dumps([list(b) for b in c.breakdown]) if c.breakdown else None}
        return Span(*c.span, "quantity", {k: str(v) for k, v in attrs.items() if v is not None},
                    3, c)

    @staticmethod
    def _quote_attrs(q: Quotation) -> dict:
        attrs = {V("id"): q.id, V("kind"): q.kind, V("source"): q.source,
                 V("reference"): q.reference}
        return {k: v for k, v in attrs.items() if v is not None}

    def _signature_spans(self, block: Block) -> list[Span]:
        """``signature`` around each "(Signed) Name Title…", ``person``/``role`` inside."""
        spans, cursor, text = [], 0, block.text
        for s in (r for r in self.by_block.get(block.id, ()) if isinstance(r, Signature)):
            lines = s.lines
            exact = (bool(lines) and lines[0] == s.name and ", ".join(lines[1:]) == s.title
                     and all(lines))
            found, pos = [], cursor
            for line in lines if exact else ():
                i = text.find(line, pos)
                if i < 0:
                    break
                found.append((i, i + len(line)))
                pos = i + len(line)
            if not exact or len(found) != len(lines):
                attrs = {V("name"): s.name, V("title"): s.title, V("lines"): dumps(list(s.lines))}
                spans.append(Span(cursor, cursor, "signature", attrs, 0, s))
                continue
            start = text.rfind("(Signed", cursor, found[0][0])
            start = found[0][0] if start < 0 else start
            spans.append(Span(start, found[-1][1], "signature", {}, 0, s))
            roles = [self.tlc.ref("role", line) for line in lines[1:]]
            person = {"refersTo": self.tlc.ref("person", s.name), "as": roles[0] if roles else None}
            spans.append(Span(*found[0], "person", {k: v for k, v in person.items() if v}, 4))
            spans += [Span(*f, "role", {"refersTo": r}, 4)
                      for f, r in zip(found[1:], roles, strict=True)]
            cursor = found[-1][1]
        return spans

    def _note_builder(self, marker):
        def build(parent, prefix: str) -> None:
            note = self.footnotes.get(marker.footnote or "")
            if note is not None and note.id not in self.placed:
                self._note(parent, "authorialNote", note, prefix, marker.marker)
                return
            # A second marker of the same note (or one without a note) points at it.
            target = self.placed.get(marker.footnote or "")
            sub(parent, "noteRef", {"eId": self.ids.next(prefix, "noteRef") if prefix else None,
                                    "marker": marker.marker, "href": f"#{target or ''}",
                                    V("footnote"): marker.footnote})
        return build

    def _note(self, parent, tag: str, note: Footnote, prefix: str, marker: str) -> None:
        eid = self.ids.next(prefix, tag) if prefix else self.ids.next("", "note")
        attrs = {"eId": eid, "marker": note.marker, "placement": "bottom", V("id"): note.id,
                 V("page"): note.page, V("marker"): marker if marker != note.marker else None,
                 V("links"): dumps(list(note.links)) if note.links else None}
        if tag == "note":
            attrs[V("block")] = note.block
        element = sub(parent, tag, attrs)
        self.placed[note.id] = eid
        p = sub(element, "p", {"eId": self.ids.next(eid, "p")})
        spans = [self._ref_span(r) for r in self.by_note.get(note.id, ())]
        for dropped in fill(p, note.text, spans, [], ids=self.ids, make=_make):
            self.fallback.append(("reference", dropped.payload))

    # -- meta ---------------------------------------------------------------------

    def _unplaced_notes(self, meta) -> None:
        left = [f for f in self.doc.footnotes if f.id not in self.placed]
        if left:
            notes = sub(meta, "notes", {"source": "#verbale"})
            for note in left:
                self._note(notes, "note", note, "", note.marker)

def _record_kind(record: Any) -> str:
    return {"Reference": "reference", "Claim": "claim", "Quotation": "quotation",
            "Signature": "signature"}[type(record).__name__]


def to_akn(doc: Document, *, pretty: bool = True) -> str:
    """The document as Akoma Ntoso 3.0 XML (a string with an XML declaration)."""
    root = Writer(doc).build()
    if pretty:
        indent(root)
    body = etree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
