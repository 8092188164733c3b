"""The OpenAPI 3.0 document of the web app, written as data: one entry per route.

Served at ``/openapi.json``; tests validate it (openapi-spec-validator) and
run schemathesis against it. Reader pages (HTML) are listed too, each beside
its JSON twin, so the property-based test reaches every route.

>>> doc = openapi_document(2**20)
>>> doc["openapi"], "/search.json" in doc["paths"]
('3.0.3', True)
"""

from __future__ import annotations

import functools
from typing import Any

from .. import __version__
from .params import FILTERS, MAX_LIMIT

_REF = "#/components/schemas/"
_NULLABLE_STR = {"type": "string", "nullable": True}

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object", "required": ["ok", "status", "error", "detail"],
        "properties": {"ok": {"type": "boolean", "enum": [False]},
                       "status": {"type": "integer", "minimum": 400, "maximum": 599},
                       "error": {"type": "string"},
                       "detail": {"type": "object", "nullable": True}},
    },
    "DocInfo": {
        "type": "object", "required": ["id", "symbol", "title", "date", "path", "label", "url"],
        "properties": {"id": {"type": "string", "description": "sha256 of the source"},
                       "symbol": _NULLABLE_STR, "title": _NULLABLE_STR, "date": _NULLABLE_STR,
                       "path": {"type": "string"}, "label": {"type": "string"},
                       "url": {"type": "string", "description": "the reader page"}},
    },
    "Page": {
        "type": "object", "required": ["next", "next_url", "prev_url", "offset", "limit"],
        "properties": {"next": {**_NULLABLE_STR, "description": "opaque token of the next page"},
                       "next_url": _NULLABLE_STR, "prev_url": _NULLABLE_STR,
                       "offset": {"type": "integer"}, "limit": {"type": "integer"}},
    },
    "Facet": {
        "type": "object", "required": ["name", "label", "values"],
        "properties": {"name": {"type": "string"}, "label": {"type": "string"},
                       "values": {"type": "array", "items": {
                           "type": "object", "required": ["value", "count", "url"],
                           "properties": {"value": {"type": "string"},
                                          "count": {"type": "integer"},
                                          "selected": {"type": "boolean"},
                                          "url": {"type": "string"}}}}},
    },
    "Hit": {
        "type": "object", "required": ["document", "field", "snippet", "highlights", "url"],
        "properties": {"document": {"$ref": _REF + "DocInfo"}, "field": {"type": "string"},
                       "ref": _NULLABLE_STR, "kind": _NULLABLE_STR,
                       "page": {"type": "integer", "nullable": True},
                       "snippet": {"type": "string"},
                       "highlights": {"type": "array", "items": {
                           "type": "array", "items": {"type": "integer"}}},
                       "url": {"type": "string"}, "score": {"type": "number"}},
    },
    "Search": {"allOf": [{"$ref": _REF + "Page"}, {
        "type": "object", "required": ["query", "hits", "facets", "documents"],
        "properties": {"query": _NULLABLE_STR, "filters": {"type": "object"},
                       "hits": {"type": "array", "items": {"$ref": _REF + "Hit"}},
                       "documents": {"type": "integer"}, "facets_capped": {"type": "boolean"},
                       "facets": {"type": "array", "items": {"$ref": _REF + "Facet"}}}}]},
    "DocumentList": {"allOf": [{"$ref": _REF + "Page"}, {
        "type": "object", "required": ["documents", "total", "facets"],
        "properties": {"documents": {"type": "array", "items": {"type": "object"}},
                       "total": {"type": "integer"},
                       "facets": {"type": "array", "items": {"$ref": _REF + "Facet"}}}}]},
    "Document": {
        "type": "object",
        "required": ["document", "masthead", "claims", "cites", "cited_by", "downloads", "model"],
        "properties": {"document": {"$ref": _REF + "DocInfo"}, "masthead": {"type": "object"},
                       "claims": {"type": "array", "items": {"type": "object"}},
                       "cites": {"type": "array", "items": {"type": "object"}},
                       "cited_by": {"type": "array", "items": {"type": "object"}},
                       "downloads": {"type": "array", "items": {"type": "object"}},
                       "source": _NULLABLE_STR,
                       "model": {"type": "object",
                                 "description": "the document (verbale/schema/document.schema.json)"}},
    },
    "Part": {"type": "object", "description": "one layer of a document (or who cites a symbol)"},
    "Event": {
        "type": "object", "required": ["place", "measures", "documents"],
        "properties": {"place": {"type": "string"}, "date_from": _NULLABLE_STR,
                       "date_to": _NULLABLE_STR, "documents": {"type": "integer"},
                       "measures": {"type": "array", "items": {
                           "type": "object", "required": ["measure", "claims"],
                           "properties": {"measure": {"type": "string"},
                                          "spread": {"type": "array", "nullable": True,
                                                     "items": {"type": "integer"}},
                                          "claims": {"type": "array",
                                                     "items": {"type": "object"}}}}}},
    },
    "Uploaded": {
        "type": "object", "required": ["ok", "outcome", "document"],
        "properties": {"ok": {"type": "boolean"}, "outcome": {"type": "string"},
                       "document": {"$ref": _REF + "DocInfo"}},
    },
    "Object": {"type": "object"},
}

