"""Framing: lexical detectors, span helpers, heads I/O and the stage on invented texts."""
from __future__ import annotations

import numpy as np
import pytest

from presslens.framing.heads import Head, load_heads, save_heads
from presslens.framing.lexical import (
    Lexicon, flag_waving, guilt_by_association, lexicon_hits, rhetorical_questions,
)
from presslens.framing.predict import _dedupe, _runs, _word_bounds
from presslens.model import Analysis, Boilerplate, Document, Technique
from presslens.nlp import parse
from presslens.stages.framing import framing_stage
from presslens.train.semeval import FRAMES, GENRES, TECHNIQUES


def test_comparison_with_nazism_is_guilt_by_association():
    text = "The minister compared the new language law with the methods of the Nazis, critics said."
    hits = guilt_by_association(text)
    assert len(hits) == 1
    assert text[hits[0].start:hits[0].end] == "compared the new language law with the methods of the Nazis"
    assert guilt_by_association("The museum opened an exhibition about the war.") == []


def test_rhetorical_question_outside_quotes_only():
    text = 'Is this really what voters were promised? "Why would we stop now?" he asked.'
    hits = rhetorical_questions(text)
    assert [text[h.start:h.end] for h in hits] == ["Is this really what voters were promised?"]
    assert all(h.label == "Doubt" for h in hits)


def test_flag_waving_patterns():
    text = "We must defend our great nation and its national sovereignty."
    found = [text[h.start:h.end] for h in flag_waving(text)]
    assert found == ["our great nation", "national sovereignty"]


def test_lexicon_prefers_word_pairs_and_matches_whole_words():
    lex = Lexicon({"Name_Calling-Labeling": {"witch hunt": 0.9, "crooks": 0.8}})
    text = "This witch hunt by crooks, not crookses, continues."
    hits = lexicon_hits(text, lex)
    assert [text[h.start:h.end] for h in hits] == ["witch hunt", "crooks"]


def test_runs_and_word_bounds():
    assert _runs(np.array([0.1, 0.6, 0.7, 0.2, 0.9]), 0.5) == [(1, 3), (4, 5)]
    assert _runs(np.array([]), 0.5) == []
    text = "an unbelievable scandal"
    assert _word_bounds(text, 5, 9) == (3, 15)


def test_dedupe_keeps_shorter_span_per_label():
    items = [Technique("Loaded_Language", 0, 40, 0.6), Technique("Loaded_Language", 5, 10, 0.5),
             Technique("Doubt", 0, 40, 0.4)]
    out = _dedupe(items)
    assert Technique("Loaded_Language", 5, 10, 0.5) in out
    assert Technique("Doubt", 0, 40, 0.4) in out
    assert len(out) == 2


def test_heads_round_trip(tmp_path):
    h = Head(("a", "b"), (np.eye(3, 2, dtype=np.float32), np.zeros(2, np.float32)), "sigmoid",
             np.array([0.5, 0.4], np.float32), np.zeros(3, np.float32), np.ones(3, np.float32))
    save_heads(tmp_path / "h.npz", {"x": h})
    back = load_heads(tmp_path / "h.npz")["x"]
    assert back.labels == ("a", "b") and back.kind == "sigmoid"
    x = np.array([[2.0, -1.0, 0.0]], np.float32)
    assert np.allclose(back.scores(x), h.scores(x))


def _analysis(text: str, boilerplate: list[Boilerplate] = ()) -> Analysis:
    doc = Document(id=Document.make_id(text.encode()), source="t.txt", text=text)
    a = Analysis(doc)
    a.annotations["boilerplate"] = list(boilerplate)
    a.scratch["parsed"] = parse(text, [(b.start, b.end) for b in boilerplate])
    return a


ARTICLE = (
    "Opposition leaders in the capital lashed out at the government on Friday.\n\n"
    "These corrupt thieves have robbed our great nation for decades, one of them wrote, "
    "and he compared the ruling party with the Nazis.\n\n"
    "Is this really the best the cabinet can do? Nobody believes their absurd promises any more.\n\n"
    "Read more: Ten photos you must see\n"
)


def test_stage_labels_and_spans_are_valid():
    bp_start = ARTICLE.index("Read more")
    a = _analysis(ARTICLE, [Boilerplate(bp_start, len(ARTICLE), "related-links")])
    out = framing_stage(a)
    assert set(out) == {"genre", "frames", "techniques"}
    assert out["genre"].label in GENRES and 0.0 <= out["genre"].score <= 1.0
    for f in out["frames"]:
        assert f.label in FRAMES and f.evidence
        assert all(0 <= s.start < s.end <= bp_start for s in f.evidence)
    assert out["techniques"], "an article this loaded must yield techniques"
    for t in out["techniques"]:
        assert t.label in TECHNIQUES
        assert 0 <= t.start < t.end <= bp_start  # never inside the boilerplate
        assert ARTICLE[t.start:t.end].strip() == ARTICLE[t.start:t.end]
    labels = {(t.label, ARTICLE[t.start:t.end]) for t in out["techniques"]}
    assert ("Guilt_by_Association", "compared the ruling party with the Nazis") in labels


@pytest.mark.parametrize("text", ["", "   \n\n  ", "?", "“unbalanced quote", "word " * 3000])
def test_stage_never_crashes(text):
    out = framing_stage(_analysis(text))
    assert set(out) == {"genre", "frames", "techniques"}
    if not text.strip():
        assert out == {"genre": None, "frames": [], "techniques": []}


