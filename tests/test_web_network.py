"""The who-quotes-whom network: graph building across scripts, the web page and its JSON twin."""
from __future__ import annotations

from presslens.corpus import network
from presslens.store import Store

from .test_corpus import fake_embed, record, save

RU_Q = "«Путин ответит на вопросы журналистов в пятницу»"
EN_Q1 = "\"The Kremlin has not answered our questions about the pipeline,\""
EN_Q2 = "\"Peskov has not said a word about the pipeline to anyone here,\""


def _rows():
    return [
        {"speaker": "Dmitry Peskov", "speaker_latin": None, "content": "Putin will answer on Friday",
         "outlet": "tass.ru", "month": "2024-03"},
        {"speaker": "Дмитрий Песков", "speaker_latin": "Dmitriy Peskov", "content": RU_Q,
         "outlet": "ria.ru", "month": "2024-04"},
        {"speaker": "Vladimir Putin", "speaker_latin": None, "content": "We answer everyone",
         "outlet": "tass.ru", "month": "2024-04"},
    ]


def test_one_speaker_in_two_scripts_is_one_node_and_inflected_names_make_edges():
    g = network.build(_rows())
    speakers = [d["label"] for _, d in g.nodes(data=True) if d["kind"] == "speaker"]
    assert sorted(speakers) == ["Dmitry Peskov", "Vladimir Putin"]
    edges = network.edge_rows(g, kind="names")
    # "Putin" in English and "Путин" in Russian both name Vladimir Putin
    assert edges == [{"source": "Dmitry Peskov", "source_kind": "speaker", "target": "Vladimir Putin",
                      "kind": "names", "count": 2, "months": {"2024-03": 1, "2024-04": 1}}]
    quotes = network.edge_rows(g, kind="quotes")
    assert {(e["source"], e["target"], e["count"]) for e in quotes} == {
        ("tass.ru", "Dmitry Peskov", 1), ("ria.ru", "Dmitry Peskov", 1), ("tass.ru", "Vladimir Putin", 1)}


def test_svg_escapes_labels_and_scales_edges():
    edges = [{"source": "<b>outlet</b>", "source_kind": "outlet", "target": "A & B", "kind": "quotes", "count": 4,
              "months": {}},
             {"source": "A & B", "source_kind": "speaker", "target": "C", "kind": "names", "count": 1, "months": {}}]
    out = str(network.svg(edges))
    assert out.startswith("<svg") and "<b>" not in out and "&lt;b&gt;" in out and "A &amp; B" in out
    assert 'stroke-width="6.0"' in out and 'stroke-width="2.2"' in out
    assert "No quotes" in str(network.svg([]))


def test_network_page_and_json_twin(tmp_path):
    from fastapi.testclient import TestClient

    from presslens.web import create_app

    db = tmp_path / "net.db"
    s = Store(db)
    s.corpus_embedder = fake_embed
    paras = ["Reporters asked about the Baltic pipeline in Brussels on Monday.",
             f"{EN_Q1} said Anna Berg of the Baltic Energy Council.", f"{EN_Q2} Berg added."]
    a = record(1, "Pipeline questions", paras, "2024-03-05",
               quotes=[(EN_Q1, "Anna Berg", "direct", None), (EN_Q2, "Anna Berg", "direct", None)])
    b = record(2, "Peskov on the pipeline", ["Dmitry Peskov spoke to reporters in Moscow on Tuesday.",
                                             f"\"We will answer Berg in due course,\" Peskov said."], "2024-04-02",
               quotes=[("\"We will answer Berg in due course,\"", "Dmitry Peskov", "direct", None)])
    for r in (a, b):
        save(s, r)
    assert [r["speaker"] for r in s.quote_edges(limit=1)] == ["Dmitry Peskov"]  # the latest stored only
    assert len(list(s.quote_edges())) == 3
    s.close()
    with TestClient(create_app(db)) as client:
        data = client.get("/api/network").json()
        edges = {(e["source"], e["target"]): e for e in data["edges"]}
        assert edges[("outlet1", "Anna Berg")]["count"] == 2
        assert edges[("outlet1", "Anna Berg")]["months"] == {"2024-03": 2}
        assert edges[("Dmitry Peskov", "Anna Berg")]["kind"] == "names"
        assert data["months"] == ["2024-03", "2024-04"] and data["quotes"] == 3
        only = client.get("/api/network?kind=names").json()["edges"]
        # Berg's second quote names Peskov; Peskov's names Berg: he answers her
        assert [(e["source"], e["target"]) for e in only] == [("Anna Berg", "Dmitry Peskov"),
                                                              ("Dmitry Peskov", "Anna Berg")]
        page = client.get("/network")
        assert page.status_code == 200 and 'class="network"' in page.text and "Anna Berg" in page.text
        assert 'href="/api/network?limit=60"' in page.text
        assert client.get("/api/network?kind=bogus").status_code == 422
        assert 'href="/network"' in client.get("/stories").text


def test_unnamed_sources_and_thoughts_are_no_nodes():
    rows = _rows() + [
        {"speaker": "unknown", "speaker_latin": None, "content": "Peskov is wrong", "outlet": "tass.ru",
         "month": "2024-04", "act": "speech", "source_kind": "unnamed"},
        {"speaker": "Anna Berg", "speaker_latin": None, "content": "Peskov will resign", "outlet": "tass.ru",
         "month": "2024-04", "act": "thought", "source_kind": "person"},
        {"speaker": "Anna Berg", "speaker_latin": None, "content": "I asked Peskov twice", "outlet": "tass.ru",
         "month": "2024-04", "act": "speech", "source_kind": "person"},
    ]
    g = network.build(rows)
    labels = {d["label"] for _, d in g.nodes(data=True)}
    assert "unknown" not in labels
    berg = [e for e in network.edge_rows(g) if e["source"] == "Anna Berg"]
    assert [(e["target"], e["count"]) for e in berg] == [("Dmitry Peskov", 1)]


def test_transliterated_and_bare_surnames_join_the_full_name_but_namesakes_stay_apart():
    rows = [{"speaker": s, "speaker_latin": lat, "content": c, "outlet": "x", "month": None}
            for s, lat, c in (("Donald Trump", None, "We will win"), ("Дональд Трамп", "Donald Tramp", "Мы победим"),
                              ("Trump", None, "Again"), ("Ivanka Trump", None, "Father will win"),
                              ("the experts", None, "Trump will lose"))]
    g = network.build(rows)
    speakers = sorted(d["label"] for _, d in g.nodes(data=True) if d["kind"] == "speaker")
    # "Trump" alone is ambiguous between two full names, so it stays its own node
    assert speakers == ["Donald Trump", "Ivanka Trump", "Trump", "the experts"]
    names = network.edge_rows(g, kind="names")
    assert ("the experts", "Trump") in {(e["source"], e["target"]) for e in names}
    assert all(e["target"] != "the experts" for e in names)
