"""The frames head (and the article inputs both article heads read): fit, calibrate, threshold.

Genre lives in train/genre_head.py.

Frames. Logistic regression per frame (balanced) on the mean paragraph embedding and
technique scores; Platt scaling per frame on out-of-fold logits (folded into the
weights); thresholds on the calibrated probabilities chosen for micro-F1 on the
out-of-fold predictions of short articles (at most SHORT paragraphs). A second copy of
the head (`frames_short`) is calibrated and thresholded on the out-of-fold predictions
of every training article cut to its first SHORT_CHARS characters, so a short report
(the translated Russian news presslens was built for) is judged by thresholds chosen
on texts as short as it, for recall where the long-text head is least sure;
framing.predict uses it for texts up to SHORT_TEXT characters.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..framing.calibration import ece, fit_platt
from ..framing.features import frame_features, genre_features
from ..framing.heads import Head
from ..framing.frames import WORDS_WEIGHT, mix
from ..framing.predict import SHORT_TEXT  # noqa: F401 — where the short head takes over
from ..framing.words import Vocabulary
from .semeval import FRAMES, GENRES, Article, domain

SEED = 13
FRAMES_C = 0.01
SHORT = 8  # paragraphs: the articles the long-text thresholds are chosen on (the median translated Russian article)
# Short reports (the translated Russian news presslens was built for) get their own calibration and
# thresholds: a head fitted on long opinion pieces is least sure on them. They are fitted on every
# training article cut to its first SHORT_CHARS characters, and used for texts up to SHORT_TEXT.
SHORT_CHARS = 1500


@dataclass(frozen=True)
class ArticleInputs:
    genre_x: np.ndarray
    genre_y: np.ndarray
    frames_x: np.ndarray
    frames_y: np.ndarray
    n_pars: np.ndarray
    domain: np.ndarray
    frames_x_cut: np.ndarray  # frames input of the article's first SHORT_CHARS characters
    n_chars: np.ndarray
    texts: tuple[str, ...] = ()  # the article's paragraphs joined (the frames word head's input)
    cut_texts: tuple[str, ...] = ()  # the same, first SHORT_CHARS characters


def _first_chars(a: Article, nums: np.ndarray, limit: int = SHORT_CHARS) -> np.ndarray:
    """Which of the article's paragraphs start within its first `limit` characters of text
    (at least one)."""
    keep, total = [], 0
    for k in nums:
        s, e = a.paragraphs[int(k)]
        keep.append(total < limit or not keep)
        total += e - s
    return np.array(keep)


def article_inputs(arts: list[Article], cache, tech_scores: np.ndarray) -> ArticleInputs:
    """Article-level features from the paragraph cache (train/embed.py) and the technique head's scores."""
    art, par, mean = cache["art"], cache["par"], cache["mean"]
    xf, xc, xg, yf, yg, n, nc, tx, tc = [], [], [], [], [], [], [], [], []
    for ai, a in enumerate(arts):
        sel = art == ai
        texts = [a.text[slice(*a.paragraphs[int(k)])] for k in par[sel]]
        xf.append(frame_features(mean[sel], tech_scores[sel]))
        cut = _first_chars(a, par[sel])
        xc.append(frame_features(mean[sel][cut], tech_scores[sel][cut]))
        xg.append(genre_features(mean[sel], texts, tech_scores[sel]))
        yf.append([1.0 if f in a.frames else 0.0 for f in FRAMES])
        yg.append(GENRES.index(a.genre))
        n.append(int(sel.sum()))
        nc.append(sum(len(t) for t in texts))
        tx.append("\n".join(texts))
        tc.append("\n".join(t for t, k in zip(texts, cut) if k))
    return ArticleInputs(np.array(xg, np.float32), np.array(yg), np.array(xf, np.float32), np.array(yf, np.float32),
                         np.array(n), np.array([domain(a) for a in arts]), np.array(xc, np.float32), np.array(nc),
                         tuple(tx), tuple(tc))



def shipped_inputs(arts: list[Article], cache) -> ArticleInputs:
    """`article_inputs` with the paragraph technique scores of the shipped technique head (heads.npz),
    as the eval scripts that refit only the article heads need them."""
    from ..framing.features import paragraph_features
    from ..framing.heads import load_heads
    from ..framing.predict import MODEL_DIR

    tech = load_heads(MODEL_DIR / "heads.npz")["tech"]
    return article_inputs(arts, cache, tech.scores(paragraph_features(cache["mean"], cache["max"])))

