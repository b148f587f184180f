"""Statements: stored from articles or imported ready-made; lookups, filtered listing, index rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from service.models import KINDS, Quote
from service.storage.records import (
    QUOTE_COLUMNS,
    QUOTE_FROM,
    ImportResult,
    QuoteFilters,
    name_key,
    parts_column,
    quote_from_row,
    statement_key,
)
from service.storage.sql.speaker_rows import SpeakerCache, speaker_key, upsert_speakers

_INSERT = (
    "INSERT INTO quotes (article_id, text, kind, speaker_id, speaker_name, speaker_role, speaker_mention,"
    " speaker_anonymous, speaker_organisation, cue, said_on, venue, start_offset, end_offset, ref, dedup_key,"
    " title, outlet, published, url, parts, speaker_affiliation)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    # Only uniqueness (ref, dedup_key) turns into a skip; a CHECK failure still raises.
    " ON CONFLICT DO NOTHING"
)
NUL_REFUSED = "a value holds a NUL character, which PostgreSQL text cannot store"
# How a backend runs _INSERT for many rows and learns the (id, speaker id) of each row inserted.
InsertMany = Callable[[object, str, list], list[tuple[int, int | None]]]
IMPORT_FIELDS = ("text", "speaker", "role", "said_on", "venue", "outlet", "published", "title", "url", "ref")
_ID_CHUNK = 500  # stays well under SQLite's bound-parameter limit


def insert_article_quotes(
    conn,
    article_id: int,
    quotes: Iterable[Quote],
    outlet: str | None,
    published: str | None,
    insert_many: InsertMany,
) -> list[tuple[int, int | None]]:
    """Store an article's statements, with the article's outlet and date copied for filtering."""
    quotes = list(quotes)
    wanted = {}
    for quote in quotes:
        key = speaker_key(quote.speaker)
        if key and (key not in wanted or (quote.speaker.role and not wanted[key][1])):
            wanted[key] = (wanted[key][0] if key in wanted else quote.speaker.name, quote.speaker.role)
    ids = upsert_speakers(conn, wanted)
    return insert_many(
        conn,
        _INSERT,
        [
            (
                article_id,
                q.text,
                q.kind,
                ids.get(speaker_key(q.speaker)),
                q.speaker.name,
                q.speaker.role,
                q.speaker.mention,
                q.speaker.anonymous,
                q.speaker.organisation,
                q.cue,
                q.said_on,
                q.venue,
                q.start,
                q.end,
                None,
                None,
                None,
                outlet,
                published,
                None,
                parts_column(q.parts),
                q.speaker.affiliation,
            )
            for q in quotes
        ],
    )


def import_rows(
    conn, rows: Iterable[dict], speakers: SpeakerCache, insert_many: InsertMany
) -> tuple[ImportResult, dict, list[tuple[int, int | None]]]:
    """Insert ready-made statements; duplicates by ref (or text+speaker+date without one) are skipped.

    Returns the result, the speaker ids learned (for the caller to remember once committed) and the
    (id, speaker id) of each statement inserted.
    """
    params = []
    errors = []
    wanted: dict[str, tuple[str, str | None]] = {}
    for index, row in enumerate(rows):
        text = row.get("text")
        kind = row.get("kind") or "direct"
        if not isinstance(text, str) or not text.strip():
            errors.append((index, "text is required"))
            continue
        if kind not in KINDS:
            errors.append((index, f"kind must be one of {', '.join(KINDS)}"))
            continue
        if holds_nul(row.values()):
            errors.append((index, NUL_REFUSED))
            continue
        speaker, role, said_on, ref = row.get("speaker"), row.get("role"), row.get("said_on"), row.get("ref")
        key = name_key(speaker) if speaker else None
        if key and (key not in wanted or (role and not wanted[key][1])):
            wanted[key] = (wanted[key][0] if key in wanted else speaker, role)
        params.append(
            [
                None,
                text,
                kind,
                key,  # replaced by the speaker id below, once every key of the batch is upserted
                speaker,
                role,
                None,
                False,
                False,
                None,
                said_on,
                row.get("venue"),
                None,
                None,
                ref,
                None if ref else statement_key(text, speaker, said_on),
                row.get("title"),
                row.get("outlet"),
                row.get("published"),
                row.get("url"),
                None,  # an imported statement is its text alone: no parts
                None,
            ]
        )
    ids, learned = speakers.resolve(conn, wanted)
    for values in params:
        values[3] = ids.get(values[3])
    inserted = insert_many(conn, _INSERT, params) if params else []
    result = ImportResult(added=len(inserted), skipped=len(params) - len(inserted), errors=tuple(errors))
    return result, learned, inserted


def get_quotes(conn, ids: Iterable[int]) -> list:
    """The statements with these ids in the order asked; ids not stored are left out."""
    ids = list(ids)
    found = {}
    for start in range(0, len(ids), _ID_CHUNK):
        chunk = ids[start : start + _ID_CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT {QUOTE_COLUMNS} FROM {QUOTE_FROM} WHERE q.id IN ({marks})", chunk):
            found[row[0]] = quote_from_row(row)
    return [found[i] for i in ids if i in found]


def filter_ids(conn, ids: Iterable[int], filters: QuoteFilters) -> set[int]:
    """The ids among `ids` whose statements pass the filters, read from the index columns, not whole rows."""
    where, params = _where(filters)
    ids = list(ids)
    passed: set[int] = set()
    for start in range(0, len(ids), _ID_CHUNK):
        chunk = ids[start : start + _ID_CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT q.id FROM quotes q WHERE q.id IN ({marks}) AND {where}", [*chunk, *params]
        )
        passed.update(row[0] for row in rows)
    return passed


def passing_ids(conn, filters: QuoteFilters) -> list[int]:
    """Every statement id that passes the filters, ascending, served by the filtered columns' indexes."""
    where, params = _where(filters)
    return [row[0] for row in conn.execute(f"SELECT q.id FROM quotes q WHERE {where} ORDER BY q.id", params)]


