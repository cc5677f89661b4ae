"""A bounded soak of `presslens serve`: mixed reads and writes on loopback.

Starts a server on a fresh store in a temporary folder, then:
0. warm-up: two small writes, so both analysis workers have loaded their models;
1. probe: a maximal article (the analysis text limit) is POSTed and, while it
   is analysed, a small one; the small one's wait is reported;
2. burst: `--burst` writes at once (default 100), with readers running;
3. mixed: readers (`--readers` threads over pages, API lists, search) and a
   few writers until `--minutes` have passed since the start.
Then every write that was answered 2xx is looked up (a lost article is one
answered 2xx that the store does not hold), the server is stopped, and the
report gives latency percentiles for reads and writes, status counts (5xx
separately), and the RSS of the server's whole process tree over time.

usage: python benchmarks/soak.py [--minutes 2] [--burst 100] [--readers 16] [--write]
--write replaces the "Soak" section of benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import write_section  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- soak:start -->", "<!-- soak:end -->"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_rss_mb(pid: int) -> float:
    """Resident memory of `pid` and all its descendants (the analysis workers), from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        ppid = int(re.search(r"PPid:\s+(\d+)", status).group(1))
        m = re.search(r"VmRSS:\s+(\d+) kB", status)
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = int(m.group(1)) if m else 0
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total / 1024


class Client:
    def __init__(self, base: str) -> None:
        self.base = base
        self.lock = threading.Lock()
        self.samples: list[tuple[str, int, float]] = []  # kind, status, seconds

    def call(self, kind: str, path: str, body: dict | None = None, timeout: float = 900) -> tuple[int, dict | None]:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method="POST" if data else "GET",
                                     headers={"content-type": "application/json"} if data else {})
        t0 = time.perf_counter()
        payload = None
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                status, raw = r.status, r.read()
                if path.startswith("/api") and r.headers.get("content-type", "").startswith("application/json"):
                    payload = json.loads(raw)
        except urllib.error.HTTPError as e:
            status = e.code
            e.read()
        except Exception:  # noqa: BLE001 - refused or reset connections count as errors
            status = 0
        with self.lock:
            self.samples.append((kind, status, time.perf_counter() - t0))
        return status, payload


def article_texts(n: int) -> list[str]:
    paras = []
    for p in sorted((ROOT / "examples").glob("*.txt")):
        paras += [x.strip() for x in p.read_text(encoding="utf-8").split("\n\n") if len(x.strip()) > 80]
    rnd = random.Random(16)
    return [f"Report {i}\n\n" + "\n\n".join(rnd.sample(paras, k=min(3, len(paras)))) + f"\n\nFiled as item {i}."
            for i in range(n)]


