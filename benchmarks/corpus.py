"""Corpus layer at scale: generated articles with story and reprint structure through the store.

    python benchmarks/corpus.py                       # quick: 1k, 2k, 5k checkpoints (what `make bench` runs)
    python benchmarks/corpus.py --full --write        # the scale row: 10k to 100k (over an hour on a busy 2-core machine)
    python benchmarks/corpus.py --sizes 2000,10000    # any checkpoints
    python benchmarks/corpus.py --write               # also write its section of benchmarks/RESULTS.md
    python benchmarks/corpus.py --remeasure 10000=a.db,50000=b.db --write   # stores a run saved, side by side

Each article is saved with Store.save, which runs the corpus step (MinHash and
LSH bands, story assignment, quote groups, paragraph vectors). The encoder is
replaced by a fixed hashing embedder so the numbers show what grows with the
corpus (the store and its indexes); the encoder's own cost per article is
constant and measured separately on the real encoder (--encoder-sample).
At each checkpoint: time per 1,000 articles over the last stretch and over
its last 1,000 articles, the corpus step's share of it, peak RSS, store
size, and the p95 of a story query and a trace query. With --write the
section is rewritten at every checkpoint, so a run cut short keeps its rows.

CPU time per article on a shared machine rises with its load, so stretches run at
different hours do not compare well. --full therefore also copies the store at
10k, 50k and 100k (--probe-at) and at the end gives each copy the next --probe
articles of its own run, 50 at a time in turns: the same load for every size.
--remeasure does only that, on copies an earlier run left (its generator is replayed).
"""
from __future__ import annotations

import argparse
import copy
import functools
import hashlib
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _results import write_section  # noqa: E402

from presslens.corpus import views  # noqa: E402
from presslens.model import SCHEMA, Analysis  # noqa: E402
from presslens.store import Store  # noqa: E402

# Names are consonant-vowel syllables closed by a consonant, so that their anchor skeletons (first letter
# and consonants, four at most) spread over some 38,000 keys as real names do; the syllables of the first
# run (16 syllables, several vowel-initial) gave a few hundred skeletons, and stories months apart
# joined on names that real text would spell differently.
ONSETS = "b d f g k l m n p r s t v z".split()
VOWELS = "aeiou"
COMMON = ("the of and to in a said on for that was with by at from as has will be is it officials police "
          "minister government people report city week after before new two three year said told").split()


def _name(rng: random.Random, parts: int = 3) -> str:
    return ("".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(parts)) + rng.choice(ONSETS)).capitalize()


