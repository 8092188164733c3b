"""The command line: a thin shell over the Python API.

Every error a user can cause prints one line on stderr and exits with the
error's own code (see verbale.errors); nothing prints a traceback.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from . import __version__
from .citations import to_bibtex, to_csl_json
from .errors import VerbaleError
from .model import to_dict
from .pipeline import process
from .render import to_json, to_markdown, to_text

_RENDERERS = {"json": to_json, "text": to_text, "markdown": to_markdown}


def _friendly(command):
    """Turn verbale errors into a one-line message and a distinct exit code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except VerbaleError as exc:
            click.echo(f"verbale: {exc}", err=True)
            sys.exit(exc.exit_code)
        except BrokenPipeError:
            sys.exit(0)
        except (OSError, MemoryError) as exc:
            click.echo(f"verbale: {exc}", err=True)
            sys.exit(1)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="verbale")
def main() -> None:
    """verbale: read official UN documents into structured records.

    Start with `verbale parse FILE.pdf`; `verbale COMMAND --help` tells more.
    """


@main.command("parse")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(_RENDERERS)), default="json",
              show_default=True, help="json: the full model; text: reading text with [^n] notes; "
              "markdown: the same with headings.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write here instead of standard output.")
@_friendly
def parse_command(files: tuple[Path, ...], fmt: str, output: Path | None) -> None:
    """Parse UN documents (PDF with a text layer, or a text export).

    One file gives one JSON document; several give JSON Lines, one document
    per line in the order given. Scanned PDFs need OCR first (ocrmypdf).

    \b
    Examples:
      verbale parse samples/letter.pdf
      verbale parse -f markdown samples/letter.pdf -o letter.md
      verbale parse ../shared/corpus/pdf/*.pdf -o corpus.jsonl
    """
    docs = (process(path) for path in files)
    if fmt == "json" and len(files) > 1:
        chunks = (to_json(doc, indent=None) + "\n" for doc in docs)
    else:
        chunks = (_RENDERERS[fmt](doc) + ("\n" if fmt == "json" else "") for doc in docs)
    _write(chunks, output)


@main.command("refs")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json", "csl", "bibtex"]),
              default="table", show_default=True,
              help="table: one line per reference; json: the parsed references; "
                   "csl: CSL-JSON (Zotero, pandoc); bibtex: BibTeX entries.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write here instead of standard output.")
@_friendly
def refs_command(file: Path, fmt: str, output: Path | None) -> None:
    """List every citation of a document, typed and parsed.

    \b
    Examples:
      verbale refs samples/letter.pdf
      verbale refs -f bibtex samples/letter.pdf -o letter.bib
    """
    doc = process(file)
    if fmt == "json":
        text = json.dumps({"references": to_dict(doc.references),
                           "cited_symbols": list(doc.cited_symbols)}, ensure_ascii=False, indent=2)
    elif fmt == "csl":
        text = json.dumps(to_csl_json(doc), ensure_ascii=False, indent=2)
    elif fmt == "bibtex":
        text = to_bibtex(doc)
    else:
        text = "\n".join(
            f"{r.id}\t{r.type}\t{r.footnote or r.block or ''}\t{' '.join(r.symbols)}\t{r.text[:80]}"
            for r in doc.references)
    _write([text.rstrip("\n") + "\n"], output)


def _write(chunks, output: Path | None) -> None:
    # Render everything before touching the output file, so that a failing
    # input leaves an existing output untouched.
    text = "".join(chunks)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


# Commands defined in their own modules register themselves on `main`.
from . import cli_corpus, cli_export, cli_web  # noqa: E402,F401
