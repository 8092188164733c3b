"""Interpreters for press articles, reports of organizations and web pages.

Split from :mod:`verbale.references.outside`, whose helpers they share.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from . import fields as F
from . import patterns as P
from .interpret import Draft, Segment
from .outside import _body, _key, _prose, _publication, _tail_locator

# -- press, reports, web ------------------------------------------------------------


def press(seg: Segment) -> list[Draft] | None:
    """ "The Independent, 29 February 1992." or "Author, Title, Outlet, 28 Nov. 2017." """
    body = _body(seg)
    els = F.elements(body)
    outlet_re, entries = P.outlets()
    for k, el in enumerate(els):
        name = re.sub(r"\s*\([^()]*\)\s*$", "", el.text)
        if outlet_re.fullmatch(name):
            date = _date_after(els, k, el.text)
            if date:
                entry = entries[_key(name, entries)]
                return [
                    _press_draft(seg, els[:k], entry["name"], entry.get("kind"), date, els[k + 1 :])
                ]
    # An outlet not in the data: "Title, Outlet, 10 Apr. 2025." with a short name.
    if len(els) >= 3 and _full_date(els[-1].text) and _outlet_like(els[-2].text):
        return [
            _press_draft(seg, els[:-2], F.clean(els[-2].text), None, _full_date(els[-1].text), [])
        ]
    # An article kept by another site, its first outlet and date named after it:
    # "Title, AG Friedensforschung (from Neues Deutschland, 3 May 2008)",
    # "Title, Site, originally published in The Guardian, 3 May 2008".
    kept = _kept_from(els)
    if kept and (outlet_re.fullmatch(kept.outlet) or _outlet_like(kept.outlet)):
        entry = entries.get(kept.outlet) or {}
        draft = _press_draft(
            seg, kept.before, entry.get("name", kept.outlet), entry.get("kind"), kept.date, []
        )
        draft.fields["archive"] = kept.archive
        return [draft]
    # An interview, statement or op-ed given to or published by an outlet:
    # "Oslobodjenje interview with Nadim Ademovic, 24 Apr. 2010.",
    # "Interview given by Nadim Ademovic to Oslobodjenje, 24 Apr. 2010.".
    iv = _INTERVIEW.fullmatch(els[0].text) or _INTERVIEW_TO.fullmatch(els[0].text)
    if iv and len(els) >= 2 and _full_date(els[1].text):
        outlet = F.clean(iv.group("outlet"))
        if outlet_re.fullmatch(outlet) or _outlet_like(outlet):
            entry = entries.get(outlet) or {}
            draft = _press_draft(
                seg,
                [],
                entry.get("name", outlet),
                entry.get("kind"),
                _full_date(els[1].text),
                els[2:],
            )
            draft.fields["title"] = F.clean(els[0].text[iv.start("what") : iv.end("what")])
            return [draft]
    return None


# What an outlet publishes of someone else's words.
_PIECE = r"(?:[Ii]nterview|[Ss]tatement|[Oo]p-?[Ee]d|[Cc]ommentary|[Rr]emarks)"
_OUTLET_NAME = r"[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3}"
# "Oslobodjenje interview with Nadim Ademovic": the outlet first.
_INTERVIEW = re.compile(
    rf"(?P<outlet>{_OUTLET_NAME})\s+(?P<what>{_PIECE.lower()}\s+(?:with|by)\s+.+)"
)
# "Interview given by Nadim Ademovic to Oslobodjenje", "Op-ed by X published in The
# Guardian", "Statement of X to Reuters": the outlet last.
_INTERVIEW_TO = re.compile(
    rf"(?P<what>{_PIECE}\b.*?)\s+(?:(?:given|granted)\s+)?"
    rf"(?:to|published\s+(?:in|by)|in)\s+(?P<outlet>{_OUTLET_NAME})"
)
# How a copy names the outlet that first published the article.
_KEPT_LEAD = (
    r"(?:(?:archived|reprinted|taken)\s+from|(?:originally|first)\s+published\s+(?:in|by)|from)"
)
_KEPT_FROM = re.compile(rf"\(\s*{_KEPT_LEAD}\s+(?P<outlet>[^,()]+),\s*(?P<date>[^()]+)\)\s*$")
_KEPT_LEAD_EL = re.compile(rf"{_KEPT_LEAD}\s+(?P<outlet>[^,()]+)")


class _Kept(NamedTuple):
    before: list[F.Element]  # the title (and author)
    archive: str  # the site that kept the copy
    outlet: str
    date: str


def _kept_from(els: list[F.Element]) -> _Kept | None:
    """The article's first outlet and date, in a parenthesis after the site that kept it
    ("Site (from Outlet, date)") or as the last two elements ("Site, from Outlet, date")."""
    if len(els) < 2:
        return None
    m = _KEPT_FROM.search(els[-1].text)
    if m and _full_date(m.group("date")):
        archive = F.clean(els[-1].text[: m.start()])
        return _Kept(els[:-1], archive, F.clean(m.group("outlet")), _full_date(m.group("date")))
    if len(els) >= 3:
        m = _KEPT_LEAD_EL.fullmatch(els[-2].text)
        date = _full_date(els[-1].text)
        if m and date:
            return _Kept(els[:-3], F.clean(els[-3].text), F.clean(m.group("outlet")), date)
    return None


def _date_after(els: list[F.Element], k: int, text: str) -> str | None:
    inner = re.search(r"\(([^()]*)\)\s*$", text)
    if inner and _full_date(inner.group(1)):
        return _full_date(inner.group(1))
    if k + 1 < len(els):
        return _full_date(els[k + 1].text)
    return None


def _full_date(text: str) -> str | None:
    m = P.DATE.fullmatch(F.clean(text).rstrip("."))
    return P.date_iso(m) if m else None


def _outlet_like(text: str) -> bool:
    words = F.clean(text).split()
    names, _, _ = P.organizations()
    return (
        1 <= len(words) <= 3
        and all(w[:1].isupper() or w[:1].isdigit() for w in words)
        and not names.search(text)
        and not F.is_person(text)
    )


def _press_draft(seg, before, outlet, kind, date, after) -> Draft:
    fields: dict[str, Any] = {"outlet": outlet, "container-title": outlet, "issued": date}
    if kind:
        fields["outlet_kind"] = kind
    if len(before) >= 2 and F.person_names(before[0].text):
        fields["author"] = F.person_names(before[0].text)
        before = before[1:]
    if before:
        fields["title"] = F.title(", ".join(e.text for e in before))
    if after:
        fields.update(P.parse_locator(", ".join(e.text for e in after)) or {})
    return Draft("press", seg.body, seg.end, fields)


def report(seg: Segment) -> list[Draft] | None:
    """A report or study of an organization, including United Nations publications."""
    body = _body(seg)
    els = F.elements(body)
    if not els or _prose(body) and not P.UN_PUBLICATION.search(body):
        return None
    unpub = P.UN_PUBLICATION.search(body)
    if unpub:
        return [_un_publication(seg, body, unpub)]
    names, entries, numbers = P.organizations()
    fields: dict[str, Any] = {}
    # "(CoE-ECRI) European Commission against Racism …": the abbreviation that later
    # notes cite the source by ("CoE-ECRI, p.9").
    short = _SHORT_HEAD.match(body)
    if short:
        fields["short_title"] = short.group("abbr")
        els = F.elements(body[short.end() :], short.end())
        if not els:
            return None
    start = els[0].start
    named = names.match(body, start)
    if named and named.end() > els[0].end:
        # A name with a comma in it: "United Nations Educational, Scientific and …"
        els = [F.Element(F.clean(named.group(0)), start, named.end())] + F.elements(
            body[named.end() :], named.end()
        )
    els = _split_org_head(els, names, numbers)
    head = els[0].text
    org_at = next(
        (i for i, e in enumerate(els) if names.match(e.text) or F.is_organization(e.text)), None
    )
    if org_at == 0 or head.startswith("United Nations"):
        fields["organization"] = F.clean(head)
        rest = els[1:]
    elif org_at is not None and F.person_names(head) and org_at >= 2:
        fields["author"] = F.person_names(head)
        fields["organization"] = F.clean(els[org_at].text)
        rest = els[1:org_at] + els[org_at + 1 :]
    elif (
        len(els) >= 2
        and els[1].text[:1] in '\u201c"'
        and len(head.split()) <= 5
        and not F.is_person(head)
    ):
        fields["organization"] = F.clean(head)
        rest = els[1:]
    elif short and _DOC_HEAD.match(head):  # "(CoE-GRECO) Compliance report on Italy, …"
        rest = els
    else:
        return None
    if "organization" in fields:
        fields["organization"] = _org_details(fields["organization"], fields)
    # "United Nations, High-Level Advisory Body on …, 2024, Governing AI …": author, year, title.
    year_at = next((i for i, e in enumerate(rest) if re.fullmatch(r"\d{4}", e.text)), None)
    if (
        year_at is not None
        and "organization" in fields
        and "author" not in fields
        and all(F.is_organization(e.text) for e in rest[:year_at])
    ):
        fields["organization"] = ", ".join(
            [fields["organization"], *(e.text for e in rest[:year_at])]
        )
        fields["issued"] = rest[year_at].text
        rest = rest[year_at + 1 :]
    if not _REPORT_SIGNS.search(body) and not short:
        return None  # a list of names, not a source: no year, title in quotes, locator or address
    if rest and P.parse_locator(", ".join(e.text for e in rest)):
        return None  # "Vienna Declaration and Programme of Action, para. 5": a name, a place in it
    if all(
        P.URL.search(e.text) or _full_date(e.text) or not re.sub(r"\([^()]*\)", "", e.text).strip()
        for e in rest
    ) and not (rest == [] and "issued" in fields):
        return None  # "United Nations 2024, https://…" is a web page; "X (OECD)" names only
    return [_report_draft(seg, rest, fields)]


_SHORT_HEAD = re.compile(r"\(\s*(?P<abbr>[A-Z][\w-]*[A-Za-z0-9])\s*\)\s*-?\s*")
_DOC_WORDS = r"(?:[Rr]eport|[Ss]tudy|[Oo]pinion|[Aa]ssessment|[Rr]eview|[Ss]urvey|[Ss]ubmission)"
_DOC_HEAD = re.compile(rf"(?:[A-Z][a-z]+\s+)?{_DOC_WORDS}\b")
# "European Commission against Racism and Intolerance report on Italy",
# "CoE-GRECO Compliance report on Italy": an organization, then its document.
_DOC_WORD = re.compile(rf"(?<=\s){_DOC_WORDS}\b")
# What follows the title: "adopted on 18 March 2016", "published on …", "signed by …".
_AFTER_TITLE = re.compile(r"(?:adopted|published|signed|issued|dated)\b", re.IGNORECASE)


def _split_org_head(els: list[F.Element], names, numbers) -> list[F.Element]:
    """The first element cut in two when it runs an organization into its document:
    "Deutscher Bundestag Drucksache 16/6724", "ECRI report on Italy"."""
    head = els[0]
    named = names.match(head.text)
    rest = head.text[named.end() :].lstrip() if named else ""
    if named and rest[:1].isupper() and numbers.search(rest):
        cut = head.text.index(rest, named.end())
    else:
        m = _DOC_WORD.search(head.text)
        if not m or not m.start():
            return els
        # The longest organization that reads as one: "European Commission against
        # Racism and Intolerance | report", "CoE-GRECO | Compliance report".
        org = head.text[: m.start()].rstrip()
        shorter = (
            org.rsplit(" ", 1)[0] if " " in org and org.rsplit(" ", 1)[1][:1].isupper() else ""
        )
        for cand in (org, shorter):
            if cand and (F.is_organization(cand) or P.SHORT_NAME.fullmatch(cand)):
                cut = len(cand) + 1
                break
        else:
            return els
    return [
        F.Element(F.clean(head.text[:cut]), head.start, head.start + cut),
        F.Element(head.text[cut:], head.start + cut, head.end),
    ] + els[1:]


def _org_details(org: str, fields: dict[str, Any]) -> str:
    """The organization's name without "(2016)" (the year) or "(“Analitika Study”)" (a short title)."""
    for m in reversed(list(re.finditer(r"\s*\(([^()]*)\)", org))):
        inner = m.group(1).strip()
        if re.fullmatch(r"\d{4}", inner):
            fields.setdefault("issued", inner)
        elif inner[:1] in '\u201c"' and inner[-1:] in '\u201d"':
            fields.setdefault("short_title", F.title(inner))
        else:
            continue
        org = org[: m.start()] + org[m.end() :]
    return F.clean(org)


