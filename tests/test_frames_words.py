"""The frames word head's input and the averaged frames decision, on invented texts."""
from __future__ import annotations

import numpy as np
import pytest

from presslens.framing.frames import MAX_FRAMES, MIN_FRAMES, FramesDecision, expected_f1_set
from presslens.framing.heads import Head, load_heads, save_heads
from presslens.framing.words import Vocabulary
from presslens.train.semeval import FRAMES


def test_vocabulary_keeps_words_by_document_frequency_and_drops_stop_words():
    docs = ["the court ruled", "the court met", "a court and the police", "police said", "the vote"]
    v = Vocabulary.build(docs, stop=frozenset({"the"}), min_df=2, max_df=0.7)
    # `the` is a stop word (and in 4 of 5 documents), `court` in 3 of 5, `police` in 2, the rest in one
    assert v.words == ("court", "police")
    assert v.idf[0] < v.idf[1]  # the rarer word weighs more


def test_vectors_are_sublinear_l2_normalised_and_ignore_unknown_words():
    v = Vocabulary(("court", "police"), np.array([1.0, 2.0], np.float32))
    x = v.vectors(["court court court police", "nothing known here", "Court 2024"])
    assert np.allclose(np.linalg.norm(x[0]), 1.0)
    ratio = x[0, 0] / x[0, 1]
    assert np.isclose(ratio, (1 + np.log(3)) * 1.0 / 2.0, atol=1e-5)  # 1 + log tf, times idf
    assert not x[1].any()
    assert np.allclose(x[2], [1.0, 0.0])  # lower-cased; digits are not words


def test_vocabulary_round_trip(tmp_path):
    v = Vocabulary(("court", "police"), np.array([1.5, 2.25], np.float32))
    v.save(tmp_path / "w.json")
    w = Vocabulary.load(tmp_path / "w.json")
    assert w.words == v.words and np.allclose(w.idf, v.idf)


def _decision(tmp_path, words_bias: float) -> FramesDecision:
    """An embedding head that leans against every frame (0.27) and a word head that is sure of
    frame 3 when the text says `court`."""
    n = len(FRAMES)
    dim = 4 + 2 * 23
    emb = np.zeros((dim, n), np.float32)
    b = np.full(n, -1.0, np.float32)
    word_w = np.zeros((2, n), np.float32)
    word_w[0, 3] = 12.0
    wb = np.full(n, words_bias, np.float32)
    t = np.full(n, 0.5, np.float32)
    heads = {"frames": Head(FRAMES, (emb, b), "sigmoid", t), "frames_short": Head(FRAMES, (emb, b), "sigmoid", t),
             "frames_words": Head(FRAMES, (word_w, wb), "sigmoid", t),
             "frames_words_short": Head(FRAMES, (word_w, wb), "sigmoid", t)}
    save_heads(tmp_path / "frames.npz", heads)
    Vocabulary(("court", "police"), np.ones(2, np.float32)).save(tmp_path / "frames_words.json")
    return FramesDecision.load(tmp_path, {"frames": Head(FRAMES, (emb, b - 5), "sigmoid", t)})


def test_frames_npz_replaces_heads_and_the_word_head_decides_with_the_embedding_head(tmp_path):
    d = _decision(tmp_path, words_bias=-6.0)
    assert set(load_heads(tmp_path / "frames.npz")) <= set(d.heads)
    means = np.ones((2, 4), np.float32)
    ptech = np.zeros((2, 23), np.float32)
    out = d.decide(means, ptech, ["The court ruled on Monday.", "Police said nothing."])
    labels = [label for label, *_ in out]
    # averaged with the embedding head, `court` makes frame 3 the one sure frame (0.59 against 0.14
    # for the rest): the expected-F1 set is that frame alone, topped up to the floor
    assert labels[0] == FRAMES[3] and len(out) == MIN_FRAMES
    score, evidence = out[0][1], out[0][2]
    assert 0.5 < score < 1.0
    assert evidence[0] == 0  # the paragraph that says `court` is cited first
    # the word that carried the frame is cited where it occurs; frames it did not push get no word
    assert out[0][3] == [(0, 4, 9)]
    assert all(cues == [] for *_, cues in out[1:])
    none = d.decide(means, ptech, ["Police said nothing.", "Nothing else."])
    # nothing stands out (every frame 0.14): the set spreads as far as the cap, every frame unsure
    assert len(none) == MAX_FRAMES and all(score < 0.5 for _, score, *_ in none)


