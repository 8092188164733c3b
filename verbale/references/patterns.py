"""Compiled patterns for citations: the only place with regexes of the package.

The names that tell what kind of source a citation is (press outlets,
organizations, courts, publisher hints, treaty words) live in
``verbale/data/references.json`` and are compiled here once. Everything else
is the grammar of citations that the Editorial Manual and common legal and
academic styles share: dates, locators ("para. 12", "annex I", "pp. 75–83"),
lead-ins ("See also"), "Ibid.", "see note 3", URLs.

>>> parse_date("18\u221219 October 2016")
'2016-10-18/2016-10-19'
>>> parse_locator("annex, para. 46")["paragraph"]
'46'
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import months as M

DASH = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_D = f"[{DASH}]"

# -- data -------------------------------------------------------------------


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    """The parsed ``references.json`` (loaded once)."""
    text = resources.files("verbale").joinpath("data/references.json").read_text("utf-8")
    return json.loads(text)


def _alternation(names, flags: str = "") -> str:
    # Longest first, so "The New York Times" wins over "The Times".
    ordered = sorted({n for n in names if n}, key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)


# -- dates ------------------------------------------------------------------

_MONTH = rf"(?:{'|'.join((*M.ENGLISH, *M.ABBREVIATIONS))})\.?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
DATE = re.compile(
    rf"""
    (?P<d1>\d{{1,2}})(?:\s+(?P<m1>{_MONTH}))?\s*(?:{_D}|\bto\b)\s*(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})
    | (?P<d>\d{{1,2}})\s+(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})
    | (?P<md_m>{_MONTH})\s+(?P<md_d>\d{{1,2}}),\s+(?P<md_y>{_YEAR})
    | (?P<my_m>{_MONTH})\s+(?P<my_y>{_YEAR})
    """,
    re.VERBOSE,
)
YEAR = re.compile(rf"(?<![\d/.\-])({_YEAR})(?![\d/])")


def _month(name: str) -> int:
    return M.number(name)


def date_iso(m: re.Match) -> str:
    """ISO 8601 text (``1992-02-29``, ``1992-09``, ranges as ``a/b``) of a DATE match."""
    g = m.groupdict()
    if g["d1"]:
        y, m2 = int(g["y2"]), _month(g["m2"])
        m1 = _month(g["m1"]) if g["m1"] else m2
        return f"{y:04d}-{m1:02d}-{int(g['d1']):02d}/{y:04d}-{m2:02d}-{int(g['d2']):02d}"
    if g["d"]:
        return f"{int(g['y']):04d}-{_month(g['m']):02d}-{int(g['d']):02d}"
    if g["md_m"]:
        return f"{int(g['md_y']):04d}-{_month(g['md_m']):02d}-{int(g['md_d']):02d}"
    return f"{int(g['my_y']):04d}-{_month(g['my_m']):02d}"


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO text, else its first year, else None.

    >>> parse_date("The Age, 6 March 1992.")
    '1992-03-06'
    >>> parse_date("(September 1992)")
    '1992-09'
    """
    m = DATE.search(text)
    if m:
        return date_iso(m)
    y = YEAR.search(text)
    return y.group(1) if y else None


# -- URLs -------------------------------------------------------------------

# A URL broken over two lines comes back with a space after "/" or "-";
# the continuation is taken when it looks like a path (no capital, no space).
URL = re.compile(
    r"""(?:https?://|www\.)[^\s<>"\u201c\u201d]+"""
    r"""(?:(?<=[/\-\ufffe_&=?])\s+(?!(?:and|or|the|for|see|at|in|on|of|to)\b)[a-z0-9][^\s<>"\u201c\u201d]*"""
    r"""|\.\s+(?:pdf|html?|aspx|php|docx?)\b)*"""
    r"""|(?<=available at )[a-z0-9][\w.-]*\.[a-z]{2,}/[^\s<>"]*""",
    re.IGNORECASE,
)
_URL_TRAIL = ".,;:)]\u201d'\u2019"


