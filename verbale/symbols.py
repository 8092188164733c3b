"""UN document symbols: parse, normalize, find in text, and read resolution citations.

A symbol is a run of components separated by "/" (un-conventions.md, section 1):
a series (``A``, ``S``, ``E``, ``CCPR`` …), then bodies (``C.3``, ``CN.4``), a
session or year, type markers (``RES``, ``L.49``, ``PV.14``) and, last,
modifiers (``Add.1``, ``Rev.2``). Series are open-ended, so one regex cannot
describe them. The module detects, then validates:

1. **Detect.** A candidate pattern, built from the series whitelist in
   ``data/symbols.json`` and one pattern for a component, finds slash runs in
   text. It allows spaces and one line break after a "/" (PDF extraction), a
   trailing reissue ``*`` and a `` (YYYY)`` or `` (Resumption N)`` suffix.
2. **Validate.** Structural rules check the components:

   - the series is on the whitelist;
   - modifiers come last;
   - the last component before the modifiers is a document number (``251``,
     ``L.49``, ``21-23``, ``217(III)``), not a body (``C.3``) or a bare code;
   - a GA session (``75``, ``ES-10``) or an SC/ECOSOC year is followed by the
     document's own number: ``A/75`` and ``S/2020`` are not documents;
   - ``A/C.n`` needs n in 1–6 (the ranges are data);
   - an SC resolution is ``S/RES/<n>``, and only it takes a `` (YYYY)`` suffix.

   In running text the longest valid prefix of a candidate wins, so
   "A/75/251/ and" still yields A/75/251.

Editorial case: markers the data spells in mixed case (``Add``, ``Sub``,
``Agenda`` …) keep that spelling; every other letter is upper case.

Choices:

- ``Symbol.series`` is the first component only (``E`` for ``E/C.12/GC/24``);
  bodies stay in ``parts``.
- A symbol inside a URL is found when the URL carries it whole: an undocs.org
  or docs.un.org path or a query value (``?s=A/75/251``). Such matches have ``in_url=True``, so
  callers can drop the link that repeats a citation. Percent-encoded symbols are
  not decoded in running text. Other URL paths are skipped: a "/" before a
  series letter never starts a symbol. A link on its own (a PDF annotation)
  is read by :func:`symbol_from_url`, which decodes it.
- In running text only a dash (with optional spaces) joins two symbols into one
  joint group; "and" separates citations. :func:`split_joint`, which is handed a
  single reference, also splits on spaces, "and" and "&".
- An SC resolution cited without its year (``S/RES/2334``) stays without it:
  the year needs a catalogue.
- Decisions get no symbol (GA decisions have none; other organs' are unverified).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from urllib.parse import parse_qsl, quote, unquote, urlsplit

__all__ = [
    "Symbol", "SymbolMatch", "ResolutionCitation", "parse_symbol", "normalize_symbol",
    "split_joint", "find_symbols", "find_resolution_citations", "symbol_from_url",
    "series_organs", "organ_author",
]  # fmt: skip

_DATA = json.loads((Path(__file__).parent / "data" / "symbols.json").read_text("utf-8"))
_SERIES = {entry["prefix"]: entry for entry in _DATA["series"]}
_BODIES = {entry["marker"].upper(): entry for entry in _DATA["bodies"]}
_TYPES = {entry["marker"].upper() for entry in _DATA["types"]}
_MODIFIERS = {entry["marker"].upper(): entry for entry in _DATA["modifiers"]}
_SPELLING = {
    entry["marker"].upper(): entry["marker"]
    for group in ("bodies", "types", "modifiers")
    for entry in _DATA[group]
}
_ORGANS = {entry["name"]: entry for entry in _DATA["organs"]}
# Author of a document by symbol prefix: a series' author (its name unless the
# data gives one), then the longer prefixes of the "subseries" group.
_AUTHORS = MappingProxyType(
    {entry["prefix"]: entry.get("author", entry["name"]) for entry in _DATA["series"]}
    | {entry["prefix"]: entry["author"] for entry in _DATA["subseries"]}
)
_LANGS = ("ar", "zh", "en", "fr", "ru", "es")

# One-to-one replacements, so offsets into the folded text stay valid for the
# original: non-breaking hyphens, slash look-alikes, and Cyrillic letters that
# OCR puts into Roman numerals ("3281 (ХХIX)").
_FOLD = str.maketrans("\u2010\u2011\u2215\uff0f\u0425\u0406", "--//XI")

_SERIES_ALT = "|".join(sorted(map(re.escape, _SERIES), key=len, reverse=True))
# Sessions first, or A/RES/ES-10/19 is cut to A/RES/ES. A number's parenthesis
# must hold a letter (217(III)); a bare "(2016)" is the SC year suffix.
_COMPONENT = (
    r"(?:E?S-\d{1,2}"
    r"|\d{1,5}(?:-\d{1,5})?(?:\((?=[^)]*[A-Z])[A-Z0-9-]{1,8}\))?"
    r"|[A-Z]{1,8}(?:\.[A-Z]{1,8})?(?:\.\d{1,5})?(?:\([A-Z0-9]{1,8}\))?)"
)
_GAP = r"[ \t]*(?:\r?\n[ \t]*)?"  # what PDF extraction leaves after a "/"
_CANDIDATE_BODY = (
    rf"(?P<core>(?:{_SERIES_ALT})(?:/{_GAP}{_COMPONENT})+)(?P<star>\*)?"
    r"(?:\s{0,2}\((?:(?P<year>\d{4})|resumption\s?(?P<resumption>\d{1,2}))\))?"
    r"(?![\w/])"
)
_CANDIDATE = re.compile(rf"(?<![\w/]){_CANDIDATE_BODY}", re.I)
_CANDIDATE_AT = re.compile(_CANDIDATE_BODY, re.I)
_COMPONENT_RE = re.compile(_COMPONENT, re.I)
_SESSION_RE = re.compile(r"E?S-\d{1,2}", re.I)
_MARKED_RE = re.compile(r"([A-Z]+)\.(\d+)", re.I)
_SUFFIX_RE = re.compile(
    r"(?P<core>.*?)(?P<star>\*)?(?:\((?:(?P<year>\d{4})|resumption(?P<resumption>\d{1,2}))\))?",
    re.I | re.S,
)
_PREFIX_RE = re.compile(r"^(?:U\.?\s?N\.?\s+)?doc(?:ument)?\.?\s+(?:No\.?\s*)?", re.I)
_SPLIT_RE = re.compile(
    rf"(?<=[\w*)])(?:\s*[-–—−&]\s*|\s+and\s+|\s+)(?=(?:{_SERIES_ALT})\s*/)", re.I
)
_JOINT_GAP = re.compile(r"\s*[-–—−]\s*")
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.I)
_UNDOCS_RE = re.compile(rf"(?:undocs\.org|(?<![\w.])docs\.un\.org)/(?:(?:{'|'.join(_LANGS)})/)?", re.I)
# symbol_from_url: hosts whose path is a symbol, hosts whose query names one.
_PATH_HOSTS = frozenset({"undocs.org", "docs.un.org"})
_QUERY_HOSTS = _PATH_HOSTS | {"documents.un.org", "daccess-ods.un.org", "documents-dds-ny.un.org"}
_QUERY_KEYS = frozenset({"s", "symbol", "finalsymbol", "ds"})
_SCHEME_RE = re.compile(r"[a-z][a-z0-9+.-]*://", re.I)
_LANG_SEGMENT_RE = re.compile(rf"^(?:{'|'.join(_LANGS)})/", re.I)
_NUMBERED_TAIL_RE = re.compile(r"\.\d+$")


@dataclass(frozen=True)
class Symbol:
    """A validated UN document symbol in editorial form.

    ``text`` is the form to print and to look up (``S/RES/2334 (2016)``); a
    reissue ``*`` is dropped from it and kept as ``reissued``. ``series`` is
    the first component. ``session`` is the GA session (``"75"``, ``"ES-10"``)
    for the A series; ``year`` is a year component (``S/2020/947``) or the
    year of an SC resolution. ``types`` lists type markers (``RES``, ``L``,
    ``PV``) and ``modifiers`` the trailing ``Add.1``, ``Rev.2`` …

    Example:
        >>> parse_symbol("a/c.3/78/l.49/rev.1").text
        'A/C.3/78/L.49/Rev.1'
    """

    text: str
    series: str
    parts: tuple[str, ...]
    reissued: bool = False
    session: str | None = None
    year: int | None = None
    types: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    resumption: int | None = None

    def __str__(self) -> str:
        return self.text

    @property
    def organ(self) -> str:
        """Name of the organ or body behind the series, e.g. "General Assembly"."""
        return _SERIES[self.series]["name"]

    def undocs_url(self, lang: str | None = None) -> str:
        """Link on undocs.org; parentheses stay literal and lose their space.

        Example:
            >>> parse_symbol("S/RES/2334 (2016)").undocs_url()
            'https://undocs.org/S/RES/2334(2016)'
        """
        language = f"{_check_lang(lang)}/" if lang else ""
        return f"https://undocs.org/{language}{quote(self._lookup_form(), safe='/()')}"

    def documents_url(self, lang: str = "en") -> str:
        """PDF link through the documents.un.org API, symbol URL-encoded.

        Example:
            >>> parse_symbol("S/26795").documents_url()
            'https://documents.un.org/api/symbol/access?s=S%2F26795&l=en&t=pdf'
        """
        symbol = quote(self._lookup_form(), safe="")
        return f"https://documents.un.org/api/symbol/access?s={symbol}&l={_check_lang(lang)}&t=pdf"

    def _lookup_form(self) -> str:
        # Links in the wild write S/RES/2334(2016); the spacing is unverified [K].
        return self.text.replace(" (", "(")


@dataclass(frozen=True)
class SymbolMatch:
    """A symbol found in text. ``raw`` is ``text[start:end]`` as printed.

    Parts of one joint symbol share ``joint``, the index of their group.
    ``in_url`` is true when the symbol sits inside a link.
    """

    symbol: Symbol
    start: int
    end: int
    raw: str
    joint: int | None = None
    in_url: bool = False


@dataclass(frozen=True)
class ResolutionCitation:
    """A resolution or decision cited by number, e.g. "resolution 60/147".

    ``number`` is as printed, part letters included ("31/6 A and B", "217 A");
    ``parts`` lists those letters. ``symbol`` is the document it stands for
    where that is known, else None. The span of the first item in a list
    starts at the organ name or keyword; later items cover their number only.
    """

    kind: str
    organ: str | None
    number: str
    year: int | None
    session: str | None
    symbol: str | None
    start: int
    end: int
    parts: tuple[str, ...] = ()


def parse_symbol(text: str) -> Symbol | None:
    """Parse one symbol; None when the text is not a valid UN document symbol.

    Tolerates any case, spaces (``A / 75 / 251``), a "UN Doc" prefix and
    trailing punctuation. A joint symbol is two symbols: split it first.

    Example:
        >>> parse_symbol("UN Doc A/75/ PV.14.").text
        'A/75/PV.14'
        >>> parse_symbol("GA/12266") is None
        True
    """
    match = _SUFFIX_RE.fullmatch(re.sub(r"\s+", "", _clean(text)))
    pieces = match["core"].split("/")
    if not all(_COMPONENT_RE.fullmatch(piece) for piece in pieces[1:]):
        return None
    return _build(
        tuple(_editorial(piece) for piece in pieces),
        reissued=bool(match["star"]),
        year=_int(match["year"]),
        resumption=_int(match["resumption"]),
    )


def normalize_symbol(text: str) -> str:
    """Editorial form of a symbol; joint symbols are joined with an en dash.

    Raises:
        ValueError: the text is not a valid symbol (the message quotes it).

    Example:
        >>> normalize_symbol("A/75/743 - s/2021/134.")
        'A/75/743–S/2021/134'
    """
    symbols = [parse_symbol(piece) for piece in split_joint(_clean(text))]
    if not symbols or None in symbols:
        raise ValueError(f"not a valid UN document symbol: {text!r}")
    return "–".join(symbol.text for symbol in symbols)


def split_joint(text: str) -> list[str]:
    """Split a joint symbol into its parts, as printed.

    A dash, "&", "and" or spaces separate two symbols only when a new series
    prefix follows, so the hyphens in ``ES-10`` and ``CO/21-23`` stay.

    Example:
        >>> split_joint("A/74/956 – S/2020/719")
        ['A/74/956', 'S/2020/719']
    """
    return [piece.strip() for piece in _SPLIT_RE.split(text.strip()) if piece.strip()]


def find_symbols(text: str) -> list[SymbolMatch]:
    """Every valid symbol in running text, in order, one match per joint part.

    Example:
        >>> [m.symbol.text for m in find_symbols("See A/75/743-S/2021/134.")]
        ['A/75/743', 'S/2021/134']
    """
    folded = text.translate(_FOLD)
    links = [link.span() for link in _URL_RE.finditer(folded)]
    candidates = [
        (found, any(a <= found.start() < b for a, b in links))
        for found in _CANDIDATE.finditer(folded)
    ]
    candidates += [
        (found, True)
        for link in _UNDOCS_RE.finditer(folded)
        if (found := _CANDIDATE_AT.match(folded, link.end()))
    ]
    matches = []
    for candidate, in_url in sorted(candidates, key=lambda pair: pair[0].start()):
        validated = _validate_candidate(candidate)
        if validated:
            symbol, end = validated
            start = candidate.start()
            matches.append(SymbolMatch(symbol, start, end, text[start:end], in_url=in_url))
    return _group_joints(text, matches)


def find_resolution_citations(text: str) -> list[ResolutionCitation]:
    """Resolutions and decisions cited by number, one record per listed item.

    The organ comes from the form of the number (``1325 (2000)`` is the
    Security Council, ``60/147`` the General Assembly, ``1996/31`` ECOSOC) or
    from an organ named in the few words before the keyword, when that organ
    uses the form. An organ named before a list applies to every item.

    Example:
        >>> [c.symbol for c in find_resolution_citations(
        ...     "resolutions 242 (1967) and 338 (1973)")]
        ['S/RES/242 (1967)', 'S/RES/338 (1973)']
    """
    folded = text.translate(_FOLD)
    citations = []
    for keyword in _KEYWORD_RE.finditer(folded):
        items = _list_items(folded, keyword.end())
        if not items:
            continue
        organ, organ_start = _organ_before(folded, keyword.start())
        first_start = keyword.start() if organ_start is None else organ_start
        for index, item in enumerate(items):
            start = first_start if index == 0 else item.start()
            citations.append(_citation(keyword["kind"].lower(), organ, item, start))
    return citations


def symbol_from_url(url: str) -> str | None:
    """The symbol of the document a UN address points to, normalized; else None.

    Reads the path of undocs.org and docs.un.org (its current name), after an
    optional language segment (``/en/``), and the symbol in the query string
    of documents.un.org, daccess-ods.un.org and older undocs.org links
    (``?s=``, ``?symbol=``, ``?FinalSymbol=``, ``?DS=``, a language segment
    allowed there too). Percent-encoding is decoded; the scheme may be left
    out. Other hosts give None, and so does an address whose symbol does not
    parse.

    Example:
        >>> symbol_from_url("https://undocs.org/en/A%2F75%2F743")
        'A/75/743'
        >>> symbol_from_url("https://documents.un.org/api/symbol/access?s=S%2F26795&l=en&t=pdf")
        'S/26795'
        >>> symbol_from_url("https://example.org/A/75/743") is None
        True
    """
    url = url.strip()
    try:
        parts = urlsplit(url if _SCHEME_RE.match(url) else f"https://{url}")
    except ValueError:  # "http://[oops": a malformed IPv6 host
        return None
    host = (parts.hostname or "").removeprefix("www.")
    candidates = [unquote(parts.path)] if host in _PATH_HOSTS else []
    if host in _QUERY_HOSTS:
        candidates += [value for key, value in parse_qsl(parts.query) if key.lower() in _QUERY_KEYS]
    for candidate in candidates:
        symbol = parse_symbol(_LANG_SEGMENT_RE.sub("", candidate.strip("/")))
        if symbol:
            return symbol.text
    return None


def series_organs() -> MappingProxyType[str, str]:
    """The author (organ) of a document by symbol prefix, read-only.

    The prefixes are the series (``A``) and the longer prefixes of
    subsidiary organs (``A/HRC``, ``E/CN.4``); the names are as a citation
    gives an author (``United Nations General Assembly``).
    """
    return _AUTHORS


def organ_author(symbol: str) -> str | None:
    """The organ behind a symbol, by its longest prefix in :func:`series_organs`.

    A component counts with or without its number, so ``A/CONF.189/12``
    belongs to the ``A/CONF`` prefix.

    Example:
        >>> organ_author("S/2020/982"), organ_author("A/HRC/54/35")
        ('United Nations Security Council', 'United Nations Human Rights Council')
    """
    parts = symbol.split("/")
    for n in range(len(parts), 0, -1):
        head = "/".join(parts[:n])
        for prefix in (head, _NUMBERED_TAIL_RE.sub("", head)):
            if prefix in _AUTHORS:
                return _AUTHORS[prefix]
    return None


# --- symbols: validation ----------------------------------------------------


def _clean(text: str) -> str:
    """Drop a "UN Doc" prefix, trailing punctuation and enclosing parentheses."""
    text = _PREFIX_RE.sub("", text.translate(_FOLD).strip())
    while True:
        stripped = text.rstrip(".,;:").strip()
        if stripped.endswith(")") and stripped.count(")") > stripped.count("("):
            stripped = stripped[:-1]
        if stripped.startswith("("):  # no symbol starts with one: "(A/75/10)"
            stripped = stripped[1:]
        if stripped == text:
            return text
        text = stripped


def _editorial(component: str) -> str:
    """Editorial case: the data's spelling for known markers, else upper case.

    Example: ``"sub.2"`` -> ``"Sub.2"``, ``"wp(xxxv)"`` -> ``"WP(XXXV)"``.
    """
    return re.sub(r"[A-Za-z]+", lambda w: _SPELLING.get(w[0].upper(), w[0].upper()), component)


def _kind(component: str) -> str:
    """Classify one component: session, number, docnum, modifier, body or code.

    ``docnum`` is anything but a plain number that can end a symbol: ``L.49``,
    ``HLS.1``, ``21-23``, ``217(III)``.
    """
    if _SESSION_RE.fullmatch(component):
        return "session"
    if component.isdigit():
        return "number"
    if component[0].isdigit():
        return "docnum"
    marked = _MARKED_RE.fullmatch(component)
    head = (marked[1] if marked else component).upper()
    if head in _MODIFIERS and bool(marked) == _MODIFIERS[head]["numbered"]:
        return "modifier"
    if marked:
        return "body" if head in _BODIES else "docnum"
    return "code"


def _dating_index(series: dict, parts: tuple[str, ...], core: list[str]) -> int | None:
    """Index in ``core`` of the GA session or the SC/ECOSOC year, if any.

    Only the first number counts, and none after a body that numbers its own
    documents: in A/CONF.189/12 the 12 is a document number, not a session.
    """
    dated_by = series.get("dated_by")
    for index, (part, kind) in enumerate(zip(parts[1:], core)):
        if kind == "body" and _BODIES[part.split(".")[0].upper()].get("own_numbering"):
            return None
        if kind == "session" and dated_by == "session":
            return index
        if kind == "number":
            if dated_by == "session":
                return index if int(part) <= 99 else None
            if dated_by == "year" and len(part) == 4:
                return index if series["since"] <= int(part) <= 2099 else None
            return None
    return None


def _valid(parts: tuple[str, ...], core: list[str], year: int | None) -> bool:
    """Apply the structural rules listed in the module docstring to the core
    (the kinds of the components after the series, modifiers excluded)."""
    series = _SERIES.get(parts[0])
    if series is None or not core or "modifier" in core or core[-1] not in ("number", "docnum"):
        return False
    if parts[:2] == ("S", "RES"):
        return len(parts) == 3 and core == ["code", "number"]
    # The data gives ranges for a body right after a series: A/C.n needs n in 1-6.
    marked = _MARKED_RE.fullmatch(parts[1])
    limits = marked and _BODIES.get(marked[1].upper(), {}).get("range", {}).get(parts[0])
    if year is not None or (limits and not limits[0] <= int(marked[2]) <= limits[1]):
        return False
    return _dating_index(series, parts, core) != len(core) - 1


def _build(
    parts: tuple[str, ...], reissued: bool, year: int | None, resumption: int | None
) -> Symbol | None:
    """Validate normalized components and make the Symbol, or None."""
    kinds = [_kind(part) for part in parts[1:]]
    core = len(kinds)
    while core and kinds[core - 1] == "modifier":
        core -= 1
    if not _valid(parts, kinds[:core], year):
        return None
    dated_by = _SERIES[parts[0]].get("dated_by")
    dating = _dating_index(_SERIES[parts[0]], parts, kinds[:core])
    dated = parts[dating + 1] if dating is not None else None
    text = "/".join(parts) + (f" ({year})" if year else "")
    text += f" (Resumption {resumption})" if resumption else ""
    heads = (re.match(r"[A-Za-z]*", part)[0].upper() for part in parts[1:])
    return Symbol(
        text=text,
        series=parts[0],
        parts=parts,
        reissued=reissued,
        session=dated if dated_by == "session" else None,
        year=year or (_int(dated) if dated_by == "year" else None),
        types=tuple(_SPELLING[head] for head in heads if head in _TYPES),
        modifiers=parts[core + 1 :],
        resumption=resumption,
    )


def _int(digits: str | None) -> int | None:
    return int(digits) if digits else None


def _check_lang(lang: str) -> str:
    if lang not in _LANGS:
        raise ValueError(f"language {lang!r} is not one of {', '.join(_LANGS)}")
    return lang


# --- symbols: running text ---------------------------------------------------


def _validate_candidate(candidate: re.Match) -> tuple[Symbol, int] | None:
    """The symbol a candidate holds and where it ends, or None.

    A suffix that does not belong (a year after a non-resolution) is left
    out; then ever shorter prefixes are tried, so "A/75/251/ and" gives A/75/251.
    """
    pieces = list(re.finditer(r"[^/]+", candidate["core"]))
    parts = tuple(_editorial(piece[0].strip()) for piece in pieces)
    star = bool(candidate["star"])
    year, resumption = _int(candidate["year"]), _int(candidate["resumption"])
    attempts = [(parts, star, year, resumption, candidate.end())]
    attempts.append((parts, star, None, None, candidate.end("star" if star else "core")))
    attempts += [
        (parts[:length], False, None, None, candidate.start("core") + pieces[length - 1].end())
        for length in range(len(parts) - 1, 1, -1)
    ]
    for attempt_parts, reissued, year, resumption, end in attempts:
        symbol = _build(attempt_parts, reissued, year, resumption)
        if symbol:
            return symbol, end
    return None


def _group_joints(text: str, matches: list[SymbolMatch]) -> list[SymbolMatch]:
    """Give symbols joined by a dash (A/75/743-S/2021/134) a shared joint index."""
    groups: list[int | None] = [None] * len(matches)
    count = 0
    for index in range(1, len(matches)):
        before, after = matches[index - 1], matches[index]
        if not before.in_url and not after.in_url and _JOINT_GAP.fullmatch(
            text, before.end, after.start
        ):
            if groups[index - 1] is None:
                groups[index - 1], count = count, count + 1
            groups[index] = groups[index - 1]
    return [replace(match, joint=group) for match, group in zip(matches, groups)]


# --- resolution citations -----------------------------------------------------

_KEYWORD_RE = re.compile(r"\b(?P<kind>resolution|decision)s?\s+", re.I)
_ITEM_RE = re.compile(
    r"""
      (?P<session>E?S-\d{1,2}|\d{1,4})/(?P<num>\d{1,4})        # 60/147, ES-10/19, 1996/31
      (?P<parts>\s?[A-Z](?:\s*(?:,|and|to|-|–)\s*[A-Z])*)?     # A and B, A to E
      (?![\w/])
    | (?P<dnum>\d{1,4})\s{0,3}\((?P<year>(?:19|20)\d\d)\)      # 1325 (2000)
    | (?P<rnum>\d{1,4})(?P<rpart>\s?[A-Z])?\s{0,3}\((?P<roman>(?:E?S-)?[IVXLC]+)\)  # 217 A (III)
    | (?P<bare>\d{1,4})(?![\w/]|\.\d)                          # 2231
    """,
    re.X,
)
_LIST_SEP_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_ORGAN_OF = {alias.lower(): e["name"] for e in _DATA["organs"] for alias in e["aliases"]}
# An organ counts when it is named just before the keyword, at most three
# lower-case words away: "Security Council resolution", "the Assembly, in its
# resolution". Case-sensitive (plus all capitals) so "freedom of assembly" names
# no organ; a parenthesis or a full stop in between breaks the link.
_ORGAN_BEFORE_RE = re.compile(
    r"\b(?P<name>"
    + "|".join(
        re.escape(spelling).replace(r"\ ", r"\s+")
        for alias in sorted({a for e in _DATA["organs"] for a in e["aliases"]}, key=len)[::-1]
        for spelling in (alias, alias.upper())
    )
    + r")(?:['’]s)?(?P<between>,?(?:\s+[a-z]+,?){0,3})\s+$"
)


def _list_items(text: str, position: int) -> list[re.Match]:
    """Items of a list such as "242 (1967) and 338 (1973)", all of one form."""
    first = _ITEM_RE.match(text, position)
    items = [first] if first else []
    while items:
        separator = _LIST_SEP_RE.match(text, items[-1].end())
        following = separator and _ITEM_RE.match(text, separator.end())
        if not following or _form(following) != _form(first):
            break
        items.append(following)
    return items


def _form(item: re.Match) -> str:
    """Which citation form an item has: session, annual, dated, roman or bare."""
    if item["session"]:
        return "annual" if len(item["session"]) == 4 and item["session"].isdigit() else "session"
    return "dated" if item["dnum"] else "roman" if item["rnum"] else "bare"


def _organ_before(text: str, position: int) -> tuple[str | None, int | None]:
    """The organ named in the few words before ``position``, and where its name
    starts when nothing but spaces separates it from ``position``.

    Example: "Security Council resolution" gives ("Security Council", start).
    """
    named = _ORGAN_BEFORE_RE.search(text, max(0, position - 120), position)
    if not named:
        return None, None
    organ = _ORGAN_OF[" ".join(named["name"].split()).lower()]
    return organ, None if named["between"] else named.start()


def _citation(kind: str, named: str | None, item: re.Match, start: int) -> ResolutionCitation:
    """Interpret one list item: organ, session or year, and symbol."""
    form = _form(item)
    session = item["session"] if form == "session" else item["roman"]
    year = _int(item["year"] or (item["session"] if form == "annual" else None))
    number = item["num"] or item["dnum"] or item["rnum"] or item["bare"]
    organ = _organ_for(form, named, session)
    template = None
    if organ and kind == "resolution" and _session_has_symbols(organ, session):
        template = _ORGANS[organ]["resolution"].get(form)
    return ResolutionCitation(
        kind=kind,
        organ=organ,
        number=re.sub(r"\s+", " ", re.sub(r"\s*\(.*", "", item[0], flags=re.S)),
        year=year,
        session=session,
        symbol=template.format(session=session, number=number, year=year) if template else None,
        start=start,
        end=item.end(),
        parts=_part_letters(item["parts"] or item["rpart"]),
    )


def _organ_for(form: str, named: str | None, session: str | None) -> str | None:
    """The named organ when it uses this form; else the form's default organ."""
    if named and (form == "bare" or form in _ORGANS[named]["resolution"]):
        return named
    for name, entry in _ORGANS.items():
        if form in entry.get("default_for", ()) and _session_has_symbols(name, session):
            return name
    return None


def _session_has_symbols(organ: str, session: str | None) -> bool:
    """GA session numbers appear in symbols only from the 31st session (1976)."""
    first = _ORGANS[organ].get("session_from")
    return not (first and session and session.isdigit() and int(session) < first)


def _part_letters(printed: str | None) -> tuple[str, ...]:
    """Part letters of "A and B", "A, B and C" or a range "A to E"."""
    letters = re.findall(r"[A-Z]", printed or "")
    if len(letters) == 2 and re.search(r"\bto\b|[-–]", printed):
        return tuple(chr(code) for code in range(ord(letters[0]), ord(letters[1]) + 1))
    return tuple(letters)
