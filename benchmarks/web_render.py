"""p95 render time of the article page: a 2,000-word article with 100 annotations.

Target: under 200 ms at the 95th percentile, measured end to end in process
(HTTP request through FastAPI, store read, highlighting, template), the
same work a browser request costs minus the socket.

    .venv/bin/python benchmarks/web_render.py [--runs 200] [--words 2000] [--annotations 100]
"""
from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from presslens.model import SCHEMA, Analysis
from presslens.store import Store
from presslens.web import create_app
from presslens.web.highlight import article_html

TARGET_MS = 200.0
WORDS = ("council harbour vote plan port town land freight jobs ferry coast weekend court law minister "
         "police budget school road bridge river market price energy water winter report").split()


def synthetic_record(n_words: int, n_annotations: int, seed: int = 7) -> dict:
    """An invented article; annotations spread over it in the contract's proportions."""
    rng = random.Random(seed)
    words, starts, pos = [], [], 0
    for i in range(n_words):
        w = rng.choice(WORDS)
        if i % 15 == 0:
            w = w.capitalize()
        starts.append(pos)
        words.append(w)
        pos += len(w) + 1
    text = " ".join(words)

    def span(i: int, k: int) -> dict:
        i = min(i, n_words - k)
        return {"start": starts[i], "end": starts[i + k - 1] + len(words[i + k - 1])}

    def at() -> int:
        return rng.randrange(n_words - 30)

    share = {"mentions": 0.40, "quotes": 0.20, "events": 0.15, "techniques": 0.15, "damage": 0.07}
    counts = {k: int(n_annotations * v) for k, v in share.items()}
    counts["boilerplate"] = n_annotations - sum(counts.values())
    entities = [{"id": f"E{e}", "name": f"Person {e}", "type": rng.choice(["PERSON", "ORG", "GPE"]),
                 "aliases": [], "roles": ["role"], "mentions": []} for e in range(10)]
    for m in range(counts["mentions"]):
        entities[m % 10]["mentions"].append(span(at(), 2))
    quotes = []
    for _ in range(counts["quotes"]):
        i = at()
        quotes.append({"kind": "direct", **span(i + 3, 12), "speaker": {"entity": "E1", "name": "Person 1", **span(i, 2)},
                       "cue": {"text": "said", **span(i + 2, 1)}, "channel": None})
    return {
        "schema": SCHEMA, "id": "sha256:" + hashlib.sha256(text.encode()).hexdigest(), "source": "bench",
        "url": None, "title": "Benchmark article", "published": "2024-01-01", "language": "en", "text": text,
        "boilerplate": [{**span(at(), 20), "kind": "promo"} for _ in range(counts["boilerplate"])],
        "damage": [{**span(at(), 3), "kind": "fused", "note": "n"} for _ in range(counts["damage"])],
        "entities": entities, "quotes": quotes,
        "events": [{"type": "vote", "trigger": span(at(), 1), "actor": None, "target": None, "date": None,
                    "attributes": {}} for _ in range(counts["events"])],
        "genre": {"label": "reporting", "score": 0.9}, "frames": [{"label": "Economic", "score": 0.5, "evidence": []}],
        "techniques": [{"label": "Loaded_Language", **span(at(), 4), "score": 0.7} for _ in range(counts["techniques"])],
    }


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--words", type=int, default=2000)
    ap.add_argument("--annotations", type=int, default=100)
    args = ap.parse_args(argv)

    record = synthetic_record(args.words, args.annotations)
    n_ann = sum(len(record[k]) for k in ("boilerplate", "damage", "quotes", "events", "techniques")) + \
        sum(len(e["mentions"]) for e in record["entities"])
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with Store(db) as store:
            store.save(Analysis.from_dict(record, raw=record["text"].encode()))
        with TestClient(create_app(db)) as client:
            url = f"/articles/{record['id']}"
            for _ in range(10):  # warm-up: template compile, sqlite cache
                assert client.get(url).status_code == 200
            page_ms, highlight_ms = [], []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                r = client.get(url)
                page_ms.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200
                t0 = time.perf_counter()
                article_html(record)
                highlight_ms.append((time.perf_counter() - t0) * 1000)
            size = len(r.content)
    p95 = pct(page_ms, 95)
    print(f"article page: {args.words} words, {n_ann} annotations, {size:,} bytes of HTML, {args.runs} runs")
    print(f"{'':22}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for name, xs in (("GET /articles/{id}", page_ms), ("highlight only", highlight_ms)):
        print(f"{name:22}{statistics.median(xs):9.1f}{pct(xs, 95):9.1f}{max(xs):9.1f}")
    ok = p95 < TARGET_MS
    print(f"target p95 < {TARGET_MS:.0f} ms: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
