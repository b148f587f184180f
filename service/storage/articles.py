"""Articles: stored once per content hash, metadata resolved from the text first and given values second."""

from __future__ import annotations

import json
import sqlite3

from service.models import Extraction, StoredArticle
from service.storage import changes
from service.storage.quotes import insert_article_quotes
from service.storage.records import ARTICLE_COLUMNS, METADATA_FIELDS, article_from_row, content_hash
from service.storage.speakers import count_added_since

GIVEN_SOURCES = ("metadata", "request")


def find_by_hash(conn: sqlite3.Connection, digest: str) -> StoredArticle | None:
    """The article stored under this content hash, or None."""
    row = conn.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.content_hash = ?", (digest,)
    ).fetchone()
    return article_from_row(row) if row else None


def resolve_metadata(
    extraction: Extraction, given: dict | None, given_source: str
) -> tuple[dict, dict, dict, dict]:
    """(text values, given values, resolved values, source of each resolved value)."""
    from_text = {
        name: value
        for name in METADATA_FIELDS
        if isinstance(value := getattr(extraction.meta, name, None), str) and value.strip()
    }
    from_outside = {
        name: value.strip()
        for name in METADATA_FIELDS
        if isinstance(value := (given or {}).get(name), str) and value.strip()
    }
    resolved, sources = {}, {}
    for name in METADATA_FIELDS:
        if name in from_text:
            resolved[name], sources[name] = from_text[name], "text"
        elif name in from_outside:
            resolved[name], sources[name] = from_outside[name], given_source
    return from_text, from_outside, resolved, sources


def save_article(
    conn: sqlite3.Connection,
    text: str,
    extraction: Extraction,
    *,
    path: str | None,
    given: dict | None,
    given_source: str,
) -> tuple[StoredArticle, bool]:
    """Store an article and its statements inside the caller's write transaction; idempotent by content."""
    if given_source not in GIVEN_SOURCES:
        raise ValueError(f"given_source must be one of {GIVEN_SOURCES}, not {given_source!r}")
    digest = content_hash(text)
    existing = find_by_hash(conn, digest)
    if existing is not None:
        return existing, False
    from_text, from_outside, resolved, sources = resolve_metadata(extraction, given, given_source)
    article_id = conn.execute(
        "INSERT INTO articles (content_hash, text, path, title, published, outlet, original_outlet, url,"
        " sources, text_meta, given_meta, given_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            digest,
            text,
            path,
            *(resolved.get(name) for name in METADATA_FIELDS),
            json.dumps(sources),
            json.dumps(from_text),
            json.dumps(from_outside),
            given_source if from_outside else None,
        ),
    ).lastrowid
    before = changes.last_quote_id(conn)
    insert_article_quotes(
        conn, article_id, extraction.quotes, resolved.get("outlet"), resolved.get("published")
    )
    count_added_since(conn, before)
    changes.log_added_since(conn, before)
    return find_by_hash(conn, digest), True


def delete_article(conn: sqlite3.Connection, article_id: int) -> bool:
    """Remove an article and its statements, logging each statement's removal; False when absent."""
    quote_ids = [row[0] for row in conn.execute("SELECT id FROM quotes WHERE article_id = ?", (article_id,))]
    conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
    changes.log_removed(conn, quote_ids)
    return conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0


def get_article(conn: sqlite3.Connection, article_id: int) -> StoredArticle | None:
    """One article's record (not its text), or None."""
    row = conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?", (article_id,)).fetchone()
    return article_from_row(row) if row else None


def article_text(conn: sqlite3.Connection, article_id: int) -> str | None:
    """The original text the statements' offsets point into, or None."""
    row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def list_articles(conn: sqlite3.Connection, offset: int, limit: int) -> tuple[list[StoredArticle], int]:
    """A page of articles in the order they were stored, and the total."""
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    rows = conn.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles a ORDER BY a.id LIMIT ? OFFSET ?", (limit, offset)
    ).fetchall()
    return [article_from_row(row) for row in rows], total


def text_and_given(conn: sqlite3.Connection, article_id: int) -> tuple[dict, dict] | None:
    """What the text said and what was given for an article, kept apart; None when absent."""
    row = conn.execute("SELECT text_meta, given_meta FROM articles WHERE id = ?", (article_id,)).fetchone()
    return (json.loads(row[0]), json.loads(row[1])) if row else None
