"""Typed references: every citation of a UN document parsed, linked and resolved.

Detect, then interpret (see ``interpret.py``): UN symbols and resolution
citations come from :mod:`verbale.symbols`; the names of outlets,
organizations, courts and publishers from ``verbale/data/references.json``.

Public API::

    parse_citation(text) -> list[Reference]         one footnote or inline citation
    resolve_references(refs, footnotes) -> tuple    "Ibid.", "see note 3", "Parish at 91"
    extract_references(doc) -> (references, cited_symbols)

Reference types
---------------
``un_document``  a UN document cited by symbol (joint symbols give one reference
                 listing every part in ``symbols``)
``resolution``, ``decision``  of a UN organ ("resolution 60/147", "S/RES/2334 (2016)")
``official_records``  Official Records of the General Assembly, … Supplement No. 10 (A/75/10)
``treaty``       by name or in the United Nations / League of Nations Treaty Series
``judgment``     a court's judgment, decision, order or advisory opinion
``declaration``, ``resolution_other``  acts of organizations outside the UN, and acts or
                 instruments cited by title alone ("Decision Annulling …, 16 Sep. 2002",
                 "Global Digital Compact")
``book``, ``chapter`` (in an edited book), ``article`` (in a journal)
``press``        newspaper, magazine, agency or broadcaster
``report``       a report or study of an organization, or a United Nations publication
``legislation``  a national constitution, law or code
``web``          a web address
``note``         commentary, kept as written; ``unknown`` citation-like but not understood
``ibid``, ``cross_reference``, ``short_form``  short forms left unresolved

Fields
------
CSL-JSON variable names where one exists: ``author``, ``editor`` (lists of
names as written), ``title``, ``container-title`` (book of a chapter, journal,
outlet, law report, Treaty Series), ``publisher``, ``publisher-place``,
``issued`` and ``accessed`` (ISO 8601 text: ``1992-02-29``, ``1992-09``,
``2016-10-18/2016-10-19``), ``page`` (extent of a chapter or article),
``volume``, ``number`` (Treaty Series number, Sales No., document number of
another organization), ``URL``, ``authority`` (court), ``genre``,
``archive`` (the site that keeps a press article: "AG Friedensforschung
(from Neues Deutschland, 3 May 2008)").

verbale's own: ``pinpoint`` (the locator as written: "annex", "para. 87",
"p. 37"), ``paragraph``, ``annex``, ``chapter``, ``section``, ``article``,
``pinpoint_page`` (the parts of the pinpoint), ``organ``, ``session``,
``supplement``, ``symbol`` (of a resolution), ``court``,
``application_number``, ``organization``, ``body`` (organ of an
organization: "Committee of Ministers"), ``outlet``, ``outlet_kind``,
``description`` (words after a symbol: "on the imperative of …"),
``resolved_from`` (id of the reference a short form stands for), ``ibid``,
``note`` / ``notes`` (cross-references), ``short_title`` (the abbreviation or
short name later notes cite a source by: "(CoE-ECRI) European Commission …",
"ICCPR International Covenant …", "(“Analitika Study”)").
"""

from .document import extract_references
from .note import parse_citation
from .resolve import resolve_references

REFERENCE_TYPES = (
    "un_document",
    "resolution",
    "decision",
    "official_records",
    "treaty",
    "judgment",
    "declaration",
    "resolution_other",
    "book",
    "chapter",
    "article",
    "press",
    "report",
    "legislation",
    "web",
    "note",
    "unknown",
    "ibid",
    "cross_reference",
    "short_form",
)

__all__ = ["REFERENCE_TYPES", "extract_references", "parse_citation", "resolve_references"]
