"""Names in the Akoma Ntoso export: FRBR IRIs, eIds, TLC ids, languages, types.

The IRIs follow the Akoma Ntoso Naming Convention (AKN-NC 1.0) with the
country code ``un`` that AKN4UN uses for the UN system::

    work           /akn/un/doc/communication/2045-03-12/A-99-123
    expression     /akn/un/doc/communication/2045-03-12/A-99-123/eng@
    manifestation  /akn/un/doc/communication/2045-03-12/A-99-123/eng@/!main.xml

Example:
    >>> symbol_slug("S/RES/2769 (2025)")
    'S-RES-2769-2025'
    >>> camel_id("Permanent Representative of Norvania")
    'permanentRepresentativeOfNorvania'
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from ..model import Document
from ..symbols import parse_symbol

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# verbale's own attributes and metadata, which AKN allows in any other
# namespace (attributes on most elements, elements inside <proprietary>).
VERBALE_NS = "urn:verbale:akn:1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"

COUNTRY = "un"
# AKN has no "unknown date"; Laws.Africa's tools use this placeholder too.
NULL_DATE = "0001-01-01"

# ISO 639-1 (the model) <-> ISO 639-2/T (AKN FRBRlanguage and IRIs).
_LANG3 = {
    "ar": "ara", "zh": "zho", "en": "eng", "fr": "fra", "ru": "rus", "es": "spa",
    "de": "deu", "pt": "por", "it": "ita", "ja": "jpn", "ko": "kor", "tr": "tur",
}
_LANG2 = {v: k for k, v in _LANG3.items()}
UNDETERMINED = "und"

# XML 1.0 forbids these characters even as references; each becomes U+FFFD so
# that text offsets (markers, spans) keep pointing at the same characters.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 cannot carry replaced by U+FFFD.

    Example:
        >>> xml_safe("a\\x00b")
        'a\\ufffdb'
    """
    return _XML_FORBIDDEN.sub("\ufffd", text)


def lang3(code: Optional[str]) -> str:
    """The three-letter code AKN uses for a model language code (``en`` -> ``eng``)."""
    if not code:
        return UNDETERMINED
    return _LANG3.get(code.lower(), code.lower())


def lang2(code: Optional[str]) -> Optional[str]:
    """The model's language code for an AKN one (``eng`` -> ``en``; ``und`` -> None)."""
    if not code or code == UNDETERMINED:
        return None
    return _LANG2.get(code, code)


def valid_date(value: Optional[str]) -> Optional[str]:
    """``value`` if it is a full ISO date that xs:date accepts, else None."""
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return None
    return value


def readable_date(iso: str) -> str:
    """``2045-03-12`` -> ``12 March 2045``, the UN masthead form."""
    d = _dt.date.fromisoformat(iso)
    return f"{d.day} {d.strftime('%B')} {d.year}"


def ascii_words(text: str) -> list[str]:
    """The ASCII letters and digits of ``text`` as words (accents folded)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[A-Za-z0-9]+", folded)


def camel_id(text: str, limit: int = 48) -> str:
    """A camelCase token for TLC eIds and names ("" when nothing is left)."""
    words = ascii_words(text)
    if not words:
        return ""
    out = words[0].lower()[:limit]
    for word in words[1:]:
        if len(out) + len(word) > limit:
            break  # whole words only, so ids stay readable
        out += word[:1].upper() + word[1:].lower()
    return out


def symbol_slug(symbol: str) -> str:
    """The IRI number component for a symbol: ``A/79/722`` -> ``A-79-722``."""
    slug = re.sub(r"[^A-Za-z0-9.]+", "-", symbol.replace("/", "-"))
    return slug.strip("-.") or "nn"


def eid_token(text: str) -> str:
    """A number as it may appear inside an eId: ``(a)`` -> ``a``, ``1.`` -> ``1``."""
    return "".join(ascii_words(text)).lower()


def undocs_href(symbol: str) -> Optional[str]:
    """The language-neutral undocs.org link for a UN symbol (None if not one)."""
    parsed = parse_symbol(symbol)
    return parsed.undocs_url() if parsed else None


# -- document types ---------------------------------------------------------

_COMMUNICATIONS = frozenset({
    "letter", "letters", "identical letters", "note verbale", "notes verbales",
})
# doc_type -> (AKN element, @name, AKN4UN subtype written as FRBRname)
_STATEMENTS = {
    "resolution": ("resolution", "resolution"),
    "draft resolution": ("resolution", "resolutionDraft"),
    "decision": ("decision", "decision"),
    "draft decision": ("decision", "decisionDraft"),
}
# First symbol component(s) -> AKN4UN actor of a deliberation.
_ACTORS = (("A/HRC/", "unhrc"), ("A/", "unga"), ("S/", "unsc"), ("E/", "ecosoc"))


@dataclass(frozen=True)
class AknType:
    """Where a document goes in AKN: root element, its @name, IRI parts."""

    element: str  # "doc" | "statement"
    name: str  # @name: "communication", "report", "resolution", ...
    subtype: str  # the IRI component after the type (and FRBRsubtype)
    frbr_name: str  # AKN4UN subtype: "letter", "noteVerbale", "resolutionDraft", ...
    actor: Optional[str] = None


def akn_type(doc: Document) -> AknType:
    """The AKN document type for a verbale document.

    Example:
        >>> from verbale.model import Document, Source
        >>> akn_type(Document(Source("", "text", "", 0, 0), doc_type="note verbale")).name
        'communication'
    """
    kind = (doc.doc_type or "").strip().lower()
    label = camel_id(kind) or "document"
    if kind in _STATEMENTS:
        name, frbr_name = _STATEMENTS[kind]
        first = doc.symbols[0] if doc.symbols else ""
        actor = next((a for prefix, a in _ACTORS if first.startswith(prefix)), None)
        return AknType("statement", name, "deliberation", frbr_name, actor)
    if kind in _COMMUNICATIONS:
        return AknType("doc", "communication", "communication", label)
    return AknType("doc", label, label, label)


# -- FRBR IRIs ----------------------------------------------------------------

@dataclass(frozen=True)
class Iris:
    """The FRBR IRIs of a document (``this`` ones name the main component)."""

    work: str
    expression: str
    manifestation: str
    date: str
    number: str
    language: str

    def component(self, name: str) -> tuple[str, str, str]:
        """FRBRthis of a component at the three levels: ``!main``, ``!annex_1``…"""
        return (f"{self.work}/!{name}", f"{self.expression}/!{name}",
                f"{self.expression}/!{name}.xml")


def frbr_iris(doc: Document) -> Iris:
    """Work, expression and manifestation IRIs built from symbol, date and language.

    Example:
        >>> from verbale.model import Document, Source
        >>> d = Document(Source("", "text", "ab12", 0, 0), symbols=("A/79/722", "S/2025/27"),
        ...              date="2025-01-13", language="en", doc_type="letter")
        >>> frbr_iris(d).expression
        '/akn/un/doc/communication/2025-01-13/A-79-722/eng@'
    """
    t = akn_type(doc)
    date = valid_date(doc.date) or NULL_DATE
    number = symbol_slug(doc.symbols[0]) if doc.symbols else f"nn-{(doc.source.sha256 or 'x')[:12]}"
    parts = ["", "akn", COUNTRY, t.element, t.subtype]
    if t.actor:
        parts.append(t.actor)
    parts += [date, number]
    work = "/".join(parts)
    language = lang3(doc.language)
    expression = f"{work}/{language}@"
    return Iris(work, expression, f"{expression}.akn", date, number, language)
