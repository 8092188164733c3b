"""Read the masthead of a UN document: symbols, date, organs, agenda, title.

The masthead is the first-page header (un-conventions.md §2.3): "United
Nations" and the symbol, the organs, "Distr.:", the date, "Original:", the
session or year, the agenda items with their titles, then the document title.
Each field is recognised by its own pattern wherever it sits, because text
extraction interleaves the masthead's columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import takewhile

from . import formulas, months
from .readers.lines import Line
from .symbols import find_symbols, normalize_symbol, parse_symbol

ORGANS = (
    "General Assembly", "Security Council", "Economic and Social Council",
    "Human Rights Council", "Trusteeship Council", "International Court of Justice",
)
# Month names in the masthead languages read here (English, French, Spanish).
_MONTHS = "|".join(name for names in months.BY_LANGUAGE.values() for name in names)
# French writes the first of the month "1er": "1er mars 2025".
DATE = re.compile(rf"\b(\d{{1,2}})(?:er)?(?: de)? ({_MONTHS})(?: de)? (\d{{4}})\b", re.I)
# "Wednesday, 16 April 2025, 10 a.m." heads a verbatim record.
_WEEKDAY = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+")
# Organs as mastheads print them in English, French, Spanish and Russian, and
# distributions in English, French and Spanish, with the English name verbale records.
ORGAN_NAMES = {
    **{organ: organ for organ in ORGANS},
    "Assemblée générale": "General Assembly", "Asamblea General": "General Assembly",
    "Генеральная Ассамблея": "General Assembly",
    "Conseil de sécurité": "Security Council", "Consejo de Seguridad": "Security Council",
    "Совет Безопасности": "Security Council",
    "Conseil économique et social": "Economic and Social Council",
    "Consejo Económico y Social": "Economic and Social Council",
    "Экономический и Социальный Совет": "Economic and Social Council",
    "Conseil des droits de l’homme": "Human Rights Council", "Conseil des droits de l'homme": "Human Rights Council",
    "Consejo de Derechos Humanos": "Human Rights Council", "Совет по правам человека": "Human Rights Council",
}
_ORGAN_NAME = re.compile("|".join(re.escape(name) for name in sorted(ORGAN_NAMES, key=len, reverse=True)))
_DISTRIBUTIONS = {
    "general": "General", "générale": "General", "generale": "General",
    "limited": "Limited", "limitée": "Limited", "limitee": "Limited", "limitada": "Limited",
    "restricted": "Restricted", "restreinte": "Restricted", "reservada": "Restricted",
}
DISTR = re.compile(rf"Distr\.?\s*:?\s*({'|'.join(_DISTRIBUTIONS)})\b", re.I)
_LANGUAGE = r"[A-Za-zÀ-ÿ]+"
ORIGINAL = re.compile(rf"Original\s*:\s*({_LANGUAGE}(?:\s*/\s*{_LANGUAGE})*)")
SESSION = re.compile(r"^(?:[A-Z][a-z]+(?:-[a-z]+)?(?: [a-z]+)*) (?:session|year)$|(?:[\w-]+ )?(?:special|emergency special) session", re.I)
SESSION_IN_LINE = re.compile(r"\b([A-Z][^\W\d_A-Z]+(?:[- ][^\W\d_A-Z]+)*? (?:session|year))\b")
# Where and when a session meets: "Geneva, 8-19 February 2010", "Genève, 8-19 février 2010".
_MEETING = re.compile(r"^[^\W\d_][\w'’ .-]{1,30},\s+\d{1,2}\b[\w\s–-]{0,30}\b\d{4}$")
AGENDA = re.compile(
    r"^(?:Provisional )?(?:Agenda items?|Items?)\s+(\d[\d\s(),a-z]*?(?:\s+and\s+\d+(?:\s*\([a-z]{1,2}\))?)?)"
    r"(?:\s+of the (?:provisional|preliminary) (?:agenda|list))?\s*\**$"
)


def agenda_line(text: str) -> list[str] | None:
    """The items of a masthead agenda line, in English form ("72 (b)"), in
    English, French ("Points 34 et 72 b) de l'ordre du jour") or Spanish
    ("Temas 34 y 72 b) del programa"); None for any other line."""
    if m := AGENDA.match(text):
        return formulas.agenda_items(m.group(1))
    if m := formulas.AGENDA.match(text):
        return formulas.agenda_items(m.group(1) or m.group(2))
    return None


# The title formulas, in English, then French and Spanish (formulas.TITLE_START).
TITLE = re.compile(
    r"^(?:(?:Identical )?(?:[Ll]etters?|[Nn]otes? verbales?)\b|"
    r"(?:Report|Note|Statement|Summary statement|Views|Decision|Resolution|Draft resolution|"
    rf"Provisional agenda|Annotated preliminary list|Preliminary list|Credentials)\b|{formulas.TITLE_START})"
)
TITLE_SUBTITLE = re.compile(rf"^(?:(?:Report|Note) (?:of|by) the |{formulas.SUBTITLE})")
JOB = re.compile(r"^((?:GE\.)?\d{2}-\d{5})\*?\s*\(([ACEFRS])\)")
_LANGUAGES = {"A": "ar", "C": "zh", "E": "en", "F": "fr", "R": "ru", "S": "es"}
TITLE_PARTS = re.compile(
    r"^(?P<kind>.+?) dated (?P<date>\d{1,2} \w+ \d{4})(?: and \d{1,2} \w+ \d{4})?"
    r"(?: from (?:the )?(?P<sender>.+?))?(?: addressed to (?:the )?(?P<to>.+))?$"
)
# The top of page 1 where the symbol line sits (points).
HEADER_BAND = 70.0
# How far down page 1 a masthead reaches (points).
MASTHEAD_DEPTH = 260.0
# How far into page 1 the title may start, in lines.
MASTHEAD_LINES = 45


@dataclass
class Masthead:
    """What the first page states about the document."""

    symbols: list[str] = field(default_factory=list)
    date: str | None = None
    distribution: str | None = None
    original_language: str | None = None
    language: str | None = None
    organs: list[str] = field(default_factory=list)
    sessions: list[str] = field(default_factory=list)
    agenda_items: list[str] = field(default_factory=list)
    agenda_titles: list[str] = field(default_factory=list)
    title_lines: list[Line] = field(default_factory=list)
    zone: list[Line] = field(default_factory=list)  # the masthead's lines
    job_number: str | None = None
    body_start: int = 0  # index of the first body line after the title


def read_masthead(lines: list[Line], raw_first_page: list[Line], body_size: float | None) -> Masthead:
    """Read the masthead from the first page's lines (furniture removed)."""
    head = Masthead()
    _job_number(head, raw_first_page)
    title_at = _title_index(lines, body_size)
    if title_at is None:
        head.symbols = _header_symbols(lines)
        if head.symbols:  # a masthead without a recognised title: read its fields
            head.zone = [ln for ln in lines if ln.size is not None and ln.top < MASTHEAD_DEPTH
                         and _is_field(ln.text)]
            for line in head.zone:
                _read_field(head, line.text)
        else:
            _resolution_heading(head, lines)
        return head
    zone = lines[:title_at]
    if lines[title_at].size is not None:
        # In a PDF the masthead is what sits above the title, whatever the
        # reading order the file gives.
        top = lines[title_at].top
        zone = zone + [ln for ln in lines[title_at + 1:] if ln.bottom < top and ln.page == 1]
    head.zone = zone
    for line in zone:
        _read_field(head, line.text)
    if not head.symbols:
        head.symbols = _header_symbols(lines)
    head.agenda_titles = _agenda_titles(zone)
    head.title_lines = _title_lines(lines, title_at)
    head.body_start = title_at + len(head.title_lines)
    if not head.symbols:
        _resolution_heading(head, lines)
    return head


