"""SqlStore: the Store protocol in SQL both backends speak; a backend supplies connections and transactions.

The row modules beside this one write their SQL once, with `?` placeholders (the PostgreSQL
backend translates them); what differs between backends is how a transaction is opened and
retried, how inserted ids are learned, and how the change log is ordered and announced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TypeVar

from service.models import Quote, StoredArticle, StoredQuote
from service.storage.base import Changes, ConstraintError
from service.storage.records import ArticleMetadata, ImportResult, QuoteFilters, StoredSpeaker
from service.storage.sql import article_rows, change_log, speaker_rows, statement_rows
from service.storage.sql.speaker_rows import SpeakerCache
from service.storage.sql.statement_rows import holds_nul

T = TypeVar("T")


class SqlStore:
    """The shared half of both stores: every public call is one transaction (see storage.base.Store)."""

    def __init__(self) -> None:
        self._speakers = SpeakerCache()

    # -- what a backend supplies -----------------------------------------------------------------

    def _transact(self, work: Callable[[object], T]) -> T:
        """Run `work(conn)` in one write transaction and commit; retried whole where the backend must."""
        raise NotImplementedError

    def _snapshot(self) -> AbstractContextManager:
        """A connection inside one read-only transaction: several reads see one state."""
        raise NotImplementedError

    def _single(self) -> AbstractContextManager:
        """A connection for a single read statement."""
        raise NotImplementedError

    def _insert_many(self, conn, sql: str, params: list) -> list[tuple[int, int | None]]:
        """Run an INSERT for many rows; (id, speaker id) of each row inserted (conflicts skipped)."""
        raise NotImplementedError

    def _record_changes(self, conn, added: list[int], removed: list[int]) -> None:
        """Append to the change log inside the write transaction, in commit order."""
        change_log.record(conn, added, removed)

    # -- articles ------------------------------------------------------------------------------

    def save_article(
        self, text: str, quotes: Sequence[Quote], metadata: ArticleMetadata, *, path: str | None = None
    ) -> tuple[StoredArticle, bool]:
        """Store an article and its statements once per content; (article, created)."""
        values = [text, path, *metadata.values.values(), *metadata.given.values()]
        for q in quotes:
            values += (q.text, q.speaker.name, q.speaker.role, q.speaker.mention, q.speaker.affiliation)
            values += (q.cue, q.said_on, q.venue)
        if holds_nul(values):
            raise ConstraintError(statement_rows.NUL_REFUSED)

        def work(conn) -> tuple[StoredArticle, bool]:
            article, created, inserted = article_rows.save_article(
                conn, text, quotes, metadata, path, self._insert_many
            )
            speaker_rows.count_added(conn, (speaker_id for _, speaker_id in inserted))
            self._record_changes(conn, [quote_id for quote_id, _ in inserted], [])
            return article, created

        return self._transact(work)

    def find_article(self, digest: str) -> StoredArticle | None:
        """The article stored under a content hash (see records.content_hash), or None."""
        with self._single() as conn:
            return article_rows.find_by_hash(conn, digest)

    def delete_article(self, article_id: int) -> bool:
        """Remove an article and its statements; False when there was no such article."""

        def work(conn) -> bool:
            existed, removed = article_rows.delete_article(conn, article_id)
            self._record_changes(conn, [], removed)
            return existed

        return self._transact(work)

    def get_article(self, article_id: int) -> StoredArticle | None:
        """One article's record, or None."""
        with self._single() as conn:
            return article_rows.get_article(conn, article_id)

    def article_text(self, article_id: int) -> str | None:
        """The article's original text, or None."""
        with self._single() as conn:
            return article_rows.article_text(conn, article_id)

    def article_metadata(self, article_id: int) -> tuple[dict, dict] | None:
        """(values read from the text, values given from outside) for an article, or None."""
        with self._single() as conn:
            return article_rows.text_and_given(conn, article_id)

    def list_articles(self, offset: int = 0, limit: int = 20) -> tuple[list[StoredArticle], int]:
        """A page of articles and the total count."""
        with self._snapshot() as conn:
            return article_rows.list_articles(conn, offset, limit)

    def article_quotes(self, article_id: int) -> list[StoredQuote]:
        """An article's statements in text order."""
        with self._single() as conn:
            return statement_rows.article_quotes(conn, article_id)

    def count_articles(self) -> int:
        """How many articles are stored."""
        with self._single() as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    # -- statements ----------------------------------------------------------------------------

    def import_quotes(self, rows: Iterable[dict]) -> ImportResult:
        """Add ready-made statements in one transaction; duplicates are skipped, not errors."""
        rows = list(rows)  # a retried transaction reads them again

        def work(conn) -> tuple[ImportResult, dict]:
            result, learned, inserted = statement_rows.import_rows(
                conn, rows, self._speakers, self._insert_many
            )
            speaker_rows.count_added(conn, (speaker_id for _, speaker_id in inserted))
            self._record_changes(conn, [quote_id for quote_id, _ in inserted], [])
            return result, learned

        result, learned = self._transact(work)
        self._speakers.remember(learned)
        return result

    def get_quote(self, quote_id: int) -> StoredQuote | None:
        """One statement, or None."""
        with self._single() as conn:
            found = statement_rows.get_quotes(conn, [quote_id])
        return found[0] if found else None

    def get_quotes(self, ids: Iterable[int]) -> list[StoredQuote]:
        """Statements in the order asked; ids not stored are left out."""
        with self._snapshot() as conn:
            return statement_rows.get_quotes(conn, ids)

    def filter_ids(self, ids: Iterable[int], filters: QuoteFilters) -> set[int]:
        """The ids among `ids` whose statements pass the filters (one query per 500 ids, ids only)."""
        with self._snapshot() as conn:
            return statement_rows.filter_ids(conn, ids, filters)

    def passing_ids(self, filters: QuoteFilters) -> list[int]:
        """Every stored statement's id that passes the filters, ascending (one query, ids only)."""
        with self._single() as conn:
            return statement_rows.passing_ids(conn, filters)

    def list_quotes(
        self, filters: QuoteFilters | None = None, offset: int = 0, limit: int = 20
    ) -> tuple[list[StoredQuote], int]:
        """A page of statements matching the filters, and how many match."""
        with self._snapshot() as conn:
            return statement_rows.list_quotes(conn, filters or QuoteFilters(), offset, limit)

    def index_rows(
        self, after_id: int = 0, batch: int = 50_000, *, with_speaker: bool = False
    ) -> Iterator[tuple]:
        """(id, text) — or (id, text, speaker name) — of every statement above after_id, in id order."""
        while True:  # one short read per batch: no connection is held while the caller works
            with self._single() as conn:
                rows = statement_rows.index_batch(conn, after_id, batch, with_speaker)
            if not rows:
                return
            yield from rows
            after_id = rows[-1][0]

    def count_quotes(self) -> int:
        """How many statements are stored."""
        with self._single() as conn:
            return conn.execute("SELECT count(*) FROM quotes").fetchone()[0]

    # -- speakers ------------------------------------------------------------------------------

    def list_speakers(
        self, offset: int = 0, limit: int = 20, name: str | None = None
    ) -> tuple[list[StoredSpeaker], int]:
        """A page of speakers, most quoted first, and the total."""
        with self._snapshot() as conn:
            return speaker_rows.list_speakers(conn, offset, limit, name)

    def get_speaker(self, speaker_id: int) -> StoredSpeaker | None:
        """One speaker with aliases and statement count, or None."""
        with self._snapshot() as conn:
            return speaker_rows.get_speaker(conn, speaker_id)

    # -- change log ----------------------------------------------------------------------------

    def current_seq(self) -> int:
        """The change-log position now: take it before index_rows() and replay changes_since() after."""
        with self._single() as conn:
            return change_log.current_seq(conn)

    def changes_since(self, seq: int) -> Changes:
        """(new_seq, added_ids, removed_ids) since a change-log position, from one snapshot."""
        with self._snapshot() as conn:
            return change_log.changes_since(conn, seq)