def _frame_folds(groups: np.ndarray, k: int = 5) -> list[np.ndarray]:
    uniq = np.unique(groups)
    np.random.default_rng(SEED).shuffle(uniq)
    return [np.isin(groups, part) for part in np.array_split(uniq, k)]


def _fit_frames_lr(x: np.ndarray, y: np.ndarray, c: float = FRAMES_C) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    ws, bs = [], []
    for j in range(y.shape[1]):
        if y[:, j].min() == y[:, j].max():
            ws.append(np.zeros(x.shape[1]))
            bs.append(8.0 if y[0, j] else -8.0)
            continue
        m = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(x, y[:, j])
        ws.append(m.coef_[0])
        bs.append(m.intercept_[0])
    return np.stack(ws, axis=1), np.array(bs)


def micro_f1(pred: np.ndarray, y: np.ndarray) -> float:
    tp = float((pred & (y > 0)).sum())
    return 2 * tp / (pred.sum() + (y > 0).sum()) if tp else 0.0


def joint_thresholds(p: np.ndarray, y: np.ndarray, passes: int = 3) -> np.ndarray:
    """Per-frame thresholds on calibrated probabilities, by coordinate ascent on micro-F1."""
    grid = np.arange(0.05, 0.951, 0.025)
    t = np.full(p.shape[1], 0.5)
    for _ in range(passes):
        for j in range(p.shape[1]):
            scores = []
            for g in grid:
                tt = t.copy()
                tt[j] = g
                scores.append(micro_f1(p >= tt, y))
            t[j] = grid[int(np.argmax(scores))]
    return t


def fit_frames(x: np.ndarray, y: np.ndarray, fit: np.ndarray, n_pars: np.ndarray,
               x_cut: np.ndarray | None = None) -> tuple[Head, Head | None, np.ndarray]:
    """(calibrated frames head with thresholds, the same head calibrated and thresholded for
    short texts (when `x_cut`, the articles cut to SHORT_CHARS, is given), the long head's
    out-of-fold probabilities on the fitting articles)."""
    mu, sd = x[fit].mean(0), x[fit].std(0) + 1e-6
    xs = (x[fit] - mu) / sd
    xc = (x_cut[fit] - mu) / sd if x_cut is not None else None
    yf = y[fit]
    z = np.zeros(yf.shape)
    zc = np.zeros(yf.shape)
    for te in _frame_folds(np.arange(len(yf))):
        w, b = _fit_frames_lr(xs[~te], yf[~te])
        z[te] = xs[te] @ w + b
        if xc is not None:
            zc[te] = xc[te] @ w + b
    a, c = _platt_all(z, yf)
    p = 1 / (1 + np.exp(-(z * a + c)))
    short = n_pars[fit] <= SHORT
    t = joint_thresholds(p[short], yf[short])
    print(f"frames: out-of-fold micro-F1 all {micro_f1(p >= t, yf):.3f}, short {micro_f1(p[short] >= t, yf[short]):.3f}"
          f" ({int(short.sum())} articles); ECE {ece(p.ravel(), yf.ravel() > 0):.3f}")
    w, b = _fit_frames_lr(xs, yf)
    head = Head(FRAMES, (w * a, b * a + c), "sigmoid", t.astype(np.float32), mu, sd)
    if xc is None:
        return head, None, p
    a2, c2 = _platt_all(zc, yf)
    pc = 1 / (1 + np.exp(-(zc * a2 + c2)))
    t2 = joint_thresholds(pc, yf)
    print(f"frames, cut to {SHORT_CHARS} characters: out-of-fold micro-F1 {micro_f1(pc >= t2, yf):.3f} "
          f"(long-text thresholds {micro_f1(pc >= t, yf):.3f}); {float((pc >= t2).sum(1).mean()):.2f} frames "
          f"per article; ECE {ece(pc.ravel(), yf.ravel() > 0):.3f}")
    return head, Head(FRAMES, (w * a2, b * a2 + c2), "sigmoid", t2.astype(np.float32), mu, sd), p


