"""Resolve short forms to the references they stand for.

Three short forms occur in UN footnotes and in the sources they quote:

* ``Ibid.`` (also ``Id.``), with or without a new locator, stands for the
  source cited just before (Editorial Manual, repeated references);
* ``see note 3`` / ``See footnote 3 above`` stands for what note 3 cites;
* ``Parish at 91`` names an earlier source by its author or short title.

A resolved reference takes the type and fields of the one it stands for, its
own locator, and ``fields["resolved_from"]``: the id it was resolved to. One
that cannot be resolved keeps its type (``ibid``, ``cross_reference``,
``short_form``).

>>> from verbale.model import Reference
>>> refs = [Reference("r1", "un_document", "A/75/10, para. 30", {"paragraph": "30"}, ("A/75/10",)),
...         Reference("r2", "ibid", "Ibid., para. 31", {"ibid": True, "paragraph": "31"})]
>>> r = resolve_references(refs)[1]
>>> r.type, r.symbols, r.fields["paragraph"], r.fields["resolved_from"]
('un_document', ('A/75/10',), '31', 'r1')
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from ..model import Footnote, Reference

SHORT_TYPES = frozenset({"ibid", "cross_reference", "short_form"})
# Locator fields: what a short form may change without changing the source.
LOCATOR_KEYS = frozenset(
    {
        "pinpoint",
        "pinpoint_page",
        "paragraph",
        "annex",
        "chapter",
        "section",
        "article",
        "description",
    }
)
# Fields of a short form itself that the resolved reference does not keep.
_OWN_KEYS = frozenset({"ibid", "note", "notes", "short_title"})
_UNSOURCED = frozenset({"note", "unknown"})


def resolve_references(
    refs: Sequence[Reference], footnotes: Iterable[Footnote] = ()
) -> tuple[Reference, ...]:
    """Replace ibid., note cross-references and short titles by what they stand for.

    ``refs`` are in reading order with their ids set; ``footnotes`` tells which
    footnote a marker such as "3" names. A cross-reference to a note that
    cites two sources becomes two references, with ids ``r7``, ``r7.2``;
    callers number them again if they need a plain sequence.
    """
    by_marker = {f.marker: f.id for f in footnotes}
    by_note: dict[str, list[Reference]] = {}
    for r in refs:
        if r.footnote and r.type not in _UNSOURCED | SHORT_TYPES:
            by_note.setdefault(r.footnote, []).append(r)
    out: list[Reference] = []
    for r in refs:
        if r.type == "ibid":
            ante = _last_source(out, in_notes=r.footnote is not None)
            out.append(_merge(r, ante) if ante else r)
        elif r.type == "cross_reference":
            targets = by_note.get(by_marker.get(r.fields.get("note", ""), ""), [])
            if not targets:  # notes numbered but not given: the marker is the note's number
                targets = by_note.get(f"fn{r.fields.get('note')}", []) if not by_marker else []
            out += _expand(r, targets)
        elif r.type == "short_form":
            ante = _named(out, r.fields.get("short_title", ""))
            out.append(_merge(r, ante) if ante else r)
        else:
            out.append(r)
    return tuple(out)


def _last_source(done: list[Reference], in_notes: bool) -> Reference | None:
    # "Ibid." in a note names the source of the note before, not a symbol
    # cited in the body in between.
    for r in reversed(done):
        if in_notes and r.footnote is None:
            continue
        # An unknown source is still the source "Ibid." repeats; commentary is not.
        if r.type != "note" and r.type not in SHORT_TYPES:
            return r
    return None


def _named(done: list[Reference], name: str) -> Reference | None:
    if not name:
        return None
    word = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    for r in reversed(done):
        if r.type != "note" and r.type not in SHORT_TYPES and word.search(r.text):
            return r
    return None


def _merge(short: Reference, ante: Reference) -> Reference:
    own = {k: v for k, v in short.fields.items() if k not in _OWN_KEYS}
    base = {k: v for k, v in ante.fields.items() if k not in LOCATOR_KEYS and k != "resolved_from"}
    # A new volume, number or session names another item of the same series
    # (another treaty in the Treaty Series): the old title no longer applies.
    if any(k in own for k in ("volume", "number", "session", "supplement")) or short.symbols:
        base.pop("title", None)
    fields = {**base, **own, "resolved_from": ante.id}
    return dataclasses.replace(
        short,
        type=ante.type,
        fields=fields,
        symbols=short.symbols or ante.symbols,
        url=short.url or ante.url,
    )


def _expand(xref: Reference, targets: list[Reference]) -> list[Reference]:
    if not targets:
        return [xref]
    out = []
    for i, t in enumerate(targets):
        merged = _merge(xref, t)
        if i:
            merged = dataclasses.replace(merged, id=f"{xref.id}.{i + 1}")
        out.append(merged)
    return out
