"""Store: the one object that reads and writes the SQLite file; safe across threads and gunicorn workers."""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from service.models import Extraction, StoredArticle, StoredQuote
from service.storage import articles, changes, quotes, speakers
from service.storage.quotes import ImportResult, QuoteFilters
from service.storage.records import StoredSpeaker
from service.storage.schema import connect, migrate
from service.storage.speakers import SpeakerCache

_OPEN_STORES: weakref.WeakSet[Store] = weakref.WeakSet()


def _close_connections_before_fork() -> None:
    for store in list(_OPEN_STORES):
        store._release_connections()


# Only forks that return to Python (multiprocessing, gunicorn workers) run this; subprocess does not.
os.register_at_fork(before=_close_connections_before_fork)


class Store:
    """The embedded store: every public call is one transaction on this thread's own connection."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = str(path)  # a file: every thread opens its own connection to it
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._all: list[tuple[int, sqlite3.Connection]] = []  # (opening pid, connection)
        self._all_lock = threading.Lock()
        self._generation = 0  # bumped when connections are closed before a fork
        self._closed = False
        self._speakers = SpeakerCache()
        migrate(self._connection())
        _OPEN_STORES.add(self)

    # -- connections and transactions ---------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._closed:
            raise RuntimeError("the store is closed")
        conn = getattr(self._local, "conn", None)
        # A connection must not cross a fork (gunicorn --preload builds the app, then forks workers):
        # SQLite's locks are per process. Connections are closed before os.fork(); the pid check
        # covers a fork that skipped the hook.
        if conn is None or self._local.key != (os.getpid(), self._generation):
            conn = connect(self.path)
            self._local.conn, self._local.key = conn, (os.getpid(), self._generation)
            with self._all_lock:
                self._all.append((os.getpid(), conn))
        return conn

    def _release_connections(self) -> None:
        """Close this process's connections; each thread opens a fresh one on its next call."""
        with self._all_lock:
            self._generation += 1
            mine = [conn for pid, conn in self._all if pid == os.getpid()]
            self._all.clear()
        for conn in mine:
            conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        # IMMEDIATE takes the write lock now (waiting up to the busy timeout) so two writers
        # never deadlock upgrading read locks.
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        conn.execute("BEGIN")  # one snapshot for calls that read more than once (page + total)
        try:
            yield conn
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    def close(self) -> None:
        """Close every connection this process opened; the store cannot be used afterwards."""
        self._closed = True
        _OPEN_STORES.discard(self)
        self._release_connections()

    # -- articles ------------------------------------------------------------------------------

    def save_article(
        self,
        text: str,
        extraction: Extraction,
        *,
        path: str | None = None,
        given: dict | None = None,
        given_source: str = "metadata",
    ) -> tuple[StoredArticle, bool]:
        """Store an article and its statements once per content; (article, created)."""
        with self._write() as conn:
            return articles.save_article(
                conn, text, extraction, path=path, given=given, given_source=given_source
            )

    def find_article(self, digest: str) -> StoredArticle | None:
        """The article stored under a content hash (see records.content_hash), or None."""
        return articles.find_by_hash(self._connection(), digest)

    def delete_article(self, article_id: int) -> bool:
        """Remove an article and its statements; False when there was no such article."""
        with self._write() as conn:
            return articles.delete_article(conn, article_id)

    def get_article(self, article_id: int) -> StoredArticle | None:
        """One article's record, or None."""
        return articles.get_article(self._connection(), article_id)

    def article_text(self, article_id: int) -> str | None:
        """The article's original text, or None."""
        return articles.article_text(self._connection(), article_id)

    def article_metadata(self, article_id: int) -> tuple[dict, dict] | None:
        """(values read from the text, values given from outside) for an article, or None."""
        return articles.text_and_given(self._connection(), article_id)

    def list_articles(self, offset: int = 0, limit: int = 20) -> tuple[list[StoredArticle], int]:
        """A page of articles and the total count."""
        with self._read() as conn:
            return articles.list_articles(conn, offset, limit)

    def article_quotes(self, article_id: int) -> list[StoredQuote]:
        """An article's statements in text order."""
        return quotes.article_quotes(self._connection(), article_id)

    # -- statements ----------------------------------------------------------------------------

    def import_quotes(self, rows: Iterable[dict]) -> ImportResult:
        """Add ready-made statements in one transaction; duplicates are skipped, not errors."""
        with self._write() as conn:
            before = changes.last_quote_id(conn)
            result, learned = quotes.import_rows(conn, rows, self._speakers)
            speakers.count_added_since(conn, before)
            changes.log_added_since(conn, before)
        self._speakers.remember(learned)
        return result

    def get_quote(self, quote_id: int) -> StoredQuote | None:
        """One statement, or None."""
        found = quotes.get_quotes(self._connection(), [quote_id])
        return found[0] if found else None

    def get_quotes(self, ids: Iterable[int]) -> list[StoredQuote]:
        """Statements in the order asked; ids not stored are left out."""
        with self._read() as conn:
            return quotes.get_quotes(conn, ids)

    def filter_ids(self, ids: Iterable[int], filters: QuoteFilters) -> set[int]:
        """The ids among `ids` whose statements pass the filters (one query per 500 ids, ids only)."""
        with self._read() as conn:
            return quotes.filter_ids(conn, ids, filters)

    def list_quotes(
        self, filters: QuoteFilters | None = None, offset: int = 0, limit: int = 20
    ) -> tuple[list[StoredQuote], int]:
        """A page of statements matching the filters, and how many match."""
        with self._read() as conn:
            return quotes.list_quotes(conn, filters or QuoteFilters(), offset, limit)

    def index_rows(
        self, after_id: int = 0, batch: int = 50_000, *, with_speaker: bool = False
    ) -> Iterator[tuple]:
        """(id, text) — or (id, text, speaker name) — of every statement above after_id, in id order."""
        return quotes.index_rows(self._connection(), after_id, batch, with_speaker)

    def count_quotes(self) -> int:
        """How many statements are stored."""
        return self._connection().execute("SELECT count(*) FROM quotes").fetchone()[0]

    def count_articles(self) -> int:
        """How many articles are stored."""
        return self._connection().execute("SELECT count(*) FROM articles").fetchone()[0]

    # -- change log ----------------------------------------------------------------------------

    def changes_since(self, seq: int) -> tuple[int, list[int], list[int]]:
        """(new_seq, added_ids, removed_ids) since a change-log position."""
        with self._read() as conn:
            return changes.changes_since(conn, seq)

    def current_seq(self) -> int:
        """The change-log position now: take it before index_rows() and replay changes_since() after."""
        return changes.current_seq(self._connection())

    # -- speakers ------------------------------------------------------------------------------

    def list_speakers(
        self, offset: int = 0, limit: int = 20, name: str | None = None
    ) -> tuple[list[StoredSpeaker], int]:
        """A page of speakers, most quoted first, and the total."""
        with self._read() as conn:
            return speakers.list_speakers(conn, offset, limit, name)

    def get_speaker(self, speaker_id: int) -> StoredSpeaker | None:
        """One speaker with aliases and statement count, or None."""
        with self._read() as conn:
            return speakers.get_speaker(conn, speaker_id)
