"""Text with notes and spans <-> AKN mixed content, losslessly.

A block's text stays exactly as it is: inline elements (``ref``, ``quantity``,
``embeddedText``, ``person`` …) only wrap ranges of it, and notes sit at their
offsets as ``authorialNote`` elements whose own text is not part of the block's.
Reading back walks the element in document order and counts characters, so
every offset comes back the same.

Example:
    >>> from lxml import etree
    >>> p = etree.Element("p")
    >>> fill(p, "See A/1.", [Span(4, 7, "ref", {"href": "x"})], [])
    []
    >>> etree.tostring(p, encoding="unicode")
    '<p>See <ref href="x">A/1</ref>.</p>'
    >>> text, spans, points = read(p)
    >>> text, [(s.tag, s.start, s.end) for s in spans]
    ('See A/1.', [('ref', 4, 7)])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from lxml import etree

from .names import xml_safe

# Elements whose content is not part of the surrounding text.
POINT_TAGS = frozenset({"authorialNote", "noteRef", "eol", "eop"})


@dataclass
class Span:
    """A range of the text to wrap in one element (``tag`` is a local name)."""

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    rank: int = 5  # among equal ranges, lower ranks wrap higher ones
    payload: object = None  # what the caller wants back when the span is dropped
    eid: bool = True  # give the element an eId
    children: list["Span"] = field(default_factory=list, repr=False)


@dataclass
class Point:
    """Something placed at an offset without text of its own (a note)."""

    offset: int
    build: Callable[[etree._Element, str], None]  # (parent, eId prefix): append the element


@dataclass
class ReadSpan:
    """An element found while reading, with the text range it covers."""

    element: etree._Element
    tag: str
    start: int
    end: int


def local(tag) -> str:
    """Local name of an element tag (``{ns}p`` -> ``p``); "" for comments."""
    return etree.QName(tag).localname if isinstance(tag, str) else ""


class Ids:
    """eIds unique in the whole document, counted per parent and element name."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self._counts: dict[tuple[str, str], int] = {}

    def next(self, prefix: str, name: str) -> str:
        """``{prefix}__{name}_{n}`` with the next free n for that prefix and name."""
        key = (prefix, name)
        n = self._counts.get(key, 0)
        while True:
            n += 1
            eid = f"{prefix}__{name}_{n}" if prefix else f"{name}_{n}"
            if eid not in self.used:
                self._counts[key] = n
                self.used.add(eid)
                return eid

    def claim(self, wanted: str) -> str:
        """``wanted`` if free, else ``wanted_2``, ``wanted_3``…"""
        eid, k = wanted, 1
        while eid in self.used:
            k += 1
            eid = f"{wanted}_{k}"
        self.used.add(eid)
        return eid


def fill(parent: etree._Element, text: str, spans: list[Span], points: list[Point],
         *, ids: Optional[Ids] = None, make: Optional[Callable[..., etree._Element]] = None,
         ) -> list[Span]:
    """Write ``text`` into ``parent`` with ``spans`` wrapped and ``points`` inserted.

    Spans that cross another span (neither inside the other) or fall outside
    the text cannot nest and are returned unwritten; everything else is
    written. ``make(parent, tag, attrs)`` appends a child element to
    ``parent`` (default: ``etree.SubElement``, no namespace).
    """
    make = make or etree.SubElement
    dropped: list[Span] = []
    root = Span(0, len(text), "", rank=-1)
    stack = [root]
    ordered = sorted(enumerate(spans), key=lambda p: (p[1].start, -p[1].end, p[1].rank, p[0]))
    for _, span in ordered:
        span.children = []
        if not 0 <= span.start <= span.end <= len(text):
            dropped.append(span)
            continue
        while not (stack[-1].start <= span.start and span.end <= stack[-1].end):
            stack.pop()
        siblings = stack[-1].children
        if siblings and siblings[-1].start < span.start < siblings[-1].end:
            dropped.append(span)  # crosses the end of its previous sibling
            continue
        siblings.append(span)
        stack.append(span)
    prefix = parent.get("eId", "")
    _emit(parent, root, text, sorted(points, key=lambda p: p.offset), ids, prefix, make)
    return dropped


def _emit(element, node: Span, text: str, points: list[Point], ids, prefix, make) -> None:
    cursor = node.start
    inside = [p for p in points if node.start < p.offset < node.end or
              (node.rank == -1 and p.offset in (node.start, node.end))]
    children = list(node.children)
    while children or inside:
        child = children[0] if children else None
        point = inside[0] if inside else None
        if point is not None and (child is None or point.offset <= child.start):
            _append(element, text[cursor:point.offset])
            cursor = point.offset
            point.build(element, prefix)
            inside.pop(0)
            continue
        children.pop(0)
        _append(element, text[cursor:child.start])
        attrs = {}
        if child.eid and ids is not None and prefix:
            attrs["eId"] = ids.next(prefix, child.tag)
        attrs.update((k, xml_safe(v)) for k, v in child.attrs.items())
        sub = make(element, child.tag, attrs)
        inner = [p for p in inside if child.start < p.offset < child.end]
        inside = [p for p in inside if p not in inner]
        _emit(sub, child, text, inner, ids, prefix, make)
        cursor = child.end
    _append(element, text[cursor:node.end])


def _append(element: etree._Element, piece: str) -> None:
    if not piece:
        return
    piece = xml_safe(piece)
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + piece
    else:
        element.text = (element.text or "") + piece


def read(element: etree._Element) -> tuple[str, list[ReadSpan], list[ReadSpan]]:
    """The text of ``element`` without note content, every inline element with
    its range, and every point element (notes) with its offset (start == end)."""
    out: list[str] = []
    spans: list[ReadSpan] = []
    points: list[ReadSpan] = []
    length = 0

    def walk(el) -> None:
        nonlocal length
        if el.text:
            out.append(el.text)
            length += len(el.text)
        for child in el:
            name = local(child.tag)
            if name in POINT_TAGS:
                points.append(ReadSpan(child, name, length, length))
            elif name:
                start = length
                walk(child)
                spans.append(ReadSpan(child, name, start, length))
            if child.tail:
                out.append(child.tail)
                length += len(child.tail)

    walk(element)
    spans.sort(key=lambda s: (s.start, -s.end))
    return "".join(out), spans, points
