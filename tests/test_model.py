import json

import pytest

from presslens.model import (ANNOTATION_FIELDS, SCHEMA, Analysis, Argument, Boilerplate, Cue, Damage, Document,
                             Entity, Event, Frame, Label, Mention, Quote, Span, Speaker, Technique)

CONTRACT = ["schema", "id", "source", "url", "title", "published", "language", "text", "boilerplate", "damage",
            "entities", "quotes", "events", "genre", "frames", "techniques"]


def _full_analysis() -> Analysis:
    text = "Ana Pop said the court erred. She will appeal."
    doc = Document(id=Document.make_id(text.encode()), source="a.txt", text=text, raw=text.encode(),
                   title="T", published="2026-01-02")
    return Analysis(doc, annotations={
        "boilerplate": [Boilerplate(30, 34, "share-bar")],
        "damage": [Damage(0, 3, "fused", "glued")],
        "entities": [Entity("E1", "Ana Pop", "PERSON", ("She",), ("lawyer",), (Mention(0, 7, "Ana Pop"), Mention(30, 33, "She")))],
        "quotes": [Quote("indirect", 13, 28, Speaker("E1", "Ana Pop", 0, 7), Cue("said", 8, 12), "statement")],
        "events": [Event("appeal", Span(39, 45), Argument("She", 30, 33, "E1", "Ana Pop"), None, "--01-02", None, {"n": 1})],
        "genre": Label("reporting", 0.9),
        "frames": [Frame("Legality_Constitutionality_and_jurisprudence", 0.7, (Span(0, 29),))],
        "techniques": [Technique("Loaded_Language", 17, 22, 0.5)],
    }, pipeline_version="test@1")


def test_empty_analysis_has_every_contract_field():
    doc = Document(id="sha256:x", source="s", text="t")
    d = Analysis(doc).to_dict()
    assert list(d)[: len(CONTRACT)] == CONTRACT
    assert d["schema"] == SCHEMA
    assert d["genre"] is None and all(d[k] == [] for k in ANNOTATION_FIELDS if k != "genre")


def test_json_round_trip_is_lossless():
    a = _full_analysis()
    d = json.loads(json.dumps(a.to_dict()))
    b = Analysis.from_dict(d)
    assert b.to_dict() == a.to_dict()
    assert b.annotations["quotes"][0].speaker.name == "Ana Pop"
    assert b.annotations["events"][0].trigger == Span(39, 45)


def test_from_dict_rejects_other_schemas():
    with pytest.raises(ValueError):
        Analysis.from_dict({"schema": "other/1"})


def test_span_rejects_negative_or_reversed():
    with pytest.raises(ValueError):
        Span(5, 2)
    with pytest.raises(ValueError):
        Span(-1, 2)


def test_in_boilerplate_uses_majority_overlap():
    a = _full_analysis()
    assert a.in_boilerplate(30, 34)
    assert a.in_boilerplate(31, 35)
    assert not a.in_boilerplate(20, 32)


def test_id_is_sha256_of_raw_bytes():
    assert Document.make_id(b"abc") == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