def test_expected_f1_set_names_sure_labels_alone_and_spreads_when_unsure():
    sure = np.array([0.9, 0.85, 0.1, 0.05, 0.05])
    assert expected_f1_set(sure) == [0, 1]
    # the same two leaders, but unsure, with close runners-up: naming more is worth it
    unsure = np.array([0.45, 0.4, 0.35, 0.3, 0.05])
    assert expected_f1_set(unsure) == [0, 1, 2, 3]
    # order is by probability, whatever the label order
    assert expected_f1_set(np.array([0.05, 0.3, 0.9]))[0] == 2
    # 2 * sum(top k) / (k + sum(p)) is what is maximised
    p = np.array([0.6, 0.3, 0.2, 0.1])
    gains = [2 * np.sort(p)[::-1][:k].sum() / (k + p.sum()) for k in range(1, 5)]
    assert len(expected_f1_set(p)) == int(np.argmax(gains)) + 1


def test_cues_are_the_words_pushing_the_head_strongest_first_and_found_in_any_paragraph():
    from presslens.framing.words import occurrences

    v = Vocabulary(("border", "court", "police"), np.array([1.0, 1.0, 1.0], np.float32))
    text = "Police at the border. The court; the COURT again."
    assert v.cues(text, np.array([0.5, 2.0, -3.0], np.float32), 3) == ["court", "border"]  # police pulls down
    assert v.cues("nothing known", np.ones(3, np.float32), 3) == []
    assert occurrences(text, "court") == [(26, 31), (37, 42)]
    assert occurrences("courts courtroom", "court") == []  # whole tokens only


def test_first_spans_agree_with_occurrences_for_every_word():
    from presslens.framing.words import first_spans, occurrences

    text = "The Court met. A court, the COURT again; courts and 2024 x."
    spans = first_spans(text)
    assert spans["court"] == occurrences(text, "court")[0] == (4, 9)
    assert all(spans[w] == occurrences(text, w)[0] for w in spans)
    assert "x" not in spans and "2024" in spans  # the same tokens as occurrences reads


def test_cues_from_a_given_vector_match_cues_from_the_text():
    v = Vocabulary(("border", "court", "police"), np.array([1.0, 2.0, 1.0], np.float32))
    text = "Police at the border. The court; the court again."
    w = np.array([0.5, 2.0, -3.0], np.float32)
    assert v.cues(text, w, 3, v.vectors([text])[0]) == v.cues(text, w, 3) == ["court", "border"]


def test_cue_spans_look_in_the_evidence_paragraphs_first(tmp_path):
    d = _decision(tmp_path, words_bias=-6.0)
    texts = ["A court in the north.", "Police said nothing.", "The court ruled."]
    # frame 3's only positive word is `court`: found first in the cited paragraph 2, else paragraph 0
    assert d.cue_spans(texts, 3, True, [2]) == [(2, 4, 9)]
    assert d.cue_spans(texts, 3, True, [1]) == [(0, 2, 7)]
    assert d.cue_spans(texts, 0, True, [0]) == []