def _platt_all(z: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ab = [fit_platt(z[:, j], y[:, j]) for j in range(y.shape[1])]
    return np.array([v[0] for v in ab]), np.array([v[1] for v in ab])


# The shipped frames decision (framing/frames.py): the embedding head above and a word head on
# TF-IDF (framing/words.py), each Platt-calibrated out of fold for whole texts and for texts cut to
# SHORT_CHARS; their probabilities averaged (WORDS_WEIGHT); per-frame thresholds chosen on the
# averaged out-of-fold probabilities of all fitting articles. Held out by ID batch and language
# (eval/frames_shift.py), the average beat either head alone on whole and on cut texts.
WORDS_C = 1.0  # TF-IDF rows are sparse and L2-normalised: far less regularisation than the embedding's


@dataclass(frozen=True)
class FrameFit:
    heads: dict[str, Head]  # frames, frames_short, frames_words, frames_words_short
    vocabulary: Vocabulary
    # out-of-fold calibrated probabilities of the fitting articles, per head, whole texts and cut ones
    oof: dict[str, tuple[np.ndarray, np.ndarray]]
    y: np.ndarray  # the fitting articles' frames

    def with_thresholds(self, words_weight: float = WORDS_WEIGHT, pool: np.ndarray | None = None) -> "FrameFit":
        """The heads with per-frame thresholds chosen on the averaged out-of-fold probabilities
        (jointly for micro-F1; whole texts for the long heads, cut ones for the short) of the
        fitting articles in `pool` (all of them when None)."""
        p = mix(self.oof["frames"][0], self.oof["frames_words"][0], words_weight)
        pc = mix(self.oof["frames"][1], self.oof["frames_words"][1], words_weight)
        sel = np.ones(len(self.y), bool) if pool is None else pool
        t = joint_thresholds(p[sel], self.y[sel]).astype(np.float32)
        t2 = joint_thresholds(pc[sel], self.y[sel]).astype(np.float32)
        print(f"frames (word weight {words_weight}): out-of-fold micro-F1 {micro_f1(p >= t, self.y):.3f}, ECE "
              f"{ece(p.ravel(), self.y.ravel() > 0):.3f}; cut to {SHORT_CHARS} characters "
              f"{micro_f1(pc >= t2, self.y):.3f}, {float((pc >= t2).sum(1).mean()):.2f} frames per article")
        heads = {k: replace(h, thresholds=t2 if k.endswith("_short") else t) for k, h in self.heads.items()}
        return replace(self, heads=heads)


def fit_frame_heads(inp: ArticleInputs, fit: np.ndarray, words_weight: float = WORDS_WEIGHT) -> FrameFit:
    """Embedding and word heads, each calibrated for whole and for cut texts, thresholds for the average."""
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    idx = np.where(fit)[0]
    yf = inp.frames_y[fit]
    vocab = Vocabulary.build([inp.texts[i] for i in idx], frozenset(ENGLISH_STOP_WORDS))
    x, xc = inp.frames_x, inp.frames_x_cut
    mu, sd = x[fit].mean(0), x[fit].std(0) + 1e-6
    inputs = {"frames": ((x[fit] - mu) / sd, (xc[fit] - mu) / sd, FRAMES_C, mu, sd),
              # sparse: the same fit, several times faster on TF-IDF rows
              "frames_words": (csr_matrix(vocab.vectors([inp.texts[i] for i in idx])),
                               csr_matrix(vocab.vectors([inp.cut_texts[i] for i in idx])), WORDS_C, None, None)}
    heads, oof = {}, {}
    unset = np.full(len(FRAMES), 0.5, np.float32)
    for name, (xw, xwc, c, mu_, sd_) in inputs.items():
        z, zc = np.zeros(yf.shape), np.zeros(yf.shape)
        for te in _frame_folds(np.arange(len(yf))):
            w, b = _fit_frames_lr(xw[~te], yf[~te], c)
            z[te], zc[te] = xw[te] @ w + b, xwc[te] @ w + b
        (a, c1), (a2, c2) = _platt_all(z, yf), _platt_all(zc, yf)
        oof[name] = (_sigmoid(z * a + c1), _sigmoid(zc * a2 + c2))
        w, b = _fit_frames_lr(xw, yf, c)
        heads[name] = Head(FRAMES, (w * a, b * a + c1), "sigmoid", unset, mu_, sd_)
        heads[f"{name}_short"] = Head(FRAMES, (w * a2, b * a2 + c2), "sigmoid", unset, mu_, sd_)
    return FrameFit(heads, vocab, oof, yf).with_thresholds(words_weight)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(z, -40, 40)))
