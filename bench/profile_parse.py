#!/usr/bin/env python
"""Profile verbale.parse over the benchmark corpus with cProfile.

    python bench/profile_parse.py [--shared PATH] [--top 25] [--out parse.prof]

Runs one warm-up pass (the same file selection as bench_parse.py: the files
verbale rejects are left out), then one parse pass under cProfile, and prints

1. the top N functions by cumulative time (all code);
2. verbale's own functions by self time (``tottime``), where the time is
   really spent, and the self time summed per verbale module.

Profiling inflates pure-Python code more than C calls, so read the shares, not
the absolute seconds (bench_parse.py gives the real speed).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, shared_dir
from bench_parse import discover


def _own(filename: str) -> str | None:
    """'verbale/readers/pdf.py' for a file of verbale's source tree, else None."""
    path = Path(filename)
    try:
        return path.resolve().relative_to(REPO).as_posix()
    except (ValueError, OSError):
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="shared folder holding corpus/pdf (default: $VERBALE_SHARED or ../shared)")
    ap.add_argument("--top", type=int, default=25, help="rows per table (default 25)")
    ap.add_argument("--out", help="also save the raw profile here (for snakeviz, pstats)")
    args = ap.parse_args(argv)

    import verbale

    try:
        corpus = discover(shared_dir(args.shared))  # also the warm-up pass
    except FileNotFoundError as exc:
        ap.exit(2, f"profile: {exc}\n")
    files = [str(p) for p in corpus["files"]]
    pages = sum(corpus["pages"].values())

    profiler = cProfile.Profile()
    profiler.enable()
    for path in files:
        verbale.parse(path)
    profiler.disable()
    if args.out:
        profiler.dump_stats(args.out)

    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    total = stats.total_tt
    print(f"cProfile of verbale.parse: {len(files)} PDFs, {pages} pages, {total:.2f} s profiled "
          f"(excluded: {', '.join(e['file'] for e in corpus['excluded']) or 'none'})\n")
    stats.sort_stats("cumulative").print_stats(args.top)
    text = stream.getvalue()
    print(text[text.find("   ncalls"):].rstrip() if "   ncalls" in text else text)

    own = []
    by_module: dict[str, float] = defaultdict(float)
    for (filename, line, func), (cc, nc, tt, ct, _callers) in stats.stats.items():
        rel = _own(filename)
        if rel and rel.startswith("verbale/"):
            own.append((tt, ct, nc, f"{rel}:{line}({func})"))
            by_module[rel] += tt
    own.sort(reverse=True)
    print(f"\nverbale's own functions by self time (share of the {total:.2f} s profiled):")
    print(f"{'tottime':>9}{'share':>8}{'cumtime':>9}{'calls':>10}  function")
    for tt, ct, nc, name in own[: args.top]:
        print(f"{tt:>9.3f}{tt / total:>8.1%}{ct:>9.3f}{nc:>10}  {name}")
    print("\nself time per verbale module:")
    for rel, tt in sorted(by_module.items(), key=lambda kv: -kv[1]):
        print(f"{tt:>9.3f}{tt / total:>8.1%}  {rel}")
    print(f"{sum(by_module.values()):>9.3f}{sum(by_module.values()) / total:>8.1%}  "
          "all verbale code (the rest: pypdfium2/ctypes, PDFium, stdlib)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
