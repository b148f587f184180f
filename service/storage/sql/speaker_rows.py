"""Speakers: one row per folded name, its display form, role and statement count."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from service.models import Speaker
from service.storage.records import StoredSpeaker, name_key

# Mentions that point at a speaker without naming them are not aliases of that speaker.
_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "i", "we", "it", "you"})
_MAX_ALIASES = 20

_UPSERT = (
    "INSERT INTO speakers (name_key, name, role) VALUES (?, ?, ?)"
    " ON CONFLICT (name_key) DO UPDATE SET role = coalesce(speakers.role, excluded.role)"
    " RETURNING id, role IS NOT NULL"
)


def speaker_key(speaker: Speaker) -> str | None:
    """The speakers-table key of a statement's speaker, or None when no named speaker is known."""
    if speaker.anonymous or not speaker.name:
        return None
    return name_key(speaker.name) or None


def upsert_speakers(conn, wanted: dict[str, tuple[str, str | None]]) -> dict[str, int]:
    """Make sure each key has a speakers row (first display name wins, first known role fills a gap)."""
    # One statement per distinct speaker, not per statement: a batch of imported rows repeats names.
    # In first-seen order, so new speakers get ids in the order the text names them. Concurrent
    # PostgreSQL writers may then lock rows in opposite orders: the store retries a deadlock victim.
    return {
        key: conn.execute(_UPSERT, (key, name, role)).fetchone()[0] for key, (name, role) in wanted.items()
    }


class SpeakerCache:
    """Speaker ids already committed, so a bulk import asks the database only about names it has not seen.

    Speaker rows are never deleted (one whose statements are all gone keeps quote_count 0), so a
    committed id stays right in every process; ids from an open transaction join only after COMMIT.
    """

    LIMIT = 500_000  # names remembered before starting afresh, to bound memory on huge imports

    def __init__(self) -> None:
        self._known: dict[str, tuple[int, bool]] = {}  # key -> (id, has a role)

    def resolve(
        self, conn, wanted: dict[str, tuple[str, str | None]]
    ) -> tuple[dict[str, int], dict[str, tuple[int, bool]]]:
        """(key -> id for every wanted speaker, what was learned) inside the caller's transaction."""
        ids, learned = {}, {}
        for key, (name, role) in wanted.items():
            known = self._known.get(key)
            if known is not None and (known[1] or not role):
                ids[key] = known[0]
                continue
            speaker_id, has_role = conn.execute(_UPSERT, (key, name, role)).fetchone()
            ids[key] = speaker_id
            learned[key] = (speaker_id, bool(has_role))
        return ids, learned

    def remember(self, learned: dict[str, tuple[int, bool]]) -> None:
        """Keep what a committed transaction learned."""
        if len(self._known) + len(learned) > self.LIMIT:
            self._known.clear()
        self._known.update(learned)


def count_added(conn, speaker_ids: Iterable[int | None]) -> None:
    """Add this transaction's new statements, given by their speaker ids, to their speakers' counts."""
    # One update per distinct speaker per transaction, not a per-row trigger (~20% faster bulk imports
    # in interleaved runs of 100k rows); in id order so concurrent writers lock rows in one order.
    counts = Counter(i for i in speaker_ids if i is not None)
    conn.executemany(
        "UPDATE speakers SET quote_count = quote_count + ? WHERE id = ?",
        [(counts[i], i) for i in sorted(counts)],
    )


def get_speaker(conn, speaker_id: int) -> StoredSpeaker | None:
    """One speaker with aliases and statement count, or None."""
    row = conn.execute(
        "SELECT id, name, role, quote_count FROM speakers WHERE id = ? AND quote_count > 0", (speaker_id,)
    ).fetchone()
    if row is None:
        return None
    return _with_aliases(conn, [row])[0]


def list_speakers(conn, offset: int, limit: int, name: str | None = None) -> tuple[list[StoredSpeaker], int]:
    """A page of speakers, most quoted first, optionally those whose name contains `name`."""
    where, params = "quote_count > 0", []
    if name:
        where += " AND instr(name_key, ?) > 0 AND ? != ''"  # punctuation only folds to "": no match
        params += [name_key(name)] * 2
    total = conn.execute(f"SELECT count(*) FROM speakers WHERE {where}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT id, name, role, quote_count FROM speakers WHERE {where}"
        " ORDER BY quote_count DESC, id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return _with_aliases(conn, rows), total


def _with_aliases(conn, rows: list[tuple]) -> list[StoredSpeaker]:
    if not rows:
        return []
    ids = [row[0] for row in rows]
    seen: dict[int, set[str]] = {id_: set() for id_ in ids}
    marks = ",".join("?" * len(ids))
    for speaker_id, written, mention in conn.execute(
        "SELECT DISTINCT speaker_id, speaker_name, speaker_mention FROM quotes"
        f" WHERE speaker_id IN ({marks})",
        ids,
    ):
        seen[speaker_id].update(alias for alias in (written, mention) if alias)
    speakers = []
    for id_, display, role, count in rows:
        aliases = sorted(
            alias for alias in seen[id_] if alias != display and alias.casefold() not in _PRONOUNS
        )[:_MAX_ALIASES]
        speakers.append(
            StoredSpeaker(id=id_, name=display, role=role, aliases=tuple(aliases), quote_count=count)
        )
    return speakers
