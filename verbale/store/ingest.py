"""Bulk loading: parse many files in worker processes, store them one by one.

    >>> from verbale.store.ingest import ingest
    >>> report = ingest(["../shared/corpus"], "verbale.db", workers=2)   # doctest: +SKIP
    >>> report.added, report.failed                                      # doctest: +SKIP
    (121, 5)

How it goes:

* Paths are files, folders (searched recursively for ``*.pdf`` and ``*.txt``)
  or glob patterns, expanded lazily: no list of the corpus is ever built.
* The parent hashes each file (sha256) and skips content already stored, so a
  rerun after an interruption resumes where it stopped. A path stored before
  with other content is parsed again and replaces its earlier version.
* Worker processes read, parse (``parse``, by default :func:`verbale.process`)
  and turn the document into rows (:func:`verbale.store.rows.prepare`). At most
  a few files per worker are in flight, so memory stays flat.
* The parent is the single writer: each document is one transaction, so
  Ctrl-C or ``kill -9`` loses nothing committed and leaves no half-written
  document. A file that fails is recorded (``failures`` table) and the run
  goes on; a worker that dies (killed, or crashed in native code) is replaced
  and its files are tried once more.
* ``reparse=True`` re-runs the pipeline on every stored document after an
  upgrade of verbale: from the stored source bytes when ingest kept them
  (``keep_sources=True``), else from the source path, which must still exist.
"""

from __future__ import annotations

import gc
import glob
import hashlib
import multiprocessing
import os
import signal
import time
import zlib
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from .. import __version__
from ..errors import VerbaleError
from ..pipeline import process
from . import Corpus
from .rows import Prepared, prepare

SUFFIXES = (".pdf", ".txt")
# Files in flight per worker: enough to keep workers busy, few enough for flat memory.
IN_FLIGHT = 3
# Failures kept in the report for the summary (all of them are in the database).
REPORT_FAILURES = 200


@dataclass
class Task:
    path: str
    sha256: Optional[str]
    data: Optional[bytes] = None      # bytes from the sources table (reparse)
    keep: bool = False                # store the source bytes
    replace: bool = False             # reparse: replace even the same content
    tries: int = 0


@dataclass
class Result:
    path: str
    sha256: Optional[str]
    prepared: Optional[Prepared] = None
    error: Optional[tuple[str, str, Optional[int]]] = None   # class name, message, exit code
    replace: bool = False


@dataclass
class IngestReport:
    """Running totals of an ingest run; the last one is its summary."""

    seen: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicate: int = 0
    skipped: int = 0
    failed: int = 0
    pages: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.added + self.replaced

    def rate(self) -> float:
        """Documents stored per second of wall time."""
        return self.stored / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Event:
    """What the progress callback receives after each file."""

    path: str
    outcome: str          # added | replaced | unchanged | duplicate | skipped | failed
    pages: int
    error: Optional[str]
    report: IngestReport


