"""verbale: official UN documents as structured, linked, searchable records.

The public API::

    from verbale import parse
    doc = parse("A_79_722.en.pdf")
    doc.symbols, doc.date, doc.blocks, doc.footnotes
"""

from .errors import VerbaleError
from .model import Document
from .parse import parse
from .pipeline import process

__all__ = ["parse", "process", "Document", "VerbaleError"]
__version__ = "0.1.0"
