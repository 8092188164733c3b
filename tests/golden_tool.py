"""Golden expectations: the structure of real documents, reviewed by eye.

Each file in ``tests/golden/`` records what ``verbale.parse`` must find in one
document of the shared corpus: masthead fields, the kind, pages, number and
notes of every block with a few words of anchor text at each end, footnotes,
signatures, the circulation request, sections and warning codes. It records
structure, not whole passages (style.md, practice 13).

Usage (from the repository root)::

    python tests/golden_tool.py                  # diff every golden against the parse
    python tests/golden_tool.py A_79_907         # diff one
    python tests/golden_tool.py --update NAME…   # rewrite (or create) these goldens
    python tests/golden_tool.py --update --all   # rewrite every golden

``--update`` keeps the hand-written value of every field listed in
``KNOWN_DEFECTS`` (tests/test_golden.py): there the golden holds the correct
expectation and the parser is known to be wrong. Pass ``--force`` to overwrite
those fields too. Review every rewritten golden by eye against the page images
(``pdftoppm -r 50 -png FILE OUT``) before committing it.

The shared folder is ``$VERBALE_SHARED``, else ``../shared`` next to the
repository.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
GOLDEN_DIR = Path(__file__).resolve().parent / "golden"

# Golden name -> path of the document, relative to the shared folder.
DOCUMENTS = {
    "seed_000_0fcf8cb0ed771c80": "seed/000_0fcf8cb0ed771c80.txt",
    "A_79_907": "corpus/pdf/A_79_907.en.pdf",
    "A_79_801": "corpus/pdf/A_79_801.en.pdf",
    "A_79_718": "corpus/pdf/A_79_718.en.pdf",
    "S_2025_524": "corpus/pdf/S_2025_524.en.pdf",
    "A_79_716": "corpus/pdf/A_79_716.en.pdf",
    "S_2025_29": "corpus/pdf/S_2025_29.en.pdf",
    "S_2025_402": "corpus/pdf/S_2025_402.en.pdf",
    "A_80_66": "corpus/pdf/A_80_66.en.pdf",
    "A_79_722": "corpus/pdf/A_79_722.en.pdf",
    "A_79_963": "corpus/pdf/A_79_963.en.pdf",
    "A_79_825": "corpus/pdf/A_79_825.en.pdf",
    "S_2025_492": "corpus/pdf/S_2025_492.en.pdf",
    "S_2025_153": "corpus/pdf/S_2025_153.en.pdf",
    "A_79_352": "corpus/pdf/A_79_352.en.pdf",
    "S_RES_2769_(2025)": "corpus/pdf/S_RES_2769_(2025).en.pdf",
    "A_RES_79_150": "corpus/pdf/A_RES_79_150.pdf",
    "A_C.3_80_L.43": "corpus/pdf/A_C.3_80_L.43.pdf",
    "A_39_361": "corpus/pdf/A_39_361.en.pdf",
    "A_56_509": "corpus/pdf/A_56_509.en.pdf",
    "S_RES_1445_2002_EN_GOLD": "corpus/txt/S_RES_1445_2002_EN_GOLD.txt",
}

# The fields of a golden, in the order they are written and compared. Each is
# one test case, so a known defect in one field does not hide the others.
FIELDS = (
    "masthead",
    "blocks",
    "footnotes",
    "signatures",
    "circulation",
    "sections",
    "warnings",
)
START_WORDS = 6
END_WORDS = 4
TITLE_CHARS = 60
# Long words (addresses) are cut to this many characters in anchors.
WORD_CHARS = 30


def shared_dir() -> Path:
    """The shared folder with the corpus: ``$VERBALE_SHARED`` or ``../shared``.

    The tests' own definition (``tests/conftest.py``) wins when it exists.
    """
    try:
        from conftest import SHARED
    except ImportError:
        env = os.environ.get("VERBALE_SHARED")
        return Path(env) if env else (REPO.parent / "shared")
    return Path(SHARED)


def source_path(golden: dict[str, Any]) -> Path:
    """Where the document a golden describes lives."""
    return shared_dir() / golden["source"]


# -- building an expectation from a parse -----------------------------------


def words(text: str, n: int, *, last: bool = False) -> str:
    """The first (or last) ``n`` words of a text: the anchor of a record."""
    parts = [w if len(w) <= WORD_CHARS else w[: WORD_CHARS - 1] + "…" for w in text.split()]
    return " ".join(parts[-n:] if last else parts[:n])


def record(doc: Any, scope: dict[str, Any] | None = None) -> dict[str, Any]:
    """The golden fields of a parsed document (see FIELDS).

    ``scope`` (``{"pages": [first, last], "why": ...}``) limits blocks,
    footnotes and paged warnings to those pages; sections are all kept, but the
    first block of one outside the scope is not recorded: for documents whose
    other pages hold what the model does not represent yet (landscape tables).
    """
    first, last = (scope or {}).get("pages", (1, 10**6))

    def inside(page: int | None) -> bool:
        return page is None or first <= page <= last

    blocks = [b for b in doc.blocks if inside(b.page)]
    return {
        "masthead": {
            "symbols": list(doc.symbols),
            "date": doc.date,
            "doc_type": doc.doc_type,
            "organs": list(doc.organs),
            "agenda_items": list(doc.agenda_items),
            "title": (doc.title or "")[:TITLE_CHARS] or None,
            "sender": doc.sender,
            "addressees": list(doc.addressees),
        },
        "blocks": {
            "counts": dict(sorted(Counter(b.kind for b in blocks).items())),
            "list": [_block(b) for b in blocks],
        },
        "footnotes": [_footnote(f) for f in doc.footnotes if inside(f.page)],
        "signatures": [{"name": s.name, "title": s.title} for s in doc.signatures],
        "circulation": None if doc.circulation is None else {
            "organs": list(doc.circulation.organs),
            "agenda_items": list(doc.circulation.agenda_items),
        },
        "sections": [
            {"kind": s.kind, "label": s.label,
             "first_block": s.first_block if inside(s.page) else None}
            for s in doc.sections
        ],
        "warnings": sorted(w.code for w in doc.warnings if inside(w.page)),
    }


def _block(b: Any) -> dict[str, Any]:
    out = {
        "id": b.id,
        "kind": b.kind,
        "pages": list(b.pages),
        "start": words(b.text, START_WORDS),
        "end": words(b.text, END_WORDS, last=True),
    }
    if b.number is not None:
        out["number"] = b.number
    if b.notes:
        out["notes"] = list(b.notes)
    return out


def _footnote(f: Any) -> dict[str, Any]:
    out = {
        "id": f.id,
        "marker": f.marker,
        "page": f.page,
        "block": f.block,
        "start": words(f.text, START_WORDS),
    }
    if f.links:
        out["links"] = len(f.links)
    return out


def parse_record(golden: dict[str, Any]) -> dict[str, Any]:
    """Parse the document a golden names and return its golden fields."""
    from verbale import parse

    return record(parse(source_path(golden)), golden.get("scope"))


# -- counts derived from the block list --------------------------------------


def with_counts(blocks: dict[str, Any]) -> dict[str, Any]:
    """The blocks field with ``counts`` recomputed from ``list`` (hand edits)."""
    counts = Counter(b["kind"] for b in blocks["list"])
    return {"counts": dict(sorted(counts.items())), "list": blocks["list"]}


# -- reading and writing -----------------------------------------------------


def golden_path(name: str) -> Path:
    return GOLDEN_DIR / f"{name}.json"


def golden_names() -> list[str]:
    """Names of the goldens present in tests/golden/."""
    return sorted(p.stem for p in GOLDEN_DIR.glob("*.json"))


def load(name: str) -> dict[str, Any]:
    return json.loads(golden_path(name).read_text(encoding="utf-8"))


def dumps(data: dict[str, Any]) -> str:
    """JSON with one line per block or footnote, so diffs read record by record."""
    return _dump(data, 0) + "\n"


def _dump(value: Any, depth: int) -> str:
    pad, inner = "  " * depth, "  " * (depth + 1)
    if isinstance(value, dict) and value and any(isinstance(v, (dict, list)) and v for v in value.values()):
        items = [f"{inner}{json.dumps(k)}: {_dump(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        items = [inner + json.dumps(v, ensure_ascii=False) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False)


def known_defect_fields(name: str) -> set[str]:
    """Fields of this golden that hold hand-corrected expectations."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_golden import KNOWN_DEFECTS

    return {field for (file, field) in KNOWN_DEFECTS if file == name}