def url_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over punctuation that closes a sentence, not the URL."""
    while end > start and text[end - 1] in _URL_TRAIL:
        if text[end - 1] == ")" and "(" in text[start : end - 1]:
            break
        end -= 1
    return end


# "www.ohchr.org.Civil society…", "…/outcomes-world.Note: All websites…": PDF text
# lost the space after a full stop, and the next sentence ran into the address.
GLUED_SENTENCE = re.compile(r"\.[A-Z][a-z]+$")


def glued_end(text: str, start: int, end: int) -> int:
    """``end`` moved back before a sentence that ran into the address."""
    m = GLUED_SENTENCE.search(text, start, end)
    return m.start() if m and "." in text[start : m.start()] else end


def clean_url(raw: str) -> str:
    """The URL as a browser wants it: breaks and PDF hyphen marks undone."""
    url = re.sub(r"\s+", "", raw.replace("\ufffe", "-"))
    if url.lower().startswith("www.") or not re.match(r"https?://", url, re.IGNORECASE):
        url = "https://" + url
    return url


# -- short forms ------------------------------------------------------------

IBID = re.compile(r"(?:ibid|id)\b\.?", re.IGNORECASE)
NOTE_XREF = re.compile(
    rf"""(?:see\s+(?:also\s+)?)?(?:supra\s+)?(?:foot)?notes?\s+(?P<notes>\d+(?:\s*(?:{_D}|,|and)\s*\d+)*)
    (?:\s+(?:above|supra|below))?(?P<rest>.*)""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
EDITORIAL_NOTE = re.compile(r"\*?\s*(?:Reissued|Issued|Circulated|Translated|Submitted|Prepared)\b")
# "JS7, p.8", "CoE-ECRI, paras. 24 and 29", "AccessNow, p.2", "ASSO21 (p.7)": a source
# named by its abbreviation (UPR summaries list them in their first note).
# Typed in haste too: "JS2, p11", "JS16, p 12", "CoE- GRETA, para 294", "CoE-ECRI, paras, 93".
_SHORT_NAME = r"[A-Z][a-z]*[A-Z0-9][A-Za-z0-9]*(?:-\s?[A-Z][A-Za-z0-9]*)*"
_SHORT_LOC = r"(?:pp?|paras?)(?:[.,]\s*|\s*(?=\d))"
SHORT_ACRONYM = re.compile(
    rf"(?P<name>{_SHORT_NAME})"
    rf"(?:\s*,\s*(?P<loc>{_SHORT_LOC}.+)|\s*\((?P<ploc>{_SHORT_LOC}[^()]+)\))"
)
SHORT_NAME = re.compile(_SHORT_NAME)
SHORT_FORM = re.compile(
    r"(?P<name>[A-Z][\w\u2019'.-]+(?:\s+[A-Z][\w\u2019'-]+){0,2})\.?\s+at\s+(?P<pin>(?:pp?\.\s*)?\d+(?:\s*[-\u2013]\s*\d+)?)"
)

# -- lead-ins ---------------------------------------------------------------


@lru_cache(maxsize=1)
def lead_in() -> re.Pattern:
    """Words that introduce a citation: "See also", "For more information, see"…"""
    words = _alternation(data()["lead_ins"])
    return re.compile(rf"(?:(?:{words})\b[,:]?\s*)+", re.IGNORECASE)


# -- locators ---------------------------------------------------------------