def test_genre_cues_separate_reporting_from_opinion():
    from presslens.framing.features import N_CUES, N_READER, N_STYLE, N_TECH, cues, genre_features

    report = ["MOSCOW, June 20 – The ministry said on Tuesday that exports rose 12%, according to Interfax.",
              "\u201cWe expect growth,\u201d the minister told reporters."]
    opinion = ["I think we should not accept this. Why would anyone believe it?",
               "Frankly, you must see that it is simply wrong!"]
    r, o = cues(report), cues(opinion)
    assert len(r) == N_CUES
    said, dateline, digits, modal, first = 3, 5, 12, 7, 0
    assert r[said] > o[said] and r[dateline] > 0 == o[dateline] and r[digits] > o[digits]
    assert o[modal] > r[modal] and o[first] > r[first]
    assert cues([]).shape == (N_CUES,)
    x = genre_features(np.ones((2, 384), np.float32), report)
    assert x.shape == (384 + N_STYLE + N_CUES + N_READER + N_TECH,)
    assert not x[-N_TECH:].any()  # no technique scores given
    tech = np.array([[0.2] * N_TECH, [0.6] * N_TECH], np.float32)
    assert np.allclose(genre_features(np.ones((2, 384), np.float32), report, tech)[-N_TECH:], 0.4)


def test_token_trigger_fires_label_missed_by_paragraph_head():
    from presslens.encoder import Encoded
    from presslens.framing.predict import FramingModel, Paragraph

    model = FramingModel.__new__(FramingModel)
    labels = ("Loaded_Language", "Doubt")
    never = np.array([1.01, 1.01], np.float32)
    # the token head scores the first word piece high for Loaded_Language only
    tok_w = np.zeros((2, 2), np.float32)
    tok_w[0, 0] = 10.0
    model.heads = {"tech": Head(labels, (np.zeros((2, 2), np.float32), np.zeros(2, np.float32)), "sigmoid", never),
                   "tok": Head(labels, (tok_w, np.array([-5.0, -5.0], np.float32)), "sigmoid",
                               np.full(2, 0.3, np.float32))}
    text = "Hysteria over plain facts."
    enc = Encoded(embedding=np.zeros(2, np.float32),
                  tokens=np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]], np.float32),
                  offsets=np.array([[0, 8], [9, 13], [14, 19]]))
    p = Paragraph(100, text)
    model.triggers = {}
    assert model._place(p, enc, np.zeros(2)) == []
    model.triggers = {0: 0.5}
    out = model._place(p, enc, np.zeros(2))
    assert [(t.label, t.start, t.end) for t in out] == [("Loaded_Language", 100, 108)]
    model.triggers = {0: 0.999}  # token score below the trigger: nothing
    assert model._place(p, enc, np.zeros(2)) == []


def test_reader_cues_count_the_authors_voice_not_the_quoted_one():
    from presslens.framing.features import N_READER, reader_cues

    quoted = ["The governor spoke on Monday.", "\u201cI think we must act,\u201d the governor said, according to officials."]
    argued = ["I think we must act.", "Why does nobody see how absurd this is? It is truly shameful!"]
    q, a = reader_cues(quoted), reader_cues(argued)
    assert q.shape == (N_READER,) and reader_cues([]).shape == (N_READER,)
    first, evaluative, question, attribution, quote_share = 1, 4, 7, 9, 11
    assert q[first] == 0 < a[first]  # the quoted "I" is the speaker's
    assert a[evaluative] > q[evaluative] == 0 and a[question] > 0 == q[question]
    assert q[attribution] > a[attribution] and q[quote_share] > 0 == a[quote_share]


def test_calibration_fits_and_measures():
    from presslens.framing.calibration import ece, fit_platt, fit_temperature, reliability

    rng = np.random.default_rng(0)
    z = rng.normal(size=4000)
    y = (rng.random(4000) < 1 / (1 + np.exp(-(2.0 * z - 0.5)))).astype(float)
    a, b = fit_platt(z, y)
    assert abs(a - 2.0) < 0.3 and abs(b + 0.5) < 0.2
    logits = np.stack([np.zeros(4000), 3 * z], axis=1)  # overconfident by a factor 1.5
    labels = (rng.random(4000) < 1 / (1 + np.exp(-2.0 * z))).astype(int)
    assert 1.2 < fit_temperature(logits, labels) < 1.9
    assert ece(np.full(10, 0.9), np.ones(10, bool)) == pytest.approx(0.1)
    assert [r[2] for r in reliability(np.array([0.05, 0.95, 1.0]), np.array([0, 1, 1]))] == [1, 2]


def test_unsure_labels_are_marked_and_read_back():
    from presslens.model import Frame, Label

    a = _analysis(ARTICLE)
    out = framing_stage(a)
    g = out["genre"]
    assert g.unsure == (g.score < 0.6)
    for f in out["frames"]:
        assert f.unsure == (f.score < 0.5)
    a.annotations.update(out)
    back = Analysis.from_dict(a.to_dict())
    assert back.get("genre") == g and back.get("frames") == out["frames"]
    assert Label("reporting", 0.55, True).unsure and not Frame("Political", 0.9).unsure


def test_heads_are_chosen_by_language(tmp_path, monkeypatch):
    from presslens.framing import predict

    monkeypatch.setattr(predict, "MODELS", tmp_path)
    (tmp_path / "xx").mkdir()
    assert predict.model_dir("xx") == predict.MODEL_DIR  # no heads of its own: English
    (tmp_path / "xx" / "heads.npz").write_bytes(b"")
    assert predict.model_dir("xx") == tmp_path / "xx"
    assert predict.model_dir(None) == predict.MODEL_DIR


def test_languages_without_heads_share_the_english_model():
    from presslens.framing.predict import default_model

    assert default_model() is default_model("en") is default_model("ru")  # ablations patch the one in use
