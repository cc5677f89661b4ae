"""The HTTP API and pages, in process (TestClient), over a store of fixture articles."""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
sys.path.insert(0, str(Path(__file__).parent / "browser"))

from fastapi.testclient import TestClient  # noqa: E402
from webfixtures import article_record, client_for, fake_analyzer, store_with  # noqa: E402

from presslens.model import Analysis  # noqa: E402
from presslens.web import create_app  # noqa: E402


@pytest.fixture()
def db(tmp_path):
    return store_with(tmp_path / "web.db", article_record())


@pytest.fixture()
def client(db):
    with client_for(db) as c:
        yield c


def test_article_json_is_the_output_contract(client):
    r = Analysis.from_dict(article_record()).to_dict()  # as the model normalises it (mention text etc.)
    got = client.get(f"/api/articles/{r['id']}").json()
    assert got["schema"] == "presslens.article/1" and got["id"] == r["id"]
    for key in ("text", "boilerplate", "damage", "entities", "events", "genre", "frames", "techniques"):
        assert got[key] == r[key], key
    # the stored record gains each quote's provenance group from the corpus layer
    assert [q | {"group": None} for q in got["quotes"]] == r["quotes"]
    assert all(q["group"] for q in got["quotes"])


def test_article_id_prefix_resolves_and_unknown_is_404(client):
    rid = article_record()["id"]
    assert client.get(f"/api/articles/{rid[7:19]}").json()["id"] == rid
    missing = client.get("/api/articles/sha256:ffff0000")
    assert missing.status_code == 404 and "no such article" in missing.json()["detail"]
    page = client.get("/articles/nope")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")


def test_article_page_shows_text_quotes_speakers_and_side_panel(client):
    rid = article_record()["id"]
    html = client.get(f"/articles/{rid}").text
    assert "We will not sell the waterfront" in html
    assert 'class="badge spk-label" id="quote-0">Maria Lindqvist' in html
    assert 'id="who-said-what"' in html and html.count('class="said"') == 3
    assert 'href="/entities/Jonas%20Ek"' in html
    assert "Loaded_Language" in html and "Economic" in html and "reporting" in html
    assert 'id="clean-toggle"' in html
    assert f'href="/api/articles/{rid}"' in html  # the JSON twin is linked


def test_article_list_in_three_formats(client):
    rid = article_record()["id"]
    listing = client.get("/api/articles").json()
    assert listing["count"] == 1 and listing["items"][0]["id"] == rid and listing["items"][0]["quotes"] == 3
    rows = list(csv.DictReader(io.StringIO(client.get("/api/articles?format=csv").text)))
    assert rows[0]["id"] == rid
    lines = client.get("/api/articles?format=jsonl")
    assert lines.headers["content-type"].startswith("application/x-ndjson")
    assert json.loads(lines.text.splitlines()[0])["id"] == rid
    assert client.get("/api/articles?format=xml").status_code == 422
    assert client.get("/api/articles?limit=0").status_code == 422


def test_search_ranks_with_snippets_and_filters(client):
    hits = client.get("/api/search", params={"q": "waterfront"}).json()["items"]
    assert len(hits) == 1 and "[waterfront]" in hits[0]["snippet"]
    assert client.get("/api/search", params={"q": "waterfront", "speaker": "Lindqvist"}).json()["count"] == 1
    assert client.get("/api/search", params={"q": "waterfront", "speaker": "Nobody"}).json()["count"] == 0
    assert client.get("/api/search", params={"q": "waterfront", "date_from": "2025-01-01"}).json()["count"] == 0
    assert client.get("/api/search", params={"q": "waterfront", "technique": "Loaded_Language"}).json()["count"] == 1
    assert client.get("/api/search", params={"q": "waterfront", "frame": "Economic"}).json()["count"] == 1
    page = client.get("/search", params={"q": "waterfront"}).text
    assert "<mark>waterfront</mark>" in page and "Harbour council rejects" in page
    # broken FTS syntax falls back to plain words instead of an error
    assert client.get("/api/search", params={"q": 'waterfront AND ("'}).status_code == 200


def test_entity_profile_collects_quotes_events_and_articles(client):
    ek = client.get("/api/entities/jonas ek").json()
    assert ek["name"] == "Jonas Ek" and ek["types"] == ["PERSON"]
    assert [q["channel"] for q in ek["quotes"]] == [None, "Telegram"]
    assert len(ek["articles"]) == 1
    council = client.get("/api/entities/Harbour Council").json()
    assert [e["type"] for e in council["events"]] == ["vote"] and council["events"][0]["role"] == "actor"
    missing = client.get("/api/entities/Lindq")
    assert missing.status_code == 404 and "Maria Lindqvist" in missing.json()["suggestions"]
    html = client.get("/entities/Jonas%20Ek").text
    assert "What Jonas Ek said" in html and "hundreds of jobs" in html
    assert client.get("/api/entities?format=csv").text.startswith("name,type,articles,mentions")


def test_quotes_and_events_lists(client):
    quotes = client.get("/api/quotes", params={"speaker": "Lindqvist"}).json()["items"]
    assert len(quotes) == 1 and quotes[0]["content"].startswith("We will not sell")
    events = client.get("/api/events?format=jsonl").text.splitlines()
    assert [json.loads(e)["type"] for e in events] == ["vote", "appeal"]  # dated before undated