class Generator:
    """Stories live for a few days; each has its own names; a fifth of articles reprint an earlier one."""

    def __init__(self, seed: int = 11) -> None:
        self.rng = random.Random(seed)
        self.stories: list[dict] = []
        self.recent: list[dict] = []
        self.n = 0
        self.created = 0  # stories generated so far: what the store's story count is compared with

    def _story(self, day: int) -> dict:
        rng = self.rng
        self.created += 1
        names = [_name(rng) for _ in range(6)] + [_name(rng, 2) for _ in range(4)]
        s = {"names": names, "speakers": [f"{_name(rng, 2)} {_name(rng)}" for _ in range(3)], "day": day,
             "words": [_name(rng).lower() for _ in range(30)], "numbers": [str(rng.randint(100, 99999)) for _ in range(3)]}
        self.stories = (self.stories + [s])[-300:]  # only recent stories are drawn from; memory stays flat
        return s

    def _sentence(self, s: dict) -> str:
        rng = self.rng
        words = [rng.choice(COMMON) if rng.random() < 0.55 else rng.choice(s["words"]) for _ in range(rng.randint(9, 18))]
        for _ in range(rng.randint(1, 3)):
            words.insert(rng.randrange(len(words)), rng.choice(s["names"]))
        if rng.random() < 0.3:  # casualty counts, sums, years: the numbers a story repeats
            words.insert(rng.randrange(len(words)), rng.choice(s["numbers"]))
        return " ".join(words).capitalize() + "."

    def article(self) -> dict:
        rng = self.rng
        self.n += 1
        day = 19000 + self.n // 150  # about 150 articles a day
        if self.recent and rng.random() < 0.2:
            src = rng.choice(self.recent)
            paras = src["paras"][: max(2, len(src["paras"]) - rng.randint(0, 2))]
            text = "\n\n".join(paras) + "\n\nRead also: " + self._sentence(src["story"])
            return self._record(text, "Reprint: " + src["title"], day, src["story"], paras, src["quotes"])
        live = [s for s in self.stories[-300:] if day - s["day"] < 4]
        s = rng.choice(live) if live and rng.random() < 0.85 else self._story(day)
        quotes = [(f"\"{self._sentence(s)}\"", rng.choice(s["speakers"])) for _ in range(2)]
        paras = [" ".join(self._sentence(s) for _ in range(3)) for _ in range(rng.randint(4, 8))]
        for q, speaker in quotes:
            i = rng.randrange(len(paras))
            paras[i] += f" {q} said {speaker}."
        title = " ".join(self._sentence(s).split()[:8])
        rec = self._record("\n\n".join(paras), title, day, s, paras, quotes)
        self.recent = (self.recent + [{"paras": paras, "title": title, "story": s, "quotes": quotes}])[-500:]
        return rec

    def _record(self, text, title, day, story, paras, quotes) -> dict:
        import datetime as dt

        qs = []
        for q, speaker in quotes:
            i = text.find(q)
            if i >= 0:
                qs.append({"kind": "direct", "start": i, "end": i + len(q), "cue": None, "channel": None,
                           "speaker": {"entity": None, "name": speaker, "start": 0, "end": 1}})
        published = (dt.date(1970, 1, 1) + dt.timedelta(days=day)).isoformat()
        return {"schema": SCHEMA, "id": f"sha256:{self.n:064x}", "source": f"gen/{self.n}",
                "url": f"https://gen.test/{self.n}", "title": title, "published": published, "language": "en",
                "text": text, "boilerplate": [], "damage": [], "entities": [], "quotes": qs, "events": [],
                "genre": None, "frames": [], "techniques": [], "meta": {"pipeline": "bench", "format": "txt"}}


@functools.lru_cache(maxsize=1 << 18)
def _slot(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "little") % 384


def hashing_embed(texts):
    out = np.zeros((len(texts), 384), np.float32)
    for i, t in enumerate(texts):
        np.add.at(out[i], [_slot(w) for w in re.findall(r"\w+", t.lower())], 1)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1)


# Store methods whose CPU time is reported per phase: the one that grows with the corpus is named.
PHASES = {"dup_candidates": "reprint lookup", "story_candidates": "story lookup", "story_vector": "story writes",
          "story_update": "story writes", "story_merge": "story writes", "story_new": "story writes",
          "anchor_df": "anchor df", "anchor_df_add": "anchor df", "quote_candidates": "quote lookup",
          "_quote_ranking": "quote key ranking",
          "quote_group_add": "quote writes", "corpus_add_doc": "article and band rows",
          "paragraphs_add": "paragraph vectors", "add_to_corpus": "corpus step (all)", "save": "save (all)"}


class TimedStore(Store):
    """The store with the corpus step's own time counted apart from the article's save, and the
    CPU time of each phase (PHASES) counted apart."""

    corpus_seconds = 0.0

    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.phase_cpu: dict[str, float] = {}

    def add_to_corpus(self, record):
        t, c = time.perf_counter(), time.process_time()
        try:
            return super().add_to_corpus(record)
        finally:
            self.corpus_seconds += time.perf_counter() - t
            self._count(PHASES["add_to_corpus"], c)

    def _count(self, label: str, since: float) -> None:
        self.phase_cpu[label] = self.phase_cpu.get(label, 0.0) + time.process_time() - since


def _phase(method: str, label: str):
    def timed(self, *a, **k):
        c = time.process_time()
        try:
            return getattr(super(TimedStore, self), method)(*a, **k)
        finally:
            self._count(label, c)
    timed.__name__ = method
    return timed


for _method, _label in PHASES.items():
    if _method not in TimedStore.__dict__:
        setattr(TimedStore, _method, _phase(_method, _label))


