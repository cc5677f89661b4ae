"""Parquet runs (analyze --out-parquet): the output contract, resume, reprints on the cluster, import."""
import json
import threading
import time
from pathlib import Path

import pytest

from .conftest import NEWS, run_cli
from .ray_helpers import kill_one_analyser

FAST = ("--stages", "repair,parse,entities,quotes")

_STORY = ("The regional parliament in Tartu voted on Thursday to close the old river port after a decade of losses, "
          "ending a debate that split the coalition. Harbour master Liis Tamm said the decision came too late for the "
          "two hundred dock workers who lost their jobs last spring. \"We warned them every year,\" Tamm told reporters "
          "outside the chamber. The port will be turned into a park and a ferry landing, the city said in a statement, "
          "and the first works are planned for the autumn once the remaining cargo contracts expire.")


def _articles() -> list[dict]:
    copy = _STORY.replace("on Thursday", "this week").replace("the autumn", "September")
    trimmed = _STORY.rsplit(" The port", 1)[0]
    other = ("Farmers near Narva blocked a highway with tractors on Monday to protest against grain import quotas. "
             "Union leader Andres Kask said the protest would go on until the ministry answered their letter. "
             "Police said traffic was diverted through two villages and no one was hurt during the blockade.")
    return [
        {"title": "Tartu closes river port", "text": _STORY, "published": "2024-03-08", "source": "Daily A"},
        {"title": "Farmers block highway", "text": other, "published": "2024-03-04", "source": "Daily B"},
        # a copy dated before the first: it becomes the group's canonical when it arrives
        {"title": "River port to close", "text": copy, "published": "2024-03-07", "source": "Wire C"},
        {"title": "Port vote", "text": trimmed, "published": "2024-03-09", "source": "Daily D"},
        {"title": "Farmers block highway again", "text": other + " More protests are planned.", "source": "Daily E"},
    ]


def _inputs(root: Path) -> Path:
    d = root / "in"
    d.mkdir()
    lines = [json.dumps(a) for a in _articles()]
    lines.insert(3, "{not json")
    (d / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "b.txt").write_text(NEWS, encoding="utf-8")
    return d


def _records(out: Path) -> list[dict]:
    import pyarrow.parquet as pq

    rows = pq.read_table(out / "articles").to_pylist()
    return [json.loads(r["record"]) for r in sorted(rows, key=lambda r: (r["input_seq"], r["input_sub"]))]


def _ids(out: Path, table: str, column: str) -> list[str]:
    import pyarrow.parquet as pq

    return pq.read_table(out / table, columns=[column]).column(column).to_pylist()


def _links(out: Path) -> dict:
    import pyarrow.parquet as pq

    from presslens.engines.parquet_corpus import groups

    return groups(pq.read_table(out / "reprints" / "reprints.parquet").to_pylist())


def _store_groups(db: Path) -> dict:
    from presslens.store import Store

    with Store(db, readonly=True) as s:
        return {g["canonical"]["id"]: {(c["id"], c["similarity"]) for c in g["copies"]} for g in s.duplicate_groups()}


def _analyze(cwd: Path, *args: str):
    return run_cli("analyze", "in", *args, *FAST, "--quiet", cwd=cwd, timeout=600)


