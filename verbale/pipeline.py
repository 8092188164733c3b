"""process(): parse a document and run every enrichment stage on it.

Each stage returns new records; this is the one place that attaches them.
"""

from __future__ import annotations

import os
from dataclasses import replace

from .claims import extract_claims, extract_quotations
from .model import Document
from .parse import parse
from .references import extract_references


def enrich(doc: Document) -> Document:
    """Add every layer to a parsed document: references (with cited symbols),
    then quotations and claims, which point at those references."""
    references, cited = extract_references(doc)
    doc = replace(doc, references=references, cited_symbols=cited)
    doc = replace(doc, quotations=extract_quotations(doc))
    return replace(doc, claims=extract_claims(doc))


def process(source: str | os.PathLike | bytes, **options) -> Document:
    """Parse ``source`` (see :func:`verbale.parse`) and add every layer."""
    return enrich(parse(source, **options))
