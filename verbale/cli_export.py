"""``verbale export``: one document in an exchange format.

Registered on the main command group by the import at the end of
verbale/cli.py, so that this module owns the command and cli.py stays a list
of registrations.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import click

from .citations import to_bibtex, to_csl_json
from .cli import _friendly, _write, main
from .model import Document
from .pipeline import process
from .render import to_json


def _akn(doc: Document) -> str:
    # Imported here: lxml is only needed when someone asks for AKN.
    from .akn import to_akn

    return to_akn(doc)


EXPORTERS: dict[str, Callable[[Document], str]] = {
    "akn": _akn,
    "json": to_json,
    "csl": lambda doc: json.dumps(to_csl_json(doc), ensure_ascii=False, indent=2),
    "bibtex": to_bibtex,
}


@click.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(list(EXPORTERS)), default="akn",
              show_default=True,
              help="akn: Akoma Ntoso 3.0 XML (AKN4UN naming); json: the full model; "
                   "csl: CSL-JSON of the cited sources; bibtex: BibTeX entries.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write here instead of standard output.")
@_friendly
def export_command(file: Path, fmt: str, output: Path | None) -> None:
    """Export a UN document (PDF or text) as Akoma Ntoso, JSON, CSL-JSON or BibTeX.

    \b
    Examples:
      verbale export samples/letter.pdf --format akn -o letter.akn.xml
      verbale export samples/letter.pdf --format csl
    """
    text = EXPORTERS[fmt](process(file))
    _write([text.rstrip("\n") + "\n"], output)


main.add_command(export_command)
