"""presslens against bare spaCy on the same articles, in one run.

Prints articles/s for bare `nlp.pipe` (the same spaCy model, whole articles),
for presslens with only the NER path (repair, parse, entities) and for the
full default pipeline, the ratios, each stage's share of the full pipeline's
time, and peak RSS. One core: torch/onnx/BLAS threads are pinned to 1.

usage: python benchmarks/throughput.py [--n 200] [--source DIR] [--write]
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
    ap.add_argument("--write", action="store_true", help="also rewrite its section of benchmarks/RESULTS.md")
    a = ap.parse_args()

    from presslens.nlp import load_nlp
    from presslens.assembly import DEFAULT_STAGES
    from presslens.pipeline import Pipeline

    docs = load_articles(a.n, a.source)
    chars = sum(len(d.text) for d in docs)
    nlp = load_nlp()
    runs = {
        "presslens repair+parse+entities": Pipeline.from_names(("repair", "parse", "entities")),
        "presslens ... +quotes": Pipeline.from_names(("repair", "parse", "entities", "quotes")),
        "presslens full pipeline": Pipeline.from_names(DEFAULT_STAGES),
    }
    # warm every model once so loading is not timed
    list(nlp.pipe([docs[0].text]))
    for p in runs.values():
        p.run(docs[0])
        p.timings.clear()

    t0 = time.perf_counter()
    for _ in nlp.pipe((d.text for d in docs), batch_size=32):
        pass
    t_spacy = time.perf_counter() - t0

    lines = [f"{len(docs)} articles, {chars:,} characters, one core", "",
             "| run | articles/s | time vs bare spaCy |", "|---|---|---|",
             f"| bare spaCy nlp.pipe | {rate(len(docs), t_spacy):.1f} | 1.00 |"]
    for name, pipeline in runs.items():
        t0 = time.perf_counter()
        for d in docs:
            pipeline.run(d).scratch.clear()
        took = time.perf_counter() - t0
        lines.append(f"| {name} | {rate(len(docs), took):.1f} | {took / t_spacy:.2f} |")
    full = runs["presslens full pipeline"]
    total = sum(full.timings.values())
    lines += ["", "Stage shares of the full pipeline: " + ", ".join(
        f"{k} {v / total:.1%}" for k, v in full.timings.items()) + ".",
        f"Peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB."]
    report = "\n".join(lines)
    print(report)
    if a.write:
        command = "python benchmarks/throughput.py " + " ".join(sys.argv[1:])
        section = (f"# Throughput\n\nCommand: `{command.strip()}` ({time.strftime('%Y-%m-%d')}, this machine: "
                   f"{os.cpu_count()} cores, run pinned to one thread)\n\n{report}\n")
        path = ROOT / "benchmarks" / "RESULTS.md"
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        # this section is the file's head: keep every section after it (other benchmarks write those)
        ends = [i for i in (old.find("\n## "), old.find("\n<!-- ")) if i >= 0]
        path.write_text(section + (old[min(ends):] if ends else ""), encoding="utf-8")


if __name__ == "__main__":
    main()