def cpu_seconds() -> float:
    """This process's user + system time: on a shared machine, wall time also counts other people's work."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def p95(xs: list[float]) -> float:
    return float(np.percentile(xs, 95)) if xs else 0.0


def queries(store: Store, rng: random.Random, n: int = 40) -> tuple[float, float]:
    max_seq = store.corpus_count()
    story_ms, trace_ms = [], []
    for _ in range(n):
        doc = f"sha256:{rng.randint(1, max_seq):064x}"
        sid = store.story_of(doc)
        t = time.perf_counter()
        views.story(store, sid)
        story_ms.append((time.perf_counter() - t) * 1000)
        groups = store.quote_groups_of(doc)
        if groups:
            t = time.perf_counter()
            views.trace(store, next(iter(groups.values())))
            trace_ms.append((time.perf_counter() - t) * 1000)
    return p95(story_ms), p95(trace_ms)


def encoder_cost(sample: int) -> float:
    """Seconds per article of the real encoder on the corpus step's texts (title+lead and paragraphs)."""
    if sample <= 0:
        return 0.0
    from presslens.corpus.ingest import _embed, default_embedder
    from presslens.corpus.text import body_text, paragraphs

    gen = Generator(seed=5)
    recs = [gen.article() for _ in range(sample)]
    default_embedder(["warm up"])
    t = time.perf_counter()
    for r in recs:
        body = body_text(r)
        _embed(default_embedder, r, r["title"], body, paragraphs(body))
    return (time.perf_counter() - t) / sample


