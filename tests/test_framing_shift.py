"""Genre decided for a mix unlike its training pool, frames on short texts, extra report corpora."""
from __future__ import annotations

import numpy as np
import pytest

from presslens.framing.calibration import ece, reliability
from presslens.framing.heads import Head
from presslens.train.genre_head import (
    TARGET_PRIOR, class_weights, decide, fitted_prior, macro_f1, nested_probabilities, prior_weights,
)
from presslens.train.semeval import GENRES, FRAMES, Article, domain
from presslens.train.wire_reports import detokenize, gvc_texts, wmt_texts

OPINION, REPORTING, SATIRE = (GENRES.index(g) for g in ("opinion", "reporting", "satire"))


def test_prior_weights_give_the_target_mix():
    y = np.array([OPINION] * 90 + [REPORTING] * 8 + [SATIRE] * 2)
    w = prior_weights(y)
    shares = [w[y == c].sum() / w.sum() for c in range(3)]
    assert shares == pytest.approx(TARGET_PRIOR)


def test_weighted_macro_f1_counts_the_reweighted_mix():
    y = np.array([OPINION] * 9 + [REPORTING])
    pred = np.full(10, OPINION)  # every report missed
    assert macro_f1(pred, y) == pytest.approx((2 * 9 / 19 + 0) / 2)
    w = np.where(y == REPORTING, 9.0, 1.0)  # reports weigh as much as opinion pieces
    assert macro_f1(pred, y, w) == pytest.approx((2 * 9 / 27) / 2)


def test_fitted_prior_of_a_balanced_head_is_flat_but_for_capped_satire():
    y = np.array([OPINION] * 500 + [REPORTING] * 100 + [SATIRE] * 5)
    p = fitted_prior(y)
    assert p[OPINION] == pytest.approx(p[REPORTING])
    assert class_weights(y)[SATIRE] == 10.0 and p[SATIRE] < p[REPORTING]


def test_prior_rule_moves_an_undecided_article_to_the_likelier_class():
    z = np.zeros((1, 3))  # a balanced head that cannot tell
    flat = np.full((1, 3), 1 / 3)
    rng = np.random.default_rng(1)
    zs = rng.normal(size=(300, 3))
    ys = rng.integers(0, 3, 300)
    _, _, p_bal = decide("balanced", zs, ys, np.broadcast_to(flat, (300, 3)), z, flat)
    off, _, p = decide("prior", zs, ys, np.broadcast_to(flat, (300, 3)), z, flat)
    assert p_bal[0] == pytest.approx(np.full(3, 1 / 3))
    assert p[0].argmax() == REPORTING and off[0] == pytest.approx(np.log(TARGET_PRIOR * 3))


def test_nested_rule_never_sees_the_scored_domain():
    # domain b's labels are all flipped; a rule fitted on b itself could learn that, a nested one cannot
    z = np.array([[2.0, 0.0, -5.0]] * 20 + [[0.0, 2.0, -5.0]] * 20)
    y = np.array([OPINION] * 10 + [REPORTING] * 10 + [OPINION] * 20)
    dom = np.array(["a"] * 20 + ["b"] * 20)
    fitted = np.full((40, 3), 1 / 3)
    p = nested_probabilities("searched", z, y, dom, fitted, np.array(["a", "b"]))
    assert (p[dom == "b"].argmax(1) == REPORTING).all()


def test_weighted_reliability_and_ece():
    conf = np.array([0.9, 0.9, 0.9, 0.9])
    right = np.array([1, 1, 0, 0], bool)
    assert ece(conf, right) == pytest.approx(0.4)
    assert ece(conf, right, weights=np.array([3.0, 3.0, 1.0, 1.0])) == pytest.approx(0.15)
    (row,) = reliability(conf, right, weights=np.array([3.0, 3.0, 1.0, 1.0]))
    assert row[2] == 4 and row[4] == pytest.approx(0.75)


def test_domains_are_english_id_batches_or_the_language():
    def art(aid: str, lang: str = "en") -> Article:
        return Article(aid, lang, "", "opinion", set(), {})

    assert domain(art("701234567")) == "en-69-72"
    assert domain(art("832908905")) == "en-late"
    assert domain(art("111111111")) == domain(art("999001032")) == "en-other"
    assert domain(art("24182", "ru")) == "ru"


def test_detokenize_rebuilds_quotes_and_punctuation():
    toks = ["``", "We", "are", "safe", ",", "''", "police", "said", "(", "AP", ")", "."]
    assert detokenize(toks) == '"We are safe," police said (AP).'
    assert detokenize(["It", "is", "n't", "Bob", "'s", "."]) == "It isn't Bob's."


