"""Genre under shift, per class: where the style model loses, and what else was tried (issue 15).

    python eval/genre_shift_attempts.py     # needs ../shared/data and scikit-learn (dev extra)

Every row is scored by the protocol of eval/genre_fresh.py: each SemEval domain (an English
ID batch, the Russian articles in English MT) by a model fitted without it, the prior-shift
rule and temperature fitted on the other domains only, weighted to the held-out dev's
60/30/10 reporting/opinion/satire, satire called only above 0.5. Per-class F1 is on those
weighted counts. Rows:
- the shipped style model (C 0.01) and its regularisation and satire-weight neighbours;
- the fresh English pages (eval/data/genre_fresh.json) added as training rows, their own
  domain (their own score is then no longer a held-out number, so it is not reported);
- reporting and satire offsets searched for the best weighted macro-F1 on top of the prior
  rule, nested (each domain's offsets searched on the other domains);
- TF-IDF of the author's own words (outside quotation marks), word unigrams and character
  2-4-grams, alone and blended with the style logits;
- gradient-boosted trees on the style features (non-linear);
- six more reader cues beside the style features: scare quotes (quoted runs of 1-3 words),
  a news-agency credit, "on Monday"-type day references, all-capitals words, one-sentence
  paragraphs, paragraph count;
- training rows weighted so each (domain, genre) cell of a class weighs the same, so the
  English batches' site-bound labels do not dominate.
Nothing here is fitted on the seed or the issue's held-out dev.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from _results import markdown_table, shared_path, write_section  # noqa: E402

_SCARE = re.compile(r"[“\"]([^”\"\n]{1,40})[”\"]")
_AGENCY = re.compile(r"\((?:AP|Reuters|AFP|UPI|CNN|Bloomberg)\)|\b(?:Associated Press|Reuters|AFP)\b")
_WEEKDAY = re.compile(r"\b(?:on|last|this) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_CAPS = re.compile(r"\b[A-Z]{4,}\b")


def extra_cues(pars: list[str]) -> np.ndarray:
    from presslens.framing.genre_style import _QUOTED, _WORD

    j = "\n".join(pars)
    n = max(len(_WORD.findall(j)), 1)
    scare = sum(1 for m in _SCARE.finditer(j) if len(m.group(1).split()) <= 3)
    one = sum(1 for p in pars if len(re.findall(r"[.!?](?:\s|$)", p)) <= 1) / max(len(pars), 1)
    return np.log1p([scare / n * 1000, float(bool(_AGENCY.search(j))), len(_WEEKDAY.findall(j)) / n * 1000,
                     len(_CAPS.findall(_QUOTED.sub(" ", j))) / n * 1000, one, len(pars)])


def fold_logits(make, x, y: np.ndarray, dom: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(logits, implied fitted prior) of every row from `make(train rows) -> scorer` fitted without its domain."""
    from presslens.train.genre_head import fitted_prior

    z, prior = np.zeros((len(y), 3)), np.zeros((len(y), 3))
    for d in np.unique(dom):
        tr, te = np.where(dom != d)[0], np.where(dom == d)[0]
        z[te] = make(tr)(te)
        prior[te] = fitted_prior(y[tr])
    return z, prior


def tfidf_maker(texts: list[str], y: np.ndarray, c: float, **kw):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from presslens.train.genre_head import class_weights

    def make(tr):
        v = TfidfVectorizer(sublinear_tf=True, min_df=5, **kw)
        m = LogisticRegression(C=c, max_iter=3000, class_weight=class_weights(y[tr])).fit(
            v.fit_transform([texts[i] for i in tr]), y[tr])
        return lambda te: m.decision_function(v.transform([texts[i] for i in te]))
    return make


def trees_maker(x: np.ndarray, y: np.ndarray):
    from sklearn.ensemble import HistGradientBoostingClassifier

    from presslens.train.genre_head import class_weights

    def make(tr):
        cw = class_weights(y[tr])
        m = HistGradientBoostingClassifier(max_depth=3, learning_rate=0.05, max_iter=50, l2_regularization=1.0,
                                           random_state=0).fit(x[tr], y[tr], sample_weight=[cw[k] for k in y[tr]])

        def score(te):
            full = np.full((len(te), 3), 1e-6)
            full[:, m.classes_] = m.predict_proba(x[te])
            return np.log(full)
        return score
    return make


