"""The ASGI application: routes, HTML/JSON twins, one corpus connection per thread.

    >>> app = create_app("verbale.db", token="s3cret", max_upload=10 * 2**20)   # doctest: +SKIP

Every reader page is a view returning a :class:`Page`: the data (the JSON
twin, verbatim) plus a template and template-only extras. The same path with
``.json`` returns the data. Views run in worker threads; each thread opens
its own read connection to the corpus (SQLite WAL: readers never wait for
the writer), and uploads are written one at a time.
"""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Callable, Optional, Sequence, Union
from urllib.parse import quote

import anyio.to_thread
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..errors import NotFound, VerbaleError
from ..model import Document
from ..store import Corpus, DocInfo
from . import api, views
from .errors import WebError, handle_error
from .openapi import openapi_document
from .page import Page, json_response
from .reader import figure_text, plain

HERE = Path(__file__).resolve().parent
DEFAULT_MAX_UPLOAD = 25 * 2**20
DOCUMENT_CACHE = 64
THREADS = 8               # worker threads for views (each holds one read connection)
# Sent with every response: no inline script or style runs, nothing frames the reader.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


class Site:
    """The app's state: settings, per-thread corpora, templates, caches."""

    def __init__(self, db_path: str, token: Optional[str], max_upload: int):
        self.db_path = db_path
        self.token = token or None
        self.max_upload = max_upload
        self.write_lock = threading.Lock()
        self._local = threading.local()
        self._cache_lock = threading.Lock()
        self._documents: OrderedDict[str, Document] = OrderedDict()
        self._urls: dict[tuple[str, str], str] = {}
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                               trim_blocks=True, lstrip_blocks=True)
        self.env.filters.update(bdi=_bdi, plain=plain, figure=_figure, number=_number)
        self.env.globals.update(version=__version__, static=_static_url)

    @property
    def writes(self) -> bool:
        return self.token is not None

    def corpus(self) -> Corpus:
        """This thread's connection (opened on first use; SQLite objects stay in their thread)."""
        corpus = getattr(self._local, "corpus", None)
        if corpus is None:
            corpus = self._local.corpus = Corpus.open(self.db_path, create=False)
        return corpus

    def document(self, info: DocInfo) -> Document:
        """The stored document ``info`` names; content-addressed, so cached by id."""
        with self._cache_lock:
            doc = self._documents.get(info.id)
            if doc is not None:
                self._documents.move_to_end(info.id)
                return doc
        doc = self.corpus().get(info.id)
        with self._cache_lock:
            self._documents[info.id] = doc
            while len(self._documents) > DOCUMENT_CACHE:
                self._documents.popitem(last=False)
        return doc

    def doc_url(self, info: DocInfo) -> str:
        """The reader URL of a stored document: by symbol when the symbol leads to it,
        else by id (two language versions may share a symbol)."""
        if info.symbol:
            key = (info.symbol, info.id)
            url = self._urls.get(key)
            if url is None:
                try:
                    same = self.corpus().info(info.symbol).id == info.id
                except (NotFound, VerbaleError):
                    same = False
                url = "/documents/" + quote(info.symbol if same else info.id[:16], safe="/")
                self._urls[key] = url
            return url
        return "/documents/" + info.id[:16]

    def stored(self) -> None:
        """Forget cached URLs after a write (a new document may take a symbol's URL)."""
        self._urls.clear()

    # -- responses ----------------------------------------------------------

    def render(self, request: Request, template: str, context: dict[str, Any]) -> str:
        base = {"path": request.url.path, "json_url": _json_url(request), "writes": self.writes}
        return self.env.get_template(template).render({**base, **context})

    def respond(self, request: Request, result: Union[Page, Response]) -> Response:
        if isinstance(result, Response):
            return result
        if getattr(request.state, "format", "html") == "json":
            return json_response(result.data, result.status)
        html = self.render(request, result.template, {**result.data, **result.extra})
        return Response(html, status_code=result.status, media_type="text/html")

    def render_error(self, request: Request, body: dict[str, Any], reason: str) -> str:
        return self.render(request, "error.html", {"error": body, "reason": reason})


def _json_url(request: Request) -> str:
    path = request.url.path
    if path.endswith(".json"):
        twin = path
    else:
        twin = path + ".json"
    query = request.url.query
    return quote(twin, safe="/.") + (f"?{query}" if query else "")


def _bdi(text: Any) -> Markup:
    """Untrusted inline text in its own bidi isolate, so an RTL override stays inside."""
    return Markup("<bdi>{}</bdi>").format(text if text is not None else "")


