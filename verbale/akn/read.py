"""from_akn(): read back an Akoma Ntoso document that :func:`to_akn` wrote.

Block ids are renumbered ``b1``, ``b2``… in reading order (the order they have
in the model); footnotes, references, claims and quotations keep the ids
written in ``verbale:id``. XML from other producers is read as far as it
follows the same layout (see docs/akn-mapping.md).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from typing import Any, Optional

from lxml import etree

from ..errors import InputError
from ..model import (
    Block,
    Circulation,
    Claim,
    Claimant,
    Document,
    Footnote,
    Link,
    Marker,
    Quotation,
    Reference,
    Section,
    Signature,
    Source,
    Warning,
    from_dict,
)
from .inline import ReadSpan, local, read
from .names import AKN_NS, VERBALE_NS, lang2
from .write import KIND_CLASS

_CLASS_KIND = {v: k for k, v in KIND_CLASS.items() if v}
_DOC_TYPES = frozenset({"doc", "statement", "act", "bill", "debate", "debateReport",
                        "judgment", "amendment", "portion", "officialGazette"})
_RECORDS = {"reference": Reference, "claim": Claim, "quotation": Quotation,
            "signature": Signature}


def V(name: str) -> str:
    return f"{{{VERBALE_NS}}}{name}"


def _children(element, *names: str) -> list[etree._Element]:
    return [c for c in element if local(c.tag) in names]


def _child(element, name: str) -> Optional[etree._Element]:
    found = _children(element, name)
    return found[0] if found else None


def _int(value: Optional[str], default: Optional[int] = None) -> Optional[int]:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _json(value: Optional[str], default: Any = None) -> Any:
    if value is None:
        return default
    try:
        return json.loads(value)
    except ValueError:
        return default


def _natural(record_id: str) -> tuple:
    m = re.fullmatch(r"(\D*)(\d+)", record_id)
    return (m.group(1), int(m.group(2))) if m else (record_id, 0)


def parse_xml(xml: str | bytes) -> etree._Element:
    """Parse untrusted XML: no DTD, no entities, no network."""
    if isinstance(xml, str):
        xml = xml.encode("utf-8")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not well-formed XML: {exc}") from None
    if root.tag != f"{{{AKN_NS}}}akomaNtoso":
        raise InputError(f"not an Akoma Ntoso 3.0 document (root element {root.tag!r})")
    return root


class Reader:
    """Collects the model's records while walking one AKN document."""

    def __init__(self, root: etree._Element, xml_bytes: int) -> None:
        self.root = root
        self.main = next((c for c in root if local(c.tag) in _DOC_TYPES), None)
        if self.main is None:
            raise InputError("Akoma Ntoso document without a document element")
        self.size = xml_bytes
        self.meta = _child(self.main, "meta")
        self.tlc: dict[str, tuple[str, str]] = {}
        for refs in _children(self.meta, "references") if self.meta is not None else ():
            for entry in refs:
                if entry.get("eId"):
                    self.tlc[entry.get("eId")] = (local(entry.tag), entry.get("showAs", ""))
        self.blocks: list[Block] = []
        self.footnotes: list[Footnote] = []
        self.references: list[Reference] = []
        self.claims: list[Claim] = []
        self.quotations: list[Quotation] = []
        self.signatures: list[Signature] = []
        self.sections: list[Section] = []
        self.note_ids: dict[str, str] = {}  # eId of an authorialNote -> footnote id
        self.section: Optional[str] = None  # section of the blocks being read

    # -- structure ---------------------------------------------------------------

    def document(self) -> Document:
        body = _child(self.main, "mainBody")
        self._part(self.main, body if body is not None else self.main, main=True)
        attachments = _child(self.main, "attachments")
        for attachment in _children(attachments, "attachment") if attachments is not None else ():
            inner = next((c for c in attachment if local(c.tag) in _DOC_TYPES), None)
            if inner is not None:
                self._part(inner, attachment, main=False)
        if self.meta is not None:
            for notes in _children(self.meta, "notes"):
                for note in _children(notes, "note"):
                    self._footnote(note, note.get(V("block")))
        extra = self._proprietary()
        key = lambda r: _natural(r.id)  # noqa: E731
        masthead = self._masthead()
        sections = sorted(self.sections + extra.pop("section", []), key=key)
        return Document(
            source=extra.pop("source", None) or Source("", "akn", "", 0, self.size),
            blocks=tuple(self.blocks), footnotes=tuple(sorted(self.footnotes, key=key)),
            signatures=tuple(self.signatures + extra.pop("signature", [])),
            sections=tuple(sections),
            references=tuple(sorted(self.references + extra.pop("reference", []), key=key)),
            claims=tuple(sorted(self.claims + extra.pop("claim", []), key=key)),
            quotations=tuple(sorted(self.quotations + extra.pop("quotation", []), key=key)),
            language=lang2(self._language()), **masthead, **extra)

    def _part(self, doc_element, holder, *, main: bool) -> None:
        """Blocks of one document (main text or attachment), in reading order."""
        first = len(self.blocks)
        section_id = self.section = holder.get(V("section"))
        preface = _child(doc_element, "preface")
        for el in preface if preface is not None else ():
            name = local(el.tag)
            for p in _children(el, "p") if name == "longTitle" else [el] if name == "p" else ():
                cls = p.get("class", "")
                self._text_block(p, p, _CLASS_KIND.get(cls, cls) if cls else "paragraph")
        for part in ("preamble", "mainBody", "conclusions"):
            element = _child(doc_element, part)
            if element is not None:
                self._blocks(element)
        if section_id is None or any(s.id == section_id for s in self.sections):
            return
        first_block = holder.get(V("firstBlock"))
        if first_block is None and len(self.blocks) > first:
            first_block = self.blocks[first].id
        label = holder.get(V("label")) or ""
        heading = holder.get(V("heading")) or ""
        if not main:
            num, head = _child(holder, "num"), _child(holder, "heading")
            label = "".join(num.itertext()) if num is not None else ""
            heading = "".join(head.itertext()) if head is not None else ""
        self.sections.append(Section(
            section_id, holder.get(V("sectionKind")) or ("main" if main else "annex"), heading,
            label, holder.get(V("originalLanguage")), first_block or None,
            _int(holder.get(V("page")), 1)))

    def _blocks(self, container) -> None:
        for el in container:
            name = local(el.tag)
            cls = el.get("class", "")
            if name == "p" and cls == "empty":
                continue
            if name == "p" and cls == "quotation":
                quote = _child(el, "embeddedStructure")
                inner = _child(quote, "p") if quote is not None else None
                if inner is not None:
                    block = self._text_block(el, inner, "quotation")
                    if quote.get(V("id")):
                        self.quotations.append(self._quotation(quote, block.id, 0, len(block.text)))
                    continue
            if name == "p":
                self._text_block(el, el, _CLASS_KIND.get(cls, cls) if cls else "paragraph")
            elif name == "paragraph":
                content = _child(el, "content")
                p = _child(content, "p") if content is not None else None
                if p is not None:
                    self._text_block(el, p, _CLASS_KIND.get(cls, cls) or "numbered_paragraph")
            elif name == "hcontainer":
                heading = _child(el, "heading")
                if heading is not None:
                    kind = el.get("name", "heading")
                    self._text_block(el, heading, _CLASS_KIND.get(kind, kind))
            elif name == "blockList":
                for item in _children(el, "item"):
                    p = _child(item, "p")
                    if p is not None:
                        self._text_block(item, p, "list_item")
            elif name == "blockContainer":
                p = _child(el, "p")
                if p is not None:
                    self._text_block(el, p, _CLASS_KIND.get(cls, cls) or "paragraph")

    # -- blocks and their inline content ------------------------------------------

    def _text_block(self, outer, target, kind: Optional[str]) -> Block:
        block_id = f"b{len(self.blocks) + 1}"
        num = _child(outer, "num")
        prefix = "".join(num.itertext()) + " " if num is not None else ""
        text, spans, points = read(target)
        shift = len(prefix)
        page = _int(outer.get(V("page")), 1)
        pages_attr = outer.get(V("pages"))
        pages = tuple(int(x) for x in pages_attr.split()) if pages_attr else (page,)
        number = outer.get(V("number"))
        if number is None and num is not None:
            number = prefix[:-1]
        markers = [self._marker(pt, shift, block_id, page) for pt in points]
        block = Block(block_id, kind or "paragraph", prefix + text, page, pages, self.section,
                      number, tuple(markers))
        self.blocks.append(block)
        for span in spans:
            self._span(span, shift, block, prefix + text)
        return block

    def _marker(self, point: ReadSpan, shift: int, block_id: str, page: int) -> Marker:
        el = point.element
        if point.tag == "authorialNote":
            note = self._footnote(el, block_id)
            return Marker(el.get(V("marker")) or note.marker, point.start + shift, note.page,
                          note.id)
        footnote = el.get(V("footnote")) or self.note_ids.get((el.get("href") or "#")[1:])
        return Marker(el.get("marker", ""), point.start + shift, page, footnote)

    def _footnote(self, el, block_id: Optional[str]) -> Footnote:
        note_id = el.get(V("id")) or f"fn{len(self.footnotes) + 1}"
        if el.get("eId"):
            self.note_ids[el.get("eId")] = note_id
        p = _child(el, "p")
        text, spans, _ = read(p) if p is not None else ("", [], [])
        note = Footnote(note_id, el.get("marker", ""), text, _int(el.get(V("page")), 1), block_id,
                        tuple(_json(el.get(V("links")), [])))
        self.footnotes.append(note)
        for span in spans:
            if span.tag == "ref":
                self.references.append(self._reference(span, text, footnote=note_id))
        return note

    def _span(self, span: ReadSpan, shift: int, block: Block, text: str) -> None:
        start, end = span.start + shift, span.end + shift
        if span.tag == "ref":
            self.references.append(self._reference(span, text, block=block.id, shift=shift))
        elif span.tag == "quantity":
            self.claims.append(self._claim(span.element, block.id, text, start, end))
        elif span.tag == "embeddedText" and span.element.get(V("id")):
            self.quotations.append(self._quotation(span.element, block.id, start, end))
        elif span.tag == "signature":
            self.signatures.append(self._signature(span.element, block.id))

    def _reference(self, span: ReadSpan, text: str, *, footnote: Optional[str] = None,
                   block: Optional[str] = None, shift: int = 0) -> Reference:
        el = span.element
        start, end = span.start + shift, span.end + shift
        url = el.get(V("url"), el.get("href"))
        return Reference(
            el.get(V("id")) or f"r{len(self.references) + 1}", el.get(V("type")) or "unknown",
            text[start:end], _json(el.get(V("fields")), {}), tuple(_json(el.get(V("symbols")), [])),
            url or None, footnote, block, (start, end))

    def _claim(self, el, block_id: str, text: str, start: int, end: int) -> Claim:
        # refersTo lists the claimant first, then the measure and the place.
        tokens = (el.get("refersTo") or "").split()
        entries = [self.tlc.get(t.lstrip("#"), ("", "")) for t in tokens]
        name = entries[0][1] if entries else ""
        found: dict[str, str] = {}
        for tag, show in entries[1:]:
            found.setdefault(tag, show)
        breakdown = tuple((str(k), int(v)) for k, v in _json(el.get(V("breakdown")), []))
        return Claim(
            el.get(V("id")) or f"c{len(self.claims) + 1}", found.get("TLCConcept", ""),
            text[start:end],
            Claimant(name, el.get(V("claimant")) or "source", el.get(V("claimantReference"))),
            block_id, (start, end), _int(el.get(V("value"))), _int(el.get(V("low"))),
            _int(el.get(V("best"))), _int(el.get(V("high"))), el.get(V("hedge")), breakdown,
            el.get(V("reference")), el.get(V("quoted")) == "true", found.get("TLCLocation"),
            el.get(V("date")), el.get(V("victims")))

    def _quotation(self, el, block_id: str, start: int, end: int) -> Quotation:
        return Quotation(el.get(V("id")) or f"q{len(self.quotations) + 1}", block_id,
                         (start, end), el.get(V("kind")) or "inline", el.get(V("source")),
                         el.get(V("reference")))

    def _signature(self, el, block_id: str) -> Signature:
        if el.get(V("lines")) is not None:
            return Signature(el.get(V("name"), ""), el.get(V("title"), ""), block_id,
                             tuple(_json(el.get(V("lines")), [])))
        _, spans, _ = read(el)
        name = next(("".join(s.element.itertext()) for s in spans if s.tag == "person"), "")
        roles = ["".join(s.element.itertext()) for s in spans if s.tag == "role"]
        return Signature(name, ", ".join(roles), block_id, (name, *roles))

    # -- metadata ------------------------------------------------------------------

    def _language(self) -> Optional[str]:
        found = self.main.find(f"./{{{AKN_NS}}}meta/{{{AKN_NS}}}identification/"
                               f"{{{AKN_NS}}}FRBRExpression/{{{AKN_NS}}}FRBRlanguage")
        return found.get("language") if found is not None else None

    def _masthead(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        lists: dict[str, list[str]] = {"organs": [], "symbols": [], "sessions": [],
                                       "agenda_items": [], "agenda_titles": [], "addressees": []}
        fields = {"organ": "organs", "symbol": "symbols", "session": "sessions",
                  "agendaItem": "agenda_items", "agendaTitle": "agenda_titles",
                  "addressee": "addressees"}
        single = {"distribution": "distribution", "originalLanguage": "original_language",
                  "docType": "doc_type", "sender": "sender", "jobNumber": "job_number",
                  "docTitle": "title"}
        preface = _child(self.main, "preface")
        box = None
        if preface is not None:
            box = next((c for c in _children(preface, "container")
                        if c.get("name") == "masthead"), None)
        for p in _children(box, "p") if box is not None else ():
            cls = p.get("class", "")
            inner = p[0] if len(p) else p
            value = read(inner)[0]
            if cls in fields:
                lists[fields[cls]].append(value)
            elif cls == "date":
                out["date"] = inner.get("date") or value
            elif cls in single:
                out[single[cls]] = value
        if "title" not in out and preface is not None:
            title = preface.find(f".//{{{AKN_NS}}}docTitle")
            if title is not None:
                out["title"] = read(title)[0]
        out.update({k: tuple(v) for k, v in lists.items()})
        return out

    def _proprietary(self) -> dict[str, Any]:
        """verbale's JSON records in meta/proprietary, as model fields."""
        out: dict[str, Any] = {}
        if self.meta is None:
            return out
        for box in _children(self.meta, "proprietary"):
            for el in box:
                if not isinstance(el.tag, str) or etree.QName(el).namespace != VERBALE_NS:
                    continue
                name, data = etree.QName(el).localname, _json(el.text)
                if data is None:
                    continue
                if name == "source":
                    out["source"] = from_dict(Source, data)
                elif name == "circulation":
                    out["circulation"] = from_dict(Circulation, data)
                elif name == "citedSymbols":
                    out["cited_symbols"] = tuple(data)
                elif name == "link":
                    out.setdefault("links", []).append(from_dict(Link, data))
                elif name == "warning":
                    out.setdefault("warnings", []).append(from_dict(Warning, data))
                elif name == "section":
                    out.setdefault("section", []).append(from_dict(Section, data))
                elif name in _RECORDS:
                    out.setdefault(name, []).append(from_dict(_RECORDS[name], data))
        for name in ("links", "warnings"):
            if name in out:
                out[name] = tuple(out[name])
        return out


def from_akn(xml: str | bytes) -> Document:
    """Read an Akoma Ntoso document back into the verbale model.

    Raises :class:`verbale.errors.InputError` for XML that is not well formed
    or not Akoma Ntoso 3.0.
    """
    root = parse_xml(xml)
    size = len(xml.encode("utf-8") if isinstance(xml, str) else xml)
    doc = Reader(root, size).document()
    if doc.source.format == "akn" and not doc.source.sha256:
        raw = xml.encode("utf-8") if isinstance(xml, str) else xml
        doc = replace(doc, source=replace(doc.source, sha256=hashlib.sha256(raw).hexdigest()))
    return doc
