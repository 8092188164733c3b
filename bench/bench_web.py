#!/usr/bin/env python
"""Load benchmark of the web app (`verbale serve`) on a SYNTHETIC 10,000-document corpus.

    python bench/bench_web.py [--size 10000] [--requests 2000] [--concurrency 8]
                              [--seconds 60] [--workers 1] [--db PATH] [--keep] [--json]

The corpus is SYNTHETIC, built by bench/bench_scale.py's helpers: every
readable document of <shared>/corpus and the seed, copied with symbols,
numbers, dates and hashes varied (see that file). ``--db`` reuses a corpus
built before (e.g. ``bench_scale.py --keep``).

The server runs in a second process (``python -m verbale serve`` on
127.0.0.1, a free port); this process sends the requests over loopback with
httpx, ``--concurrency`` at a time, until ``--requests`` are done or
``--seconds`` have passed, after a warm-up of 50 requests that is not
counted. The mix: 45 % search pages (the 50 queries of bench_scale, one in
five with a filter), 35 % document pages (random stored symbols), 10 % search
JSON, 10 % document JSON. Reported: throughput, latency p50/p95/p99 overall
and per kind, and the errors (any status >= 400 or failed request), which
should be zero.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import bench_scale  # the synthetic corpus helpers
from _common import emit, logger, percentile

WARMUP = 50
MIX = [("search", 45), ("document", 35), ("search.json", 10), ("document.json", 10)]


def build_corpus(db: Path, size: int, shared: Path, log=print) -> None:
    """A SYNTHETIC corpus of ``size`` documents at ``db`` (bench_scale's copies)."""
    log("bench_web: parsing the template documents ...")
    docs = bench_scale.templates(shared)
    log(f"bench_web: building a SYNTHETIC corpus of {size:,} documents from {len(docs)} "
        f"real ones in {db} ...")
    synth = bench_scale.Synthesizer(docs)
    if "workers" in inspect.signature(bench_scale.build).parameters:
        bench_scale.build(db, docs, synth, 0, size, os.cpu_count() or 1, log)
    else:
        bench_scale.build(db, docs, synth, 0, size, log)


def queries() -> list[tuple[str, dict]]:
    """bench_scale's 50 queries, each with the filter it pairs with (if any)."""
    filters = getattr(bench_scale, "FILTERS", [{}])
    out = []
    for i, item in enumerate(bench_scale.QUERIES):
        if isinstance(item, tuple):
            out.append((item[0], dict(item[1] or {})))
        else:
            out.append((item, dict(filters[i % len(filters)])))
    return out


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int, workers: int = 1) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "verbale", "serve", "--db", str(db), "--host", "127.0.0.1",
           "--port", str(port), "--workers", str(workers)]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not answer within 60 s")


def symbols(db: Path, n: int = 1000) -> list[str]:
    from verbale.store import Corpus

    with Corpus.open(db, create=False) as corpus:
        return [s for (s,) in corpus.conn.execute(
            "SELECT symbol FROM documents WHERE symbol IS NOT NULL ORDER BY random() LIMIT ?",
            (n,))]


def workload(n: int, stored: list[str], seed: int = 7) -> list[tuple[str, str]]:
    """``n`` (kind, path) requests in the MIX proportions, shuffled, reproducible."""
    rng = random.Random(seed)
    pairs = queries()
    kinds = [k for k, weight in MIX for _ in range(weight)]
    out = []
    for i in range(n):
        kind = rng.choice(kinds)
        if kind.startswith("search"):
            query, filters = rng.choice(pairs)
            params = {"q": query}
            if rng.random() < 0.2:
                params.update({k: str(v) for k, v in filters.items()})
            path = ("/search.json?" if kind.endswith("json") else "/search?") + urlencode(params)
        else:
            path = "/documents/" + quote(rng.choice(stored), safe="/")
            path += ".json" if kind.endswith("json") else ""
        out.append((kind, path))
    return out


