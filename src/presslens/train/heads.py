"""Train the framing heads on cached encoder outputs and write models/framing/.

    python -m presslens.train.embed            # once: encode every paragraph
    python -m presslens.train.heads            # heads + lexicon + thresholds
    python -m presslens.train.heads --only genre   # refit one article head (or --only frames)

Heads (all tiny, numpy at inference):
- `tech`: paragraph techniques, an MLP on [mean-pooled, max-pooled] token vectors;
- `tok`: per-token techniques, an MLP on token vectors (span placement);
- `frames` (and `frames_short`, for short texts) with the word heads `frames_words(_short)`: fitted and
  calibrated in train/article_heads.py, written to frames.npz and frames_words.json (framing/frames.py);
- `genre`: train/genre_head.py.
Thresholds are chosen per label on out-of-fold predictions over the *training*
articles (for techniques, jointly for micro-F1 over all paragraphs with labels) (k-fold by article), so the validation split stays untouched and its
scores are honest held-out numbers. Only the training articles are used to fit.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from ..framing.features import paragraph_features
from ..framing.heads import Head, load_heads, save_heads
from .embed import CACHE
from .article_heads import article_inputs, fit_frame_heads
from .genre_head import fit_genre, with_reports
from .lexicon import learn
from .semeval import FRAMES, TECHNIQUES, load, split

OUT = Path(__file__).resolve().parents[1] / "models" / "framing" / "en"
SEED = 13


def best_threshold(y: np.ndarray, p: np.ndarray, floor: float = 0.05) -> float:
    """Threshold maximising F1 of one label; high (never fires) when it has no positives."""
    if y.sum() == 0:
        return 0.99
    best, best_t = -1.0, 0.5
    for t in np.arange(floor, 0.96, 0.025):
        pred = p >= t
        tp = float((pred & (y == 1)).sum())
        f1 = 2 * tp / (pred.sum() + y.sum()) if pred.sum() + y.sum() else 0.0
        if f1 > best:
            best, best_t = f1, float(t)
    return best_t


def micro_thresholds(y: np.ndarray, p: np.ndarray, passes: int = 2) -> np.ndarray:
    """Per-label thresholds that maximise micro-F1 over all labels together.

    Starts from each label's own best threshold, then coordinate ascent: a label whose
    predictions cost more false positives than they bring true ones is raised, up to
    'never' (1.01). Per-label F1 alone lets a rare, unlearnable label fire everywhere."""
    t = np.array([best_threshold(y[:, j], p[:, j]) for j in range(y.shape[1])])
    grid = np.append(np.arange(0.05, 0.96, 0.025), 1.01)
    pos = y == 1
    tp_l = np.array([((p[:, j] >= t[j]) & pos[:, j]).sum() for j in range(y.shape[1])], float)
    pr_l = np.array([(p[:, j] >= t[j]).sum() for j in range(y.shape[1])], float)
    n_pos = float(pos.sum())
    for _ in range(passes):
        for j in range(y.shape[1]):
            best_f, best_t = -1.0, t[j]
            for g in grid:
                pred = p[:, j] >= g
                tp = tp_l.sum() - tp_l[j] + (pred & pos[:, j]).sum()
                pr = pr_l.sum() - pr_l[j] + pred.sum()
                f = 2 * tp / (pr + n_pos) if pr + n_pos else 0.0
                if f > best_f + 1e-12:
                    best_f, best_t = f, g
            t[j] = best_t
            tp_l[j] = ((p[:, j] >= t[j]) & pos[:, j]).sum()
            pr_l[j] = (p[:, j] >= t[j]).sum()
    return t


def fit_mlp(x: np.ndarray, y: np.ndarray, hidden: int = 256, epochs: int = 40, lr: float = 1e-3,
            wd: float = 1e-4, pos_weight_cap: float = 10.0, linear: bool = False) -> tuple[np.ndarray, ...]:
    import torch

    torch.manual_seed(SEED)
    xt = torch.tensor(x, dtype=torch.float32)
    yt = torch.tensor(y, dtype=torch.float32)
    pos = yt.sum(0)
    pw = torch.clamp((len(yt) - pos) / torch.clamp(pos, min=1.0), max=pos_weight_cap) ** 0.5
    if linear:
        net = torch.nn.Linear(x.shape[1], y.shape[1])
    else:
        net = torch.nn.Sequential(torch.nn.Dropout(0.1), torch.nn.Linear(x.shape[1], hidden), torch.nn.ReLU(),
                                  torch.nn.Dropout(0.2), torch.nn.Linear(hidden, y.shape[1]))
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=wd)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pw)
    batch = 256 if len(xt) < 50_000 else 4096
    gen = torch.Generator().manual_seed(SEED)
    for _ in range(epochs):
        net.train()
        for idx in torch.randperm(len(xt), generator=gen).split(batch):
            opt.zero_grad()
            loss_fn(net(xt[idx]), yt[idx]).backward()
            opt.step()
    net.eval()
    layers = [m for m in (net if isinstance(net, torch.nn.Sequential) else [net]) if isinstance(m, torch.nn.Linear)]
    out: list[np.ndarray] = []
    for m in layers:
        out += [m.weight.detach().numpy().T.copy(), m.bias.detach().numpy().copy()]
    return tuple(out)


def folds(groups: np.ndarray, k: int = 4) -> list[np.ndarray]:
    uniq = np.unique(groups)
    rng = np.random.default_rng(SEED)
    rng.shuffle(uniq)
    return [np.isin(groups, part) for part in np.array_split(uniq, k)]


def oof(fit, predict, x, y, groups, k=4) -> np.ndarray:
    p = np.zeros(y.shape, np.float32)
    for te in folds(groups, k):
        p[te] = predict(fit(x[~te], y[~te]), x[te])
    return p


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=str(Path(__file__).resolve().parents[4] / "shared" / "data" / "semeval2023-task3"))
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--only", choices=("genre", "frames"), help="refit only this article head, keep the rest of heads.npz")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    arts = load(Path(args.root))
    train, val = split(arts)
    in_train = np.array([a in train for a in arts])  # identity check
    c = np.load(CACHE)
    art, par = c["art"], c["par"]
    xp = paragraph_features(c["mean"], c["max"])
    n_t = len(TECHNIQUES)

    # paragraph technique labels (rows listed in the label files only)
    listed = np.array([par[i] in arts[art[i]].par_labels for i in range(len(art))])
    yp = np.zeros((len(art), n_t), np.float32)
    for i in range(len(art)):
        for lab in arts[art[i]].par_labels.get(int(par[i]), ()):
            if lab in TECHNIQUES:  # the data has one misspelt label; it cannot be learnt
                yp[i, TECHNIQUES.index(lab)] = 1
    rows = listed & in_train[art]
    print(f"technique paragraphs: train {rows.sum()}, positives {int(yp[rows].sum())}")

    if args.only:
        heads = load_heads(out / "heads.npz")
    else:
        def mlp_fit(x, y):
            return fit_mlp(x, y)

        def head_scores(w, x, kind="sigmoid"):
            return Head(tuple(TECHNIQUES), w, kind, np.zeros(1)).scores(x)

        p_oof = oof(mlp_fit, head_scores, xp[rows], yp[rows], art[rows])
        t_tech = micro_thresholds(yp[rows], p_oof)
        w_tech = mlp_fit(xp[rows], yp[rows])
        heads = {"tech": Head(TECHNIQUES, w_tech, "sigmoid", t_tech)}

        # token head (English spans only) for placing spans inside a paragraph
        tok_rows = in_train[art[c["tok_row"]]]
        xt = c["tok"][tok_rows].astype(np.float32)
        yt = c["tok_lab"][tok_rows].astype(np.float32)
        print(f"tokens: {len(xt)}")
        # an MLP doubles token-level F1 over a linear layer on validation (Loaded_Language 0.23 vs 0.13)
        w_tok = fit_mlp(xt, yt, epochs=3, lr=1e-3, hidden=256)
        heads["tok"] = Head(TECHNIQUES, w_tok, "sigmoid", np.full(n_t, 0.3, np.float32))

    # article heads: see train/article_heads.py
    inp = article_inputs(arts, c, heads["tech"].scores(xp))
    tr = in_train
    if not args.only or args.only == "frames":
        ff = fit_frame_heads(inp, tr)
        save_heads(out / "frames.npz", ff.heads)
        ff.vocabulary.save(out / "frames_words.json")
        print("thresholds frames:", dict(zip(FRAMES, ff.heads["frames"].thresholds.round(3))))
        print(f"wrote {out / 'frames.npz'}, {out / 'frames_words.json'}")
        if args.only:
            return
    if not args.only or args.only == "genre":
        gx, gy, gd, gf = with_reports(inp.genre_x, inp.genre_y, inp.domain, tr)
        heads["genre"], _ = fit_genre(gx, gy, gd, gf, dim=c["mean"].shape[1])
        print("genre: held-out views in python eval/framing_domains.py")
    save_heads(out / "heads.npz", heads)
    if args.only:
        print(f"wrote {out / 'heads.npz'} ({args.only} only)")
        return

    lex = learn(train)
    (out / "lexicon.json").write_text(json.dumps({"terms": lex, "patterns": []}, indent=1, sort_keys=True) + "\n",
                                      encoding="utf-8")
    print("thresholds tech:", dict(zip(TECHNIQUES, t_tech.round(3))))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
