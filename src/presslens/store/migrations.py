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
