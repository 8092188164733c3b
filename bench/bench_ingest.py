#!/usr/bin/env python
"""Benchmark corpus ingest against verbale.process of the same files.

    python bench/bench_ingest.py [--shared PATH] [--workers N] [--repeat N] [--json]

Over every PDF and text file of <shared>/corpus (``--shared``, else
$VERBALE_SHARED, else ``../shared`` next to the repo root), three passes
alternate ``--repeat`` times; each ingest pass writes a fresh database:

1. process  - ``verbale.process(path)`` of each file, in this process;
2. ingest-1 - ``ingest(files, db, workers=0)``: the whole ingest (hashing,
   parsing with every stage, rows, SQLite + FTS5 writes) in this process;
3. ingest-N - ``ingest(files, db, workers=N)``: worker processes parse, this
   process writes. CPU is this process plus its reaped workers
   (``RUSAGE_CHILDREN``), so the per-core rate counts every core used.

Rates are documents and pages per CPU-second (per core), medians of the
repeats; the overhead is ingest CPU over process CPU, minus one (target
under 25 %). Wall-clock rates of ingest-N are shown too; on a shared machine
they depend on the neighbours. Peak RSS: one ingest-N run alone in a freshly
spawned child, before this process imports verbale (Linux carries a parent's
peak RSS into a child's ``ru_maxrss``). Files verbale rejects (the scans
without a text layer) are left out of every pass.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO, emit, logger, maxrss_mib, shared_dir

TARGET_OVERHEAD = 0.25


def discover(shared: Path) -> tuple[list[str], dict[str, int], list[str]]:
    """Readable files, their pages, and the files left out (also the warm-up)."""
    from verbale import VerbaleError, process
    from verbale.store.ingest import iter_files

    files, pages, excluded = [], {}, []
    for path in iter_files([shared / "corpus"]):
        try:
            pages[str(path)] = process(path).source.pages
            files.append(str(path))
        except VerbaleError as exc:
            excluded.append(f"{path.name} ({type(exc).__name__})")
    if not files:
        sys.exit(f"bench: no readable files in {shared / 'corpus'}")
    return files, pages, excluded


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def pass_process(files: list[str]) -> dict:
    from verbale import process

    cpu0, wall0 = time.process_time(), time.perf_counter()
    for path in files:
        process(path)
    return {"cpu": time.process_time() - cpu0, "wall": time.perf_counter() - wall0}


def pass_ingest(files: list[str], workers: int) -> dict:
    from verbale.store.ingest import ingest

    with tempfile.TemporaryDirectory() as tmp:
        cpu0, child0, wall0 = time.process_time(), _children_cpu(), time.perf_counter()
        report = ingest(files, Path(tmp) / "bench.db", workers=workers)
        wall = time.perf_counter() - wall0
        writer = time.process_time() - cpu0
        workers_cpu = _children_cpu() - child0
    if report.added != len(files):
        raise RuntimeError(f"ingest stored {report.added} of {len(files)} files")
    return {"cpu": writer + workers_cpu, "writer_cpu": writer, "workers_cpu": workers_cpu,
            "wall": wall}


def _rss_child(shared: Path, workers: int) -> None:
    """In a fresh interpreter: one ingest-N run, then the peak RSS as JSON."""
    files = discover(shared)[0]
    pass_ingest(files, workers)
    print(json.dumps({"writer_peak_mib": maxrss_mib(),
                      "worker_peak_mib": maxrss_mib(resource.RUSAGE_CHILDREN)}))


def rss(shared: Path, workers: int) -> dict:
    # A new interpreter (not a multiprocessing child: those may not fork workers).
    out = subprocess.run([sys.executable, __file__, "--rss-child", "--shared", str(shared),
                          "--workers", str(workers)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def run(shared: Path, workers: int, repeat: int, log=print) -> dict:
    log("bench: peak RSS of one ingest run in a fresh interpreter ...")
    peak = rss(shared, workers)
    files, pages, excluded = discover(shared)
    n_docs, n_pages = len(files), sum(pages.values())
    log(f"bench: {n_docs} files, {n_pages} pages; excluded {len(excluded)}; "
        f"{workers} workers; x {repeat}")
    passes = {"process": lambda: pass_process(files),
              "ingest-1": lambda: pass_ingest(files, 0),
              f"ingest-{workers}": lambda: pass_ingest(files, workers)}
    runs: dict[str, list[dict]] = {k: [] for k in passes}
    for r in range(repeat):
        for name, fn in passes.items():
            runs[name].append(fn())
        log(f"  round {r + 1}: " + "  ".join(f"{k} {v[-1]['cpu']:.2f}s" for k, v in runs.items()))
    results = {}
    base = statistics.median(x["cpu"] for x in runs["process"])
    for name, items in runs.items():
        cpu = statistics.median(x["cpu"] for x in items)
        wall = statistics.median(x["wall"] for x in items)
        results[name] = {"cpu_s": cpu, "wall_s": wall, "docs_per_cpu_s": n_docs / cpu,
                         "pages_per_cpu_s": n_pages / cpu, "docs_per_wall_s": n_docs / wall,
                         "pages_per_wall_s": n_pages / wall, "overhead": cpu / base - 1}
        if "writer_cpu" in items[0]:
            results[name]["writer_cpu_s"] = statistics.median(x["writer_cpu"] for x in items)
    return {"benchmark": "verbale ingest vs verbale.process", "repeat": repeat,
            "workers": workers, "files": n_docs, "pages": n_pages, "excluded": excluded,
            "results": results, "rss": peak, "target_overhead": TARGET_OVERHEAD,
            "cpus": os.cpu_count(), "python": sys.version.split()[0]}


def table(report: dict) -> str:
    out = [f"{report['files']} files, {report['pages']} pages of <shared>/corpus; excluded: "
           f"{', '.join(report['excluded']) or 'none'}",
           f"median of {report['repeat']} alternating runs; CPU = all processes of the pass",
           "",
           f"{'pass':<10}{'CPU s':>8}{'docs/CPU-s':>12}{'pages/CPU-s':>13}{'overhead':>10}"
           f"{'wall s':>8}{'docs/s':>8}{'pages/s':>9}"]
    for name, r in report["results"].items():
        out.append(f"{name:<10}{r['cpu_s']:>8.2f}{r['docs_per_cpu_s']:>12.1f}"
                   f"{r['pages_per_cpu_s']:>13.1f}{r['overhead']:>+10.1%}{r['wall_s']:>8.2f}"
                   f"{r['docs_per_wall_s']:>8.1f}{r['pages_per_wall_s']:>9.1f}")
    par = report["results"][f"ingest-{report['workers']}"]
    out += ["", f"writer (parent) CPU in ingest-{report['workers']}: {par['writer_cpu_s']:.2f} s",
            f"peak RSS: writer {report['rss']['writer_peak_mib']:.0f} MiB, largest worker "
            f"{report['rss']['worker_peak_mib']:.0f} MiB",
            f"ingest overhead target: under {report['target_overhead']:.0%}"]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="JSON on stdout, table on stderr")
    parser.add_argument("--rss-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    if args.rss_child:
        return _rss_child(shared_dir(args.shared), args.workers)
    report = run(shared_dir(args.shared), args.workers, args.repeat, log=logger(args.json))
    emit(report, table(report), args.json)


if __name__ == "__main__":
    main()