# How printed volumes of resolutions head each one, without a masthead:
# "Resolution 242 (1967)", "82 (1950). Resolution of 25 June 1950" (Security
# Council: number and year); "60/147. Basic Principles…" (General Assembly:
# session and number); "293 (IV)" (General Assembly before 1976).
_SC_HEADING = re.compile(r"^(?:resolution\s+)?(\d{1,4})\s*\((\d{4})\)\.?(?=\s|$)", re.I)
_GA_HEADING = re.compile(r"^(?:resolution\s+)?(?:(\d{1,2})/(\d{1,3})\.|(\d{1,4})\s*\(([IVXL]+)\)\.?)(?=\s|$)", re.I)
# What may follow the number on its line: "Resolution of 25 June 1950", "of 22 November 1967".
_HEADING_REST = re.compile(r"^\s*(?:resolution\b)?\s*(?:of\s+\d{1,2}\s+\S+\s+\d{4}\b.*)?$", re.I)
# The organ speaks in the first lines: "The Security Council,", "Adopted by the General Assembly".
_ADOPTING = re.compile(r"^(?:\d{1,2}\.\s+)?(?:The|Adopted by the) (Security Council|General Assembly)\b")
HEADING_LINES = 12


def _resolution_heading(head: Masthead, lines: list[Line]) -> None:
    """The symbol, organ and date a resolution's own heading states."""
    window = [ln.text.strip() for ln in lines[:HEADING_LINES]]
    organ = next((m.group(1) for text in window if (m := _ADOPTING.match(text))), None)
    for i, text in enumerate(window):
        sc, ga = _SC_HEADING.match(text), _GA_HEADING.match(text)
        if organ == "Security Council" and sc and _HEADING_REST.match(text[sc.end():]):
            symbol = f"S/RES/{sc.group(1)} ({sc.group(2)})"
        elif organ == "General Assembly" and ga:
            symbol = f"A/RES/{ga.group(1)}/{ga.group(2)}" if ga.group(1) else f"A/RES/{ga.group(3)}({ga.group(4)})"
        else:
            continue
        if parse_symbol(symbol) is None:
            return
        head.symbols = [normalize_symbol(symbol)]
        head.organs = head.organs or [organ]
        heading = list(takewhile(lambda t: not t.startswith("The "), window[i:i + 3]))  # not the preamble
        dated = (_iso(m) for t in heading if (m := DATE.search(t)))
        head.date = head.date or next((d for d in dated if d), None)
        return