def cell_balanced_maker(x: np.ndarray, y: np.ndarray, dom: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    from presslens.train.genre_head import class_weights

    def make(tr):
        mu, sd = x[tr].mean(0), x[tr].std(0) + 1e-3
        yt, dt, cw = y[tr], dom[tr], class_weights(y[tr])
        sw = np.array([cw[k] for k in yt], float)
        for k in np.unique(yt):
            cells = np.unique(dt[yt == k])
            for cell in cells:
                m = (yt == k) & (dt == cell)
                sw[m] *= (yt == k).sum() / (len(cells) * m.sum())
        m = LogisticRegression(C=c, max_iter=5000).fit((x[tr] - mu) / sd, yt, sample_weight=sw)
        w, b = np.zeros((x.shape[1], 3)), np.full(3, -30.0)
        w[:, m.classes_], b[m.classes_] = m.coef_.T, m.intercept_
        return lambda te: ((x[te] - mu) / sd) @ w + b
    return make


def per_class(p: np.ndarray, y: np.ndarray) -> tuple[float, list[float], float]:
    """(macro-F1, F1 per genre, ECE), all on counts weighted to 60/30/10."""
    from presslens.framing.calibration import ece
    from presslens.train.genre_head import macro_f1, prior_weights

    w = prior_weights(y)
    w = w / w.sum() * len(y)
    pred = p.argmax(1)
    f1 = []
    for k in range(3):
        den = w[pred == k].sum() + w[y == k].sum()
        f1.append(float(2 * w[(pred == k) & (y == k)].sum() / den) if den else float("nan"))
    return macro_f1(pred, y, w), f1, ece(p.max(1), pred == y, weights=w)


def main() -> None:
    import presslens.train.genre_head as genre_head
    from presslens.framing.genre_style import _QUOTED
    from presslens.framing.heads import softmax
    from presslens.train.genre_head import prior_weights, search_offsets
    from presslens.train.genre_style_head import (REPORT_CORPORA, STYLE_C, featurise, gate_satire,
                                                  held_out_logits, nested_probabilities, prior_rule, report_texts,
                                                  semeval_texts)
    from genre_fresh import fresh_pages

    root = shared_path("data", "semeval2023-task3")
    st, sy, sd = semeval_texts(root)
    rt, ry, rd = report_texts()
    texts = st + rt
    x, y, dom = featurise(texts), np.r_[sy, ry], np.r_[sd, rd]
    sem_domains = [d for d in np.unique(dom) if d not in REPORT_CORPORA]
    sem, en = np.isin(dom, sem_domains), np.char.startswith(dom.astype(str), "en")
    rows, shipped = [], None

    def add(name: str, p: np.ndarray, d: np.ndarray = dom, yy: np.ndarray = y) -> np.ndarray:
        p = gate_satire(p, 0.5)
        v_en, v_all = per_class(p[en], yy[en]), per_class(p[sem], yy[sem])
        kept = [float((p[d == c].argmax(1) == 1).mean()) for c in REPORT_CORPORA]
        rows.append([name, v_en[0], *v_en[1], per_class(p[d == "ru"], yy[d == "ru"])[0], v_all[0], *v_all[1],
                     v_all[2], per_class(p[d == "en-late"], yy[d == "en-late"])[0], *kept])
        print(rows[-1], flush=True)
        return p

    def style(xs: np.ndarray, c: float = STYLE_C) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        z, fitted = held_out_logits(xs, y, dom, np.ones(len(y), bool), c)
        return nested_probabilities(z, y, dom, fitted, sem_domains), z, fitted

    p0, z0, fitted0 = style(x)
    shipped = add(f"shipped: style, C {STYLE_C}, satire weight cap 10", p0)
    for c in (0.003, 0.03):
        add(f"style, C {c}", style(x, c)[0])
    cap = genre_head.SATIRE_WEIGHT_CAP
    for new_cap in (3.0, 30.0):
        genre_head.SATIRE_WEIGHT_CAP = new_cap
        add(f"style, satire weight cap {new_cap:g}", style(x)[0])
    genre_head.SATIRE_WEIGHT_CAP = cap

    ftexts, fy, _ = fresh_pages()
    xf, yf = np.vstack([x, featurise(ftexts)]), np.r_[y, fy]
    df = np.r_[dom, np.full(len(fy), "fresh")]
    z, fitted = held_out_logits(xf, yf, df, np.ones(len(yf), bool), STYLE_C)
    add("style + the fresh pages as training rows", nested_probabilities(z, yf, df, fitted, sem_domains)[:len(y)])

    q = np.zeros_like(p0)
    for d in np.unique(dom):
        other = sem & (dom != d)
        _, t = prior_rule(z0[other], y[other], fitted0[other])
        zz = (z0 + np.log(genre_head.TARGET_PRIOR) - np.log(fitted0)) / t
        q[dom == d] = softmax(zz[dom == d] + search_offsets(zz[other], y[other], prior_weights(y[other])))
    add("style, prior rule + searched offsets (nested)", q)

    own = [_QUOTED.sub(" ", "\n".join(t)) for t in texts]
    for label, kw, c in (("word unigrams", dict(ngram_range=(1, 1)), 3.0),
                         ("character 2-4-grams", dict(analyzer="char_wb", ngram_range=(2, 4), max_features=30000), 1.0)):
        zt, fitted = fold_logits(tfidf_maker(own, y, c, **kw), x, y, dom)
        add(f"TF-IDF {label} (own voice), C {c:g}", nested_probabilities(zt, y, dom, fitted, sem_domains))
        add(f"style + 0.25 x TF-IDF {label}", nested_probabilities(0.75 * z0 + 0.25 * zt, y, dom, fitted0, sem_domains))
    zt, fitted = fold_logits(trees_maker(x, y), x, y, dom)
    add("gradient-boosted trees on the style features", nested_probabilities(zt, y, dom, fitted, sem_domains))
    add("style + 6 more reader cues", style(np.hstack([x, np.array([extra_cues(t) for t in texts])]))[0])
    zt, fitted = fold_logits(cell_balanced_maker(x, y, dom, STYLE_C), x, y, dom)
    add("style, each (domain, genre) cell weighted equally", nested_probabilities(zt, y, dom, fitted, sem_domains))

    confusion = []
    for name, m in (("English", en), ("Russian (MT)", dom == "ru")):
        cm = np.zeros((3, 3), int)
        np.add.at(cm, (y[m], shipped[m].argmax(1)), 1)
        confusion.append(f"{name}: " + "; ".join(
            f"{g} {cm[k, 0]}/{cm[k, 1]}/{cm[k, 2]}" for k, g in enumerate(("opinion", "reporting", "satire"))))
    order = np.argsort(-p0[sem, 2])
    ranks = sorted(int(np.where(order == i)[0][0]) + 1 for i in np.where(y[sem] == 2)[0])
    from sklearn.metrics import roc_auc_score

    from presslens.framing.genre_style import feature_names

    names, batches = feature_names(), [d for d in sem_domains if d.startswith("en") and d != "en-late"]
    auc = []
    for j in range(x.shape[1]):
        per = [roc_auc_score(y[(dom == d) & (y < 2)] == 1, x[(dom == d) & (y < 2), j]) for d in batches]
        auc.append((float(np.mean(per)), names[j]))
    auc.sort()
    strongest = ", ".join(f"`{n}` {a:.2f}" for a, n in auc[-3:][::-1] + auc[:2])
    table = markdown_table(
        ["genre model", "English by source/time", "F1 opinion", "F1 reporting", "F1 satire", "Russian (MT)",
         "all SemEval held out", "F1 opinion", "F1 reporting", "F1 satire", "ECE", "en-late batch (10)",
         *[f"{c} reports kept" for c in REPORT_CORPORA]], rows)
    body = (
        "Every row: SemEval held out by domain (protocol of the `genre-fresh` section), macro-F1 and per-class F1 on "
        "counts weighted to the held-out dev's 60/30/10 reporting/opinion/satire, satire called only above 0.5. "
        "`en-late`: the newest English ID batch, the only one mostly reporting, as the dev is (7 reporting, 2 opinion, "
        "1 satire; too small to decide on).\n\n" + table
        + "\n\nShipped model, held out, true genre -> predicted opinion/reporting/satire: " + "; ".join(confusion)
        + f". The 7 satire articles rank {ranks} of {int(sem.sum())} by held-out satire probability: nothing in the "
        "style features singles them out (the English ones are a blog's sarcastic commentary, a straight "
        "news report and a polemic column; the Russian ones straight-faced made-up news).\n\n"
        "Single style cues, reporting against opinion within each English batch (mean ROC AUC over " + ", ".join(batches)
        + f"): the strongest are {strongest} (below 0.5: higher in opinion); "
        "many English `opinion` labels sit on plain reports (an AP story of an arrest in Rio, a Border Patrol "
        "release), so the labels follow the site more than the text. No row above beats the shipped model on "
        "English by more than 0.001, most lose; none replaced it.\n"
    )
    print(body)
    write_section("genre-shift-attempts", "Genre held out by domain, per class: what was tried after the style model",
                  body)


if __name__ == "__main__":
    main()
