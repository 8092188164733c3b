"""Reader pages and their JSON twins: one function per page, each returning a Page.

A view reads its parameters (every bad one is a 400 naming it), calls one or
two :class:`verbale.store.Corpus` methods,
and returns the data its JSON twin shows; HTML-only pieces (rendered text,
chart geometry) go in ``Page.extra``.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Any, Optional
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import RedirectResponse

from ..errors import BadQuery, NotFound
from ..model import Document, to_dict
from ..store import Citation, DocInfo, Filters, browse
from ..store.graph import undocs_url
from ..store.rows import symbol_key
from ..symbols import parse_symbol
from . import api
from .api import listing
from .chart import bar_chart
from .errors import BadRequest, PageNotFound, error_body
from .openapi import openapi_document
from .page import Page
from .params import (
    MAX_LIMIT,
    MAX_QUERY,
    clean_text,
    date,
    encode_token,
    integer,
    offset_from,
    search_filters,
)
from .reader import figure_text, footnote_anchor, reference_target, render, render_links

# Snippet marks: characters that never occur in the extracted text.
_START, _END = "\x02", "\x03"
SUBRESOURCES = ("blocks", "footnotes", "references", "claims", "cites", "cited-by")
_EXPORT = re.compile(r"^(?P<key>.+)/export/(?P<format>[^/]+)$")


def _url(path: str, params: dict[str, Any]) -> str:
    query = urlencode([(k, v) for k, v in params.items() if v not in (None, "")])
    return path + ("?" + query if query else "")


def split_snippet(snippet: str) -> tuple[str, list[list[int]]]:
    """A snippet with marks -> plain text and the ``[start, end)`` of each match.

    >>> split_snippet("a \\x02b\\x03 c")
    ('a b c', [[2, 3]])
    """
    text, spans, start = [], [], None
    pos = 0
    for ch in snippet:
        if ch == _START and start is None:
            start = pos
        elif ch == _END and start is not None:
            spans.append([start, pos])
            start = None
        elif ch not in (_START, _END):
            text.append(ch)
            pos += 1
    return "".join(text), spans


def snippet_html(text: str, spans: list[list[int]]) -> Markup:
    out, last = [], 0
    for start, end in spans:
        out += [escape(text[last:start]), Markup("<mark>"), escape(text[start:end]),
                Markup("</mark>")]
        last = end
    out.append(escape(text[last:]))
    return Markup("").join(out)


def _facets(path: str, params: dict[str, Any], counts: dict[str, Any]) -> list[dict]:
    out = []
    for name, label in browse.FACETS.items():
        chosen = params.get(name)
        values = []
        for value, count in counts["facets"][name]:
            selected = chosen is not None and chosen.lower() == value.lower()
            toggled = {**params, name: None if selected else value, "next": None}
            values.append({"value": value, "count": count, "selected": selected,
                           "display": value.title() if name == "organ" else value,
                           "url": _url(path, toggled)})
        out.append({"name": name, "label": label, "values": values, "selected": chosen})
    return out


def _pages(path: str, params: dict, offset: int, limit: int, more: bool) -> dict[str, Any]:
    nxt = encode_token({"o": offset + limit}) if more else None
    prev = None
    if offset > 0:
        back = max(0, offset - limit)
        prev = _url(path, {**params, "next": encode_token({"o": back}) if back else None})
    return {"next": nxt, "next_url": _url(path, {**params, "next": nxt}) if nxt else None,
            "prev_url": prev, "offset": offset, "limit": limit}


# -- pages -------------------------------------------------------------------

def index(site, request: Request):
    """Home: the corpus in numbers, recent documents, places with claims."""
    corpus = site.corpus()
    recent = corpus.list_documents(Filters(), limit=10)
    return Page("index.html", {
        "corpus": {**corpus.counts(),
                   "schema_version": corpus.schema_version()},
        "synthetic": corpus.meta().get("synthetic"),
        "recent": [listing(site, row) for row in recent],
        "places": corpus.event_places(limit=12),
        "writes": site.writes,
        "links": {"search": "/search", "documents": "/documents", "events": "/events",
                  "missing": "/missing", "api": "/api", "openapi": "/openapi.json"},
    })


def search(site, request: Request):
    """``/search?q=…``: ranked passages with snippets, facets with counts, pages."""
    params = request.query_params
    q = clean_text("q", params.get("q"), MAX_QUERY)
    filters = search_filters(params)
    limit = integer("limit", params.get("limit"), 20, 1, MAX_LIMIT)
    offset = offset_from(params.get("next"))
    chosen = Filters(**filters)
    corpus = site.corpus()
    try:
        hits = corpus.search(q, limit=limit + 1, offset=offset, mark=(_START, _END),
                             **filters) if q else []
        counts = corpus.facet_counts(q, chosen)
    except BadQuery as exc:  # the query's syntax: say which parameter
        raise BadRequest(str(exc), parameter="q") from None
    more = len(hits) > limit
    state = {"q": q, **filters, "limit": params.get("limit")}
    rows, snippets = [], []
    for hit in hits[:limit]:
        text, spans = split_snippet(hit.snippet)
        doc = listing(site, hit.document)
        anchor = ("#" + hit.ref if hit.field == "block" and hit.ref else
                  "#" + footnote_anchor(hit.ref) if hit.field == "footnote" and hit.ref else "")
        rows.append({"document": doc, "field": hit.field, "ref": hit.ref, "kind": hit.kind,
                     "page": hit.page, "snippet": text, "highlights": spans,
                     "url": doc["url"] + anchor, "score": hit.score})
        snippets.append(snippet_html(text, spans))
    return Page("search.html", {
        "query": q, "filters": filters, "hits": rows,
        "documents": counts["documents"], "facets_capped": counts["capped"],
        "facets": _facets("/search", state, counts),
        **_pages("/search", state, offset, limit, more),
    }, extra={"snippets": snippets})


def documents(site, request: Request):
    """``/documents``: stored documents within the filters, newest first, with facets."""
    params = request.query_params
    filters = search_filters(params)
    limit = integer("limit", params.get("limit"), 20, 1, MAX_LIMIT)
    offset = offset_from(params.get("next"), limit=10_000_000)
    chosen = Filters(**filters)
    corpus = site.corpus()
    rows = corpus.list_documents(chosen, limit=limit + 1, offset=offset)
    counts = corpus.facet_counts(None, chosen)
    state = {**filters, "limit": params.get("limit")}
    return Page("documents.html", {
        "filters": filters, "documents": [listing(site, r) for r in rows[:limit]],
        "total": counts["documents"], "facets": _facets("/documents", state, counts),
        **_pages("/documents", state, offset, limit, len(rows) > limit),
    })


def _key(raw: str) -> str:
    key = clean_text("key", raw, 300)
    if not key:
        raise PageNotFound("give a document: /documents/SYMBOL, e.g. /documents/A/79/722")
    return key


def document_route(site, request: Request):
    """``/documents/{key}`` and below: the page, its JSON, parts, exports, source."""
    rest = request.path_params["rest"]
    if rest.endswith("/source"):
        return api.source(site, request, _key(rest[:-len("/source")]))
    m = _EXPORT.match(rest)
    if m:
        return api.export(site, request, _key(m["key"]), m["format"])
    as_json = rest.endswith(".json")
    request.state.format = "json" if as_json else "html"
    key = rest[:-5] if as_json else rest
    head, _, last = key.rpartition("/")
    if last in SUBRESOURCES and head:
        key = _key(head)
        if not as_json:
            anchor = {"cited-by": "cited-by"}.get(last, last)
            return RedirectResponse(quote(f"/documents/{key}", safe="/") + "#" + anchor, 303)
        return _part(site, key, last)
    return _document_page(site, _key(key), as_json)


def _info_or_missing(site, key: str) -> DocInfo:
    try:
        return site.corpus().info(key)
    except NotFound:
        url = undocs_url(key)
        if url:
            raise PageNotFound(f"{key} is not in this corpus; read it at {url}",
                               symbol=key, undocs=url,
                               cited_by=f"/documents/{quote(key, safe='/')}/cited-by.json"
                               ) from None
        raise


def _part(site, key: str, part: str):
    corpus = site.corpus()
    if part == "cited-by":
        try:
            info = corpus.info(key)
        except NotFound:
            if parse_symbol(key) is None:
                raise
            return Page("", {"symbol": key, "document": None, "missing": True,
                                "cited_by": _cited_by(site, corpus.cited_by(key))})
        return Page("", {"document": listing(site, info), "missing": False,
                            "cited_by": _cited_by(site, corpus.cited_by(info.id))})
    info = _info_or_missing(site, key)
    doc = site.document(info)
    data: dict[str, Any] = {"document": listing(site, info)}
    if part == "cites":
        data["cites"] = _cites(site, corpus.cites(info.id))
    elif part == "claims":
        data["claims"] = _claim_rows(doc, _resolver(site, corpus.cites(info.id)))
    elif part == "references":
        resolve = _resolver(site, corpus.cites(info.id))
        data["references"] = [{**to_dict(r), "target": reference_target(r, resolve).__dict__}
                              for r in doc.references]
        data["cited_symbols"] = list(doc.cited_symbols)
    else:
        data[part] = to_dict(getattr(doc, part))
    return Page("", data)


def _resolver(site, cites: list[Citation]):
    known = {symbol_key(c.target): site.doc_url(c.document) for c in cites if c.document}
    return lambda symbol: known.get(symbol_key(symbol))


def _where(c: Citation, base: str = "") -> Optional[dict[str, str]]:
    if c.footnote:
        return {"label": f"note {c.footnote[2:] if c.footnote.startswith('fn') else c.footnote}",
                "url": f"{base}#{footnote_anchor(c.footnote)}"}
    if c.block:
        return {"label": f"block {c.block}", "url": f"{base}#{c.block}"}
    return None


def _cites(site, citations: list[Citation]) -> list[dict[str, Any]]:
    groups: OrderedDict[str, dict[str, Any]] = OrderedDict()
    for c in citations:
        key = symbol_key(c.target)
        if key not in groups:
            doc = listing(site, c.document) if c.document else None
            groups[key] = {"symbol": c.target, "document": doc, "missing": c.missing,
                           "url": doc["url"] if doc else c.url, "places": []}
        where = _where(c)
        if where and where not in groups[key]["places"]:
            groups[key]["places"].append(where)
    return list(groups.values())


def _cited_by(site, citations: list[Citation]) -> list[dict[str, Any]]:
    groups: OrderedDict[str, dict[str, Any]] = OrderedDict()
    for c in citations:
        if c.source.id not in groups:
            groups[c.source.id] = {"document": listing(site, c.source), "symbols": [],
                                   "places": []}
        group = groups[c.source.id]
        if c.target not in group["symbols"]:
            group["symbols"].append(c.target)
        where = _where(c, group["document"]["url"])
        if where and where not in group["places"]:
            group["places"].append(where)
    return list(groups.values())


def _claim_rows(doc: Document, resolve) -> list[dict[str, Any]]:
    refs = {r.id: r for r in doc.references}
    rows = []
    for c in doc.claims:
        ref = refs.get(c.reference or "")
        target = reference_target(ref, resolve) if ref else None
        rows.append({"id": c.id, "measure": c.measure,
                     "figure": figure_text(c.value, c.low, c.best, c.high, c.hedge),
                     "value": c.value, "low": c.low, "best": c.best, "high": c.high,
                     "hedge": c.hedge, "claimant": c.claimant.name,
                     "claimant_kind": c.claimant.kind, "source": ref.text if ref else None,
                     "source_url": target.href if target else None, "place": c.place,
                     "date": c.date, "quoted": c.quoted, "block": c.block,
                     "anchor": f"#claim-{c.id}", "text": c.text})
    return rows


def _masthead(doc: Document) -> dict[str, Any]:
    agenda = [f"{item}: {title}" if title else item for item, title in
              zip(doc.agenda_items, list(doc.agenda_titles) + [""] * len(doc.agenda_items))]
    fields = {"Symbols": ", ".join(doc.symbols), "Date": doc.date,
              "Distribution": doc.distribution, "Organs": ", ".join(doc.organs),
              "Sessions": ", ".join(doc.sessions), "Agenda items": "; ".join(agenda),
              "Document type": doc.doc_type, "Sender": doc.sender,
              "Addressees": "; ".join(doc.addressees), "Language": doc.language,
              "Original language": doc.original_language, "Job number": doc.job_number,
              "Pages": doc.source.pages,
              "Signed by": "; ".join(s.name for s in doc.signatures)}
    return {k: v for k, v in fields.items() if v not in (None, "")}


def _document_page(site, key: str, as_json: bool = False):
    corpus = site.corpus()
    try:
        info = _info_or_missing(site, key)
    except PageNotFound as exc:
        if not (exc.detail or {}).get("undocs"):
            raise
        # A valid symbol the corpus lacks: a 404 that says where to read it, and who cites it.
        body = error_body(exc)
        citing = _cited_by(site, corpus.cited_by(key))
        return Page("error.html", body, status=404, extra={
            "error": body, "reason": "Not in this corpus", "cited_by": citing})
    doc = site.document(info)
    cites = corpus.cites(info.id)
    resolve = _resolver(site, cites)
    url = site.doc_url(info)
    base = url + "/export/"
    downloads = [{"format": f, "label": label, "url": base + f}
                 for f, (label, _, _) in api.EXPORTS.items()]
    source = url + "/source" if corpus.has_source(info.id) else None
    masthead = _masthead(doc)
    return Page("document.html", {
        "document": listing(site, info), "masthead": masthead,
        "claims": _claim_rows(doc, resolve), "cites": _cites(site, cites),
        "cited_by": _cited_by(site, corpus.cited_by(info.id)),
        "downloads": downloads, "source": source,
        "source_format": doc.source.format, "warnings": to_dict(doc.warnings),
        # The whole model only where it is read: the JSON twin.
        "model": doc.to_dict() if as_json else None,
    }, extra=_reading(doc, resolve, masthead) if not as_json else {})


def _reading(doc: Document, resolve, masthead: dict[str, Any]) -> dict[str, Any]:
    """What only the HTML page needs: the text rendered, links, masthead split."""
    blocks, notes = render(doc, resolve)
    return {"blocks": blocks, "notes": notes, "links": render_links(doc), "title": doc.title,
            **_masthead_parts(doc, masthead)}


# Fields shown at the top of the page; the others fold under "All fields".
_MAIN_FIELDS = ("Symbols", "Date", "Document type", "Organs", "Sender")


def _masthead_parts(doc: Document, fields: dict[str, Any]) -> dict[str, Any]:
    """The masthead fields (``_masthead``) split: the main ones, and the rest."""
    main = {k: fields[k] for k in _MAIN_FIELDS if k in fields}
    if doc.agenda_items:
        main["Agenda items"] = ", ".join(doc.agenda_items)
    more = {k: v for k, v in fields.items() if k not in _MAIN_FIELDS}
    return {"masthead_main": main, "masthead_more": more}


def events(site, request: Request):
    """``/events``: the places claims name; ``?place=`` goes to that event's page."""
    place = clean_text("place", request.query_params.get("place"))
    if place:
        suffix = ".json" if request.state.format == "json" else ""
        rest = {k: v for k, v in request.query_params.items() if k != "place"}
        return RedirectResponse(_url(f"/events/{quote(place, safe='')}{suffix}", rest), 303)
    return Page("events.html", {"places": site.corpus().event_places()})


