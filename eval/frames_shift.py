"""Frames held out by ID batch and language, whole and cut short: before and after the word head.

    python -m presslens.train.embed      # once: the paragraph cache (needs ../shared/data)
    python eval/frames_shift.py          # needs scikit-learn (dev extra)

Views (every article scored by heads fitted without it; only training-split articles are
ever fitted on, so the validation split stays as honest as in eval/framing.py):
- by batch/language: each English ID batch (semeval.domain: a collection from one time
  and set of sites) and the Russian articles in English machine translation held out in
  turn, pooled; the heads fitted on the training-split articles of the other domains;
- validation split: the usual split, fitted on the training split;
each whole and cut to its first SHORT_CHARS characters (the length of a short report).
Rows: the embedding head as shipped before (thresholds on articles of at most 8
paragraphs, short-text copy, at least MIN_FRAMES frames); the embedding head, the word head
and their average with thresholds on all fitting articles and the same floor; the average
with a floor of MIN_FRAMES_SHORT (shipped) or 4 frames for short texts. Technique scores: eval/techniques_calibration.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from _results import markdown_table, shared_path, write_section  # noqa: E402


def main() -> None:
    root = shared_path("data", "semeval2023-task3")
    from presslens.framing.calibration import ece, reliability_markdown
    from presslens.framing.features import paragraph_features
    from presslens.framing.frames import MIN_FRAMES, MIN_FRAMES_SHORT, SHORT_TEXT, WORDS_WEIGHT, mix
    from presslens.framing.heads import load_heads
    from presslens.framing.predict import MODEL_DIR
    from presslens.train.article_heads import SHORT_CHARS, article_inputs, fit_frame_heads, fit_frames, micro_f1
    from presslens.train.embed import load_cache
    from presslens.train.semeval import load, split

    arts = load(root)
    train, _ = split(arts)
    fit0 = np.array([a in train for a in arts])
    c = load_cache()
    heads = load_heads(MODEL_DIR / "heads.npz")
    inp = article_inputs(arts, c, heads["tech"].scores(paragraph_features(c["mean"], c["max"])))
    dom = inp.domain

    def floor(p: np.ndarray, pred: np.ndarray, k: int) -> np.ndarray:
        top = np.argsort(-p, axis=1)[:, :k]
        few = pred.sum(1) < k
        out = pred.copy()
        out[few[:, None] & (np.arange(p.shape[1])[None, :] == top[:, :, None]).any(1)] = True
        return out

    systems = ("before: embedding head (as shipped before)", "embedding head", "word head",
               f"embedding + words, {WORDS_WEIGHT:.1f} each, at least {MIN_FRAMES} frames",
               f"same, at least {MIN_FRAMES_SHORT} frames when short (shipped)", "same, at least 4 frames when short")
    # view -> system -> list of (gold, probabilities, predictions) per held-out part
    got: dict[tuple[str, str], dict[str, list]] = {}
    parts = [(d, fit0 & (dom != d), dom == d, "by batch/language") for d in sorted(set(dom))]
    parts.append(("validation", fit0, ~fit0, "validation split"))
    for name, fit, test, view in parts:
        print(f"held out: {name} ({int(test.sum())} articles)", flush=True)
        old_long, old_short, _ = fit_frames(inp.frames_x, inp.frames_y, fit, inp.n_pars, inp.frames_x_cut)
        ff = fit_frame_heads(inp, fit)
        y = inp.frames_y[test]
        idx = np.where(test)[0]
        for cut in (False, True):
            x = (inp.frames_x_cut if cut else inp.frames_x)[test]
            texts = [(inp.cut_texts if cut else inp.texts)[i] for i in idx]
            short = np.ones(len(idx), bool) if cut else inp.n_chars[test] <= SHORT_TEXT
            words = ff.vocabulary.vectors(texts)
            key = (view, f"first {SHORT_CHARS} characters" if cut else "whole articles")
            out = got.setdefault(key, {s: [] for s in systems})
            # before: long head for long texts, the short copy for short ones, topped up to MIN_FRAMES
            p = np.where(short[:, None], old_short.scores(x), old_long.scores(x))
            pred = floor(p, p >= np.where(short[:, None], old_short.thresholds, old_long.thresholds), MIN_FRAMES)
            out[systems[0]].append((y, p, pred))
            for weight, system in ((0.0, systems[1]), (1.0, systems[2]), (WORDS_WEIGHT, systems[3])):
                hw = ff.with_thresholds(weight).heads
                pe = np.where(short[:, None], hw["frames_short"].scores(x), hw["frames"].scores(x))
                pw = np.where(short[:, None], hw["frames_words_short"].scores(words), hw["frames_words"].scores(words))
                p = mix(pe, pw, weight)
                t = np.where(short[:, None], hw["frames_short"].thresholds, hw["frames"].thresholds)
                pred = floor(p, p >= t, MIN_FRAMES)
                out[system].append((y, p, pred))
                if weight == WORDS_WEIGHT:
                    for k, system in ((MIN_FRAMES_SHORT, systems[4]), (4, systems[5])):
                        out[system].append((y, p, np.where(short[:, None], floor(p, pred, k), pred)))

    rows, reliab = [], None
    for (view, length), by_system in got.items():
        for system, chunks in by_system.items():
            y = np.concatenate([g for g, _, _ in chunks])
            p = np.concatenate([q for _, q, _ in chunks])
            pred = np.concatenate([r for _, _, r in chunks])
            rows.append([view, length, system, len(y), float(y.sum(1).mean()), micro_f1(pred, y),
                         float(pred.sum(1).mean()), float((pred & (y > 0)).sum() / max((y > 0).sum(), 1)),
                         ece(p.ravel(), y.ravel() > 0)])
            if system == systems[4] and view == "by batch/language" and length != "whole articles":
                reliab = (p.ravel(), y.ravel() > 0)
    table = markdown_table(["held out", "text", "system", "articles", "gold / article", "micro-F1",
                            "predicted / article", "recall", "ECE"], rows)
    body = ("Every article scored by frames heads fitted without it, on training-split articles only: `by "
            "batch/language` holds out each English ID batch and the Russian articles (English MT) in turn "
            f"(pooled); `validation split` is eval/framing.py's split. `first {SHORT_CHARS} characters`: the "
            "same articles cut short, as a short report reads; texts up to "
            f"{SHORT_TEXT} characters are judged by the heads calibrated and thresholded on cut training articles. "
            "Word head: logistic regression per frame on sublinear TF-IDF of the article's words "
            "(framing/words.py), Platt-calibrated out of fold like the embedding head; the shipped decision "
            f"averages the two probabilities ({WORDS_WEIGHT:.1f} each, set before measuring, not searched) with "
            "per-frame thresholds chosen for micro-F1 on out-of-fold averages of all fitting articles; every "
            f"article gets at least {MIN_FRAMES} frames, a text up to {SHORT_TEXT} characters at least "
            f"{MIN_FRAMES_SHORT}. `recall`: share of the gold frames predicted.\n\n" + table)
    if reliab is not None:
        body += ("\n\nReliability of the shipped probability, held out by batch/language, cut short (every "
                 f"article x frame; ECE {ece(*reliab):.3f}):\n\n" + reliability_markdown(*reliab) + "\n")
    print(body)
    write_section("frames-shift", "Frames held out by ID batch and language, whole and cut short", body)


if __name__ == "__main__":
    main()