_REPORT_SIGNS = re.compile(
    r"\b(?:1[5-9]\d\d|20\d\d)\b|[\u201c\"]|\bpp?\.\s*\d|\bparas?\.|https?://|www\.|available at"
    r"|\bannex\b|\bchap\.|\bsect\.|\bdocument\b",
    re.IGNORECASE,
)


def _report_draft(seg: Segment, rest: list[F.Element], fields: dict[str, Any]) -> Draft:
    loc, k = _tail_locator(rest)
    parts = [e.text for e in rest[:k]]
    after = next((i for i, p in enumerate(parts) if i and _AFTER_TITLE.match(p)), len(parts))
    parts = parts[:after]
    while parts and (
        _full_date(parts[-1])
        or P.URL.search(parts[-1])
        or re.fullmatch(r"\d{4}", parts[-1].strip())
    ):
        parts.pop()
    text = ", ".join(parts)
    pub = P.PUBLICATION.search(text)
    if pub:
        fields.update(
            {
                ("publisher-place" if k == "publisher" else k): v
                for k, v in _publication(pub).items()
            }
        )
        text = text[: pub.start()]
    text = re.split(r",?\s+available at\b", text)[0]
    numbers = P.organizations()[2]
    for m in re.finditer(r"\s*\(((?:[^()]|\([^()]*\))+)\)", text):
        if numbers.fullmatch(m.group(1).strip()):  # "… (GC(69)/RES/DEC(2025)) for the full texts"
            fields.setdefault("number", m.group(1).strip())
            text = text[: m.start()]
            break
    number = re.fullmatch(r"(?:document|doc\.)\s+(\S+)", F.clean(text))
    if number:  # "United Nations Environment Programme, document CBD/COP/15/17"
        fields["number"] = number.group(1)
    else:
        fields["title"] = F.title(text)
    date = F.first_date(", ".join(e.text for e in rest))
    if date:
        fields.setdefault("issued", date)
    number = P.organizations()[2].search(", ".join(e.text for e in rest))
    if number:  # "(GOV/2019/55)": the organization's own document number
        fields.setdefault("number", number.group(0))
    fields.update(loc)
    return Draft("report", seg.body, seg.end, fields)