_NUM = r"(?:\d+(?:\.\d+)*[a-z]?|[IVXLC]+\b)"
_RANGE = rf"{_NUM}(?:\s*(?:{_D}|\bto\b)\s*{_NUM})?"
_ART = rf"(?:{_NUM}|\(\w+\))(?:\s*\(\w+\))*"
_LIST = rf"{_RANGE}(?:(?:\s*,\s*|\s+and\s+)(?!(?:annex|para|p\.|pp\.|chap|sect|art)){_RANGE})*"
LOCATOR_ITEM = re.compile(
    rf"""
    (?P<annex>annex(?:es)?(?:\s+(?:[IVXLC]+\b|\d+\b|[A-Z]\b)(?:(?:\s*,\s*|\s+and\s+|\s*{_D}\s*)(?:[IVXLC]+\b|\d+\b|[A-Z]\b))*)?)
    | (?P<paragraph>(?:at\s+)?(?:para(?:graph)?s?|§§?)[.,]?\s*(?:\(\w+\)\s*)?{_LIST}(?:\s*\([a-z]{{1,4}}\))*)
    | (?P<at_page>at\s+(?:pp?\.\s*)?{_LIST})
    | (?P<pages>pp?(?:\.\s*|\s*(?=\d)){_LIST})
    | (?P<chapter>chaps?\.\s*{_LIST}|chapters?\s+{_LIST})
    | (?P<section>sects?\.\s*[A-Z\d][\w.]*(?:\s*(?:,|and)\s*[A-Z\d][\w.]*)*|sections?\s+[A-Z\d][\w.]*)
    | (?P<article>(?:arts?\.|articles?)\s*{_ART}(?:(?:\s*,\s*|\s+and\s+){_ART})*)
    | (?P<volume>vol\.\s*[\w.]+|\(Vol\.\s*[\w.]+\))
    | (?P<number>No\.\s*[\w./\-]+)
    | (?P<part>\(?(?:Part|part)\s+[IVXLC\d]+\)?)
    | (?P<act>(?:resolution|decision)s?\s+(?:\d+/)?[\w.]+(?:/[\w.]+)?(?:\s+[A-Z]\b)?)
    | (?P<other>(?:figure|table|box|appendix|enclosure|attachment|item|rule|principle
                 |recommendation|target|goal)s?\s+[\w.]+
               |foreword|preamble|summary|introduction|corrigend(?:um|a))
    """,
    re.VERBOSE | re.IGNORECASE,
)
_LOC_SEP = re.compile(r"\s*(?:,|;|\band\b)?\s*")
_LOC_KEYS = (
    "annex",
    "paragraph",
    "chapter",
    "section",
    "article",
    "volume",
    "number",
    "part",
    "act",
)


def parse_locator(text: str) -> dict[str, str] | None:
    """Parse a tail made only of locators; None when anything else is left.

    ``pinpoint`` holds the raw text; each kind of locator gets its own key
    with the value that follows the keyword ("87", "I", "60–62 and 87").

    >>> parse_locator(", paras. 60\u201362 and 87")["paragraph"]
    '60\u201362 and 87'
    >>> parse_locator("pp. 75\u201383, at p. 82")["at_page"]
    '82'
    >>> parse_locator("of the report") is None
    True
    """
    out: dict[str, str] = {}
    pos, end = 0, len(text.rstrip(" .;,"))
    first = None
    while True:
        sep = _LOC_SEP.match(text, pos)
        pos = sep.end()
        if pos >= end:
            break
        m = LOCATOR_ITEM.match(text, pos)
        if not m or m.end() > end + 1:
            return None
        first = pos if first is None else first
        kind = m.lastgroup
        value = _locator_value(kind, m.group(kind))
        key = kind if kind in _LOC_KEYS or kind in ("pages", "at_page") else "other"
        out[key] = f"{out[key]}, {value}" if key in out else value
        pos = m.end()
    if first is None:
        return {}
    out["pinpoint"] = text[first:end].strip()
    return out


def _locator_value(kind: str, raw: str) -> str:
    raw = re.sub(r"\s+", " ", raw.strip())
    if raw.startswith("(") and raw.endswith(")"):  # "(Part I)", "(Vol. I)"
        raw = raw[1:-1]
    if kind in ("annex", "act", "other"):
        return raw
    raw = raw.rstrip(".") if kind == "section" else raw
    return re.sub(r"^(?:at\s+)?(?:[^\s\d§(]*\.?\s*)?", "", raw, count=1).lstrip("§ ").strip() or raw


def locator_start(text: str) -> int:
    """Where a run of locators begins at the end of ``text`` (len(text) if none)."""
    best = len(text.rstrip(" .;"))
    for m in re.finditer(r",\s*", text):
        tail = text[m.end() :]
        if tail and parse_locator(tail) and m.start() < best:
            return m.start()
    return best


# -- typed anchors ----------------------------------------------------------

