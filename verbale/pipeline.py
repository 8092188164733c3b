"""process(): parse a document and run every enrichment stage on it.

Each stage returns new records; this is the one place that attaches them.
"""

from __future__ import annotations

import os
from dataclasses import replace

from .model import Document
from .parse import parse
from .references import extract_references


def enrich(doc: Document) -> Document:
    """Add the reference layer (references, cited_symbols) to a parsed document."""
    references, cited = extract_references(doc)
    return replace(doc, references=references, cited_symbols=cited)


def process(source: str | os.PathLike | bytes, **options) -> Document:
    """Parse ``source`` (see :func:`verbale.parse`) and add every layer."""
    return enrich(parse(source, **options))
