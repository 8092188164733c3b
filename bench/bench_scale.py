#!/usr/bin/env python
"""Scale benchmark of the corpus store on SYNTHETIC corpora of 10,000 and 100,000 documents.

    python bench/bench_scale.py [--sizes 10000,100000] [--shared PATH] [--workdir DIR]
                                [--rounds 3] [--keep] [--json]

The corpora are SYNTHETIC: every readable document of <shared>/corpus (and the
seed letter) is parsed once, then copied over and over with its symbols
(copy k: A/79/722 -> A/79/722/Add.k, still a valid symbol), the other numbers
of its text (shifted by k mod 10, length kept), its date and its source hash varied, so that no two copies are the same document.
The symbols a copy cites are varied the same way, so copies cite each other.
Each copy carries a ``synthetic`` warning, is stored with
``documents.synthetic = 1``, and the database's ``meta`` table says
``synthetic``; the output is headed SYNTHETIC. Nothing here is a real UN
document. Copies go straight into the store, not through the parser: worker
processes make the rows (``rows.prepare``), this process writes them
(``Corpus.store``: SQLite + FTS5, one transaction per document) as ingest does.
The store rate is the single writer's.

Reported per size: the ingest rate (documents and MB of text per second),
the database size against the extracted text (UTF-8 of blocks, footnotes and
titles; target at most 3x), the RSS while building (flat = streaming), and
the latency of a fixed set of 50 queries (words, phrases, prefixes, boolean,
symbols), each run without filters and with one filter: p50/p95/p99 over the
50 per-query medians of ``--rounds`` warm runs (target p95 under 50 ms at
100,000). Sizes are built one after the other, each extending a copy of the
previous database.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from _common import REPO, emit, logger, percentile, proc_status_mib, shared_dir

TARGET_P95_MS = 50.0
TARGET_SIZE_RATIO = 3.0
LABEL = ("SYNTHETIC: copies of the documents of <shared>/corpus with symbols, numbers, dates and "
         "hashes varied by bench/bench_scale.py; not real UN documents")

SC, GA, S_, LETTER, EN = ({"organ": "SC"}, {"organ": "GA"}, {"symbol": "S/"},
                          {"doc_type": "letter"}, {"language": "en"})
AGENDA, SENDER, SESSION = {"agenda_item": "34"}, {"sender": "Kazakhstan"}, {"session": "79"}
RECENT, EARLIER = {"year": 2025}, {"date_from": "2016-01-01", "date_to": "2020-12-31"}
# 50 queries (15 words, 12 phrases, 10 prefixes, 8 boolean, 5 symbols or numbers), each
# with the filter it runs with in the filtered pass (chosen so that each has hits in
# the real corpus, every filter used four to six times).
QUERIES = [
    ("Kazakhstan", SC), ("Khojaly", GA), ("Sudan", RECENT), ("Lebanon", S_),
    ("Afghanistan", LETTER), ("hostages", EN), ("refugees", AGENDA), ("sanctions", SESSION),
    ("ceasefire", SC), ("humanitarian", EARLIER), ("nuclear", GA), ("Ukraine", RECENT),
    ("Iraq", S_), ("Bosnia", LETTER), ("Gaza", EN),
    ('"confidence-building measures"', SENDER), ('"human rights"', AGENDA),
    ('"Security Council"', SENDER), ('"chemical weapons"', SC),
    ('"international humanitarian law"', SESSION), ('"Permanent Representative"', GA),
    ('"peace and security"', EARLIER), ('"United Nations"', S_), ('"General Assembly"', LETTER),
    ('"weapons of mass destruction"', EN), ('"rule of law"', SENDER),
    ('"sustainable development"', EARLIER),
    ("disarm*", SENDER), ("humanit*", AGENDA), ("terror*", SESSION), ("negotiat*", SC),
    ("sanction*", GA), ("refug*", RECENT), ("nucl*", S_), ("climat*", LETTER),
    ("detain*", EARLIER), ("Kazakh*", EN),
    ("Sudan AND ceasefire", SC), ("Lebanon OR Syria", AGENDA),
    ('"human rights" NOT council', SESSION), ("NEAR(chemical weapons, 3)", GA),
    ("Iraq AND Kuwait", S_), ("Israel AND hostages", RECENT),
    ("(Ukraine OR Russia) AND energy", S_), ("Afghanistan AND women", LETTER),
    ('"S/2025/49/Add.1"', EN), ('"resolution 1701"', AGENDA), ('"A/74/676/Add.2"', SESSION),
    ('"resolution 687"', EARLIER), ('"resolution 2231"', SC),
]

_NUMBER = re.compile(r"(?<![\w/.])\d{1,6}(?![\w/])")


def templates(shared: Path) -> list:
    """The real documents copied: every readable file of the corpus and the seed."""
    from verbale import VerbaleError, process
    from verbale.store.ingest import iter_files

    docs = []
    for path in iter_files([shared / "corpus", shared / "seed"]):
        try:
            docs.append(process(path))
        except VerbaleError:
            pass
    return docs


def vary_symbol(symbol: str, k: int) -> str:
    """The k-th copy's symbol: an ``/Add.k`` part, so it stays a valid symbol (with
    its organ and session). Symbols with a year in parentheses (SC resolutions)
    are not a copy's own and stay as they are.

    >>> vary_symbol("A/79/722", 3), vary_symbol("S/RES/2334 (2016)", 3)
    ('A/79/722/Add.3', 'S/RES/2334 (2016)')
    """
    return symbol if "(" in symbol else f"{symbol}/Add.{k}"


class Synthesizer:
    """Builds the k-th synthetic copy of a template document."""

    def __init__(self, docs: list):
        symbols = {s for d in docs for s in (*d.symbols, *d.cited_symbols,
                                             *(x for r in d.references for x in r.symbols))}
        ordered = sorted(symbols, key=len, reverse=True)
        self.symbols = re.compile("|".join(re.escape(s) for s in ordered)) if ordered else None

    def text(self, text: str, k: int) -> str:
        if self.symbols is not None:
            text = self.symbols.sub(lambda m: vary_symbol(m.group(), k), text)
        # Other numbers shift by k % 10 with their length kept (so note offsets stay
        # right); one copy in ten keeps them, so "resolution 1701" still finds some.
        shift = k % 10
        return _NUMBER.sub(lambda m: str((int(m.group()) + shift) % 10 ** len(m.group()))
                           .zfill(len(m.group())), text)

    def copy(self, doc, k: int):
        from verbale.model import Source, Warning

        name = doc.source.path.rsplit("/", 1)[-1]
        sha = hashlib.sha256(f"synthetic:{doc.source.sha256}:{k}".encode()).hexdigest()
        when = doc.date
        if when:
            when = (date.fromisoformat(when) - timedelta(days=(k * 13) % 3653)).isoformat()
        return replace(
            doc,
            source=Source(f"synthetic://bench_scale/copy-{k:06d}/{name}", doc.source.format, sha,
                          doc.source.pages, doc.source.bytes),
            symbols=tuple(vary_symbol(s, k) for s in doc.symbols), date=when,
            title=self.text(doc.title, k) if doc.title else doc.title,
            blocks=tuple(replace(b, text=self.text(b.text, k)) for b in doc.blocks),
            footnotes=tuple(replace(f, text=self.text(f.text, k)) for f in doc.footnotes),
            references=tuple(replace(r, text=self.text(r.text, k),
                                     symbols=tuple(vary_symbol(s, k) for s in r.symbols))
                             for r in doc.references),
            cited_symbols=tuple(vary_symbol(s, k) for s in doc.cited_symbols),
            warnings=doc.warnings + (Warning("synthetic", f"{LABEL} (copy {k} of {name})"),),
        )


def _rss_mib() -> float:
    rss = proc_status_mib("VmRSS")
    return float("nan") if rss is None else rss


_JOB: dict = {}  # templates and synthesizer, inherited by forked workers


def _make(i: int):
    """The i-th synthetic document as rows (in a worker)."""
    from verbale import __version__
    from verbale.store.rows import prepare

    docs, synth = _JOB["docs"], _JOB["synth"]
    doc = synth.copy(docs[i % len(docs)], i // len(docs) + 1)
    return prepare(doc, synthetic=True, version=__version__)


def _prepared(indices: range, workers: int):
    """Rows of the synthetic documents, in order, made by ``workers`` processes."""
    if workers <= 1:
        yield from map(_make, indices)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    todo, window = iter(indices), deque()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        for i in todo:  # a bounded window of futures keeps memory flat
            window.append(pool.submit(_make, i))
            if len(window) >= workers * 8:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def build(db: Path, docs: list, synth: Synthesizer, start: int, end: int, workers: int,
          log) -> dict:
    """Store synthetic documents start..end-1 into ``db``; the rates and RSS on the way."""
    from verbale.store import Corpus

    _JOB.update(docs=docs, synth=synth)
    rss, text, store_s = [], 0, 0.0
    with Corpus.open(db) as corpus:
        corpus.set_meta("synthetic", LABEL)
        t0 = time.perf_counter()
        for i, p in enumerate(_prepared(range(start, end), workers), start):
            t = time.perf_counter()
            corpus.store(p)
            store_s += time.perf_counter() - t
            text += p.row["text_bytes"]
            if (i + 1) % 10_000 == 0 or i + 1 == end:
                rss.append(round(_rss_mib(), 1))
                log(f"  {i + 1} documents, {time.perf_counter() - t0:.0f} s, RSS {rss[-1]} MiB")
        seconds = time.perf_counter() - t0
        corpus.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        corpus.conn.execute("ANALYZE")
    n = end - start
    return {"inserted": n, "seconds": seconds, "docs_per_s": n / seconds,
            "store_seconds": store_s, "store_docs_per_s": n / store_s,
            "store_text_mb_per_s": text / store_s / 1e6, "rss_mib": rss, "workers": workers}


def sizes(db: Path) -> dict:
    from verbale.store import Corpus

    with Corpus.open(db) as corpus:
        stats = corpus.stats()
        tables = dict(corpus.conn.execute(
            "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"))
    groups = {"fts index": 0, "passages": 0, "bodies": 0, "other": 0}
    for name, size in tables.items():
        key = ("fts index" if name.startswith("passages_fts") else
               "passages" if name == "passages" else "bodies" if name == "bodies" else "other")
        groups[key] += size
    return {"documents": stats["documents"], "passages": stats["passages"],
            "text_bytes": stats["text_bytes"], "database_bytes": stats["database_bytes"],
            "ratio": stats["database_bytes"] / stats["text_bytes"], "by_table": groups}


def latency(db: Path, rounds: int) -> dict:
    from verbale.store import Corpus

    with Corpus.open(db, create=False) as corpus:
        out = {}
        for label, filtered in (("no filter", False), ("one filter", True)):
            cases = [(q, f if filtered else {}) for q, f in QUERIES]
            for q, f in cases:  # warm-up: page cache, statement cache
                corpus.search(q, **f)
            times: dict[int, list[float]] = {i: [] for i in range(len(cases))}
            hits = {}
            for _ in range(rounds):
                for i, (q, f) in enumerate(cases):
                    t = time.perf_counter()
                    hits[i] = len(corpus.search(q, **f))
                    times[i].append((time.perf_counter() - t) * 1000)
            medians = sorted((statistics.median(v), i) for i, v in times.items())
            ms = [m for m, _ in medians]
            out[label] = {"p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95),
                          "p99_ms": percentile(ms, 99),
                          "max_ms": ms[-1], "no_hits": sum(1 for n in hits.values() if n == 0),
                          "slowest": [{"query": cases[i][0], "filter": cases[i][1],
                                       "ms": round(m, 1)} for m, i in medians[-3:][::-1]]}
    return out


def run(shared: Path, wanted: list[int], workdir: Path, rounds: int, workers: int,
        log=print, reuse: bool = False) -> dict:
    log("bench_scale: parsing the templates ...")
    docs = templates(shared)
    synth = Synthesizer(docs)
    log(f"bench_scale: {len(docs)} real documents as templates; SYNTHETIC corpora of "
        f"{', '.join(map(str, wanted))} documents in {workdir}")
    results, previous, done = [], None, 0
    for size in sorted(wanted):
        db = workdir / f"synthetic-{size}.db"
        if reuse:  # measure the databases an earlier run left in --workdir
            log(f"measuring {db.name} (built earlier) ...")
            results.append({"size": size, "ingest": None, "storage": sizes(db),
                            "latency": latency(db, rounds)})
            continue
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        if previous is not None:
            shutil.copy(previous, db)
        log(f"building {db.name} ...")
        built = build(db, docs, synth, done, size, workers, log)
        log(f"measuring {db.name} ...")
        results.append({"size": size, "ingest": built, "storage": sizes(db),
                        "latency": latency(db, rounds)})
        previous, done = db, size
    return {"benchmark": "verbale corpus store at scale", "synthetic": LABEL,
            "templates": len(docs), "rounds": rounds, "queries": len(QUERIES),
            "targets": {"p95_ms_at_100000": TARGET_P95_MS, "size_ratio_max": TARGET_SIZE_RATIO},
            "results": results, "cpus": os.cpu_count(), "python": sys.version.split()[0]}


def table(report: dict) -> str:
    out = ["SYNTHETIC CORPORA (" + report["synthetic"] + ")",
           f"{report['templates']} real documents copied; {report['queries']} queries, median of "
           f"{report['rounds']} warm runs each; p50/p95/p99 over the 50 queries", ""]
    for r in report["results"]:
        ing, st = r["ingest"], r["storage"]
        out.append(f"== {r['size']:,} synthetic documents, {st['passages']:,} passages")
        if ing is None:
            out.append("ingest: not measured (--reuse: database built by an earlier run)")
        else:
            out.append(f"ingest: store (the single writer) {ing['store_docs_per_s']:.0f} docs/s, "
                       f"{ing['store_text_mb_per_s']:.1f} MB text/s; end to end with "
                       f"{ing['workers']} workers making rows {ing['docs_per_s']:.0f} docs/s "
                       f"({ing['inserted']:,} in {ing['seconds']:.0f} s); writer RSS MiB every "
                       f"10,000: {ing['rss_mib']}")
        by = ", ".join(f"{k} {v / 2**20:,.0f}" for k, v in st["by_table"].items())
        out.append(f"size: database {st['database_bytes'] / 2**20:,.0f} MiB, text "
                   f"{st['text_bytes'] / 2**20:,.0f} MiB, ratio {st['ratio']:.2f}x "
                   f"(target <= {TARGET_SIZE_RATIO}x); MiB by part: {by}")
        for label, lat in r["latency"].items():
            slow = "; ".join(f"{s['query']} {s['filter'] or ''} {s['ms']} ms".replace(" {}", "")
                             for s in lat["slowest"])
            out.append(f"search, {label:<10}: p50 {lat['p50_ms']:.1f} ms, p95 "
                       f"{lat['p95_ms']:.1f} ms, p99 {lat['p99_ms']:.1f} ms "
                       f"(queries without hits: {lat['no_hits']}); slowest: {slow}")
        out.append("")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--shared")
    parser.add_argument("--workdir", help="where the databases go (default: a temporary folder)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1),
                        help="processes making the synthetic rows (the parent writes)")
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument("--reuse", action="store_true",
                        help="only measure the databases an earlier run left in --workdir")
    parser.add_argument("--json", action="store_true", help="JSON on stdout, table on stderr")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    wanted = [int(x) for x in args.sizes.split(",") if x.strip()]
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="verbale-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    log = logger(args.json)
    try:
        if args.reuse and not args.workdir:
            parser.error("--reuse needs --workdir")
        report = run(shared_dir(args.shared), wanted, workdir, args.rounds, args.workers,
                     log=log, reuse=args.reuse)
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    emit(report, table(report), args.json)


if __name__ == "__main__":
    main()