def _job_number(head: Masthead, lines: list[Line]) -> None:
    for line in lines:
        m = JOB.match(line.text.strip())
        if m:
            head.job_number = m.group(1)
            head.language = _LANGUAGES[m.group(2)]
            return


def _title_index(lines: list[Line], body_size: float | None) -> int | None:
    """Where the title starts: a title formula, else the first larger line
    after the masthead fields. None when page 1 shows no masthead at all."""
    window = lines[:MASTHEAD_LINES]
    has_masthead = any(DISTR.search(ln.text) or ln.text.startswith("Distr") or _united_nations_line(ln.text)
                       for ln in window)
    for i, line in enumerate(window):
        if TITLE.match(line.text) and (has_masthead or i < 3) and not _goes_on(window, i):
            return _subject_before(window, i, body_size)
    if not has_masthead:
        return None
    if all(ln.size is not None for ln in window):
        # In a PDF the fields sit above the title whatever the order the file
        # gives its lines in: look in the order of the page.
        ordered = sorted(window, key=lambda ln: (ln.page, ln.top))
        found = _title_after_fields(ordered, body_size)
        return None if found is None else window.index(ordered[found])
    return _title_after_fields(window, body_size)


def _title_after_fields(window: list[Line], body_size: float | None) -> int | None:
    """The first line after the masthead fields that looks like a title."""
    fields = [i for i, ln in enumerate(window) if _is_field(ln.text)]
    last_field = max(fields, default=-1)
    for i in range(last_field + 1, len(window)):
        line = window[i]
        if body_size and line.size and line.size > body_size * 1.1:
            return i
    # A title in body size is set in bold, under the masthead's plain lines.
    near = range(last_field + 1, min(last_field + 4, len(window)))
    if near and not window[near[0]].bold and (bold := next((i for i in near if window[i].bold), None)):
        return bold
    return last_field + 1 if last_field + 1 < len(window) else None


