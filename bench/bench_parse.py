#!/usr/bin/env python
"""Benchmark verbale.parse against raw pypdfium2 text extraction.

    python bench/bench_parse.py [--shared PATH] [--repeat N] [--json]

Over every PDF of <shared>/corpus/pdf (``--shared``, else $VERBALE_SHARED,
else ``../shared`` next to the repo root), in one process and in CPU seconds
(``time.process_time``, i.e. per core):

1. extract - the same library's raw text extraction: open, for each page
   ``page.get_textpage().get_text_range()``, close;
2. parse   - ``verbale.parse(path)``;
3. process - ``verbale.process(path)`` if verbale has it (the full pipeline).

The passes alternate (extract, parse, process, extract, parse, ...) ``--repeat``
times and the median CPU time of each is reported, so machine noise hits all
sides alike. Files verbale rejects (the scans without a text layer raise
NoTextLayer) are found in a warm-up pass and left out of every side.

Memory: each pass runs once more alone in its own fresh child process (spawn)
that reports ``getrusage(RUSAGE_SELF).ru_maxrss`` (and /proc VmHWM as a check).
Linux carries the parent's peak RSS over fork+exec into a child's ru_maxrss,
so the children run first, while this process holds only the stdlib. And
``tracemalloc`` gives the Python-heap peak of parsing the largest document
(PDFium's C heap is not seen by tracemalloc, only by the RSS figure).

With ``--json`` the table goes to stderr and stdout carries one JSON object
(for CI artifacts). No threshold makes the run fail: it measures, it does not
judge (the ratio target is printed next to the ratio).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import multiprocessing as mp
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from _common import REPO, emit, logger, maxrss_mib, proc_status_mib, shared_dir

# parse pages/s divided by extract pages/s should be at least this.
TARGET_PARSE_RATIO = 0.5
# each later stage (references, claims) should add at most this to parse.
TARGET_STAGE_OVERHEAD = 0.20


# --------------------------------------------------------------------- corpus

def corpus_files(shared: Path) -> list[Path]:
    folder = shared / "corpus" / "pdf"
    files = sorted(folder.glob("*.pdf"))
    if not files:
        raise FileNotFoundError(f"no PDFs in {folder} (use --shared PATH or VERBALE_SHARED)")
    return files


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def discover(shared: Path) -> dict:
    """Which files both sides run on, and why the others are left out.

    Doubles as the warm-up: every file is read once by both sides, so imports,
    regex compilation and the OS file cache are settled before timing.
    """
    import verbale

    included, excluded, pages = [], [], {}
    for path in corpus_files(shared):
        extract(path)
        try:
            verbale.parse(str(path))
        except verbale.VerbaleError as exc:
            excluded.append({"file": path.name, "reason": type(exc).__name__})
            continue
        included.append(path)
        pages[path.name] = page_count(path)
    digest = hashlib.sha256()
    for path in included:
        digest.update(f"{path.name}\0{path.stat().st_size}\n".encode())
    return {"files": included, "pages": pages, "excluded": excluded,
            "fingerprint": digest.hexdigest()[:16]}


# --------------------------------------------------------------------- passes

def extract(path: Path) -> int:
    """The baseline: raw text of every page with pypdfium2, nothing else."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        n = len(pdf)
        for i in range(n):
            page = pdf[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return n


def pass_function(kind: str):
    if kind == "extract":
        return extract
    import verbale

    if kind == "parse":
        return lambda path: verbale.parse(str(path))
    process = getattr(verbale, "process", None)
    if process is None:
        raise LookupError("verbale.process does not exist")
    return lambda path: process(str(path))


def timed_pass(fn, files: list[Path]) -> dict:
    """CPU and wall seconds of one pass, plus each file's CPU seconds."""
    gc.collect()
    per_file, failures = {}, 0
    clock = time.process_time
    wall0, cpu0 = time.perf_counter(), clock()
    for path in files:
        t = clock()
        try:
            fn(path)
        except Exception as exc:  # a VerbaleError can only come from verbale.process
            if not _is_verbale_error(exc):
                raise
            failures += 1
        per_file[path.name] = clock() - t
    cpu, wall = clock() - cpu0, time.perf_counter() - wall0
    return {"cpu": cpu, "wall": wall, "per_file": per_file, "failures": failures}


def _is_verbale_error(exc: BaseException) -> bool:
    import verbale

    return isinstance(exc, verbale.VerbaleError)


# --------------------------------------------------------------------- memory

def _child(kind: str, files: list[str]) -> dict:
    """Runs in a fresh spawned interpreter: one pass, then its peak RSS."""
    start = maxrss_mib()
    fn = pass_function(kind)
    for name in files:
        try:
            fn(Path(name))
        except Exception as exc:
            if not _is_verbale_error(exc):
                raise
    # VmHWM: this process's own RSS high-water mark (Linux), reset by exec.
    return {"peak_mib": maxrss_mib(), "start_mib": start, "vm_hwm_mib": proc_status_mib("VmHWM")}


def _child_discover(shared: str) -> dict:
    corpus = discover(Path(shared))
    corpus["files"] = [str(p) for p in corpus["files"]]
    return corpus


def in_child(fn, *args):
    """Call fn(*args) in a fresh spawned interpreter and return its result.

    Linux carries a process's peak RSS over fork+exec into the child's
    ru_maxrss, so children are started while this process is still small
    (before it imports pypdfium2 or verbale): see run().
    """
    ctx = mp.get_context("spawn")
    with ctx.Pool(1, maxtasksperchild=1) as pool:
        return pool.apply(fn, args)


def child_rss(kind: str, files: list[Path]) -> dict:
    return in_child(_child, kind, [str(p) for p in files])


def tracemalloc_peak(fn, path: Path) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        fn(path)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


# --------------------------------------------------------------- environment

def environment() -> dict:
    import pypdfium2.version as pv

    import verbale

    def git(*args):
        try:
            return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True,
                                  text=True, timeout=10, check=False).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "pypdfium2": str(pv.PYPDFIUM_INFO),
        "pdfium": str(pv.PDFIUM_INFO),
        "verbale": getattr(verbale, "__version__", "?"),
        "git_commit": git("rev-parse", "--short", "HEAD"),
        "git_dirty": bool(git("status", "--porcelain", "--", "verbale")),
        "pythonhashseed": os.environ.get("PYTHONHASHSEED", "random"),
    }


