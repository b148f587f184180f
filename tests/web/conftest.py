"""A served app on the bundled corpus and a Debian chromium driven by Playwright, for the browser tests."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from service import create_app

REPO = Path(__file__).resolve().parents[2]
BUNDLED_CORPUS = REPO / "corpus"
SCREENSHOTS = REPO / "var" / "screenshots"  # var/ is gitignored
CHROMIUM = os.environ.get("CLAIMTRACE_CHROMIUM", "/usr/bin/chromium")
# Debian's chromium, never a downloaded browser; the network flags keep it from calling home, which
# this machine's closed network would refuse many times over.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = {"desktop": 1280, "phone": 375}


def _unavailable(reason: str):
    # CI must run the browser tests: a missing browser there is a failure, never a quiet skip.
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: browser tests may not be skipped; run scripts/install-browser.sh)")
    pytest.skip(f"{reason}; run scripts/install-browser.sh")


def _buffered(app):
    """The app with each response read to the end and closed before werkzeug writes it.

    Chromium may drop a connection mid-response (a favicon it no longer wants); werkzeug's dev
    server then never closes the streamed file, and the leaked handle fails the run under
    filterwarnings=error. Buffering closes every response whatever the client does.
    """

    def serve(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()

    return serve


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The app on the bundled corpus, served by werkzeug on a free loopback port for the session."""
    from werkzeug.serving import make_server

    app = create_app(
        {
            "data_dir": str(tmp_path_factory.mktemp("web-data")),
            "corpus_dir": str(BUNDLED_CORPUS),
            "load_corpus": True,
            "api_keys": (),
            "read_requires_key": False,
            "rate_limit": 0,
        }
    )
    server = make_server("127.0.0.1", 0, _buffered(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.port}"
    server.shutdown()
    thread.join(timeout=10)
    app.extensions["claimtrace"].close()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, headless, launched by Playwright (no browser download)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _unavailable(f"No chromium at {CHROMIUM}")
    from playwright.sync_api import expect

    # Assertions wait up to 15 s, not 5: CI shares two cores with the rest of the suite.
    expect.set_options(timeout=15_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageErrors(list):
    """Console errors, uncaught exceptions and CSP refusals seen by a page."""


@pytest.fixture
def open_page(browser):
    """Open a page at a width ("desktop" or "phone"), recording console errors and requested URLs."""
    contexts = []

    def open_at(width: str = "desktop"):
        context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.errors = PageErrors()
        page.requested = []  # every URL the page asked for, to prove no asset comes from elsewhere
        page.on("request", lambda request: page.requested.append(request.url))
        page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        return page

    yield open_at
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshot():
    """Save a full-page screenshot as var/screenshots/NAME-WIDTH.png and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}-{page.viewport_size['width']}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
