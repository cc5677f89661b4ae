"""The corpus layer: reprints, stories, quote provenance, networks and the CLI's JSON interfaces.

Articles are hand-written records stored through Store.save (no pipeline run);
the encoder is replaced by a fixed bag-of-words embedder so the tests stay fast
and deterministic (the real encoder is covered by tests/test_encoder.py).
"""
from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from presslens.cli import main
from presslens.corpus import add_article, views
from presslens.corpus.text import anchors, skeleton
from presslens.model import SCHEMA, Analysis
from presslens.store import Store

BODY = [
    "Flood waters rose across the Varna district on Tuesday after three days of rain, officials said.",
    "Mayor Elena Dimova ordered the evacuation of 400 homes near the Kamchia river and opened two schools as "
    "shelters for the families.",
    "\"We will not leave anyone behind, and every family will have a roof tonight,\" Dimova told reporters "
    "at the town hall.",
    "The regional water agency said the level of the Kamchia would peak on Wednesday evening.",
    "Emergency crews from Burgas and Shumen joined local teams, and the army sent four boats to help.",
]


def fake_embed(texts):
    out = []
    for t in texts:
        v = np.zeros(384, np.float32)
        for w in t.lower().split():
            v[int(hashlib.md5(w.encode()).hexdigest(), 16) % 384] += 1
        out.append(v / (np.linalg.norm(v) or 1))
    return np.stack(out)


def record(n: int, title: str, paras: list[str], published: str | None = None, language: str = "en",
           quotes: list[tuple[str, str | None, str, str | None]] = (), url: str | None = None,
           widget: str | None = None) -> dict:
    """A stored-analysis record; quotes are (quoted text, speaker, kind, speaker latin)."""
    text = "\n\n".join(paras)
    boiler = []
    if widget:
        boiler = [{"start": len(text) + 2, "end": len(text) + 2 + len(widget), "kind": "related-links"}]
        text = text + "\n\n" + widget
    qs = []
    for content, speaker, kind, lat in quotes:
        start = text.index(content)
        qs.append({"kind": kind, "start": start, "end": start + len(content),
                   "speaker": {"entity": None, "name": speaker, "start": 0, "end": 1, "latin": lat} if speaker else None,
                   "cue": None, "channel": None})
    return {"schema": SCHEMA, "id": f"sha256:{n:064x}", "source": f"outlet{n}", "url": url or f"https://x.test/{n}",
            "title": title, "published": published, "language": language, "text": text, "boilerplate": boiler,
            "damage": [], "entities": [], "quotes": qs, "events": [], "genre": None, "frames": [], "techniques": [],
            "meta": {"pipeline": "test", "format": "txt"}}


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "c.db")
    s.corpus_embedder = fake_embed
    yield s
    s.close()


def save(store, rec):
    store.save(Analysis.from_dict(rec))


QUOTE = "\"We will not leave anyone behind, and every family will have a roof tonight,\""


def test_skeleton_folds_scripts_and_inflections():
    assert skeleton("Брекзит") == skeleton("Brexit")
    assert skeleton("Меркель") == skeleton("Merkel")
    assert skeleton("Trump") == skeleton("Трамп")
    assert "#400" in anchors("400 homes near the Kamchia")


def test_reprint_with_new_headline_widget_and_trim_links_to_earliest_copy(store):
    original = record(1, "Floods force evacuation in Varna", BODY, "2024-03-05")
    reprint = record(2, "WATCH: Mayor orders families out", BODY[:4], "2024-03-06",
                     widget="Read also: Ten tips for spring gardening 12:40")
    other = record(3, "Storm closes Burgas port", ["The port of Burgas closed on Tuesday as winds reached "
                                                  "90 km/h, the harbour master said.", BODY[4]], "2024-03-05")
    earlier_copy = record(4, "Varna floods", BODY, "2024-03-04")  # ingested last, published first
    for r in (original, reprint, other, earlier_copy):
        save(store, r)
    groups = views.duplicates(store)
    assert len(groups) == 1
    g = groups[0]
    assert g["canonical"]["id"] == earlier_copy["id"]
    assert {c["id"] for c in g["copies"]} == {original["id"], reprint["id"]}
    assert all(0.5 <= c["similarity"] <= 1.0 for c in g["copies"])
    assert store.story_of(reprint["id"]) == store.story_of(original["id"])