def _subject_before(lines: list[Line], i: int, body_size: float | None) -> int:
    """Reports print their subject above "Report of the Secretary-General", in
    larger type: the title starts there."""
    if not TITLE_SUBTITLE.match(lines[i].text) or not body_size:
        return i
    start = i
    while start > 0:
        prev = lines[start - 1]
        # Large bold type is title type; masthead dates and sessions are not.
        if not (prev.size and prev.size > body_size * 1.1 and prev.bold) or (
                DISTR.search(prev.text) or agenda_line(prev.text) is not None or prev.text in ORGAN_NAMES):
            break
        start -= 1
    return start


def _is_field(text: str) -> bool:
    return bool(
        DISTR.search(text) or ORIGINAL.search(text) or _united_nations_line(text)
        or agenda_line(text) is not None or SESSION_IN_LINE.search(text) or DATE.fullmatch(text.strip())
        or formulas.SESSION_IN_LINE.search(text)
        or text.strip() in ORGAN_NAMES or text.strip().lower() in _LANGUAGE_LINES
        or _MEETING.match(text.strip())
    )


# The line naming the language of a translation ("Français", "Russian").
_LANGUAGE_LINES = set(formulas.LANGUAGE_NAMES)


def _read_field(head: Masthead, text: str) -> None:
    text = text.strip()
    if _symbol_only(text):
        # Older mastheads print the symbols alone, one per line (A/52/826, S/1998/222).
        head.symbols += [s for s in _symbols(text) if s not in head.symbols]
    elif not head.symbols and _united_nations_line(text):
        head.symbols = _symbols(text)
    if m := DISTR.search(text):
        head.distribution = _DISTRIBUTIONS[m.group(1).lower()]
    elif text.lower() in _DISTRIBUTIONS and head.distribution is None:
        head.distribution = _DISTRIBUTIONS[text.lower()]  # older mastheads: "Distr." and "GENERAL" apart
    if m := ORIGINAL.search(text):
        head.original_language = "/".join(
            formulas.language_name(name) for name in m.group(1).split("/"))
    bare = _WEEKDAY.sub("", text).split(", ")[0] if _WEEKDAY.match(text) else text
    if head.date is None and (m := DATE.fullmatch(bare)):
        head.date = _iso(m)
    if _names_organs_only(text) and not head.agenda_items:  # agenda titles follow the item line
        for name in _ORGAN_NAME.findall(text):
            if ORGAN_NAMES[name] not in head.organs:
                head.organs.append(ORGAN_NAMES[name])
    for session in _sessions(text):
        if session not in head.sessions and not text.startswith(("Letter", "Note", "Lettre", "Carta", "Nota")):
            head.sessions.append(session)
    if (items := agenda_line(text)) is not None and not head.agenda_items:
        head.agenda_items = items


def _sessions(text: str) -> list[str]:
    """The sessions and years a line names, in English ("Seventy-ninth session",
    "Eightieth year"), French or Spanish ("Quatre-vingtième année", "Octogésimo
    año"): a French or Spanish name that contains an English match replaces it
    ("Dixième session extraordinaire d'urgence")."""
    found = [(m.start(1), m.end(1)) for m in SESSION_IN_LINE.finditer(text)]
    other = [(m.start(1), m.end(1)) for m in formulas.SESSION_IN_LINE.finditer(text)]
    if other:
        found = sorted([f for f in found if not any(a <= f[0] and f[1] <= b for a, b in other)] + other)
    return [text[a:b] for a, b in found]


