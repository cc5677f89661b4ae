"""Genre from how an article is written, not what it is about.

A report and an opinion piece on the same story share their topic words; they differ in
who speaks and how. Reports attribute (sentences carrying "said", named speakers,
quotation), tell in the past tense, date and count; opinion argues in the present, in
the first and second person, with modals, negation and stance words. These are closed-
class words, stable across topics and sites, the classic genre signal (Biber's register
dimensions; Stamatatos et al. 2000 used the most frequent words for genre). So the
genre model reads:
- the rate of each word of a fixed closed-class and stance list
  (models/framing/en/genre_style_words.json) per 100 words in the author's own voice
  (outside quotation marks, so a quoted "I think" stays the speaker's);
- a few structural cues (STRUCTURE below).
No embedding and no headline: the embedding carried the topic of the training
articles, and a page's title is not always part of its body.

The model itself (models/framing/en/genre.npz) is a linear softmax over log1p of these
features, with its standardisation, the prior-shift offsets and temperature folded in;
presslens.train.genre_style_head fits it.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from .heads import softmax

WORDS_FILE = Path(__file__).resolve().parents[1] / "models" / "framing" / "en" / "genre_style_words.json"

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_QUOTED = re.compile(r"“[^”]{0,800}”|«[^»]{0,800}»|\"[^\"\n]{0,800}\"")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_ATTRIB = re.compile(r"\b(?:said|says|told|tells|stated|announced|reported|added|noted|explained|declared"
                     r"|according to|confirmed|warned|claimed|wrote)\b", re.I)
_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z.]+){0,2}"
_SPEAKER = re.compile(rf"\b{_NAME}(?:,[^,\n]{{1,80}},)? (?:said|says|told|added|noted|explained|wrote)\b"
                      rf"|\b(?:said|says|told|added|noted|explained|wrote) {_NAME}\b")
_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .',-]{1,40}(?:\([A-Za-z ]{1,30}\))?\s*[-–—:]{1,2}\s"
                       r"|^\s*[A-Z][A-Za-z .'-]{2,30},\s*(?:[A-Z][a-z]+\.? \d{1,2}|\d{1,2} [A-Z][a-z]+)")
_CONTRACTION = re.compile(r"\b\w+(?:n't|'re|'ve|'m|'ll|'d)\b", re.I)
_PAST = re.compile(r"\b[a-z]{3,}ed\b")

STRUCTURE = ("attributed_sentences", "named_speakers_per_1000", "quoted_share", "quote_paragraphs",
             "past_ed_rate", "digits_per_100_chars", "capitalised_own", "own_questions", "own_exclamations",
             "words_per_sentence", "dateline", "contractions", "log_words")


@lru_cache(maxsize=2)
def style_words(path: Path = WORDS_FILE) -> tuple[str, ...]:
    groups = json.loads(path.read_text(encoding="utf-8"))["groups"]
    return tuple(w for ws in groups.values() for w in ws)


def feature_names(words: Sequence[str] | None = None) -> tuple[str, ...]:
    return tuple(f"w:{w}" for w in (words or style_words())) + STRUCTURE


def style_features(texts: Sequence[str], words: Sequence[str] | None = None) -> np.ndarray:
    """The genre features of one article (its paragraphs), log1p of the rates (see module doc)."""
    words = tuple(words or style_words())
    joined = "\n".join(t for t in texts if t.strip())
    own = _QUOTED.sub(" ", joined)
    own_tokens = [w.lower() for w in _WORD.findall(own)]
    n_own = max(len(own_tokens), 1)
    n_words = max(len(_WORD.findall(joined)), 1)
    counts: dict[str, int] = {}
    for w in own_tokens:
        counts[w] = counts.get(w, 0) + 1
    rates = [counts.get(w, 0) / n_own * 100 for w in words]
    sents = [s.strip() for s in _SENTENCE.findall(joined) if _WORD.search(s)]
    own_sents = [s.strip() for s in _SENTENCE.findall(own) if _WORD.search(s)]
    n_s, n_os = max(len(sents), 1), max(len(own_sents), 1)
    pars = [t for t in texts if t.strip()]
    n_p = max(len(pars), 1)
    own_words = _WORD.findall(own)
    # capitalised words not opening a sentence: names, places, organisations in the author's voice
    caps = sum(1 for s in own_sents for w in _WORD.findall(s)[1:] if w[:1].isupper())
    structure = [
        sum(bool(_ATTRIB.search(s)) for s in sents) / n_s,
        len(_SPEAKER.findall(joined)) / n_words * 1000,
        sum(len(m.group()) for m in _QUOTED.finditer(joined)) / max(len(joined), 1),
        sum(1 for t in pars if re.search(r"[\"“”«»]", t)) / n_p,
        len(_PAST.findall(own)) / n_own * 100,
        sum(ch.isdigit() for ch in joined) / max(len(joined), 1) * 100,
        caps / max(len(own_words), 1),
        sum(s.endswith("?") for s in own_sents) / n_os,
        sum(s.endswith("!") for s in own_sents) / n_os,
        n_words / n_s,
        float(any(_DATELINE.search(t) for t in pars[:3])),
        len(_CONTRACTION.findall(own)) / n_own * 100,
        math.log(n_words),
    ]
    return np.log1p(np.maximum(np.array(rates + structure, np.float64), 0.0)).astype(np.float32)


def gate_satire(p: np.ndarray, floor: float, sat: int) -> np.ndarray:
    """Satire only where its probability (column `sat`) clears `floor`; elsewhere its mass is
    shared out over the other genres in proportion, so each row still sums to one. Satire
    written straight (a made-up report) has no style of its own to find, and seven training
    examples cannot teach one: below the floor the model declines to call it."""
    out = np.array(p, np.float64, copy=True)
    low = out[:, sat] < floor
    rest = 1.0 - out[low, sat]
    out[low, sat] = 0.0
    out[low] /= np.maximum(rest, 1e-9)[:, None]
    return out


@dataclass(frozen=True)
class GenreStyleModel:
    """Linear softmax over standardised style features; probabilities are calibrated for the
    news mix named in `prior` (offsets and temperature folded into w and b)."""

    labels: tuple[str, ...]
    words: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    w: np.ndarray
    b: np.ndarray
    prior: np.ndarray
    satire_floor: float = 0.0  # satire is called only at or above this probability (0: wherever it wins)

    @classmethod
    def load(cls, path: Path) -> "GenreStyleModel":
        d = np.load(path, allow_pickle=False)
        return cls(tuple(str(x) for x in d["labels"]), tuple(str(x) for x in d["words"]), d["mean"], d["scale"],
                   d["w"], d["b"], d["prior"], float(d["satire_floor"]) if "satire_floor" in d.files else 0.0)

    def save(self, path: Path) -> None:
        np.savez_compressed(path, labels=np.array(self.labels), words=np.array(self.words),
                            mean=self.mean.astype(np.float32), scale=self.scale.astype(np.float32),
                            w=self.w.astype(np.float32), b=self.b.astype(np.float32),
                            prior=self.prior.astype(np.float32), satire_floor=np.float32(self.satire_floor))

    def features(self, texts: Sequence[str]) -> np.ndarray:
        return style_features(texts, self.words)

    def scores(self, x: np.ndarray) -> np.ndarray:
        """Probabilities for feature rows x (n, d)."""
        z = ((np.asarray(x, np.float32) - self.mean) / self.scale) @ self.w + self.b
        p = softmax(z)
        return gate_satire(p, self.satire_floor, self.labels.index("satire")) if "satire" in self.labels else p

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return self.scores(self.features(texts)[None])[0]
