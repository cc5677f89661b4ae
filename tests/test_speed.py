"""Performance-only changes keep behaviour: per-stage CPU timings, cached chunk text and
vocabulary index, the output comparison used to check speed work, the attention fusion."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from presslens.framing.words import Vocabulary
from presslens.ingest.text import document_from_text
from presslens.nlp import parse
from presslens.pipeline import FunctionStage, Pipeline

ROOT = Path(__file__).resolve().parent.parent


def _same_outputs():
    spec = importlib.util.spec_from_file_location("same_outputs", ROOT / "benchmarks" / "same_outputs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_pipeline_records_cpu_seconds_per_stage_beside_wall_seconds():
    def busy(_a):
        sum(i * i for i in range(200_000))
        return {"boilerplate": [], "damage": []}

    p = Pipeline([FunctionStage("busy", "1", (), ("boilerplate", "damage"), busy)])
    p.run(document_from_text("x"))
    p.run(document_from_text("y"))
    assert set(p.cpu_timings) == set(p.timings) == {"busy"}
    assert p.cpu_timings["busy"] > 0


def test_chunk_text_is_the_parsed_paragraph_and_ends_where_it_does():
    text = "First paragraph here.\n\nA second one, with Related: junk blanked."
    junk = (text.index("Related"), text.index("Related") + len("Related: junk"))
    parsed = parse(text, [junk])
    for c in parsed.chunks:
        assert c.text == c.doc.text
        assert c.end == c.offset + len(c.text)
    assert "junk" not in parsed.chunks[1].text and len(parsed.chunks[1].text) == len(text) - parsed.chunks[1].offset


def test_vocabulary_index_matches_its_words_and_vectors_do_not_change_with_it():
    v = Vocabulary(("border", "court", "price"), np.array([1.0, 2.0, 3.0], np.float32))
    assert v.index == {"border": 0, "court": 1, "price": 2}
    first = v.vectors(["The court and the court again", "prices"])
    assert v.index is v.index  # built once
    np.testing.assert_array_equal(first, v.vectors(["The court and the court again", "prices"]))
    assert first[0, 1] == pytest.approx(1.0) and not first[1].any()


def test_output_comparison_tells_score_jitter_from_real_changes():
    so = _same_outputs()
    before = {"a": {"genre": {"label": "opinion", "score": 0.571, "unsure": True}, "quotes": [1, 2]}}
    jitter = {"a": {"genre": {"label": "opinion", "score": 0.572, "unsure": True}, "quotes": [1, 2]}}
    flipped = {"a": {"genre": {"label": "reporting", "score": 0.571, "unsure": True}, "quotes": [1, 2]}}
    assert so.differences(before, before) == []
    assert [line.split("\n")[0] for line in so.differences(before, jitter)] == ["a: genre differs"]
    assert so.close(before["a"], jitter["a"], 0.01) and not so.close(before["a"], jitter["a"], 0.0001)
    assert not so.close(before["a"], flipped["a"], 1.0)
    assert not so.close({"unsure": True}, {"unsure": False}, 1.0)  # booleans are not scores
    assert so.differences(before, {}) == ["a: only in before"]


def test_attention_fusion_refuses_a_graph_without_the_exported_pattern():
    onnx = pytest.importorskip("onnx")  # the `train` extra
    from onnx import TensorProto, helper

    from presslens.train.fuse_attention import fuse

    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])
    model = helper.make_model(helper.make_graph([helper.make_node("Relu", ["x"], ["y"])], "g", [x], [y]))
    with pytest.raises(ValueError, match="nothing fused"):
        fuse(model)
    assert onnx is not None


def _lexicon_hits_one_label_at_a_time(text, lexicon):
    """The straightforward scan (every label over every word) that lexicon_hits must equal."""
    from presslens.framing.lexical import Hit, words

    ws = words(text)
    hits = []
    for label, terms in lexicon.terms.items():
        i = 0
        while i < len(ws):
            two = f"{ws[i][0]} {ws[i + 1][0]}" if i + 1 < len(ws) else None
            if two is not None and two in terms:
                hits.append(Hit(label, ws[i][1], ws[i + 1][2], terms[two], "lexicon"))
                i += 2
                continue
            if ws[i][0] in terms:
                hits.append(Hit(label, ws[i][1], ws[i][2], terms[ws[i][0]], "lexicon"))
            i += 1
    return hits


def test_lexicon_hits_equal_the_label_by_label_scan():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from presslens.framing.lexical import Lexicon, default_lexicon, lexicon_hits

    vocab = ["shame", "total", "disaster", "so", "called", "expert", "the", "a", "real"]
    lexicon = Lexicon({"Loaded": {"shame": 0.9, "total disaster": 0.8, "disaster": 0.7},
                       "Doubt": {"so called": 0.6, "called expert": 0.5, "expert": 0.4},
                       "Empty": {}, "Both": {"disaster": 0.3, "real": 0.2, "a real": 0.1}})

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(vocab), max_size=14), st.sampled_from([" ", ", ", " - "]))
    def check(ws, sep):
        text = sep.join(ws)
        assert lexicon_hits(text, lexicon) == _lexicon_hits_one_label_at_a_time(text, lexicon)

    check()
    shipped = default_lexicon()
    text = "This so-called expert is a total disaster, a shame on the whole country and a real fraud."
    assert lexicon_hits(text, shipped) == _lexicon_hits_one_label_at_a_time(text, shipped)
