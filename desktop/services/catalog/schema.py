"""The catalogue's tables and how an older file is brought up to date.

``PRAGMA user_version`` holds how many entries of ``MIGRATIONS`` (SQL scripts) a file has
had; opening runs the missing ones in order, each in its own transaction, so a file from any
older version of the app upgrades in place and keeps its rows. Never edit a released
migration: append one.

Ordering trick: ``images.sort_key`` (the rowid) is derived from the creation time (see
``rows.sort_key_base``), so "newest first" is ``ORDER BY sort_key DESC`` everywhere: the
primary key, every index and the full-text index all walk in that order and a page of results
stops after ``LIMIT`` rows instead of sorting every match.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

# v1: The history of each workspace with every HistoryItem field, and the full-text index.
_V1_IMAGES = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE workspaces (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            history_complete INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE images (
            sort_key INTEGER PRIMARY KEY,
            workspace_id TEXT NOT NULL,
            image_id TEXT NOT NULL,
            image_url TEXT NOT NULL,
            batch_id TEXT,
            prompt TEXT NOT NULL DEFAULT '',
            model TEXT,
            aspect_ratio TEXT,
            output_format TEXT,
            content_type TEXT,
            width INTEGER,
            height INTEGER,
            file_size INTEGER,
            created_at TEXT,
            api_kind TEXT NOT NULL DEFAULT 'text2image',
            input_image_urls TEXT NOT NULL DEFAULT '[]',
            added_at REAL NOT NULL,
            UNIQUE (workspace_id, image_id)
        );
        CREATE INDEX images_model ON images (workspace_id, model);
        CREATE INDEX images_ratio ON images (workspace_id, aspect_ratio);
        CREATE INDEX images_format ON images (workspace_id, output_format);
        CREATE VIRTUAL TABLE images_fts USING fts5 (
            prompt, content='images', content_rowid='sort_key',
            tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
        );
        CREATE TRIGGER images_fts_insert AFTER INSERT ON images BEGIN
            INSERT INTO images_fts (rowid, prompt) VALUES (new.sort_key, new.prompt);
        END;
        CREATE TRIGGER images_fts_delete AFTER DELETE ON images BEGIN
            INSERT INTO images_fts (images_fts, rowid, prompt)
            VALUES ('delete', old.sort_key, old.prompt);
        END;
        CREATE TRIGGER images_fts_update AFTER UPDATE OF prompt ON images BEGIN
            INSERT INTO images_fts (images_fts, rowid, prompt)
            VALUES ('delete', old.sort_key, old.prompt);
            INSERT INTO images_fts (rowid, prompt) VALUES (new.sort_key, new.prompt);
        END;
        """


# v2: What the designer adds: kind and source, favourite, rating, credits, collections,
# pending deletes.
_V2_DESIGNER_DATA = """
        ALTER TABLE images ADD COLUMN kind TEXT NOT NULL DEFAULT 'generated';
        ALTER TABLE images ADD COLUMN source_image_id TEXT;
        ALTER TABLE images ADD COLUMN favourite INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE images ADD COLUMN rating INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE images ADD COLUMN credits_spent INTEGER;
        ALTER TABLE images ADD COLUMN delete_due REAL;
        UPDATE images SET kind = 'edited' WHERE api_kind = 'image2image';
        -- what every query filters on is "not pending delete": partial indexes serve
        -- filters and the chip counts (GROUP BY) without touching the rows
        DROP INDEX images_model;
        DROP INDEX images_ratio;
        DROP INDEX images_format;
        CREATE INDEX images_model ON images (workspace_id, model) WHERE delete_due IS NULL;
        CREATE INDEX images_ratio ON images (workspace_id, aspect_ratio)
            WHERE delete_due IS NULL;
        CREATE INDEX images_format ON images (workspace_id, output_format)
            WHERE delete_due IS NULL;
        CREATE INDEX images_kind ON images (workspace_id, kind) WHERE delete_due IS NULL;
        -- a text search checks each match here (workspace and the common filters) instead of
        -- reading its whole row: counts of a one-letter prefix at 100k in a third of the time
        CREATE INDEX images_visible
            ON images (sort_key, workspace_id, model, aspect_ratio, output_format, kind)
            WHERE delete_due IS NULL;
        CREATE INDEX images_favourite ON images (workspace_id, favourite) WHERE favourite = 1;
        CREATE INDEX images_rating ON images (workspace_id, rating) WHERE rating > 0;
        CREATE INDEX images_delete_due ON images (delete_due) WHERE delete_due IS NOT NULL;
        CREATE TABLE collections (
            id INTEGER PRIMARY KEY,
            workspace_id TEXT NOT NULL,
            name TEXT NOT NULL,
            created_at REAL NOT NULL
        );
        CREATE INDEX collections_workspace ON collections (workspace_id);
        CREATE TABLE collection_items (
            collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
            image_key INTEGER NOT NULL REFERENCES images (sort_key) ON DELETE CASCADE,
            PRIMARY KEY (collection_id, image_key)
        ) WITHOUT ROWID;
        CREATE INDEX collection_items_image ON collection_items (image_key);
        """


# v3: Saved prompt templates with placeholders and parameters.
_V3_STYLE_PRESETS = """
        CREATE TABLE style_presets (
            name TEXT PRIMARY KEY,
            template TEXT NOT NULL,
            parameters TEXT NOT NULL DEFAULT '{}'
        );
        """


MIGRATIONS: Sequence[str] = (_V1_IMAGES, _V2_DESIGNER_DATA, _V3_STYLE_PRESETS)
SCHEMA_VERSION = len(MIGRATIONS)


class NewerSchemaError(sqlite3.DatabaseError):
    """The file was written by a newer version of the app; this one cannot read it safely."""


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Run the missing migrations up to ``target``; returns the version the file had before."""
    before = schema_version(conn)
    if before > len(MIGRATIONS):
        raise NewerSchemaError(f"catalogue schema {before} is newer than {len(MIGRATIONS)}")
    for version in range(before, target):
        # executescript commits any open transaction first, so the script carries its own
        try:
            step = MIGRATIONS[version]
            conn.executescript(
                f"BEGIN IMMEDIATE; {step}; PRAGMA user_version = {version + 1}; COMMIT;"
            )
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return before