def test_dashboard_counts_and_charts(client):
    d = client.get("/api/dashboard").json()
    assert d["articles_by_month"] == {"2024-03": 1}
    assert d["technique_totals"] == {"Loaded_Language": 1} and d["frame_totals"] == {"Economic": 1}
    assert d["top_speakers"][0] == {"name": "Jonas Ek", "quotes": 2}
    html = client.get("/dashboard").text
    assert html.count("<svg class=\"chart\"") == 3 and "Top speakers" in html
    assert client.get("/", follow_redirects=False).status_code == 307


def test_analyze_json_stores_and_returns_the_contract(client):
    body = {"text": "Anna Berg said the bridge will open.", "title": "Bridge", "source": "desk",
            "published": "2024-05-06"}
    r = client.post("/api/analyze", json=body)
    assert r.status_code == 201, r.text
    rec = r.json()
    assert rec["schema"] == "presslens.article/1" and rec["id"].startswith("sha256:")
    assert rec["title"] == "Bridge" and rec["published"] == "2024-05-06" and rec["source"] == "desk"
    assert rec["entities"][0]["name"] == "Anna Berg"
    assert r.headers["location"] == f"/api/articles/{rec['id']}"
    assert client.get(r.headers["location"]).json()["id"] == rec["id"]
    again = client.post("/api/analyze", json=body)
    assert again.status_code == 200 and again.json()["id"] == rec["id"]  # not analysed twice


def test_analyze_upload_reads_any_ingest_format(client):
    html = b"<html><head><title>Ferry news</title></head><body><article><p>" + b"Karl Sund runs the ferry. " * 20 + \
        b"</p></article></body></html>"
    r = client.post("/api/analyze", files={"file": ("ferry.html", html, "text/html")})
    assert r.status_code == 201, r.text
    assert r.json()["source"] == "upload:ferry.html" and "Karl Sund" in r.json()["text"]
    lines = b"\n".join(json.dumps({"text": f"Item {i}: Lena Holm spoke.", "title": f"T{i}"}).encode() for i in range(3))
    many = client.post("/api/analyze", files={"file": ("batch.jsonl", lines)})
    assert many.status_code == 201 and len(many.json()["articles"]) == 3


@pytest.mark.parametrize("kwargs, status, words", [
    ({"json": {"text": ""}}, 422, "text"),
    ({"json": {"text": "   \n"}}, 422, "empty"),
    ({"json": {"text": "x", "published": "2024-13-45"}}, 422, "YYYY-MM-DD"),
    ({"json": {"text": "x", "bogus": 1}}, 422, "bogus"),
    ({"json": ["not", "an", "object"]}, 422, ""),
    ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "not valid JSON"),
    ({"content": b"hello", "headers": {"content-type": "text/plain"}}, 415, "multipart"),
    ({"files": {"file": ("empty.txt", b"")}}, 422, "empty"),
    ({"files": {"file": ("bin.txt", b"\x00\x01\x02" * 100)}}, 422, "binary"),
    ({"files": {"file": ("bad.gz", b"\x1f\x8b\x08\x00garbage")}}, 422, "gzip"),
    ({"files": {"file": ("x.jsonl", b'{"broken": ')}}, 422, "x.jsonl"),
    ({"files": {"file": ("a.txt", b"text")}, "data": {"text": "also text"}}, 422, "send one"),
    ({"data": {"title": "no text"}}, 422, "nothing to analyse"),
    ({"content": b"--zz\r\nbroken", "headers": {"content-type": "multipart/form-data; boundary=zz"}}, 422, "nothing"),
])
def test_bad_input_gets_a_clear_4xx(client, kwargs, status, words):
    r = client.post("/api/analyze", **kwargs)
    assert r.status_code == status, r.text
    assert words in json.dumps(r.json())


def test_too_many_articles_in_one_upload(db):
    with TestClient(create_app(db, analyzer=fake_analyzer, max_articles=2)) as c:
        lines = b"\n".join(json.dumps({"text": f"Item {i}"}).encode() for i in range(3))
        r = c.post("/api/analyze", files={"file": ("b.jsonl", lines)})
    assert r.status_code == 422 and "more than 2 articles" in r.json()["detail"]


def test_add_page_form_analyses_and_redirects(client):
    assert "Add an article" in client.get("/add").text
    r = client.post("/add", data={"text": "Olof Nyman opened the market.", "title": "Market"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/articles/sha256:")
    assert "Olof Nyman" in client.get(r.headers["location"]).text
    bad = client.post("/add", data={"text": "  ", "title": "kept <title>"})
    assert bad.status_code == 422 and "nothing to analyse" in bad.text or "empty" in bad.text
    assert 'value="kept &lt;title&gt;"' in bad.text


def test_openapi_documents_every_api_route(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for p in ("/api/articles", "/api/articles/{ref}", "/api/search", "/api/entities/{ref}", "/api/analyze",
              "/api/quotes", "/api/events", "/api/dashboard"):
        assert p in paths, p
    body = paths["/api/analyze"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "multipart/form-data"}
    assert "/api/analyze" in client.get("/api").text
    # no CDN-loaded docs pages
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


def test_a_failing_stage_is_a_recorded_422_not_a_crash(db):
    def broken(document):
        raise TypeError("stage blew up")

    with TestClient(create_app(db, analyzer=broken), raise_server_exceptions=False) as c:
        r = c.post("/api/analyze", json={"text": "Some text here."})
        assert r.status_code == 422 and "stage blew up" in r.json()["detail"]
        page = c.post("/add", data={"text": "Some text here."})
        assert page.status_code == 422 and "stage blew up" in page.text
    from presslens.store import Store

    assert Store(db).stats()["failures"] == 1
