"""Downloads and uploads: exports of a document or the corpus, source files, POST.

Exports of one document (``/documents/{key}/export/{format}``): json (the
full model), csl (CSL-JSON of what it cites), bibtex, akn (Akoma Ntoso XML).
The original file: ``/documents/{key}/source``, when ingest kept its bytes.
Corpus exports (``/export/{name}``): documents.jsonl, references.csv,
claims.csv, graph.graphml, graph.json.

Uploads (``POST /documents``, multipart field ``file`` or a raw body) need
the token given at start, compared in constant time. The size is checked
before the body is read (Content-Length) and while it is read; the type by
the declared media type and by the bytes themselves.

    curl -H "Authorization: Bearer $TOKEN" -F file=@A_79_722.en.pdf http://127.0.0.1:8000/documents
"""

from __future__ import annotations

import hashlib
import hmac
import re
import tempfile
from typing import Any, Iterator, Optional, Union

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response, StreamingResponse

from ..model import Document
from ..pipeline import process
from ..render import EXPORTERS
from ..store import DocInfo
from .errors import (
    BadRequest,
    Forbidden,
    PageNotFound,
    PayloadTooLarge,
    Unauthorized,
    UnsupportedMediaType,
)
from .page import json_response

# format -> (button label, media type, file suffix); the exporters are render.EXPORTERS.
EXPORTS = {
    "json": ("JSON", "application/json", ".json"),
    "csl": ("CSL-JSON", "application/vnd.citationstyles.csl+json", ".csl.json"),
    "bibtex": ("BibTeX", "application/x-bibtex; charset=utf-8", ".bib"),
    "akn": ("Akoma Ntoso", "application/akn+xml; charset=utf-8", ".akn.xml"),
}
CORPUS_EXPORTS = {
    "documents.jsonl": "application/jsonl; charset=utf-8",
    "references.csv": "text/csv; charset=utf-8",
    "claims.csv": "text/csv; charset=utf-8",
    "graph.graphml": "application/graphml+xml; charset=utf-8",
    "graph.json": "application/json",
}
ACCEPTED = ("application/pdf", "text/plain")
# Declared types taken as "let the bytes decide".
_NEUTRAL = ("", "application/octet-stream", "binary/octet-stream")
MULTIPART_SLACK = 64 * 1024   # room for the multipart envelope around the file
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def file_name(label: str, suffix: str) -> str:
    """A download name from a symbol or file name.

    >>> file_name("A/79/722", ".bib"), file_name('../"evil" name', ".txt")
    ('A_79_722.bib', 'evil_name.txt')
    """
    stem = _SAFE_NAME.sub("_", label).strip("._")[:80] or "document"
    return stem + suffix


def listing(site, doc: Union[DocInfo, dict[str, Any]]) -> dict[str, Any]:
    """A stored document as listings show it: its DocInfo (or the row
    ``Corpus.list_documents`` gives, with its other columns), label and reader URL."""
    info = doc if isinstance(doc, DocInfo) else DocInfo.of(doc)
    row = doc.to_dict() if isinstance(doc, DocInfo) else doc
    return {**row, "label": info.label, "url": site.doc_url(info)}


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


def export(site, request: Request, key: str, fmt: str) -> Response:
    """One document in an exchange format, as a download."""
    if fmt not in EXPORTS:
        raise PageNotFound(f"no export format {fmt[:40]!r}: choose one of "
                           f"{', '.join(EXPORTS)}", format=fmt[:40])
    info = site.corpus().info(key)
    text = EXPORTERS[fmt](site.document(info))
    _, media, suffix = EXPORTS[fmt]
    return Response(text, media_type=media, headers=_attachment(file_name(info.label, suffix)))


def source(site, request: Request, key: str) -> Response:
    """The original file, when the store kept its bytes (a download, never rendered)."""
    corpus = site.corpus()
    info = corpus.info(key)
    data = corpus.source(info.id)
    if data is None:
        raise PageNotFound(f"the source file of {info.label} was not kept (ingest with "
                           "--keep-sources keeps it)")
    pdf = data[:1024].find(b"%PDF-") >= 0
    media = "application/pdf" if pdf else "text/plain; charset=utf-8"
    name = file_name(info.label, ".pdf" if pdf else ".txt")
    # A stored file is untrusted: a download, and sandboxed if a browser shows it anyway.
    return Response(data, media_type=media,
                    headers={**_attachment(name), "Content-Security-Policy": "sandbox"})


def corpus_export(site, request: Request) -> Response:
    """The whole corpus as JSON Lines, CSV or a graph, streamed from a spooled file."""
    name = request.path_params["name"]
    if name not in CORPUS_EXPORTS:
        raise PageNotFound(f"no corpus export {name[:40]!r}: choose one of "
                           f"{', '.join(CORPUS_EXPORTS)}")
    corpus = site.corpus()
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 2**20, mode="w+", encoding="utf-8",
                                          newline="")
    stem, _, kind = name.partition(".")
    if stem == "graph":
        corpus.write_graph(spool, kind)
    else:
        corpus.export(stem, spool)
    spool.seek(0)
    return StreamingResponse(_chunks(spool), media_type=CORPUS_EXPORTS[name],
                             headers=_attachment(f"verbale-{name}"))