_TEXT = {"type": "string", "maxLength": 200}


def _param(name: str, where: str = "query", schema: Any = None, required: bool = False,
           description: str = "", example: Any = None) -> dict[str, Any]:
    out = {"name": name, "in": where, "required": required or where == "path",
           "schema": schema or _TEXT, "description": description}
    if example is not None:
        out["example"] = example
    return out


FILTER_DOCS = {"organ": "General Assembly, Security Council… or GA, SC, HRC, ECOSOC",
               "symbol": "symbol prefix, e.g. A/79/", "session": "GA session: 79, ES-10",
               "year": "year of the document", "date_from": "YYYY[-MM[-DD]]",
               "date_to": "YYYY[-MM[-DD]]", "agenda_item": "98 (w) or 98",
               "doc_type": "letter, report, resolution…", "sender": "words of the sender",
               "language": "en, fr…"}
FILTER_PARAMS = [_param(name, description=FILTER_DOCS[name]) for name in FILTERS]
PAGE_PARAMS = [_param("limit", schema={"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}),
               _param("next", description="the opaque token of the next page")]
KEY = _param("key", "path", description="a symbol (A/79/722), an id prefix or a file name",
             example="S/2025/153")
PLACE = _param("place", "path", description="the place of the event", example="Khojaly")
DATES = [_param("date_from", description="YYYY[-MM[-DD]]"),
         _param("date_to", description="YYYY[-MM[-DD]]")]


def _json(schema: str, description: str = "OK") -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": _REF + schema}}}}


_ERROR = {"description": "an error, in the one error shape",
          "content": {"application/json": {"schema": {"$ref": _REF + "Error"}}}}
_HTML = {"description": "an HTML page", "content": {"text/html": {"schema": {"type": "string"}}}}


def _get_json(summary: str, schema: str, params: list, tag: str) -> dict[str, Any]:
    return {"get": {"summary": summary, "tags": [tag], "parameters": params,
                    "responses": {"200": _json(schema), "default": _ERROR}}}


def _get_html(summary: str, params: list, tag: str, redirect: bool = False) -> dict[str, Any]:
    # An error is an HTML page; a key that reads as another route's (e.g. ends in .json)
    # gets that route's JSON error shape.
    responses = {"200": _HTML, "default": {
        "description": "an HTML error page, or the JSON error shape",
        "content": {**_HTML["content"], **_ERROR["content"]}}}
    if redirect:
        responses["303"] = {"description": "to the page asked for"}
    return {"get": {"summary": summary, "tags": [tag], "parameters": params,
                    "responses": responses}}


def _download(summary: str, media: list[str], params: list, tag: str) -> dict[str, Any]:
    content = {m: {"schema": {}} for m in media}   # any body: a file
    return {"get": {"summary": summary, "tags": [tag], "parameters": params,
                    "responses": {"200": {"description": "the file", "content": content},
                                  "default": _ERROR}}}


def _twin(path: str, summary: str, schema: str, params: list, tag: str,
          redirect: bool = False) -> dict[str, Any]:
    json_path = "/.json" if path == "/" else path + ".json"
    out = {path: _get_html(summary + " (HTML)", params, tag, redirect),
           json_path: _get_json(summary, schema, params, tag)}
    if redirect:
        out[json_path]["get"]["responses"]["303"] = {"description": "to the page asked for"}
    return out


def _upload(max_upload: int) -> dict[str, Any]:
    binary = {"type": "string", "format": "binary", "maxLength": max_upload}
    return {"post": {
        "summary": "Upload a document (PDF or text): parse it and store it",
        "tags": ["write"], "security": [{"bearer": []}],
        "requestBody": {"required": True, "content": {
            "multipart/form-data": {"schema": {
                "type": "object", "required": ["file"],
                "properties": {"file": binary, "token": {"type": "string"}}}},
            "application/pdf": {"schema": binary},
            "text/plain": {"schema": {"type": "string", "maxLength": max_upload}}}},
        "parameters": [_param("name", description="file name for a raw body")],
        "responses": {"201": _json("Uploaded", "stored"),
                      "200": _json("Uploaded", "already stored"),
                      "303": {"description": "an HTML form: to the document's page"},
                      "default": _ERROR}}}


@functools.lru_cache(maxsize=8)  # built once per upload limit; callers only read it
def openapi_document(max_upload: int) -> dict[str, Any]:
    """The OpenAPI 3.0.3 description of every route."""
    from .api import CORPUS_EXPORTS, EXPORTS
    from .views import SUBRESOURCES

    search = [_param("q", schema={"type": "string", "maxLength": 1000},
                     description="FTS5 query: words, \"a phrase\", prefix*, AND/OR/NOT",
                     example="Khojaly"), *FILTER_PARAMS, *PAGE_PARAMS]
    paths: dict[str, Any] = {}
    paths.update(_twin("/", "The corpus: counts, recent documents, places", "Object", [],
                       "read"))
    paths.update(_twin("/search", "Search passages, with facets and pages", "Search", search,
                       "read"))
    paths.update(_twin("/documents", "List stored documents, newest first", "DocumentList",
                       [*FILTER_PARAMS, *PAGE_PARAMS], "read"))
    paths["/documents"].update(_upload(max_upload))
    paths.update(_twin("/documents/{key}", "One document: masthead, text layers, cites, "
                       "cited by, downloads", "Document", [KEY], "read"))
    part = _param("part", "path", schema={"type": "string", "enum": list(SUBRESOURCES)})
    paths["/documents/{key}/{part}.json"] = _get_json(
        "One layer of a document, or who cites it (cited-by works for any valid symbol)",
        "Part", [KEY, part], "read")
    fmt = _param("format", "path", schema={"type": "string", "enum": list(EXPORTS)})
    paths["/documents/{key}/export/{format}"] = _download(
        "The document as JSON, CSL-JSON, BibTeX or Akoma Ntoso",
        sorted({m for _, m, _ in EXPORTS.values()}), [KEY, fmt], "export")
    paths["/documents/{key}/source"] = _download(
        "The original file (when the store kept it)",
        ["application/pdf", "text/plain; charset=utf-8"], [KEY], "export")
    paths.update(_twin("/events", "Places that claims name (?place= goes to its page)",
                       "Object", [_param("place")], "read", redirect=True))
    paths.update(_twin("/events/{place}", "Every claim about an event, by measure", "Event",
                       [PLACE, *DATES], "read"))
    paths.update(_twin("/missing", "Symbols cited but not stored, most cited first", "Object",
                       PAGE_PARAMS, "read"))
    paths.update(_twin("/upload", "The upload form and limits", "Object", [], "write"))
    paths.update(_twin("/api", "This description, as a page", "Object", [], "meta"))
    paths["/openapi.json"] = _get_json("This OpenAPI document", "Object", [], "meta")
    name = _param("name", "path", schema={"type": "string", "enum": list(CORPUS_EXPORTS)})
    paths["/export/{name}"] = _download(
        "The corpus: documents (JSON Lines), references or claims (CSV), graph",
        sorted(set(CORPUS_EXPORTS.values())), [name], "export")
    return {
        "openapi": "3.0.3",
        "info": {"title": "verbale", "version": __version__,
                 "description": "Official UN documents as structured, linked, searchable "
                                "records. Every reader page has a JSON twin at the same "
                                "path plus .json; every error has one JSON shape (Error)."},
        "paths": paths,
        "components": {"schemas": SCHEMAS,
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
    }
