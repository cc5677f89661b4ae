"""The style genre model: its features read the author's voice, its satire floor declines
weak satire calls, and a saved model reads back to the same probabilities."""
from __future__ import annotations

import numpy as np

from presslens.framing.genre_style import (STRUCTURE, GenreStyleModel, feature_names, gate_satire,
                                           style_features, style_words)

REPORT = [
    "LONDON (Wire) — The city council approved a new budget on Tuesday, officials said.",
    "The plan cuts spending by 4 percent in 2024, according to a statement released by the mayor's office.",
    "\"We had to make hard choices,\" Jane Miller, the council's finance chair, told reporters.",
    "Opposition members said they would appeal, and a vote is expected on March 3.",
]
OPINION = [
    "I have watched this council for years, and I am tired of it.",
    "Why should we keep paying for their mistakes? You deserve better, and so do I.",
    "This budget is absurd. It is simply wrong, and we must say so.",
]


def _get(x: np.ndarray, name: str) -> float:
    return float(x[feature_names().index(name)])


def test_vector_has_one_value_per_named_feature():
    x = style_features(REPORT)
    assert x.shape == (len(style_words()) + len(STRUCTURE),)
    assert np.isfinite(x).all()


def test_first_person_inside_quotes_is_the_speakers_not_the_authors():
    quoted = style_features(['"I think we will win," she said.', "The vote is on Monday."])
    own = style_features(["I think we will win, she said.", "The vote is on Monday."])
    assert _get(quoted, "w:i") == 0.0
    assert _get(own, "w:i") > 0.0


def test_report_reads_as_attributed_and_dated_opinion_as_argued():
    r, o = style_features(REPORT), style_features(OPINION)
    assert _get(r, "attributed_sentences") > _get(o, "attributed_sentences")
    assert _get(r, "named_speakers_per_1000") > 0.0 == _get(o, "named_speakers_per_1000")
    assert _get(r, "dateline") > 0.0 == _get(o, "dateline")
    assert _get(o, "w:we") > _get(r, "w:we") and _get(o, "w:you") > _get(r, "w:you")
    assert _get(o, "own_questions") > _get(r, "own_questions")


def test_empty_article_gives_zeros_not_nan():
    x = style_features([])
    assert np.isfinite(x).all()


def test_satire_floor_moves_weak_satire_mass_to_the_other_genres():
    p = np.array([[0.2, 0.35, 0.45], [0.1, 0.2, 0.7]])
    g = gate_satire(p, 0.5, 2)
    assert g[0, 2] == 0.0 and g[0].argmax() == 1
    np.testing.assert_allclose(g.sum(1), 1.0)
    np.testing.assert_allclose(g[0, :2], np.array([0.2, 0.35]) / 0.55)
    np.testing.assert_allclose(g[1], p[1])  # a strong satire call is kept as it is


def _toy_model(floor: float = 0.0) -> GenreStyleModel:
    """Opinion rises with the author's first person, reporting with attribution."""
    names = feature_names()
    d = len(names)
    w = np.zeros((d, 3), np.float32)
    w[names.index("w:i"), 0] = 3.0
    w[names.index("attributed_sentences"), 1] = 3.0
    return GenreStyleModel(("opinion", "reporting", "satire"), style_words(), np.zeros(d, np.float32),
                           np.ones(d, np.float32), w, np.array([0.0, 0.0, -1.0], np.float32),
                           np.array([0.3, 0.6, 0.1], np.float32), floor)


def test_model_reads_the_features_and_round_trips(tmp_path):
    m = _toy_model(floor=0.5)
    assert m.labels[int(m.predict(OPINION).argmax())] == "opinion"
    assert m.labels[int(m.predict(REPORT).argmax())] == "reporting"
    path = tmp_path / "genre.npz"
    m.save(path)
    back = GenreStyleModel.load(path)
    assert back.satire_floor == 0.5 and back.words == m.words
    np.testing.assert_allclose(back.predict(REPORT), m.predict(REPORT), rtol=1e-5)
    assert back.predict(OPINION)[2] == 0.0  # satire below the floor is never called


def test_framing_model_decides_genre_with_the_style_model_when_it_has_one():
    from presslens.encoder import Encoded
    from presslens.framing.frames import FramesDecision
    from presslens.framing.heads import Head
    from presslens.framing.lexical import Lexicon
    from presslens.framing.predict import FramingModel, Paragraph
    from presslens.train.semeval import FRAMES, GENRES

    n_t, dim = 23, 4
    labels = tuple(f"T{i}" for i in range(n_t))
    never = np.full(n_t, 1.01, np.float32)
    old_bias = np.array([0.0, 9.0, 0.0], np.float32)  # the old head would call everything reporting
    model = FramingModel.__new__(FramingModel)
    model.heads = {
        "tech": Head(labels, (np.zeros((2 * dim, n_t), np.float32), np.zeros(n_t, np.float32)), "sigmoid", never),
        "tok": Head(labels, (np.zeros((dim, n_t), np.float32), np.zeros(n_t, np.float32)), "sigmoid", never),
        "genre": Head(GENRES, (np.zeros((dim + 9 + 27 + 22 + n_t, 3), np.float32), old_bias), "softmax",
                      np.zeros(3, np.float32)),
        "frames": Head(FRAMES, (np.zeros((dim + 2 * n_t, len(FRAMES)), np.float32),
                                np.zeros(len(FRAMES), np.float32)), "sigmoid", np.full(len(FRAMES), 0.5, np.float32)),
    }
    model.lexicon = Lexicon({}, ())
    model.triggers = {}
    model.unsure = {"genre": 0.6, "frames": 0.5}
    model.frames = FramesDecision(model.heads, None)
    enc = Encoded(embedding=np.ones(dim, np.float32), tokens=np.ones((3, dim), np.float32),
                  offsets=np.array([[i, i + 1] for i in range(3)]))
    pars = [Paragraph(i * 100, t) for i, t in enumerate(OPINION)]
    assert model.predict(pars, [enc] * len(pars)).genre.label == "reporting"
    model.genre_style = _toy_model(floor=0.5)
    g = model.predict(pars, [enc] * len(pars)).genre
    assert g.label == "opinion" and g.unsure == (g.score < 0.6)
