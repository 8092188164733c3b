"""Cost of each enrichment stage beside parsing, over the shared corpus PDFs.

    python bench/bench_stages.py [--shared PATH] [--repeat 3]

Parses every text-layer PDF (CPU seconds, time.process_time), then times each
stage of verbale.pipeline.enrich on the parsed documents in the same process:
references, then quotations + claims (which read the references). Targets
(issues 3 and 4): each stage adds at most 20% to parse time.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import replace

from _common import shared_dir

from verbale import VerbaleError, parse
from verbale.claims import extract_claims, extract_quotations
from verbale.references import extract_references


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="default: $VERBALE_SHARED, else ../shared")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    shared = shared_dir(args.shared)
    files = sorted((shared / "corpus" / "pdf").glob("*.pdf"))
    if not files:
        raise SystemExit(f"no PDFs under {shared}/corpus/pdf (set --shared)")
    rounds: dict[str, list[float]] = {"parse": [], "references": [], "claims": []}
    for _ in range(args.repeat):
        clock = time.process_time()
        docs = []
        for path in files:
            try:
                docs.append(parse(path))
            except VerbaleError:
                continue  # scans without a text layer: left out of every pass
        rounds["parse"].append(time.process_time() - clock)
        clock = time.process_time()
        with_refs = []
        for doc in docs:
            refs, cited = extract_references(doc)
            with_refs.append(replace(doc, references=refs, cited_symbols=cited))
        rounds["references"].append(time.process_time() - clock)
        clock = time.process_time()
        for doc in with_refs:
            extract_claims(replace(doc, quotations=extract_quotations(doc)))
        rounds["claims"].append(time.process_time() - clock)
    parse_s = statistics.median(rounds["parse"])
    pages = sum(d.source.pages for d in docs)
    print(f"{len(docs)} PDFs, {pages} pages; median of {args.repeat} rounds, CPU seconds")
    print(f"{'stage':<12}{'CPU s':>8}{'vs parse':>10}   target")
    for stage, times in rounds.items():
        seconds = statistics.median(times)
        target = "" if stage == "parse" else ("<= 20%: met" if seconds <= 0.2 * parse_s
                                              else "<= 20%: NOT met")
        print(f"{stage:<12}{seconds:>8.3f}{seconds / parse_s:>9.1%}   {target}")


if __name__ == "__main__":
    main()
