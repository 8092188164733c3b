"""XML helpers of the AKN writer: names, escaping, TLC entries, indentation."""

from __future__ import annotations

import json
from typing import Any, Optional

from lxml import etree

from .inline import Ids
from .names import AKN_NS, VERBALE_NS, camel_id, xml_safe

TLC_TAGS = {"person": "TLCPerson", "organization": "TLCOrganization", "location": "TLCLocation",
            "role": "TLCRole", "concept": "TLCConcept", "reference": "TLCReference"}


def A(name: str) -> str:
    """Clark name of an AKN element."""
    return f"{{{AKN_NS}}}{name}"


def V(name: str) -> str:
    """Clark name of a verbale attribute or element."""
    return f"{{{VERBALE_NS}}}{name}"


def dumps(value: Any) -> str:
    """Compact JSON for attributes and proprietary data (keys keep their order)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def sub(parent: etree._Element, tag: str, attrs: Optional[dict] = None,
        text: Optional[str] = None) -> etree._Element:
    """Append an AKN element; None-valued attributes are left out, all values escaped."""
    clean = {k: xml_safe(str(v)) for k, v in (attrs or {}).items() if v is not None}
    el = etree.SubElement(parent, A(tag) if "}" not in tag else tag, clean)
    if text:
        el.text = xml_safe(text)
    return el


def local_name(element: etree._Element) -> str:
    return etree.QName(element).localname


class Tlc:
    """The TLC entries of ``meta/references``, created as the text uses them."""

    def __init__(self, ids: Ids) -> None:
        self.ids = ids
        self.entries: dict[tuple[str, str], tuple[str, Optional[str]]] = {}

    def ref(self, kind: str, show: str, name: Optional[str] = None, eid: str = "") -> str:
        """``#eId`` of the entry for ``show`` (created on first use)."""
        key = (kind, show)
        if key not in self.entries:
            base = eid or camel_id(show) or kind
            if base[0].isdigit():
                base = kind + base
            self.entries[key] = (self.ids.claim(base), name)
        return "#" + self.entries[key][0]

    def write(self, parent: etree._Element) -> None:
        for (kind, show), (eid, name) in self.entries.items():
            sub(parent, TLC_TAGS[kind], {"eId": eid, "href": f"/ontology/{kind}/un/{eid}",
                                         "showAs": show, "name": name})


_STRUCTURAL = frozenset({
    "akomaNtoso", "doc", "statement", "meta", "identification", "FRBRWork", "FRBRExpression",
    "FRBRManifestation", "references", "notes", "proprietary", "preface", "container",
    "longTitle", "preamble", "mainBody", "conclusions", "attachments", "attachment", "paragraph",
    "content", "blockList", "item", "hcontainer", "blockContainer",
})


def indent(element: etree._Element, level: int = 0) -> None:
    """Indent structural elements only: whitespace inside ``p`` or a heading
    would become part of the text."""
    if local_name(element) not in _STRUCTURAL or not len(element) or \
            (element.text and element.text.strip()):
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in element:
        if isinstance(child.tag, str):
            indent(child, level + 1)
        child.tail = pad
    element[-1].tail = "\n" + "  " * level
