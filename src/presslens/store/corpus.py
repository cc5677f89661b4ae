"""Store methods of the corpus layer (reprints, stories, quote groups, paragraph vectors).

Mixed into Store; every query here is an index lookup bounded by a LIMIT, so
adding one article costs the same at ten thousand articles as at a hundred
thousand. The corpus logic itself lives in presslens.corpus.
"""
from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict
from contextlib import contextmanager
from typing import Any, Iterator

import numpy as np

CANDIDATES = 50       # copies compared per article
STORY_CANDIDATES = 10  # stories compared per article
QUOTE_CANDIDATES = 20  # earlier quotes compared per quote
COMMON_QUOTE_KEY = 200  # a quote key carried by this many quotes selects nothing; its rows are not read
MIN_SELECTIVE = 3       # a quote with fewer selective keys also reads its rarest common keys' latest rows
COMMON_KEYS_READ = 8    # ... this many of them
COMMON_FANOUT = QUOTE_CANDIDATES  # ... this many rows each
RECENT_QUOTES = 2000    # articles: an earlier quote within this many is a candidate on any shared key;
OLD_QUOTE_KEYS = 4      # an older one must share this many of the keys read (or all of them, if fewer)
KEY_FANOUT = 200      # rows read per anchor or band key
ARMS_STEP = 8         # compound lookups are padded to a multiple of this (few distinct statements to prepare)
STORY_CACHE = 4096    # story anchor vectors kept in memory (bounded: memory does not grow with the corpus)