def _un_publication(seg: Segment, body: str, m: re.Match) -> Draft:
    fields: dict[str, Any] = {"organization": "United Nations", "publisher": "United Nations"}
    pre = F.elements(body[: m.start()])
    if len(pre) >= 2 and (pre[0].text.startswith("United Nations") or F.person_names(pre[0].text)):
        names = F.person_names(pre[0].text)
        fields["author" if names else "organization"] = names or F.clean(pre[0].text)
        pre = pre[1:]
    fields["title"] = F.title(", ".join(e.text for e in pre))
    if m.group("sales"):
        fields["number"] = F.clean(m.group("sales"))
    date = F.first_date(body[: m.start()]) or m.group("year")
    if m.group("year"):
        fields["issued"] = m.group("year")
    elif date:
        fields["issued"] = date
    fields.update(P.parse_locator(body[m.end() :].lstrip(" ,")) or {})
    return Draft("report", seg.body, seg.end, fields)


# Link text copied from a browser: "Leave No One Behind Analysis | United Nations in
# North Macedonia" (page | site) or "study-good-practices.pdf (ohchr.org)" (file (site)).
_PAGE_SITE = re.compile(r"(?P<title>[^|]+?)\s+\|\s+(?P<site>[^|]+)")
_FILE_SITE = re.compile(r"(?P<title>[^()]+?)\s*\((?P<site>(?:[\w-]+\.)+[a-z]{2,6})\)")


