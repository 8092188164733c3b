"""End to end in headless Chromium: the reader as a person uses it.

The server runs in this process (uvicorn in a thread, on a free port of
127.0.0.1) over the corpus test_web.py builds. Playwright drives the system
Chromium (Debian packages chromium and chromium-driver; .ci/run installs
them); it never downloads a browser. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path

import pytest
from conftest import STRICT, require  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    message = f"{CHROMIUM} is missing: apt-get install chromium chromium-driver (scripts/test.sh does)"
    pytest.fail(message) if STRICT else pytest.skip(message, allow_module_level=True)
sync_api = require("playwright.sync_api", "Playwright for Python is missing: pip install playwright")
uvicorn = require("uvicorn")

from test_web import HOSTILE_SYMBOL, build_corpus  # noqa: E402

from verbale.web import create_app  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
LAPTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app over a fresh test corpus, served on 127.0.0.1 at a free port."""
    db = build_corpus(tmp_path_factory.mktemp("browser") / "browser.db")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(db), log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh laptop-sized page; fails the test on any console error (e.g. a CSP violation)."""
    context = browser.new_context(viewport=LAPTOP)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert not errors, errors


def shot(tab, name: str, full_page: bool = False) -> None:
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def test_search_from_the_home_page(server, page):
    page.goto(server + "/")
    page.get_by_label("Search the text of every document").fill("Khojaly")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=Khojaly"))
    marks = page.locator(".snippet mark")
    assert marks.count() >= 2 and marks.first.inner_text() == "Khojaly"
    assert page.locator(".facets summary").first.is_visible()
    shot(page, "01-search")


def test_open_a_document_from_the_results(server, page):
    page.goto(server + "/search?q=%22Norvania+Daily+Courier%22")
    page.locator(".hit .doc-link").first.click()
    page.wait_for_url(re.compile(r"/documents/A/99/123"))
    assert "Permanent Representative of Norvania" in page.locator("h1").inner_text()
    assert page.locator("blockquote.quotation").count() >= 1
    assert page.locator("table.claims tbody tr").count() == 3
    assert page.get_by_role("link", name="Original PDF").is_visible()
    shot(page, "02-document")


def test_footnote_marker_shows_its_note_on_hover_and_focus(server, page):
    page.goto(server + "/documents/A/99/123")
    marker = page.locator('#b3 a.fn-ref[href="#fn-2"]')
    tip = page.locator("#tip-fn-2")
    assert not tip.is_visible()
    marker.scroll_into_view_if_needed()
    marker.hover()
    tip.wait_for(state="visible")
    assert "Norvania Daily Courier" in tip.inner_text()
    box = tip.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= LAPTOP["width"]
    shot(page, "03-footnote-hover")
    page.mouse.move(5, 5)
    tip.wait_for(state="hidden")
    marker.focus()                      # the keyboard shows it too …
    tip.wait_for(state="visible")
    page.keyboard.press("Escape")       # … and Escape dismisses it
    tip.wait_for(state="hidden")
    marker.press("Enter")               # following the marker jumps to the note
    page.wait_for_url(re.compile(r"#fn-2$"))
    assert page.locator("#fn-2").evaluate("el => el.matches(':target')")
    page.locator("#fn-2 .fn-back").click()
    page.wait_for_url(re.compile(r"#ref-fn-2$"))


def test_follow_a_reference_to_a_stored_document(server, page):
    page.goto(server + "/documents/S/2025/460")
    link = page.locator('a.ref.internal[href="/documents/S/2025/153"]').first
    link.scroll_into_view_if_needed()
    shot(page, "04-reference")
    link.click()
    page.wait_for_url(re.compile(r"/documents/S/2025/153$"))
    assert "S/2025/153" in page.locator(".masthead .symbol").inner_text()
    cited_by = page.locator("#cited-by a.internal")
    assert "S/2025/460" in cited_by.all_inner_texts()
    external = page.locator("a.ref.external").first
    assert external.get_attribute("href").startswith("https://undocs.org/")


def test_event_page_charts_every_figure(server, page):
    page.goto(server + "/events/Khojaly")
    charts = page.locator("svg.bars")
    assert charts.count() >= 3
    killed = page.locator("section.measure", has=page.locator("h2", has_text="Killed"))
    assert killed.locator("rect.bar").count() >= 4
    assert "613" in killed.locator("svg").text_content()
    shot(page, "05-event", full_page=True)
    killed.locator("svg a", has_text="613").first.locator("rect.bar").click()
    page.wait_for_url(re.compile(r"/documents/.+#claim-c\d+$"))


def test_phone_layout_has_no_sideways_scroll(server, browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = context.new_page()
    for path, name in [("/documents/A/99/123", "06-phone-document"),
                       ("/search?q=killed", "07-phone-search"),
                       ("/events/Khojaly", "08-phone-event")]:
        tab.goto(server + path)
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px"
        shot(tab, name)
    context.close()


def test_reading_works_without_javascript(server, browser):
    context = browser.new_context(viewport=LAPTOP, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(server + "/documents/A/99/123")
    assert tab.locator("#b3").inner_text().startswith("Heavy rainfall")
    tab.locator('#b3 a.fn-ref[href="#fn-2"]').hover()
    assert tab.locator("#tip-fn-2").is_visible()         # CSS alone shows the note
    tab.locator('#b3 a.fn-ref[href="#fn-2"]').click()
    assert tab.url.endswith("#fn-2")
    context.close()


def test_hostile_document_runs_no_script(server, page):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + f"/documents/{HOSTILE_SYMBOL}")
    page.locator(".fn-ref").first.hover()
    assert "<script>" in page.locator("h1").inner_text()
    assert page.locator("a[href^='javascript:']").count() == 0
    shot(page, "09-hostile")
    assert dialogs == []


def test_keyboard_reaches_the_search_box_and_results(server, page):
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    assert focused == "home-q"
