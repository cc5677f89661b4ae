"""Property tests: random Unicode, control characters, huge tokens and deep
nesting never crash ingest or a stage; they give documents, or one-line
named errors. Few examples, no deadline: these guard against regressions,
the soak in benchmarks/ measures load."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presslens.engines.local import run_safely
from presslens.errors import ArticleFailed, InputError
from presslens.ingest import read_one
from presslens.ingest.text import document_from_text
from presslens.model import Analysis, Document
from presslens.assembly import DEFAULT_STAGES
from presslens.pipeline import Pipeline

FEW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])

words = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12)
hostile_text = st.one_of(
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=300),
    st.text(st.sampled_from(list("\x00\x01\x1b\x7f\u200b\u202e\u2028\ufeff\t\r\n \"'“”«».,;:—")), min_size=1, max_size=200),
    st.lists(words, min_size=1, max_size=40).map(" ".join),
    st.integers(1000, 6000).map(lambda n: "a" * n),  # one huge token
    st.integers(50, 400).map(lambda n: "“" * n + "He said so." + "”" * n),  # deep quote nesting
    st.integers(50, 400).map(lambda n: "(" * n + "Mr. Smith met Mrs. Jones." + ")" * n),
)


def _one_line(items) -> None:
    for item in items:
        if isinstance(item, InputError):
            assert "\n" not in str(item) and "\r" not in str(item)
        else:
            assert isinstance(item, Document) and item.text.strip()


@FEW
@given(st.binary(max_size=3000), st.sampled_from(["x.txt", "x.html", "x.jsonl", "x.rss", "x.warc", "x.gz", "x"]))
def test_any_bytes_give_documents_or_named_errors(raw, name):
    try:
        items = list(read_one(raw, name))
    except InputError as e:
        items = [e]
    _one_line(items)


@FEW
@given(hostile_text, st.sampled_from(["txt", "html", "jsonl"]))
def test_hostile_text_in_every_format(text, fmt):
    if fmt == "html":
        raw = f"<html><body><article><p>{text}</p></article></body></html>".encode("utf-8", "surrogatepass")
    elif fmt == "jsonl":
        raw = json.dumps({"text": text}).encode()
    else:
        raw = text.encode("utf-8", "surrogatepass")
    try:
        items = list(read_one(raw, f"in.{fmt}"))
    except InputError as e:
        items = [e]
    _one_line(items)


@pytest.mark.parametrize("raw,name", [
    (b'{"text": "deep", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n", "deep.jsonl"),
    (b"<html><body>" + b"<div>" * 5000 + b"<p>Deep text here, said the mayor.</p>" + b"</div>" * 5000
     + b"</body></html>", "deep.html"),
    (b"<?xml version='1.0'?><rss><channel>" + b"<item>" * 3000 + b"</channel></rss>", "deep.rss"),
])
def test_deep_nesting_is_read_or_refused_by_name(raw, name):
    try:
        items = list(read_one(raw, name))
    except InputError as e:
        items = [e]
    except RecursionError:  # read_inputs turns any reader exception into that input's error
        items = []
    _one_line(items)


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline.from_names(DEFAULT_STAGES)


@FEW
@given(text=hostile_text)
def test_every_stage_survives_hostile_text(pipeline, text):
    if not text.strip():
        return
    out = run_safely(pipeline, document_from_text(text))
    assert not isinstance(out, ArticleFailed), str(out)
    assert isinstance(out, Analysis)
    n = len(out.document.text)
    record = out.to_dict()
    for field in ("boilerplate", "damage", "quotes", "techniques"):
        for item in record[field]:
            assert 0 <= item["start"] <= item["end"] <= n
    for e in record["entities"]:
        for m in e["mentions"]:
            assert 0 <= m["start"] <= m["end"] <= n
