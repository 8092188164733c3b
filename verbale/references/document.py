"""References of a whole document: every footnote and every inline citation."""

from __future__ import annotations

import dataclasses
import re

from .. import symbols as S
from ..model import Document, Reference
from .interpret import Draft, inline, scan
from .note import note_drafts, to_reference
from .resolve import resolve_references

_LANGS = frozenset({"ar", "zh", "en", "fr", "ru", "es"})
_LAST = 10**9


def extract_references(doc: Document) -> tuple[tuple[Reference, ...], tuple[str, ...]]:
    """Every reference of ``doc`` in reading order, and every UN symbol it cites.

    References come from each footnote (``footnote`` set) and from the UN
    symbols and resolution citations in the body (``block`` set). Ids run
    ``r1``, ``r2``… in reading order: a footnote's references come where its
    indicator stands. A UN symbol's ``url`` is the link the document itself
    gives for it in that footnote when there is one, else its undocs.org
    address. "Ibid." and "see note 3" are resolved.

    The second value lists every UN symbol mentioned anywhere (body,
    footnotes, resolution citations), normalized, joint symbols split, in
    order of first mention, without the document's own symbols.
    """
    lang = doc.language if doc.language in _LANGS else "en"
    own = _own_symbols(doc)
    items: list[tuple[tuple, Draft, str, str | None, str | None, tuple[str, ...]]] = []
    mentions: list[tuple[tuple, tuple[str, ...]]] = []
    for bi, block in enumerate(doc.blocks):
        anchors = scan(block.text, lang)
        mentions += [((bi, a.start, 0, 0, 0), a.symbols) for a in anchors.un]
        for d in inline(block.text, anchors.un, len(block.text)):
            if d.symbols and {_key(s) for s in d.symbols} <= own:
                continue
            items.append(((bi, d.start, 0, 0, 0), d, block.text, None, block.id, ()))
    places = _note_places(doc)
    for fi, note in enumerate(doc.footnotes):
        bi, offset = places[note.id]
        anchors = scan(note.text, lang)
        mentions += [((bi, offset, 1, fi, a.start), a.symbols) for a in anchors.un]
        links = tuple(note.links) + tuple(ln.url for ln in doc.links if ln.footnote == note.id)
        for d in note_drafts(note.text, anchors):
            items.append(((bi, offset, 1, fi, d.start), d, note.text, note.id, None, links))
    items.sort(key=lambda item: item[0])
    refs = []
    for i, (_, d, text, fid, bid, links) in enumerate(items, 1):
        ref = to_reference(d, text, f"r{i}", footnote=fid, block=bid)
        refs.append(_prefer_link(ref, links))
    resolved = _renumber(resolve_references(refs, doc.footnotes))
    return resolved, _cited(mentions, own)


def _own_symbols(doc: Document) -> frozenset[str]:
    own = set()
    for text in doc.symbols:
        for part in S.split_joint(text) or [text]:
            parsed = S.parse_symbol(part)
            own.add(_key(parsed.text if parsed else part))
    return frozenset(own)


def _key(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol).upper()


def _note_places(doc: Document) -> dict[str, tuple[int, int]]:
    """Where each footnote's references go in reading order: (block index, offset).

    A note goes where its indicator stands. Notes are numbered in reading
    order, so a note whose indicator was not found goes right after the note
    before it, and one whose indicator seems to stand earlier than the note
    before it is moved after that note: footnote order is never broken.
    """
    index = {b.id: i for i, b in enumerate(doc.blocks)}
    marked: dict[str, tuple[int, int]] = {}
    for bi, block in enumerate(doc.blocks):
        for m in block.markers:
            if m.footnote and m.footnote not in marked:
                marked[m.footnote] = (bi, m.offset)
    places: dict[str, tuple[int, int]] = {}
    last = (-1, 0)
    for note in doc.footnotes:
        place = marked.get(note.id)
        if place is None and note.block in index:
            place = (index[note.block], _LAST)
        if place is None or place < last:
            place = last
        places[note.id] = last = place
    return places


def _prefer_link(ref: Reference, links: tuple[str, ...]) -> Reference:
    if not ref.symbols or not links:
        return ref
    wanted = _key(ref.symbols[0])
    for link in links:
        symbol = S.symbol_from_url(link)
        if symbol and _key(symbol) == wanted:
            return dataclasses.replace(ref, url=link)
    return ref


def _renumber(refs: tuple[Reference, ...]) -> tuple[Reference, ...]:
    new_ids = {r.id: f"r{i}" for i, r in enumerate(refs, 1)}
    out = []
    for r in refs:
        fields = r.fields
        if "resolved_from" in fields:
            fields = {
                **fields,
                "resolved_from": new_ids.get(fields["resolved_from"], fields["resolved_from"]),
            }
        out.append(dataclasses.replace(r, id=new_ids[r.id], fields=fields))
    return tuple(out)


def _cited(mentions, own: frozenset[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for _, symbols in sorted(mentions, key=lambda m: m[0]):
        for s in symbols:
            k = _key(s)
            if k not in own and k not in seen:
                seen[k] = s
    return tuple(seen.values())
