"""Untrusted content stays inert; writes are limited, checked and tokened."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
sys.path.insert(0, str(Path(__file__).parent / "browser"))

from fastapi.testclient import TestClient  # noqa: E402
from webfixtures import XSS, client_for, fake_analyzer, hostile_record, store_with  # noqa: E402

from presslens.cli_commands.serve import resolve_token  # noqa: E402
from presslens.web import create_app  # noqa: E402


@pytest.fixture()
def db(tmp_path):
    return store_with(tmp_path / "web.db", hostile_record())


@pytest.fixture()
def client(db):
    with client_for(db) as c:
        yield c


def _assert_inert(html: str) -> None:
    for payload in XSS:
        assert payload not in html, payload
    # no tag from a payload survives: only our own tags appear
    assert not re.search(r"<(script|iframe|img|svg onload|b id=injected)", html.replace('<svg class="', "")), html
    assert "javascript:" not in re.sub(r"&#39;|&#34;", "", " ".join(re.findall(r'href="([^"]*)"', html)))


def test_hostile_article_pages_render_escaped(client):
    rid = hostile_record()["id"]
    pages = [f"/articles/{rid}", "/articles", "/search?q=Breaking", "/dashboard", "/entities",
             "/api"]
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, url
        _assert_inert(r.text)
    entity = client.get("/entities/" + "Evil \"><svg onload=alert('xss-svg')>".replace("/", "%2F"))
    assert entity.status_code == 200
    _assert_inert(entity.text)


def test_search_echo_and_error_pages_escape_user_input(client):
    r = client.get("/search", params={"q": XSS[0], "entity": XSS[1]})
    assert r.status_code == 200 and XSS[0] not in r.text and XSS[1] not in r.text
    r = client.get("/entities/" + XSS[2])
    assert r.status_code == 404 and XSS[2] not in r.text
    r = client.get("/articles/" + XSS[1])
    assert r.status_code == 404 and XSS[1] not in r.text


def test_pages_run_no_script_under_the_csp(client):
    r = client.get("/dashboard")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp  # falls back to 'none'
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script" not in r.text


def test_oversized_body_is_413_before_parsing(db):
    with TestClient(create_app(db, analyzer=fake_analyzer, max_bytes=1000)) as c:
        big = c.post("/api/analyze", json={"text": "x" * 200_000})
        assert big.status_code == 413 and "over the limit" in big.json()["detail"]

        def chunks():  # no Content-Length: the limit still holds
            for _ in range(100):
                yield b"y" * 2000

        streamed = c.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
        assert streamed.status_code == 413


def test_cross_site_writes_are_refused(client):
    r = client.post("/api/analyze", json={"text": "x"}, headers={"origin": "https://evil.example"})
    assert r.status_code == 403
    r = client.post("/add", data={"text": "x"}, headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403
    ok = client.post("/api/analyze", json={"text": "Same Site here"}, headers={"origin": "http://testserver"})
    assert ok.status_code == 201


def test_token_guards_writes_but_not_reads(db):
    with TestClient(create_app(db, token="s3cret", analyzer=fake_analyzer)) as c:
        assert c.get("/api/articles").status_code == 200
        denied = c.post("/api/analyze", json={"text": "Tok En"})
        assert denied.status_code == 401 and "token" in denied.json()["detail"]
        assert c.post("/api/analyze", json={"text": "Tok En"}, headers={"authorization": "Bearer wrong"}).status_code == 401
        assert c.post("/api/analyze", json={"text": "Tok En"}, headers={"authorization": "Bearer s3cret"}).status_code == 201
        assert c.post("/api/analyze", json={"text": "Tok Two"}, headers={"x-presslens-token": "s3cret"}).status_code == 201
        form = c.post("/add", data={"text": "Form Text"})
        assert form.status_code == 401 and 'name="token"' in form.text
        good = c.post("/add", data={"text": "Form Text", "token": "s3cret"}, follow_redirects=False)
        assert good.status_code == 303


def test_serve_requires_a_token_beyond_loopback():
    assert resolve_token("127.0.0.1", None, {}) == (None, False)
    assert resolve_token("localhost", "given", {}) == ("given", False)
    token, generated = resolve_token("0.0.0.0", None, {})
    assert generated and len(token) >= 20
    assert resolve_token("0.0.0.0", None, {"PRESSLENS_TOKEN": "env"}) == ("env", False)


def test_refusals_on_html_forms_are_pages(db):
    with TestClient(create_app(db, analyzer=fake_analyzer, max_bytes=1000)) as c:
        r = c.post("/add", files={"file": ("big.txt", b"z" * 200_000)})
        assert r.status_code == 413 and r.headers["content-type"].startswith("text/html")
        assert "over the limit" in r.text


def test_serve_command_is_registered_with_safe_defaults():
    from presslens.cli import build_parser

    args = build_parser().parse_args(["serve", "--db", "x.db"])
    assert (args.host, args.port, args.token, args.db) == ("127.0.0.1", 8000, None, "x.db")
    assert args.func.__name__ == "cmd_serve"


# -- hostile input and load (issue 16) ------------------------------------------
from presslens.web.security import allowed_hosts_for  # noqa: E402


def test_dns_rebinding_host_is_refused_and_loopback_names_pass(db):
    app = create_app(db, analyzer=fake_analyzer, allowed_hosts=allowed_hosts_for("127.0.0.1"))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/").status_code < 400
        assert c.get("/", headers={"host": "localhost:8000"}).status_code < 400
        assert c.get("/", headers={"host": "evil.example:8000"}).status_code == 400
        r = c.post("/api/analyze", json={"text": "x said y."},
                   headers={"host": "evil.example:8000", "origin": "http://evil.example:8000"})
        assert r.status_code == 400
        r = c.post("/api/analyze", json={"text": "Olof Nyman said yes."}, headers={"origin": "http://evil.example:8000"})
        assert r.status_code == 403
        assert c.post("/api/analyze", json={"text": "Olof Nyman said yes."},
                      headers={"origin": "http://127.0.0.1:8000"}).status_code == 201


def test_allowed_hosts_follow_the_bound_address():
    assert "10.1.2.3" in allowed_hosts_for("10.1.2.3") and "localhost" in allowed_hosts_for("10.1.2.3")
    assert "[::1]" in allowed_hosts_for("::1")
    assert allowed_hosts_for("0.0.0.0") is None  # names unknown; writes need the token there


def test_full_analysis_queue_answers_503_with_retry_after(db):
    import threading

    release = threading.Event()

    def slow(document):
        release.wait(10)
        return fake_analyzer(document)

    slow.version = "slow@1"
    with TestClient(create_app(db, analyzer=slow, max_pending=1)) as c:
        first: dict = {}
        t = threading.Thread(target=lambda: first.setdefault("r", c.post("/api/analyze", json={"text": "First one."})))
        t.start()
        try:
            for _ in range(200):
                if c.app.state.web.workers.pending:
                    break
                threading.Event().wait(0.02)
            r = c.post("/api/analyze", json={"text": "Second one."})
            assert r.status_code == 503 and int(r.headers["retry-after"]) > 0
            assert c.get("/api/articles").status_code == 200  # reads are not queued behind writes
        finally:
            release.set()
            t.join()
        assert first["r"].status_code == 201


def test_reader_exceptions_stay_out_of_responses(db, monkeypatch):
    from presslens.web import intake

    def broken(*a, **k):
        raise ValueError("internal detail /secret/path")

    monkeypatch.setattr(intake, "read_one", broken)
    with TestClient(create_app(db, analyzer=fake_analyzer)) as c:
        r = c.post("/api/analyze", files={"file": ("a.txt", b"Some text.")})
    assert r.status_code == 422 and "secret" not in r.text and "unreadable" in r.json()["detail"]


def test_text_over_the_analysis_limit_is_a_named_422(db):
    from presslens.bounds import MAX_TEXT_CHARS

    with TestClient(create_app(db, analyzer=fake_analyzer)) as c:
        r = c.post("/api/analyze", json={"text": "word " * (MAX_TEXT_CHARS // 5 + 1)})
    assert r.status_code == 422 and "over the limit" in r.json()["detail"]
