"""The change log: what each write transaction added and removed, read back by every index in seq order.

One 'add' row covers a run of consecutive ids that one transaction inserted (logging one row per
imported statement would double the cost of a bulk import); a 'remove' row covers one id. The
positions must be handed out in commit order: SQLite has one writer at a time, and the PostgreSQL
store takes a lock held to COMMIT before it records (`storage.postgres.store`).
"""

from __future__ import annotations

from collections.abc import Iterable

from service.storage.base import Changes


def id_runs(ids: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive ids as (first, last) runs, ascending."""
    runs: list[list[int]] = []
    for quote_id in sorted(set(ids)):
        if runs and quote_id == runs[-1][1] + 1:
            runs[-1][1] = quote_id
        else:
            runs.append([quote_id, quote_id])
    return [(first, last) for first, last in runs]


def record(conn, added: Iterable[int], removed: Iterable[int]) -> bool:
    """Log a transaction's additions (as runs) and removals inside that transaction; True when any."""
    rows = [("add", first, last) for first, last in id_runs(added)]
    rows += [("remove", quote_id, quote_id) for quote_id in removed]
    if rows:
        conn.executemany("INSERT INTO changes (op, first_id, last_id) VALUES (?, ?, ?)", rows)
    return bool(rows)


def current_seq(conn) -> int:
    """The newest change-log position (0 for an empty log)."""
    return conn.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0]


def changes_since(conn, seq: int) -> Changes:
    """Changes after `seq`; call inside one read snapshot so the log and the statements agree."""
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
    # Runs of concurrent PostgreSQL writers interleave: the promise is ascending ids.
    return Changes(new_seq, sorted(set(added)), removed)