Parse = Callable[..., object]


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files named by ``paths`` (files, folders, globs), lazily, folders sorted."""
    for raw in paths:
        text = str(raw)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            for match in sorted(glob.iglob(text, recursive=True)):
                yield from iter_files([match])
        elif Path(text).is_dir():
            for root, dirs, files in os.walk(text):
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(SUFFIXES):
                        yield Path(root) / name
        else:
            yield Path(text)


def ingest(paths: Iterable[str | os.PathLike], db: str | os.PathLike | Corpus | None = None, *,
           workers: Optional[int] = None, reparse: bool = False, keep_sources: bool = False,
           progress: Optional[Callable[[Event], None]] = None,
           parse: Parse = process) -> IngestReport:
    """Parse and store every file of ``paths`` into the corpus ``db``.

    ``workers`` processes parse (default: one per CPU; 0 or 1 parses in this
    process). ``parse(data, name=path)`` returns a Document. ``progress`` is
    called after each file. With ``reparse``, the stored documents are parsed
    again (``paths`` may then be empty).
    """
    corpus = db if isinstance(db, Corpus) else Corpus.open(db)
    report = IngestReport()
    started = time.perf_counter()
    workers = (os.cpu_count() or 1) if workers is None else workers
    try:
        tasks = (_reparse_tasks(corpus, report, progress) if reparse
                 else _file_tasks(paths, corpus, report, keep_sources, progress))
        for result in _run(tasks, workers, parse):
            _store(corpus, result, report, progress, started)
    finally:
        report.seconds = time.perf_counter() - started
        if corpus is not db:
            corpus.close()
    return report


def _file_tasks(paths, corpus: Corpus, report: IngestReport, keep: bool, progress
                ) -> Iterator[Task]:
    for path in iter_files(paths):
        name = str(path.expanduser().resolve())
        try:
            with open(name, "rb") as fp:
                sha = hashlib.file_digest(fp, "sha256").hexdigest()
        except OSError:
            sha = None  # the worker reports the error in the parser's words
        known = corpus.known(sha, name) if sha else None
        if known:
            _count(report, progress, name, known, 0)
            continue
        yield Task(name, sha, keep=keep)


def _reparse_tasks(corpus: Corpus, report: IngestReport, progress) -> Iterator[Task]:
    # Walk by rowid up to the last document stored before the run: replaced
    # documents get new rowids and must not come round again.
    last, end = 0, corpus.conn.execute("SELECT max(rowid) FROM documents").fetchone()[0] or 0
    while True:
        row = corpus.conn.execute(
            "SELECT d.rowid, d.id, d.path, d.synthetic, s.data FROM documents d "
            "LEFT JOIN sources s ON s.id = d.id WHERE d.rowid > ? AND d.rowid <= ? "
            "ORDER BY d.rowid LIMIT 1", (last, end)).fetchone()
        if row is None:
            return
        last, _, path, synthetic, data = row
        if synthetic:  # made by bench/bench_scale.py, not parsed from a file
            _count(report, progress, path, "skipped", 0)
            continue
        yield Task(path, row[1], data=zlib.decompress(data) if data else None,
                   keep=data is not None, replace=True)


def _run(tasks: Iterator[Task], workers: int, parse: Parse) -> Iterator[Result]:
    if workers <= 1:
        for task in tasks:
            yield _work(task, parse)
        return
    retry: deque[Task] = deque()
    pending: dict[Future, Task] = {}
    pool = _pool(workers)
    exhausted = False
    try:
        while True:
            broken = False
            while len(pending) < workers * IN_FLIGHT and (retry or not exhausted):
                task = retry.popleft() if retry else next(tasks, None)
                if task is None:
                    exhausted = True
                    break
                try:
                    pending[pool.submit(_work, task, parse)] = task
                except BrokenProcessPool:  # died since the last look: not this task's doing
                    retry.appendleft(task)
                    broken = True
                    break
            if not broken:
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    try:
                        result = future.result()
                    except BrokenProcessPool:
                        broken = True
                        continue
                    del pending[future]
                    yield result
            if broken:
                # A worker died: every file in flight is lost with the pool. Try
                # each once more in a new pool; twice is the file's own fault.
                _stop(pool, kill=True)
                for task in pending.values():
                    task.tries += 1
                    if task.tries >= 2:
                        yield Result(task.path, task.sha256, error=(
                            "WorkerDied", "the worker process parsing this file died twice",
                            None))
                    else:
                        retry.append(task)
                pending.clear()
                pool = _pool(workers)
    except BaseException:  # Ctrl-C, or the caller stopped: do not wait for long parses
        _stop(pool, kill=True)
        raise
    finally:
        _stop(pool)


def _pool(workers: int) -> ProcessPoolExecutor:
    # fork starts workers in milliseconds with verbale already imported; the
    # parent's database connection is never used in a child.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker)


def _start_worker() -> None:
    # Ctrl-C is the parent's to handle: it stops cleanly between transactions.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Objects inherited through fork are never garbage here: keep the collector
    # from walking (and copying page by page) the parent's whole heap.
    gc.freeze()


def _stop(pool: ProcessPoolExecutor, kill: bool = False) -> None:
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=not kill, cancel_futures=True)
    for proc in procs if kill else ():
        if proc.is_alive():
            proc.terminate()


def _work(task: Task, parse: Parse) -> Result:
    """In a worker: read, parse and prepare one file. Never raises."""
    try:
        data = task.data
        if data is None:
            with open(task.path, "rb") as fp:
                data = fp.read()
        sha = hashlib.sha256(data).hexdigest()
        doc = parse(data, name=task.path)
        prepared = prepare(doc, data if task.keep else None, version=__version__)
        return Result(task.path, sha, prepared=prepared, replace=task.replace)
    except VerbaleError as exc:
        return Result(task.path, task.sha256, error=(type(exc).__name__, str(exc), exc.exit_code))
    except FileNotFoundError:
        return Result(task.path, task.sha256, error=(
            "NotFoundError", f"{task.path}: no such file (and its source bytes were not kept)", 3))
    except Exception as exc:  # a bug or an OS error: record it and go on
        return Result(task.path, task.sha256, error=(type(exc).__name__, f"{task.path}: {exc}", None))


def _store(corpus: Corpus, result: Result, report: IngestReport, progress, started) -> None:
    if result.error:
        name, message, code = result.error
        corpus.record_failure(result.path, name, message, code, result.sha256)
        if len(report.failures) < REPORT_FAILURES:
            report.failures.append((result.path, f"{name}: {message}"))
        report.seconds = time.perf_counter() - started
        _count(report, progress, result.path, "failed", 0, message)
        return
    p = result.prepared
    outcome = corpus.store(p, replace=result.replace)
    report.seconds = time.perf_counter() - started
    _count(report, progress, result.path, outcome, p.row["pages"] or 0 if outcome in
           ("added", "replaced") else 0)


def _count(report: IngestReport, progress, path: str, outcome: str, pages: int,
           error: Optional[str] = None) -> None:
    report.seen += 1
    setattr(report, outcome, getattr(report, outcome) + 1)
    report.pages += pages
    if progress:
        progress(Event(path, outcome, pages, error, report))

