"""Render a document as reading text or Markdown, notes as ``[^n]`` markers.

>>> print(to_text(parse("samples/letter.txt")))   # doctest: +SKIP
"""

from __future__ import annotations

import json

from .model import Block, Document

_HEADINGS = {"title": "# ", "annex_heading": "## ", "heading": "### "}


def with_markers(block: Block) -> str:
    """The block's text with each note indicator put back as ``[^marker]``."""
    text = block.text
    for m in sorted(block.markers, key=lambda m: m.offset, reverse=True):
        text = text[: m.offset] + f"[^{m.marker}]" + text[m.offset:]
    return text


def to_text(doc: Document) -> str:
    """Clean reading text: one block per paragraph, notes after each section."""
    out = []
    for block in doc.blocks:
        out.append(with_markers(block))
    if doc.footnotes:
        out.append("")
        out.extend(f"[^{f.marker}]: {f.text}" for f in doc.footnotes)
    return "\n\n".join(out) + "\n"


def to_markdown(doc: Document) -> str:
    """Markdown with the masthead as a table, headings, quotations and notes."""
    out = []
    if doc.symbols:
        out.append("| field | value |\n|---|---|")
        rows = [("Symbols", ", ".join(doc.symbols)), ("Date", doc.date or ""),
                ("Organs", ", ".join(doc.organs)), ("Agenda items", ", ".join(doc.agenda_items))]
        out[-1] += "".join(f"\n| {k} | {_cell(v)} |" for k, v in rows if v)
    for block in doc.blocks:
        text = _escape(with_markers(block))
        if block.kind in _HEADINGS:
            out.append(_HEADINGS[block.kind] + text)
        elif block.kind == "quotation":
            out.append("> " + text)
        elif block.kind == "signature":
            sig = [s for s in doc.signatures if s.block == block.id]
            out.append("  \n".join(f"(Signed) {s.name}" + (f"  \n{s.title}" if s.title else "")
                                    for s in sig) or text)
        else:
            out.append(text)
    # Markdown note labels must be unique: several notes may share "*" or restart at 1.
    labels = {f.id: f.marker for f in doc.footnotes}
    if len(set(labels.values())) < len(labels):
        labels = {f.id: f.id for f in doc.footnotes}
    out.extend(f"[^{labels[f.id]}]: {_escape(f.text)}" for f in doc.footnotes)
    return "\n\n".join(out) + "\n"


def to_json(doc: Document, indent: int | None = 2) -> str:
    """The document's public JSON (see verbale/schema/document.schema.json)."""
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=indent)


def _akn(doc: Document) -> str:
    from .akn import to_akn  # lxml only when someone asks for AKN

    return to_akn(doc)


def _csl(doc: Document) -> str:
    from .citations import to_csl_json

    return json.dumps(to_csl_json(doc), ensure_ascii=False, indent=2)


def _bibtex(doc: Document) -> str:
    from .citations import to_bibtex

    return to_bibtex(doc)


# One document in each exchange format (the CLI's export and the web's downloads).
EXPORTERS = {"akn": _akn, "json": to_json, "csl": _csl, "bibtex": _bibtex}


def _escape(text: str) -> str:
    # Document text must not turn into markup: escape what Markdown would read.
    return text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    return _escape(text).replace("|", "\\|")