TREATY_SERIES = re.compile(
    r"(?P<series>(?:United Nations|League of Nations),?\s+Treaty\s+Series)\s*,\s*"
    r"vol\.\s*(?P<volume>[\w.]+)\s*,\s*No\.\s*(?P<number>[\w.\-]+)"
    r"(?:\s*,\s*p\.\s*(?P<page>\d+))?",
    re.IGNORECASE,
)
OFFICIAL_RECORDS = re.compile(
    r"Official\s+Records\s+of\s+the\s+(?P<organ>(?:General\s+Assembly|Security\s+Council|"
    r"Economic\s+and\s+Social\s+Council|Trusteeship\s+Council|[A-Z][\w\s]+?(?=,)))"
    r"(?:\s*,\s*(?P<session>[\w\s-]+?(?:Session|Year|session|year)(?:\s*\([^)]*\))?))?"
    r"(?:\s*,\s*(?P<supplement>Supplement\s+No\.\s*[\w.\s]+?(?=\s*[(,.]|$)))?"
)
SESSION_SUPPLEMENT = re.compile(
    r"(?P<session>[A-Z][\w-]+(?:\s+\w+)?\s+(?:Session|Year))(?:\s*,\s*(?P<supplement>Supplement\s+No\.\s*\w+))?"
)
UN_PUBLICATION = re.compile(
    r"\(\s*United\s+Nations\s+publication(?:\s*,\s*Sales\s+No\.\s*(?P<sales>[\w.]+(?:\s+and\s+corrigend(?:um|a))?))?"
    r"(?:\s*,\s*(?P<year>\d{4}))?\s*\)",
    re.IGNORECASE,
)
# "(Reading, United Kingdom…, Ithaca Press, 2014)" and the like: a parenthesis ending in a year.
# Not the year of a document number: "GC(69)/RES/DEC(2025)".
PUBLICATION = re.compile(rf"(?<![\w/])\((?P<body>[^()]*?)\s*(?P<year>{_YEAR})\s*\)")
EDS = re.compile(r"\s*\((?:eds?|Eds?)\.?\)\s*,?\s*")
IN_EDITED = re.compile(r"[,\u201d\"]?\s+in\s+")
ENTITLED = re.compile(r"entitled\s+[\u201c\"](?P<title>[^\u201d\"]+)[\u201d\"]")
QUOTED = re.compile(
    r"[\u201c\"\u2018](?P<q>[^\u201c\u201d\"]{3,}?)[\u201d\"\u2019]?(?=\s*[,(]|\s*$)"
)
ACRONYM_HEAD = re.compile(r"(?P<name>[A-Z][^,()]{3,}?)\s*\((?P<acr>[A-Z][A-Za-z&.]{1,9})\)")
APP_NUMBER = re.compile(
    r"(?:App(?:lication)?s?\.?|Appl\.|Communication)\s*(?:[Nn]os?\.?)\s*(?P<num>\d+/\d+(?:\s*(?:and|,)\s*\d+/\d+)*)"
    r"|(?:Case|Decision|No\.)\s+(?:No\.\s*)?(?P<case>[A-Z]{1,4}-\d[\w\-/.]*)"
)
CASE_NAME = re.compile(r"(?P<name>(?:[A-Z][\w.'\u2019-]*\s+)+v\.\s+[^,()]+)")
# A law report: "951 P. 2d 911, 916 (Colo. Sup. Ct. 1998)", "[2004] UKHL 56 (…)": volume,
# reporter, first page, pinpoint, then the court and the year in parentheses.
LAW_REPORT = re.compile(
    rf"(?P<volume>\d+)\s+(?P<reporter>[A-Z][A-Za-z.]*(?:\s+(?:[A-Z][A-Za-z.]*|\d[a-z]{{1,2}}\.?))*)"
    rf"\s+(?P<page>\d+)(?:\s*,\s*(?P<pin>\d+(?:\s*[{DASH}]\s*\d+)?))?"
    rf"\s*\((?P<court>[^()\d]*?)\s*(?P<year>{_YEAR})\)"
)
DOC_NUMBER = re.compile(r"(?:doc(?:ument)?\.?\s*)?No\.\s*(?P<num>[\w()/.\-]+[\w)])")
JOURNAL = re.compile(
    r"(?P<name>(?:(?:[A-Z][\w&'\u2019.-]*|and|of|for|on|the|&)\s+){0,7}(?:Journal|Review|Quarterly|Yearbook|Law|Papers|"
    r"Inquiry|Studies|Affairs|Bulletin)(?:\s+(?:of\s+)?[A-Z&][\w&'.-]*)*)"
)
ACT_WORDS = re.compile(
    r"\b(?P<word>declaration|communiqu[eé]|statement|resolution|decision|recommendation|"
    r"conclusions|order|opinion)\b",
    re.IGNORECASE,
)
ETAL = re.compile(r"\s*(?:,?\s+and\s+others|,?\s+et\s+al\.?)\s*$")

