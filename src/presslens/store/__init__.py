"""The store: the only code in presslens that issues SQL.

One SQLite file in WAL mode. Each article is written in one transaction
(document, analysis, FTS row, flat annotation rows), so a process killed
mid-batch leaves every finished article whole and no half-written one.
The same raw bytes are one document; an analysis by a newer pipeline is
kept beside the older ones, and the flat tables follow the newest.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from ..coref.places import canonical_place
from ..errors import StoreError
from ..lang.names import name_key
from ..model import Analysis
from . import rawcodec
from .corpus import CorpusMixin
from .migrations import migrate

DEFAULT_PATH = "presslens.db"


# the reader's "who said what": speech and writing by people and organisations; rows stored
# before acts existed (NULL) still count
def _reader_sql(table: str = "") -> str:
    return (f" AND ({table}act IS NULL OR {table}act IN ('speech', 'writing'))"
            f" AND ({table}source_kind IS NULL OR {table}source_kind IN ('person', 'organisation'))")


READER_SQL = _reader_sql()


@dataclass(frozen=True)
class Saved:
    id: str
    new_document: bool
    new_analysis: bool


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str | None
    source: str
    published: str | None
    snippet: str
    score: float


def _upgrade(path: str) -> None:
    """A store written by an older presslens gets its pending migrations before a read-only
    open, so read commands never query tables it lacks; one it cannot write is a clear error."""
    from .migrations import MIGRATIONS

    with closing(sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)) as probe:
        if probe.execute("PRAGMA user_version").fetchone()[0] >= len(MIGRATIONS):
            return
    try:
        with closing(sqlite3.connect(path, isolation_level=None)) as db:
            db.execute("PRAGMA busy_timeout=10000")
            migrate(db)
    except sqlite3.OperationalError as e:
        raise StoreError(f"{path}: made by an older presslens and cannot be upgraded here ({e}); "
                         "run any presslens command where the file is writable to upgrade it") from None


class Store(CorpusMixin):
    def __init__(self, path: str | Path = DEFAULT_PATH, readonly: bool = False) -> None:
        self.path = str(path)
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise StoreError(f"{self.path}: no such store (run `presslens analyze` first)")
                _upgrade(self.path)
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                # an article's corpus step touches ~150 index pages; checkpointing (two fsyncs) every
                # 10,000 WAL pages instead of every 1,000 makes that a few articles' cost, not each one's
                self.db.execute("PRAGMA wal_autocheckpoint=10000")
            self.db.execute("PRAGMA busy_timeout=10000")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.row_factory = sqlite3.Row
            # corpus aggregates name a country once, however each article wrote it
            self.db.create_function("place", 2, canonical_place, deterministic=True)
            self.db.create_function("name_key", 1, name_key, deterministic=True)  # one name in either script
            if not readonly:
                migrate(self.db)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot open store ({e})") from None

    # -- lifecycle -------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing (the single write path) ---------------------------------
    def has_analysis(self, doc_id: str, pipeline_version: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM analyses WHERE document_id=? AND pipeline_version=?", (doc_id, pipeline_version)
        ).fetchone()
        return row is not None

    def save(self, analysis: Analysis) -> Saved:
        doc = analysis.document
        result = analysis.to_dict()
        try:
            self.db.execute("BEGIN IMMEDIATE")
            new_doc = self._insert_document(doc)
            cur = self.db.execute(
                "INSERT OR IGNORE INTO analyses(document_id, pipeline_version, result) VALUES (?,?,?)",
                (doc.id, analysis.pipeline_version, rawcodec.pack_json(result)),
            )
            new_analysis = cur.rowcount == 1
            if new_analysis:
                self._index_annotations(doc.id, result)
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        self.add_to_corpus(result)
        return Saved(doc.id, new_doc, new_analysis)

    def record_failure(self, source: str, reason: str, *, kind: str = "analysis", document_id: str | None = None,
                       stage: str | None = None, pipeline_version: str = "") -> None:
        """Note that one input or article failed, and why (its own small transaction)."""
        self.db.execute(
            "INSERT INTO failures(source, document_id, kind, stage, reason, pipeline_version) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT(source, reason, pipeline_version) DO UPDATE SET times = times + 1,"
            " last_seen = strftime('%Y-%m-%dT%H:%M:%fZ','now'), document_id = coalesce(excluded.document_id, document_id)",
            (source, document_id, kind, stage, reason, pipeline_version),
        )

    def has_failure(self, source: str, reason: str, pipeline_version: str) -> bool:
        return self.db.execute("SELECT 1 FROM failures WHERE source=? AND reason=? AND pipeline_version=?",
                               (source, reason, pipeline_version)).fetchone() is not None

    def failures(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT source, document_id, kind, stage, reason, times, last_seen FROM failures"
                               " ORDER BY last_seen DESC, id DESC LIMIT ?", (limit,)).fetchall()
        return [dict(r) for r in rows]

    def _insert_document(self, doc) -> bool:
        if self.db.execute("SELECT 1 FROM documents WHERE id=?", (doc.id,)).fetchone():
            return False  # content-addressed: these bytes are stored already (no need to compress them again)
        stored, codec = rawcodec.pack(doc.raw)
        cur = self.db.execute(
            "INSERT OR IGNORE INTO documents(id, source, url, title, published, language, author, site, format,"
            " text, raw, raw_codec, content_hash, metadata) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, doc.source, doc.url, doc.title, doc.published, doc.language, doc.author, doc.site,
             doc.format, doc.text, stored, codec, hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
             json.dumps(doc.metadata, ensure_ascii=False, default=str)),
        )
        if cur.rowcount != 1:
            return False
        rowid = self.db.execute("SELECT rowid FROM documents WHERE id=?", (doc.id,)).fetchone()[0]
        self.db.execute("INSERT INTO documents_fts(rowid, title, text) VALUES (?,?,?)", (rowid, doc.title or "", doc.text))
        return True

    def _index_annotations(self, doc_id: str, r: dict[str, Any]) -> None:
        for table in ("entities", "quotes", "events", "techniques", "frames", "genres"):
            self.db.execute(f"DELETE FROM {table} WHERE document_id=?", (doc_id,))
        text = r["text"]
        names = {e["id"]: e["name"] for e in r["entities"]}
        latins = {e["id"]: e.get("latin") for e in r["entities"]}
        self.db.executemany(
            "INSERT INTO entities (document_id, entity_id, name, type, aliases, roles, mentions, latin)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [(doc_id, e["id"], e["name"], e["type"], json.dumps(e["aliases"], ensure_ascii=False),
              json.dumps(e["roles"], ensure_ascii=False), len(e["mentions"]), e.get("latin")) for e in r["entities"]],
        )
        self.db.executemany(
            "INSERT INTO quotes (document_id, kind, start, end, content, speaker, speaker_entity, cue, channel,"
            " act, source_kind, speaker_latin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc_id, q["kind"], q["start"], q["end"], text[q["start"]:q["end"]],
              (q.get("speaker") or {}).get("name"), (q.get("speaker") or {}).get("entity"),
              (q.get("cue") or {}).get("text"), q.get("channel"), q.get("act"), q.get("source_kind"),
              (q.get("speaker") or {}).get("latin") or latins.get((q.get("speaker") or {}).get("entity") or ""))
             for q in r["quotes"]],
        )

        def arg_name(a: dict | None) -> str | None:
            if not a:
                return None
            return a.get("name") or names.get(a.get("entity") or "") or a.get("text")

        self.db.executemany(
            "INSERT INTO events VALUES (?,?,?,?,?,?,?,?)",
            [(doc_id, e["type"], e.get("date"), text[e["trigger"]["start"]:e["trigger"]["end"]],
              e["trigger"]["start"], arg_name(e.get("actor")), arg_name(e.get("target")),
              json.dumps(e, ensure_ascii=False)) for e in r["events"]],
        )
        self.db.executemany(
            "INSERT INTO techniques VALUES (?,?,?,?,?)",
            [(doc_id, t["label"], t["start"], t["end"], t["score"]) for t in r["techniques"]],
        )
        self.db.executemany("INSERT INTO frames VALUES (?,?,?)", [(doc_id, f["label"], f["score"]) for f in r["frames"]])
        if r.get("genre"):
            self.db.execute("INSERT INTO genres VALUES (?,?,?)", (doc_id, r["genre"]["label"], r["genre"]["score"]))

    # -- reading ----------------------------------------------------------
    def resolve_id(self, ref: str) -> str:
        """A full id, or a unique prefix of one (with or without 'sha256:')."""
        ref = ref.strip()
        full = ref if ref.startswith("sha256:") else "sha256:" + ref
        rows = self.db.execute("SELECT id FROM documents WHERE id >= ? AND id < ? LIMIT 2", (full, full + "\uffff")).fetchall()
        if len(rows) == 1:
            return rows[0]["id"]
        raise StoreError(f"{ref}: {'ambiguous id prefix' if rows else 'no such article in ' + self.path}")

    def get(self, doc_id: str, pipeline_version: str | None = None) -> dict[str, Any] | None:
        sql = "SELECT result FROM analyses WHERE document_id=?"
        args: tuple = (doc_id,)
        if pipeline_version:
            sql += " AND pipeline_version=?"
            args += (pipeline_version,)
        row = self.db.execute(sql + " ORDER BY id DESC LIMIT 1", args).fetchone()
        return self.with_groups(rawcodec.unpack_json(row["result"])) if row else None

    def analyses_of(self, doc_id: str) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT id, pipeline_version, created_at FROM analyses WHERE document_id=? ORDER BY id", (doc_id,)
        ).fetchall()
        return [dict(r) for r in rows]

    def raw(self, doc_id: str) -> bytes | None:
        row = self.db.execute("SELECT raw, raw_codec FROM documents WHERE id=?", (doc_id,)).fetchone()
        return rawcodec.unpack(bytes(row["raw"]), row["raw_codec"]) if row else None

    def documents(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT d.id, d.title, d.source, d.published, d.site, length(d.text) AS chars,"
            " (SELECT count(*) FROM quotes q WHERE q.document_id=d.id) AS quotes,"
            " (SELECT count(*) FROM entities e WHERE e.document_id=d.id) AS entities"
            " FROM documents d ORDER BY d.rowid LIMIT ? OFFSET ?", (limit, offset),
        ).fetchall()
        return [dict(r) for r in rows]

    def iter_results(self) -> Iterator[dict[str, Any]]:
        """The newest analysis of every document, in ingest order."""
        for row in self.db.execute(
            "SELECT a.result FROM documents d JOIN analyses a ON a.id ="
            " (SELECT max(id) FROM analyses WHERE document_id = d.id) ORDER BY d.rowid"
        ):
            yield self.with_groups(rawcodec.unpack_json(row["result"]))

    def search(self, query: str, limit: int = 20, offset: int = 0, **filters: Any) -> list[SearchHit]:
        where, args = self._filters(filters)
        sql = (
            "SELECT d.id, d.title, d.source, d.published,"
            " snippet(documents_fts, 1, '[', ']', ' … ', 12) AS snip, bm25(documents_fts, 5.0, 1.0) AS rank"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            f" WHERE documents_fts MATCH ? {where} ORDER BY rank LIMIT ? OFFSET ?"
        )
        for q in (query, _quote_terms(query)):
            try:
                rows = self.db.execute(sql, (q, *args, limit, offset)).fetchall()
                return [SearchHit(r["id"], r["title"], r["source"], r["published"], r["snip"], -r["rank"]) for r in rows]
            except sqlite3.OperationalError:
                continue
        return []

    @staticmethod
    def _filters(f: dict[str, Any]) -> tuple[str, list[Any]]:
        parts, args = [], []
        if f.get("source"):
            # the outlet as a person names it: site name, input path or URL ("Wall Street Journal", "wsj.com")
            outlet = f"%{_without_article(f['source'])}%"
            parts.append("(d.source LIKE ? OR d.site LIKE ? OR d.url LIKE ?)")
            args += [outlet] * 3
        simple = {"language": "lower(d.language) = lower(?)", "site": "d.site LIKE ?"}
        for key, cond in simple.items():
            if f.get(key):
                parts.append(cond)
                args.append(f[key])
        if f.get("date_from"):
            parts.append("d.published >= ?"); args.append(f["date_from"])
        if f.get("date_to"):
            parts.append("d.published <= ?"); args.append(f["date_to"])
        sub = {
            "entity": "SELECT document_id FROM entities WHERE place(name, type) = ? OR "
                      + _name_sql(("name", "aliases"), "coalesce(latin, name)"),
            "speaker": "SELECT document_id FROM quotes WHERE " + _name_sql(("speaker",), "coalesce(speaker_latin, speaker)")
                       + ("" if f.get("all_acts") else READER_SQL),
            # labels are matched as typed by a person: "political", "loaded language"
            "technique": "SELECT document_id FROM techniques WHERE label = ? COLLATE NOCASE",
            "frame": "SELECT document_id FROM frames WHERE label = ? COLLATE NOCASE",
        }
        for key, q in sub.items():
            if f.get(key):
                parts.append(f"d.id IN ({q})")
                if key == "entity":
                    args += [canonical_place(f[key]), *_name_args(2, f[key])]
                elif key == "speaker":
                    args += _name_args(1, f[key])
                else:
                    args.extend([f"%{f[key]}%" if "LIKE" in q else f[key]] * q.count("?"))
        return ("".join(f" AND {p}" for p in parts), args)

    def quotes(self, query: str | None = None, speaker: str | None = None, channel: str | None = None,
               limit: int = 100, all_acts: bool = False) -> list[dict[str, Any]]:
        """Quotes across the store, each with its provenance group: speech and writing by people
        and organisations, or with `all_acts` every attribution (thoughts, perceptions, documents,
        unnamed sources)."""
        sql = ("SELECT q.*, d.title, d.published, g.group_id AS \"group\" FROM quotes q JOIN documents d ON d.id = q.document_id"
               " LEFT JOIN quote_groups g ON g.document_id = q.document_id AND g.start = q.start AND g.\"end\" = q.\"end\""
               " WHERE 1=1")
        if not all_acts:
            sql += _reader_sql("q.")
        args: list[Any] = []
        if query:
            sql += " AND q.content LIKE ?"; args.append(f"%{query}%")
        if speaker:
            sql += " AND " + _name_sql(("q.speaker",), "coalesce(q.speaker_latin, q.speaker)")
            args += _name_args(1, speaker)
        if channel:
            sql += " AND q.channel LIKE ?"; args.append(f"%{channel}%")
        sql += " ORDER BY d.published, d.rowid, q.start LIMIT ?"
        return [dict(r) for r in self.db.execute(sql, (*args, limit)).fetchall()]

    def events(self, entity: str | None = None, type: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
        sql = ("SELECT e.*, d.title, d.published FROM events e JOIN documents d ON d.id = e.document_id WHERE 1=1")
        args: list[Any] = []
        if entity:
            sql += (" AND (e.actor LIKE ? OR e.target LIKE ? OR place(e.actor, 'GPE') = ? OR place(e.target, 'GPE') = ?"
                    " OR name_key(e.actor) LIKE ? OR name_key(e.target) LIKE ?)")
            args += [f"%{entity}%"] * 2 + [canonical_place(entity)] * 2 + [_key_pattern(entity)] * 2
        if type:
            sql += " AND e.type = ? COLLATE NOCASE"; args.append(type)
        # A partial date (--MM-DD) sorts within its article's year; where the article has no
        # year either it cannot be placed among dated events: after them, in month-day order,
        # then the undated events.
        sql += (" ORDER BY e.date IS NULL,"
                " e.date LIKE '--%' AND (d.published IS NULL OR d.published NOT GLOB '[0-9][0-9][0-9][0-9]*'),"
                " CASE WHEN e.date LIKE '--%' THEN coalesce(substr(d.published,1,4) || substr(e.date,2), e.date)"
                " ELSE e.date END, d.rowid, e.start LIMIT ?")
        return [dict(r) for r in self.db.execute(sql, (*args, limit)).fetchall()]

    def entities(self, name: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        # one country is one entity across the corpus, whichever name each article used
        sql = ("SELECT place(name, type) AS name, type, count(DISTINCT document_id) AS articles,"
               " sum(mentions) AS mentions, max(latin) AS latin FROM entities")
        args: list[Any] = []
        if name:
            sql += " WHERE place(name, type) = ? OR " + _name_sql(("name", "aliases"), "coalesce(latin, name)")
            args += [canonical_place(name), *_name_args(2, name)]
        sql += " GROUP BY place(name, type), type ORDER BY articles DESC, mentions DESC, name LIMIT ?"
        return [dict(r) for r in self.db.execute(sql, (*args, limit)).fetchall()]

    # the quotes stage names a speaker it could not find "unknown" and leaves it without an entity
    _RESOLVED = "speaker_entity IS NOT NULL AND speaker IS NOT NULL AND speaker != 'unknown'"

    def speakers(self, limit: int = 15) -> list[dict[str, Any]]:
        """The most quoted speakers across the corpus: people and bodies resolved to an entity
        only ("unknown", "the judge", "officials" in one article are nobody across articles)."""
        sql = (f"SELECT speaker AS name, count(*) AS quotes, count(DISTINCT document_id) AS articles FROM quotes"
               f" WHERE {self._RESOLVED} GROUP BY speaker ORDER BY quotes DESC, articles DESC, speaker LIMIT ?")
        return [dict(r) for r in self.db.execute(sql, (limit,)).fetchall()]

    def unresolved_quotes(self) -> int:
        return self.db.execute(f"SELECT count(*) FROM quotes WHERE NOT ({self._RESOLVED})").fetchone()[0]

    def labels(self, table: str) -> list[str]:
        """The distinct labels stored in `frames` or `techniques`."""
        if table not in ("frames", "techniques"):
            raise ValueError(f"no labels in {table!r}")
        return [r[0] for r in self.db.execute(f"SELECT DISTINCT label FROM {table} ORDER BY label")]

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "analyses": one("SELECT count(*) FROM analyses"),
            "pipelines": one("SELECT count(DISTINCT pipeline_version) FROM analyses"),
            "entities": one("SELECT count(*) FROM entities"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "events": one("SELECT count(*) FROM events"),
            "techniques": one("SELECT count(*) FROM techniques"),
            "raw_bytes": one("SELECT coalesce(sum(length(raw)), 0) FROM documents"),
            "by_format": {r[0]: r[1] for r in self.db.execute("SELECT format, count(*) FROM documents GROUP BY format")},
            **self._failure_counts(),
        }

    def _failure_counts(self) -> dict[str, int]:
        """Failed inputs and articles (a read-only store made before failures were kept has none)."""
        try:
            return {"failures": self.db.execute("SELECT count(*) FROM failures").fetchone()[0]}
        except sqlite3.OperationalError:
            return {"failures": 0}


def _without_article(name: str) -> str:
    """"The Wall Street Journal" finds the site named "Wall Street Journal"."""
    name = " ".join(name.split())
    return name[4:] if name[:4].lower() == "the " and len(name) > 4 else name


def _quote_terms(query: str) -> str:
    """Fallback for queries that are not valid FTS5 syntax: match every word."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in re.findall(r"\w+", query)) or '""'


__all__ = ["Store", "Saved", "SearchHit", "DEFAULT_PATH"]



def _name_sql(columns: tuple[str, ...], latin_of: str) -> str:
    """A typed name against name columns as typed, or through the search key of the
    row's Latin name (lang/names.py: either script, case and scheme folded)."""
    return "(" + " OR ".join(f"{c} LIKE ?" for c in columns) + f" OR name_key({latin_of}) LIKE ?)"


def _key_pattern(name: str) -> str | None:
    """LIKE pattern of a name's cross-script key; None (never matches) when nothing of the
    name survives folding (".", "-"), which would otherwise match every row."""
    key = name_key(name)
    return f"%{key}%" if key else None


def _name_args(n_columns: int, name: str) -> list[str | None]:
    return [f"%{name}%"] * n_columns + [_key_pattern(name)]
