"""Ray engine scaling on a simulated multi-node cluster on this machine.

usage: python benchmarks/ray_scaling.py [--n 200] [--stages repair,parse,entities] [--parquet] [--write]

Starts a head node and one worker node of one CPU each (ray.cluster_utils.Cluster,
the same raylets `ray start --num-cpus 1` makes), then analyses the same generated
JSON Lines with 1 and with 2 Analyser actors, side by side in one run. Reports
articles/s over the whole run and after every actor's first result (model
loading excluded), the driver's CPU time as a share of the cluster's CPU time
over the run, and the peak RSS of one actor. --parquet adds the same runs with
the actors writing Parquet parts (analyze --out-parquet: batches of 64, results
never sent to the driver) and the reprint pass over the written run. --write
rewrites the Ray section of benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import write_section  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- ray-scaling:start -->", "<!-- ray-scaling:end -->"
_WORDS = ("the council said on Monday that Minister Ola Berg met farmers in Bergen while police arrested two men "
          "after the vote and the union leader Maria Lind told reporters the strike would go on").split()


def _articles(path: Path, n: int) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            sentences = [" ".join(rng.choice(_WORDS) for _ in range(18)).capitalize() + "." for _ in range(25)]
            f.write(json.dumps({"id": f"a{i}", "text": f"Report {i}\n\n" + " ".join(sentences)}) + "\n")


def _actor_rss_kb() -> list[int]:
    out = []
    for p in Path("/proc").iterdir():
        if not p.name.isdigit():
            continue
        try:
            if (p / "cmdline").read_bytes().startswith(b"ray::Analyser"):
                status = (p / "status").read_text()
                out += [int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")]
        except OSError:
            continue
    return out


def _run(jsonl: Path, workers: int, stages: tuple[str, ...], parquet: Path | None = None) -> dict:
    from presslens.engines.parquet_run import BATCH
    from presslens.engines.ray import analyze_units, batches, units

    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.5):
            peak[0] = max([peak[0], *_actor_rss_kb()])

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    cpu0 = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
    t0 = time.perf_counter()
    firsts: list[float] = []
    n = 0
    work = units([str(jsonl)], 10 << 20)
    if parquet is not None:
        work = batches(work, str(parquet), "bench", BATCH)
    for item in analyze_units(work, jobs=workers, stage_names=stages):
        n += hasattr(item, "document") or type(item).__name__ == "Written"
        if len(firsts) < workers:
            firsts.append(time.perf_counter())
    wall = time.perf_counter() - t0
    driver_cpu = sum(resource.getrusage(resource.RUSAGE_SELF)[:2]) - cpu0
    stop.set()
    sampler.join()
    steady_n = n - workers
    steady = (t0 + wall) - firsts[-1]
    if parquet is not None:  # a batch answers all at once: no per-article first result to start from
        steady = 0.0
    reprint_s = None
    if parquet is not None:
        from presslens.engines.parquet_corpus import write_reprints

        r0 = time.perf_counter()
        write_reprints(parquet, use_ray=True)
        reprint_s = time.perf_counter() - r0
    return {"workers": workers, "mode": "Parquet parts" if parquet else "results to driver", "reprint_s": reprint_s,
            "articles": n, "wall": wall, "rate": n / wall,
            "steady": steady_n / steady if steady > 0 else None,
            "driver_share": driver_cpu / (wall * workers), "peak_rss_mb": peak[0] / 1024}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--stages", default="repair,parse,entities")
    ap.add_argument("--parquet", action="store_true", help="also run with the actors writing Parquet")
    ap.add_argument("--write", action="store_true", help="rewrite the Ray section of benchmarks/RESULTS.md")
    a = ap.parse_args()
    import ray
    from ray.cluster_utils import Cluster

    stages = tuple(a.stages.split(","))
    # no dashboard: its agents would take CPU from the two one-CPU nodes, which a real head node
    # (with cores of its own) does not
    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False})
    cluster.add_node(num_cpus=1)
    ray.init(address=cluster.address, log_to_driver=False)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            jsonl = Path(tmp) / "articles.jsonl"
            _articles(jsonl, a.n)
            rows = [_run(jsonl, w, stages) for w in (1, 2)]
            if a.parquet:
                rows += [_run(jsonl, w, stages, Path(tmp) / f"run{w}") for w in (1, 2)]
    finally:
        ray.shutdown()
        cluster.shutdown()
    lines = [f"{a.n} generated articles, stages {a.stages}; 2 nodes of 1 CPU each on one machine", "",
             "| results | actors | articles/s (whole run) | articles/s (after model load) | speed-up (after load) "
             "| driver CPU share | peak RSS per actor | reprint pass |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        base = next(b for b in rows if b["mode"] == r["mode"] and b["workers"] == 1)
        reprints = f"{r['reprint_s']:.1f} s" if r["reprint_s"] is not None else "–"
        steady = f"{r['steady']:.2f}" if r["steady"] else "–"
        speedup = r["steady"] / base["steady"] if r["steady"] and base["steady"] else r["rate"] / base["rate"]
        lines.append(f"| {r['mode']} | {r['workers']} | {r['rate']:.2f} | {steady} "
                     f"| {speedup:.2f}×{'' if r['steady'] else ' (whole run)'} | {r['driver_share']:.1%} "
                     f"| {r['peak_rss_mb']:.0f} MB | {reprints} |")
    report = "\n".join(lines)
    print(report)
    if a.write:
        command = "python benchmarks/ray_scaling.py " + " ".join(sys.argv[1:])
        section = (f"{START}\n## Ray engine scaling\n\nCommand: `{command.strip()}` ({time.strftime('%Y-%m-%d')}, "
                   f"this machine: 2 cores, Ray dashboard off)\n\n{report}\n{END}\n")
        write_section(START, END, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
