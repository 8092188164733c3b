"""Print, for every document of the shared corpus, the structure counts that
matter, as a table that can be diffed between two commits.

    python scripts/quality_report.py > before.tsv   # on main
    python scripts/quality_report.py > after.tsv    # on the branch
    diff before.tsv after.tsv
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

from verbale import VerbaleError, parse

KINDS = ("paragraph", "numbered_paragraph", "operative_paragraph", "preambular_paragraph",
         "list_item", "quotation", "heading", "annex_heading", "signature", "title", "toc_entry",
         "figure")
COLUMNS = ("file", "pages", "symbols", "date", *KINDS, "footnotes", "unlinked_notes",
           "orphan_markers", "signatures", "agenda", "circulation", "sections", "links", "warnings")


def corpus_files(shared: Path) -> list[Path]:
    """The corpus PDFs and texts, and the seed, in a stable order."""
    return sorted((shared / "corpus" / "pdf").glob("*.pdf")) + sorted(
        (shared / "corpus" / "txt").glob("*.txt")) + sorted((shared / "seed").glob("*.txt"))


def row(path: Path) -> list[str]:
    """The report's columns for one document."""
    try:
        doc = parse(path)
    except VerbaleError as exc:
        return [path.name, f"error: {type(exc).__name__}"] + [""] * (len(COLUMNS) - 2)
    except Exception as exc:  # a bug: show it in the report, go on with the rest
        return [path.name, f"CRASH: {type(exc).__name__}: {exc}"] + [""] * (len(COLUMNS) - 2)
    kinds = Counter(b.kind for b in doc.blocks)
    codes = Counter(w.code for w in doc.warnings)
    circ = doc.circulation
    return [
        path.name, str(doc.source.pages), " ".join(doc.symbols), doc.date or "",
        *(str(kinds.get(k, 0)) for k in KINDS),
        str(len(doc.footnotes)), str(codes.get("note_without_marker", 0)),
        str(codes.get("marker_without_note", 0)), str(len(doc.signatures)),
        ",".join(doc.agenda_items), ",".join(circ.agenda_items) if circ else "-",
        str(len(doc.sections)), str(len(doc.links)), str(len(doc.warnings)),
    ]


def main() -> None:
    shared = Path(os.environ.get("VERBALE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    if not shared.is_dir():
        sys.exit(f"shared folder not found: {shared} (set VERBALE_SHARED)")
    print("\t".join(COLUMNS))
    for path in corpus_files(shared):
        print("\t".join(row(path)))


if __name__ == "__main__":
    main()
