"""Interpreters for sources outside the UN document series.

Each takes a :class:`~verbale.references.interpret.Segment` and returns drafts
or None. They read the comma-separated elements of the citation the way the
Editorial Manual lays them out: author, title, then the details of
publication in parentheses, then the locator (``p. 37``).
"""

from __future__ import annotations

import re
from typing import Any

from . import fields as F
from . import patterns as P
from .interpret import Draft, Segment


def _tail_locator(els: list[F.Element]) -> tuple[dict[str, str], int]:
    """Locator fields from trailing elements, and how many elements they take."""
    out: dict[str, str] = {}
    k = len(els)
    while k > 1:
        loc = P.parse_locator(els[k - 1].text)
        if not loc:
            break
        k -= 1
    if k < len(els):
        out = P.parse_locator(", ".join(e.text for e in els[k:])) or {}
    return out, k


def _prose(text: str) -> bool:
    return bool(P.VERBS.search(text)) and len(text.split()) > 6


def _body(seg: Segment) -> str:
    return F.strip_ignored(seg.body_text)


# -- treaties and legislation -------------------------------------------------


def treaty_series(seg: Segment) -> list[Draft] | None:
    """ "United Nations, Treaty Series, vol. 1577, No. 27531." """
    body = _body(seg)
    m = P.TREATY_SERIES.search(body)
    if not m:
        return None
    fields: dict[str, Any] = {
        "container-title": F.clean(m.group("series")),
        "volume": m.group("volume"),
        "number": m.group("number"),
    }
    if m.group("page"):
        fields["page"] = m.group("page")
    name = F.title(body[: m.start()])
    if name:
        fields["title"] = name
    fields.update(P.parse_locator(body[m.end() :].lstrip(" ,")) or {})
    return [Draft("treaty", seg.body, seg.end, fields)]


def treaty_named(seg: Segment) -> list[Draft] | None:
    """ "International Covenant on Civil and Political Rights, art. 25." """
    return _named(seg, P.treaty_name(), "treaty")


def instrument_named(seg: Segment) -> list[Draft] | None:
    """ "Pact for the Future, Global Digital Compact and Declaration on Future Generations"."""
    return _named(seg, P.instrument_name(), "declaration")


def legislation(seg: Segment) -> list[Draft] | None:
    """ "BiH Constitution, art. III(3)(a)." """
    return _named(seg, P.legislation_name(), "legislation")


def _named(seg: Segment, pattern: re.Pattern, kind: str) -> list[Draft] | None:
    els = F.elements(_body(seg))
    loc, k = _tail_locator(els)
    names = els[:k]
    if (
        not names
        or not all(pattern.fullmatch(e.text.rstrip(".")) for e in names)
        or _prose(seg.body_text)
    ):
        return None
    fields: dict[str, Any] = {"title": F.clean(", ".join(e.text for e in names)), **loc}
    # "ICCPR International Covenant on Civil and Political Rights": a list of abbreviations.
    legend = F.split_abbreviation(fields["title"])
    if legend and pattern.fullmatch(legend[1]):
        fields["short_title"], fields["title"] = legend
    date = F.first_date(seg.body_text)
    if date:
        fields["issued"] = date
    return [Draft(kind, seg.body, seg.end, fields)]


# -- courts ---------------------------------------------------------------------

_GENRE = re.compile(
    r"\b(Judgment|Advisory Opinion|Decision|Order|Case|Opinion|Award)\b", re.IGNORECASE
)


