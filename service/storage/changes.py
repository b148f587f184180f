"""The change log every gunicorn worker polls to bring its in-memory index up to date."""

from __future__ import annotations

import sqlite3


def last_quote_id(conn: sqlite3.Connection) -> int:
    """The highest quote id ever handed out (AUTOINCREMENT keeps it even after deletes)."""
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'quotes'").fetchone()
    return row[0] if row else 0


def log_added_since(conn: sqlite3.Connection, before: int) -> None:
    """Log the quotes this transaction inserted: every id above `before`, read inside the same transaction."""
    after = last_quote_id(conn)
    if after > before:
        conn.execute("INSERT INTO changes (op, first_id, last_id) VALUES ('add', ?, ?)", (before + 1, after))


def log_removed(conn: sqlite3.Connection, quote_ids: list[int]) -> None:
    """Log the removal of each quote id."""
    conn.executemany(
        "INSERT INTO changes (op, first_id, last_id) VALUES ('remove', ?, ?)", ((i, i) for i in quote_ids)
    )


def current_seq(conn: sqlite3.Connection) -> int:
    """The newest change-log position (0 for an empty log)."""
    return conn.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0]


def changes_since(conn: sqlite3.Connection, seq: int) -> tuple[int, list[int], list[int]]:
    """(new_seq, added_ids, removed_ids) after `seq`; call inside one read transaction for a consistent view.

    Added ids are those still stored (a statement added then removed in the window shows only as
    removed); removing an id the caller never had is for the caller to ignore.
    """
    added: list[int] = []
    removed: list[int] = []
    new_seq = seq
    for change_seq, op, first_id, last_id in conn.execute(
        "SELECT seq, op, first_id, last_id FROM changes WHERE seq > ? ORDER BY seq", (seq,)
    ).fetchall():
        new_seq = change_seq
        if op == "remove":
            removed.extend(range(first_id, last_id + 1))
        else:
            added.extend(
                row[0]
                for row in conn.execute(
                    "SELECT id FROM quotes WHERE id BETWEEN ? AND ? ORDER BY id", (first_id, last_id)
                )
            )
    return new_seq, added, removed