# Words that only organizations, never people, carry in their names.
ORG_WORDS = frozenset(
    [
        "Agency",
        "Assembly",
        "Association",
        "Bank",
        "Board",
        "Brigades",
        "Bureau",
        "Centre",
        "Center",
        "Commission",
        "Committee",
        "Conference",
        "Council",
        "Court",
        "Department",
        "Division",
        "Forum",
        "Foundation",
        "Fund",
        "Government",
        "Group",
        "Human",
        "Institute",
        "International",
        "Ministry",
        "Nations",
        "Network",
        "Office",
        "Organization",
        "Organisation",
        "Party",
        "Programme",
        "Program",
        "Project",
        "Report",
        "Rights",
        "Secretariat",
        "Service",
        "Society",
        "Task",
        "Force",
        "Union",
        "United",
        "University",
        "Watch",
        "World",
        "Republic",
        "State",
        "States",
        "Movement",
        "Front",
        "Army",
        "Society",
        "Centre",
        "Study",
    ]
)
# Words that end or head an organization's own name.
ORG_NAME_WORDS = frozenset(
    [
        "Agency",
        "Association",
        "Bank",
        "Bureau",
        "Centre",
        "Center",
        "Commission",
        "Committee",
        "Council",
        "Foundation",
        "Fund",
        "Group",
        "Institute",
        "Ministry",
        "Network",
        "Office",
        "Organization",
        "Organisation",
        "Programme",
        "Secretariat",
        "Society",
        "Union",
        "Watch",
        "Forum",
        "Federation",
        "Panel",
        "Body",
        "Board",
        "Mission",
        "Parliament",
        "Experts",
        "Alliance",
        "Coalition",
        "Initiative",
    ]
)
PARTICLES = frozenset(
    [
        "de",
        "del",
        "della",
        "der",
        "den",
        "di",
        "da",
        "du",
        "van",
        "von",
        "la",
        "le",
        "bin",
        "ibn",
        "al",
        "el",
        "dos",
        "das",
    ]
)
PERSON_TOKEN = re.compile(
    r"^(?:[A-Z][a-z\u00c0-\u024f'\u2019-]+|[A-Z]\.(?:[A-Z]\.)*|[A-Z][a-z]+-[A-Z][a-z]+)$"
)

VERBS = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|shall|should|may|might|can|could|"
    r"must|does|did|refers?|includes?|included|provides?|provided|indicates?|concluded|stated|"
    r"decided|welcomed|noted|shows?|showed|took|held|met|contains?|remains?|became|reported|"
    r"partnered|received|consists?|consisted|pertains?|refutes?|understood|used|funded)\b"
)


@lru_cache(maxsize=1)
def outlets() -> tuple[re.Pattern, dict[str, dict]]:
    """A pattern matching a whole outlet name, and name -> entry."""
    entries: dict[str, dict] = {}
    for e in data()["outlets"]:
        for n in [e["name"], *e.get("aliases", [])]:
            entries[n] = e
    return re.compile(rf"(?:{_alternation(entries)})"), entries


@lru_cache(maxsize=1)
def organizations() -> tuple[re.Pattern, dict[str, dict], re.Pattern]:
    """Organization names (names, aliases, bodies), name -> entry, document numbers."""
    entries: dict[str, dict] = {}
    numbers = []
    for e in data()["organizations"]:
        for n in [e["name"], *e.get("aliases", []), *e.get("bodies", [])]:
            entries[n] = e
        for pattern in e.get("document_numbers", []):
            numbers.append(f"(?P<o{len(numbers)}>{pattern})")
    names = re.compile(rf"(?<![\w-])(?:{_alternation(entries)})(?!\w)")
    return names, entries, re.compile("|".join(numbers))


