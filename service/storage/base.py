"""The Store protocol every layer above storage uses, the change-log contract and storage-neutral errors.

Two implementations: `storage.sqlite.SqliteStore` (one file, the embedded default) and
`storage.postgres.PostgresStore` (one server shared by several service nodes); `storage.open_store`
picks one from the settings. Both pass the contract suite in tests/storage/.

The change log. Every write transaction that adds or removes statements appends to a log whose
positions (seq) are handed out in commit order, so a reader that has applied every change up to
seq N and then reads `changes_since(N)` never misses a change committed later with a smaller
position. The in-memory index of every worker and node keeps the seq it reflects and replays the
log from there, so a restart or a lost notification costs a replay, never a missed statement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple, Protocol, runtime_checkable

from service.models import Quote, StoredArticle, StoredQuote
from service.storage.records import ArticleMetadata, ImportResult, QuoteFilters, StoredSpeaker


class StorageError(Exception):
    """A store could not do what was asked (connection lost, server refused); nothing half-written stays."""


class ConstraintError(StorageError):
    """A write broke a rule of the schema (a kind it does not know, an empty text); nothing was stored."""


class Changes(NamedTuple):
    """What the change log holds after a position: the new position, statements added and removed."""

    seq: int
    added: list[int]  # ids still stored, ascending; one added then removed in the window shows as removed
    removed: list[int]  # ids removed; one the reader never had is for it to ignore


@runtime_checkable
class Store(Protocol):
    """Articles, statements and speakers, each public call one transaction; safe across threads and forks."""

    # -- articles ------------------------------------------------------------------------------

    def save_article(
        self, text: str, quotes: Sequence[Quote], metadata: ArticleMetadata, *, path: str | None = None
    ) -> tuple[StoredArticle, bool]:
        """Store an article and its statements once per content (records.content_hash); (article, created)."""
        ...

    def find_article(self, digest: str) -> StoredArticle | None:
        """The article stored under a content hash, or None."""
        ...

    def delete_article(self, article_id: int) -> bool:
        """Remove an article and its statements, logging each removal; False when there was none."""
        ...

    def get_article(self, article_id: int) -> StoredArticle | None:
        """One article's record (not its text), or None."""
        ...

    def article_text(self, article_id: int) -> str | None:
        """The original text the statements' offsets point into, or None."""
        ...

    def article_metadata(self, article_id: int) -> tuple[dict, dict] | None:
        """(values read from the text, values given from outside) for an article, or None."""
        ...

    def list_articles(self, offset: int = 0, limit: int = 20) -> tuple[list[StoredArticle], int]:
        """A page of articles in the order they were stored, and the total."""
        ...

    def article_quotes(self, article_id: int) -> list[StoredQuote]:
        """An article's statements in text order."""
        ...

    def count_articles(self) -> int:
        """How many articles are stored."""
        ...

    # -- statements ----------------------------------------------------------------------------

    def import_quotes(self, rows: Iterable[dict]) -> ImportResult:
        """Add ready-made statements in one transaction; duplicates (by ref, or content) are skipped."""
        ...

    def get_quote(self, quote_id: int) -> StoredQuote | None:
        """One statement, or None."""
        ...

    def get_quotes(self, ids: Iterable[int]) -> list[StoredQuote]:
        """Statements in the order asked; ids not stored are left out."""
        ...

    def filter_ids(self, ids: Iterable[int], filters: QuoteFilters) -> set[int]:
        """The ids among `ids` whose statements pass the filters."""
        ...

    def passing_ids(self, filters: QuoteFilters) -> list[int]:
        """Every stored statement's id that passes the filters, ascending (one query, ids only)."""
        ...

    def list_quotes(
        self, filters: QuoteFilters | None = None, offset: int = 0, limit: int = 20
    ) -> tuple[list[StoredQuote], int]:
        """A page of statements matching the filters, in id order, and how many match."""
        ...

    def index_rows(
        self, after_id: int = 0, batch: int = 50_000, *, with_speaker: bool = False
    ) -> Iterator[tuple]:
        """(id, text) — or (id, text, speaker name) — of every statement above after_id, in id order."""
        ...

    def count_quotes(self) -> int:
        """How many statements are stored."""
        ...

    # -- speakers ------------------------------------------------------------------------------

    def list_speakers(
        self, offset: int = 0, limit: int = 20, name: str | None = None
    ) -> tuple[list[StoredSpeaker], int]:
        """A page of speakers, most quoted first, optionally those whose name contains `name`."""
        ...

    def get_speaker(self, speaker_id: int) -> StoredSpeaker | None:
        """One speaker with aliases and statement count, or None."""
        ...

    # -- change log ----------------------------------------------------------------------------

    def current_seq(self) -> int:
        """The change-log position now: take it before index_rows() and replay changes_since() after."""
        ...

    def changes_since(self, seq: int) -> Changes:
        """Every change committed after a change-log position, read from one consistent snapshot."""
        ...

    def listen(self, on_change: Callable[[int], None]) -> Callable[[], None] | None:
        """Call `on_change(seq)` from a background thread when another process commits a change.

        Returns a function that stops listening, or None when the backend has no push channel
        (SQLite: every writer is on this machine, and readers check the log before each search).
        After a lost connection the listener reconnects and calls `on_change` once, so the caller
        catches up from the log.
        """
        ...

    def close(self) -> None:
        """Release every connection this process opened; the store cannot be used afterwards."""
        ...