def test_report_corpus_readers(tmp_path):
    (tmp_path / "newstest2021.ru-en.all.xml").write_text(
        '<dataset><doc id="x.1"><src lang="ru"><p><seg id="1">Заголовок</seg></p></src>'
        '<ref translator="B" lang="en"><p><seg id="1">Title B</seg></p></ref>'
        '<ref translator="A" lang="en"><p><seg id="1">Title</seg><seg id="2">Police said so.</seg></p></ref></doc>'
        '<doc id="tsuite-ted-1"><ref translator="A" lang="en"><p><seg id="1">A talk</seg></p></ref></doc>'
        '</dataset>', encoding="utf-8")
    assert wmt_texts(tmp_path) == [["Title", "Police said so."]]
    (tmp_path / "dataset.conll").write_text(
        "#begin document (0/1/a); part 0\n0/1/a\t0\t0\t2014-06-15\t-\n\n0/1/a\t1\t0\tShots\t-\n"
        "0/1/a\t1\t1\tfired\t-\n\n0/1/a\t2\t0\tPolice\t-\n0/1/a\t2\t1\tcame\t-\n0/1/a\t2\t2\t.\t-\n",
        encoding="utf-8")
    assert gvc_texts(tmp_path) == [["Shots fired", "Police came."]]


def _frames_model(short_bias: float):
    from presslens.framing.predict import FramingModel

    model = FramingModel.__new__(FramingModel)
    n_t, dim = 23, 4
    labels = tuple(f"T{i}" for i in range(n_t))
    never = np.full(n_t, 1.01, np.float32)
    zeros = np.zeros(len(FRAMES), np.float32)
    bias_long = np.full(len(FRAMES), -6.0, np.float32)  # the long-text head names nothing
    bias_short = bias_long.copy()
    bias_short[:3] = short_bias
    w = np.zeros((dim + 2 * n_t, len(FRAMES)), np.float32)
    model.heads = {
        "tech": Head(labels, (np.zeros((2 * dim, n_t), np.float32), np.zeros(n_t, np.float32)), "sigmoid", never),
        "tok": Head(labels, (np.zeros((dim, n_t), np.float32), np.zeros(n_t, np.float32)), "sigmoid", never),
        "genre": Head(GENRES, (np.zeros((dim + 9 + 27 + 22 + n_t, 3), np.float32), np.zeros(3, np.float32)),
                      "softmax", np.zeros(3, np.float32)),
        "frames": Head(FRAMES, (w, bias_long), "sigmoid", zeros + 0.5),
        "frames_short": Head(FRAMES, (w, bias_short), "sigmoid", zeros + 0.5),
    }
    model.lexicon = __import__("presslens.framing.lexical", fromlist=["Lexicon"]).Lexicon({}, ())
    model.triggers = {}
    model.unsure = {"genre": 0.6, "frames": 0.5}
    model.frames = __import__("presslens.framing.frames", fromlist=["FramesDecision"]).FramesDecision(model.heads, None)
    return model


def _encoded(n: int):
    from presslens.encoder import Encoded

    return Encoded(embedding=np.ones(4, np.float32), tokens=np.ones((n, 4), np.float32),
                   offsets=np.array([[i, i + 1] for i in range(n)]))


def test_short_texts_use_the_short_frames_head_and_keep_evidence():
    from presslens.framing.predict import MIN_FRAMES, SHORT_TEXT, Paragraph

    model = _frames_model(short_bias=3.0)
    short = [Paragraph(0, "Police said the court met."), Paragraph(40, "The party leader wrote on Telegram.")]
    res = model.predict(short, [_encoded(3), _encoded(3)])
    assert [f.label for f in res.frames][:3] == list(FRAMES[:3]) and len(res.frames) == 3
    for f in res.frames:
        assert f.evidence and all(0 <= s.start < s.end for s in f.evidence) and not f.unsure
    long = [Paragraph(i * 200, "word " * 39) for i in range(SHORT_TEXT // 150)]
    res = model.predict(long, [_encoded(3) for _ in long])
    # the long head is sure of nothing (every frame 0.002): only the floor's most probable frames, unsure
    assert len(res.frames) == MIN_FRAMES and all(f.unsure for f in res.frames)


def test_paragraphs_without_letters_get_no_genre_or_frames():
    from presslens.framing.predict import Paragraph

    model = _frames_model(short_bias=3.0)
    res = model.predict([Paragraph(0, "—— … «» ——"), Paragraph(12, "12:45")], [_encoded(3), _encoded(2)])
    assert res.genre is None and res.frames == [] and res.techniques == []


def test_report_corpora_are_found_through_presslens_shared(monkeypatch, tmp_path):
    import importlib

    from presslens.train import wire_reports

    monkeypatch.setenv("PRESSLENS_SHARED", str(tmp_path))
    try:
        assert importlib.reload(wire_reports).SHARED_DATA == tmp_path / "data"
    finally:
        monkeypatch.delenv("PRESSLENS_SHARED")
        importlib.reload(wire_reports)
