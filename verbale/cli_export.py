"""``verbale export``: one document, or the whole corpus, in an exchange format.

Registered on the main command group by the import at the end of
verbale/cli.py, so that this module owns the command and cli.py stays a list
of registrations.
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from .cli import _friendly, _write, main
from .cli_corpus import _open, _output, db_option
from .pipeline import process
from .render import EXPORTERS


@click.command("export")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(list(EXPORTERS)), default="akn",
              show_default=True,
              help="For FILE: akn: Akoma Ntoso 3.0 XML (AKN4UN naming); json: the full model; "
                   "csl: CSL-JSON of the cited sources; bibtex: BibTeX entries.")
@click.option("--what", type=click.Choice(["documents", "references", "claims", "akn"]),
              help="Export the corpus instead: documents as JSON Lines, references or claims "
                   "as CSV, akn as one Akoma Ntoso file per document into the folder -o.")
@db_option
@click.option("-o", "--output", type=click.Path(writable=True, path_type=Path),
              help="Write here instead of standard output (a folder for --what akn).")
@_friendly
def export_command(file: Path | None, fmt: str, what: str | None, db: Path,
                   output: Path | None) -> None:
    """Export one document (FILE) or the whole corpus (--what).

    \b
    Examples:
      verbale export samples/letter.pdf --format akn -o letter.akn.xml
      verbale export samples/letter.pdf --format csl
      verbale export --what references -o references.csv
      verbale export --what akn -o akn/
    """
    if (file is None) == (what is None):
        raise click.UsageError("give one FILE, or --what documents|references|claims|akn")
    if file is not None:
        _write([EXPORTERS[fmt](process(file)).rstrip("\n") + "\n"], output)
    elif what == "akn":
        if output is None:
            raise click.UsageError("--what akn writes one file per document: give -o FOLDER")
        with _open(db) as corpus:
            count = _write_akn_folder(corpus.documents(), output)
        click.echo(f"verbale: wrote {count} Akoma Ntoso files to {output}", err=True)
    else:
        with _open(db) as corpus, _output(output) as fp:
            corpus.export(what, fp)


def _write_akn_folder(docs, folder: Path) -> int:
    """One ``<symbol>.akn.xml`` per document; its id names it when it has no
    symbol, and is added when two versions share one (a PDF and its text)."""
    folder.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    for doc in docs:
        stem = re.sub(r"[^A-Za-z0-9.()-]+", "_", doc.symbols[0]).strip("_") if doc.symbols else ""
        if not stem or stem in used:
            stem = f"{stem}.{doc.source.sha256[:12]}".lstrip(".")
        used.add(stem)
        (folder / f"{stem}.akn.xml").write_text(EXPORTERS["akn"](doc), encoding="utf-8")
    return len(used)


main.add_command(export_command)
