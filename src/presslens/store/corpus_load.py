"""Story state in bulk: read out of a store for a Parquet run, and loaded back by `import`.

The story tables are otherwise written one article at a time by the corpus step
(store/corpus.py); these functions move a run's final story state as a whole.
"""
from __future__ import annotations

from typing import Any, Iterable


def story_states(store) -> list[dict[str, Any]]:
    """Every story with its anchors, heaviest first (ties by key)."""
    anchors: dict[str, list[dict[str, Any]]] = {}
    for sid, key, weight in store.db.execute("SELECT story_id, key, weight FROM story_anchors"
                                             " ORDER BY story_id, weight DESC, key"):
        anchors.setdefault(sid, []).append({"key": key, "weight": weight})
    return [{"id": r["id"], "title": r["title"], "first_day": r["first_day"], "last_day": r["last_day"],
             "first_seq": r["first_seq"], "articles": r["articles"], "anchors": anchors.get(r["id"], [])}
            for r in store.db.execute("SELECT id, title, first_day, last_day, first_seq, articles FROM stories"
                                      " ORDER BY first_seq")]


def anchor_frequencies(store) -> list[dict[str, Any]]:
    return [{"key": k, "df": df} for k, df in store.db.execute("SELECT key, df FROM anchor_df ORDER BY key")]


def corpus_order(store) -> list[tuple[str, int]]:
    """(article id, seq) of every article in the corpus layer, in ingest order."""
    return [(r[0], int(r[1])) for r in store.db.execute("SELECT document_id, seq FROM corpus_docs ORDER BY seq")]


def load_story_state(store, stories: Iterable[dict[str, Any]], frequencies: Iterable[dict[str, Any]]) -> None:
    """Replace the anchors of these stories and set these anchor frequencies, in one transaction.
    Only for a store whose corpus holds nothing but the run these come from."""
    store.db.execute("BEGIN IMMEDIATE")
    try:
        for s in stories:
            store.db.execute("DELETE FROM story_anchors WHERE story_id=?", (s["id"],))
            # each anchor row carries its story's span, which the recency index reads
            store.db.executemany("INSERT INTO story_anchors (story_id, key, weight, first_day, last_day)"
                                 " VALUES (?,?,?,?,?)",
                                 [(s["id"], a["key"], a["weight"], s.get("first_day"), s.get("last_day"))
                                  for a in s["anchors"]])
        store.db.executemany("INSERT INTO anchor_df VALUES (?,?) ON CONFLICT(key) DO UPDATE SET df = excluded.df",
                             [(f["key"], f["df"]) for f in frequencies])
        store.db.execute("COMMIT")
    except BaseException:
        if store.db.in_transaction:
            store.db.execute("ROLLBACK")
        raise
    finally:
        store._story_cache().clear()  # it holds the anchors the import's replay left
