"""Corpus commands: ingest, search, show, cites, cited-by, graph, claims.

Each command opens the corpus, calls one or two :class:`verbale.store.Corpus`
methods and prints the result. Every command takes ``--db PATH``; without it
the corpus is ``$VERBALE_DB``, else ``./verbale.db``. Listing commands take
``--format json`` for scripts. Errors print one line and exit with their own
code (20 store, 21 not found, 22 bad query; see verbale.errors).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import click

from .cli import _friendly, main  # noqa: E402  (cli imports this module last)
from .pipeline import process
from .render import to_json, to_markdown, to_text
from .store import ENV_DB, Corpus

db_option = click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), envvar=ENV_DB,
    default="verbale.db", show_default=True,
    help=f"The corpus database (default: ${ENV_DB}, else ./verbale.db).")


def format_option(*choices: str, default: str = "table"):
    return click.option("-f", "--format", "fmt", type=click.Choice(list(choices)),
                        default=default, show_default=True, help="json: for scripts.")


def _open(db: Path) -> Corpus:
    return Corpus.open(db, create=False)


def _dump(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


# -- ingest -------------------------------------------------------------------

@click.command("ingest")
@click.argument("paths", nargs=-1)
@db_option
@click.option("-j", "--workers", type=click.IntRange(0), default=None,
              help="Parsing processes (default: one per CPU; 0 parses in this process).")
@click.option("--reparse", is_flag=True, help="Parse every stored document again "
              "(after upgrading verbale), from its kept bytes or its path.")
@click.option("--keep-sources", is_flag=True,
              help="Store the source files' bytes (compressed) so --reparse needs no files.")
@click.option("--strict", is_flag=True, help="Exit with 1 when any file failed.")
@_friendly
def ingest_command(paths, db, workers, reparse, keep_sources, strict) -> None:
    """Parse files, folders or globs and store them in the corpus.

    Already stored files (same content) are skipped; a changed file replaces
    its earlier version. A file that fails is recorded and the run goes on.
    Interrupted (Ctrl-C, kill)? Run the same command again: it resumes.

    \b
    Examples:
      verbale ingest ../shared/corpus
      verbale ingest 'letters/**/*.pdf' --db letters.db -j 4
      verbale ingest --reparse
    """
    from .store.ingest import ingest, iter_files

    if not paths and not reparse:
        raise click.UsageError("give files, folders or globs to ingest (or --reparse)")
    with Corpus.open(db) as corpus:
        total = len(corpus) if reparse else None
        if total is None and sys.stderr.isatty():
            total = sum(1 for _ in iter_files(paths))  # a count, not a list
        show = _Progress(total) if sys.stderr.isatty() else _log
        try:
            with _progress_context(show):
                report = ingest(paths, corpus, workers=workers, reparse=reparse,
                                keep_sources=keep_sources, progress=show)
        except KeyboardInterrupt:
            click.echo(f"verbale: interrupted; {len(corpus)} documents are stored. "
                       "Run the same command again to resume.", err=True)
            sys.exit(130)
    _summary(report)
    if strict and report.failed:
        sys.exit(1)


def _log(event) -> None:
    r = event.report
    extra = f" ({event.pages} pages)" if event.pages else ""
    extra += f": {event.error}" if event.error else ""
    click.echo(f"[{r.seen}] {event.outcome:<9} {event.path}{extra}", err=True)


class _Progress:
    """A rich progress bar on the terminal: files, documents, pages, errors, rate."""

    def __init__(self, total: Optional[int]):
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        # auto_refresh off: no drawing thread exists when the workers are forked.
        self.bar = Progress(TextColumn("ingest"), BarColumn(bar_width=24), MofNCompleteColumn(),
                            TextColumn("{task.fields[stats]}"), TimeElapsedColumn(),
                            auto_refresh=False, transient=False,
                            console=_stderr_console())
        self.task = self.bar.add_task("ingest", total=total, stats="")

    def __call__(self, event) -> None:
        r = event.report
        rate = r.stored / r.seconds if r.seconds else 0.0
        self.bar.update(self.task, completed=r.seen, stats=(
            f"{r.stored} docs · {r.pages} pages · {r.failed} errors · {r.unchanged + r.duplicate}"
            f" skipped · {rate:.1f} docs/s"))
        self.bar.refresh()


def _stderr_console():
    from rich.console import Console
    return Console(stderr=True)


class _progress_context:
    def __init__(self, show):
        self.bar = getattr(show, "bar", None)

    def __enter__(self):
        if self.bar:
            self.bar.start()

    def __exit__(self, *exc):
        if self.bar:
            self.bar.stop()


def _summary(report) -> None:
    click.echo(f"{report.seen} files: {report.added} added, {report.replaced} replaced, "
               f"{report.unchanged} unchanged, {report.duplicate} duplicate, "
               f"{report.failed} failed; {report.pages} pages in {report.seconds:.1f} s "
               f"({report.rate():.1f} documents/s)")
    for path, error in report.failures:
        click.echo(f"  failed: {path}: {error}")
    if report.failed > len(report.failures):
        click.echo(f"  … and {report.failed - len(report.failures)} more")


# -- search and browse --------------------------------------------------------

@click.command("search")
@click.argument("query")
@db_option
@click.option("--organ", help="General Assembly, Security Council… or GA, SC, HRC, ECOSOC.")
@click.option("--symbol", help="Symbol prefix, e.g. A/79/ or S/2025/.")
@click.option("--session", help="GA session: 79, ES-10.")
@click.option("--year", type=int, help="Year of the document.")
@click.option("--from", "date_from", help="From this date: YYYY[-MM[-DD]].")
@click.option("--to", "date_to", help="Up to this date: YYYY[-MM[-DD]].")
@click.option("--agenda-item", help='Agenda item: "98 (w)" or 98.')
@click.option("--type", "doc_type", help="letter, identical letters, report, resolution…")
@click.option("--sender", help="Words of the sender, e.g. a State.")
@click.option("--language", help="Language code: en, fr, es…")
@click.option("-n", "--limit", type=click.IntRange(1), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@format_option("table", "json")
@_friendly
def search_command(query, db, limit, offset, fmt, **filters) -> None:
    """Full-text search over blocks, footnotes and titles, best first (BM25).

    QUERY is FTS5 syntax: words, "a phrase", prefix*, OR, NOT, NEAR(a b).
    Quote words with punctuation: '"A/79/722"'.

    \b
    Examples:
      verbale search '"confidence-building measures"' --organ GA
      verbale search 'disarm*' --from 2025-01 --to 2025-06 -f json
    """
    terminal = sys.stdout.isatty() and fmt == "table"
    mark = ("\x1b[1;33m", "\x1b[0m") if terminal else ("[", "]")
    with _open(db) as corpus:
        hits = corpus.search(query, limit=limit, offset=offset, mark=mark, **filters)
    if fmt == "json":
        return _dump([h.to_dict() for h in hits])
    for h in hits:
        where = f"{h.field} {h.ref or ''}".strip() + (f", p. {h.page}" if h.page else "")
        click.echo(f"{h.document.label}  {h.document.date or ''}  ({where})")
        click.echo(f"    {h.snippet}")
    if not hits:
        click.echo("no match", err=True)


@click.command("show")
@click.argument("key")
@db_option
@format_option("markdown", "text", "json", default="markdown")
@_friendly
def show_command(key, db, fmt) -> None:
    """Print a stored document, found by any of its symbols, its id or file name.

    \b
    Examples:
      verbale show S/2025/27
      verbale show A/79/722 -f json
    """
    with _open(db) as corpus:
        doc = corpus.get(key)
    click.echo({"json": to_json, "text": to_text, "markdown": to_markdown}[fmt](doc).rstrip("\n"))


@click.command("cites")
@click.argument("key")
@db_option
@format_option("table", "json")
@_friendly
def cites_command(key, db, fmt) -> None:
    """The documents a stored document cites; those not in the corpus are marked
    missing, with their undocs.org address.

    \b
    Example:
      verbale cites A/79/801
    """
    with _open(db) as corpus:
        _citations(corpus.cites(key), fmt, outgoing=True)


@click.command("cited-by")
@click.argument("key")
@db_option
@format_option("table", "json")
@_friendly
def cited_by_command(key, db, fmt) -> None:
    """The stored documents citing KEY (a stored document, or any symbol).

    \b
    Example:
      verbale cited-by S/2020/90
    """
    with _open(db) as corpus:
        citations = corpus.cited_by(key)
    if fmt == "table" and citations and citations[0].missing:
        click.echo(f"{citations[0].target} is not in the corpus: {citations[0].url}")
    _citations(citations, fmt, outgoing=False)


def _citations(citations, fmt: str, outgoing: bool) -> None:
    if fmt == "json":
        return _dump([c.to_dict() for c in citations])
    for c in citations:
        where = c.footnote or c.block or ""
        if outgoing:
            status = c.document.label if c.document else f"missing  {c.url or ''}"
            click.echo(f"{c.target}\t{where}\t{status}")
        else:
            click.echo(f"{c.source.label}\t{where}\t{c.target}\t{(c.text or '')[:80]}")


@click.command("graph")
@db_option
@click.option("--format", "fmt", type=click.Choice(["graphml", "json"]), default="graphml",
              show_default=True, help="graphml: Gephi, yEd; json: networkx node-link.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write here instead of standard output.")
@_friendly
def graph_command(db, fmt, output) -> None:
    """Export the citation graph: documents, missing symbols, edges with their footnote.

    \b
    Example:
      verbale graph --format graphml -o citations.graphml
    """
    with _open(db) as corpus, _output(output) as fp:
        corpus.write_graph(fp, fmt)


class _output:
    def __init__(self, path: Optional[Path]):
        self.path = path

    def __enter__(self):
        self.fp = (open(self.path, "w", encoding="utf-8", newline="") if self.path
                   else sys.stdout)
        return self.fp

    def __exit__(self, *exc):
        if self.path:
            self.fp.close()


# -- claims ---------------------------------------------------------------------

@click.command("claims")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--event", "place", help="Place of the event: claims from the whole corpus "
              "(with FILES: only claims about this place).")
@click.option("--from", "date_from", help="Event from this date: YYYY[-MM[-DD]].")
@click.option("--to", "date_to", help="Event up to this date: YYYY[-MM[-DD]].")
@click.option("--compare", is_flag=True,
              help="With FILES: the same event told by several documents, side by side.")
@db_option
@format_option("table", "json", "csv")
@_friendly
def claims_command(files, place, date_from, date_to, compare, db, fmt) -> None:
    """Claims (killed, wounded, displaced…) with who makes them.

    With FILES, the claims of those documents (--compare: grouped by event);
    with --event PLACE alone, every claim about that place in the corpus,
    grouped by measure.

    \b
    Examples:
      verbale claims --event Khojaly --from 1992 --to 1992
      verbale claims letter.pdf -f csv
      verbale claims --compare A.pdf B.pdf
    """
    if files:
        return _file_claims(files, place, compare, fmt)
    if not place:
        raise click.UsageError("give FILES, or --event PLACE to search the corpus")
    event_claims_command(db, place, date_from, date_to, fmt)


def event_claims_command(db, place: str, date_from: Optional[str], date_to: Optional[str],
                         fmt: str = "table") -> None:
    """Print every stored claim about ``place``, grouped by measure (table, json or csv)."""
    with _open(db) as corpus:
        groups = corpus.claims_for_event(place, date_from, date_to)
    if fmt == "json":
        return _dump([g.to_dict() for g in groups])
    if fmt == "csv":
        return _rows([{**c.to_dict(), "document": c.document.label} for g in groups
                      for c in g.claims], fmt, [])
    for group in groups:
        spread = f" (from {group.spread[0]} to {group.spread[1]})" if group.spread else ""
        click.echo(f"{group.measure}{spread}")
        for c in group.claims:
            figure = c.value if c.value is not None else \
                "–".join(str(v) for v in (c.low, c.high) if v is not None)
            hedge = f"{c.hedge} " if c.hedge else ""
            source = f" citing {c.reference_text[:60]}" if c.reference_text else ""
            click.echo(f"  {hedge}{figure}\t{c.place or ''}, {c.date or c.document.date or ''}"
                       f"\t{c.claimant} ({c.document.label}){source}")
    if not groups:
        click.echo(f"no stored claim about {place!r}", err=True)


def _file_claims(files, place: Optional[str], compare: bool, fmt: str) -> None:
    # Per-file claims belong to verbale.claims; this stays a thin bridge.
    from .claims import claims_to_rows, compare_claims, comparison_to_rows

    docs = [process(path) for path in files]
    rows = (comparison_to_rows(compare_claims(docs)) if compare
            else [row for doc in docs for row in claims_to_rows(doc)])
    if place:
        rows = [r for r in rows if place.lower() in (r.get("place") or "").lower()]
    if fmt == "table":  # a readable figure: "613", "at least 120", "scores of 40–99 (best 60)"
        rows = [{**r, "figure": _figure(r)} for r in rows]
    columns = ["document", "measure", "figure", "place", "date", "claimant"]
    if compare:
        rows = [{**r, "spread": f"{r['spread_min']}–{r['spread_max']}"} for r in rows]
        columns = ["place", "date", "measure", "spread", "figure", "claimant", "document"]
    _rows(rows, fmt, columns)


def _figure(row: dict) -> str:
    """A claim's figure as its claimant states it, hedge kept, never resolved."""
    if row.get("value") is not None:
        return f"{row['hedge']} {row['value']}" if row.get("hedge") else str(row["value"])
    span = "–".join(str(row[k]) for k in ("low", "high") if row.get(k) is not None)
    best = f" (best {row['best']})" if row.get("best") is not None and span != str(row["best"]) else ""
    return f"{row.get('hedge') or ''} {span}{best}".strip()


def _rows(rows: list[dict], fmt: str, columns: list[str]) -> None:
    if fmt == "json":
        return _dump(rows)
    if fmt == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else columns)
        writer.writeheader()
        writer.writerows(rows)
        return None
    for r in rows:
        click.echo("\t".join("" if r.get(c) is None else str(r.get(c)) for c in columns))


for _command in (ingest_command, search_command, show_command, cites_command, cited_by_command,
                 graph_command, claims_command):
    main.add_command(_command)