FULL_SIZES = "10000,20000,30000,40000,50000,60000,70000,80000,90000,100000"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,2000,5000")
    ap.add_argument("--full", action="store_true", help="the scale row: checkpoints from 10k to 100k articles")
    ap.add_argument("--encoder-sample", type=int, default=50)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--probe-at", default="", help="checkpoints whose store is copied and re-measured side by side "
                    "at the end (--full: 10000,50000,100000)")
    ap.add_argument("--probe", type=int, default=1000, help="fresh articles saved into each copy in the re-measure")
    ap.add_argument("--remeasure", default="", metavar="SIZE=DB,...",
                    help="only the side-by-side re-measure, on copies of stores an earlier run saved at these sizes "
                         "(its generator is replayed to each size)")
    args = ap.parse_args(argv)
    if args.remeasure:
        return remeasure(args, " ".join(["python benchmarks/corpus.py", *(argv if argv is not None else sys.argv[1:])]))
    sizes = sorted(int(x) for x in (FULL_SIZES if args.full else args.sizes).split(","))
    probe_at = {int(x) for x in (args.probe_at or ("10000,50000,100000" if args.full else "")).split(",") if x}
    snapshots: list[tuple[int, Path, Generator]] = []
    probes: list[dict] = []
    command = " ".join(["python benchmarks/corpus.py", *(argv if argv is not None else sys.argv[1:])])
    enc = 0.0
    gen, rng = Generator(), random.Random(3)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = TimedStore(db)
        store.corpus_embedder = hashing_embed
        done, last_t = 0, time.perf_counter()
        stretch_start, corpus_s, cpu0 = 0, 0.0, cpu_seconds()
        phases0: dict[str, float] = {}
        for size in sizes:
            while done < size:
                if done == size - 1000:
                    tail_t = time.perf_counter()
                store.save(Analysis.from_dict(gen.article()))
                done += 1
            now = time.perf_counter()
            per_1000 = (now - last_t) / (done - stretch_start) * 1000
            tail = now - tail_t if size - stretch_start >= 1000 else per_1000
            cpu = (cpu_seconds() - cpu0) / (done - stretch_start) * 1000
            corpus_ms = (store.corpus_seconds - corpus_s) / (done - stretch_start) * 1000
            sp95, tp95 = queries(store, rng)
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            mb = sum(f.stat().st_size for f in db.parent.glob(db.name + "*")) / 1e6
            stories = store.db.execute("SELECT count(*) FROM stories").fetchone()[0]
            copies = store.db.execute("SELECT count(*) FROM dup_links").fetchone()[0]
            n = done - stretch_start
            phase_ms = {k: (v - phases0.get(k, 0.0)) / n * 1000 for k, v in store.phase_cpu.items()}
            phases0 = dict(store.phase_cpu)
            rows.append((size, per_1000, tail, cpu, corpus_ms, sp95, tp95, rss, mb, f"{stories:,} of {gen.created:,}",
                         copies, phase_ms))
            print(f"{size:>7} articles: {per_1000:6.1f} s per 1,000 (articles {stretch_start + 1}-{done}), "
                  f"{tail:.1f} s for the last 1,000, CPU {cpu:.1f} s per 1,000, corpus step {corpus_ms:.1f} ms per article, "
                  f"story p95 {sp95:.1f} ms, trace p95 {tp95:.1f} ms, peak RSS {rss:.0f} MB, store {mb:.0f} MB, "
                  f"{stories} stories ({gen.created} generated), {copies} reprints", flush=True)
            print("   CPU ms per article: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(phase_ms.items())), flush=True)
            if args.write:
                write(rows, enc, command, args.full, done < sizes[-1])
            if size in probe_at:
                snapshots.append((size, snapshot(store, Path(tmp) / f"at{size}.db"), copy.deepcopy(gen)))
            stretch_start, last_t, corpus_s, cpu0 = done, time.perf_counter(), store.corpus_seconds, cpu_seconds()
        store.close()
        if snapshots:
            probes = side_by_side(snapshots, args.probe)
            if args.write:
                write(rows, enc, command, args.full, probes=probes)
    enc = encoder_cost(args.encoder_sample)  # after the run, so the encoder's memory is not in the RSS above
    if enc:
        print(f"real encoder: {enc * 1000:.0f} ms per article (constant; excluded above)")
        if args.write:
            write(rows, enc, command, args.full, probes=probes)
    return 0


def remeasure(args, command: str) -> int:
    import shutil

    with tempfile.TemporaryDirectory() as tmp:
        snapshots = []
        for item in args.remeasure.split(","):
            size, path = item.split("=", 1)
            gen = Generator()
            for _ in range(int(size)):
                gen.article()
            copy_path = Path(tmp) / f"at{size}.db"
            shutil.copy(path, copy_path)
            snapshots.append((int(size), copy_path, gen))
        probes = side_by_side(snapshots, args.probe)
    if args.write:
        labels = list(dict.fromkeys(PHASES.values()))
        lines = ["| store of | CPU ms per article | " + " | ".join(labels) + " |", "|---|---|" + "---|" * len(labels)]
        lines += [f"| {p['size']:,} | {p['ms']:.2f} | " + " | ".join(f"{p['phases'].get(k, 0.0):.2f}" for k in labels)
                  + " |" for p in probes]
        name = "corpus-side-by-side"
        body = (f"<!-- section:{name} -->\n## Corpus layer: stores of different sizes side by side\n\n"
                f"Command: `{command}` ({time.strftime('%Y-%m-%d')}, shared 2-core machine)\n\n"
                f"Copies of the stores a `--full` run saved at these sizes, each given the next {probes[0]['n']:,} "
                "articles of its own generated run, 50 at a time in turns, so every size sees the same machine load "
                "(CPU time per article on this machine rises with its load, by up to half at a load of 10). "
                "CPU ms per article, the whole save and by phase:\n\n" + "\n".join(lines) + f"\n<!-- /section:{name} -->\n")
        write_section(f"<!-- section:{name} -->", f"<!-- /section:{name} -->", body)
    return 0


def snapshot(store: Store, path: Path) -> Path:
    """A consistent copy of the store as it is now (SQLite's online backup; the run's own store is only read)."""
    import sqlite3

    dst = sqlite3.connect(path)
    store.db.backup(dst)
    dst.close()
    return path


def side_by_side(snapshots: list[tuple[int, Path, Generator]], n: int) -> list[dict]:
    """The stores copied at each checkpoint, each given `n` fresh articles (its own generator's next
    ones), in turns of 50 so that every store sees the same machine load: what grows with the corpus
    size shows here apart from the load of a shared machine, which the stretch rows above also carry."""
    runs = []
    for size, path, gen in snapshots:
        store = TimedStore(path)
        store.corpus_embedder = hashing_embed
        runs.append({"size": size, "store": store, "gen": gen, "cpu": 0.0, "done": 0})
    for _ in range(0, n, 50):
        for r in runs:
            batch = [Analysis.from_dict(r["gen"].article()) for _ in range(min(50, n - r["done"]))]
            c = time.process_time()
            for a in batch:
                r["store"].save(a)
            r["cpu"] += time.process_time() - c
            r["done"] += len(batch)
    out = []
    for r in runs:
        done = max(1, r["done"])
        out.append({"size": r["size"], "n": r["done"], "ms": r["cpu"] / done * 1000,
                    "phases": {k: v / done * 1000 for k, v in r["store"].phase_cpu.items()}})
        r["store"].close()
        print(f"side by side: store of {r['size']:,} articles: {r['cpu'] / done * 1000:.2f} ms CPU per article over "
              f"{r['done']} fresh articles; " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(out[-1]["phases"].items())),
              flush=True)
    return out


