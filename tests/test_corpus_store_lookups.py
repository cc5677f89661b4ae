"""The corpus store's fast paths give what the plain queries give.

Story anchor vectors are cached in memory and written as a diff; per-key lookups
are read as one compound statement. These tests check each against the stored
rows, including a second writer on the same file and a rolled-back transaction.
"""
from __future__ import annotations

import pytest

from presslens.store import Store


def stored_anchors(store: Store, story_id: str) -> dict[str, float]:
    return {k: w for k, w in store.db.execute(
        "SELECT key, weight FROM story_anchors WHERE story_id=? ORDER BY key", (story_id,))}


def grow(store: Store, story_id: str, article: dict[str, float], keep: int = 4) -> None:
    anchors, centroid, n = store.story_vector(story_id)
    merged = dict(anchors)
    for k, w in article.items():
        merged[k] = merged.get(k, 0.0) + w
    store.story_update(story_id, 100, merged, centroid, n, keep)


def test_cached_story_vector_follows_updates_and_keeps_only_the_heaviest(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.story_new("s1", "t", 100, 1)
        grow(store, "s1", {"aaa": 0.5, "bbb": 0.4, "ccc": 0.3})
        grow(store, "s1", {"ddd": 0.9, "eee": 0.8, "aaa": 0.1})  # ccc and bbb fall out of the top 4
        assert stored_anchors(store, "s1") == {"aaa": 0.6, "ddd": 0.9, "eee": 0.8, "bbb": 0.4}
        assert store.story_vector("s1")[0] == stored_anchors(store, "s1")
        store._story_cache().clear()
        assert store.story_vector("s1")[0] == {"aaa": 0.6, "bbb": 0.4, "ddd": 0.9, "eee": 0.8}


def test_another_writer_on_the_same_file_is_seen_not_the_stale_cache(tmp_path):
    with Store(tmp_path / "s.db") as a, Store(tmp_path / "s.db") as b:
        a.story_new("s1", "t", 100, 1)
        grow(a, "s1", {"aaa": 0.5})
        assert a.story_vector("s1")[0] == {"aaa": 0.5}
        grow(b, "s1", {"zzz": 0.7})
        assert a.story_vector("s1")[0] == {"aaa": 0.5, "zzz": 0.7}
        grow(a, "s1", {"aaa": 0.5})
        assert stored_anchors(a, "s1") == {"aaa": 1.0, "zzz": 0.7}


def test_a_rolled_back_update_leaves_no_trace_in_the_cache(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.story_new("s1", "t", 100, 1)
        grow(store, "s1", {"aaa": 0.5})
        with pytest.raises(RuntimeError):
            with store.corpus_transaction():
                grow(store, "s1", {"bbb": 0.9})
                raise RuntimeError("the corpus step failed")
        assert store.story_vector("s1")[0] == {"aaa": 0.5}
        grow(store, "s1", {"ccc": 0.2})  # same article count the rolled-back state had
        assert store.story_vector("s1")[0] == {"aaa": 0.5, "ccc": 0.2} == stored_anchors(store, "s1")


def test_compound_lookup_keeps_parameter_order_and_each_keys_limit(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.db.executemany("INSERT INTO anchor_df VALUES (?, ?)", [(f"k{i:04d}", i) for i in range(1000)])
        keys = [f"k{i:04d}" for i in range(999, -1, -2)] + ["missing"]  # more than one compound statement
        rows = [tuple(r) for r in store._each("SELECT key, df FROM anchor_df WHERE key=? LIMIT 1",
                                              [(k,) for k in keys])]
        assert rows == [(k, int(k[1:])) for k in keys[:-1]]
        assert store.anchor_df(["k0007", "nothing", "k0003"]) == {"k0007": 7, "nothing": 0, "k0003": 3}
        store.db.executemany("INSERT INTO story_anchors(story_id, key, weight) VALUES (?,?,?)",
                             [(f"s{i:03d}", "shared", 1.0) for i in range(300)] + [("s999", "rare", 1.0)])
        got = list(store._each("SELECT story_id FROM story_anchors WHERE key=? LIMIT 200", [("shared",), ("rare",)]))
        assert [r[0] for r in got] == [f"s{i:03d}" for i in range(200)] + ["s999"]
