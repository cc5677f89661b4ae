"""Peak driver memory while `presslens analyze` streams a ~100 MB JSON Lines file.

usage: python benchmarks/stream_rss.py [--articles 20000] [--seconds S] [--engine local|ray]
                                       [--jobs N] [--stages A,B] [--out-parquet] [--write]

Generates (in a temporary folder, deleted after) a JSON Lines file of
`--articles` synthetic news articles of about 5 KB each (20,000 make ~100 MB),
then runs the real command on it, full pipeline and store included:

    presslens analyze big.jsonl --db store.db --format json --quiet [--engine ray --jobs N]

and samples, every two seconds, how many articles it has printed and the
resident memory of the driver (the `presslens` process; VmRSS, and VmHWM, the
kernel's own peak) and of its whole process tree (workers, Ray actors).
`--seconds S` stops the run after S seconds (a full analysis of 20,000
articles takes hours on a shared 2-core machine): the report then says how
many articles were analysed, and shows the memory over the run so that a
flat line can be told from a growing one (the slope over the second half of
the run, in MB per 1,000 articles). A second row reads the whole file
through the ingest layer alone (no analysis), so the reader's memory is
measured over all 20,000 articles whatever the time limit.
With --out-parquet the command writes a Parquet run instead of the store
(`presslens analyze big.jsonl --out-parquet DIR --format none --quiet`): with
`--engine ray` the actors write the results and the driver only hands out work,
which is the setup meant for large inputs; progress is the rows written to DIR.
--write rewrites this benchmark's section of benchmarks/RESULTS.md with the
row(s) of this run (one engine per run; each engine keeps its own row).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import RESULTS, write_section  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
START, END = "<!-- stream-rss:start -->", "<!-- stream-rss:end -->"
TARGET_MB = 500

_FIRST = "Anna Olaf Maria Jonas Elena Pavel Ines Tomas Lena Karim Sofia Marek Ruth Ivan Clara Diego".split()
_LAST = "Berg Lind Novak Kovacs Moreau Haddad Petrov Silva Jensen Rossi Weber Okafor Tanaka Brandt".split()
_PLACES = "Bergen Brno Lyon Porto Tartu Gdansk Varna Split Leeds Graz Turku Cork Malmo Ghent".split()
_ORGS = ("the city council", "the port authority", "the health ministry", "the teachers' union",
         "the central bank", "the regional court", "the farmers' association", "the transport agency")
_VERBS = ("approved", "rejected", "delayed", "announced", "criticised", "defended", "questioned", "funded")
_THINGS = ("a new ferry line", "the budget for next year", "a ban on night flights", "the hospital merger",
           "a rise in bus fares", "the flood barrier", "plans for a wind farm", "the school reform")
_MONTHS = "January February March April May June July August September October November December".split()


def _sentence(rng: random.Random) -> str:
    name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    org, thing, place = rng.choice(_ORGS), rng.choice(_THINGS), rng.choice(_PLACES)
    day = f"{rng.randint(1, 28)} {rng.choice(_MONTHS)} {rng.randint(2015, 2025)}"
    amount = f"{rng.randint(2, 900)} million euros"
    return rng.choice((
        f"On {day}, {org} in {place} {rng.choice(_VERBS)} {thing}, a decision worth {amount}.",
        f"\"We will not accept {thing},\" said {name}, who has led {org} since {rng.randint(2001, 2020)}.",
        f"{name} told reporters in {place} that {org} had {rng.choice(_VERBS)} {thing} after {rng.randint(2, 40)} hours of talks.",
        f"According to {name}, the cost of {thing} rose by {rng.randint(2, 60)} percent to {amount}.",
        f"Police in {place} detained {rng.randint(2, 30)} protesters outside the offices of {org} on {day}.",
        f"Critics said {thing} would hurt families in {place}, while {name} called it \"long overdue\".",
    ))


def generate(path: Path, n: int, seed: int = 18) -> int:
    """`n` articles of about 5 KB each, every one different; the file's size in bytes."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            place = rng.choice(_PLACES)
            paras, size = [], 0
            while size < 4_700:
                para = " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))
                paras.append(para)
                size += len(para) + 2
            f.write(json.dumps({"id": f"bench-{i}", "title": f"{place}: report {i}", "url": f"https://news.example/{i}",
                                "published": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                                "text": "\n\n".join(paras)}, ensure_ascii=False) + "\n")
    return path.stat().st_size


