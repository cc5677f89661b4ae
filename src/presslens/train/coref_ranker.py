"""Learn the antecedent ranker's weights (coref/ranker.py) instead of setting them by hand.

    python -m presslens.train.coref_ranker ../shared/data/polnear/train \
        --news eval/data/attribution_news/gold.jsonl DIR [--limit N]

DIR holds the analysed texts of the news dev set's tune half
(`python eval/attribution_news.py --dump DIR --half tune`); the held-out half is never read.

Examples are rankings: the candidates the salience model (coref/pronouns.py) offers at one
mention, each with its features, and which of them is right.
- PolNeAR train: a named speaker (a gold Source span) whose person was named before is read as
  if it were a pronoun of that person's gender (`Trump said` as `he said`, `Trump's` as `his`),
  and, when the article gave the person a role, as that role's description (`Clinton said` as
  `the secretary said`); the right candidate is the named person. PolNeAR has no coreference, so its pronouns
  themselves cannot be labelled; the names stand in for them.
- The tune half: every pronoun and description that is a gold speaker mention with a named
  gold speaker; the right candidates are those whose name matches it (same last word).
The model is a conditional logit (softmax over each ranking's candidates, L2-regularised,
full-batch gradient descent in numpy): the same linear score the ranker takes the argmax of.
`position` (a tie-break) is not learned. A kind with fewer than MIN_RANKINGS informative
rankings keeps its current weights. Writes models/coref_ranker/weights.json (MODEL_CARD.md).
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import numpy as np

from ..coref.ranker import TRACE, WEIGHTS_PATH
from ..model_files import write_json

# Not learned: `position` is a tie-break; the gender features cannot be learned from names read as
# pronouns (only a person whose gender is known can be read as he/she, so the right candidate
# would never be of unknown gender, and `gender_unknown` would learn to bar everyone the name
# lists do not know). They keep their current values and enter the fit as a fixed offset.
FIXED = {"pronoun": {"position", "gender_known_match_subject", "gender_known_match_other", "gender_unknown"},
         "description": {"position"}}
# ... but real pronouns can: the tune half's labelled he/she/his are fitted for these alone, the
# other weights held at their learned values; kept only when they beat the hand-set values on the
# held-out documents of a check fit (and at least MIN_REAL rankings exist)
GENDER = ("gender_known_match_subject", "gender_known_match_other", "gender_unknown")
MIN_REAL = 40
MIN_RANKINGS = 40
STAGES = ("repair", "parse", "entities")


def source_spans(ann: Path) -> list[tuple[int, int]]:
    """The hulls of the gold Source spans of a PolNeAR annotation file."""
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2 and parts[1].startswith("Source "):
            nums = [int(x) for o in parts[1].split(" ", 1)[1].split(";") for x in o.split()]
            out.append((min(nums), max(nums)))
    return out


def traced(text: str, source: str) -> tuple[str, list[dict]]:
    """The analysed text and every ranking the entities stage made on it."""
    import presslens
    from ..ingest.text import document_from_text

    pipe = _pipeline(presslens)
    trace: list[dict] = []
    token = TRACE.set(trace)
    try:
        analysis = pipe.run(document_from_text(text, source=source))
    finally:
        TRACE.reset(token)
    return analysis.document.text, trace


_PIPE: list = []


def _pipeline(presslens):
    if not _PIPE:
        _PIPE.append(presslens.Pipeline.from_names(STAGES))
    return _PIPE[0]


def _inside(pos: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    return next((s for s in spans if s[0] <= pos < s[1]), None)


def polnear_rankings(split: Path, limit: int | None, seed: int = 0) -> list[tuple[str, dict, set]]:
    """(doc, ranking, right candidates) from named Source spans read as pronouns."""
    texts = sorted((split / "text").glob("*.txt"))
    if limit:
        texts = random.Random(seed).sample(texts, min(limit, len(texts)))
    out = []
    for n, txt in enumerate(texts, 1):
        anns = sorted((split / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        sources = source_spans(anns[0])
        text = txt.read_text(encoding="utf-8")
        analysed, trace = traced(text, str(txt))
        if analysed != text:
            continue  # the repair stage moved offsets: the gold spans no longer point right
        for r in trace:
            if r["kind"] in ("probe", "probe_description") and _inside(r["pos"], sources):
                kind = "pronoun" if r["kind"] == "probe" else "description"
                out.append((txt.stem, {"kind": kind, "features": r["features"]}, {r["truth"]}))
        if n % 50 == 0:
            print(f"  PolNeAR: {n}/{len(texts)} articles, {len(out)} rankings", flush=True)
    return out


def _same_name(a: str, b: str) -> bool:
    wa, wb = a.lower().replace("’", "'").split(), b.lower().replace("’", "'").split()
    return bool(wa and wb) and (wa[-1] == wb[-1] or set(wb) <= set(wa))


def news_rankings(gold: Path, texts: Path) -> list[tuple[str, dict, set]]:
    """(doc, ranking, right candidates) from the tune half's pronoun and description speakers."""
    out = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        path = texts / f"{g['doc']}.txt"
        if not path.exists():
            continue  # not in the tune half
        text = path.read_text(encoding="utf-8")
        analysed, trace = traced(text, str(path))
        if analysed != text:
            continue
        names = next((r["names"] for r in trace if r["kind"] == "persons"), [])
        spans = [(tuple(a["speaker_mention"]), a["speaker"]) for a in g["attributions"]
                 if a.get("speaker_mention") and a.get("speaker")]
        for r in trace:
            if r["kind"] not in ("pronoun", "description", "probe", "probe_description"):
                continue
            hit = next((sp for (s, e), sp in spans if s <= r["pos"] < e), None)
            if hit is None:
                continue
            if r["kind"].startswith("probe"):
                right = {r["truth"]}
            else:
                right = {c for c in r["features"] if c < len(names) and _same_name(names[c], hit)}
            kind = {"probe": "pronoun", "probe_description": "description"}.get(r["kind"], r["kind"])
            out.append((g["doc"], {"kind": kind, "features": r["features"], "real": not r["kind"].startswith("probe")},
                        right))
    return out