def organization_of_number(m: re.Match) -> dict:
    """The organization whose document-number pattern matched (see organizations())."""
    index = int(m.lastgroup[1:])
    seen = 0
    for e in data()["organizations"]:
        k = len(e.get("document_numbers", []))
        if index < seen + k:
            return e
        seen += k
    raise LookupError(m.lastgroup)


@lru_cache(maxsize=1)
def courts() -> tuple[re.Pattern, dict[str, dict], re.Pattern]:
    """Court names and abbreviations, name -> entry, and law-report patterns."""
    entries: dict[str, dict] = {}
    reports = []
    for e in data()["courts"]:
        for n in [e["name"], *e.get("abbreviations", [])]:
            entries[n] = e
        reports += e.get("reports", [])
    generic = (
        r"(?:[A-Z][\w.]*\s+){0,3}(?:Constitutional|Supreme|High|District|Appeals?|Administrative)"
        r"\s+Court(?:\s+of\s+(?:the\s+)?[A-Z][\w]*(?:\s+(?:and\s+)?[A-Z][\w]*)*)?"
    )
    pattern = re.compile(
        rf"(?<![\w-])(?:{_alternation(e for e in entries if not entries[e].get('generic'))}"
        rf"|{generic})(?![\w-])"
    )
    report_re = (
        re.compile("|".join(f"(?:{r})" for r in reports)) if reports else re.compile(r"(?!)")
    )
    return pattern, entries, report_re


@lru_cache(maxsize=1)
def publisher_hint() -> re.Pattern:
    """Words that mark a publisher's name: "University Press", "Routledge"…"""
    return re.compile(rf"\b(?:{_alternation(e['pattern'] for e in data()['publisher_hints'])})\b")


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Cities that publishers name as their place ("New York", "Geneva")."""
    return frozenset(data()["places"])


@lru_cache(maxsize=1)
def treaty_name() -> re.Pattern:
    """A treaty's name: capitalised words around Convention, Covenant, Protocol…"""
    words = "|".join(data()["treaty_words"])
    cap = r"(?:[A-Z][\w'\u2019.-]*|of|on|the|and|for|to|in|against|between|no\.|No\.|\d+)"
    # "Optional Protocol to CRC on a communications procedure": a lower-case subject.
    subject = r"(?:\s+(?:on|concerning|relating\s+to)\s+[^,;()]+)?"
    return re.compile(rf"(?:{cap}\s+)*(?:{words})\b(?:\s+{cap})*{subject}")


@lru_cache(maxsize=1)
def instrument_name() -> re.Pattern:
    """A declaration or programme named by its title: "Global Digital Compact",
    "Vienna Declaration and Programme of Action", "Sendai Framework for …"."""
    words = _alternation(data()["instrument_words"])
    cap = r"(?:[A-Z][\w'\u2019.-]*|of|on|the|and|for|to|in|against|\d+)"
    return re.compile(rf"(?:{cap}\s+)*(?:{words})\b(?:\s+{cap})*")


@lru_cache(maxsize=1)
def legislation_name() -> re.Pattern:
    """A national instrument: "BiH Constitution", "Law on …", "Criminal Code"."""
    words = "|".join(data()["legislation_words"])
    return re.compile(rf"(?:[A-Z][\w.'\u2019-]*\s+){{0,4}}(?:{words})\b(?:\s+(?:of|on)\s+[^,]+)?")


@lru_cache(maxsize=1)
def un_title_head() -> re.Pattern:
    """Words that open the title of a UN document: "Report", "Letter dated"…"""
    return re.compile(rf"(?:{_alternation(data()['un_title_heads'])})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def ignored_parenthetical() -> re.Pattern:
    """Parentheses that say nothing about the source: "(emphasis added)"."""
    words = _alternation(data()["ignored_parentheticals"])
    return re.compile(rf"\s*\((?:{words})\)", re.IGNORECASE)
