"""HTTP errors of the web app, and how every error becomes a response.

The exception tree (each class carries its HTTP status)::

    WebError                    status 500 unless a subclass says otherwise
    ├── BadRequest              400  a parameter cannot be read (the message names it)
    ├── Unauthorized            401  a write without a token, or with a wrong one
    ├── Forbidden               403  writes are off (no token configured at start)
    ├── PageNotFound            404  no such page
    ├── PayloadTooLarge         413  an upload above the size limit
    └── UnsupportedMediaType    415  an upload that is neither a PDF nor text

verbale's own errors are translated at this edge (:data:`VERBALE_STATUSES`):
``NotFound`` 404, ``BadQuery`` 400, ``TooLarge`` 413, ``UnsupportedFormat``
415, other ``InputError`` 422, ``StoreError`` 503, ``ParseError`` 500.

Every error has ONE JSON shape, whatever raised it (a view, the router's 404
and 405, a crash)::

    {"ok": false, "status": 404, "error": "no stored document has …", "detail": null}

``detail`` is null or an object (e.g. ``{"parameter": "year"}``). HTML pages
get the same fields in an HTML error page.

>>> error_body(BadRequest("year 'x' is not a number", parameter="year"))
{'ok': False, 'status': 400, 'error': "year 'x' is not a number", 'detail': {'parameter': 'year'}}
"""

from __future__ import annotations

import logging
from typing import Any, Optional

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from ..errors import (
    BadQuery,
    InputError,
    NotFound,
    NotFoundError,
    ParseError,
    StoreError,
    TooLarge,
    UnsupportedFormat,
    VerbaleError,
)

log = logging.getLogger("verbale.web")


class WebError(Exception):
    """An error with an HTTP status; ``detail`` keywords go into the JSON body."""

    status = 500

    def __init__(self, message: str, status: Optional[int] = None, **detail: Any):
        super().__init__(message)
        if status is not None:
            self.status = status
        self.detail = detail or None
        self.headers: dict[str, str] = {}


class BadRequest(WebError):
    status = 400


class Unauthorized(WebError):
    status = 401

    def __init__(self, message: str, **detail: Any):
        super().__init__(message, **detail)
        self.headers = {"WWW-Authenticate": 'Bearer realm="verbale"'}


class Forbidden(WebError):
    status = 403


class PageNotFound(WebError):
    status = 404


class PayloadTooLarge(WebError):
    status = 413


class UnsupportedMediaType(WebError):
    status = 415


# Most specific first: the first class the error is an instance of wins.
VERBALE_STATUSES: list[tuple[type[VerbaleError], int]] = [
    (NotFound, 404),
    (BadQuery, 400),
    (StoreError, 503),
    (TooLarge, 413),
    (UnsupportedFormat, 415),
    (NotFoundError, 422),
    (InputError, 422),
    (ParseError, 500),
    (VerbaleError, 500),
]

_REASONS = {400: "Bad request", 401: "Token required", 403: "Forbidden", 404: "Not found",
            405: "Method not allowed", 413: "Upload too large", 415: "Unsupported type",
            422: "Cannot read the document", 500: "Server error", 503: "Corpus unavailable"}


def status_of(exc: BaseException) -> int:
    """The HTTP status an exception maps to.

    >>> status_of(NotFound("x")), status_of(BadQuery("x")), status_of(RuntimeError())
    (404, 400, 500)
    """
    if isinstance(exc, WebError):
        return exc.status
    if isinstance(exc, HTTPException):
        return exc.status_code
    for cls, status in VERBALE_STATUSES:
        if isinstance(exc, cls):
            return status
    return 500


def error_body(exc: BaseException) -> dict[str, Any]:
    """The one JSON error shape: ``ok``, ``status``, ``error``, ``detail``."""
    status = status_of(exc)
    detail: Any = None
    if isinstance(exc, WebError):
        message, detail = str(exc), exc.detail
    elif isinstance(exc, HTTPException):
        message = exc.detail if isinstance(exc.detail, str) else _REASONS.get(status, "Error")
        if status == 404:
            message = "no such page: see /api for the routes"
    elif isinstance(exc, VerbaleError):
        message = str(exc) or type(exc).__name__
        detail = {"type": type(exc).__name__}
    else:  # a bug: say so, never leak the traceback
        message = "internal error: the server met a bug; it has been logged"
    return {"ok": False, "status": status, "error": message, "detail": detail}


def wants_json(request: Request) -> bool:
    """JSON for ``.json`` twins and API routes, HTML for reader pages.

    Views set ``request.state.format``; for routes that never reached a view
    (404, 405) the path suffix and the Accept header decide.
    """
    chosen = getattr(request.state, "format", None)
    if chosen in ("json", "html"):
        return chosen == "json"
    path = request.url.path
    if path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "text/html" not in accept


async def handle_error(request: Request, exc: Exception) -> Response:
    """Exception handler for every error class: the JSON shape or the HTML error page."""
    body = error_body(exc)
    if body["status"] >= 500:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    headers = dict(getattr(exc, "headers", None) or {})
    if wants_json(request):
        return JSONResponse(body, status_code=body["status"], headers=headers)
    render = getattr(request.app.state, "render_error", None)
    if render is None:  # the templates are not set up: plain but still HTML
        return HTMLResponse(f"<h1>{body['status']}</h1>", status_code=body["status"])
    return HTMLResponse(render(request, body, _REASONS.get(body["status"], "Error")),
                        status_code=body["status"], headers=headers)