# ----------------------------------------------------------------------- main

def run(shared: Path, repeat: int, memory: bool = True, log=print) -> dict:
    # Memory first, in children, while this process holds only the stdlib:
    # a spawned child inherits the parent's peak RSS as its ru_maxrss floor.
    mem: dict[str, dict] = {}
    if memory:
        log("bench: finding the files (child process) ...")
        child_corpus = in_child(_child_discover, str(shared))
        for kind in ("extract", "parse", "process"):
            log(f"  memory: {kind} pass alone in a spawned child ...")
            try:
                mem[kind] = child_rss(kind, [Path(f) for f in child_corpus["files"]])
            except Exception as exc:  # process missing or broken: said below
                if kind != "process":
                    raise
                log(f"  memory: process skipped ({exc!r})")

    import verbale

    corpus = discover(shared)  # also this process's warm-up
    files, pages = corpus["files"], corpus["pages"]
    if memory and [str(p) for p in files] != child_corpus["files"]:
        raise RuntimeError("the child and this process chose different files")
    total_pages = sum(pages.values())
    kinds = ["extract", "parse"]
    process_note = None
    if getattr(verbale, "process", None) is not None:
        try:  # process is young: check it can run before timing it
            pass_function("process")(files[0])
            kinds.append("process")
        except Exception as exc:  # noqa: BLE001 - any failure is reported, not fatal
            if _is_verbale_error(exc):
                kinds.append("process")
            else:
                process_note = f"verbale.process failed on {files[0].name}: {exc!r}"
    else:
        process_note = "verbale.process does not exist yet"
    log(f"bench: {len(files)} PDFs, {total_pages} pages; "
        f"{len(corpus['excluded'])} excluded; passes {', '.join(kinds)} x {repeat}")

    runs: dict[str, list[dict]] = {k: [] for k in kinds}
    for r in range(repeat):
        for kind in kinds:
            runs[kind].append(timed_pass(pass_function(kind), files))
        cpus = "  ".join(f"{k} {runs[k][-1]['cpu']:.3f}s" for k in kinds)
        log(f"  round {r + 1}: {cpus}")

    results: dict[str, dict] = {}
    for kind in kinds:
        cpus = [x["cpu"] for x in runs[kind]]
        cpu = statistics.median(cpus)
        results[kind] = {
            "cpu_s_median": cpu,
            "cpu_s_runs": cpus,
            "wall_s_median": statistics.median(x["wall"] for x in runs[kind]),
            "pages_per_cpu_s": total_pages / cpu if cpu else None,
            "failures": runs[kind][-1]["failures"],
        }
    ext, par = results["extract"]["cpu_s_median"], results["parse"]["cpu_s_median"]
    ratios = {"parse_vs_extract": ext / par}
    if "process" in results:
        ratios["process_overhead_vs_parse"] = results["process"]["cpu_s_median"] / par - 1

    # Files where parse costs most relative to extraction (median per file).
    def per_file_median(kind):
        return {name: statistics.median(x["per_file"][name] for x in runs[kind]) for name in pages}

    pf_ext, pf_par = per_file_median("extract"), per_file_median("parse")
    slowest = sorted(pages, key=lambda n: pf_par[n] - pf_ext[n], reverse=True)[:5]
    worst = [{"file": n, "pages": pages[n], "extract_s": pf_ext[n], "parse_s": pf_par[n],
              "ratio": pf_ext[n] / pf_par[n] if pf_par[n] else None} for n in slowest]

    largest = max(files, key=lambda p: (pages[p.name], p.stat().st_size))
    if memory:
        for kind in kinds:
            if kind in mem:
                results[kind]["rss"] = mem[kind]
        log("  tracemalloc: largest document ...")
        results["extract"]["tracemalloc_largest_mib"] = tracemalloc_peak(extract, largest)
        results["parse"]["tracemalloc_largest_mib"] = tracemalloc_peak(pass_function("parse"), largest)

    return {
        "benchmark": "verbale.parse vs pypdfium2 extraction",
        "unit": "pages per CPU-second (time.process_time, one core), median of repeats",
        "repeat": repeat,
        "corpus": {
            "path": str(shared / "corpus" / "pdf"),
            "files": len(files),
            "pages": total_pages,
            "fingerprint": corpus["fingerprint"],
            "excluded": corpus["excluded"],
            "largest": {"file": largest.name, "pages": pages[largest.name]},
        },
        "results": results,
        "ratios": ratios,
        "targets": {"parse_vs_extract_min": TARGET_PARSE_RATIO,
                    "stage_overhead_max": TARGET_STAGE_OVERHEAD},
        "process_note": process_note,
        "worst_files": worst,
        "environment": environment(),
    }