def judgment(seg: Segment) -> list[Draft] | None:
    """A judgment, decision or advisory opinion of a court."""
    body = _body(seg)
    court_re, entries, reports = P.courts()
    mc, mr, ma = court_re.search(body), reports.search(body), P.APP_NUMBER.search(body)
    court = _court_name(mc, entries) if mc else None
    if mr and not court:
        court = next(e["name"] for e in entries.values() if e.get("reports"))
    if not court and not mr:
        return _law_report(seg, body)
    if not court or not (mr or ma or _GENRE.search(body)):
        return None
    before = body[: mc.start()] if mc and not mr else ""
    # The court opens the citation ("European Court of Human Rights, …",
    # "Judgment of the …") or follows the case name; deeper in, it is part
    # of a title ("Order on the Implementation of the Decision of the …").
    if mc and len(before.split()) > 3 and not P.CASE_NAME.fullmatch(before.strip(" ,")):
        return None
    fields: dict[str, Any] = {"court": court, "authority": court}
    if ma:
        fields["application_number"] = F.clean(ma.group("num") or ma.group("case"))
    # "Case U-9/00, Decision": the kind of ruling, not the word "Case", is the genre.
    genres = list(_GENRE.finditer(body))
    genre = next((g for g in genres if g.group(1).lower() != "case"), genres[0] if genres else None)
    if genre:
        fields["genre"] = (
            genre.group(1).capitalize() if genre.group(1).islower() else genre.group(1)
        )
    case = P.CASE_NAME.search(body)
    if case:
        fields["title"] = F.title(case.group("name"))
    elif mr:
        fields["title"] = F.title(
            body[: mr.start()].split(", Advisory Opinion")[0].split(", Judgment")[0]
        )
    if mr:
        fields["container-title"] = "I.C.J. Reports" if "C" in mr.group(0) else F.clean(mr.group(0))
        fields["volume"] = mr.group("year") if "year" in mr.groupdict() else None
    date = F.first_date(body[mc.end() if mc else 0 :])
    if date:
        fields["issued"] = date
    els = F.elements(body)
    loc, _ = _tail_locator(els)
    if "pages" in loc and mr:
        fields["page"] = loc.pop("pages")
    fields.update(loc)
    return [Draft("judgment", seg.body, seg.end, {k: v for k, v in fields.items() if v})]


def _law_report(seg: Segment, body: str) -> list[Draft] | None:
    """ "Morrissey v. State, 951 P. 2d 911, 916 (Colo. Sup. Ct. 1998)": a case in a law report."""
    case = P.CASE_NAME.match(body, len(body) - len(body.lstrip()))  # offsets into body itself
    law = P.LAW_REPORT.search(body, case.end()) if case else None
    if not law or body[case.end() : law.start()].strip(" ,"):
        return None
    fields: dict[str, Any] = {
        "title": F.title(case.group("name")),
        "container-title": F.clean(law.group("reporter")),
        "volume": law.group("volume"),
        "page": law.group("page"),
        "issued": law.group("year"),
        "genre": "Judgment",
    }
    court = F.clean(law.group("court"))
    if court:
        fields.update({"court": court, "authority": court})
    if law.group("pin"):
        fields.update({"pinpoint": f"p. {law.group('pin')}", "at_page": law.group("pin")})
    return [Draft("judgment", seg.body, seg.end, fields)]


def _court_name(m: re.Match, entries: dict) -> str:
    text = F.clean(m.group(0))
    for name, e in entries.items():
        if re.fullmatch(re.escape(name).replace(r"\ ", r"\s+"), text) and not e.get("generic"):
            return e["name"]
    return text


# -- acts of other organizations ----------------------------------------------


def other_act(seg: Segment) -> list[Draft] | None:
    """A declaration, communiqué or resolution of an organization outside the UN."""
    body = _body(seg)
    names, entries, numbers = P.organizations()
    els = F.elements(body)
    if not els:
        return None
    head_end = els[min(1, len(els) - 1)].end
    mo = names.search(body, 0, head_end)  # the organization opens the citation
    mn = numbers.search(body)
    head = body[:head_end]
    act = P.ACT_WORDS.search(head)
    if not (mo or mn):
        return _untitled_act(seg, body, els)
    if not act or _prose(head):
        return None
    if any(
        a.start <= seg.body + act.start() < a.end + 1 or a.start >= seg.body + act.start()
        for a in seg.un
        if a.start < seg.body + head_end
    ):
        return None  # "in its resolution 2010 (2011)": a UN resolution, not another body's act
    org = P.organization_of_number(mn) if mn else entries[_key(mo.group(0), entries)]
    if mo and not mn:
        org = entries[_key(mo.group(0), entries)]
    kind = _act_kind(act.group("word"))
    fields: dict[str, Any] = {"organization": org["name"]}
    if mo and mo.group(0) in org.get("bodies", []):
        fields["body"] = F.clean(mo.group(0))
    title_el = next((e for e in els if P.ACT_WORDS.search(e.text)), els[0])
    entitled = P.ENTITLED.search(body)
    fields["title"] = F.title(entitled.group("title") if entitled else title_el.text)
    number = mn.group(0) if mn else None
    if not number:
        dn = P.DOC_NUMBER.search(body)
        number = dn.group("num") if dn else None
    if number:
        fields["number"] = F.clean(number)
    date = F.first_date(body)
    if date:
        fields["issued"] = date
    loc, _ = _tail_locator(els)
    fields.update(loc)
    return [Draft(kind, seg.body, seg.end, fields)]


