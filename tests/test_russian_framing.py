"""Russian genre / frames / techniques (presslens.ru.framing), on invented fixtures."""
from __future__ import annotations

import numpy as np
import pytest

from presslens.ingest.text import document_from_text
from presslens.pipeline import Pipeline, get_stage
from presslens.ru.framing import Line, RussianFraming, lines_of, terms

RU = """Депутаты снова обманули избирателей

Очередной закон о бюджете приняли позорно и тайно, без всякого обсуждения! Разве так поступают честные люди?

Министр сообщил журналистам, что бюджет вырастет на пять процентов с января.
"""


def test_stems_fold_case_endings():
    assert set(terms("Искаков")) == set(terms("Искакову")) == {"w:искако"}
    assert "b:депута_снова" in terms("Депутаты снова")
    assert terms("Правда?!").count("p:quest") == 1


def test_lines_keep_offsets():
    text = "один\n\n  \nдва три\n"
    assert [(ln.start, ln.text) for ln in lines_of(text)] == [(0, "один"), (9, "два три")]


def _tiny_model(tmp_path) -> RussianFraming:
    vocab = np.array(["w:бюджет", "w:позорн", "p:excl"])
    z = {"vocab": vocab, "idf": np.ones(3, dtype=np.float32)}
    heads = {"genre": (np.array([[0, 2], [0, 4], [0, 1]]), np.array([0.5, 0]), ["opinion", "reporting"], 0.0),
             "frames": (np.array([[6.0], [0], [0]]), np.array([-3.0]), ["Economic"], 0.5),
             "tech": (np.array([[0.0], [8.0], [2.0]]), np.array([-2.0]), ["Loaded_Language"], 0.5)}
    for name, (W, b, labels, thr) in heads.items():
        z.update({f"{name}_W": np.asarray(W, dtype=np.float32), f"{name}_b": np.asarray(b, dtype=np.float32),
                  f"{name}_labels": np.array(labels), f"{name}_threshold": np.array(thr, dtype=np.float32)})
    np.savez(tmp_path / "heads.npz", **z)
    return RussianFraming(tmp_path / "heads.npz")


def test_heads_decide_from_the_words(tmp_path):
    model = _tiny_model(tmp_path)
    result = model.predict(lines_of(RU))
    assert result.genre.label == "reporting" and 0.5 < result.genre.score <= 1.0
    assert [f.label for f in result.frames] == ["Economic"]
    ev = result.frames[0].evidence
    assert all(RU[s.start:s.end].strip() and "\n" not in RU[s.start:s.end] for s in ev)
    # only the loaded line carries the technique, on the whole line
    assert [(RU[t.start:t.end][:9], t.label) for t in result.techniques] == [("Очередной", "Loaded_Language")]
    assert model.predict([Line(0, "   ")]).genre is None


@pytest.fixture(scope="module")
def ru_out() -> dict:
    pipe = Pipeline([get_stage(n) for n in ("repair", "parse", "entities", "quotes", "events", "framing")])
    return pipe.run(document_from_text(RU, source="ru.txt")).to_dict()


def test_shipped_heads_fill_the_contract(ru_out):
    assert "framing_ru@" in ru_out["meta"]["pipeline"]
    g = ru_out["genre"]
    assert g["label"] in {"reporting", "opinion", "satire"} and 0 < g["score"] <= 1
    for f in ru_out["frames"]:
        assert 0 <= f["score"] <= 1 and f["evidence"]
    text = ru_out["text"]
    line_starts = {0} | {i + 1 for i, c in enumerate(text) if c == "\n"}
    for t in ru_out["techniques"]:
        assert t["start"] in line_starts and "\n" not in text[t["start"]:t["end"]]


def test_a_text_without_words_gets_no_genre_or_frames():
    # a dash or a row of punctuation carries nothing to read: no genre (not the heads' bias as a
    # sure label), no frames, no techniques
    from presslens.ru.framing import default_model

    res = default_model().predict([Line(0, "—"), Line(2, "… «» …")])
    assert res.genre is None and res.frames == [] and res.techniques == []
