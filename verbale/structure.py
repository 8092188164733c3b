"""Assemble the document's structure from block drafts and notes.

Gives the final blocks (ids, clean text, markers linked to footnotes),
footnotes linked back to their blocks, sections (main text and annexes),
signature blocks, the circulation request and link targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import formulas
from .blocks import ANNEX, SIGNED, BlockDraft, block_boxes
from .layout import PageParts
from .masthead import ORGAN_NAMES
from .model import Block, Box, Circulation, Footnote, Link, Marker, Section, Signature
from .notes import NoteDraft, Placement
from .readers.lines import Line
from .symbols import symbol_from_url
from .textjoin import clean_line, join_lines, normalize_spaces

CIRCULATION = re.compile(
    r"(?:circulat|distribut|issu)\w*\b.{0,200}?\bdocuments?\s+of\s+(?:the\b|\d{4} session)", re.I | re.S)
_AGENDA_IN_TEXT = re.compile(
    r"(?:agenda )?items?\s+((?:\d{1,3}(?:\s*\([a-z]{1,2}\))?(?:,\s*|\s+and\s+)?)+)", re.I
)
# "[Original: Arabic]" over a translated annex; "[Original : anglais]", "[Original: inglés]".
_ORIGINAL = re.compile(r"^\[\s*Original\s*:\s*([A-Za-zÀ-ÿ]+)\s*\]$")
# Lines under "(Signed) Name" that are this short are the signatory's titles.
SIGNATURE_LINE_MAX = 70


@dataclass(frozen=True)
class Structure:
    blocks: tuple[Block, ...]
    footnotes: tuple[Footnote, ...]
    signatures: tuple[Signature, ...]
    circulation: Circulation | None
    sections: tuple[Section, ...]
    links: tuple[Link, ...]


def lines_text(lines: list[Line]) -> str:
    """Clean text of a run of lines (hyphenation undone)."""
    return join_lines([clean_line(ln.text) for ln in lines])[0]


def assemble(title_lines: list[Line], drafts: list[BlockDraft], notes: list[NoteDraft],
             placements: list[Placement], parts: list[PageParts],
             organs: tuple[str, ...] = ()) -> Structure:
    drafts = _merge_signatures(drafts)
    if title_lines:
        drafts = [BlockDraft(list(title_lines), "title"), *drafts]
    by_line: dict[int, list[Placement]] = {}
    for p in placements:
        by_line.setdefault(id(p.line), []).append(p)
    note_ids = [f"fn{i}" for i in range(1, len(notes) + 1)]

    blocks: list[Block] = []
    sections: list[Section] = []
    note_block: dict[int, str] = {}
    signatures: list[Signature] = []
    section_id = None
    for draft in drafts:
        if draft.kind == "annex_heading" or section_id is None:
            section = _section(draft, len(sections) + 1, f"b{len(blocks) + 1}")
            sections.append(section)
            section_id = section.id
        if original := _ORIGINAL.match(draft.first.text.strip()):
            sections[-1] = replace(sections[-1], original_language=formulas.language_name(original.group(1)))
            continue
        block = _block(draft, f"b{len(blocks) + 1}", section_id, by_line, note_ids)
        for m in block.markers:
            note_block.setdefault(note_ids.index(m.footnote), block.id)
        blocks.append(block)
        if draft.kind == "signature":
            signatures.extend(_signatures(draft, block.id))

    links = _links(parts, notes, note_ids, blocks)
    footnotes = tuple(
        Footnote(note_ids[i], n.marker, n.text, n.page, note_block.get(i),
                 tuple(lk.url for lk in links if lk.footnote == note_ids[i]), n.box)
        for i, n in enumerate(notes)
    )
    return Structure(tuple(blocks), footnotes, tuple(signatures), _circulation(blocks, organs),
                     tuple(sections), tuple(links))


def _block(draft: BlockDraft, block_id: str, section: str, by_line, note_ids) -> Block:
    texts: list[str] = []
    marks: list[tuple[int, int, Placement]] = []  # (line index, offset in line, placement)
    for i, line in enumerate(draft.lines):
        text, offsets = _strip_markers(line.text, by_line.get(id(line), []))
        texts.append(text)
        marks.extend((i, off, p) for off, p in offsets)
    joined, starts = join_lines(texts)
    markers = tuple(
        Marker(p.line.text[p.start:p.end].strip(), min(starts[i] + off, len(joined)), p.line.page,
               note_ids[p.note], _marker_box(p))
        for i, off, p in marks
    )
    pages = tuple(sorted({ln.page for ln in draft.lines}))
    return Block(block_id, draft.kind, joined, pages[0], pages, section, draft.number, markers,
                 block_boxes(draft))


def _marker_box(p: Placement) -> Box | None:
    """The indicator's own glyph box where the PDF gave one, else its line's."""
    spans = p.line.superscripts
    if (p.start, p.end) in spans and len(p.line.superscript_boxes) == len(spans):
        return p.line.superscript_boxes[spans.index((p.start, p.end))]
    return p.line.box


def _strip_markers(raw: str, placed: list[Placement]) -> tuple[str, list[tuple[int, Placement]]]:
    """Remove indicators from a line; return the clean line and each offset."""
    kept = ""
    offsets = []
    pos = 0
    for p in sorted(placed, key=lambda p: p.start):
        kept += raw[pos:p.start]
        offsets.append((len(normalize_spaces(kept).lstrip()), p))
        pos = p.end
    kept += raw[pos:]
    clean = clean_line(kept)
    return clean, [(min(off, len(clean)), p) for off, p in offsets]


def _section(draft: BlockDraft, n: int, first_block: str) -> Section:
    if draft.kind != "annex_heading":
        return Section(f"s{n}", "main", "", "", None, first_block, draft.first.page)
    text = lines_text(draft.lines)
    m = ANNEX.match(text)
    label = " ".join(x for x in m.groups() if x) if m else text
    kind = formulas.SECTION_KINDS.get(m.group(1).lower(), "annex") if m else "annex"
    return Section(f"s{n}", kind, text, label, None, first_block,
                   draft.first.page)


def _merge_signatures(drafts: list[BlockDraft]) -> list[BlockDraft]:
    """Attach the short title lines under a "(Signed)" line to its block."""
    out: list[BlockDraft] = []
    for draft in drafts:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "signature" and draft.kind not in ("signature", "annex_heading")
                and all(_is_title_line(ln.text) for ln in draft.lines)):
            prev.lines.extend(draft.lines)
            continue
        out.append(draft)
    return out


def _is_title_line(text: str) -> bool:
    return len(text) <= SIGNATURE_LINE_MAX and not text.rstrip().endswith((".", ";", ":"))


def _signatures(draft: BlockDraft, block_id: str) -> list[Signature]:
    """Signatories of a signature block: "(Signed) Name", then title lines.
    One line may name several signatories side by side."""
    out: list[list] = []
    for line in draft.lines:
        text = clean_line(line.text)
        if SIGNED.match(text):
            names = [n.strip() for n in formulas.SIGNED_MARK.split(text) if n.strip()]
            out.extend([name, []] for name in names)
        elif out and out[-1][1] and text[:1].islower():
            out[-1][1][-1] += " " + text  # a title wrapped over two lines: "… of the Sudan"
        elif out:
            out[-1][1].append(text)
    return [Signature(name, ", ".join(titles), block_id, tuple([name, *titles])) for name, titles in out]


# An organ's full name in any masthead language, or a short form ("the Council", "du Conseil").
_ORGAN_OR_SHORT = re.compile(
    "|".join(re.escape(name) for name in sorted(ORGAN_NAMES, key=len, reverse=True))
    + "|" + formulas.SHORT_ORGAN.pattern + r"|\bthe (Assembly|Council)\b")
_SHORT_WORDS = {**formulas.SHORT_ORGAN_WORDS, "Assembly": "Assembly", "Council": "Council"}
# The request to circulate the letter, and the agenda items it names: English,
# then French and Spanish.
_REQUESTS = ((CIRCULATION, _AGENDA_IN_TEXT), (formulas.CIRCULATION, formulas.AGENDA_IN_TEXT))


def _organs_named(text: str, known: tuple[str, ...]) -> list[str]:
    """Organs named in a circulation request, in English ("of the General
    Assembly", "de l'Assemblée générale", "del Consejo de Seguridad"); short
    forms ("the Council", "et du Conseil") resolved against the organs of the
    document's masthead."""
    out: list[str] = []
    for found in _ORGAN_OR_SHORT.finditer(text):
        name = ORGAN_NAMES.get(found.group(0))
        if name is None:
            word = _SHORT_WORDS[next(g for g in found.groups() if g)]
            matches = [o for o in known if o.endswith(word)] or (
                ["General Assembly"] if word == "Assembly" else [])  # the one Assembly
            name = matches[0] if len(matches) == 1 else None
        if name and name not in out:
            out.append(name)
    return out


def _circulation(blocks: list[Block], block_organs: tuple[str, ...] = ()) -> Circulation | None:
    # The request belongs to the letter itself: search the main text only.
    main = [b for b in blocks if b.section == blocks[0].section] if blocks else []
    for block in reversed(main):
        for request, agenda in _REQUESTS:
            if m := request.search(block.text):
                tail = block.text[m.start():]
                items = [item for found in agenda.finditer(tail) for item in formulas.agenda_items(found.group(1))]
                return Circulation(tuple(_organs_named(tail, block_organs)), tuple(items), block.id, block.text)
    return None


def _links(parts: list[PageParts], notes: list[NoteDraft], note_ids: list[str],
           blocks: list[Block]) -> list[Link]:
    """Attach each link target to the note (or block) it belongs to."""
    out = []
    for part in parts:
        page_notes = [i for i, n in enumerate(notes) if n.page == part.number]
        for raw in part.links:
            note = _note_for_link(raw, page_notes, notes)
            block = None
            if note is None:
                block = _block_for_link(raw, blocks)
            out.append(Link(raw.url, raw.page, note_ids[note] if note is not None else None,
                            block, raw.box))
    return out


def _note_for_link(raw, page_notes: list[int], notes: list[NoteDraft]) -> int | None:
    if raw.box is not None:
        cx, cy = (raw.box.x0 + raw.box.x1) / 2, (raw.box.top + raw.box.bottom) / 2
        for i in page_notes:
            for ln in notes[i].lines:
                b = ln.box
                if b and b.x0 - 2 <= cx <= b.x1 + 2 and b.top - 2 <= cy <= b.bottom + 2:
                    return i
        return None
    target = (symbol_from_url(raw.url) or "").replace(" ", "")
    for i in page_notes:
        if target and target in notes[i].text.replace(" ", ""):
            return i
    return None


def _block_for_link(raw, blocks: list[Block]) -> str | None:
    if raw.box is None:
        return None
    cx, cy = (raw.box.x0 + raw.box.x1) / 2, (raw.box.top + raw.box.bottom) / 2
    for block in blocks:
        for page, b in block.boxes:
            if page == raw.page and b.x0 - 2 <= cx <= b.x1 + 2 and b.top - 2 <= cy <= b.bottom + 2:
                return block.id
    return None
