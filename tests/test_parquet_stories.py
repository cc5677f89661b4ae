"""Stories of a Parquet run (engines/parquet_stories.py): the local engine's stories, and import using them."""
import json
import random
import sqlite3
from pathlib import Path

import pytest

from .conftest import run_cli


def _name(rng: random.Random) -> str:
    syllables = ["ka", "to", "ver", "lin", "mar", "su", "dre", "no", "pal", "ris", "ten", "go", "bel", "un", "fa"]
    return "".join(rng.choice(syllables) for _ in range(3)).capitalize()


def _text(rng: random.Random, names: list[str], shared: list[str], n: int = 60) -> str:
    filler = ["the", "council", "said", "on", "after", "a", "long", "meeting", "workers", "were", "told", "that",
              "plans", "for", "new", "roads", "went", "ahead", "despite", "protests", "in", "city", "centre"]
    words = []
    for i in range(n):
        r = rng.random()
        words.append(rng.choice(names) if r < 0.12 else rng.choice(shared) if r < 0.17 else
                     str(rng.randrange(10, 40)) if r < 0.19 else rng.choice(filler))
        if i % 12 == 11:
            words[-1] += "."
    return " ".join(words)


def _corpus(seed: int) -> list[dict]:
    """Several stories (own names, a few names all share, dates in a span), reprints with small
    edits (some dated before their original), and articles with a foot in two stories."""
    rng = random.Random(seed)
    shared = [_name(rng) for _ in range(6)]
    stories = [([_name(rng) for _ in range(6)], rng.randrange(19700, 19800)) for _ in range(7)]
    docs: list[dict] = []
    for i in range(110):
        if docs and rng.random() < 0.2:
            src = rng.choice(docs)
            words = src["text"].split()
            for _ in range(rng.randrange(0, 4)):
                words[rng.randrange(len(words))] = "edited"
            day = src["day"] + rng.choice([-1, 0, 1]) if src["day"] is not None else None
            docs.append({"title": src["title"] + " (copy)", "text": " ".join(words), "day": day})
            continue
        names, start = rng.choice(stories)
        if rng.random() < 0.1:  # a bridge: names of two stories
            names = names[:3] + rng.choice(stories)[0][:3]
        day = None if rng.random() < 0.1 else start + rng.randrange(0, 30)
        docs.append({"title": f"{rng.choice(names)} and {rng.choice(names)} in talks", "text": _text(rng, names, shared),
                     "day": day})
    out = []
    for i, d in enumerate(docs):
        published = None
        if d["day"] is not None:
            import datetime as dt

            published = (dt.date(1970, 1, 1) + dt.timedelta(days=d["day"])).isoformat()
        out.append({"id": i, "title": d["title"], "text": d["text"] + f" Item {i}.", "published": published})
    return out


def _build(tmp_path: Path, seed: int, after_part=None):
    """A store filled by the local corpus step, and a Parquet run of the same articles
    (`after_part(i)` is called after each part is written)."""
    from presslens.model import Analysis, Document
    from presslens.store import Store
    from presslens.store.parquet import PartWriter

    tmp_path.mkdir(parents=True, exist_ok=True)
    store = Store(tmp_path / "direct.db")
    store.corpus_embedder = None
    writer = PartWriter(tmp_path / "out", "v")
    for i, a in enumerate(_corpus(seed)):
        doc = Document(id=Document.make_id(a["text"].encode()), source=f"d{i}", text=a["text"], title=a["title"],
                       published=a["published"])
        analysis = Analysis(doc, pipeline_version="v")
        store.save(analysis)
        writer.add(analysis, (i, 0))
        if i % 30 == 29:
            writer.write(f"part-{i:04d}")
            if after_part:
                after_part(i)
    writer.write("part-last")
    store.close()
    return tmp_path / "direct.db", tmp_path / "out"


def _members(out: Path) -> dict[str, str]:
    import pyarrow.parquet as pq

    t = pq.read_table(out / "stories" / "members.parquet").to_pydict()
    return dict(zip(t["article"], t["story"]))


def _corpus_state(db: Path) -> dict:
    con = sqlite3.connect(db)
    try:
        q = {"stories": "SELECT * FROM stories ORDER BY id", "anchors": "SELECT * FROM story_anchors ORDER BY story_id, key",
             "df": "SELECT * FROM anchor_df ORDER BY key", "docs": "SELECT * FROM corpus_docs ORDER BY seq",
             "links": "SELECT * FROM dup_links ORDER BY rowid", "bands": "SELECT count(*) FROM dup_bands"}
        return {k: con.execute(sql).fetchall() for k, sql in q.items()}
    finally:
        con.close()