# What an act of an organization is typed by the word that names it (see P.ACT_WORDS):
# declarations and their kin are "declaration", decisions and the rest "resolution_other".
_ACT_KINDS = {
    "declaration": "declaration",
    "communique": "declaration",
    "communiqué": "declaration",
    "statement": "declaration",
    "conclusions": "declaration",
}


def _act_kind(word: str) -> str:
    """ "Communiqué" -> "declaration", "Decision" -> "resolution_other"."""
    return _ACT_KINDS.get(word.lower(), "resolution_other")


_ACT_HEAD = re.compile(
    r"(?P<word>Decision|Order|Resolution|Declaration|Communiqu[eé]|Recommendation|Opinion)"
    r"\s+(?:on|of|concerning|regarding|establishing|[A-Z])"
)


def _untitled_act(seg: Segment, body: str, els: list[F.Element]) -> list[Draft] | None:
    """ "Decision Annulling the Appointment of Two Judges …, 16 Sep. 2002.": an act cited
    by its title and date, the organization that made it left to the context."""
    m = _ACT_HEAD.match(els[0].text)
    date = P.DATE.search(body, els[0].end)
    if not m or not date or seg.un or _prose(body):
        return None
    kind = _act_kind(m.group("word"))
    fields: dict[str, Any] = {"title": F.title(els[0].text), "issued": P.date_iso(date)}
    loc, _ = _tail_locator(els)
    fields.update(loc)
    return [Draft(kind, seg.body, seg.end, fields)]


def _key(found: str, entries: dict) -> str:
    norm = re.sub(r"\s+", " ", found)
    return norm if norm in entries else next(k for k in entries if re.sub(r"\s+", " ", k) == norm)


# -- books, chapters, articles ---------------------------------------------------

_REPORT_BY = re.compile(
    r"^\W*Report\s+(?:by|of)\s+(?:the\s+)?(?P<org>(?:[A-Z][\w'\u2019-]*\s+)+?)(?:on|concerning|into|to|for)\s"
)


def chapter(seg: Segment) -> list[Draft] | None:
    """ "“Title”, in A and B (eds.), Book (Place, Publisher, 2014), pp. 75–83, at p. 82." """
    body = _body(seg)
    eds = P.EDS.search(body)
    ins = list(P.IN_EDITED.finditer(body, 0, eds.start())) if eds else []
    pub = P.PUBLICATION.search(body, eds.end()) if eds else None
    if not ins or not pub:
        return None
    into = ins[-1]  # the "in" nearest to "(eds.)": titles may hold "in" too
    fields: dict[str, Any] = {}
    pre = F.elements(body[: into.start()])
    if len(pre) >= 2 and F.person_names(pre[0].text):
        fields["author"] = F.person_names(pre[0].text)
        pre = pre[1:]
    fields["title"] = F.title(", ".join(e.text for e in pre))
    by = _REPORT_BY.match(fields["title"])
    if by and "author" not in fields:
        fields["organization"] = F.clean(by.group("org"))
    editors = body[into.end() : eds.start()]
    fields["editor"] = F.person_names(editors) or [F.clean(editors)]
    fields["container-title"] = F.title(body[eds.end() : pub.start()])
    fields.update(_publication(pub))
    loc = P.parse_locator(body[pub.end() :].lstrip(" ,")) or {}
    if "pages" in loc:
        fields["page"] = loc.pop("pages")
    if "at_page" in loc:
        loc["pinpoint"] = f"p. {loc['at_page']}"
    fields.update(loc)
    return [Draft("chapter", seg.body, seg.end, fields)]


