"""The shared ONNX encoder: shapes, offsets, windows, memoisation."""
from __future__ import annotations

import numpy as np
import pytest

from presslens.encoder import DIM, Encoder, encode_parsed, get_encoder
from presslens.nlp import parse


@pytest.fixture(scope="module")
def enc() -> Encoder:
    return get_encoder()


def test_embeddings_are_normalised_and_token_offsets_point_at_words(enc):
    text = "The mayor opened the new bridge on Monday."
    (e,) = enc.encode([text])
    assert e.embedding.shape == (DIM,)
    assert abs(float(np.linalg.norm(e.embedding)) - 1.0) < 1e-4
    assert e.tokens.shape == (len(e.offsets), DIM)
    pieces = [text[s:t] for s, t in e.offsets]
    assert pieces[:3] == ["The", "mayor", "opened"]
    assert pieces[-1] == "."


def test_similar_sentences_are_closer_than_unrelated_ones(enc):
    a, b, c = enc.embed([
        "The parliament passed the budget law on Tuesday.",
        "Lawmakers approved the state budget this week.",
        "My cat likes to sleep in the sun.",
    ])
    assert float(a @ b) > float(a @ c) + 0.2


def test_long_paragraph_is_windowed_and_fully_covered():
    small = Encoder(max_tokens=16)
    text = " ".join(f"word{i}" for i in range(60))
    (e,) = small.encode([text])
    assert e.offsets[-1][1] == len(text)  # the last word piece is the end of the text
    assert len(e.tokens) == len(e.offsets) > 16


def test_empty_and_odd_inputs_do_not_crash(enc):
    out = enc.encode(["", "   ", "?!"])
    assert len(out) == 3
    assert out[0].tokens.shape == (0, DIM)
    assert out[0].embedding.shape == (DIM,)
    assert enc.embed([]).shape == (0, DIM)


def test_encode_parsed_runs_once_per_parse():
    parsed = parse("First paragraph here.\n\nSecond one, a little longer than the first.")
    one = encode_parsed(parsed)
    two = encode_parsed(parsed)
    assert one is two
    assert len(one) == len(parsed.chunks) == 2


def test_padding_in_a_batch_does_not_leak_into_the_shorter_texts(monkeypatch):
    # the fused attention kernel reads the padding mask: a short text padded to a long one's
    # length in one batch must encode almost as it does alone (cosine 0.991: activations are
    # quantised per batch); with the mask left out of the graph the cosine is 0.725
    short = "The minister resigned on Friday."
    long = " ".join(["The committee published its report on the budget, the railways and the schools."] * 4)
    alone = Encoder().encode([short])[0]
    one_batch = Encoder()
    monkeypatch.setattr(one_batch, "_batches", lambda order, windows: [list(order)])
    batched = one_batch.encode([short, long])[0]
    assert batched.tokens.shape == alone.tokens.shape
    assert float(alone.embedding @ batched.embedding) > 0.95


def test_the_shipped_graph_runs_attention_as_one_fused_kernel():
    import onnxruntime as ort

    from presslens.encoder import MODEL_DIR

    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    opts.enable_profiling = True
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        opts.profile_file_prefix = f"{tmp}/ort"
        s = ort.InferenceSession(str(MODEL_DIR / "model.onnx"), opts, providers=["CPUExecutionProvider"])
        ids = np.array([[101, 1996, 102]], dtype=np.int64)
        s.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)})
        import json
        ops = {e["args"].get("op_name") for e in json.load(open(s.end_profiling())) if e.get("cat") == "Node"}
    assert "MultiHeadAttention" in ops and "Softmax" not in ops
