"""presslens against bare spaCy on the same articles, in one run.

Prints articles/s for bare `nlp.pipe` (the same spaCy model, whole articles),
for presslens with only the NER path (repair, parse, entities) and for the
full default pipeline, the ratios, each stage's share of the full pipeline's
time, and peak RSS. One core: torch/onnx/BLAS threads are pinned to 1.

usage: python benchmarks/throughput.py [--n 200] [--source DIR]
Without --source it uses PolNeAR texts from ../shared/data when present,
else the examples/ folder repeated.
"""
from __future__ import annotations

import argparse
import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "PRESSLENS_THREADS"):
    os.environ.setdefault(var, "1")

import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def load_articles(n: int, source: str | None) -> list:
    from presslens.errors import InputError
    from presslens.ingest import read_inputs

    default = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
    paths = [source] if source else [str(default)] if default.exists() else [str(ROOT / "examples")]
    docs = [d for d in read_inputs(paths) if not isinstance(d, InputError)]
    while len(docs) < n:
        docs += docs
    return docs[:n]


def rate(n: int, seconds: float) -> float:
    return n / seconds if seconds else float("inf")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--source")
    a = ap.parse_args()

    from presslens.nlp import load_nlp
    from presslens.pipeline import DEFAULT_STAGES, Pipeline

    docs = load_articles(a.n, a.source)
    chars = sum(len(d.text) for d in docs)
    nlp = load_nlp()
    ner_only = Pipeline.from_names(("repair", "parse", "entities"))
    full = Pipeline.from_names(DEFAULT_STAGES)
    # warm every model once so loading is not timed
    list(nlp.pipe([docs[0].text]))
    ner_only.run(docs[0])
    full.run(docs[0])
    full.timings.clear()

    t0 = time.perf_counter()
    for _ in nlp.pipe((d.text for d in docs), batch_size=32):
        pass
    t_spacy = time.perf_counter() - t0

    t0 = time.perf_counter()
    for d in docs:
        ner_only.run(d).scratch.clear()
    t_ner = time.perf_counter() - t0

    t0 = time.perf_counter()
    for d in docs:
        full.run(d).scratch.clear()
    t_full = time.perf_counter() - t0

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(docs)} articles, {chars:,} characters, one core")
    print(f"{'run':<34}{'articles/s':>12}{'x spaCy time':>14}")
    print(f"{'bare spaCy nlp.pipe':<34}{rate(len(docs), t_spacy):>12.1f}{1.0:>14.2f}")
    print(f"{'presslens repair+parse+entities':<34}{rate(len(docs), t_ner):>12.1f}{t_ner / t_spacy:>14.2f}")
    print(f"{'presslens full pipeline':<34}{rate(len(docs), t_full):>12.1f}{t_full / t_spacy:>14.2f}")
    total = sum(full.timings.values())
    print("stage shares of the full pipeline: " + ", ".join(
        f"{k} {v / total:.1%}" for k, v in full.timings.items()))
    print(f"peak RSS {peak_mb:.0f} MB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
