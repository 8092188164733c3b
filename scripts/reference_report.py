"""Per corpus document: how many footnotes, and the share whose references were all typed.

A footnote counts as typed when none of its references is ``unknown``
(commentary typed ``note`` counts as typed: it was recognised as such).

    python scripts/reference_report.py                      # ../shared/corpus/pdf
    python scripts/reference_report.py --show unknown FILE.pdf
    python scripts/reference_report.py --time               # extraction time vs parse time
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from verbale import VerbaleError, parse
from verbale.references import extract_references

SHARED = Path(os.environ.get("VERBALE_SHARED", ROOT.parent / "shared"))


def report(paths: list[Path], show: set[str], timing: bool) -> None:
    total_notes = total_typed = 0
    parse_s = refs_s = 0.0
    print(f"{'document':55} {'notes':>5} {'typed':>6}  types")
    for path in paths:
        t0 = time.perf_counter()
        try:
            doc = parse(path)
        except VerbaleError as exc:
            print(f"{path.name:55} {'-':>5} {'-':>6}  ({exc.__class__.__name__})")
            continue
        t1 = time.perf_counter()
        refs, _ = extract_references(doc)
        t2 = time.perf_counter()
        parse_s, refs_s = parse_s + t1 - t0, refs_s + t2 - t1
        by_note = collections.defaultdict(list)
        for r in refs:
            if r.footnote:
                by_note[r.footnote].append(r)
        notes = len(doc.footnotes)
        typed = sum(1 for f in doc.footnotes if all(r.type != "unknown" for r in by_note[f.id]))
        total_notes, total_typed = total_notes + notes, total_typed + typed
        kinds = collections.Counter(r.type for r in refs if r.footnote)
        share = f"{typed / notes:6.0%}" if notes else f"{'-':>6}"
        print(
            f"{path.name:55} {notes:5d} {share}  "
            + " ".join(f"{k}={v}" for k, v in kinds.most_common())
        )
        for r in refs:
            if r.type in show and r.footnote:
                print(f"    {r.footnote:>5} {r.type:12} {r.text[:150]!r}")
    if total_notes:
        print(f"{'all':55} {total_notes:5d} {total_typed / total_notes:6.0%}")
    if timing and parse_s:
        print(f"parse {parse_s:.2f} s, references {refs_s:.2f} s ({refs_s / parse_s:.0%} of parse)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "files", nargs="*", type=Path, help="documents (default: the shared corpus PDFs)"
    )
    ap.add_argument(
        "--show", action="append", default=[], help="print references of this type (repeatable)"
    )
    ap.add_argument("--time", action="store_true", help="compare extraction time with parse time")
    args = ap.parse_args(argv)
    paths = args.files or sorted((SHARED / "corpus" / "pdf").glob("*.pdf"))
    if not paths:
        sys.exit(f"no documents: set VERBALE_SHARED (looked in {SHARED})")
    report(paths, set(args.show), args.time)


if __name__ == "__main__":
    main()