def test_local_parquet_run_keeps_the_contract_resumes_and_finds_the_store_s_reprints(tmp_path):
    _inputs(tmp_path)
    direct = _analyze(tmp_path, "--no-store", "--format", "json")
    run = _analyze(tmp_path, "--out-parquet", "out")
    assert run.returncode == 1 and b"a.jsonl:4: malformed JSON" in run.stderr  # the bad line, named; batch went on
    expected = [json.loads(line) for line in direct.stdout.decode().splitlines()]
    assert _records(tmp_path / "out") == expected and len(expected) == 6

    quotes = sum(len(r["quotes"]) for r in expected)
    assert quotes and len(_ids(tmp_path / "out", "quotes", "article")) == quotes
    assert len(_ids(tmp_path / "out", "entities", "article")) == sum(len(r["entities"]) for r in expected)

    def files() -> list[Path]:
        return sorted(p.relative_to(tmp_path) for t in ("articles", "quotes", "entities", "events")
                      for p in (tmp_path / "out" / t).glob("part-*.parquet"))

    before = files()
    again = _analyze(tmp_path, "--out-parquet", "out")
    assert b"(6 already in out)" in again.stderr and files() == before
    assert len(list((tmp_path / "out" / "failures").glob("part-*.parquet"))) == 2  # the bad line, once a run
    assert len(_ids(tmp_path / "out", "articles", "id")) == 6

    stored = _analyze(tmp_path, "--db", "direct.db", "--format", "none")
    assert stored.returncode == 1
    want = _store_groups(tmp_path / "direct.db")
    assert len(want) == 2 and sum(len(v) for v in want.values()) == 3  # the port story thrice copied, the farmers once
    assert _links(tmp_path / "out") == want


def test_import_gives_the_store_a_direct_analyze_gives(tmp_path):
    from presslens.store import Store

    _inputs(tmp_path)
    assert _analyze(tmp_path, "--db", "direct.db", "--format", "none").returncode == 1
    assert _analyze(tmp_path, "--out-parquet", "out", "--jobs", "2").returncode == 1
    first = run_cli("import", "out", "--db", "imported.db", cwd=tmp_path)
    assert first.returncode == 0 and b"6 articles imported" in first.stderr
    again = run_cli("import", "out", "--db", "imported.db", cwd=tmp_path)
    assert b"(6 already in the store)" in again.stderr

    def state(db: Path) -> dict:
        with Store(db, readonly=True) as s:
            stats = s.stats()
            ids = [r["id"] for r in s.iter_results()]
            return {"records": list(s.iter_results()), "stats": {k: stats[k] for k in ("documents", "analyses", "failures",
                    "entities", "quotes", "events", "raw_bytes")},
                    "stories": {i: s.story_of(i) for i in ids}, "raw": [s.raw(i) for i in ids],
                    "groups": _store_groups(db)}

    assert state(tmp_path / "imported.db") == state(tmp_path / "direct.db")


def test_import_names_a_bad_part_and_writes_nothing_of_it(tmp_path):
    _inputs(tmp_path)
    _analyze(tmp_path, "--out-parquet", "out")
    (tmp_path / "out" / "articles" / "part-broken.parquet").write_bytes(b"PAR1 not really")
    r = run_cli("import", "out", "--db", "s.db", cwd=tmp_path)
    lines = [x for x in r.stderr.decode().splitlines() if "error" in x]
    assert r.returncode == 1 and len(lines) == 1 and "part-broken.parquet: not a readable Parquet file" in lines[0]
    assert b"6 articles imported" in r.stderr
    missing = run_cli("import", "nowhere", "--db", "s.db", cwd=tmp_path)
    assert missing.returncode == 1 and b"nowhere: no such directory" in missing.stderr


def test_an_orphaned_part_of_a_killed_write_is_never_read_and_is_removed(tmp_path):
    from presslens.store.parquet import parts, present_ids, tidy

    _inputs(tmp_path)
    _analyze(tmp_path, "--out-parquet", "out")
    out = tmp_path / "out"
    [quotes_part] = parts(out, "quotes")
    orphan = out / "quotes" / "part-0000orphan.parquet"
    orphan.write_bytes(quotes_part.read_bytes())  # a batch killed before its articles part
    (out / "entities" / ".part-x.123.tmp").write_bytes(b"half")
    assert len(present_ids(out)) == 6
    tidy(out)
    assert not orphan.exists() and not (out / "entities" / ".part-x.123.tmp").exists() and quotes_part.exists()


pytest_ray = pytest.importorskip  # the Ray tests below need the dev extra's ray


