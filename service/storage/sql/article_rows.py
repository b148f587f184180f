"""Articles: stored once per content hash with the metadata the ingest side decided; lookups and pages."""

from __future__ import annotations

import json
from collections.abc import Sequence

from service.models import Quote, StoredArticle
from service.storage.records import (
    ARTICLE_COLUMNS,
    METADATA_FIELDS,
    ArticleMetadata,
    article_from_row,
    content_hash,
)
from service.storage.sql.statement_rows import InsertMany, insert_article_quotes

_INSERT = (
    "INSERT INTO articles (content_hash, text, path, title, published, outlet, original_outlet, url,"
    " sources, text_meta, given_meta, given_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    # Two nodes may store the same text at once: the second finds the first's row, not an error.
    " ON CONFLICT (content_hash) DO NOTHING RETURNING id"
)


def find_by_hash(conn, digest: str) -> StoredArticle | None:
    """The article stored under this content hash, or None."""
    row = conn.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.content_hash = ?", (digest,)
    ).fetchone()
    return article_from_row(row) if row else None


def save_article(
    conn,
    text: str,
    quotes: Sequence[Quote],
    metadata: ArticleMetadata,
    path: str | None,
    insert_many: InsertMany,
) -> tuple[StoredArticle, bool, list[tuple[int, int | None]]]:
    """Store an article and its statements in the caller's write transaction; idempotent by content.

    Returns (article, created, (id, speaker id) of each statement inserted).
    """
    digest = content_hash(text)
    existing = find_by_hash(conn, digest)
    if existing is not None:
        return existing, False, []
    values = metadata.values
    row = conn.execute(
        _INSERT,
        (
            digest,
            text,
            path,
            *(values.get(name) for name in METADATA_FIELDS),
            json.dumps(metadata.sources),
            json.dumps(metadata.from_text),
            json.dumps(metadata.given),
            metadata.given_source,
        ),
    ).fetchone()
    if row is None:  # stored by another writer since the lookup above
        return find_by_hash(conn, digest), False, []
    inserted = insert_article_quotes(
        conn, row[0], quotes, values.get("outlet"), values.get("published"), insert_many
    )
    return find_by_hash(conn, digest), True, inserted


def delete_article(conn, article_id: int) -> tuple[bool, list[int]]:
    """Remove an article and its statements: (whether it existed, ids of the statements removed)."""
    quote_ids = [row[0] for row in conn.execute("SELECT id FROM quotes WHERE article_id = ?", (article_id,))]
    conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
    return conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0, quote_ids


def get_article(conn, article_id: int) -> StoredArticle | None:
    """One article's record (not its text), or None."""
    row = conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?", (article_id,)).fetchone()
    return article_from_row(row) if row else None


def article_text(conn, article_id: int) -> str | None:
    """The original text the statements' offsets point into, or None."""
    row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def list_articles(conn, offset: int, limit: int) -> tuple[list[StoredArticle], int]:
    """A page of articles in the order they were stored, and the total."""
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    rows = conn.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles a ORDER BY a.id LIMIT ? OFFSET ?", (limit, offset)
    ).fetchall()
    return [article_from_row(row) for row in rows], total


def text_and_given(conn, article_id: int) -> tuple[dict, dict] | None:
    """What the text said and what was given for an article, kept apart; None when absent."""
    row = conn.execute("SELECT text_meta, given_meta FROM articles WHERE id = ?", (article_id,)).fetchone()
    return (json.loads(row[0]), json.loads(row[1])) if row else None