def maximal_text() -> str:
    from presslens.bounds import MAX_TEXT_CHARS

    base = " ".join(p.read_text(encoding="utf-8").replace("\n", " ") for p in sorted((ROOT / "examples").glob("*.txt")))
    return ((base + " ") * (MAX_TEXT_CHARS // len(base) + 1))[:MAX_TEXT_CHARS - 10]


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=float, default=2.0, help="total run time (default 2)")
    ap.add_argument("--burst", type=int, default=100, help="concurrent writes in the burst (default 100)")
    ap.add_argument("--readers", type=int, default=16, help="concurrent reader threads (default 16)")
    ap.add_argument("--writers", type=int, default=4, help="writer threads after the burst (default 4)")
    ap.add_argument("--write", action="store_true", help="replace the Soak section of benchmarks/RESULTS.md")
    a = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="presslens-soak-"))
    port = free_port()
    log = open(tmp / "server.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "presslens", "serve", "--db", str(tmp / "soak.db"),
                               "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    client = Client(f"http://127.0.0.1:{port}")
    rss: list[tuple[float, float]] = []
    t_start = time.perf_counter()
    stop = threading.Event()

    def sample_rss() -> None:
        while not stop.is_set():
            rss.append((time.perf_counter() - t_start, tree_rss_mb(server.pid)))
            stop.wait(5)

    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(client.base + "/api/articles", timeout=2).read()
                break
            except Exception:  # noqa: BLE001 - not up yet
                time.sleep(0.2)
        threading.Thread(target=sample_rss, daemon=True).start()
        ok_ids: list[str] = []
        ids_lock = threading.Lock()
        texts = iter(article_texts(100_000))
        texts_lock = threading.Lock()

        def write(kind: str = "write", text: str | None = None) -> int:
            if text is None:
                with texts_lock:
                    text = next(texts)
            status, payload = client.call(kind, "/api/analyze", {"text": text})
            if 200 <= status < 300 and payload and "id" in payload:
                with ids_lock:
                    ok_ids.append(payload["id"])
            return status

        read_paths = ["/", "/articles", "/api/articles?limit=20", "/api/search?q=court", "/search?q=minister",
                      "/api/quotes?limit=20", "/api/entities?limit=20", "/dashboard", "/api/events?limit=20"]

        def reader() -> None:
            rnd = random.Random(threading.get_ident())
            while not stop.is_set():
                path = rnd.choice(read_paths)
                if path == "/articles" and ok_ids and rnd.random() < 0.5:
                    path = f"/api/articles/{rnd.choice(ok_ids)}"
                client.call("read", path, timeout=60)

        # 0. warm-up: one small write per worker, so the probe finds both with their models loaded
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(lambda _: write("write-warmup"), range(2)))
        # 1. probe: a small write while a maximal one is analysed
        big = threading.Thread(target=write, args=("write-maximal", maximal_text()))
        big.start()
        time.sleep(2.0)
        t0 = time.perf_counter()
        write("write-during-maximal")
        small_wait = time.perf_counter() - t0
        readers = [threading.Thread(target=reader, daemon=True) for _ in range(a.readers)]
        for t in readers:
            t.start()
        # 2. burst
        with ThreadPoolExecutor(a.burst) as pool:
            burst_status = list(pool.map(lambda _: write("write-burst"), range(a.burst)))
        big.join()
        # 3. mixed until the time is up
        deadline = t_start + a.minutes * 60

        def writer() -> None:
            while time.perf_counter() < deadline:
                write()

        writers = [threading.Thread(target=writer) for _ in range(a.writers)]
        for t in writers:
            t.start()
        while time.perf_counter() < deadline:
            time.sleep(0.5)
        for t in writers:
            t.join()
        stop.set()
        for t in readers:
            t.join(timeout=70)
        lost = [i for i in set(ok_ids) if client.call("check", f"/api/articles/{i}")[0] != 200]
    finally:
        stop.set()
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    elapsed = time.perf_counter() - t_start

    samples = [s for s in client.samples if s[0] != "check"]
    reads = [s for s in samples if s[0] == "read"]
    writes = [s for s in samples if s[0].startswith("write")]
    status_counts: dict[int, int] = {}
    for _, status, _ in samples:
        status_counts[status] = status_counts.get(status, 0) + 1
    five_xx = sum(c for st, c in status_counts.items() if st >= 500)
    conn_errors = status_counts.get(0, 0)
    rss_peak = max((m for _, m in rss), default=float("nan"))
    step = max(1, len(rss) // 8)
    rss_line = ", ".join(f"{t:.0f}s {m:.0f}" for t, m in rss[::step])

    def row(name: str, xs: list) -> str:
        secs = [x[2] for x in xs]
        return (f"| {name} | {len(xs)} | {pct(secs, .5) * 1000:.0f} | {pct(secs, .95) * 1000:.0f} | "
                f"{pct(secs, .99) * 1000:.0f} | {max(secs, default=0) * 1000:.0f} |")

    lines = [
        f"{len(samples)} requests in {elapsed:.0f} s ({len(reads)} reads, {len(writes)} writes, of them a burst of "
        f"{a.burst} concurrent writes; {a.readers} reader threads), one server with its analysis workers.",
        "",
        "| requests | n | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|",
        row("reads", reads), row("writes", writes),
        row("burst writes", [s for s in samples if s[0] == "write-burst"]),
        "",
        f"Status counts: {', '.join(f'{k}: {v}' for k, v in sorted(status_counts.items()))}. "
        f"5xx: {five_xx}; connection errors: {conn_errors}; burst answers: "
        f"{', '.join(f'{k}: {burst_status.count(k)}' for k in sorted(set(burst_status)))}.",
        f"Articles answered 2xx: {len(set(ok_ids))}; lost (answered 2xx, not in the store): {len(lost)}.",
        f"A small POST while a maximal ({len(maximal_text()):,}-character) one was analysed waited {small_wait:.2f} s.",
        f"RSS of the server process tree (MB) over time: {rss_line}; peak {rss_peak:.0f} MB.",
    ]
    report = "\n".join(lines)
    print(report)
    if a.write:
        command = "python benchmarks/soak.py " + " ".join(sys.argv[1:])
        section = (f"{START}\n## Soak (hostile load)\n\nCommand: `{command.strip()}` ({time.strftime('%Y-%m-%d')}, "
                   f"this machine: {os.cpu_count()} cores, shared)\n\n{report}\n{END}\n")
        write_section(START, END, section)
    return 1 if five_xx or conn_errors or lost else 0


if __name__ == "__main__":
    sys.exit(main())
