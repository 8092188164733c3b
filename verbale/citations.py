"""Export a document's references as CSL-JSON or BibTeX.

CSL-JSON is what Zotero, pandoc and citeproc read; BibTeX what LaTeX tools
read. Each source appears once: a resolution cited twenty times, or a book
cited again with "Ibid.", is one item (the id of its first reference).
Commentary (``note``) is not a source and is left out.

UN documents cite as UN documents: the symbol is the ``number``, the organ
the author (``United Nations General Assembly``), the undocs.org address the
``URL``.

>>> from verbale.model import Document, Reference, Source
>>> doc = Document(Source("x.txt", "text", "", 1, 0), references=(
...     Reference("r1", "un_document", "A/75/10", {}, ("A/75/10",), "https://undocs.org/A/75/10"),))
>>> item = to_csl_json(doc)[0]
>>> item["type"], item["number"], item["author"]
('report', 'A/75/10', [{'literal': 'United Nations General Assembly'}])
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from .model import Document, Reference
from .references import extract_references
from .references.patterns import PARTICLES
from .symbols import organ_author

CSL_TYPES = {
    "un_document": "report",
    "official_records": "report",
    "report": "report",
    "resolution": "legislation",
    "decision": "legislation",
    "resolution_other": "legislation",
    "declaration": "legislation",
    "legislation": "legislation",
    "treaty": "treaty",
    "judgment": "legal_case",
    "book": "book",
    "chapter": "chapter",
    "article": "article-journal",
    "press": "article-newspaper",
    "web": "webpage",
}
_MAGAZINES = {"magazine"}
# Fields copied as they are: same name in verbale and in CSL.
_CSL_SAME = (
    "title",
    "container-title",
    "publisher",
    "publisher-place",
    "volume",
    "number",
    "page",
    "URL",
    "authority",
    "genre",
    "archive",
)
_SKIP = frozenset({"note"})


def references_of(doc: Document) -> tuple[Reference, ...]:
    """The document's references: the stored ones, or extracted now."""
    return doc.references or extract_references(doc)[0]


def to_csl_json(doc: Document) -> list[dict[str, Any]]:
    """CSL-JSON items for the sources ``doc`` cites, in order of first citation."""
    items = []
    for ref in _sources(references_of(doc)):
        items.append(csl_item(ref))
    return items


def csl_item(ref: Reference) -> dict[str, Any]:
    """One CSL-JSON item for one reference.

    >>> csl_item(Reference("r2", "press", "The Age, 6 March 1992.",
    ...          {"outlet": "The Age", "container-title": "The Age", "issued": "1992-03-06"}))["issued"]
    {'date-parts': [[1992, 3, 6]]}
    """
    f = ref.fields
    kind = CSL_TYPES.get(ref.type, "article")
    if ref.type == "press" and f.get("outlet_kind") in _MAGAZINES:
        kind = "article-magazine"
    item: dict[str, Any] = {"id": ref.id, "type": kind}
    item.update({k: str(f[k]) for k in _CSL_SAME if f.get(k)})
    authors = (
        _csl_names(f.get("author"))
        or _organs(ref)
        or _literal(f.get("organization") or f.get("court"))
    )
    if authors:
        item["author"] = authors
    if f.get("editor"):
        item["editor"] = _csl_names(f["editor"])
    for key in ("issued", "accessed"):
        date = csl_date(f.get(key))
        if date:
            item[key] = date
    if ref.symbols:
        # A joint symbol is printed with an en dash (un-conventions.md 1.4).
        item["number"] = (
            "\u2013".join(ref.symbols) if ref.type != "official_records" else ref.symbols[0]
        )
        if ref.url:
            item["URL"] = ref.url
    if ref.type in ("resolution", "decision") and not item.get("title"):
        item["title"] = _act_title(ref)
    if not item.get("title") and ref.type != "press":  # an outlet and a date say it all
        item["title"] = _fallback_title(ref)
    if ref.type in ("judgment", "resolution", "decision") and f.get("organ") or f.get("court"):
        item.setdefault("authority", f.get("court") or f.get("organ"))
    if ref.type in ("unknown", "ibid", "cross_reference", "short_form"):
        item["note"] = "citation not parsed: " + ref.text
    return item


