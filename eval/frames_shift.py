"""Frames held out by ID batch and language, whole and cut short: before and after the word head.

    python -m presslens.train.embed      # once: the paragraph cache (needs ../shared/data)
    python eval/frames_shift.py          # needs scikit-learn (dev extra)

Views (every article scored by heads fitted without it; only training-split articles are
ever fitted on, so the validation split stays as honest as in eval/framing.py):
- by batch/language: each English ID batch (semeval.domain: a collection from one time
  and set of sites) and the Russian articles in English machine translation held out in
  turn, pooled; the heads fitted on the training-split articles of the other domains;
- validation split: the usual split, fitted on the training split (and its 22 Russian articles alone);
- across languages: fitted on the English training-split articles, every Russian article (English MT)
  held out, and the other way round (fitted on the Russian training-split articles);
each whole and cut to its first SHORT_CHARS characters (the length of a short report).
Rows: the embedding head as shipped before (thresholds on articles of at most 8
paragraphs, short-text copy, at least MIN_FRAMES frames); the embedding head, the word head
and their average with thresholds on all fitting articles and the same floor; the average
with a floor of MIN_FRAMES_SHORT (shipped) or 4 frames for short texts; the shipped average with
the long-text thresholds chosen on short fitting articles only, as the embedding head's were before. Technique scores: eval/techniques_calibration.py.
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
    from presslens.framing.frames import MIN_FRAMES, MIN_FRAMES_SHORT, SHORT_TEXT, WORDS_WEIGHT, mix
    from presslens.train.article_heads import SHORT, SHORT_CHARS, fit_frame_heads, fit_frames, micro_f1, shipped_inputs
    from presslens.train.embed import load_cache
    from presslens.train.semeval import load, split

    arts = load(root)
    train, _ = split(arts)
    fit0 = np.array([a in train for a in arts])
    c = load_cache()
    inp = shipped_inputs(arts, c)
    dom = inp.domain
    lang = np.array([a.lang for a in arts])

    def floor(p: np.ndarray, pred: np.ndarray, k: int) -> np.ndarray:
        top = np.argsort(-p, axis=1)[:, :k]
        few = pred.sum(1) < k
        out = pred.copy()
        out[few[:, None] & (np.arange(p.shape[1])[None, :] == top[:, :, None]).any(1)] = True
        return out

    systems = ("before: embedding head (as shipped before)", "embedding head", "word head",
               f"embedding + words, {WORDS_WEIGHT:.1f} each, at least {MIN_FRAMES} frames",
               f"same, at least {MIN_FRAMES_SHORT} frames when short (shipped)", "same, at least 4 frames when short",
               f"same as shipped, thresholds on fitting articles of at most {SHORT} paragraphs")
    # view -> system -> list of (gold, probabilities, predictions) per held-out part
    got: dict[tuple[str, str], dict[str, list]] = {}
    parts = [(d, fit0 & (dom != d), dom == d, "by batch/language") for d in sorted(set(dom))]
    parts.append(("validation", fit0, ~fit0, "validation split"))
    # across languages: fitted on one, every article of the other held out
    parts.append(("English -> Russian", fit0 & (lang == "en"), lang == "ru", "fit English, test Russian (MT)"))
    parts.append(("Russian -> English", fit0 & (lang == "ru"), lang == "en", "fit Russian (MT), test English"))
    for name, fit, test, view in parts:
        print(f"held out: {name} ({int(test.sum())} articles)", flush=True)
        old_long, old_short, _ = fit_frames(inp.frames_x, inp.frames_y, fit, inp.n_pars, inp.frames_x_cut)
        ff = fit_frame_heads(inp, fit)
        pooled_short = ff.with_thresholds(WORDS_WEIGHT, pool=inp.n_pars[fit] <= SHORT).heads
        y = inp.frames_y[test]
        idx = np.where(test)[0]
        # the validation split is also shown for its Russian (MT) articles alone
        subsets = [(view, np.ones(len(idx), bool))]
        if view == "validation split":
            subsets.append(("validation split: Russian (MT) only", lang[idx] == "ru"))
        for cut in (False, True):
            x = (inp.frames_x_cut if cut else inp.frames_x)[test]
            texts = [(inp.cut_texts if cut else inp.texts)[i] for i in idx]
            short = np.ones(len(idx), bool) if cut else inp.n_chars[test] <= SHORT_TEXT
            words = ff.vocabulary.vectors(texts)
            got_here: dict[str, tuple] = {}
            # before: long head for long texts, the short copy for short ones, topped up to MIN_FRAMES
            p = np.where(short[:, None], old_short.scores(x), old_long.scores(x))
            pred = floor(p, p >= np.where(short[:, None], old_short.thresholds, old_long.thresholds), MIN_FRAMES)
            got_here[systems[0]] = (p, pred)
            for weight, system in ((0.0, systems[1]), (1.0, systems[2]), (WORDS_WEIGHT, systems[3])):
                hw = ff.with_thresholds(weight).heads
                pe = np.where(short[:, None], hw["frames_short"].scores(x), hw["frames"].scores(x))
                pw = np.where(short[:, None], hw["frames_words_short"].scores(words), hw["frames_words"].scores(words))
                p = mix(pe, pw, weight)
                t = np.where(short[:, None], hw["frames_short"].thresholds, hw["frames"].thresholds)
                pred = floor(p, p >= t, MIN_FRAMES)
                got_here[system] = (p, pred)
                if weight == WORDS_WEIGHT:
                    for k, system in ((MIN_FRAMES_SHORT, systems[4]), (4, systems[5])):
                        got_here[system] = (p, np.where(short[:, None], floor(p, pred, k), pred))
                    t = np.where(short[:, None], pooled_short["frames_short"].thresholds,
                                 pooled_short["frames"].thresholds)
                    pred = floor(p, p >= t, MIN_FRAMES)
                    got_here[systems[6]] = (p, np.where(short[:, None], floor(p, pred, MIN_FRAMES_SHORT), pred))
            for sub_view, sub in subsets:
                key = (sub_view, f"first {SHORT_CHARS} characters" if cut else "whole articles")
                out = got.setdefault(key, {s: [] for s in systems})
                for system, (p, pred) in got_here.items():
                    out[system].append((y[sub], p[sub], pred[sub]))

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
            "(pooled); `validation split` is eval/framing.py's split; `fit English, test Russian (MT)` fits on "
            "the English training-split articles and holds out all 107 Russian ones, `fit Russian (MT), test "
            f"English` the other way round. `first {SHORT_CHARS} characters`: the "
            "same articles cut short, as a short report reads; texts up to "
            f"{SHORT_TEXT} characters are judged by the heads calibrated and thresholded on cut training articles. "
            "Word head: logistic regression per frame on sublinear TF-IDF of the article's words "
            "(framing/words.py), Platt-calibrated out of fold like the embedding head; the shipped decision "
            f"averages the two probabilities ({WORDS_WEIGHT:.1f} each, set before measuring, not searched) with "
            "per-frame thresholds chosen for micro-F1 on out-of-fold averages of all fitting articles; every "
            f"article gets at least {MIN_FRAMES} frames, a text up to {SHORT_TEXT} characters at least "
            f"{MIN_FRAMES_SHORT}. `recall`: share of the gold frames predicted.\n\n" + table)
    f1 = {(r[0], r[1], r[2]): r[5] for r in rows}

    def at(view: str, system: int, length: str = "whole articles") -> str:
        return f"{f1[(view, length, systems[system])]:.3f}"

    ru_val, en_ru, eng = "validation split: Russian (MT) only", "fit English, test Russian (MT)", "by batch/language"
    body += ("\n\nWhy the validation split's Russian (MT) articles fell (whole articles): the embedding head as "
             f"shipped before {at(ru_val, 0)}; the same head with thresholds chosen on all fitting articles "
             f"{at(ru_val, 1)}; averaged with the word head {at(ru_val, 3)}, with the short-text floor (shipped) "
             f"{at(ru_val, 4)}; the shipped average with thresholds chosen on articles of at most {SHORT} "
             f"paragraphs again {at(ru_val, 6)}. Most of the fall is the threshold pool: the old thresholds were "
             "chosen on short articles, where the Russian ones (2.6 gold frames each against 3.7 for English) "
             "weigh more. The word head on translated text is no cause on the larger set: fitted on English "
             f"alone and tested on all Russian articles, the embedding head {at(en_ru, 1)}, the word head alone "
             f"{at(en_ru, 2)}, the average (shipped) {at(en_ru, 4)}. The short-article pool helps the Russian "
             f"articles ({at(en_ru, 6)} there) but costs English held out by batch ({at(eng, 6)} against "
             f"{at(eng, 4)} shipped, whole articles), and the targets are English, so the shipped pool stays. "
             "What is left on Russian is label shift between the two annotations: fitted on English, Political, "
             "External_regulation_and_reputation and Security_and_defense are predicted on most Russian articles "
             "(English annotators use Political in 54% of articles, the Russian ones in 21%), and Economic, "
             "frequent in Russian (37%) and rare in English (6%), is under-predicted.")
    if reliab is not None:
        body += ("\n\nReliability of the shipped probability, held out by batch/language, cut short (every "
                 f"article x frame; ECE {ece(*reliab):.3f}):\n\n" + reliability_markdown(*reliab) + "\n")
    print(body)
    write_section("frames-shift", "Frames held out by ID batch and language, whole and cut short", body)


if __name__ == "__main__":
    main()
