"""Russian: presslens against the Russian parser alone, on the same articles.

"Parser alone" is what parse_ru adds up to without presslens around it:
razdel segmentation plus slovnet morphology and syntax (natasha's Doc),
over each whole article. presslens is the default pipeline routed to the
Russian stages (language detection, repair, parse_ru with NER, entities_ru,
quotes_ru, events_ru). Target: presslens <= 2x the parser alone.

usage: python benchmarks/russian.py [--n 60] [--source DIR] [--no-write]
Without --source it reads NEREL dev texts from ../shared/data when present,
else the Russian fixture in tests/. Rewrites its section of benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import sys  # noqa: E402
import time  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- russian:start -->", "<!-- russian:end -->"


def load(n: int, source: str | None) -> list:
    from presslens.ingest import read_inputs
    from presslens.ingest.text import document_from_text
    from presslens.model import Document

    default = Path(os.environ.get("PRESSLENS_SHARED", ROOT.parent / "shared")) / "data" / "nerel" / "dev"
    if source or default.exists():
        docs = [d for d in read_inputs([source or str(default)]) if isinstance(d, Document)
                and d.source.endswith(".txt")]
    else:
        import importlib.util

        spec = importlib.util.spec_from_file_location("t", ROOT / "tests" / "test_russian.py")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        docs = [document_from_text(mod.RU, source="fixture.txt")]
    while len(docs) < n:
        docs += docs
    return docs[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--source")
    ap.add_argument("--no-write", action="store_true", help="print, do not rewrite benchmarks/RESULTS.md")
    a = ap.parse_args()
    from natasha import Doc

    from presslens.assembly import DEFAULT_STAGES
    from presslens.pipeline import Pipeline
    from presslens.ru.parse import load_models

    docs = load(a.n, a.source)
    segmenter, morph, syntax, _ = load_models()
    pipe = Pipeline.from_names(DEFAULT_STAGES)
    pipe.run(docs[0])  # load every model before timing
    pipe.timings.clear()
    parser = full = 0.0
    # article by article, the parser then presslens: on a shared machine a burst of load
    # then falls on both sides of the ratio, not on whichever loop ran during it
    for d in docs:
        t0 = time.perf_counter()
        doc = Doc(d.text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        t1 = time.perf_counter()
        pipe.run(d)
        t2 = time.perf_counter()
        parser += t1 - t0
        full += t2 - t1
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} Russian articles, {chars} characters")
    print(f"parser alone (razdel + slovnet morph + syntax): {parser:.2f} s, {len(docs) / parser:.1f} articles/s")
    print(f"presslens default pipeline, routed to Russian:   {full:.2f} s, {len(docs) / full:.1f} articles/s")
    print(f"ratio presslens / parser alone: {full / parser:.2f} (target <= 2.00)")
    shares = ", ".join(f"{k} {v / full:.0%}" for k, v in pipe.timings.items())
    print("stage shares: " + shares)
    if not a.no_write:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from _results import write_section

        source = a.source or ("NEREL dev" if len(docs) > 1 else "the test fixture")
        write_section(START, END, "\n".join([
            START, "## Russian: presslens against the Russian parser alone", "",
            f"Command: `python benchmarks/{Path(__file__).name} --n {a.n}` (run {date.today()}), "
            f"{len(docs)} articles of {source}, {chars} characters; parser and presslens timed "
            "article by article in turn on a shared machine.", "",
            "| system | seconds | articles/s |", "|---|---|---|",
            f"| parser alone (razdel + slovnet morph + syntax) | {parser:.2f} | {len(docs) / parser:.1f} |",
            f"| presslens default pipeline routed to Russian | {full:.2f} | {len(docs) / full:.1f} |", "",
            f"Ratio presslens / parser alone: **{full / parser:.2f}** (target <= 2.00). Stage shares: {shares}.",
            END]))


if __name__ == "__main__":
    main()
