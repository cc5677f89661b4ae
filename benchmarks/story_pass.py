"""Story assignment of a Parquet run: the cluster's map step and the sequential pass, per article.

    python benchmarks/story_pass.py                    # 2,000 and 10,000 generated articles
    python benchmarks/story_pass.py --sizes 20000 --write

Generated articles with story and reprint structure (benchmarks/corpus.py's generator) are
written as a Parquet run (64 articles a part, as `analyze --out-parquet` writes them), then
the run's corpus layer is computed in this process, without Ray, step by step:
reprint detection (engines/parquet_corpus.py), the per-part anchor summaries (the map
step, which a cluster spreads over its CPUs), and the sequential story pass
(engines/parquet_stories.py, one process whatever the cluster). Times are this process's
CPU seconds per 1,000 articles, so other users of a shared machine do not count.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _results import write_section  # noqa: E402
from corpus import Generator, cpu_seconds  # noqa: E402

from presslens.engines import parquet_corpus, parquet_stories  # noqa: E402
from presslens.model import Analysis  # noqa: E402
from presslens.store.parquet import PartWriter, parts  # noqa: E402


def build(out: Path, n: int) -> None:
    gen = Generator()
    writer = PartWriter(out, "bench")
    for i in range(n):
        rec = gen.article()
        writer.add(Analysis.from_dict(rec, raw=rec["text"].encode()), (i, 0))
        if i % 64 == 63:
            writer.write(f"part-{i:08d}")
    writer.write("part-last")


def measure(n: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "run"
        build(out, n)
        t = cpu_seconds()
        copies = parquet_corpus.write_reprints(out)
        reprints = cpu_seconds() - t
        t = cpu_seconds()
        summaries = [parquet_stories.summarise_part(str(out), str(p)) for p in parts(out)]
        mapped = cpu_seconds() - t
        t, wall = cpu_seconds(), time.perf_counter()
        stories = parquet_stories.assign(str(out), *summaries)
        sequential, seq_wall = cpu_seconds() - t, time.perf_counter() - wall
    per_k = 1000 / n
    return {"n": n, "copies": copies, "stories": stories, "reprints": reprints * per_k, "map": mapped * per_k,
            "pass": sequential * per_k, "pass_wall": seq_wall * per_k,
            "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2000,10000")
    ap.add_argument("--write", action="store_true", help="rewrite this benchmark's section of benchmarks/RESULTS.md")
    args = ap.parse_args(argv)
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        rows.append(measure(n))
        r = rows[-1]
        print(f"{r['n']:>7} articles: {r['copies']} copies, {r['stories']} stories; CPU s per 1k: reprints "
              f"{r['reprints']:.2f}, map {r['map']:.2f}, sequential pass {r['pass']:.2f} (wall {r['pass_wall']:.2f}); "
              f"peak RSS {r['rss']:.0f} MB", flush=True)
    if args.write:
        lines = ["<!-- story-pass:start -->", "## Stories of a Parquet run: map step and sequential pass", "",
                 f"Command: `python benchmarks/story_pass.py --sizes {args.sizes} --write` "
                 f"({time.strftime('%Y-%m-%d')}, this machine: 2 shared cores, no Ray: every step in one process)", "",
                 "Generated articles (benchmarks/corpus.py's generator: stories of a few days, a fifth reprints) written "
                 "as a Parquet run. CPU seconds per 1,000 articles; the map step spreads over a cluster's CPUs, the "
                 "sequential pass does not. Wall time counts other users' work on this shared machine (load average "
                 f"{os.getloadavg()[0]:.0f} at the end of the run).", "",
                 "| articles | copies | stories | reprints (map, reduce, replay) | story map step | sequential story pass | pass, wall | peak RSS of the process |",
                 "|---|---|---|---|---|---|---|---|"]
        for r in rows:
            lines.append(f"| {r['n']:,} | {r['copies']:,} | {r['stories']:,} | {r['reprints']:.2f} s | {r['map']:.2f} s | "
                         f"{r['pass']:.2f} s | {r['pass_wall']:.2f} s | {r['rss']:.0f} MB |")
        lines.append("<!-- story-pass:end -->")
        write_section("<!-- story-pass:start -->", "<!-- story-pass:end -->", "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
