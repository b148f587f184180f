"""SQLite connection settings and the schema, created or migrated on open through PRAGMA user_version."""

from __future__ import annotations

import sqlite3

# How long a writer waits for another writer (a gunicorn worker, a thread, a bulk import batch)
# before giving up with "database is locked".
BUSY_TIMEOUT_SECONDS = 30.0


# Each entry moves the schema from version N to N + 1; append, never edit a released step.
# A step is a list of SQL statements. Version 1 is the first released schema.
MIGRATIONS: list[list[str]] = [
    [
        # AUTOINCREMENT so an id is never reused after a delete: workers that replay the change
        # log must never mistake a new row for one they already removed.
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            content_hash TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            path TEXT,
            title TEXT,
            published TEXT,
            outlet TEXT,
            original_outlet TEXT,
            url TEXT,
            sources TEXT NOT NULL DEFAULT '{}',
            text_meta TEXT NOT NULL DEFAULT '{}',
            given_meta TEXT NOT NULL DEFAULT '{}',
            given_source TEXT,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        )""",
        """CREATE TABLE speakers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name_key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            role TEXT,
            quote_count INTEGER NOT NULL DEFAULT 0
        )""",
        # outlet and published are filled on every row (copied from the article for article
        # statements; articles never change once stored) so filters read one table.
        """CREATE TABLE quotes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id INTEGER REFERENCES articles(id),
            text TEXT NOT NULL CHECK (length(text) > 0),
            kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
            speaker_id INTEGER REFERENCES speakers(id),
            speaker_name TEXT,
            speaker_role TEXT,
            speaker_mention TEXT,
            speaker_anonymous INTEGER NOT NULL DEFAULT 0,
            speaker_organisation INTEGER NOT NULL DEFAULT 0,
            cue TEXT,
            said_on TEXT,
            venue TEXT,
            start_offset INTEGER,
            end_offset INTEGER,
            ref TEXT,
            dedup_key TEXT,
            title TEXT,
            outlet TEXT,
            published TEXT,
            url TEXT
        )""",
        # ref and dedup_key are unique only where set: every row has at least one of the two NULL,
        # and a column UNIQUE constraint would index the NULLs too (partial indexes made bulk
        # import ~15% faster in the same run).
        "CREATE UNIQUE INDEX quotes_by_ref ON quotes(ref) WHERE ref IS NOT NULL",
        "CREATE UNIQUE INDEX quotes_by_dedup_key ON quotes(dedup_key) WHERE dedup_key IS NOT NULL",
        "CREATE INDEX quotes_by_article ON quotes(article_id) WHERE article_id IS NOT NULL",
        "CREATE INDEX quotes_by_speaker ON quotes(speaker_id) WHERE speaker_id IS NOT NULL",
        # Outlet and date filters (list_quotes, filter_ids) read an index instead of scanning every row.
        "CREATE INDEX quotes_by_outlet ON quotes(outlet COLLATE NOCASE)",
        "CREATE INDEX quotes_by_published ON quotes(published)",
        "CREATE INDEX quotes_by_said_on ON quotes(said_on)",
        # One 'add' row covers a run of ids one transaction inserted (storage/sql/change_log.py);
        # logging one row per imported statement would double the cost of a bulk import.
        """CREATE TABLE changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            op TEXT NOT NULL CHECK (op IN ('add', 'remove')),
            first_id INTEGER NOT NULL,
            last_id INTEGER NOT NULL
        )""",
        # Insert counts are added once per transaction (speakers.count_added_since), not per row by
        # a trigger. Speaker rows stay when their last statement goes (listings skip quote_count
        # 0), so a speaker id, once committed, stays valid and importers can remember name -> id.
        """CREATE TRIGGER speaker_count_down AFTER DELETE ON quotes WHEN OLD.speaker_id IS NOT NULL
        BEGIN
            UPDATE speakers SET quote_count = quote_count - 1 WHERE id = OLD.speaker_id;
        END""",
    ],
    [
        # A split quote's pieces (Quote.parts) as JSON [[start, end], ...]; NULL when the statement is
        # the one span start_offset..end_offset, as every row stored before this step is.
        "ALTER TABLE quotes ADD COLUMN parts TEXT",
    ],
    [
        # The body or country a person speaks for (Speaker.affiliation); NULL for rows stored before.
        "ALTER TABLE quotes ADD COLUMN speaker_affiliation TEXT",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)


def connect(path: str) -> sqlite3.Connection:
    """Open one connection with the settings every connection needs (WAL, busy timeout, foreign keys)."""
    # isolation_level=None: we issue BEGIN IMMEDIATE / COMMIT ourselves so a write transaction
    # takes the write lock up front instead of failing on a lock upgrade under contention.
    # check_same_thread=False only so Store.close() can close every thread's connection;
    # each connection is still used by the one thread that opened it.
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    conn.execute("PRAGMA journal_mode = WAL")
    # In WAL mode, NORMAL syncs the log only at checkpoints, yet a committed transaction is already
    # in the WAL file (the OS page cache) when COMMIT returns, so a SIGKILL of the server process
    # loses nothing: only a power cut or OS crash could drop the last commits. FULL would add an
    # fsync to every commit, a cost only power-loss durability needs.
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -16000")
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to SCHEMA_VERSION in one transaction; return the version found before."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        if found > SCHEMA_VERSION:
            raise RuntimeError(f"store schema version {found} is newer than this code ({SCHEMA_VERSION})")
        for step in MIGRATIONS[found:]:
            for statement in step:
                conn.execute(statement)
        if found != SCHEMA_VERSION:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return found