def _publication(m: re.Match) -> dict[str, Any]:
    """publisher, publisher-place and issued from "(Place, Publisher, 2019)"."""
    body = m.group("body")
    out: dict[str, Any] = {"issued": m.group("year")}
    # "(September 1992)", "(Paris, 12 May 2020)": the year closes a date.
    date = P.DATE.search(m.group(0)[1:-1])
    if date and date.end() == len(m.group(0)) - 2:
        out["issued"] = P.date_iso(date)
        body = body[: max(0, date.start())]
    hint = P.publisher_hint()
    if ";" in body:  # co-publishers: "(World Bank Group, Washington, D.C.; UNESCO, Paris, 2024)"
        publishers, places = [], []
        for group in body.split(";"):
            for part in (F.clean(x) for x in re.split(r",(?!\s*[A-Z]\.)\s*", group)):
                if part:
                    is_pub = hint.search(part) or F.is_organization(part) or part.isupper()
                    (publishers if is_pub else places).append(part)
        out.update({"publisher": "; ".join(publishers), "publisher-place": "; ".join(places)})
        return {k: v for k, v in out.items() if v}
    parts = [p for p in (F.clean(x) for x in re.split(r"\s*[,:;]\s*", body)) if p]
    if not parts:
        return out
    pub = next((i for i in range(len(parts) - 1, -1, -1) if hint.search(parts[i])), None)
    if pub is None and (len(parts) >= 2 or parts[0] not in P.places()):
        pub = len(parts) - 1
    if pub is not None:
        out["publisher"] = parts[pub]
        if pub:
            out["publisher-place"] = ", ".join(parts[:pub])
    else:
        out["publisher-place"] = parts[0]
    return out


def article(seg: Segment) -> list[Draft] | None:
    """ "Author, Title, Journal of X 6 (2014) 2, 259-302, at 302." """
    body = _body(seg)
    els = F.elements(body)
    authors = F.person_names(els[0].text) if len(els) >= 3 else None
    if not authors:
        return None
    for j in range(2, len(els)):
        text = re.sub(r"^\d+\s+", "", els[j].text)
        jm = P.JOURNAL.match(text)
        if jm and not P.publisher_hint().search(text):
            break
    else:
        return None
    fields: dict[str, Any] = {
        "author": authors,
        "title": F.title(", ".join(e.text for e in els[1:j])),
        "container-title": F.clean(jm.group("name")),
    }
    rest = ", ".join(e.text for e in els[j:])
    vol = (
        re.match(r"^(\d+)\s", els[j].text)
        or re.search(r"vol\.\s*(\w+)", rest)
        or re.match(r"\s*(\d+)", text[jm.end() :])
    )
    if vol:
        fields["volume"] = vol.group(1)
    year = P.YEAR.search(rest)
    if year:
        fields["issued"] = F.first_date(rest) or year.group(1)
    pages = re.search(r"(?:pp?\.\s*)?(\d+\s*[-\u2013]\s*\d+)", rest)
    if pages:
        fields["page"] = pages.group(1).replace(" ", "")
    at = re.search(r"\bat\s+(?:p\.\s*)?(\d+)", rest) or re.search(r"\d+\s*,\s*(\d+)\s*\(", rest)
    if at:
        fields["pinpoint"] = f"p. {at.group(1)}"
    return [Draft("article", seg.body, seg.end, fields)]


def book(seg: Segment) -> list[Draft] | None:
    """ "Laurence Broers, Armenia and Azerbaijan (Edinburgh, Edinburgh University Press, 2019), p. 37." """
    body = _body(seg)
    els = F.elements(body)
    pub = P.PUBLICATION.search(body)
    if not pub and len(els) >= 3 and F.person_names(els[0].text):
        # "ALIJA IZETBEGOVIC, ISLAMIC DECLARATION, p. 30": author, title, page only.
        loc, k = _tail_locator(els)
        if k == 2 and ("pages" in loc or "at_page" in loc):
            return [
                Draft(
                    "book",
                    seg.body,
                    seg.end,
                    {"author": F.person_names(els[0].text), "title": F.title(els[1].text), **loc},
                )
            ]
    if not els or not pub or P.UN_PUBLICATION.search(body):
        return None
    authors = F.person_names(els[0].text) if len(els) >= 2 else None
    info = _publication(pub)
    if not authors and not P.publisher_hint().search(pub.group("body")):
        return None
    title_start = els[1].start if authors else 0
    title = body[title_start : pub.start()]
    fields: dict[str, Any] = {}
    tail = body[pub.end() :].strip(" ,.")
    bluebook = re.search(r"\s(\d+)\s*$", title) if not pub.group("body").strip(" ,") else None
    if bluebook:  # "A Free City in the Balkans 86 (2010)": the page before the year
        title, fields["pinpoint"] = title[: bluebook.start()], f"p. {bluebook.group(1)}"
    loc = P.parse_locator(tail) if tail else {}
    if loc is None and re.fullmatch(r"\d+(?:\s*[-\u2013]\s*\d+)?", tail):
        loc = {"pinpoint": f"p. {tail}"}
    if loc is None or not F.title(title):
        return None
    if authors:
        fields["author"] = authors
    fields.update({"title": F.title(title), **info, **loc})
    return [Draft("book", seg.body, seg.end, fields)]