async def run_load(base: str, requests: list[tuple[str, str]], concurrency: int,
                   seconds: float) -> tuple[list[tuple[str, float, int]], float]:
    """Send the requests ``concurrency`` at a time; (kind, seconds, status) each, wall time."""
    import httpx

    queue: asyncio.Queue = asyncio.Queue()
    for item in requests:
        queue.put_nowait(item)
    results: list[tuple[str, float, int]] = []
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def worker(client: httpx.AsyncClient) -> None:
        while time.perf_counter() < stop:
            try:
                kind, path = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            t = time.perf_counter()
            try:
                status = (await client.get(path)).status_code
            except httpx.HTTPError:
                status = 0
            results.append((kind, time.perf_counter() - t, status))

    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        wall = time.perf_counter() - started
    return results, wall


def summarize(results: list[tuple[str, float, int]], wall: float) -> dict:
    def stats(rows):
        times = [t for _, t, _ in rows]
        return {"requests": len(rows), "p50_ms": round(percentile(times, 50) * 1000, 1),
                "p95_ms": round(percentile(times, 95) * 1000, 1),
                "p99_ms": round(percentile(times, 99) * 1000, 1),
                "mean_ms": round(statistics.fmean(times) * 1000, 1)}

    errors = [(k, s) for k, _, s in results if s == 0 or s >= 400]
    return {"all": {**stats(results), "throughput_rps": round(len(results) / wall, 1),
                    "wall_s": round(wall, 1)},
            "by_kind": {kind: stats([r for r in results if r[0] == kind])
                        for kind, _ in MIX if any(r[0] == kind for r in results)},
            "errors": len(errors), "error_samples": errors[:10]}


def table(report: dict) -> str:
    a = report["all"]
    out = ["SYNTHETIC CORPUS (" + bench_scale.LABEL + ")",
           f"{report['documents']:,} documents; {a['requests']:,} requests, "
           f"{report['concurrency']} concurrent, over loopback to `verbale serve` "
           f"({report['workers']} process{'es' if report['workers'] > 1 else ''})",
           f"throughput {a['throughput_rps']} requests/s in {a['wall_s']} s; latency p50 "
           f"{a['p50_ms']} ms, p95 {a['p95_ms']} ms, p99 {a['p99_ms']} ms; "
           f"errors: {report['errors']}", ""]
    out.append(f"{'kind':<15}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for kind, s in report["by_kind"].items():
        out.append(f"{kind:<15}{s['requests']:>9}{s['p50_ms']:>9}{s['p95_ms']:>9}"
                   f"{s['p99_ms']:>9}")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--shared")
    parser.add_argument("--db", help="a corpus built before (skips building)")
    parser.add_argument("--keep", action="store_true", help="keep the built corpus")
    parser.add_argument("--json", action="store_true", help="JSON on stdout, table on stderr")
    args = parser.parse_args()
    log = logger(args.json)
    workdir = Path(tempfile.mkdtemp(prefix="verbale-web-"))
    db = Path(args.db) if args.db else workdir / f"synthetic-{args.size}.db"
    if not args.db:
        build_corpus(db, args.size, bench_scale.shared_dir(args.shared), log)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(db, port, args.workers)
    try:
        wait_ready(base, proc)
        stored = symbols(db)
        plan = workload(WARMUP + args.requests, stored)
        log(f"bench_web: warming up, then {args.requests:,} requests, {args.concurrency} "
            f"concurrent, at most {args.seconds:.0f} s ...")
        asyncio.run(run_load(base, plan[:WARMUP], args.concurrency, args.seconds))
        results, wall = asyncio.run(run_load(base, plan[WARMUP:], args.concurrency,
                                             args.seconds))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if not args.keep and not args.db:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
    from verbale.store import Corpus
    report = {"benchmark": "verbale serve under load", "synthetic": bench_scale.LABEL,
              "documents": args.size if not args.db else _count(db, Corpus),
              "concurrency": args.concurrency, "workers": args.workers,
              **summarize(results, wall),
              "cpus": os.cpu_count(), "python": sys.version.split()[0]}
    emit(report, table(report), args.json)
    if report["errors"]:
        sys.exit(1)


def _count(db: Path, corpus_cls) -> int:
    with corpus_cls.open(db, create=False) as corpus:
        return len(corpus)


if __name__ == "__main__":
    main()
