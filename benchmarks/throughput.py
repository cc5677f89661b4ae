"""presslens against bare spaCy on the same articles, in one run.

Prints articles/s for bare `nlp.pipe` (the same spaCy model as it ships, lemmatizer
excluded as presslens always did, whole articles; `nlp.load_stock_nlp`, not the copy
presslens parses with, whose attribute ruler is a table),
for presslens with only the NER path (repair, parse, entities) and for the
full default pipeline, the ratios, each stage's share of the full pipeline's
time, and peak RSS. One core: torch/onnx/BLAS threads are pinned to 1.

The ratios are of process CPU time (time.process_time): the machines this runs on
are shared, and wall time there also counts everyone else's load. Wall-time
ratios are printed beside them.

`--profile N` runs the full pipeline once more under cProfile and prints the N
functions with the most own time, overall and inside the framing stage (not
written to RESULTS.md; the profiler's overhead distorts the ratios).

The runs alternate in rounds of `--round` articles (bare spaCy, then each presslens
run, on the same articles), so a change in the machine's load hits them alike.

usage: python benchmarks/throughput.py [--n 200] [--round 32] [--source DIR] [--write] [--profile 30]
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


def profile(pipeline, docs: list, top: int) -> None:
    """cProfile of the full pipeline over `docs`: own time overall, then inside the framing stage."""
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        pipeline.run(d).scratch.clear()
    prof.disable()
    stats = pstats.Stats(prof, stream=sys.stdout).strip_dirs()
    print(f"\n## cProfile, full pipeline: top {top} by own time")
    stats.sort_stats("tottime").print_stats(top)
    print("## ... called from the framing stage (cumulative)")
    stats.sort_stats("cumulative").print_callees("framing_stage")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--source")
    ap.add_argument("--write", action="store_true", help="also rewrite its section of benchmarks/RESULTS.md")
    ap.add_argument("--round", type=int, default=32, help="articles per interleaved round")
    ap.add_argument("--profile", type=int, metavar="N", help="also profile the full pipeline: top N functions")
    a = ap.parse_args()

    from presslens.nlp import load_stock_nlp
    from presslens.assembly import DEFAULT_STAGES
    from presslens.pipeline import Pipeline

    docs = load_articles(a.n, a.source)
    chars = sum(len(d.text) for d in docs)
    nlp = load_stock_nlp()  # the reference: spaCy's own pipeline, not presslens's faster copy of it
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
        p.cpu_timings.clear()

    # Interleaved in rounds of `--round` articles: on a shared machine the load drifts during
    # a run, and a drift then hits every run alike instead of whichever happened to be timed last.
    wall = {"bare spaCy nlp.pipe": 0.0, **{k: 0.0 for k in runs}}
    cpu = dict(wall)
    for at in range(0, len(docs), a.round):
        part = docs[at:at + a.round]
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe((d.text for d in part), batch_size=32):
            pass
        wall["bare spaCy nlp.pipe"] += time.perf_counter() - t0
        cpu["bare spaCy nlp.pipe"] += time.process_time() - c0
        for name, pipeline in runs.items():
            t0, c0 = time.perf_counter(), time.process_time()
            for d in part:
                pipeline.run(d).scratch.clear()
            wall[name] += time.perf_counter() - t0
            cpu[name] += time.process_time() - c0
    c_spacy, t_spacy = cpu["bare spaCy nlp.pipe"], wall["bare spaCy nlp.pipe"]
    lines = [f"{len(docs)} articles, {chars:,} characters, one thread, runs interleaved in rounds of "
             f"{a.round} articles; ratios of process CPU time", "",
             "| run | articles per CPU s | CPU time vs bare spaCy | wall time vs bare spaCy |", "|---|---|---|---|"]
    for name in wall:
        lines.append(f"| {name} | {rate(len(docs), cpu[name]):.1f} | {cpu[name] / c_spacy:.2f} | "
                     f"{wall[name] / t_spacy:.2f} |")
    full = runs["presslens full pipeline"]
    total = sum(full.cpu_timings.values())
    lines += ["", "Stage shares of the full pipeline's CPU time: " + ", ".join(
        f"{k} {v / total:.1%}" for k, v in full.cpu_timings.items()) + ".",
        f"Peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB."]
    report = "\n".join(lines)
    print(report)
    if a.profile:
        profile(full, docs, a.profile)
    if a.write:
        command = "python benchmarks/throughput.py " + " ".join(sys.argv[1:])
        section = (f"# Throughput\n\nCommand: `{command.strip()}` ({time.strftime('%Y-%m-%d')}, this machine: "
                   f"{os.cpu_count()} cores shared, run pinned to one thread, CPU time)\n\n{report}\n")
        path = ROOT / "benchmarks" / "RESULTS.md"
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        # this section is the file's head: keep every section after it (other benchmarks write those)
        ends = [i for i in (old.find("\n## "), old.find("\n<!-- ")) if i >= 0]
        path.write_text(section + (old[min(ends):] if ends else ""), encoding="utf-8")


if __name__ == "__main__":
    main()