def informative(rankings: list[tuple[str, dict, set]], kind: str) -> list[tuple[str, dict, set]]:
    """Rankings of `kind` with a right candidate and at least one wrong one."""
    return [x for x in rankings if x[1]["kind"] == kind and x[2] & set(x[1]["features"])
            and set(x[1]["features"]) - x[2]]


def matrices(rankings, names: list[str], fixed: dict[str, float] | None = None):
    """Per ranking: candidate feature matrix, a 0/1 vector of right candidates and the fixed
    features' part of each candidate's score."""
    out = []
    for _, r, right in rankings:
        cands = list(r["features"])
        x = np.array([[float(r["features"][c].get(k, 0.0)) for k in names] for c in cands])
        y = np.array([1.0 if c in right else 0.0 for c in cands])
        b = np.array([sum(v * float(r["features"][c].get(k, 0.0)) for k, v in (fixed or {}).items() if k != "position")
                      for c in cands])
        out.append((x, y, b))
    return out


def fit(data, dim: int, l2: float = 0.01, steps: int = 3000, lr: float = 0.1) -> np.ndarray:
    """Maximise the log-probability of the right candidates under a softmax of w . x (rankings
    padded to one array; padding never wins)."""
    if not data:
        return np.zeros(dim)
    width = max(len(y) for _, y, _ in data)
    xs = np.zeros((len(data), width, dim))
    ys = np.zeros((len(data), width))
    bs = np.zeros((len(data), width))
    pad = np.ones((len(data), width), dtype=bool)
    for r, (x, y, b) in enumerate(data):
        xs[r, :len(y)], ys[r, :len(y)], bs[r, :len(y)], pad[r, :len(y)] = x, y, b, False
    w = np.zeros(dim)
    for _ in range(steps):
        s = np.where(pad, -np.inf, xs @ w + bs)
        p = np.exp(s - s.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        q = ys * p
        q /= q.sum(axis=1, keepdims=True)
        grad = l2 * w - np.einsum("rc,rcd->d", q - p, xs) / len(data)
        w -= lr * grad
    return w


def accuracy(data, w: np.ndarray) -> float:
    """Share of rankings whose top-scoring candidate is a right one (first on ties, as `max`)."""
    if not data:
        return 0.0
    return sum(float(y[int(np.argmax(x @ w + b))]) for x, y, b in data) / len(data)


def split_docs(rankings, share: float = 0.2, seed: int = 0):
    docs = sorted({d for d, _, _ in rankings})
    random.Random(seed).shuffle(docs)
    held = set(docs[:max(1, int(len(docs) * share))])
    return [x for x in rankings if x[0] not in held], [x for x in rankings if x[0] in held]


def fit_gender(rows, model: dict, current: dict) -> dict:
    """The gender features of the pronoun score, fitted on real pronouns only (see GENDER)."""
    real = [x for x in rows if x[1].get("real")]
    if len(real) < MIN_REAL:
        return {"rankings": len(real), "kept": "hand-set (too few real pronouns)"}
    fixed = {k: v for k, v in model["pronoun"].items() if k not in GENDER}
    names = list(GENDER)
    hand = np.array([current["pronoun"][k] for k in names])
    train, held = split_docs(real, share=0.3)
    w_check = fit(matrices(train, names, fixed), len(names))
    w = fit(matrices(real, names, fixed), len(names))
    before = accuracy(matrices(held, names, fixed), hand)
    learned = accuracy(matrices(held, names, fixed), w_check)
    out = {"rankings": len(real), "held_out_docs_accuracy": {"before": round(before, 3), "learned": round(learned, 3),
                                                              "rankings": len(held)},
           "fitted": {k: round(float(v), 4) for k, v in zip(names, w)}}
    if learned > before:
        model["pronoun"].update(out["fitted"])
        out["kept"] = "learned"
    else:
        out["kept"] = "hand-set (the fitted values did not beat them on held-out documents)"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("polnear_train", type=Path)
    ap.add_argument("--news", nargs=2, type=Path, metavar=("GOLD", "TUNE_TEXTS"))
    ap.add_argument("--limit", type=int, help="PolNeAR train articles to read (a random sample)")
    ap.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    ap.add_argument("--rankings", type=Path, help="keep the traced rankings in this JSON file and reuse them")
    a = ap.parse_args()
    if a.rankings and a.rankings.exists():
        kept = json.loads(a.rankings.read_text(encoding="utf-8"))
        rankings = [(d, {**r, "features": {int(c): f for c, f in r["features"].items()}}, set(right))
                    for d, r, right, _ in kept["polnear"]]
        news = [(d, {**r, "features": {int(c): f for c, f in r["features"].items()}}, set(right))
                for d, r, right, _ in kept["news"]]
    else:
        rankings = polnear_rankings(a.polnear_train, a.limit)
        news = news_rankings(*a.news) if a.news else []
        if a.rankings:
            a.rankings.write_text(json.dumps({k: [(d, r, sorted(right), 0) for d, r, right in v]
                                              for k, v in (("polnear", rankings), ("news", news))}), encoding="utf-8")
    news_docs = {d for d, _, _ in news}
    rankings += news
    current = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    model = dict(current)
    report = {}
    for kind in ("pronoun", "description"):
        names = [k for k in current[kind] if k not in FIXED[kind]]
        fixed = {k: current[kind][k] for k in FIXED[kind] if k in current[kind]}
        rows = informative(rankings, kind)
        hand = np.array([current[kind][k] for k in names])
        if len(rows) < MIN_RANKINGS:
            report[kind] = {"rankings": len(rows), "kept": "as before (too few rankings to learn from)"}
            continue
        train, held = split_docs(rows)
        w_check = fit(matrices(train, names, fixed), len(names))
        w = fit(matrices(rows, names, fixed), len(names))
        report[kind] = {"rankings": len(rows), "from_news_tune_half": sum(x[0] in news_docs for x in rows),
                        "learned": names, "fixed": sorted(fixed),
                        "held_out_docs_accuracy": {
                            "learned": round(accuracy(matrices(held, names, fixed), w_check), 3),
                            "before": round(accuracy(matrices(held, names, fixed), hand), 3),
                            "rankings": len(held)}}
        model[kind] = {**{k: round(float(v), 4) for k, v in zip(names, w)}, **fixed}
        if kind == "pronoun":
            report["pronoun_gender"] = fit_gender(rows, model, current)
    model["about"] = ("Linear scores for candidate antecedents (coref/ranker.py). A pronoun or description goes to "
                      "the candidate with the highest sum of weight * feature among those the hard constraints allow "
                      "(gender, number, places, party, office). Learned by presslens.train.coref_ranker; see "
                      "MODEL_CARD.md.")
    model["trained"] = report
    write_json("coref_ranker", "weights.json", model, a.out)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