def csl_date(iso: str | None) -> dict[str, Any] | None:
    """CSL date from ISO text: ``1992-09`` -> ``{"date-parts": [[1992, 9]]}``; ranges give two parts."""
    if not iso:
        return None
    parts = []
    for piece in str(iso).split("/"):
        numbers = [int(x) for x in re.findall(r"\d+", piece)][:3]
        if numbers:
            parts.append(numbers)
    return {"date-parts": parts} if parts else None


def _csl_names(names: Iterable[str] | None) -> list[dict[str, str]]:
    out = []
    for name in names or ():
        family, given = split_name(name)
        out.append({"family": family, "given": given} if given else {"literal": name})
    return out


def split_name(name: str) -> tuple[str, str]:
    """(family, given) of a personal name; particles go with the family name.

    >>> split_name("Thomas de Waal"), split_name("Jessica A. Stanton")
    (('de Waal', 'Thomas'), ('Stanton', 'Jessica A.'))
    """
    tokens = name.split()
    i = len(tokens) - 1
    while i > 1 and tokens[i - 1].lower() in PARTICLES:
        i -= 1
    return " ".join(tokens[i:]), " ".join(tokens[:i])


def _literal(name: str | None) -> list[dict[str, str]]:
    return [{"literal": name}] if name else []


def _organs(ref: Reference) -> list[dict[str, str]]:
    """Organs behind a UN reference's symbols: "United Nations Security Council"."""
    if ref.type not in ("un_document", "resolution", "decision", "official_records"):
        return []
    out: list[dict[str, str]] = []
    organs = [organ_author(s) for s in ref.symbols] or [_named_organ(ref.fields.get("organ"))]
    for organ in organs:
        if organ and {"literal": organ} not in out:
            out.append({"literal": organ})
    return out


# Public alias of symbols.organ_author: tests/test_citations.py imports it by this name.
organ_of = organ_author


def _named_organ(organ: str | None) -> str | None:
    if not organ:
        return None
    return organ if organ.startswith("United Nations") else f"United Nations {organ}"


def _act_title(ref: Reference) -> str:
    f = ref.fields
    organ = f.get("organ") or ""
    return " ".join(
        x
        for x in (organ, ref.type, f.get("number") or (ref.symbols[0] if ref.symbols else ""))
        if x
    )


def _fallback_title(ref: Reference) -> str:
    f = ref.fields
    if ref.symbols:
        return "\u2013".join(ref.symbols)
    if ref.type == "judgment":
        return ", ".join(
            x for x in (f.get("court"), f.get("genre"), f.get("application_number")) if x
        )
    return f.get("description") or ref.text


def _sources(refs: Iterable[Reference]) -> list[Reference]:
    """One reference per source, first citation first."""
    seen: set[tuple] = set()
    out = []
    for r in refs:
        if r.type in _SKIP:
            continue
        key = _identity(r)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _identity(r: Reference) -> tuple:
    f = r.fields
    if r.symbols:
        return ("un", r.symbols)
    names = (
        "type",
        "title",
        "container-title",
        "number",
        "volume",
        "URL",
        "issued",
        "outlet",
        "court",
        "application_number",
        "organization",
    )
    key = tuple(str(f.get(k, "")) for k in names[1:])
    return (r.type, *key) if any(key) else (r.type, r.text)


# -- BibTeX -------------------------------------------------------------------

