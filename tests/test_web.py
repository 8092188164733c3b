"""The web app in process (httpx over ASGI, no server): every route, the JSON
twins, the one error shape, hostile text, tokens, uploads, and OpenAPI with a
bounded schemathesis run.

The corpus is built from real documents of ../shared (the seed letter, the
sample letter and eight corpus PDFs that cite each other) plus one hostile
document made here. Tests that write work on their own copy of it.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import require  # noqa: E402

require("starlette")
httpx = require("httpx")

from conftest import CORPUS_PDF, SAMPLES, SEED, need  # noqa: E402

from verbale.model import (  # noqa: E402
    Block,
    Claim,
    Claimant,
    Document,
    Footnote,
    Link,
    Marker,
    Reference,
    Source,
)
from verbale.store import Corpus  # noqa: E402
from verbale.store.ingest import ingest  # noqa: E402
from verbale.web import create_app  # noqa: E402

# Real documents that cite each other: S/2025/460 -> S/2025/153 -> S/2025/29;
# S/2025/402 -> S/2025/122; A/80/159 (in a footnote) -> A/80/150; the seed and
# A/79/801 both make claims about Khojaly.
CORPUS_FILES = ["S_2025_460.en.pdf", "S_2025_153.en.pdf", "S_2025_29.en.pdf",
                "S_2025_122.en.pdf", "S_2025_402.en.pdf", "A_80_159.en.pdf",
                "A_80_150.en.pdf", "A_79_801.en.pdf"]
TOKEN = "correct horse battery staple"
ERROR_KEYS = {"ok", "status", "error", "detail"}

HOSTILE_SYMBOL = "A/99/666"
HOSTILE_TITLE = '<script>alert("title")</script> Tom &amp; Jerry \u202eevil.exe'
HOSTILE_B1 = ('Plain <script>alert(1)</script> text with &lt;b&gt; entities, '
              '<img src=x onerror=alert(2)> and a \u202eright-to-left override.')
HOSTILE_B2 = "See javascript:alert(3) or https://example.org/ok?a=1&b=2 and S/2025/153 here."


def hostile_document() -> Document:
    """A document whose every text field tries to break out of the page."""
    blocks = (Block("b1", "paragraph", HOSTILE_B1, 1,
                    markers=(Marker("1", len(HOSTILE_B1), 1, "fn1"),)),
              Block("b2", "paragraph", HOSTILE_B2, 1))
    start = HOSTILE_B2.index("javascript:")
    symbol_at = HOSTILE_B2.index("S/2025/153")
    references = (
        Reference("r1", "web", "javascript:alert(3)", url="javascript:alert(3)", block="b2",
                  span=(start, start + len("javascript:alert(3)"))),
        Reference("r2", "un_document", "S/2025/153", symbols=("S/2025/153",), block="b2",
                  span=(symbol_at, symbol_at + 10)),
    )
    claims = (Claim("c1", "killed", "<b>5</b>", Claimant('<script>alert("who")</script>',
                                                         "author"),
                    "b1", (0, 5), value=5, place="Hostileville<script>", date="2025"),)
    data = (HOSTILE_B1 + HOSTILE_B2).encode()
    return Document(
        Source("hostile.txt", "text", hashlib.sha256(data).hexdigest(), 1, len(data)),
        symbols=(HOSTILE_SYMBOL,), date="2025-01-01", title=HOSTILE_TITLE,
        sender="<b>Sender</b>", doc_type="letter", blocks=blocks,
        footnotes=(Footnote("fn1", "1", '<script>alert("note")</script> a note', 1, "b1"),),
        links=(Link("javascript:alert(4)", 1, block="b2"), Link("https://example.org/ok", 1)),
        references=references, cited_symbols=("S/2025/153",), claims=claims)


def build_corpus(db: Path) -> Path:
    """The test corpus at ``db``: real documents (sources kept) and the hostile one."""
    files = [need(SEED), need(SAMPLES / "letter.pdf"), *(need(CORPUS_PDF / f)
                                                         for f in CORPUS_FILES)]
    report = ingest(files, db, workers=0, keep_sources=True)
    assert report.failed == 0, report.failures
    with Corpus.open(db) as corpus:
        corpus.add(hostile_document())
    return db


class Client:
    """A synchronous face on httpx.AsyncClient over the ASGI app (no server, no socket)."""

    def __init__(self, app, raise_app_exceptions: bool = True):
        self.transport = httpx.ASGITransport(app=app, raise_app_exceptions=raise_app_exceptions)

    def request(self, method: str, url: str, **kwargs) -> httpx.Response:
        async def go():
            async with httpx.AsyncClient(transport=self.transport,
                                         base_url="http://testserver") as client:
                return await client.request(method, url, **kwargs)
        return asyncio.run(go())

    def get(self, url: str, **kwargs) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs) -> httpx.Response:
        return self.request("POST", url, **kwargs)


@pytest.fixture(scope="session")
def pristine_db(tmp_path_factory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("web") / "pristine.db")


def _copy(src: Path, dst: Path) -> Path:
    shutil.copy(src, dst)
    return dst


@pytest.fixture(scope="module")
def client(pristine_db, tmp_path_factory) -> Client:
    db = _copy(pristine_db, tmp_path_factory.mktemp("read") / "read.db")
    return Client(create_app(db))


@pytest.fixture
def writable_db(pristine_db, tmp_path) -> Path:
    return _copy(pristine_db, tmp_path / "write.db")


def assert_error(response: httpx.Response, status: int) -> dict:
    """The one JSON error shape, with the expected status."""
    assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert body["detail"] is None or isinstance(body["detail"], dict)
    return body


# -- pages and their JSON twins ---------------------------------------------------

TWINS = ["/", "/search?q=Khojaly", "/search?q=killed&organ=security+council",
         "/documents", "/documents?organ=GA", "/documents/S/2025/460", "/documents/A/99/123",
         "/events", "/events/Khojaly", "/missing", "/upload", "/api"]


@pytest.mark.parametrize("url", TWINS)
def test_every_page_has_a_json_twin(client, url):
    page = client.get(url)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    path, _, query = url.partition("?")
    twin = client.get(("/.json" if path == "/" else path + ".json") + ("?" + query if query
                                                                        else ""))
    assert twin.status_code == 200
    assert twin.headers["content-type"].startswith("application/json")
    assert isinstance(twin.json(), dict)
    assert 'rel="alternate" type="application/json"' in page.text


def test_index_counts_the_corpus(client):
    data = client.get("/.json").json()
    assert data["corpus"]["documents"] == 11
    assert any(p["place"] == "Khojaly" for p in data["places"])
    assert data["recent"][0]["url"].startswith("/documents/")


def test_search_snippets_facets_and_pages(client):
    data = client.get("/search.json", params={"q": "killed", "limit": "2"}).json()
    assert len(data["hits"]) == 2 and data["next"]
    for hit in data["hits"]:
        assert hit["url"].startswith(hit["document"]["url"])
        assert all(hit["snippet"][a:b].lower().startswith("kill") for a, b in hit["highlights"])
    facets = {f["name"]: f for f in data["facets"]}
    assert set(facets) == {"organ", "year", "agenda_item", "sender", "doc_type"}
    organs = {v["value"]: v["count"] for v in facets["organ"]["values"]}
    assert organs.get("security council", 0) >= 3
    # The token is opaque and the next page differs from the first.
    assert "offset" not in data["next"] and not data["next"].isdigit()
    second = client.get(data["next_url"].replace("/search?", "/search.json?")).json()
    assert second["offset"] == 2 and second["prev_url"]
    assert [h["url"] for h in second["hits"]] != [h["url"] for h in data["hits"]]
    # A facet value's URL narrows the search.
    sc = next(v for v in facets["organ"]["values"] if v["value"] == "security council")
    narrowed = client.get(sc["url"].replace("/search?", "/search.json?")).json()
    assert narrowed["filters"]["organ"] == "security council"
    assert all(h["document"]["symbol"].startswith("S/") for h in narrowed["hits"])


def test_search_page_highlights_and_paginates(client):
    page = client.get("/search", params={"q": "Khojaly", "limit": "3"}).text
    assert "<mark>Khojaly</mark>" in page
    assert 'rel="next"' in page
    assert 'class="facets"' in page and "Organ" in page


def test_document_list_filters_and_pages(client):
    seen, token = [], None
    while True:
        params = {"organ": "SC", "limit": "3", **({"next": token} if token else {})}
        data = client.get("/documents.json", params=params).json()
        assert len(data["documents"]) <= 3
        seen += [d["symbol"] for d in data["documents"]]
        token = data["next"]
        if not token:
            break
    assert data["total"] == len(seen) == len(set(seen)) == 7
    assert {"S/2025/460", "S/2025/153", "S/2025/29", "S/2025/122", "S/2025/402",
            "A/79/801", "A/99/123"} == set(seen)
    general = client.get("/documents.json", params={"organ": "GA"}).json()
    assert "S/2025/460" not in {d["symbol"] for d in general["documents"]}


def test_document_page_masthead_quotations_and_notes(client):
    page = client.get("/documents/A/99/123").text
    assert "Permanent Representative of Norvania" in page
    assert '<blockquote id="b7" class="block quotation"' in page
    # A footnote marker: a link to its note, with the note as a tooltip.
    assert re.search(r'<a class="fn-ref" href="#fn-2" id="ref-fn-2" '
                     r'aria-describedby="tip-fn-2">1</a>', page)
    assert re.search(r'<span class="fn-tip" role="tooltip" id="tip-fn-2">.*'
                     r'Norvania Daily Courier', page)
    assert '<li id="fn-2">' in page and 'href="#ref-fn-2"' in page
    # Claims are marked in the text and listed beside it.
    assert '<mark class="claim" id="claim-c1"' in page
    assert '<table class="claims">' in page and 'href="#claim-c2"' in page


def test_document_page_reads_its_masthead_once(client, monkeypatch):
    from verbale.web import views

    calls = []
    real = views._masthead
    monkeypatch.setattr(views, "_masthead", lambda doc: calls.append(doc) or real(doc))
    page = client.get("/documents/A/99/123")
    twin = client.get("/documents/A/99/123.json").json()
    assert page.status_code == 200 and len(calls) == 2   # once per page, HTML and JSON
    assert "Permanent Representative of Norvania" in page.text
    fields = twin["masthead"]
    assert fields["Symbols"].startswith("A/99/123")
    assert all(str(value) in page.text for value in fields.values())  # main, then "All fields"
    # Listings name a document the same way everywhere: DocInfo, label, reader URL.
    listed = next(d for d in client.get("/documents.json").json()["documents"]
                  if d["symbol"] == "A/99/123")
    assert {k: listed[k] for k in twin["document"]} == twin["document"]
    assert twin["document"]["label"] == "A/99/123"
    assert twin["document"]["url"] == "/documents/A/99/123"


def test_references_link_to_stored_pages_else_undocs(client):
    page = client.get("/documents/S/2025/460").text
    assert '<a class="ref internal" href="/documents/S/2025/153">' in page
    assert re.search(r'<a class="ref external" href="https://undocs\.org/[^"]*S/RES/1701', page)
    # A reference inside a footnote: A/80/159 cites A/80/150 in its first note.
    notes = client.get("/documents/A/80/159").text
    assert re.search(r'<li id="fn-1">.*?href="/documents/A/80/150"', notes, re.S)


def test_cites_and_cited_by(client):
    data = client.get("/documents/S/2025/153.json").json()
    citing = {c["document"]["symbol"] for c in data["cited_by"]}
    assert {"S/2025/460", HOSTILE_SYMBOL} <= citing
    stored = [c for c in data["cites"] if not c["missing"]]
    assert any(c["symbol"] == "S/2025/29" and c["url"] == "/documents/S/2025/29"
               for c in stored)
    missing = [c for c in data["cites"] if c["missing"]]
    assert missing and all(c["url"].startswith("https://undocs.org/") for c in missing)
    parts = client.get("/documents/S/2025/153/cited-by.json").json()
    assert {c["document"]["symbol"] for c in parts["cited_by"]} == citing
    # Who cites a symbol the corpus lacks.
    absent = client.get("/documents/S/RES/1701 (2006)/cited-by.json").json()
    assert absent["missing"] is True and len(absent["cited_by"]) >= 2


@pytest.mark.parametrize("part", ["blocks", "footnotes", "references", "claims", "cites"])
def test_document_parts(client, part):
    data = client.get(f"/documents/A/99/123/{part}.json").json()
    assert data["document"]["symbol"] == "A/99/123"
    assert isinstance(data[part], list) and data[part]
    page = client.get(f"/documents/A/99/123/{part}", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/documents/A/99/123#")


def test_document_without_symbol_is_found_by_id(client):
    seed = next(d for d in client.get("/documents.json", params={"limit": "50"}).json()
                ["documents"] if d["symbol"] is None and d["path"].endswith(".txt"))
    assert re.fullmatch(r"/documents/[0-9a-f]{16}", seed["url"])
    assert client.get(seed["url"]).status_code == 200


EXPORTS = {"json": "application/json", "csl": "application/vnd.citationstyles.csl+json",
           "bibtex": "application/x-bibtex", "akn": "application/akn+xml"}


@pytest.mark.parametrize("fmt", EXPORTS)
def test_document_exports(client, fmt):
    r = client.get(f"/documents/A/99/123/export/{fmt}")
    assert r.status_code == 200 and r.headers["content-type"].startswith(EXPORTS[fmt])
    assert "attachment" in r.headers["content-disposition"]
    if fmt in ("json", "csl"):
        assert r.json()
    elif fmt == "bibtex":
        assert "@" in r.text
    else:
        from lxml import etree
        assert etree.fromstring(r.content).tag.endswith("akomaNtoso")
    page = client.get("/documents/A/99/123").text
    assert f'href="/documents/A/99/123/export/{fmt}"' in page


def test_original_pdf_download(client):
    r = client.get("/documents/A/99/123/source")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF-")
    assert r.headers["content-disposition"] == 'attachment; filename="A_99_123.pdf"'
    assert "sandbox" in r.headers["content-security-policy"]
    assert 'href="/documents/A/99/123/source"' in client.get("/documents/A/99/123").text
    # No source kept: no button, and a 404 in the error shape.
    assert "/source" not in client.get(f"/documents/{HOSTILE_SYMBOL}").text
    assert_error(client.get(f"/documents/{HOSTILE_SYMBOL}/source"), 404)


def test_event_page_groups_and_charts_without_averaging(client):
    data = client.get("/events/Khojaly.json").json()
    measures = {m["measure"]: m for m in data["measures"]}
    killed = measures["killed"]
    assert {c["document"]["label"] for c in killed["claims"]} >= {"A/79/801"}
    assert killed["documents"] == 2 and killed["spread"][0] <= 613 <= killed["spread"][1]
    page = client.get("/events/Khojaly").text
    assert page.count("<svg") == sum(1 for m in data["measures"]
                                     if any(c["value"] or c["best"] or c["low"] or c["high"]
                                            for c in m["claims"]))
    assert '<rect class="bar"' in page and ">613<" in page
    assert "average" not in page.replace("never summed or averaged", "").lower()
    narrowed = client.get("/events/Khojaly.json", params={"date_from": "2030"}).json()
    assert narrowed["measures"] == []


def test_events_index_and_redirect(client):
    data = client.get("/events.json").json()
    assert any(p["place"] == "Khojaly" and p["documents"] == 2 for p in data["places"])
    r = client.get("/events", params={"place": "Khojaly", "date_from": "1992"},
                   follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/events/Khojaly?date_from=1992"


def test_missing_documents(client):
    data = client.get("/missing.json", params={"limit": "5"}).json()
    assert len(data["missing"]) == 5 and data["next"]
    first = data["missing"][0]
    assert first["url"].startswith("https://undocs.org/") and first["documents"] >= 1
    page = client.get(f"/documents/{first['symbol']}")
    assert page.status_code == 404 and "undocs.org" in page.text
    assert "Stored documents citing it" in page.text


@pytest.mark.parametrize("name,media", [("documents.jsonl", "application/jsonl"),
                                        ("references.csv", "text/csv"),
                                        ("claims.csv", "text/csv"),
                                        ("graph.graphml", "application/graphml+xml"),
                                        ("graph.json", "application/json")])
def test_corpus_exports(client, name, media):
    r = client.get(f"/export/{name}")
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    if name == "documents.jsonl":
        assert len(r.text.splitlines()) == 11
    elif name == "graph.json":
        assert r.json()["nodes"]
    elif name.endswith(".csv"):
        assert r.text.splitlines()[0].startswith("document,")


def test_static_files_and_security_headers(client):
    css = client.get("/static/verbale.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert client.get("/static/verbale.js").status_code == 200
    page = client.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


def test_cors_is_off_by_default(client, pristine_db, tmp_path):
    plain = client.get("/.json", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in plain.headers
    open_app = Client(create_app(_copy(pristine_db, tmp_path / "c.db"), cors=True))
    shared = open_app.get("/.json", headers={"Origin": "https://elsewhere.example"})
    assert shared.headers["access-control-allow-origin"] == "*"


# -- errors: one shape everywhere -------------------------------------------------------

ERRORS = [
    ("GET", "/no/such/page", 404), ("GET", "/no/such/page.json", 404),
    ("GET", "/documents/NO-SUCH-THING.json", 404), ("GET", "/documents/A/98/999.json", 404),
    ("GET", "/documents/S/2025/153/export/docx", 404), ("GET", "/export/everything", 404),
    ("GET", "/documents/.json", 404), ("GET", "/events/.json", 404),
    ("GET", '/search.json?q="', 400), ("GET", "/search.json?q=a&year=abc", 400),
    ("GET", "/search.json?q=a&date_from=yesterday", 400), ("GET", "/search.json?q=a&limit=0", 400),
    ("GET", "/search.json?q=a&limit=many", 400), ("GET", "/search.json?q=a&next=%21%21", 400),
    ("GET", "/search.json?q=%00", 400), ("GET", "/search.json?q=" + "a" * 1001, 400),
    ("GET", "/documents.json?next=eyJvIjotNX0", 400), ("GET", "/documents.json?year=20x5", 400),
    ("GET", "/missing.json?limit=1000", 400), ("GET", "/events/Khojaly.json?date_to=soon", 400),
    ("GET", "/events/%01.json", 400), ("GET", "/documents/%00.json", 400),
    ("POST", "/search.json", 405), ("DELETE", "/documents/S/2025/153.json", 405),
    ("PUT", "/documents", 405), ("POST", "/documents", 403),
]


@pytest.mark.parametrize("method,url,status", ERRORS)
def test_every_error_has_the_one_json_shape(client, method, url, status):
    body = assert_error(client.request(method, url), status)
    if status == 400 and "?" in url:
        assert body["detail"]["parameter"] in url.split("?")[1]


def test_missing_symbol_error_says_where_to_read_it(client):
    body = assert_error(client.get("/documents/A/98/999.json"), 404)
    assert body["detail"]["undocs"] == "https://undocs.org/A/98/999"


@pytest.mark.parametrize("url,status", [("/no/such/page", 404), ('/search?q="', 400),
                                        ("/documents/NO-SUCH-THING", 404),
                                        ("/events/Khojaly?date_from=soon", 400)])
def test_html_routes_get_an_html_error_page(client, url, status):
    r = client.get(url, headers={"Accept": "text/html"})
    assert r.status_code == status and r.headers["content-type"].startswith("text/html")
    assert f"({status})" in r.text and 'role="alert"' in r.text


def test_a_crash_is_a_500_in_the_same_shape(pristine_db, tmp_path, monkeypatch):
    from verbale.web import views

    def boom(site, request):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(views, "index", boom)
    app = create_app(_copy(pristine_db, tmp_path / "crash.db"))
    body = assert_error(Client(app, raise_app_exceptions=False).get("/.json"), 500)
    assert "secret" not in body["error"]


# -- hostile text ------------------------------------------------------------------------

def test_hostile_text_is_escaped(client):
    page = client.get(f"/documents/{HOSTILE_SYMBOL}").text
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == [f'<script src="/static/verbale.js?v={_version()}" defer>']
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp;lt;b&amp;gt;" in page               # entities in the text stay text
    assert "<img" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&lt;script&gt;alert(&#34;note&#34;)&lt;/script&gt;" in page   # the note, twice
    assert "<b>" not in page                          # sender, claim text
    assert "&lt;script&gt;alert(&#34;who&#34;)&lt;/script&gt;" in page     # the claimant


def test_only_http_links_are_clickable(client):
    page = client.get(f"/documents/{HOSTILE_SYMBOL}").text
    assert not re.search(r'href\s*=\s*"\s*javascript:', page, re.I)
    assert "javascript:alert(3)" in page and "javascript:alert(4)" in page   # shown as text
    assert 'href="https://example.org/ok?a=1&amp;b=2"' in page                # text URL, linked
    assert '<a class="external" href="https://example.org/ok"' in page        # a link record
    assert '<a class="ref internal" href="/documents/S/2025/153">' in page


def test_right_to_left_overrides_stay_isolated(client):
    page = client.get(f"/documents/{HOSTILE_SYMBOL}").text
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "\u202e" not in title
    assert re.search('<h1 dir="auto">[^<]*\u202e', page)
    assert re.search('<p id="b1" class="block paragraph" dir="auto">[^\n]*\u202e', page)
    cited_by = client.get("/documents/S/2025/153").text
    assert re.search("<bdi>&lt;script&gt;[^<]*\u202eevil.exe</bdi>", cited_by)


def test_hostile_text_in_search_and_json(client):
    page = client.get("/search", params={"q": "override"}).text
    assert "<img" not in page and "&lt;img src=x" in page
    data = client.get(f"/documents/{HOSTILE_SYMBOL}.json").json()
    assert data["model"]["blocks"][0]["text"] == HOSTILE_B1   # JSON keeps the text as is


def _version() -> str:
    from verbale import __version__
    return __version__


# -- writes: tokens, uploads, limits -------------------------------------------------------

def test_writes_are_off_without_a_token(client):
    body = assert_error(client.post("/documents", files={"file": ("a.txt", b"text")},
                                    headers={"Authorization": f"Bearer {TOKEN}"}), 403)
    assert "--token" in body["error"]
    assert "Uploads are off" in client.get("/upload").text


def test_upload_needs_the_right_token(writable_db, monkeypatch):
    import verbale.web.api as api

    calls = []
    real = api.hmac.compare_digest
    monkeypatch.setattr(api.hmac, "compare_digest",
                        lambda a, b: calls.append((a, b)) or real(a, b))
    c = Client(create_app(writable_db, token=TOKEN))
    files = {"file": ("note.txt", b"A note verbale about nothing.", "text/plain")}
    missing = assert_error(c.post("/documents", files=files), 401)
    assert "Bearer" in missing["error"]
    wrong = c.post("/documents", files=files, headers={"Authorization": "Bearer nope"})
    assert_error(wrong, 401)
    assert wrong.headers["www-authenticate"].startswith("Bearer")
    assert calls, "tokens are compared with hmac.compare_digest"


def test_upload_text_and_pdf_then_read_them(writable_db):
    c = Client(create_app(writable_db, token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = (b"Letter dated 1 May 2045\n\nThe <script>alert(9)</script> attack on Orvel "
            b"killed 12 people, according to the authorities.\n")
    r = c.post("/documents", files={"file": ("evil.txt", text, "text/plain")}, headers=auth)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["ok"] is True and body["outcome"] == "added"
    assert r.headers["location"] == body["document"]["url"]
    page = c.get(body["document"]["url"]).text
    assert "&lt;script&gt;alert(9)&lt;/script&gt;" in page and "<script>alert" not in page
    again = c.post("/documents", files={"file": ("evil.txt", text, "text/plain")},
                   headers=auth)
    assert again.status_code == 200 and again.json()["outcome"] == "unchanged"
    pdf = need(CORPUS_PDF / "S_2025_518.en.pdf").read_bytes()
    raw = c.post("/documents?name=S_2025_518.en.pdf", content=pdf,
                 headers={**auth, "Content-Type": "application/pdf"})
    assert raw.status_code == 201 and raw.json()["document"]["symbol"] == "S/2025/518"
    assert c.get("/documents/S/2025/518/source").content == pdf
    found = c.get("/search.json", params={"q": "Abyei"}).json()
    assert any(h["document"]["symbol"] == "S/2025/518" for h in found["hits"])


def test_upload_form_redirects_to_the_page(writable_db):
    c = Client(create_app(writable_db, token=TOKEN))
    assert 'enctype="multipart/form-data"' in c.get("/upload").text
    r = c.post("/documents", files={"file": ("n.txt", b"Note about Kestrin floods.",
                                             "text/plain")},
               data={"token": TOKEN}, headers={"Accept": "text/html"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/documents/")
    bad = c.post("/documents", files={"file": ("n.txt", b"x", "text/plain")},
                 data={"token": "wrong"}, headers={"Accept": "text/html"})
    assert bad.status_code == 401 and bad.headers["content-type"].startswith("text/html")


def test_upload_limits_and_types_say_why(writable_db):
    c = Client(create_app(writable_db, token=TOKEN, max_upload=4096))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = c.post("/documents", content=b"a" * 5000,
                 headers={**auth, "Content-Type": "text/plain"})
    assert "4,096" in assert_error(big, 413)["error"]

    async def chunks():  # no Content-Length: the limit holds while reading
        for _ in range(10):
            yield b"b" * 1000
    assert_error(c.post("/documents", content=chunks(),
                        headers={**auth, "Content-Type": "text/plain"}), 413)
    in_form = c.post("/documents", files={"file": ("big.txt", b"c" * 5000, "text/plain")},
                     headers=auth)
    assert "big.txt" in assert_error(in_form, 413)["error"]
    png = c.post("/documents", files={"file": ("x.png", b"\x89PNG\r\n", "image/png")},
                 headers=auth)
    assert "image/png" in assert_error(png, 415)["error"]
    fake = c.post("/documents", content=b"not a pdf",
                  headers={**auth, "Content-Type": "application/pdf"})
    assert "%PDF-" in assert_error(fake, 415)["error"]
    binary = c.post("/documents", files={"file": ("b.bin", b"\x00\x01\x02" * 10)},
                    headers=auth)
    assert "binary" in assert_error(binary, 415)["error"]
    broken = c.post("/documents", content=b"%PDF-1.7\nbroken",
                    headers={**auth, "Content-Type": "application/pdf"})
    assert_error(broken, 422)
    empty = c.post("/documents", files={"file": ("e.txt", b"", "text/plain")}, headers=auth)
    assert "empty" in assert_error(empty, 400)["error"]
    no_file = c.post("/documents", data={"other": "x"}, files={"x": ("a", b"a")},
                     headers=auth)
    assert_error(no_file, 400)


# -- OpenAPI ---------------------------------------------------------------------------------

def test_openapi_document_is_valid(client):
    validate = pytest.importorskip("openapi_spec_validator").validate
    doc = client.get("/openapi.json").json()
    validate(doc)
    assert doc["components"]["schemas"]["Error"]["required"] == ["ok", "status", "error",
                                                                 "detail"]
    twins = [p for p in doc["paths"] if p.endswith(".json")]
    assert {"/.json", "/search.json", "/documents.json", "/documents/{key}.json",
            "/events/{place}.json", "/missing.json"} <= set(twins)


def test_every_route_is_documented(client, pristine_db):
    from starlette.routing import Route

    documented = set(client.get("/openapi.json").json()["paths"])
    app = create_app(pristine_db)
    for route in app.routes:
        if isinstance(route, Route) and "{rest:path}" not in route.path:
            assert route.path in documented, route.path


@pytest.fixture(scope="module")
def api_schema(pristine_db, tmp_path_factory):
    schemathesis = pytest.importorskip("schemathesis")
    db = _copy(pristine_db, tmp_path_factory.mktemp("fuzz") / "fuzz.db")
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(db, token=TOKEN,
                                                                      max_upload=64 * 1024))


# CI: a fixed, derandomized run (the same cases every time). VERBALE_FUZZ=1: a wider,
# random exploration; VERBALE_FUZZ_EXAMPLES and VERBALE_FUZZ_SEED tune it.
FUZZ = os.environ.get("VERBALE_FUZZ", "").strip() not in ("", "0")
FUZZ_EXAMPLES = int(os.environ.get("VERBALE_FUZZ_EXAMPLES") or (1000 if FUZZ else 100))
FUZZ_SEED = os.environ.get("VERBALE_FUZZ_SEED")


def test_api_property_based(api_schema):
    """Schemathesis over every operation: no server error, responses as documented.

    Driven through hypothesis directly (schemathesis' pytest fixture loader does
    not run under pytest 9). By default the run is deterministic: 100
    derandomized examples per operation (23 operations, about 12 s), the same
    cases on every run, so CI is reproducible. For a wider random exploration
    run locally::

        VERBALE_FUZZ=1 VERBALE_SHARED=../shared pytest tests/test_web.py -k property_based

    which draws VERBALE_FUZZ_EXAMPLES (default 1,000) fresh random examples per
    operation; VERBALE_FUZZ_SEED=N fixes its seed to replay a run. A 500 found
    that way is a bug: fix it and add a regression test for the request.
    """
    from hypothesis import HealthCheck, given, seed, settings
    from schemathesis.checks import (
        content_type_conformance,
        not_a_server_error,
        response_schema_conformance,
        status_code_conformance,
    )

    checks = [not_a_server_error, status_code_conformance, content_type_conformance,
              response_schema_conformance]
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 20

    for operation in operations:
        @settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
                  derandomize=not FUZZ, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case):
            case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=checks)

        if FUZZ and FUZZ_SEED:
            run = seed(int(FUZZ_SEED))(run)
        run()


# -- verbale serve -----------------------------------------------------------------------------

def test_serve_command(pristine_db, tmp_path, monkeypatch):
    import uvicorn
    from click.testing import CliRunner

    from verbale.cli import main

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.setenv("VERBALE_WEB", "")      # serve --workers sets both: undone after
    monkeypatch.setenv("VERBALE_TOKEN", "")
    runner = CliRunner()
    help_text = runner.invoke(main, ["serve", "--help"]).output
    for option in ("--db", "--host", "--port", "--token", "--max-upload", "--cors", "--workers"):
        assert option in help_text
    db = _copy(pristine_db, tmp_path / "serve.db")
    result = runner.invoke(main, ["serve", "--db", str(db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    app, kw = calls[-1]
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8123
    assert Client(app).get("/.json").json()["corpus"]["documents"] == 11
    result = runner.invoke(main, ["serve", "--db", str(db), "--workers", "2", "--token", "t"])
    assert result.exit_code == 0, result.output
    target, kw = calls[-1]
    assert target == "verbale.web.app:app_from_env" and kw["workers"] == 2 and kw["factory"]
    from verbale.web.app import app_from_env
    assert Client(app_from_env()).get("/upload.json").json()["writes"] is True
    monkeypatch.setenv("VERBALE_TOKEN", "")    # no token: a missing corpus is not created
    missing = runner.invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 20 and "no corpus" in missing.output


def test_every_block_kind_of_a_report_with_contents_has_its_own_style():
    from verbale import parse
    from verbale.web.reader import render_blocks

    doc = parse(need(CORPUS_PDF / "A_79_352.en.pdf"))
    blocks = render_blocks(doc, lambda symbol: None)
    toc = [b for b in blocks if b["kind"] == "toc_entry"]
    assert len(toc) >= 40 and {b["cls"] for b in toc} == {"toc-entry"}
    assert not [b["kind"] for b in blocks if b["cls"] == "paragraph" and b["kind"] != "paragraph"]