@pytest.mark.parametrize("seed", [2, 7, 13])
def test_run_stories_equal_the_local_corpus_step_s(tmp_path, seed):
    from presslens.engines.parquet_corpus import write_reprints
    from presslens.engines.parquet_stories import write_stories
    from presslens.store import Store

    db, out = _build(tmp_path, seed)
    write_reprints(out)
    n = write_stories(out)
    with Store(db, readonly=True) as s:
        ids = [r[0] for r in s.db.execute("SELECT document_id FROM corpus_docs ORDER BY seq")]
        want = {i: s.story_of(i) for i in ids}
        want_stories = [(r["id"], r["title"], r["first_day"], r["last_day"], r["first_seq"], r["articles"])
                        for r in s.stories()]
    got = _members(out)
    assert got == want
    assert len(set(want.values())) >= 4 and n == len(want_stories)
    import pyarrow.parquet as pq

    rows = pq.read_table(out / "stories" / "stories.parquet").to_pylist()
    assert sorted((r["id"], r["title"], r["first_day"], r["last_day"], r["first_seq"], r["articles"]) for r in rows) \
        == sorted(want_stories)


def test_the_fixture_corpus_exercises_copies_and_merges(tmp_path):
    """Guards the test above: its corpora hold reprints that join a story through their
    canonical, and stories merged after an article joined."""
    import pyarrow.parquet as pq

    from presslens.engines.parquet_corpus import write_reprints
    from presslens.engines.parquet_stories import write_stories

    merges = copies = 0
    for seed in (2, 7, 13):
        _db, out = _build(tmp_path / str(seed), seed)
        copies += write_reprints(out)
        write_stories(out)
        merges += sum(len(m) for m in pq.read_table(out / "stories" / "members.parquet").column("merges").to_pylist())
    assert copies >= 10 and merges >= 1


def test_import_applies_the_run_s_stories_and_leaves_the_local_corpus_state(tmp_path):
    from presslens.cli_commands.import_parquet import import_run
    from presslens.engines.parquet_corpus import write_reprints
    from presslens.engines.parquet_stories import write_stories

    db, out = _build(tmp_path, 7)
    write_reprints(out)
    write_stories(out)
    imported, stored, bad = import_run(str(out), str(tmp_path / "imported.db"), corpus_embedder=None)
    assert (imported, stored, bad) == (110, 0, 0)
    assert _corpus_state(tmp_path / "imported.db") == _corpus_state(db)
    again = import_run(str(out), str(tmp_path / "imported.db"), corpus_embedder=None)
    assert again == (0, 110, 0) and _corpus_state(tmp_path / "imported.db") == _corpus_state(db)


def test_import_assigns_stories_itself_for_a_run_without_them_or_a_store_with_other_articles(tmp_path, capsys):
    import shutil

    from presslens.cli_commands.import_parquet import import_run
    from presslens.engines.parquet_corpus import write_reprints
    from presslens.engines.parquet_stories import write_stories

    db, out = _build(tmp_path, 13)
    write_reprints(out)
    write_stories(out)
    old = tmp_path / "old"
    shutil.copytree(out, old)
    shutil.rmtree(old / "stories")  # a run from before stories were written
    assert import_run(str(old), str(tmp_path / "a.db"), corpus_embedder=None)[0] == 110
    assert _corpus_state(tmp_path / "a.db") == _corpus_state(db)

    other = tmp_path / "other.db"
    from presslens.model import Analysis, Document
    from presslens.store import Store

    with Store(other) as s:
        s.corpus_embedder = None
        s.save(Analysis(Document(id=Document.make_id(b"x"), source="x", text="Kavermar spoke in Tolinno."),
                        pipeline_version="v"))
    capsys.readouterr()
    assert import_run(str(out), str(other), corpus_embedder=None)[0] == 110
    assert "holds other articles" in capsys.readouterr().err
    with Store(other, readonly=True) as s:
        assert s.db.execute("SELECT count(*) FROM corpus_docs").fetchone()[0] == 111


def test_a_run_that_grows_gets_the_stories_of_all_its_articles(tmp_path):
    """A rerun into the same directory adds parts; the stories are those of the whole input."""
    from presslens.engines.parquet_corpus import write_reprints
    from presslens.engines.parquet_stories import write_stories
    from presslens.store import Store

    def corpus_step(i: int) -> None:
        if i == 59:  # the first run ends after two parts
            write_reprints(tmp_path / "out")
            write_stories(tmp_path / "out")

    db, out = _build(tmp_path, 2, corpus_step)
    assert len(_members(out)) == 60
    write_reprints(out)
    write_stories(out)
    with Store(db, readonly=True) as s:
        want = {r[0]: s.story_of(r[0]) for r in s.db.execute("SELECT document_id FROM corpus_docs")}
    assert _members(out) == want and len(want) == 110