def test_ray_actors_write_the_local_contract_and_the_same_reprints(tmp_path):
    pytest_ray("ray")
    _inputs(tmp_path)
    local = _analyze(tmp_path, "--out-parquet", "local")
    ray_run = _analyze(tmp_path, "--out-parquet", "cluster", "--engine", "ray", "--jobs", "2")
    assert ray_run.returncode == 1 and b"a.jsonl:4: malformed JSON" in ray_run.stderr, ray_run.stderr[-2000:]
    assert _records(tmp_path / "cluster") == _records(tmp_path / "local")
    assert _links(tmp_path / "cluster") == _links(tmp_path / "local") and _links(tmp_path / "local")
    again = _analyze(tmp_path, "--out-parquet", "cluster", "--engine", "ray", "--jobs", "2")
    assert b"(6 already in cluster)" in again.stderr
    assert len(_ids(tmp_path / "cluster", "articles", "id")) == 6


@pytest.mark.skipif(not Path("/proc").exists(), reason="finds the worker processes through /proc")
def test_a_killed_actor_loses_no_row_and_writes_none_twice(tmp_path):
    ray = pytest_ray("ray")
    from presslens.engines.ray import Written, analyze_units, batches, units
    from presslens.store.parquet import present_ids

    d = tmp_path / "in"
    d.mkdir()
    (d / "many.jsonl").write_text("\n".join(json.dumps({"text": f"Police in Turku{i} arrested two men, "
                                                                f"Inspector Mari Salo{i} said."})
                                            for i in range(60)) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    if ray.is_initialized():  # another test of this session left its local Ray up
        ray.shutdown()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        killed: list[float] = []
        t = threading.Thread(target=kill_one_analyser, args=(killed,))
        t.start()
        work = batches(units([str(d)], 100_000), str(out), "v", size=4)
        got = list(analyze_units(work, jobs=2, stage_names=("repair", "parse", "entities")))
        finished = time.monotonic()
        t.join()
    finally:
        ray.shutdown()
    assert killed and killed[0] < finished, "no Analyser process was killed while the run was going on"
    assert all(isinstance(x, Written) for x in got) and len(got) == 60
    ids = _ids(out, "articles", "id")
    assert len(ids) == 60 and len(set(ids)) == 60 and len(present_ids(out, "v")) == 60
    entity_rows = _ids(out, "entities", "article")
    assert len(entity_rows) == len(set(zip(entity_rows, _ids(out, "entities", "entity"))))


@pytest.mark.skipif(not Path("/proc").exists(), reason="finds the worker processes through /proc")
def test_a_run_stopped_after_a_killed_actor_resumes_with_every_article_once(tmp_path):
    """The driver ends mid-run (its cluster with it) after an actor was killed; the rerun
    skips what was written, writes the rest, and no article is in two parts."""
    ray = pytest_ray("ray")
    from presslens.engines.parquet_run import run
    from presslens.engines.ray import analyze_units, batches, units

    stages, n = ("repair", "parse", "entities"), 40
    d = tmp_path / "in"
    d.mkdir()
    (d / "many.jsonl").write_text("\n".join(json.dumps({"text": f"Dock workers in Gdansk{i} walked out, "
                                                                f"union leader Ewa Nowak{i} said."})
                                            for i in range(n)) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    if ray.is_initialized():
        ray.shutdown()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        killed: list[float] = []
        t = threading.Thread(target=kill_one_analyser, args=(killed,))
        t.start()
        first = []
        results = analyze_units(batches(units([str(d)], 100_000), str(out), "v", size=4), jobs=2, stage_names=stages)
        for item in results:
            first.append(item)
            if killed and len(first) >= 12:
                break
        results.close()
        t.join()
    finally:
        ray.shutdown()  # the driver's end: its actors and their unfinished batches go with it
    assert killed and len(first) < n, "the first run was not stopped after an actor was killed"
    try:
        ok, skipped, failed = run([str(d)], str(out), stages, "v", engine="ray", jobs=2, max_bytes=100_000, batch=4)
    finally:
        ray.shutdown()
    assert failed == 0 and skipped >= len(first) and ok + skipped == n
    ids = _ids(out, "articles", "id")
    assert len(ids) == n and len(set(ids)) == n
    entity_rows = list(zip(_ids(out, "entities", "article"), _ids(out, "entities", "entity")))
    assert len(entity_rows) == len(set(entity_rows)) and {a for a, _ in entity_rows} <= set(ids)


def test_the_driver_s_id_set_finds_what_it_holds_after_folding(tmp_path):
    import hashlib

    from presslens.store.parquet import IdSet

    ids = ["sha256:" + hashlib.sha256(str(i).encode()).hexdigest() for i in range(70_000)]
    held = IdSet(ids[:10])
    for i in ids[10:]:
        held.add(i)
    assert len(held.extra) < 70_000 - 10  # folded into the array, not kept as Python ints
    assert all(i in held for i in ids) and "sha256:" + hashlib.sha256(b"other").hexdigest() not in held


def test_out_parquet_refuses_format_json(tmp_path):
    _inputs(tmp_path)
    r = _analyze(tmp_path, "--out-parquet", "out", "--format", "json")
    assert r.returncode == 1 and b"--out-parquet writes the records into DIR" in r.stderr and not r.stdout


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_cluster_reprints_equal_the_store_s_on_many_shuffled_copies(tmp_path, seed):
    """Many copies with edits, trims and dates out of input order: the replayed links are the
    corpus layer's, canonical switches included."""
    import random

    from presslens.engines.parquet_corpus import groups, replay, candidate_rows
    from presslens.model import Analysis, Document
    from presslens.store import Store
    from presslens.store.parquet import PartWriter

    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(400)]
    bases = [[rng.choice(vocab) for _ in range(120)] for _ in range(6)]
    docs = []
    for i in range(120):
        words = list(rng.choice(bases))
        for _ in range(rng.randrange(0, 10)):
            words[rng.randrange(len(words))] = rng.choice(vocab)
        if rng.random() < 0.3:
            words = words[:rng.randrange(40, 120)]
        text = " ".join(words)
        day = rng.choice([None, "2024-05-01", "2024-05-02", "2024-05-03", "2024-04-30"])
        docs.append(Document(id=Document.make_id(text.encode() + bytes([i % 7])), source=f"d{i}", text=text,
                             published=day))
    store = Store(tmp_path / "s.db")
    store.corpus_embedder = None
    writer = PartWriter(tmp_path / "out", "v")
    for i, d in enumerate(docs):
        a = Analysis(d, pipeline_version="v")
        store.save(a)
        writer.add(a, (i, 0))
        if i % 25 == 24:  # several parts, as batches would write them
            writer.write(f"part-{i}")
    writer.write("part-last")
    want = {g["canonical"]["id"]: {(c["id"], c["similarity"]) for c in g["copies"]} for g in store.duplicate_groups()}
    store.close()
    got = groups(replay(*candidate_rows(tmp_path / "out")))
    assert sum(len(v) for v in want.values()) > 60 and len(want) >= 3
    assert got == want
    assert groups(replay(*_shuffled(tmp_path / "out", 3))) == want  # the cluster's split, in this process


def _shuffled(out: Path, n: int) -> tuple[dict, dict]:
    """The cluster's map, reduce and rank steps over n partitions, run here one by one."""
    from presslens.engines.parquet_corpus import best_copies, map_part, reduce_partition
    from presslens.store.parquet import parts

    maps = [map_part(str(p), n) for p in parts(out)]
    reduced = [reduce_partition(n, *[m[r] for m in maps]) for r in range(n)]
    best, sigs = {}, {}
    for k in range(n):
        part_best, part_sigs = best_copies(*[x[k] for x in reduced])
        best.update(part_best)
        sigs.update(part_sigs)
    return best, sigs