def article_quotes(conn, article_id: int) -> list:
    """An article's statements in text order."""
    rows = conn.execute(
        f"SELECT {QUOTE_COLUMNS} FROM {QUOTE_FROM} WHERE q.article_id = ? ORDER BY q.start_offset, q.id",
        (article_id,),
    )
    return [quote_from_row(row) for row in rows]


def list_quotes(conn, filters: QuoteFilters, offset: int, limit: int) -> tuple[list, int]:
    """A page of statements matching the filters, in id order, and how many match in all."""
    where, params = _where(filters)
    total = conn.execute(f"SELECT count(*) FROM quotes q WHERE {where}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT {QUOTE_COLUMNS} FROM {QUOTE_FROM} WHERE {where} ORDER BY q.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [quote_from_row(row) for row in rows], total


def index_batch(conn, after_id: int, batch: int, with_speaker: bool = False) -> list[tuple]:
    """Up to `batch` (id, text) or (id, text, speaker name) rows above `after_id`, in id order."""
    columns = "id, text, speaker_name" if with_speaker else "id, text"
    return conn.execute(
        f"SELECT {columns} FROM quotes WHERE id > ? ORDER BY id LIMIT ?", (after_id, batch)
    ).fetchall()


def _where(filters: QuoteFilters) -> tuple[str, list]:
    clauses, params = ["TRUE"], []
    if filters.speaker:
        # A name of punctuation only folds to "", which would match every speaker: match none.
        clauses.append("q.speaker_id IN (SELECT id FROM speakers WHERE instr(name_key, ?) > 0 AND ? != '')")
        params += [name_key(filters.speaker)] * 2
    if filters.outlet and "\x00" in filters.outlet:
        clauses.append("FALSE")  # no stored value holds NUL (holds_nul), and PostgreSQL cannot compare one
    elif filters.outlet:
        clauses.append("q.outlet = ? COLLATE NOCASE")
        params.append(filters.outlet.strip())
    if filters.kind:
        clauses.append("q.kind = ?")
        params.append(filters.kind)
    for column, low, high in (
        ("said_on", filters.said_from, filters.said_to),
        ("published", filters.published_from, filters.published_to),
    ):
        # Compared at the shorter of the two lengths so "2015-11" overlaps "2015-11-20" both ways,
        # written as plain comparisons so the column's index serves them (no substr() of the column):
        # value[:n] >= low[:n] holds exactly when value >= low or value is a prefix of low, and
        # value[:n] <= high[:n] when value <= high or value starts with high (below high + U+10FFFF).
        if low:
            prefixes = [low[:i] for i in range(len(low))]
            clauses.append(f"(q.{column} >= ? OR q.{column} IN ({','.join('?' * len(prefixes))}))")
            params += [low, *prefixes]
        if high:
            clauses.append(f"q.{column} < ?")
            params.append(high + _AFTER_EVERY_CHARACTER)
    return " AND ".join(clauses), params


_AFTER_EVERY_CHARACTER = "\U0010ffff"  # the last code point: "2015-11" + it sorts after every "2015-11..."


def holds_nul(values: Iterable) -> bool:
    """Whether any string among `values` holds U+0000: refused on every backend, as PostgreSQL must."""
    return any(isinstance(value, str) and "\x00" in value for value in values)