def test_a_rerun_summarises_only_new_parts(tmp_path):
    from presslens.engines.parquet_stories import summarise_part
    from presslens.store.parquet import parts

    _db, out = _build(tmp_path, 2)
    first = parts(out)[0]
    path = Path(summarise_part(str(out), str(first)))
    stamp = path.stat().st_mtime_ns
    assert summarise_part(str(out), str(first)) == str(path) and path.stat().st_mtime_ns == stamp
    (out / "articles" / "part-broken.parquet").write_bytes(b"PAR1 not really")
    assert summarise_part(str(out), str(out / "articles" / "part-broken.parquet")) is None


_NEWS = [
    ("Tartu closes river port", "2024-03-08", "The regional parliament in Tartu voted on Thursday to close the old river "
     "port after a decade of losses. Harbour master Liis Tamm said the decision came too late for the dock workers of "
     "Tartu. The port will become a park, the Tartu city council said."),
    ("Narva farmers block highway", "2024-03-04", "Farmers near Narva blocked the E20 highway with tractors on Monday "
     "to protest against grain quotas. Union leader Andres Kask said the Narva protest would go on. Police in Narva "
     "diverted traffic."),
    ("Tartu port vote", "2024-03-09", "Liis Tamm, the Tartu harbour master, called the port vote in Tartu late. The "
     "Tartu council plans a park and a ferry landing where the river port stands."),
    ("Kask warns ministry", "2024-03-05", "Andres Kask told the ministry that Narva farmers would block the E20 again. "
     "The Narva union wants the grain quotas dropped."),
    ("Flooding in Pärnu", "2024-04-20", "The river in Pärnu burst its banks on Saturday, and mayor Romek Kosenkranius "
     "ordered Pärnu schools closed. Rescue teams from Viljandi helped in Pärnu."),
    ("Pärnu cleans up", "2024-04-23", "Mayor Romek Kosenkranius said Pärnu would need weeks to clean up after the "
     "flood. Viljandi sent pumps to Pärnu."),
]


def _news_inputs(root: Path) -> None:
    d = root / "in"
    d.mkdir()
    lines = []
    for title, day, text in _NEWS:
        lines.append({"title": title, "published": day, "text": text})
    # reprints: one retitled, one dated before its original, one trimmed
    lines.append({"title": "River port to close", "published": "2024-03-07", "text": _NEWS[0][2]})
    lines.append({"title": "Highway blockade", "published": "2024-03-04", "text": _NEWS[1][2] + " More to come."})
    lines.append({"title": "Pärnu flood", "published": "2024-04-21", "text": _NEWS[4][2].rsplit(" Rescue", 1)[0]})
    (d / "news.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")


def test_ray_cluster_stories_equal_the_local_engine_s(tmp_path):
    """`analyze --engine ray --out-parquet` on a local Ray cluster gives every article the story
    the local engine's store gives it, and `import` keeps them."""
    pytest.importorskip("ray")
    from presslens.store import Store

    _news_inputs(tmp_path)
    fast = ("--stages", "repair,parse,entities,quotes", "--quiet")
    local = run_cli("analyze", "in", "--db", "direct.db", "--format", "none", *fast, cwd=tmp_path, timeout=600)
    assert local.returncode == 0, local.stderr[-2000:]
    cluster = run_cli("analyze", "in", "--out-parquet", "cluster", "--engine", "ray", "--jobs", "2", *fast,
                      cwd=tmp_path, timeout=600)
    assert cluster.returncode == 0 and b"stories: " in cluster.stderr, cluster.stderr[-2000:]
    with Store(tmp_path / "direct.db", readonly=True) as s:
        want = {r[0]: s.story_of(r[0]) for r in s.db.execute("SELECT document_id FROM corpus_docs")}
        copies = sum(len(g["copies"]) for g in s.duplicate_groups())
    assert _members(tmp_path / "cluster") == want
    assert len(want) == 9 and len(set(want.values())) == 3 and copies == 3  # three stories, each with a reprint
    imported = run_cli("import", "cluster", "--db", "imported.db", cwd=tmp_path, timeout=600)
    assert imported.returncode == 0, imported.stderr[-2000:]
    assert _corpus_state(tmp_path / "imported.db") == _corpus_state(tmp_path / "direct.db")