def test_every_article_in_exactly_one_story_and_related_articles_join(store):
    a = record(1, "Floods force evacuation in Varna", BODY, "2024-03-05")
    b = record(2, "Varna mayor Dimova: Kamchia river to peak on Wednesday",
               ["Mayor Elena Dimova of Varna said the Kamchia river would peak on Wednesday, as crews from Burgas "
                "and Shumen kept working through the night near the Varna district.",
                "Dimova said 400 homes had been evacuated and the Kamchia floods were the worst in decades."],
               "2024-03-06")
    c = record(3, "Chess olympiad opens in Ljubljana",
               ["Grandmasters from Norway, India and Peru arrived in Ljubljana for the olympiad, organisers said.",
                "Magnus Carlsen will lead the Norwegian team in the opening round on Friday."], "2024-03-05")
    late = record(4, "Varna marks a year since the Kamchia floods",
                  ["A year after the Kamchia floods, Mayor Elena Dimova of Varna opened a memorial near the river.",
                   "Dimova thanked crews from Burgas and Shumen; 400 homes were rebuilt."], "2025-03-05")
    for r in (a, b, c, late):
        save(store, r)
    out = list(views.stories(store))
    ids = [x["id"] for s in out for x in s["articles"]]
    assert sorted(ids) == sorted(r["id"] for r in (a, b, c, late))
    story = {x["id"]: s["id"] for s in out for x in s["articles"]}
    assert story[a["id"]] == story[b["id"]]
    assert story[c["id"]] != story[a["id"]]
    assert story[late["id"]] != story[a["id"]]  # a year later is outside the time window


def test_story_joins_across_languages_on_transliterated_names(store):
    en = record(1, "Nord Stream: Gazprom and Uniper sign deal in Berlin",
                ["Gazprom chief Alexei Miller and Uniper signed the Nord Stream financing deal in Berlin on Monday.",
                 "Miller said Gazprom and Uniper expect the pipeline by 2019."], "2018-04-02")
    ru = record(2, "Газпром и Uniper подписали соглашение в Берлине",
                ["Глава Газпрома Алексей Миллер и Uniper подписали в Берлине соглашение о финансировании Nord Stream.",
                 "Миллер заявил, что Газпром и Uniper ждут трубопровод к 2019 году."], "2018-04-03", language="ru")
    for r in (en, ru):
        save(store, r)
    assert store.story_of(en["id"]) == store.story_of(ru["id"])


def test_quote_groups_speakers_cuts_and_other_speaker_drift(store):
    para = BODY[2]
    a = record(1, "Floods in Varna", BODY, "2024-03-05", quotes=[(QUOTE, "Elena Dimova", "direct", None)])
    b = record(2, "Varna evacuates", [BODY[0], para, BODY[3]], "2024-03-06",
               quotes=[(QUOTE, "Elena Dimova", "direct", None)])
    cut_text = "\"We will not leave anyone behind,\""
    c = record(3, "Varna mayor speaks", [BODY[0], "Dimova said: " + cut_text + " and left the room."], "2024-03-06",
               quotes=[(cut_text, "Elena Dimova", "direct", None)])
    wrong = record(4, "Burgas", [BODY[4], "The governor of Burgas, Ivan Petrov, said: " + QUOTE],
                   "2024-03-07", quotes=[(QUOTE, "Ivan Petrov", "direct", None)])
    for r in (a, b, c, wrong):
        save(store, r)
    ga, gb, gc, gw = (store.get(r["id"])["quotes"][0]["group"] for r in (a, b, c, wrong))
    assert ga == gb == gc
    assert gw != ga  # never grouped with another speaker's words
    t = views.trace(store, ga)
    assert t["speaker"] == "Elena Dimova"
    assert t["first"]["article"]["id"] == a["id"]
    assert len(t["appearances"]) == 3
    assert any(d["kind"] == "cut" for d in t["drift"])
    tw = views.trace(store, gw)
    assert any(d["kind"] == "other-speaker" for d in tw["drift"])


def test_translated_quote_joins_group_by_latin_speaker(store):
    en_q = "\"Russia will not stop the gas supply to Europe,\""
    ru_q = "«Россия не остановит поставки газа в Европу»"
    en = record(1, "Miller on Nord Stream and Gazprom", [
        "Gazprom chief Alexei Miller spoke about Nord Stream in Berlin.",
        f"{en_q} Miller said at the Gazprom press conference on Nord Stream."], "2018-04-02",
        quotes=[(en_q, "Alexei Miller", "direct", None)])
    ru = record(2, "Миллер о Nord Stream и Газпроме", [
        "Глава Газпрома Алексей Миллер рассказал о Nord Stream в Берлине.",
        f"{ru_q}, — заявил Миллер на пресс-конференции Газпрома о Nord Stream."], "2018-04-02", language="ru",
        quotes=[(ru_q, "Алексей Миллер", "direct", "Aleksey Miller")])
    for r in (en, ru):
        save(store, r)
    assert store.story_of(en["id"]) == store.story_of(ru["id"])
    assert store.get(en["id"])["quotes"][0]["group"] == store.get(ru["id"])["quotes"][0]["group"]


def test_corpus_step_is_idempotent(store):
    rec = record(1, "Floods force evacuation in Varna", BODY, "2024-03-05",
                 quotes=[(QUOTE, "Elena Dimova", "direct", None)])
    save(store, rec)
    before = [list(store.db.execute(f"SELECT count(*) FROM {t}"))[0][0]
              for t in ("corpus_docs", "dup_bands", "stories", "quote_groups", "paragraph_vectors")]
    assert add_article(store, rec, embed=fake_embed) is None
    save(store, rec)
    after = [list(store.db.execute(f"SELECT count(*) FROM {t}"))[0][0]
             for t in ("corpus_docs", "dup_bands", "stories", "quote_groups", "paragraph_vectors")]
    assert before == after and before[4] > 0