BIBTEX_TYPES = {
    "book": "book",
    "chapter": "incollection",
    "article": "article",
    "press": "article",
    "report": "techreport",
    "un_document": "techreport",
    "official_records": "techreport",
}
_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def to_bibtex(doc: Document) -> str:
    """BibTeX entries for the sources ``doc`` cites, one per source, unique keys.

    >>> from verbale.model import Source
    >>> doc = Document(Source("x.txt", "text", "", 1, 0), references=(Reference("r1", "book", "…",
    ...     {"author": ["Laurence Broers"], "title": "Armenia & Azerbaijan", "issued": "2019"}),))
    >>> print(to_bibtex(doc))
    @book{broers2019armenia,
      author = {Broers, Laurence},
      title = {{Armenia \\& Azerbaijan}},
      year = {2019},
    }
    <BLANKLINE>
    """
    keys: set[str] = set()
    entries = []
    for ref in _sources(references_of(doc)):
        entries.append(bibtex_entry(ref, _unique_key(ref, keys)))
    return "\n".join(entries)


def bibtex_entry(ref: Reference, key: str) -> str:
    """One BibTeX entry; every value escaped and braced."""
    kind = BIBTEX_TYPES.get(ref.type, "misc")
    item = csl_item(ref)
    fields: list[tuple[str, str]] = []
    people = item.get("author", [])
    persons = [p for p in people if "family" in p]
    if persons and len(persons) == len(people):
        fields.append(("author", " and ".join(f"{p['family']}, {p['given']}" for p in persons)))
    elif people:
        fields.append(
            (
                "author" if kind != "techreport" else "institution",
                " and ".join(
                    "{" + _escape(p.get("literal") or p.get("family", "")) + "}" for p in people
                ),
            )
        )
    if item.get("title"):
        fields.append(("title", "{" + _escape(item["title"]) + "}"))
    if item.get("editor"):
        fields.append(
            (
                "editor",
                " and ".join(
                    f"{p.get('family', p.get('literal'))}, {p.get('given', '')}".rstrip(", ")
                    for p in item["editor"]
                ),
            )
        )
    container = item.get("container-title")
    if container:
        name = {"incollection": "booktitle", "article": "journal"}.get(kind, "howpublished")
        fields.append((name, _escape(container)))
    for csl, bib in (
        ("publisher", "publisher"),
        ("publisher-place", "address"),
        ("volume", "volume"),
        ("number", "number"),
        ("page", "pages"),
        ("URL", "url"),
    ):
        if item.get(csl):
            value = item[csl] if csl == "URL" else _escape(str(item[csl]))
            fields.append((bib, value.replace("\u2013", "--") if bib == "pages" else value))
    issued = item.get("issued", {}).get("date-parts", [[]])[0]
    if issued:
        fields.append(("year", str(issued[0])))
        if len(issued) > 1:
            fields.append(("month", _MONTHS[issued[1] - 1]))
    pin = ref.fields.get("pinpoint")
    if pin:
        fields.append(("note", _escape(pin)))
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields if value)
    return f"@{kind}{{{key},\n{body}}}\n"


def _escape(text: str) -> str:
    text = re.sub(r"\s+", " ", str(text)).strip()
    return "".join(_SPECIAL.get(ch, ch) for ch in text)


def _unique_key(ref: Reference, used: set[str]) -> str:
    f = ref.fields
    person = (f.get("author") or [None])[0]
    if person:
        who = split_name(person)[0]
    elif ref.symbols:
        who = ref.symbols[0]
    else:
        org = f.get("organization") or f.get("outlet") or f.get("court") or ref.type
        who = next((w for w in _ascii(org).split() if w.lower() not in _STOP), ref.type)
    year = re.match(r"\d{4}", str(f.get("issued", "")))
    word = next(
        (
            w
            for w in re.findall(r"[A-Za-z]{4,}", _ascii(f.get("title", "")))
            if w.lower() not in _STOP
        ),
        "",
    )
    base = (
        re.sub(r"[^a-z0-9]", "", f"{_ascii(who)}{year.group(0) if year else ''}{word}".lower())
        or ref.id
    )
    key, n = base, 1
    while key in used:
        key = f"{base}{chr(ord('a') + n - 1)}" if n <= 26 else f"{base}{n}"
        n += 1
    used.add(key)
    return key


_STOP = frozenset(
    ["the", "and", "for", "from", "with", "that", "this", "report", "letter", "dated", "of", "on"]
)


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9 ]+", " ", text).strip()