def event(site, request: Request):
    """``/events/{place}``: every claim about the place across the corpus, by measure."""
    rest = request.path_params["rest"]
    as_json = rest.endswith(".json")
    request.state.format = "json" if as_json else "html"
    place = clean_text("place", rest[:-5] if as_json else rest)
    if not place:
        raise PageNotFound("name a place: /events/PLACE, e.g. /events/Khojaly")
    params = request.query_params
    date_from = date("date_from", params.get("date_from"))
    date_to = date("date_to", params.get("date_to"))
    groups = site.corpus().claims_for_event(place, date_from, date_to)
    measures, charts, docs = [], [], set()
    for group in groups:
        rows = []
        for c in group.claims:
            doc = listing(site, c.document)
            docs.add(c.document.id)
            rows.append({**c.to_dict(), "document": doc,
                         "figure": figure_text(c.value, c.low, c.best, c.high, c.hedge),
                         "url": f"{doc['url']}#claim-{c.claim}"})
        rows.sort(key=lambda r: (r["claimant"].lower(), r["document"]["label"]))
        measures.append({"measure": group.measure, "spread": group.spread, "claims": rows,
                         "claimants": len({r["claimant"] for r in rows}),
                         "documents": len({r["document"]["id"] for r in rows})})
        charts.append(bar_chart({**r, "label": r["document"]["label"],
                                 "sublabel": r["claimant"], "anchor": r["url"]} for r in rows))
    return Page("event.html", {"place": place, "date_from": date_from, "date_to": date_to,
                                  "measures": measures, "documents": len(docs)},
                   extra={"charts": charts})


def missing(site, request: Request):
    """``/missing``: symbols the corpus cites but does not hold, most cited first."""
    limit = integer("limit", request.query_params.get("limit"), 50, 1, MAX_LIMIT)
    offset = offset_from(request.query_params.get("next"), limit=10_000_000)
    rows = site.corpus().missing_documents(limit=limit + 1, offset=offset)
    for row in rows:
        row["cited_by"] = f"/documents/{quote(row['symbol'], safe='/')}/cited-by.json"
    state = {"limit": request.query_params.get("limit")}
    return Page("missing.html", {"missing": rows[:limit],
                                    **_pages("/missing", state, offset, limit,
                                             len(rows) > limit)})


def upload_form(site, request: Request):
    """``/upload``: the upload form, and what the server accepts."""
    return Page("upload.html", {
        "writes": site.writes, "max_upload": site.max_upload,
        "accepted": list(api.ACCEPTED), "endpoint": "/documents",
        "auth": "Authorization: Bearer TOKEN (or the form field 'token')"})


def api_page(site, request: Request):
    """``/api``: the routes, read from the OpenAPI document."""
    doc = openapi_document(site.max_upload)
    return Page("api.html", doc)
