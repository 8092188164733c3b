"""parse(): read a UN document (PDF or text export) into a :class:`Document`.

The stages, each in its own module:

    readers (pdf | text) -> pages of lines
    layout               -> furniture removed; body and note lines per page
    masthead             -> symbols, date, organs, agenda, title
    notes                -> footnotes and the place of each indicator
    blocks               -> body blocks in reading order, with their kinds
    structure            -> sections, signatures, circulation, links
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

from . import structure
from .blocks import classify, segment
from .endnotes import split_endnotes
from .errors import (
    EmptyInputError,
    NotFoundError,
    ParseError,
    TooLarge,
    UnsupportedFormat,
    VerbaleError,
)
from .geometry import measure
from .layout import body_font_size, split_pages
from .masthead import doc_type, read_masthead, title_parts
from .model import Document, Source, Warning
from .notes import place_markers, read_notes
from .readers.pdf import read_pdf
from .readers.text import decode, read_text

# Larger inputs are refused rather than read into memory (bytes).
MAX_BYTES = 200 * 1024 * 1024


def parse(source: str | os.PathLike | bytes, *, name: str | None = None,
          max_bytes: int = MAX_BYTES) -> Document:
    """Parse a PDF or a plain-text export of a UN document.

    ``source`` is a path or the file's bytes (then ``name`` labels it).

    >>> doc = parse("samples/letter.pdf")          # doctest: +SKIP
    >>> doc.symbols, doc.date                      # doctest: +SKIP
    (('A/99/123', 'S/2099/45'), '2099-03-12')
    """
    data, label = _load(source, name, max_bytes)
    warnings: list[Warning] = []
    if data.lstrip()[:5] == b"%PDF-" or data[:1024].find(b"%PDF-") >= 0:
        fmt = "pdf"
        pages, read_warnings = read_pdf(data)
    else:
        if _looks_binary(data):
            raise UnsupportedFormat(f"{label} is neither a PDF nor text")
        fmt = "text"
        text, warnings = decode(data)
        pages, read_warnings = read_text(text)
    warnings.extend(read_warnings)
    source_record = Source(label, fmt, hashlib.sha256(data).hexdigest(), len(pages), len(data))
    try:
        return _build(pages, source_record, warnings)
    except VerbaleError:
        raise
    except Exception as exc:  # a bug: name the file, keep the message one line
        raise ParseError(f"{label}: internal error ({type(exc).__name__}: {exc}); please report it") from exc


def _load(source, name: str | None, max_bytes: int) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray)):
        data, label = bytes(source), name or "<bytes>"
    else:
        path = Path(source)
        label = name or str(path)
        if not path.is_file():
            raise NotFoundError(f"{label}: no such file")
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(f"{label} is {size // 2**20} MiB, above the {max_bytes // 2**20} MiB limit")
        data = path.read_bytes()
    if len(data) > max_bytes:
        raise TooLarge(f"{label} is above the {max_bytes // 2**20} MiB limit")
    if not data.strip():
        raise EmptyInputError(f"{label} is empty")
    return data, label


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if sample[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 and b != 12 and b != 27)
    return controls > len(sample) * 0.05


def _build(pages, source: Source, warnings: list[Warning]) -> Document:
    parts = split_pages(pages)
    if not parts:
        raise EmptyInputError(f"{source.path} holds no text")
    if source.format == "text":
        source = replace(source, pages=max(p.number for p in parts))
    size = body_font_size(pages)
    first = list(parts[0].body)
    head = read_masthead(first, list(pages[0].lines), size)
    if not head.symbols:
        warnings.append(Warning("no_masthead", "no masthead with a document symbol on page 1"))
    parts, endnote_parts = split_endnotes(parts)
    notes = read_notes(parts) + read_notes(endnote_parts, endnotes=True)
    placements, note_warnings = place_markers(parts, notes)
    warnings.extend(note_warnings)

    skip = {id(ln) for ln in [*first[: head.body_start], *head.zone]}
    body = [ln for part in parts for ln in part.body if id(ln) not in skip]
    geo = measure(body or head.title_lines)
    title_text = structure.lines_text(head.title_lines)
    kind = doc_type(title_text, head.symbols)
    drafts = segment(body, geo)
    drafts = [classify(d, geo, kind in ("resolution", "draft resolution")) for d in drafts]
    sender, addressees = title_parts(title_text) if title_text else (None, [])
    result = structure.assemble(
        title_lines=head.title_lines,
        drafts=drafts, notes=notes, placements=placements, parts=parts, organs=tuple(head.organs),
    )
    return Document(
        source=source,
        symbols=tuple(head.symbols),
        date=head.date,
        distribution=head.distribution,
        original_language=head.original_language,
        language=head.language,
        organs=tuple(head.organs),
        sessions=tuple(head.sessions),
        agenda_items=tuple(head.agenda_items),
        agenda_titles=tuple(head.agenda_titles),
        doc_type=kind,
        title=title_text or None,
        addressees=tuple(addressees),
        sender=sender,
        job_number=head.job_number,
        blocks=result.blocks,
        footnotes=result.footnotes,
        signatures=result.signatures,
        circulation=result.circulation,
        sections=result.sections,
        links=result.links,
        warnings=tuple(warnings),
    )
