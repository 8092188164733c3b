"""verbale on the web: a REST API with OpenAPI and a reader, over one corpus file.

    >>> from verbale.web import create_app
    >>> app = create_app("verbale.db")                       # doctest: +SKIP
    >>> import uvicorn; uvicorn.run(app, port=8000)          # doctest: +SKIP

or ``verbale serve --db verbale.db``. Every reader page has a JSON twin at the
same path plus ``.json`` (``/search?q=…`` and ``/search.json?q=…``); the API
is described at ``/openapi.json``. Needs the ``web`` extra (starlette,
uvicorn, jinja2, python-multipart).
"""

from .app import DEFAULT_MAX_UPLOAD, create_app

__all__ = ["create_app", "DEFAULT_MAX_UPLOAD"]