def update(name: str, force: bool = False) -> str:
    """Rewrite a golden from the parse; return a one-line summary."""
    path = golden_path(name)
    old = load(name) if path.exists() else None
    head = {"source": old["source"] if old else DOCUMENTS[name]}
    if old and "scope" in old:
        head["scope"] = old["scope"]
    new = {**head, **parse_record(head)}
    kept = [] if force or old is None else sorted(known_defect_fields(name) & set(old))
    for field in kept:
        new[field] = old[field]
    GOLDEN_DIR.mkdir(exist_ok=True)
    path.write_text(dumps(new), encoding="utf-8")
    note = f" (kept hand-written {', '.join(kept)})" if kept else ""
    return f"wrote {path.relative_to(REPO)}{note}"


def diff(name: str) -> str:
    """Unified diff between a golden and the current parse ('' when equal)."""
    old = load(name)
    head = {k: old[k] for k in ("source", "scope") if k in old}
    new = {**head, **parse_record(old)}
    a, b = dumps(old).splitlines(), dumps(new).splitlines()
    return "\n".join(difflib.unified_diff(a, b, f"golden/{name}.json", "parse", lineterm=""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="golden names (default: all present)")
    ap.add_argument("--update", action="store_true", help="rewrite the goldens named")
    ap.add_argument("--all", action="store_true", help="with --update: every golden")
    ap.add_argument("--force", action="store_true", help="also overwrite hand-corrected fields")
    args = ap.parse_args(argv)
    if not shared_dir().is_dir():
        print(f"shared folder not found: {shared_dir()} (set VERBALE_SHARED)", file=sys.stderr)
        return 2
    if args.update:
        if not args.names and not args.all:
            ap.error("--update needs golden names or --all")
        every = sorted(set(golden_names()) | set(DOCUMENTS))
        for name in args.names or every:
            print(update(name, args.force))
        return 0
    changed = 0
    for name in args.names or golden_names():
        text = diff(name)
        if text:
            changed += 1
            print(text)
    print(f"{changed} golden(s) differ from the parse", file=sys.stderr)
    return 1 if changed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into head or less
        sys.exit(1)