class CorpusMixin:
    db: sqlite3.Connection

    @contextmanager
    def corpus_transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            self._story_cache().clear()  # it may hold states the rollback undid
            raise

    def _each(self, sql: str, params: list[tuple]) -> Iterator[sqlite3.Row]:
        """The rows of `sql` run once per parameter tuple, in order, read as one compound
        statement: one round trip instead of one per key. Padding tuples are NULLs, which
        match nothing."""
        if not params:
            return
        width = len(params[0])
        for i in range(0, len(params), 400):  # SQLite allows 500 terms in a compound select
            chunk = list(params[i:i + 400])
            chunk += [(None,) * width] * (-len(chunk) % ARMS_STEP)
            compound = " UNION ALL ".join([f"SELECT * FROM ({sql})"] * len(chunk))
            yield from self.db.execute(compound, [x for p in chunk for x in p])

    # -- the corpus step and what it adds to records ---------------------------
    corpus_embedder: Any = "default"   # None: no encoder (stories on anchors only, no vectors)

    def add_to_corpus(self, record: dict[str, Any]) -> None:
        """Run the corpus step for a stored record (idempotent)."""
        from ..corpus import add_article, default_embedder

        embed = default_embedder if self.corpus_embedder == "default" else self.corpus_embedder
        add_article(self, record, embed=embed)

    def with_groups(self, record: dict[str, Any]) -> dict[str, Any]:
        """The record with each quote's provenance `group` filled in from the corpus layer."""
        try:
            groups = self.quote_groups_of(record.get("id", ""))
        except sqlite3.OperationalError:  # a read-only store from before the corpus layer
            return record
        if groups:
            for q in record.get("quotes") or []:
                q["group"] = groups.get((q["start"], q["end"]), q.get("group"))
        return record

    # -- articles ---------------------------------------------------------
    def corpus_has(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM corpus_docs WHERE document_id=?", (doc_id,)).fetchone() is not None

    def corpus_count(self) -> int:
        # seq is assigned as the last seq + 1 on insert, so the newest row holds the largest;
        # reading it by rowid is one index step where max(seq) (seq has no index) scans the table
        row = self.db.execute("SELECT seq FROM corpus_docs ORDER BY rowid DESC LIMIT 1").fetchone()
        return int(row[0]) if row else 0

    def corpus_missing(self) -> list[str]:
        """Stored documents the corpus layer has not seen yet, in ingest order."""
        return [r[0] for r in self.db.execute(
            "SELECT d.id FROM documents d LEFT JOIN corpus_docs c ON c.document_id = d.id"
            " WHERE c.document_id IS NULL ORDER BY d.rowid")]

    def corpus_add_doc(self, doc_id: str, seq: int, day: int | None, shingles: int, signature: np.ndarray,
                       story_id: str, embedding: np.ndarray | None, bands: list[tuple[int, int]]) -> None:
        self.db.execute("INSERT INTO corpus_docs VALUES (?,?,?,?,?,?,?)",
                        (doc_id, seq, day, shingles, signature.astype(np.uint32).tobytes(), story_id,
                         None if embedding is None else embedding.astype(np.float16).tobytes()))
        self.db.executemany("INSERT OR IGNORE INTO dup_bands VALUES (?,?)", [(_band_key(b, h), seq) for b, h in bands])

    def corpus_doc(self, doc_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM corpus_docs WHERE document_id=?", (doc_id,)).fetchone()
        return _doc_row(row) if row else None

    def dup_candidates(self, bands: list[tuple[int, int]]) -> list[dict[str, Any]]:
        """The CANDIDATES earlier articles sharing most bands (each band's first KEY_FANOUT articles
        in ingest order, the rows parquet_corpus.py reads too), ties by first band, then ingest order."""
        if not bands:
            return []
        arms = " UNION ALL ".join(f"SELECT * FROM (SELECT seq, {i} AS arm FROM dup_bands WHERE key=? ORDER BY seq LIMIT {KEY_FANOUT})"
                                  for i in range(len(bands)))
        best = [r[0] for r in self.db.execute(
            f"SELECT seq, count(*) AS n, min(arm) AS first FROM ({arms}) GROUP BY seq"
            f" ORDER BY n DESC, first, seq LIMIT {CANDIDATES}", [_band_key(b, h) for b, h in bands])]
        rows = {r["seq"]: _doc_row(r) for r in self._each("SELECT * FROM corpus_docs WHERE seq=?", [(q,) for q in best])}
        return [rows[q] for q in best if q in rows]

    # -- reprints -----------------------------------------------------------
    def canonical_of(self, doc_id: str) -> str:
        row = self.db.execute("SELECT canonical_id FROM dup_links WHERE document_id=?", (doc_id,)).fetchone()
        return row[0] if row else doc_id

    def copies_of(self, canonical_id: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT document_id FROM dup_links WHERE canonical_id=?"
                                              " ORDER BY rowid", (canonical_id,))]

    def link_copy(self, doc_id: str, canonical_id: str, similarity: float) -> None:
        self.db.execute("INSERT OR REPLACE INTO dup_links VALUES (?,?,?)", (doc_id, canonical_id, similarity))

    def duplicate_groups(self, limit: int | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT l.canonical_id, l.document_id, l.similarity, c.url AS curl, d.url AS durl,"
               " c.title AS ctitle, d.title AS dtitle, c.source AS csource, d.source AS dsource"
               " FROM dup_links l JOIN documents c ON c.id = l.canonical_id JOIN documents d ON d.id = l.document_id"
               " ORDER BY l.canonical_id, l.rowid")
        groups: dict[str, dict[str, Any]] = {}
        for r in self.db.execute(sql):
            g = groups.setdefault(r["canonical_id"], {"canonical": {"id": r["canonical_id"], "url": r["curl"],
                                                                    "title": r["ctitle"], "source": r["csource"]},
                                                      "copies": []})
            g["copies"].append({"id": r["document_id"], "url": r["durl"], "similarity": round(r["similarity"], 3),
                                "title": r["dtitle"], "source": r["dsource"]})
        out = sorted(groups.values(), key=lambda g: -len(g["copies"]))
        return out[:limit] if limit else out

    def reprint_counts(self, doc_ids: list[str]) -> dict[str, tuple[str, int]]:
        """doc id -> (its canonical id, number of copies of that canonical)."""
        out = {}
        for d in doc_ids:
            c = self.canonical_of(d)
            n = self.db.execute("SELECT count(*) FROM dup_links WHERE canonical_id=?", (c,)).fetchone()[0]
            out[d] = (c, int(n))
        return out

    # -- anchors and stories ---------------------------------------------
    def anchor_df(self, keys: list[str]) -> dict[str, int]:
        found = {r[0]: int(r[1]) for r in self._each("SELECT key, df FROM anchor_df WHERE key=?", [(k,) for k in keys])}
        return {k: found.get(k, 0) for k in keys}

    def anchor_df_add(self, keys: set[str]) -> None:
        self.db.executemany("INSERT INTO anchor_df VALUES (?,1) ON CONFLICT(key) DO UPDATE SET df = df + 1",
                            [(k,) for k in keys])

    def story_candidates(self, keys: list[str], day: int | None, window: int) -> list[str]:
        """The STORY_CANDIDATES stories sharing most of these keys among the stories whose span is
        within `window` days of `day` (any story when the day is unknown, and undated stories always),
        ties by the first key that finds the story, then story id.

        Each key reads at most KEY_FANOUT stories per arm, nearest in time first, through the
        (key, last_day) index: those that ended on or before the day, newest first; those that end
        after it, soonest first (an article older than the stories around it); undated ones. So a
        lookup reads the live stories of its time, not the oldest ones a common key ever had, and
        costs the same however many stories the corpus holds."""
        keys = keys[:150]  # three arms a key; SQLite allows 500 terms in a compound select
        if not keys:
            return []
        if day is None:
            arm = (f"SELECT story_id, {{i}} AS arm FROM story_anchors WHERE key=?"
                   f" ORDER BY last_day DESC LIMIT {KEY_FANOUT}")
            args: list = list(keys)
            arms = [arm.format(i=i) for i in range(len(keys))]
        else:
            before = (f"SELECT story_id, {{i}} AS arm FROM story_anchors WHERE key=? AND last_day BETWEEN ? AND ?"
                      f" ORDER BY last_day DESC LIMIT {KEY_FANOUT}")
            after = (f"SELECT story_id, {{i}} AS arm FROM story_anchors WHERE key=? AND last_day > ?"
                     f" AND first_day <= ? ORDER BY last_day LIMIT {KEY_FANOUT}")
            undated = f"SELECT story_id, {{i}} AS arm FROM story_anchors WHERE key=? AND last_day IS NULL LIMIT {KEY_FANOUT}"
            arms, args = [], []
            for i, k in enumerate(keys):
                arms += [before.format(i=i), after.format(i=i), undated.format(i=i)]
                args += [k, day - window, day, k, day, day + window, k]
        union = " UNION ALL ".join(f"SELECT * FROM ({a})" for a in arms)
        return [r[0] for r in self.db.execute(
            f"SELECT story_id, count(*) AS n, min(arm) AS first FROM ({union}) GROUP BY story_id"
            f" ORDER BY n DESC, first, story_id LIMIT {STORY_CANDIDATES}", args)]

    def _story_cache(self) -> "OrderedDict[str, tuple[int, dict[str, float]]]":
        """story id -> (its article count, its anchors in key order), least recently used first.

        Every story_update adds one to the count and rewrites the anchors in one
        transaction, so a cached entry whose count matches the stored one is the
        stored state, whoever wrote it."""
        cache = self.__dict__.get("_story_anchor_cache")
        if cache is None:
            cache = self.__dict__["_story_anchor_cache"] = OrderedDict()
        return cache

    def story_vector(self, story_id: str) -> tuple[dict[str, float], np.ndarray | None, int]:
        row = self.db.execute("SELECT centroid, centroid_n, articles FROM stories WHERE id=?", (story_id,)).fetchone()
        cache = self._story_cache()
        hit = cache.get(story_id)
        if row is not None and hit is not None and hit[0] == row["articles"]:
            cache.move_to_end(story_id)
            anchors = dict(hit[1])
        else:
            anchors = {k: w for k, w in self.db.execute(
                "SELECT key, weight FROM story_anchors WHERE story_id=? ORDER BY key", (story_id,))}
            if row is not None:
                self._story_cache_put(story_id, row["articles"], anchors)
        centroid = np.frombuffer(row["centroid"], dtype=np.float32) if row and row["centroid"] else None
        return anchors, centroid, int(row["centroid_n"]) if row else 0

    def _story_cache_put(self, story_id: str, articles: int, anchors: dict[str, float]) -> None:
        cache = self._story_cache()
        cache[story_id] = (articles, dict(anchors))
        cache.move_to_end(story_id)
        while len(cache) > STORY_CACHE:
            cache.popitem(last=False)

    def story_new(self, story_id: str, title: str | None, day: int | None, seq: int) -> None:
        self.db.execute("INSERT INTO stories(id, title, first_day, last_day, first_seq, articles) VALUES (?,?,?,?,?,0)",
                        (story_id, title, day, day, seq))

    def story_update(self, story_id: str, day: int | None, anchors: dict[str, float],
                     centroid: np.ndarray | None, centroid_n: int, keep: int) -> None:
        before = self.db.execute("SELECT first_day, last_day FROM stories WHERE id=?", (story_id,)).fetchone()
        row = self.db.execute(
            "UPDATE stories SET articles = articles + 1,"
            " first_day = CASE WHEN ? IS NULL THEN first_day WHEN first_day IS NULL OR ? < first_day THEN ? ELSE first_day END,"
            " last_day = CASE WHEN ? IS NULL THEN last_day WHEN last_day IS NULL OR ? > last_day THEN ? ELSE last_day END,"
            " centroid = ?, centroid_n = ? WHERE id=? RETURNING articles, first_day, last_day",
            (day, day, day, day, day, day, None if centroid is None else centroid.astype(np.float32).tobytes(),
             centroid_n, story_id)).fetchall()
        row = row[0] if row else None
        span = (row[1], row[2]) if row is not None else (day, day)
        # the story keeps only its `keep` heaviest anchors, so a long story stays cheap to compare
        top = dict(sorted(anchors.items(), key=lambda kv: -kv[1])[:keep])
        cache = self._story_cache()
        old = cache.get(story_id)
        if row is not None and old is not None and old[0] == row[0] - 1:
            # only the rows that changed are written: fewer pages touched per article
            if before is not None and tuple(before) != span:  # each row carries the span its lookups filter on
                self.db.execute("UPDATE story_anchors SET first_day=?, last_day=? WHERE story_id=?", (*span, story_id))
            self.db.executemany("DELETE FROM story_anchors WHERE story_id=? AND key=?",
                                [(story_id, k) for k in old[1] if k not in top])
            # a weight change leaves the (key, last_day) index alone; only new keys are inserted
            self.db.executemany("UPDATE story_anchors SET weight=? WHERE story_id=? AND key=?",
                                [(w, story_id, k) for k, w in top.items() if k in old[1] and old[1][k] != w])
            self.db.executemany("INSERT INTO story_anchors VALUES (?,?,?,?,?)",
                                [(story_id, k, w, *span) for k, w in top.items() if k not in old[1]])
        else:
            self.db.execute("DELETE FROM story_anchors WHERE story_id=?", (story_id,))
            self.db.executemany("INSERT INTO story_anchors VALUES (?,?,?,?,?)",
                                [(story_id, k, w, *span) for k, w in top.items()])
        if row is not None:
            self._story_cache_put(story_id, row[0], dict(sorted(top.items())))
        else:
            cache.pop(story_id, None)

    def story_merge(self, a: str, b: str, keep: int) -> str:
        """Fold stories a and b into the older one (its id, title and first seq survive); returns its id."""
        ra = self.db.execute("SELECT * FROM stories WHERE id=?", (a,)).fetchone()
        rb = self.db.execute("SELECT * FROM stories WHERE id=?", (b,)).fetchone()
        if ra is None or rb is None:
            return a if ra is not None else b
        old, new = (ra, rb) if ra["first_seq"] <= rb["first_seq"] else (rb, ra)
        anchors, c_old, n_old = self.story_vector(old["id"])
        more, c_new, n_new = self.story_vector(new["id"])
        for k, w in more.items():
            anchors[k] = anchors.get(k, 0.0) + w
        centroid = c_new if c_old is None else (c_old if c_new is None else c_old + c_new)
        days = [d for d in (old["first_day"], old["last_day"], new["first_day"], new["last_day"]) if d is not None]
        self.db.execute("UPDATE stories SET articles=?, first_day=?, last_day=?, centroid=?, centroid_n=? WHERE id=?",
                        (old["articles"] + new["articles"], min(days) if days else None, max(days) if days else None,
                         None if centroid is None else centroid.astype(np.float32).tobytes(), n_old + n_new,
                         old["id"]))
        self.db.execute("UPDATE corpus_docs SET story_id=? WHERE story_id=?", (old["id"], new["id"]))
        self.db.execute("DELETE FROM stories WHERE id=?", (new["id"],))
        self.db.execute("DELETE FROM story_anchors WHERE story_id IN (?,?)", (old["id"], new["id"]))
        top = sorted(anchors.items(), key=lambda kv: -kv[1])[:keep]
        span = (min(days), max(days)) if days else (None, None)
        self.db.executemany("INSERT INTO story_anchors VALUES (?,?,?,?,?)", [(old["id"], k, w, *span) for k, w in top])
        return old["id"]

    def story_of(self, doc_id: str) -> str | None:
        row = self.db.execute("SELECT story_id FROM corpus_docs WHERE document_id=?", (doc_id,)).fetchone()
        return row[0] if row else None

    def stories(self, limit: int | None = None, story_id: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM stories"
        args: tuple = ()
        if story_id:
            sql += " WHERE id=?"
            args = (story_id,)
        sql += " ORDER BY articles DESC, first_seq"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [dict(r) for r in self.db.execute(sql, args)]

    def story_articles(self, story_id: str) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute(
            "SELECT d.id, d.url, d.source, d.site, d.title, d.published, d.language, c.seq"
            " FROM corpus_docs c JOIN documents d ON d.id = c.document_id WHERE c.story_id=?"
            " ORDER BY coalesce(c.day, 1e9), c.seq", (story_id,))]

    def story_top(self, story_id: str, limit: int = 10) -> tuple[list[str], list[str]]:
        ents = [r[0] for r in self.db.execute(
            "SELECT e.name FROM entities e JOIN corpus_docs c ON c.document_id = e.document_id WHERE c.story_id=?"
            " GROUP BY e.name ORDER BY count(DISTINCT e.document_id) DESC, sum(e.mentions) DESC LIMIT ?",
            (story_id, limit))]
        spk = [r[0] for r in self.db.execute(
            "SELECT q.speaker FROM quotes q JOIN corpus_docs c ON c.document_id = q.document_id"
            " WHERE c.story_id=? AND q.speaker IS NOT NULL GROUP BY q.speaker ORDER BY count(*) DESC LIMIT ?",
            (story_id, limit))]
        return ents, spk

    def story_frames(self, story_id: str) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute(
            "SELECT substr(d.published, 1, 10) AS day, f.label, count(*) AS n FROM frames f"
            " JOIN corpus_docs c ON c.document_id = f.document_id JOIN documents d ON d.id = f.document_id"
            " WHERE c.story_id=? GROUP BY day, f.label ORDER BY day", (story_id,))]

    # -- quote provenance ---------------------------------------------------
    def quote_candidates(self, keys: list[int], speaker_key: str = "", story_id: str | None = None
                         ) -> list[dict[str, Any]]:
        """Earlier quotes sharing word or anchor keys, plus (for translations, which share few
        keys) the same speaker's most recent quotes in the same story."""
        picked = self._quote_ranking(keys)
        seen = set(picked)
        if speaker_key and story_id:
            for r in self.db.execute(
                    'SELECT g.document_id, g.start, g."end", c.story_id FROM quote_groups g'
                    ' JOIN corpus_docs c ON c.document_id = g.document_id WHERE g.speaker_key=?'
                    ' ORDER BY g.rowid DESC LIMIT ?', (speaker_key, KEY_FANOUT)):
                t = (r[0], r[1], r[2])
                if r[3] == story_id and t not in seen:
                    picked.append(t)
        rows: dict[tuple[str, int, int], dict[str, Any]] = {}
        for row in self._each(
                'SELECT g.*, q.kind, q.content, q.speaker, d.language, c.story_id FROM quote_groups g JOIN quotes q ON'
                ' q.document_id = g.document_id AND q.start = g.start AND q."end" = g."end"'
                ' JOIN documents d ON d.id = g.document_id JOIN corpus_docs c ON c.document_id = g.document_id'
                ' WHERE g.document_id=? AND g.start=? AND g."end"=? LIMIT 1', picked):
            rows.setdefault((row["document_id"], row["start"], row["end"]), dict(row))
        return [rows[t] for t in picked if t in rows]

    def _quote_ranking(self, keys: list[int]) -> list[tuple[str, int, int]]:
        """(document id, start, end) of the QUOTE_CANDIDATES quotes sharing most of these keys, ties by
        the first key that finds the quote, then the most recent. Counted inside SQLite, on a covering
        index (no table row is read).

        Only selective keys are read, each whole (under COMMON_QUOTE_KEY quotes, so under KEY_FANOUT
        rows): a key carried by that many quotes (a common word run, a name every story uses) selects
        nothing, and reading its rows was what made a lookup dearer as the corpus grew. A quote with
        fewer than MIN_SELECTIVE selective keys (all its words common) also reads the COMMON_FANOUT
        most recent quotes of its COMMON_KEYS_READ rarest common keys: a recent repeat is still found.
        The old behaviour (every key's KEY_FANOUT latest rows) is unchanged while no key is common.

        A quote more than RECENT_QUOTES articles back is a candidate only if it shares OLD_QUOTE_KEYS
        of the keys read (all of them when fewer are read): otherwise the top places went, ever more as
        the corpus grew, to old quotes sharing a key or two by chance (median candidate age 829 articles
        at 5k, 4,982 at 30k), each a cold read and its keys computed again."""
        keys = list(dict.fromkeys(keys))
        if not keys:
            return []
        df = self.quote_key_df(keys)
        fanout = {k: KEY_FANOUT for k in keys if 0 < df.get(k, 0) < COMMON_QUOTE_KEY}
        if sum(1 for k in keys if df.get(k, 0) < COMMON_QUOTE_KEY) < MIN_SELECTIVE:
            common = sorted((k for k in keys if df.get(k, 0) >= COMMON_QUOTE_KEY), key=lambda k: df[k])
            fanout.update((k, COMMON_FANOUT) for k in common[:COMMON_KEYS_READ])
        # selective keys first: a quote found by one of them ranks above one only a common key found
        reads = sorted(((k, fanout[k]) for k in keys if k in fanout), key=lambda kf: kf[1] == COMMON_FANOUT)
        reads = reads[:400]  # SQLite allows 500 terms in a compound select
        if not reads:
            return []
        arms = " UNION ALL ".join(f'SELECT * FROM (SELECT seq, start, "end", {i} AS arm FROM quote_keys'
                                  f' WHERE key=? AND seq > 0 ORDER BY seq DESC LIMIT {fanout})' for i, (_, fanout) in enumerate(reads))
        ranked = [tuple(r) for r in self.db.execute(
            f'SELECT seq, start, "end", count(*) AS n, min(arm) AS first FROM ({arms}) GROUP BY seq, start, "end"'
            f' HAVING n >= ? OR seq > ? ORDER BY n DESC, first, seq DESC, start, "end" LIMIT {QUOTE_CANDIDATES}',
            [k for k, _ in reads] + [min(OLD_QUOTE_KEYS, len(reads)), self.corpus_count() - RECENT_QUOTES])]
        ids = {r[0]: r[1] for r in self._each("SELECT seq, document_id FROM corpus_docs WHERE seq=?",
                                               [(q,) for q in dict.fromkeys(t[0] for t in ranked)])}
        return [(ids[s], a, b) for s, a, b, _, _ in ranked if s in ids]

    def quote_group_add(self, doc_id: str, start: int, end: int, group_id: str, speaker_key: str,
                        similarity: float, drift: list[dict[str, Any]], keys: list[int], position: float) -> None:
        self.db.execute("INSERT OR REPLACE INTO quote_groups VALUES (?,?,?,?,?,?,?,?)",
                        (doc_id, start, end, group_id, speaker_key, similarity, json.dumps(drift, ensure_ascii=False),
                         position))
        # keyed by the article's corpus seq: small rows in key order, read without touching a table row
        seq = self.db.execute("SELECT seq FROM corpus_docs WHERE document_id=?", (doc_id,)).fetchone()
        if seq is not None:
            keys = list(dict.fromkeys(keys))
            # a key counts once per quote: a row already there (the same quote added again) adds nothing
            fresh = []
            for k in keys:
                if self.db.execute('INSERT OR IGNORE INTO quote_keys(key, seq, start, "end") VALUES (?,?,?,?)',
                                   (k, seq[0], start, end)).rowcount:
                    fresh.append((k,))
            # the count row (seq 0) sorts beside the key's rows: most keys are rare, so the same page
            self.db.executemany('INSERT INTO quote_keys(key, seq, start, "end", df) VALUES (?,0,0,0,1)'
                                ' ON CONFLICT(key, seq, start, "end") DO UPDATE SET df = df + 1', fresh)

    def quote_key_df(self, keys: list[int]) -> dict[int, int]:
        """How many stored quotes carry each of these lookup keys (keys no quote carries are left out)."""
        return {r[0]: int(r[1]) for r in self._each(
            'SELECT key, df FROM quote_keys WHERE key=? AND seq=0 AND start=0 AND "end"=0', [(k,) for k in keys])}

    def quote_groups_of(self, doc_id: str) -> dict[tuple[int, int], str]:
        return {(r[0], r[1]): r[2] for r in self.db.execute(
            'SELECT start, "end", group_id FROM quote_groups WHERE document_id=?', (doc_id,))}

    def quote_group(self, group_id: str) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute(
            'SELECT g.document_id, g.start, g."end", g.similarity, g.drift, g.speaker_key, q.kind, q.content,'
            ' q.speaker, d.url, d.source, d.site, d.title, d.published, d.language, c.seq'
            ' FROM quote_groups g JOIN quotes q ON q.document_id = g.document_id AND q.start = g.start'
            ' AND q."end" = g."end" JOIN documents d ON d.id = g.document_id'
            ' LEFT JOIN corpus_docs c ON c.document_id = g.document_id'
            ' WHERE g.group_id=? ORDER BY coalesce(d.published, \'9999\'), c.seq, g.start', (group_id,))]

    def quote_lookup(self, text: str, limit: int = 5) -> list[str]:
        """Group ids of quotes whose content contains `text`."""
        return [r[0] for r in self.db.execute(
            'SELECT DISTINCT g.group_id FROM quotes q JOIN quote_groups g ON g.document_id = q.document_id'
            ' AND g.start = q.start AND g."end" = q."end" WHERE q.content LIKE ? LIMIT ?', (f"%{text}%", limit))]

    def quote_edges(self, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Quotes with a speaker, for the network; with `limit`, only the latest stored."""
        sql = ("SELECT q.document_id, q.speaker, q.speaker_latin, q.act, q.source_kind, q.content,"
               " coalesce(d.site, d.source) AS outlet,"
               " substr(d.published, 1, 7) AS month FROM quotes q JOIN documents d ON d.id = q.document_id"
               " WHERE q.speaker IS NOT NULL")
        if limit:
            sql += f" ORDER BY q.rowid DESC LIMIT {int(limit)}"
        yield from (dict(r) for r in self.db.execute(sql))

    # -- paragraph vectors ---------------------------------------------------
    def paragraphs_add(self, doc_id: str, rows: list[tuple[int, int, int, bytes]]) -> None:
        self.db.executemany("INSERT INTO paragraph_vectors VALUES (?,?,?,?,?)",
                            [(doc_id, s, e, b, v) for s, e, b, v in rows])

    def paragraphs_in(self, buckets: list[int] | None, limit: int) -> list[tuple[str, int, int, bytes]]:
        """Paragraph vectors in these buckets (None: any), at most `limit` rows."""
        if buckets is None:
            return [tuple(r) for r in self.db.execute(  # type: ignore[misc]
                'SELECT document_id, start, "end", vector FROM paragraph_vectors LIMIT ?', (limit,))]
        out: list[tuple[str, int, int, bytes]] = []
        for b in buckets:
            left = limit - len(out)
            if left <= 0:
                break
            out += [tuple(r) for r in self.db.execute(  # type: ignore[misc]
                'SELECT document_id, start, "end", vector FROM paragraph_vectors WHERE bucket=? LIMIT ?', (b, left))]
        return out

    def paragraphs_of(self, doc_ids: list[str]) -> list[tuple[str, int, int, bytes]]:
        out: list[tuple[str, int, int, bytes]] = []
        for d in doc_ids:
            out += [tuple(r) for r in self.db.execute(  # type: ignore[misc]
                'SELECT document_id, start, "end", vector FROM paragraph_vectors WHERE document_id=?', (d,))]
        return out

    def doc_brief(self, doc_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT id, url, source, site, title, published, language, text FROM documents"
                              " WHERE id=?", (doc_id,)).fetchone()
        return dict(row) if row else None


def _band_key(band: int, h: int) -> int:
    """One 64-bit key for an LSH band and its hash (the band in the low 6 bits; BANDS <= 64)."""
    return (h & ~63) | band


def _doc_row(row: sqlite3.Row) -> dict[str, Any]:
    d = dict(row)
    d["signature"] = np.frombuffer(row["signature"], dtype=np.uint32)
    d["embedding"] = np.frombuffer(row["embedding"], dtype=np.float16).astype(np.float32) if row["embedding"] else None
    return d
