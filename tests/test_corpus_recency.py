"""Bounded corpus lookups read the stories and quotes nearest in time, and migration 8/9 keeps old stores.

A key that thousands of finished stories share must still find the live story of
the article's time (reading the first KEY_FANOUT rows in story-id order did not),
and a store written before the recency index must keep its rows and answer the
same lookups after the upgrade.
"""
from __future__ import annotations

import sqlite3

from presslens.store import Store
from presslens.store.corpus import KEY_FANOUT
from presslens.store.migrations import MIGRATIONS


def story(store: Store, sid: str, day: int | None, keys: dict[str, float], seq: int = 1) -> None:
    store.story_new(sid, sid, day, seq)
    store.story_update(sid, day, keys, None, 0, 120)


def test_a_key_shared_by_many_finished_stories_still_finds_the_live_one(tmp_path):
    with Store(tmp_path / "s.db") as store:
        for i in range(KEY_FANOUT + 100):  # "aa" sorts before "live": story-id order would read only these
            story(store, f"aa{i:04d}", 100, {"shared": 1.0}, i)
        story(store, "live", 1000, {"shared": 1.0}, 999)
        assert store.story_candidates(["shared"], 1001, 240) == ["live"]
        # an article from the old stories' time finds those, not the one 900 days later
        old = store.story_candidates(["shared"], 110, 240)
        assert old and "live" not in old and all(s.startswith("aa") for s in old)


def test_an_article_older_than_a_story_finds_it_when_the_story_span_is_in_the_window(tmp_path):
    with Store(tmp_path / "s.db") as store:
        story(store, "later", 500, {"k": 1.0})
        story(store, "far", 900, {"k": 1.0})
        story(store, "undated", None, {"k": 1.0})
        assert set(store.story_candidates(["k"], 400, 240)) == {"later", "undated"}
        # an undated article is compared with every story sharing the key, most recently active first
        assert store.story_candidates(["k"], None, 240)[:3] == ["far", "later", "undated"]


def test_every_anchor_row_follows_its_story_span(tmp_path):
    with Store(tmp_path / "s.db") as store:
        story(store, "s1", 100, {"a": 0.5, "b": 0.4})
        anchors, c, n = store.story_vector("s1")
        store.story_update("s1", 130, {**anchors, "a": 0.9, "c": 0.2}, c, n, 120)
        spans = {tuple(r) for r in store.db.execute("SELECT first_day, last_day FROM story_anchors WHERE story_id='s1'")}
        assert spans == {(100, 130)}
        assert store.story_candidates(["b"], 360, 240) == ["s1"]  # found through the unchanged key's new span
        story(store, "s2", 131, {"a": 0.3})
        store.story_merge("s1", "s2", 120)
        assert {tuple(r) for r in store.db.execute("SELECT story_id, first_day, last_day FROM story_anchors")} == {("s1", 100, 131)}


def test_quote_lookup_reads_the_most_recent_quotes_of_a_common_key(tmp_path):
    with Store(tmp_path / "s.db") as store:
        n = KEY_FANOUT + 50
        for seq in range(1, n + 1):
            doc = f"d{seq}"
            store.db.execute("INSERT INTO documents(id, source, text, raw, content_hash) VALUES (?,?,?,?,?)",
                             (doc, doc, "x", b"x", "h"))
            store.db.execute("INSERT INTO corpus_docs VALUES (?,?,?,?,?,?,?)", (doc, seq, 1, 10, b"", "s", None))
            store.quote_group_add(doc, 0, 5, f"g{seq}", "spk", 1.0, [], [7, 8] if seq == 100 else [7], 0.0)
        picked = store._quote_ranking([7, 8])
        assert picked[0] == ("d100", 0, 5)  # shares both keys
        assert [d for d, _, _ in picked[1:]] == [f"d{s}" for s in range(n, n - len(picked) + 1, -1)]


def test_a_store_from_before_the_recency_index_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    for number, step in enumerate(MIGRATIONS[:7], start=1):
        db.executescript(f"BEGIN;\n{step()}\nPRAGMA user_version = {number};\nCOMMIT;")
    db.execute("INSERT INTO documents(id, source, text, raw, content_hash) VALUES ('d1','d1','x',x'00','h')")
    db.execute("INSERT INTO corpus_docs VALUES ('d1', 1, 200, 10, x'', 's1', NULL)")
    db.execute("INSERT INTO stories(id, title, first_day, last_day, first_seq, articles) VALUES ('s1','t',200,210,1,1)")
    db.executemany("INSERT INTO story_anchors VALUES (?,?,?)", [("s1", "brkst", 0.8), ("s1", "mrkl", 0.6)])
    db.execute("INSERT INTO quote_groups VALUES ('d1', 0, 5, 'g1', 'spk', 1.0, '[]', 0.0)")
    db.executemany("INSERT INTO quote_keys VALUES (?, 'd1', 0, 5)", [(11,), (12,)])
    db.executemany("INSERT INTO dup_bands VALUES (?, ?, 'd1')", [(3, -1234567890123), (63, 2 ** 62 + 5)])
    db.close()
    with Store(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert store.story_vector("s1")[0] == {"brkst": 0.8, "mrkl": 0.6}
        assert {tuple(r) for r in store.db.execute("SELECT first_day, last_day FROM story_anchors")} == {(200, 210)}
        assert store.story_candidates(["mrkl"], 300, 240) == ["s1"]
        assert store._quote_ranking([12]) == [("d1", 0, 5)]
        assert [d["document_id"] for d in store.dup_candidates([(63, 2 ** 62 + 5)])] == ["d1"]
        assert store.dup_candidates([(3, 2 ** 62 + 5)]) == []
