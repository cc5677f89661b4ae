"""One article's paragraphs -> genre, frames and techniques with evidence spans.

Input is the list of paragraphs (global start offset + the text as parsed, with
boilerplate blanked) and their encoder outputs; every span returned is a global
offset pair inside one paragraph. Decisions:
- techniques: the paragraph head says which techniques a paragraph uses (per-label
  thresholds); the token head places each one on the words that carry it; a token
  trigger (triggers.json) adds a technique the paragraph head missed where one word
  scores high enough on its own; kept lexical detectors add their own short spans;
- frames: framing/frames.py (an embedding head and a word head, calibrated, averaged,
  the set of frames with the highest expected F1; short texts judged by copies calibrated on
  training articles cut short; evidence is the paragraphs that, scored alone, look
  most like the frame, and the word head's strongest words for it where they occur);
- genre: argmax of the style model (framing/genre_style.py, genre.npz: closed-class word
  rates and structural cues, no embedding; its prior-shift rule and temperature are
  folded into its weights, so the softmax is the calibrated probability for the news mix
  it is decided for; satire only above its floor); a model folder without genre.npz
  uses the older head in heads.npz (reader cues and mean technique scores).
A label whose probability is below its `unsure` line (decision.json) is marked unsure. A
technique the paragraph head reports carries its Platt-scaled score
(techniques_calibration.json), the probability that the label is right.

Heads are per language (models/framing/<lang>/); a language without its own heads
uses the English ones (the Russian articles were trained in English translation).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

import json

import numpy as np

from ..encoder import Encoded
from ..model import Frame, Label, Span, Technique
from .features import genre_features, paragraph_features
from .genre_style import GenreStyleModel
from .frames import EVIDENCE, MIN_FRAMES, SHORT_TEXT, FramesDecision  # noqa: F401 — part of this module's API
from .heads import Head, load_heads
from .lexical import Lexicon, detect
from .records import Paragraph, Result  # noqa: F401 — Paragraph is part of this module's API

MODELS = Path(__file__).resolve().parents[1] / "models" / "framing"
MODEL_DIR = MODELS / "en"
# below these calibrated probabilities a label is shown as unsure (decision.json overrides)
UNSURE = {"genre": 0.6, "frames": 0.5}
MAX_RUNS = 3  # spans of one technique per paragraph


class FramingModel:
    tech_platt: tuple[float, float] = (1.0, 0.0)  # identity unless techniques_calibration.json says otherwise
    genre_style: GenreStyleModel | None = None  # genre.npz when the folder has one, else heads.npz's genre head

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        self.heads: dict[str, Head] = load_heads(model_dir / "heads.npz")
        self.lexicon = Lexicon.load(model_dir / "lexicon.json")
        self.frames = FramesDecision.load(model_dir, self.heads)
        style = model_dir / "genre.npz"
        self.genre_style = GenreStyleModel.load(style) if style.exists() else None
        dec = model_dir / "decision.json"
        self.unsure = {**UNSURE, **(json.loads(dec.read_text(encoding="utf-8")).get("unsure", {})
                                    if dec.exists() else {})}
        cal = model_dir / "techniques_calibration.json"
        # Platt scaling of the paragraph head's reported score (train/technique_calibration.py)
        self.tech_platt = tuple(json.loads(cal.read_text(encoding="utf-8"))["platt"]) \
            if cal.exists() else (1.0, 0.0)
        trig = model_dir / "triggers.json"
        labels = self.heads["tech"].labels
        # label index -> token score that fires the label without the paragraph head
        self.triggers: dict[int, float] = {}
        if trig.exists():
            self.triggers = {labels.index(k): float(v)
                             for k, v in json.loads(trig.read_text(encoding="utf-8")).items() if k in labels}

    def predict(self, paragraphs: Sequence[Paragraph], encoded: Sequence[Encoded]) -> Result:
        pairs = [(p, e) for p, e in zip(paragraphs, encoded) if p.text.strip() and len(e.tokens)]
        if not any(ch.isalpha() for p, _ in pairs for ch in p.text):
            return Result(None, [], [])  # punctuation alone would get the heads' bias as a sure label
        means = np.stack([e.embedding for _, e in pairs])
        maxes = np.stack([e.tokens.max(axis=0) for _, e in pairs])
        tech = self.heads["tech"]
        ptech = tech.scores(paragraph_features(means, maxes))
        techniques: list[Technique] = []
        for (p, e), scores in zip(pairs, ptech):
            techniques.extend(self._place(p, e, scores))
            for h in detect(p.text, self.lexicon):
                techniques.append(Technique(h.label, p.start + h.start, p.start + h.end, round(h.score, 3)))
        techniques = _dedupe(techniques)

        texts = [p.text for p, _ in pairs]
        if self.genre_style is not None:
            g, genre_labels = self.genre_style.predict(texts), self.genre_style.labels
        else:
            g = self.heads["genre"].scores(genre_features(means, texts, ptech)[None])[0]
            genre_labels = self.heads["genre"].labels
        genre = Label(genre_labels[int(np.argmax(g))], round(float(g.max()), 3),
                      unsure=bool(g.max() < self.unsure["genre"]))
        frames = []
        for label, score, top, cues in self.frames.decide(means, ptech, texts):
            ev = tuple(sorted({Span(pairs[i][0].start, pairs[i][0].start + len(pairs[i][0].text.rstrip()))
                               for i in top} | {Span(pairs[i][0].start + s, pairs[i][0].start + e)
                                                for i, s, e in cues}))
            frames.append(Frame(label, round(score, 3), ev, unsure=bool(score < self.unsure["frames"])))
        return Result(genre, frames, techniques)

    def _place(self, p: Paragraph, e: Encoded, scores: np.ndarray) -> list[Technique]:
        """Spans for the techniques the paragraph head predicts, on the token head's best words,
        and for techniques a token trigger fires on its own."""
        tech = self.heads["tech"]
        labels = [j for j in range(len(scores)) if scores[j] >= tech.thresholds[j]]
        if not labels and not self.triggers:
            return []
        tok = self.heads["tok"].scores(e.tokens)
        out = []
        a, b = self.tech_platt
        for j in labels:
            col = tok[:, j]
            logit = np.log(max(float(scores[j]), 1e-7) / max(1 - float(scores[j]), 1e-7))
            score = round(1 / (1 + float(np.exp(-(a * logit + b)))), 3)
            floor = float(self.heads["tok"].thresholds[j])
            runs = _runs(col, max(floor, 0.5 * float(col.max())))
            if not runs:  # the token head knows nothing here: cite the paragraph
                out.append(Technique(tech.labels[j], p.start, p.start + len(p.text.rstrip()), score))
                continue
            out.extend(self._spans(p, e, col, runs, tech.labels[j], score))
        for j, tau in self.triggers.items():
            col = tok[:, j]
            if j in labels or float(col.max()) < tau:
                continue
            out.extend(self._spans(p, e, col, _runs(col, tau), tech.labels[j], round(float(col.max()), 3)))
        return out

    @staticmethod
    def _spans(p: Paragraph, e: Encoded, col: np.ndarray, runs: list[tuple[int, int]], label: str,
               score: float) -> list[Technique]:
        runs = sorted(runs, key=lambda r: -float(col[r[0]:r[1]].max()))
        out = []
        for a, b in runs[:MAX_RUNS]:
            s, t = _word_bounds(p.text, int(e.offsets[a, 0]), int(e.offsets[b - 1, 1]))
            out.append(Technique(label, p.start + s, p.start + t, score))
        return out


def _runs(col: np.ndarray, floor: float) -> list[tuple[int, int]]:
    """Maximal runs of consecutive tokens scoring at least `floor` (end exclusive)."""
    runs, start = [], None
    for i, v in enumerate(col):
        if v >= floor and start is None:
            start = i
        elif v < floor and start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(col)))
    return runs


def _word_bounds(text: str, s: int, e: int) -> tuple[int, int]:
    """Widen a word-piece span to whole words."""
    while s > 0 and text[s - 1].isalnum():
        s -= 1
    while e < len(text) and text[e].isalnum():
        e += 1
    return s, e


def _dedupe(items: list[Technique]) -> list[Technique]:
    """One span per (label, overlapping region): keep the shorter, then higher-scoring, one."""
    items = sorted(items, key=lambda t: (t.label, t.end - t.start, -t.score, t.start))
    kept: list[Technique] = []
    for t in items:
        if not any(k.label == t.label and k.start < t.end and t.start < k.end for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: (t.start, t.end, t.label))


def model_dir(lang: str | None) -> Path:
    """The heads for `lang` when it has its own, else the English ones."""
    own = MODELS / (lang or "en")
    return own if (own / "heads.npz").exists() else MODEL_DIR


def default_model(lang: str | None = "en") -> FramingModel:
    """One shared model per heads folder (languages without their own share the English one)."""
    return _model_at(model_dir(lang))


@lru_cache(maxsize=4)
def _model_at(path: Path) -> FramingModel:
    return FramingModel(path)