def test_cli_json_interfaces_and_reprint_folding(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("presslens.corpus.ingest.default_embedder", fake_embed)
    monkeypatch.setattr("presslens.corpus.default_embedder", fake_embed)
    db = tmp_path / "cli.db"
    s = Store(db)
    s.corpus_embedder = fake_embed
    for r in (record(1, "Floods force evacuation in Varna", BODY, "2024-03-05",
                     quotes=[(QUOTE, "Elena Dimova", "direct", None)]),
              record(2, "Mayor orders families out of Varna homes", BODY, "2024-03-06",
                     quotes=[(QUOTE, "Elena Dimova", "direct", None)]),
              record(3, "Chess olympiad opens in Ljubljana",
                     ["Grandmasters from Norway, India and Peru arrived in Ljubljana for the olympiad on Friday.",
                      "Magnus Carlsen will lead the Norwegian team in the opening round of the olympiad."],
                     "2024-03-05")):
        save(s, r)
    s.close()

    def run(*argv):
        assert main([*argv, "--db", str(db)]) == 0
        return capsys.readouterr().out

    stories = [json.loads(x) for x in run("stories", "--json").splitlines()]
    assert {"id", "title", "first_seen", "articles", "outlets", "languages", "entities", "speakers"} <= set(stories[0])
    assert set(stories[0]["articles"][0]) == {"id", "url", "source", "title", "published", "language"}
    assert sum(len(x["articles"]) for x in stories) == 3
    dups = [json.loads(x) for x in run("duplicates", "--json").splitlines()]
    assert dups == [{"canonical": {"id": f"sha256:{1:064x}", "url": "https://x.test/1"},
                     "copies": [{"id": f"sha256:{2:064x}", "url": "https://x.test/2", "similarity": 1.0}]}]
    quotes = [json.loads(x) for x in run("quotes", "--json").splitlines()]
    assert len(quotes) == 1 and quotes[0]["reprints"] == 1 and quotes[0]["group"].startswith("q")
    assert len(run("quotes", "--json", "--expand").splitlines()) == 2
    trace = json.loads(run("trace", "leave anyone behind", "--json"))
    assert set(trace) >= {"speaker", "first", "appearances", "drift"}
    assert set(trace["appearances"][0]["article"]) == {"id", "url", "source", "published", "language"}
    assert set(trace["appearances"][0]["quote"]) == {"start", "end", "text", "kind"}
    hits = [json.loads(x) for x in run("search", "Kamchia", "--json").splitlines()]
    assert len(hits) == 1 and hits[0]["reprints"] == 1
    assert len(run("search", "Kamchia", "--json", "--expand").splitlines()) == 2
    sem = [json.loads(x) for x in run("search", "chess grandmasters olympiad", "--semantic", "--json").splitlines()]
    assert sem and sem[0]["id"] == f"sha256:{3:064x}"
    out = tmp_path / "g.graphml"
    run("network", "--format", "graphml", "--output", str(out))
    assert ET.parse(out).getroot().tag.endswith("graphml")
    assert "<gexf" in run("network")


def test_web_story_and_trace_pages_with_json_twins(tmp_path):
    from fastapi.testclient import TestClient

    from presslens.web import create_app

    db = tmp_path / "web.db"
    s = Store(db)
    s.corpus_embedder = fake_embed
    a = record(1, "Floods force evacuation in Varna", BODY, "2024-03-05", quotes=[(QUOTE, "Elena Dimova", "direct", None)])
    b = record(2, "Mayor orders families out", BODY[:4], "2024-03-06", quotes=[(QUOTE, "Elena Dimova", "direct", None)])
    for r in (a, b):
        save(s, r)
    sid = s.story_of(a["id"])
    gid = s.get(a["id"])["quotes"][0]["group"]
    s.close()
    with TestClient(create_app(db)) as client:
        html = client.get("/stories").text
        assert f"/stories/{sid}" in html
        page = client.get(f"/stories/{sid}")
        assert page.status_code == 200 and "<svg" in page.text and f'href="/api/stories/{sid}"' in page.text
        assert len(client.get(f"/api/stories/{sid}").json()["articles"]) == 2
        assert client.get("/stories/nope").status_code == 404
        t = client.get(f"/quotes/trace/{gid}")
        assert t.status_code == 200 and "Elena Dimova" in t.text and f'href="/api/quotes/trace/{gid}"' in t.text
        assert len(client.get(f"/api/quotes/trace/{gid}").json()["appearances"]) == 2


def test_folding_counts_the_copies_folded_not_every_copy_in_the_store():
    from presslens.corpus import views

    class Copies:  # a, b and c are copies of a; only a and c are among the hits
        def reprint_counts(self, ids):
            return {"a": ("a", 2), "b": ("a", 2), "c": ("a", 2), "x": ("x", 0)}

    assert views.collapse(Copies(), ["a", "x", "c"]) == [("a", 1), ("x", 0)]
    assert views.collapse(Copies(), ["b"]) == [("b", 0)]
