"""Attributed claims: who says how many people were killed, wounded, missing…

verbale records *who states* a figure, about what, citing whom; it never
turns a claim into a fact. The stage has three verbs:

* :func:`extract_quotations` — quoted passages with their source and reference;
* :func:`extract_claims` — counts of people with measure, value (exact or
  low/best/high with the hedge verbatim), breakdown, claimant, place, date,
  victims and where they stand in the text;
* :func:`compare_claims` — the same event told by several documents, side by
  side with the spread, never averaged.

:func:`claims_to_rows` and :func:`comparison_to_rows` give flat dicts for CSV
and tables. The vocabulary (measures, hedges, vague amounts, reporting verbs,
words that make a number something else) is data: ``verbale/data/measures.json``.

Typical use::

    from dataclasses import replace
    doc = replace(doc, quotations=extract_quotations(doc))
    doc = replace(doc, claims=extract_claims(doc))
    claims_to_rows(doc)
"""

from .attribution import extract_quotations
from .compare import (
    EventComparison,
    Figure,
    MeasureComparison,
    claims_to_rows,
    compare_claims,
    comparison_to_rows,
)
from .extract import author_name, extract_claims

__all__ = [
    "EventComparison",
    "Figure",
    "MeasureComparison",
    "author_name",
    "claims_to_rows",
    "compare_claims",
    "comparison_to_rows",
    "extract_claims",
    "extract_quotations",
]
