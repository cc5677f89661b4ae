"""Genre and frames held out the way the world tests them, and how well their scores are calibrated.

    python -m presslens.train.embed        # once: the paragraph cache (needs ../shared/data)
    python eval/framing_domains.py         # needs scikit-learn (dev extra)

From the cached encoder outputs of the SemEval-2023 Task 3 paragraphs, three views
of the article heads (train/article_heads.py), each refitted without what it scores:
- random split: the shipped heads on the validation split (as eval/framing.py, which
  runs the full pipeline);
- by language/translation: fitted on the English articles only, scored on every
  Russian article in English machine translation (more reporting than the English
  training pool); the genre decision rule and temperature are fitted on the English
  domains only;
- by source/time: fitted without the newest English ID batch (81x-83x million, mostly
  reporting and satire; only 10 articles have text), scored on it; decision rule and
  temperature from the Russian domain.
The genre head also fits on PolNeAR wire stories as `reporting` (train/wire_reports.py);
they are never scored.
Then expected calibration error (ECE, 10 bins) and a reliability table for genre
(pooled held-out-domain predictions) and frames (every article x frame pair), and how
the `unsure` line (models/framing/en/decision.json) splits right from wrong.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from _results import markdown_table, shared_path, write_section  # noqa: E402

DOMAIN_NAMES = {"ru": "by language: train English, test Russian (MT)",
                "en-late": "by source/time: newest English batch held out"}


def _micro(pred: np.ndarray, y: np.ndarray) -> float:
    tp = float((pred & (y > 0)).sum())
    return 2 * tp / (pred.sum() + (y > 0).sum()) if tp else 0.0


def main() -> None:
    root = shared_path("data", "semeval2023-task3")
    from presslens.framing.calibration import ece, reliability_markdown
    from presslens.framing.features import paragraph_features
    from presslens.framing.heads import load_heads
    from presslens.framing.predict import MODEL_DIR, FramingModel
    from presslens.train.article_heads import (FIT_ONLY, article_inputs, fit_frames, genre_reports,
                                               held_out_logits, macro_f1, with_wire)
    from presslens.train.embed import CACHE
    from presslens.train.semeval import GENRES, load, split

    if not CACHE.exists():
        sys.exit(f"{CACHE}: not found (python -m presslens.train.embed builds it)")
    arts = load(root)
    train, val = split(arts)
    fit = np.array([a in train for a in arts])
    c = np.load(CACHE)
    heads = load_heads(MODEL_DIR / "heads.npz")
    unsure = FramingModel(MODEL_DIR).unsure
    inp = article_inputs(arts, c, heads["tech"].scores(paragraph_features(c["mean"], c["max"])))
    dim = c["mean"].shape[1]
    gx, gy, dom = inp.genre_x, inp.genre_y, inp.domain

    # random split, shipped heads
    vm = ~fit
    pg = heads["genre"].scores(gx[vm])
    pf = heads["frames"].scores(inp.frames_x[vm])
    f_pred = pf >= heads["frames"].thresholds
    rows = [["random split (validation, shipped heads)", int(vm.sum()),
             str({g: int((gy[vm] == k).sum()) for k, g in enumerate(GENRES)}),
             macro_f1(pg.argmax(1), gy[vm]), ece(pg.max(1), pg.argmax(1) == gy[vm]),
             _micro(f_pred, inp.frames_y[vm]), float(f_pred.sum(1).mean()), float(inp.frames_y[vm].sum(1).mean()),
             ece(pf.ravel(), inp.frames_y[vm].ravel() > 0)]]

    wx, wy, wd, wf = with_wire(inp, fit)
    h = ~np.isin(wd, FIT_ONLY)
    z = held_out_logits(wx, wy, wd, wf, dim)
    reports = {r.domain: r for r in genre_reports(z[h], wy[h], wd[h])}
    frame_conf, frame_out = [], []
    for d in ("ru", "en-late"):
        r = reports[d]
        head, _ = fit_frames(inp.frames_x, inp.frames_y, fit & (dom != d), inp.n_pars)
        p = head.scores(inp.frames_x[dom == d])
        yd = inp.frames_y[dom == d]
        pred = p >= head.thresholds
        frame_conf.append(p.ravel())
        frame_out.append(yd.ravel() > 0)
        rows.append([DOMAIN_NAMES[d], r.n, str(r.mix), r.macro_f1, r.ece, _micro(pred, yd),
                     float(pred.sum(1).mean()), float(yd.sum(1).mean()), ece(p.ravel(), yd.ravel() > 0)])
    table = markdown_table(["held out", "articles", "genre mix", "genre macro-F1", "genre ECE", "frames micro-F1",
                            "frames predicted / article", "frames gold / article", "frames ECE"], rows)

    # pooled held-out-domain genre probabilities, decision rule + temperature fitted on the other domains
    conf, correct = [], []
    for r in reports.values():
        conf.append(r.conf)
        correct.append(r.correct)
    conf_a, corr_a = np.concatenate(conf), np.concatenate(correct)
    sure = conf_a >= unsure["genre"]
    raw = [f"{DOMAIN_NAMES[d]} {reports[d].macro_f1_raw:.3f}" for d in ("ru", "en-late")]
    fc, fo = np.concatenate(frame_conf), np.concatenate(frame_out)
    body = (
        "Article heads refitted without what they score (cached encoder outputs of the task's "
        "paragraphs; `python eval/framing.py` scores the full pipeline on the random split). Genre: "
        "decision rule (logit offsets) and temperature fitted on the other domains' held-out "
        "predictions, never on the domain scored. Frames: Platt scaling and thresholds fitted on "
        "out-of-fold predictions of the fitting articles.\n\n" + table
        + "\n\nGenre macro-F1 of the balanced head before the decision rule: " + "; ".join(raw) + ".\n\n"
        f"Genre reliability (all {len(conf_a)} held-out-domain predictions, top label; ECE "
        f"{ece(conf_a, corr_a):.3f}):\n\n" + reliability_markdown(conf_a, corr_a)
        + f"\n\nUnsure line {unsure['genre']:.2f}: {int((~sure).sum())} of {len(sure)} genre predictions are marked "
        f"unsure, right {corr_a[~sure].mean() if (~sure).any() else 0:.2f} of the time, against "
        f"{corr_a[sure].mean() if sure.any() else 0:.2f} for the rest.\n\n"
        f"Frames reliability (held-out domains, every article x frame; ECE {ece(fc, fo):.3f}):\n\n"
        + reliability_markdown(fc, fo) + "\n"
    )
    print(body)
    write_section("framing-domains", "Genre and frames held out by language and by source/time, calibration", body)


if __name__ == "__main__":
    main()