def test_without_word_files_the_embedding_head_decides_alone(tmp_path):
    n = len(FRAMES)
    head = Head(FRAMES, (np.zeros((4 + 46, n), np.float32), np.linspace(-3, 3, n).astype(np.float32)), "sigmoid",
                np.full(n, 0.5, np.float32))
    d = FramesDecision.load(tmp_path, {"frames": head})
    assert d.vocabulary is None
    out = d.decide(np.ones((1, 4), np.float32), np.zeros((1, 23), np.float32), ["Some text."])
    p = 1 / (1 + np.exp(-np.linspace(-3, 3, n)))
    # the embedding head's probabilities alone decide: its expected-F1 set, most probable first, as
    # far as the cap (seven frames are over 0.5 here)
    want = [FRAMES[j] for j in expected_f1_set(p)][:MAX_FRAMES]
    assert [label for label, *_ in out] == want and want[0] == FRAMES[-1] and len(want) == MAX_FRAMES
    assert np.allclose([score for _, score, *_ in out], np.sort(p)[::-1][:MAX_FRAMES], atol=1e-6)


def test_reported_technique_scores_are_platt_scaled_and_decisions_unchanged():
    from presslens.encoder import Encoded
    from presslens.framing.predict import FramingModel, Paragraph
    from presslens.train.technique_calibration import cross_fitted, fit

    model = FramingModel.__new__(FramingModel)
    labels = ("Loaded_Language", "Doubt")
    model.heads = {"tech": Head(labels, (np.zeros((2, 2), np.float32), np.zeros(2, np.float32)), "sigmoid",
                                np.array([0.5, 1.01], np.float32)),
                   "tok": Head(labels, (np.eye(2, dtype=np.float32), np.zeros(2, np.float32)), "sigmoid",
                               np.full(2, 0.3, np.float32))}
    model.triggers = {}
    enc = Encoded(embedding=np.zeros(2, np.float32), tokens=np.array([[1.0, 0.0]], np.float32),
                  offsets=np.array([[0, 8]]))
    scores = np.array([1 / (1 + np.exp(-2.0)), 0.9])  # Doubt's 0.9 is under its threshold: not reported
    raw = model._place(Paragraph(0, "Hysteria."), enc, scores)
    model.tech_platt = (0.5, -1.0)
    scaled = model._place(Paragraph(0, "Hysteria."), enc, scores)
    assert [t.label for t in raw] == [t.label for t in scaled] == ["Loaded_Language"]
    assert raw[0].score == pytest.approx(0.881, abs=1e-3) and scaled[0].score == pytest.approx(0.5, abs=1e-3)

    # overconfident logits (the truth is sigmoid(0.5 z - 1)) are pulled back to the truth
    rng = np.random.default_rng(0)
    z = rng.uniform(-4, 4, (3000, 2))
    y = rng.random(z.shape) < 1 / (1 + np.exp(-(0.5 * z - 1.0)))
    a, b = fit(z, y)
    assert a == pytest.approx(0.5, abs=0.1) and b == pytest.approx(-1.0, abs=0.15)
    p = cross_fitted(z, y, np.repeat(np.arange(300), 10))
    assert p.shape == z.shape and abs(float(p.mean()) - float(y.mean())) < 0.02


def test_thresholds_can_be_chosen_on_a_pool_of_the_fitting_articles():
    from presslens.train.article_heads import FrameFit

    # one frame; the pool (first 10 articles): positives at 0.3, negatives at 0.11; the rest:
    # negatives at 0.21 and positives at 0.5, so only the whole set needs a threshold above 0.21
    p = np.array([0.3] * 5 + [0.11] * 5 + [0.21] * 10 + [0.5] * 3)[:, None]
    y = np.array([1] * 5 + [0] * 5 + [0] * 10 + [1] * 3, np.float32)[:, None]
    head = Head(("F",), (np.zeros((1, 1), np.float32), np.zeros(1, np.float32)), "sigmoid", np.full(1, 0.5))
    fit = FrameFit({"frames": head, "frames_short": head}, Vocabulary((), np.zeros(0, np.float32)),
                   {"frames": (p, p), "frames_words": (p, p)}, y)
    everything = fit.with_thresholds(0.5).heads["frames"].thresholds[0]
    pooled = fit.with_thresholds(0.5, pool=np.arange(len(y)) < 10).heads["frames"].thresholds[0]
    assert 0.21 < everything <= 0.3 and 0.11 < pooled <= 0.21