def _chunks(spool) -> Iterator[str]:
    try:
        while chunk := spool.read(64 * 1024):
            yield chunk
    finally:
        spool.close()


# -- upload ----------------------------------------------------------------------

def check_token(site, request: Request, form_token: Optional[str] = None) -> None:
    """Raise 403 when writes are off, 401 without the right token (constant-time compare)."""
    if not site.writes:
        raise Forbidden("uploads are off: this server was started without a token "
                        "(verbale serve --token …)")
    given = form_token or ""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        given = header[7:].strip()
    if not given:
        raise Unauthorized("uploads need the server's token: send 'Authorization: Bearer "
                           "TOKEN' (or the form field 'token')")
    if not hmac.compare_digest(given.encode("utf-8"), site.token.encode("utf-8")):
        raise Unauthorized("wrong token")


async def _read_body(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise PayloadTooLarge(f"the upload is {int(length):,} bytes; this server takes at "
                              f"most {limit:,}", limit=limit, received=int(length))
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"the upload is larger than the {limit:,} bytes this "
                                  "server takes", limit=limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _media(value: Optional[str]) -> str:
    return (value or "").split(";")[0].strip().lower()


def check_type(data: bytes, declared: str, name: str) -> str:
    """``pdf`` or ``text`` for acceptable bytes; 415 (saying why) otherwise.

    >>> check_type(b"%PDF-1.7 ...", "application/pdf", "a.pdf")
    'pdf'
    """
    is_pdf = data[:1024].find(b"%PDF-") >= 0
    if declared not in (*ACCEPTED, *_NEUTRAL):
        raise UnsupportedMediaType(f"{name}: type {declared!r} is not taken; send a PDF "
                                   "(application/pdf) or text (text/plain)", type=declared)
    if declared == "application/pdf" and not is_pdf:
        raise UnsupportedMediaType(f"{name} is declared application/pdf but its bytes are "
                                   "not a PDF (no %PDF- header)", type=declared)
    if is_pdf:
        return "pdf"
    if b"\x00" in data[:8192] and not data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise UnsupportedMediaType(f"{name} is neither a PDF nor text (binary bytes)",
                                   type=declared)
    return "text"


async def _payload(request: Request, limit: int) -> tuple[bytes, str, str, Optional[str]]:
    """(file bytes, declared type, file name, form token) from multipart or a raw body."""
    ctype = _media(request.headers.get("content-type"))
    if ctype == "multipart/form-data":
        body = await _read_body(request, limit + MULTIPART_SLACK)

        async def replay():
            return {"type": "http.request", "body": body, "more_body": False}

        form = await Request(request.scope, replay).form(max_files=1, max_fields=5)
        try:
            upload = form.get("file")
            token = form.get("token")
            if upload is None or isinstance(upload, str):
                raise BadRequest("the form has no file: send it in the field 'file'",
                                 parameter="file")
            data = await upload.read()
            name = upload.filename or "upload"
            declared = _media(upload.content_type)
        finally:
            await form.close()
        if len(data) > limit:
            raise PayloadTooLarge(f"{name} is {len(data):,} bytes; this server takes at most "
                                  f"{limit:,}", limit=limit, received=len(data))
        return data, declared, name, token if isinstance(token, str) else None
    data = await _read_body(request, limit)
    name = request.query_params.get("name") or "upload"
    return data, ctype, name, None


async def upload(site, request: Request) -> Response:
    """``POST /documents``: parse the file (verbale.process) and store it."""
    html = "text/html" in request.headers.get("accept", "")
    request.state.format = "html" if html else "json"
    if not site.writes:
        check_token(site, request)
    if _media(request.headers.get("content-type")) != "multipart/form-data":
        check_token(site, request)   # a raw body: refuse before reading it
    data, declared, name, form_token = await _payload(request, site.max_upload)
    check_token(site, request, form_token)
    if not data:
        raise BadRequest(f"{name} is empty", parameter="file")
    check_type(data, declared, name)
    sha = hashlib.sha256(data).hexdigest()
    label = f"upload:{sha[:16]}/{file_name(name, '')}"
    doc = await run_in_threadpool(process, data, name=label, max_bytes=site.max_upload)
    outcome, info = await run_in_threadpool(_store, site, doc, data)
    url = site.doc_url(info)
    if html:
        return RedirectResponse(url, status_code=303)
    return json_response({"ok": True, "outcome": outcome,
                          "document": listing(site, info)},
                         201 if outcome in ("added", "replaced") else 200,
                         headers={"Location": url})


def _store(site, doc: Document, data: bytes):
    with site.write_lock:
        corpus = site.corpus()
        outcome = corpus.add(doc, source_bytes=data)
        site.stored()
        return outcome, corpus.info(doc.source.sha256)