def table(report: dict) -> str:
    c, res, rat = report["corpus"], report["results"], report["ratios"]
    env = report["environment"]
    out = [
        (f"verbale {env['verbale']} ({env['git_commit']}{'+dirty' if env['git_dirty'] else ''}), "
         f"Python {env['python']}, pypdfium2 {env['pypdfium2']}, {env['cpu']}"),
        f"{c['files']} PDFs, {c['pages']} pages (corpus {c['fingerprint']}); excluded "
        f"{len(c['excluded'])}: " + (", ".join(f"{e['file']} ({e['reason']})" for e in c["excluded"]) or "none"),
        f"median of {report['repeat']} alternating runs, CPU seconds on one core",
        "",
        f"{'pass':<9}{'CPU s':>9}{'pages/CPU-s':>13}{'vs extract':>12}{'peak RSS MiB':>14}{'tracemalloc MiB':>17}",
    ]
    ext = res["extract"]["cpu_s_median"]
    for kind, r in res.items():
        rss = r.get("rss", {}).get("peak_mib")
        tm = r.get("tracemalloc_largest_mib")
        out.append(
            f"{kind:<9}{r['cpu_s_median']:>9.3f}{r['pages_per_cpu_s']:>13.1f}"
            f"{ext / r['cpu_s_median']:>12.3f}"
            f"{(f'{rss:.1f}' if rss is not None else '-'):>14}"
            f"{(f'{tm:.1f}' if tm is not None else '-'):>17}"
        )
    out.append("")
    ratio = rat["parse_vs_extract"]
    out.append(f"parse/extract speed ratio: {ratio:.3f}  (target >= {TARGET_PARSE_RATIO}: "
               f"{'met' if ratio >= TARGET_PARSE_RATIO else 'NOT met'})")
    if "process_overhead_vs_parse" in rat:
        ov = rat["process_overhead_vs_parse"]
        out.append(f"process overhead over parse: {ov:+.1%}  (target <= "
                   f"{TARGET_STAGE_OVERHEAD:.0%} per stage: references, claims)")
    elif report["process_note"]:
        out.append(f"process: not measured ({report['process_note']})")
    if "rss" in res["extract"]:
        out.append("peak RSS: ru_maxrss of each pass alone in a fresh spawned child (floor inherited "
                   f"from this process: {res['extract']['rss']['start_mib']:.1f} MiB; VmHWM "
                   + " / ".join(f"{(r['rss'].get('vm_hwm_mib') or 0):.1f}" for r in res.values() if "rss" in r)
                   + " MiB)")
        out.append(f"tracemalloc: Python-heap peak of one call on the largest document, "
                   f"{c['largest']['file']} ({c['largest']['pages']} pages)")
    out.append("parse cost above extraction, worst files (median CPU s):")
    for w in report["worst_files"]:
        out.append(f"  {w['file']:<32}{w['pages']:>4} p  extract {w['extract_s']:.3f}  "
                   f"parse {w['parse_s']:.3f}  ratio {w['ratio']:.2f}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="shared folder holding corpus/pdf (default: $VERBALE_SHARED or ../shared)")
    ap.add_argument("--repeat", type=int, default=3, help="alternating rounds; the median is reported (default 3)")
    ap.add_argument("--json", action="store_true", help="print a JSON object on stdout (table to stderr)")
    ap.add_argument("--no-memory", action="store_true", help="skip the child-process RSS and tracemalloc runs")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")

    log = logger(to_stderr=True)
    shared = shared_dir(args.shared)
    try:
        corpus_files(shared)  # fail here, not in a child process
    except FileNotFoundError as exc:
        ap.exit(2, f"bench: {exc}\n")
    report = run(shared, args.repeat, memory=not args.no_memory, log=log)
    emit(report, table(report), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