def _figure(item: dict) -> str:
    return figure_text(item.get("value"), item.get("low"), item.get("best"), item.get("high"),
                       item.get("hedge"))


def _number(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else escape(value or "")


def _static_url(name: str) -> str:
    return f"/static/{name}?v={__version__}"


# -- routing -----------------------------------------------------------------

View = Callable[[Site, Request], Union[Page, Response]]


def _endpoint(site: Site, view: View, fmt: Optional[str]):
    async def endpoint(request: Request) -> Response:
        if fmt:
            request.state.format = fmt
        return await run_in_threadpool(lambda: site.respond(request, view(site, request)))
    return endpoint


def _twin(site: Site, path: str, view: View, name: str) -> list[Route]:
    """The HTML page at ``path`` and its JSON twin at ``path + '.json'``."""
    json_path = "/.json" if path == "/" else path + ".json"
    return [Route(path, _endpoint(site, view, "html"), methods=["GET"], name=name),
            Route(json_path, _endpoint(site, view, "json"), methods=["GET"], name=name + "_json")]


def _routes(site: Site) -> list:
    async def upload(request: Request) -> Response:
        return await api.upload(site, request)

    async def openapi(request: Request) -> Response:
        request.state.format = "json"
        return json_response(openapi_document(site.max_upload))

    return [
        *_twin(site, "/", views.index, "index"),
        *_twin(site, "/search", views.search, "search"),
        *_twin(site, "/documents", views.documents, "documents"),
        Route("/documents", upload, methods=["POST"], name="upload_post"),
        Route("/documents/{rest:path}", _endpoint(site, views.document_route, None),
              methods=["GET"], name="document"),
        *_twin(site, "/events", views.events, "events"),
        Route("/events/{rest:path}", _endpoint(site, views.event, None), methods=["GET"],
              name="event"),
        *_twin(site, "/missing", views.missing, "missing"),
        *_twin(site, "/upload", views.upload_form, "upload"),
        *_twin(site, "/api", views.api_page, "api"),
        Route("/openapi.json", openapi, methods=["GET"], name="openapi"),
        Route("/export/{name}", _endpoint(site, api.corpus_export, None), methods=["GET"],
              name="export"),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db_path: str | Path, *, token: Optional[str] = None,
               max_upload: int = DEFAULT_MAX_UPLOAD,
               cors: Union[bool, Sequence[str]] = False) -> Starlette:
    """The web app over the corpus at ``db_path``.

    ``token``: uploads need it (``Authorization: Bearer TOKEN``); without one,
    writes are off and an empty database cannot be created. ``max_upload``:
    bytes per uploaded file. ``cors``: False (default, no cross-origin
    reads), True (any origin may read), or a list of origins.

    >>> app = create_app(":memory:")                       # doctest: +SKIP
    """
    if max_upload <= 0:
        raise ValueError(f"max_upload must be positive, not {max_upload}")
    db_path, token = str(db_path), token or None
    with Corpus.open(db_path, create=token is not None):   # fails early: not a corpus
        pass
    site = Site(db_path, token, max_upload)
    middleware = [Middleware(SecurityHeaders)]
    if cors:
        origins = ["*"] if cors is True else list(cors)
        middleware.append(Middleware(CORSMiddleware, allow_origins=origins,
                                     allow_methods=["GET", "HEAD"], allow_headers=[]))
    handlers = {HTTPException: handle_error, WebError: handle_error, VerbaleError: handle_error,
                Exception: handle_error}
    app = Starlette(routes=_routes(site), middleware=middleware, exception_handlers=handlers,
                    lifespan=_lifespan)
    app.state.site = site
    app.state.render_error = site.render_error
    return app


@asynccontextmanager
async def _lifespan(app: Starlette):
    # Views run in worker threads, each with its own SQLite connection and page
    # cache: a few threads keep memory bounded; more would not help (the GIL).
    anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
    yield


ENV_CONFIG = "VERBALE_WEB"


def app_from_env() -> Starlette:
    """The app of one worker process under ``uvicorn --factory`` (``verbale serve
    --workers N``): settings from ``$VERBALE_WEB`` (JSON), the token from ``$VERBALE_TOKEN``.

    >>> os.environ[ENV_CONFIG] = json.dumps({"db": "verbale.db"})    # doctest: +SKIP
    >>> app = app_from_env()                                           # doctest: +SKIP
    """
    config = json.loads(os.environ.get(ENV_CONFIG) or "{}")
    return create_app(config["db"], token=os.environ.get("VERBALE_TOKEN") or None,
                      max_upload=config.get("max_upload", DEFAULT_MAX_UPLOAD),
                      cors=config.get("cors", False))