def _names_organs_only(text: str) -> bool:
    """A masthead line naming organs ("General Assembly Security Council",
    "Security Council Distr.: General"), not an agenda title that mentions one."""
    rest = _ORGAN_NAME.sub(" ", text)
    rest = DISTR.sub(" ", rest.replace("United Nations", " "))
    return rest != text and len(rest.split()) <= 1


def _symbols(text: str) -> list[str]:
    out: list[str] = []
    for match in find_symbols(text):
        if match.symbol.text not in out:
            out.append(match.symbol.text)
    return out


_UNITED_NATIONS = ("United Nations", "UNITED", "Nations Unies", "NATIONS", "Naciones Unidas",
                   "NACIONES", "Организация Объединенных Наций")


def _united_nations_line(text: str) -> bool:
    """The masthead's top line: "United Nations" (in any language) alone, or
    with the symbol, the series letter or the organ; not a sentence that
    starts with the words ("United Nations and Organization of American States…")."""
    text = text.strip()
    prefix = next((p for p in _UNITED_NATIONS if text.startswith(p)), None)
    if prefix is None:
        return False
    rest = text[len(prefix):].strip()
    return (not rest or len(rest) <= 3 or _symbol_only(rest) or rest in ORGAN_NAMES
            or DISTR.search(rest) is not None)


def _goes_on(lines: list[Line], i: int) -> bool:
    """Line ``i`` of a PDF goes on with the sentence of the line before it
    (same type, no space between, no sentence end): it cannot start a title."""
    if i == 0:
        return False
    prev, line = lines[i - 1], lines[i]
    if prev.text.rstrip().endswith((".", ":", ";", "!", "?")) or _is_field(prev.text):
        return False
    if line.size is None:  # a text export does not say enough of its type to tell
        return False
    return (prev.size == line.size and prev.bold == line.bold and prev.page == line.page
            and 0 <= line.top - prev.bottom < line.size)


def _header_symbols(lines: list[Line]) -> list[str]:
    """Symbols of the top line of page 1, whatever the reading order and the
    language: "United Nations A/79/722", "Организация Объединенных Наций A/HRC/…"."""
    for line in lines:
        top_line = line.size is not None and 0 <= line.top < HEADER_BAND
        if (top_line or line.text.startswith(_UNITED_NATIONS)) and (found := _symbols(line.text)):
            return found
    return []


def _symbol_only(text: str) -> bool:
    matches = find_symbols(text)
    return bool(matches) and sum(m.end - m.start for m in matches) >= len(text.strip()) - 3


# A line that ends with one of these words goes on on the next line
# ("… High Commissioner for" / "Refugees, questions relating to …").
_GOES_ON = frozenset("a an and at by for from in of on or the to with".split())


def _agenda_titles(zone: list[Line]) -> list[str]:
    """The item titles printed under the agenda line, one per item."""
    start = next((i for i, ln in enumerate(zone) if agenda_line(ln.text.strip()) is not None), None)
    if start is None:
        return []
    titles: list[str] = []
    for line in zone[start + 1:]:
        text = line.text.strip()
        if _is_field(text):
            continue
        if titles and (text[:1].islower() or titles[-1].endswith(("-", ":", ","))
                       or titles[-1].rsplit(" ", 1)[-1] in _GOES_ON):
            sep = "" if titles[-1].endswith("-") else " "
            titles[-1] = titles[-1] + sep + text
        else:
            titles.append(text)
    return titles


def _title_lines(lines: list[Line], start: int) -> list[Line]:
    """The title's lines: same type as its first line, until a break."""
    first = lines[start]
    out = [first]
    for line in lines[start + 1:]:
        prev = out[-1]
        if first.size is not None:
            same = line.size == first.size and line.bold == first.bold and line.top - prev.bottom < first.size
        else:
            same = (line.gap_before == 0 and line.x0 <= first.x0 and len(out) < 6
                    and not prev.text.endswith("."))
        if not same or line.page != first.page:
            if TITLE_SUBTITLE.match(line.text) and not TITLE_SUBTITLE.match(first.text):
                out.append(line)  # "<subject>" + "Report of the Secretary-General"
                first = line
                continue
            break
        out.append(line)
    return out