def write(rows, enc: float, command: str, full: bool, partial: bool = False, probes: list[dict] | None = None) -> None:
    """Rewrite this run's section: the scale row (--full) and the quick run keep sections of their own."""
    name, heading = ("corpus", "Corpus layer at scale") if full else ("corpus-quick", "Corpus layer, quick run")
    lines = ["| articles | s per 1,000 (stretch) | s for its last 1,000 | CPU s per 1,000 (stretch) | "
             "corpus step ms per article | story query p95 ms | trace query p95 ms | peak RSS MB | store MB | "
             "stories (of generated) | reprints |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    lines += [f"| {s:,} | {t:.1f} | {tl:.1f} | {cp:.1f} | {cm:.1f} | {sp:.1f} | {tp:.1f} | {r:.0f} | {mb:.0f} | "
              f"{st} | {c:,} |" for s, t, tl, cp, cm, sp, tp, r, mb, st, c, _ in rows]
    labels = list(dict.fromkeys(v for v in PHASES.values()))
    phases = ["", "CPU ms per article by phase, over each stretch (store methods; 'save (all)' includes the "
              "corpus step, which includes the others):", "",
              "| articles | " + " | ".join(labels) + " |", "|---|" + "---|" * len(labels)]
    phases += [f"| {row[0]:,} | " + " | ".join(f"{row[-1].get(k, 0.0):.2f}" for k in labels) + " |" for row in rows]
    lines += phases
    if probes:
        lines += ["", f"Side by side: the store copied at these checkpoints, each then given the next "
                  f"{probes[0]['n']:,} generated articles of its own run, 50 at a time in turns (the same machine "
                  "load for every size), CPU ms per article (the whole save, and by phase):", "",
                  "| store of | CPU ms per article | " + " | ".join(labels) + " |", "|---|---|" + "---|" * len(labels)]
        lines += [f"| {p['size']:,} | {p['ms']:.2f} | " + " | ".join(f"{p['phases'].get(k, 0.0):.2f}" for k in labels) + " |"
                  for p in probes]
    body = (f"<!-- section:{name} -->\n# {heading}\n\nCommand: `{command}` "
            f"({time.strftime('%Y-%m-%d')}, shared 2-core machine)\n\n"
            "Generated articles (stories of a few days, a fifth of articles reprints with trims and widgets, "
            "two quotes each) saved through `Store.save`, which runs dedup, story assignment, quote grouping "
            "and vector indexing. A hashing embedder stands in for the encoder"
            + (f"; the real encoder adds a constant {enc * 1000:.0f} ms per article" if enc else "")
            + ". 'Stretch' is the articles since the previous checkpoint; wall time on this shared machine "
            "also counts other people's load, CPU time is this process's own; the store size counts its WAL."
            + (" Run still going: rows so far." if partial else "")
            + "\n\n" + "\n".join(lines) + f"\n<!-- /section:{name} -->\n")
    write_section(f"<!-- section:{name} -->", f"<!-- /section:{name} -->", body)


if __name__ == "__main__":
    sys.exit(main())
