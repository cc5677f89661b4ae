"""Numbered schema migrations, applied in order and recorded in PRAGMA user_version."""
from __future__ import annotations

import sqlite3
from typing import Callable

# Each migration returns an SQL script; migrate() wraps it with the version bump
# in one explicit transaction (executescript would otherwise commit piecemeal).
MIGRATIONS: list[Callable[[], str]] = []


def migration(func: Callable[[], str]) -> Callable[[], str]:
    MIGRATIONS.append(func)
    return func


@migration
def m001_documents_and_analyses() -> str:
    return (
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,              -- sha256: of the raw bytes
            source TEXT NOT NULL,
            url TEXT, title TEXT, published TEXT, language TEXT,
            author TEXT, site TEXT, format TEXT,
            text TEXT NOT NULL,
            raw BLOB NOT NULL,                -- the input exactly as read
            content_hash TEXT NOT NULL,       -- sha256 of text, for syndication checks
            metadata TEXT NOT NULL DEFAULT '{}',
            added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
        );
        CREATE INDEX documents_published ON documents(published);
        CREATE INDEX documents_content_hash ON documents(content_hash);

        CREATE TABLE analyses (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id),
            pipeline_version TEXT NOT NULL,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
            result TEXT NOT NULL,             -- the output contract as JSON
            UNIQUE (document_id, pipeline_version)
        );

        CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
        """
    )


@migration
def m002_annotation_index() -> str:
    """Flat tables of the newest analysis per document, for cross-corpus queries."""
    return (
        """
        CREATE TABLE entities (
            document_id TEXT NOT NULL REFERENCES documents(id),
            entity_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
            aliases TEXT NOT NULL, roles TEXT NOT NULL, mentions INTEGER NOT NULL
        );
        CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
        CREATE INDEX entities_doc ON entities(document_id);

        CREATE TABLE quotes (
            document_id TEXT NOT NULL REFERENCES documents(id),
            kind TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            content TEXT NOT NULL, speaker TEXT, speaker_entity TEXT, cue TEXT, channel TEXT
        );
        CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE);
        CREATE INDEX quotes_doc ON quotes(document_id);

        CREATE TABLE events (
            document_id TEXT NOT NULL REFERENCES documents(id),
            type TEXT NOT NULL, date TEXT, trigger TEXT NOT NULL, start INTEGER NOT NULL,
            actor TEXT, target TEXT, record TEXT NOT NULL
        );
        CREATE INDEX events_doc ON events(document_id);
        CREATE INDEX events_date ON events(date);

        CREATE TABLE techniques (
            document_id TEXT NOT NULL REFERENCES documents(id),
            label TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, score REAL NOT NULL
        );
        CREATE INDEX techniques_label ON techniques(label);

        CREATE TABLE frames (
            document_id TEXT NOT NULL REFERENCES documents(id),
            label TEXT NOT NULL, score REAL NOT NULL
        );
        CREATE INDEX frames_label ON frames(label);

        CREATE TABLE genres (
            document_id TEXT PRIMARY KEY REFERENCES documents(id),
            label TEXT NOT NULL, score REAL NOT NULL
        );
        """
    )


@migration
def m003_quote_acts() -> str:
    """What kind of attribution each quote is and who gave it (Quote.act, Quote.source_kind),
    so listings can keep to speech and writing by people and organisations."""
    return """
        ALTER TABLE quotes ADD COLUMN act TEXT;
        ALTER TABLE quotes ADD COLUMN source_kind TEXT;
        """


@migration
def m004_failures() -> str:
    """Inputs and articles that could not be analysed or stored, with the reason
    (one row per source and reason; a rerun that fails the same way counts up)."""
    return (
        """
        CREATE TABLE failures (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            document_id TEXT,                 -- sha256: of the raw bytes, when the input was read
            kind TEXT NOT NULL,               -- input | analysis | store
            stage TEXT,                       -- the stage that raised, for kind = analysis
            reason TEXT NOT NULL,
            pipeline_version TEXT NOT NULL DEFAULT '',
            times INTEGER NOT NULL DEFAULT 1,
            first_seen TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
            last_seen TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
            UNIQUE (source, reason, pipeline_version)
        );
        CREATE INDEX failures_document ON failures(document_id);
        """
    )


@migration
def m005_corpus() -> str:
    """The corpus layer: near-duplicate signatures and LSH bands, stories, quote
    provenance groups and paragraph vectors, all filled incrementally per article."""
    return (
        """
        CREATE TABLE corpus_docs (
            document_id TEXT PRIMARY KEY REFERENCES documents(id),
            seq INTEGER NOT NULL,             -- ingest order
            day INTEGER,                      -- publication day number, NULL if unknown
            shingles INTEGER NOT NULL,        -- distinct 5-word shingles in the body
            signature BLOB NOT NULL,          -- MinHash values, uint32
            story_id TEXT NOT NULL,
            embedding BLOB                    -- float16 article vector (title + lead)
        );
        CREATE INDEX corpus_docs_story ON corpus_docs(story_id);
        CREATE TABLE dup_bands (band INTEGER NOT NULL, hash INTEGER NOT NULL, document_id TEXT NOT NULL);
        CREATE INDEX dup_bands_key ON dup_bands(band, hash);
        CREATE TABLE dup_links (
            document_id TEXT PRIMARY KEY REFERENCES documents(id),
            canonical_id TEXT NOT NULL REFERENCES documents(id),
            similarity REAL NOT NULL
        );
        CREATE INDEX dup_links_canonical ON dup_links(canonical_id);
        CREATE TABLE anchor_df (key TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE stories (
            id TEXT PRIMARY KEY, title TEXT, first_day INTEGER, last_day INTEGER,
            first_seq INTEGER NOT NULL, articles INTEGER NOT NULL,
            centroid BLOB, centroid_n INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE story_anchors (
            story_id TEXT NOT NULL, key TEXT NOT NULL, weight REAL NOT NULL,
            PRIMARY KEY (key, story_id)
        ) WITHOUT ROWID;
        CREATE INDEX story_anchors_story ON story_anchors(story_id);
        CREATE TABLE quote_groups (
            document_id TEXT NOT NULL REFERENCES documents(id),
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            group_id TEXT NOT NULL, speaker_key TEXT NOT NULL, similarity REAL NOT NULL,
            drift TEXT NOT NULL DEFAULT '[]',
            position REAL NOT NULL DEFAULT 0, -- quote start as a share of the article length
            PRIMARY KEY (document_id, start, "end")
        );
        CREATE INDEX quote_groups_group ON quote_groups(group_id);
        CREATE INDEX quote_groups_speaker ON quote_groups(speaker_key);
        CREATE TABLE quote_keys (key INTEGER NOT NULL, document_id TEXT NOT NULL, start INTEGER NOT NULL,
                                 "end" INTEGER NOT NULL);
        CREATE INDEX quote_keys_key ON quote_keys(key);
        CREATE TABLE paragraph_vectors (
            document_id TEXT NOT NULL REFERENCES documents(id),
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            bucket INTEGER NOT NULL, vector BLOB NOT NULL   -- int8, scaled by 127
        );
        CREATE INDEX paragraph_vectors_bucket ON paragraph_vectors(bucket);
        CREATE INDEX paragraph_vectors_doc ON paragraph_vectors(document_id);
        """
    )


@migration
def m006_raw_codec() -> str:
    """How documents.raw is stored: NULL as read (rows from before), 'zstd' compressed."""
    return "ALTER TABLE documents ADD COLUMN raw_codec TEXT;"


@migration
def m007_latin_names() -> str:
    """The Latin transliteration of entity and speaker names (Entity.latin, Speaker.latin),
    so a name typed in either script finds both; rows stored earlier are filled from
    their analysis JSON."""
    return """
        ALTER TABLE entities ADD COLUMN latin TEXT;
        ALTER TABLE quotes ADD COLUMN speaker_latin TEXT;
        UPDATE entities SET latin = (
            SELECT json_extract(e.value, '$.latin') FROM analyses a,
                json_each(CASE WHEN json_valid(a.result) THEN a.result ELSE '{}' END, '$.entities') e
            WHERE a.document_id = entities.document_id AND json_extract(e.value, '$.id') = entities.entity_id
            ORDER BY a.id DESC LIMIT 1);
        -- compressed analyses (migration 6) are left for the next save to fill
        UPDATE quotes SET speaker_latin = (
            SELECT latin FROM entities e WHERE e.document_id = quotes.document_id AND e.entity_id = quotes.speaker_entity);
        CREATE INDEX entities_latin ON entities(latin COLLATE NOCASE);
        CREATE INDEX quotes_speaker_latin ON quotes(speaker_latin COLLATE NOCASE);
        """


@migration
def m008_story_anchor_recency() -> str:
    """Story anchors stored story by story (an article's update touches one story's rows, not
    rows spread over the whole key order), each carrying its story's span, with a (key, last_day)
    index: a key's candidate stories are read nearest in time first, inside the story window,
    instead of the first rows in story-id order (mostly long-finished stories in a large corpus)."""
    return """
        CREATE TABLE story_anchors_by_story (
            story_id TEXT NOT NULL, key TEXT NOT NULL, weight REAL NOT NULL,
            first_day INTEGER, last_day INTEGER,   -- the story's span, copied for the index below
            PRIMARY KEY (story_id, key)
        ) WITHOUT ROWID;
        INSERT INTO story_anchors_by_story
            SELECT a.story_id, a.key, a.weight, s.first_day, s.last_day
            FROM story_anchors a LEFT JOIN stories s ON s.id = a.story_id;
        DROP TABLE story_anchors;
        ALTER TABLE story_anchors_by_story RENAME TO story_anchors;
        CREATE INDEX story_anchors_recent ON story_anchors(key, last_day, first_day);
        """


@migration
def m009_key_tables_by_seq() -> str:
    """LSH band and quote lookup keys as rows of (key, article seq, ...) in key order: a lookup
    reads the key's own rows alone (before, each row cost a lookup of a table row holding the
    71-character document id, and the 64 band rows an article adds were most of the store)."""
    return """
        CREATE INDEX corpus_docs_seq ON corpus_docs(seq);
        CREATE TABLE dup_bands_by_seq (
            key INTEGER NOT NULL,             -- the band's hash with the band number in its low 6 bits
            seq INTEGER NOT NULL,             -- corpus_docs.seq
            PRIMARY KEY (key, seq)
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO dup_bands_by_seq
            SELECT (b.hash & -64) | b.band, c.seq FROM dup_bands b JOIN corpus_docs c ON c.document_id = b.document_id;
        DROP TABLE dup_bands;
        ALTER TABLE dup_bands_by_seq RENAME TO dup_bands;
        CREATE TABLE quote_keys_by_seq (
            key INTEGER NOT NULL, seq INTEGER NOT NULL,   -- corpus_docs.seq of the quote's article
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (key, seq, start, "end")
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO quote_keys_by_seq
            SELECT k.key, c.seq, k.start, k."end" FROM quote_keys k JOIN corpus_docs c ON c.document_id = k.document_id;
        DROP TABLE quote_keys;
        ALTER TABLE quote_keys_by_seq RENAME TO quote_keys;
        """


@migration
def m010_quote_key_df() -> str:
    """How many stored quotes carry each quote lookup key: a lookup reads the rows of its
    selective keys and only the most recent few of a key so common that it selects nothing,
    so the cost of a quote lookup stays flat as the corpus grows."""
    return """
        CREATE TABLE quote_key_df (key INTEGER PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO quote_key_df SELECT key, count(*) FROM quote_keys GROUP BY key;
        """



@migration
def m011_quote_key_df_beside_keys() -> str:
    """Each quote lookup key's count moves into a row of quote_keys beside the key's own rows
    (seq 0, start 0, end 0: no article has seq 0), so counting a key and adding its row write
    one page, not one in each of two tables: a third fewer pages written per article."""
    return """
        ALTER TABLE quote_keys ADD COLUMN df INTEGER;   -- set on the count row only
        INSERT INTO quote_keys(key, seq, start, "end", df) SELECT key, 0, 0, 0, df FROM quote_key_df;
        DROP TABLE quote_key_df;
        """

def migrate(db: sqlite3.Connection) -> int:
    """Apply pending migrations, each atomically; return the schema version.

    `db` must be in autocommit mode (isolation_level=None).
    """
    current = db.execute("PRAGMA user_version").fetchone()[0]
    for number, step in enumerate(MIGRATIONS, start=1):
        if number <= current:
            continue
        try:
            db.executescript(f"BEGIN;\n{step()}\nPRAGMA user_version = {number};\nCOMMIT;")
        except sqlite3.Error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
    return len(MIGRATIONS)
