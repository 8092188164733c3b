"""Interpreters for press articles, reports of organizations and web pages.

Split from :mod:`verbale.references.outside`, whose helpers they share.
"""

from __future__ import annotations

import re
from typing import Any

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
    names, entries, _ = P.organizations()
    named = names.match(body)
    if named and named.end() > els[0].end - seg.body:
        # A name with a comma in it: "United Nations Educational, Scientific and …"
        els = [F.Element(F.clean(named.group(0)), 0, named.end())] + F.elements(
            body[named.end() :], named.end()
        )
    head = els[0].text
    fields: dict[str, Any] = {}
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
    else:
        return None
    if not _REPORT_SIGNS.search(body):
        return None  # a list of names, not a source: no year, title in quotes, locator or address
    if all(
        P.URL.search(e.text) or _full_date(e.text) or not re.sub(r"\([^()]*\)", "", e.text).strip()
        for e in rest
    ):
        return None  # "United Nations 2024, https://…" is a web page; "X (OECD)" names only
    return [_report_draft(seg, rest, fields)]


_REPORT_SIGNS = re.compile(
    r"\b(?:1[5-9]\d\d|20\d\d)\b|[\u201c\"]|\bpp?\.\s*\d|\bparas?\.|https?://|www\.|available at"
    r"|\bannex\b|\bchap\.|\bsect\.|\bdocument\b",
    re.IGNORECASE,
)


def _report_draft(seg: Segment, rest: list[F.Element], fields: dict[str, Any]) -> Draft:
    loc, k = _tail_locator(rest)
    parts = [e.text for e in rest[:k]]
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


def web(seg: Segment) -> list[Draft] | None:
    """A web page: "Title, available at https://…" or a bare address."""
    urls = [u for u in seg.urls if seg.body <= u[0] < seg.end]
    if not urls:
        return None
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
    if title and (_prose(title) and len(title.split()) > 15):
        return None
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
