"""A live presslens server on 127.0.0.1 and a headless Chromium for the browser tests.

Everything here skips cleanly when Playwright (the Python package) or
Debian's /usr/bin/chromium is missing; no browser is ever downloaded.
Run only these tests with `pytest tests/browser` (marker: browser).
"""
from __future__ import annotations

import os
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

CHROMIUM = os.environ.get("PRESSLENS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"]


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives a real browser (Playwright + Debian chromium)")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (python package) is not installed")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} not found (apt-get install chromium)")
    with sync_api.sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        except Exception as e:  # noqa: BLE001 - a browser that cannot start is an environment gap, not a failure
            pytest.skip(f"chromium would not start: {e}")
        yield b
        b.close()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """Base URL of a real uvicorn server over a store holding the fixture articles."""
    pytest.importorskip("uvicorn")
    import uvicorn

    from presslens.store import Store
    from presslens.web import create_app
    from webfixtures import article_record, fake_analyzer, hostile_record, save

    db = tmp_path_factory.mktemp("web") / "browser.db"
    with Store(db) as store:
        save(store, article_record())
        save(store, hostile_record())
    app = create_app(db, analyzer=fake_analyzer)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    yield p
    context.close()