def _status_kb(pid: int, field: str) -> int:
    try:
        m = re.search(rf"{field}:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    except OSError:
        return 0
    return int(m.group(1)) if m else 0


def _tree_kb(pid: int) -> int:
    """VmRSS of `pid` and every descendant (pool workers, forkserver, Ray processes it started)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(re.search(r"PPid:\s+(\d+)", Path(f"/proc/{entry}/status").read_text()).group(1))
            except (OSError, AttributeError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _status_kb(p, "VmRSS")
        todo.extend(children.get(p, []))
    return total


class PartRows:
    """Articles written so far to a Parquet run: the row counts of its `articles` parts, each
    part's footer read once (a part is renamed into place whole, so a name seen is complete)."""

    def __init__(self, out: Path) -> None:
        self.folder = out / "articles"
        self.counted: dict[str, int] = {}

    def __call__(self) -> int:
        import pyarrow.parquet as pq

        if self.folder.is_dir():
            for part in self.folder.glob("part-*.parquet"):
                if part.name not in self.counted:
                    try:
                        self.counted[part.name] = pq.ParquetFile(part).metadata.num_rows
                    except Exception:  # noqa: BLE001 - replaced while we looked: counted next time
                        continue
        return sum(self.counted.values())


def run_analysis(jsonl: Path, work: Path, args) -> dict:
    if args.out_parquet:  # the workers write the results; the driver reads, routes and resumes
        cmd = [str(BIN / "presslens"), "analyze", str(jsonl), "--out-parquet", str(work / "run"), "--format", "none",
               "--quiet"]
    else:
        cmd = [str(BIN / "presslens"), "analyze", str(jsonl), "--db", str(work / "store.db"), "--format", "json",
               "--quiet"]
    if args.engine == "ray":
        cmd += ["--engine", "ray", "--jobs", str(args.jobs)]
    elif args.jobs > 1:
        cmd += ["--jobs", str(args.jobs)]
    if args.stages:
        cmd += ["--stages", args.stages]
    env = dict(os.environ)
    # a fresh local cluster unless one is named: never join a cluster someone else started here
    env.setdefault("RAY_ADDRESS", "local")
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
    done = [0]
    errors: list[str] = []

    def count() -> None:
        for _ in proc.stdout:
            done[0] += 1

    def keep_errors() -> None:
        for line in proc.stderr:
            if len(errors) < 20:
                errors.append(line.decode("utf-8", "replace").rstrip())

    threads = [threading.Thread(target=count, daemon=True), threading.Thread(target=keep_errors, daemon=True)]
    for t in threads:
        t.start()
    samples: list[tuple[float, int, int, int]] = []  # seconds, articles, driver RSS KB, tree RSS KB
    loads: list[float] = []  # the machine's 1-minute load average: other people's work shares the cores
    hwm = 0
    stopped = False
    written = PartRows(work / "run") if args.out_parquet else None
    while proc.poll() is None:
        now = time.monotonic() - started
        if written:
            done[0] = written()
        rss, tree = _status_kb(proc.pid, "VmRSS"), _tree_kb(proc.pid)
        hwm = max(hwm, _status_kb(proc.pid, "VmHWM"), rss)
        if rss:
            samples.append((now, done[0], rss, tree))
            loads.append(os.getloadavg()[0])
        if args.seconds and now > args.seconds:
            stopped = True
            os.killpg(proc.pid, signal.SIGINT)  # the CLI's own Ctrl-C path: the store is closed cleanly
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
            break
        time.sleep(2)
    proc.wait()
    for t in threads:
        t.join(timeout=10)
    if written:
        done[0] = written()
    return {"seconds": time.monotonic() - started, "articles": done[0], "samples": samples, "hwm_kb": hwm,
            "stopped": stopped, "rc": proc.returncode, "errors": errors, "cmd": cmd,
            "load": sum(loads) / len(loads) if loads else 0.0}


def run_reader(jsonl: Path) -> dict:
    """The ingest layer alone over the whole file, in a fresh process: its peak RSS."""
    code = ("import resource, sys\nfrom presslens.ingest import read_inputs\nn = sum(1 for _ in read_inputs([sys.argv[1]]))\n"
            "print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    started = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code, str(jsonl)], capture_output=True, text=True, check=True).stdout.split()
    return {"articles": int(out[0]), "peak_kb": int(out[1]), "seconds": time.monotonic() - started}


def slope_mb_per_1000(samples: list[tuple[float, int, int, int]]) -> float | None:
    """Least-squares slope of driver RSS against articles over the second half of the run."""
    half = [(a, r) for _, a, r, _ in samples if a >= max(s[1] for s in samples) / 2]
    if len(half) < 3 or half[-1][0] == half[0][0]:
        return None
    mx = sum(a for a, _ in half) / len(half)
    my = sum(r for _, r in half) / len(half)
    var = sum((a - mx) ** 2 for a, _ in half)
    return sum((a - mx) * (r - my) for a, r in half) / var * 1000 / 1024 if var else None


def analysis_phase_peak_kb(samples: list[tuple[float, int, int, int]]) -> int:
    """Largest sampled driver RSS up to the first sample that saw the final article count."""
    if not samples:
        return 0
    last = max(s[1] for s in samples)
    peak = 0
    for _, articles, rss, _ in samples:
        peak = max(peak, rss)
        if articles >= last:
            break
    return peak


def over_time(samples) -> list[str]:
    """Driver RSS at about every tenth of the run, as `articles: MB`."""
    if not samples:
        return []
    step = max(1, len(samples) // 10)
    picked = samples[::step] + ([samples[-1]] if (len(samples) - 1) % step else [])
    return [f"{a:,}: {r / 1024:.0f}" for _, a, r, _ in picked]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", "--limit", type=int, default=20_000, help="articles in the generated file (default 20,000)")
    ap.add_argument("--seconds", type=float, default=0, help="stop the analysis after this long (default: run to the end)")
    ap.add_argument("--engine", choices=("local", "ray"), default="local")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--stages", help="stages (default: the full pipeline; the headline number uses the default)")
    ap.add_argument("--out-parquet", action="store_true",
                    help="write the run as Parquet parts (analyze --out-parquet DIR) instead of the store")
    ap.add_argument("--no-reader", action="store_true", help="skip the reader-alone row")
    ap.add_argument("--write", action="store_true", help="rewrite this run's rows in benchmarks/RESULTS.md")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="presslens-stream-") as tmp:
        work = Path(tmp)
        jsonl = work / "big.jsonl"
        size = generate(jsonl, args.articles)
        print(f"generated {args.articles:,} articles, {size:,} bytes", file=sys.stderr)
        reader = None if args.no_reader else run_reader(jsonl)
        if reader:
            print(f"reader alone: {reader['articles']:,} articles, peak {reader['peak_kb'] / 1024:.0f} MB, "
                  f"{reader['seconds']:.0f} s", file=sys.stderr)
        res = run_analysis(jsonl, work, args)
    slope = slope_mb_per_1000(res["samples"])
    peak_tree = max((s[3] for s in res["samples"]), default=0)
    engine = "ray" if args.engine == "ray" else "local"
    label = (f"`--engine {engine} --jobs {args.jobs}`" + (" `--out-parquet DIR`" if args.out_parquet else "")
             + (f" `--stages {args.stages}`" if args.stages else ""))
    how = (f"stopped after {res['seconds']:.0f} s (time limit)" if res["stopped"]
           else f"ran to the end in {res['seconds']:.0f} s (exit {res['rc']})") + f", mean load average {res['load']:.1f}"
    phase = analysis_phase_peak_kb(res["samples"])
    if args.out_parquet and phase and not res["stopped"]:
        # the run's reprint pass comes after the last article is written; say which part peaked
        how += f"; driver peak while articles were written {phase / 1024:.0f} MB (sampled), the rest in the passes after"
    summary = {
        "engine": label, "file_articles": args.articles, "file_bytes": size, "analysed": res["articles"], "how": how,
        "rate": res["articles"] / res["seconds"] if res["seconds"] else 0, "driver_peak_mb": res["hwm_kb"] / 1024,
        "tree_peak_mb": peak_tree / 1024, "slope_mb_per_1000": slope, "over_time": over_time(res["samples"]),
    }
    print(json.dumps({**summary, "errors": res["errors"][:5]}, indent=1))
    if args.write:
        write(summary, reader)
    return 0


def _row(s: dict) -> str:
    slope = "–" if s["slope_mb_per_1000"] is None else f"{s['slope_mb_per_1000']:+.1f}"
    verdict = "yes" if s["driver_peak_mb"] <= TARGET_MB else "**no**"
    return (f"| {s['engine']} | {s['analysed']:,} of {s['file_articles']:,}; {s['how']} | {s['rate']:.2f} | "
            f"{s['driver_peak_mb']:.0f} | {verdict} | {s['tree_peak_mb']:.0f} | {slope} | {'; '.join(s['over_time'])} |")


def write(summary: dict, reader: dict | None) -> None:
    """Keep the other engine's row from the section already there; replace this one's."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    kept: list[str] = []
    reader_row = None
    if START in old and END in old:
        section = old[old.index(START):old.index(END)]
        for line in section.splitlines():
            if line.startswith("| `--engine") and not line.startswith(f"| {summary['engine']} "):
                kept.append(line)
            if line.startswith("| reader alone"):
                reader_row = line
    if reader:
        reader_row = (f"| reader alone (`read_inputs`, no analysis) | {reader['articles']:,} of {summary['file_articles']:,} "
                      f"| {reader['articles'] / reader['seconds']:.0f} | {reader['peak_kb'] / 1024:.0f} | "
                      f"{'yes' if reader['peak_kb'] / 1024 <= TARGET_MB else '**no**'} | – | – | – |")
    rows = sorted(kept + [_row(summary)])
    cmd = "python benchmarks/stream_rss.py --articles N [--seconds S] [--engine ray --jobs 2] [--out-parquet] [--stages S] --write"
    section = f"""{START}
## Streaming a large JSON Lines file: peak driver memory

A generated JSON Lines file of {summary['file_articles']:,} synthetic articles ({summary['file_bytes']:,} bytes,
about 5 KB a line, every article different) analysed by the real command with the full pipeline and the
store: `presslens analyze big.jsonl --db store.db --format json --quiet`, driver memory sampled from
/proc every 2 s (`{cmd}`, {time.strftime('%Y-%m-%d')}, 2 shared cores). The full 20,000 take hours here,
so a run may stop at a time limit: the row says how many articles were analysed, and the memory over the
run (driver RSS in MB at article counts) shows whether it grows. Target: peak driver RSS ≤ {TARGET_MB} MB.
Rows without `--stages` run the full pipeline and are the headline; a `--stages` row skips stages to get
further into the file in the time; the reader-alone row reads every article of the file and analyses
none. With `--jobs 1` the driver holds the models too; with `--jobs 2` (processes or Ray actors) it only
reads, routes and stores, and the tree column adds the workers. Ray runs start their own local cluster.
An `--out-parquet DIR` row runs `presslens analyze big.jsonl --out-parquet DIR --format none --quiet` instead:
the Ray actors read, analyse and write the Parquet parts themselves, and the driver only walks the file, skips
ids already in DIR (8 bytes an id) and hands out batches of 64 lines, a bounded number at a time; its
article count is the rows in DIR. After the last article the run finds reprints over DIR
(engines/parquet_corpus.py), and the row says which phase peaked.

| run | articles analysed | articles/s | peak driver RSS MB (VmHWM) | ≤ {TARGET_MB} MB | peak tree RSS MB | driver MB per 1,000 articles (2nd half) | driver RSS over the run (articles: MB) |
|---|---|---|---|---|---|---|---|
{chr(10).join(rows)}
{reader_row or ''}
{END}
"""
    write_section(START, END, section)


if __name__ == "__main__":
    raise SystemExit(main())