def _iso(match: re.Match) -> str | None:
    day, month, year = match.groups()
    try:
        return date(int(year), months.number(month), int(day)).isoformat()
    except (KeyError, ValueError):
        return None


def title_parts(title: str) -> tuple[str | None, list[str]]:
    """The sender and the addressees named in a communication's title.

    >>> title_parts("Letter dated 1 May 2025 from the Permanent Representative of Chile "
    ...             "to the United Nations addressed to the Secretary-General")
    ('Permanent Representative of Chile', ['Secretary-General'])

    French and Spanish titles name the addressees first; the parts keep the
    title's words, without their articles and the sender's accreditation:

    >>> title_parts("Lettre datée du 1er mai 2025, adressée au Secrétaire général par le "
    ...             "Représentant permanent du Chili auprès de l'Organisation des Nations Unies")
    ('Représentant permanent du Chili', ['Secrétaire général'])
    >>> title_parts("Cartas idénticas de fecha 1 de mayo de 2025 dirigidas al Secretario General y "
    ...             "a la Presidencia del Consejo de Seguridad por la Misión Permanente de Chile "
    ...             "ante las Naciones Unidas")
    ('Misión Permanente de Chile', ['Secretario General', 'Presidencia del Consejo de Seguridad'])
    """
    m = TITLE_PARTS.match(title)
    if not m:
        return _title_parts_fr_es(title)
    sender = m.group("sender")
    if sender:
        sender = re.sub(r"\s+to the United Nations.*$", "", sender)
    to = m.group("to") or ""
    addressees = [a.strip() for a in re.split(r",\s*(?:and )?the |\s+and the ", to) if a.strip()]
    return sender, addressees


def _title_parts_fr_es(title: str) -> tuple[str | None, list[str]]:
    m = formulas.TITLE_PARTS_FR.match(title) or formulas.TITLE_PARTS_ES.match(title)
    if not m:
        return None, []
    sender = m.group("sender")
    if sender:
        sender = formulas.SENDER_POST.sub("", formulas.SENDER_ARTICLE.sub("", sender.strip()))
    to = (m.group("to") or "").strip()
    addressees = [formulas.TO_ARTICLE.sub("", a.strip()) for a in formulas.TO_SPLIT.split(to)]
    return sender or None, [a for a in addressees if a]


def doc_type(title: str | None, symbols: list[str]) -> str | None:
    """The kind of document, from its title formula or its symbol."""
    t = (title or "").lower()
    for prefix, kind in (
        ("identical letters", "identical letters"), ("letter", "letter"),
        ("note verbale", "note verbale"), ("notes verbales", "note verbale"),
        ("draft resolution", "draft resolution"), ("report", "report"), ("note by", "note"),
        ("provisional agenda", "agenda"), ("summary statement", "summary statement"),
        ("statement", "statement"), ("views", "decision"), ("decision", "decision"),
    ):
        if t.startswith(prefix):
            return kind
    for prefix, kind in formulas.DOC_KINDS:  # French and Spanish titles
        if t.startswith(prefix):
            return kind
    if sub := re.search(r"\b(Report|Note) (?:of|by) the ", title or ""):
        return sub.group(1).lower()
    if sub := formulas.SUBTITLE_KIND.search(title or ""):
        return formulas.SUBTITLE_KINDS[sub.group(1)]
    symbol = symbols[0] if symbols else ""
    if "/RES/" in symbol or t.startswith(("resolution", "résolution", "resolución")):
        return "resolution"
    if "/PV." in symbol:
        return "verbatim record"
    if "/L." in symbol:
        return "draft resolution"
    if "/Corr." in symbol:
        return "corrigendum"
    return None
