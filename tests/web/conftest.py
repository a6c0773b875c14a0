"""The web app's fixtures: one uvicorn server per session on a free port, and Debian's chromium
driven by Playwright. Without the web extra or chromium the tests skip, unless
PARTNERDRAFT_REQUIRE_BROWSER is set (as .ci/run sets it): then they fail."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DRAFT_DATE = dt.date(2026, 12, 3)
AXE = Path(os.environ.get("PARTNERDRAFT_AXE", ROOT / "build" / "axe-core" / "axe.min.js"))


def _need(what: str) -> None:
    if os.environ.get("PARTNERDRAFT_REQUIRE_BROWSER"):
        pytest.fail(f"{what} is required in CI but is missing")
    pytest.skip(f"{what} is missing")


def web_extra():
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
        import python_multipart  # noqa: F401
    except ImportError as e:
        _need(f"the web extra ({e.name})")


@pytest.fixture(scope="session")
def app(catalogue):
    web_extra()
    from assembler.web.app import create_app

    return create_app(catalogue, DRAFT_DATE)


@pytest.fixture(scope="session")
def client(app):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        return TestClient(app)


@pytest.fixture(scope="session")
def server(app):
    """The app served by uvicorn in a thread, on a free port of 127.0.0.1; its base URL."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the web app did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("Playwright (pip install playwright)")
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        _need("chromium (apt-get install -y chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=binary, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server, accept_downloads=True, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()