def _page_title(seg: Segment) -> list[Draft] | None:
    body = F.clean(_body(seg)).rstrip(".")
    m = _PAGE_SITE.fullmatch(body) or _FILE_SITE.fullmatch(body)
    if not m or _prose(body) or len(body.split()) > 25:
        return None
    fields = {"title": F.title(m.group("title")), "container-title": F.clean(m.group("site"))}
    return [Draft("web", seg.body, seg.end, fields)]


def _commentary(title: str) -> bool:
    """Words before an address that make a sentence, not a title."""
    if _prose(title) and len(title.split()) > 15:
        return True
    return title[:1].islower() and bool(P.VERBS.search(title))


def web(seg: Segment) -> list[Draft] | None:
    """A web page: "Title, available at https://…" or a bare address."""
    urls = [u for u in seg.urls if seg.body <= u[0] < seg.end]
    if not urls:
        return _page_title(seg)
    text = seg.text
    before = F.strip_ignored(text[seg.body : urls[0][0]])
    before = re.sub(
        r"(?:,?\s*(?:available\s+(?:online\s+)?at|at|see)\s*:?)\s*$",
        "",
        before,
        flags=re.IGNORECASE,
    )
    fields: dict[str, Any] = {}
    els = F.elements(before)
    if len(els) >= 2 and F.person_names(els[0].text):
        fields["author"] = F.person_names(els[0].text)
        els = els[1:]
    title = F.title(", ".join(e.text for e in els))
    if title and _commentary(title):
        # "The implementation map is available on the website … at https://…":
        # the sentence stays a note, the address is still a source.
        note = Draft("note", seg.start, seg.end, {})
        return [note] + [Draft("web", a, b, {"URL": url}) for a, b, url in urls]
    if title:
        fields["title"] = title
    accessed = re.search(
        r"accessed(?:\s+on)?\s+([^)]+)\)?", text[urls[-1][1] : seg.end], re.IGNORECASE
    )
    if accessed and _full_date(accessed.group(1)):
        fields["accessed"] = _full_date(accessed.group(1))
    drafts = []
    for i, (a, b, url) in enumerate(urls):
        start = seg.body if i == 0 else a
        end = seg.end if i == len(urls) - 1 and not drafts and len(urls) == 1 else b
        drafts.append(Draft("web", start, end, {**(fields if i == 0 else {}), "URL": url}))
    return drafts
