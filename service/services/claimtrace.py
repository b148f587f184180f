"""`ClaimTrace`, what one process (one gunicorn worker) shares between requests, and its use cases.

The settings, the store, and a match index kept in step with the store through its change log;
match, statement/article/speaker detail, add and delete an article, health.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import asdict, dataclass, field, fields

from service.config import Settings
from service.ingest.articles import ingest_paths, ingest_text
from service.ingest.html import UnreadableArticle as UnreadableArticle  # raised by add_article
from service.search.embed.hybrid import HybridIndex
from service.search.matching import default_min_score, match, near_misses
from service.search.provenance import provenance
from service.services.indexes import is_new, open_search
from service.storage import QuoteFilters, Store, StoredSpeaker, name_key, open_store

# Enough of the index's nearest statements to hold every copy of a statement, and a score under
# which a text cannot be a copy (copies score 90-100 against each other).
COPY_CANDIDATES = 50
COPY_MIN_SCORE = 60.0
# A speaker page lists at most this many statements; a page of thousands helps no reader.
SPEAKER_PAGE_STATEMENTS = 500
WARM_UP_CLAIM = "more than 40,000 people said on Tuesday that the minister was right"


@dataclass
class ClaimTrace:
    """The store, and an index of its statements kept in step with it through the store's change log."""

    settings: Settings
    store: Store
    index: HybridIndex
    _next_sync: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _listening_in: int | None = None  # the pid whose listener thread runs (threads do not survive a fork)

    @classmethod
    def open(cls, settings: Settings) -> ClaimTrace:
        """Open the store, load the corpus into it on first start, and build the index from it."""
        store = open_store(settings)
        if settings.load_corpus and is_new(store):
            ingest_paths(store, [settings.corpus_dir])
        # The saved index (memory-mapped, shared by every worker) brought up to date, or a fresh build.
        index = open_search(settings, store)
        # One match before serving (before the fork under --preload): otherwise each worker's first
        # request pays ~250 ms for lazily imported comparison code and cold caches.
        match(WARM_UP_CLAIM, index=index, store=store, limit=1)
        return cls(settings=settings, store=store, index=index)

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def sync(self, force: bool = False) -> None:
        """Apply what other workers and nodes stored or deleted since the index's change-log position.

        Called before every request: one cheap read of the log's position (at most every
        `sync_interval`; 0 checks every time, so a statement another worker of this node has
        acknowledged is found by the next request here). The PostgreSQL store also pushes changes
        through a listener thread, so the index is mostly current before a request asks.
        """
        if self._listening_in != os.getpid():
            self._listen()
        now = time.monotonic()
        if not force and now < self._next_sync:
            return
        if not force and self.store.current_seq() <= self.index.seq:
            self._next_sync = now + self.settings.sync_interval
            return
        with self._lock:
            self.index.sync(self.store)
            self._next_sync = time.monotonic() + self.settings.sync_interval

    def _listen(self) -> None:
        self._listening_in = os.getpid()
        self.store.listen(self._on_change)

    def _on_change(self, seq: int) -> None:
        """Another process committed change `seq` (or the listener reconnected): catch up from the log."""
        if seq > self.index.seq:
            self.sync(force=True)

    def match(
        self,
        claim: str,
        *,
        limit: int,
        min_score: float | None,
        filters: QuoteFilters | None = None,
        group: bool = True,
    ) -> dict:
        """The /match answer for a claim: the claim, its matches best first, and the time taken."""
        started = time.perf_counter()
        matches = match(
            claim,
            index=self.index,
            store=self.store,
            limit=limit,
            min_score=min_score,
            filters=filters,
            group=group,
        )
        near, message = [], None
        if not matches:
            # Nothing reached the cut: say so, and show the closest statements apart from the matches.
            near = near_misses(claim, index=self.index, store=self.store, filters=filters, group=group)
            cut = default_min_score(self.index) if min_score is None else min_score
            message = f"No statement scores {cut:g} or more; " + (
                f"the {len(near)} closest are in near_misses." if near else "no statement shares its words."
            )
        took_ms = round((time.perf_counter() - started) * 1000, 2)
        return {
            "claim": claim,
            "matches": matches,
            "near_misses": near,
            "message": message,
            "took_ms": took_ms,
        }

    def quote_detail(self, quote_id: int) -> dict | None:
        """A statement with its provenance: every stored copy's article, earliest first; None if unknown."""
        quote = self.store.get_quote(quote_id)
        if quote is None:
            return None
        # Copies of one statement are near-identical texts, so the index's closest hits hold them all.
        hits = self.index.lexical.search(quote.text, limit=COPY_CANDIDATES, min_score=COPY_MIN_SCORE)
        group = provenance(quote, self.store.get_quotes([hit.quote_id for hit in hits]))
        return {
            **{f.name: getattr(quote, f.name) for f in fields(quote)},
            "reported_in": group.reported_in,
            "first_reported": group.first_reported,
        }

    def list_quotes(self, filters: QuoteFilters, offset: int, limit: int) -> tuple[list, int]:
        """Statements matching every filter, a page of them, with the total."""
        return self.store.list_quotes(filters, offset, limit)

    def article_detail(self, article_id: int) -> dict | None:
        """An article's metadata, with where each field came from, and its statements; None if unknown."""
        article = self.store.get_article(article_id)
        if article is None:
            return None
        return {**asdict(article), "quotes": self.store.article_quotes(article_id)}

    def article_text(self, article_id: int) -> dict | None:
        """An article's original text, which statement offsets index, with its length; None if unknown."""
        text = self.store.article_text(article_id)
        if text is None:
            return None
        return {"id": article_id, "text": text, "length": len(text)}

    def list_articles(self, offset: int, limit: int) -> tuple[list, int]:
        """Articles in the order they were stored, a page of them, with the total."""
        return self.store.list_articles(offset, limit)

    def speaker_detail(self, speaker_id: int):
        """One speaker with roles, mentions and statement count; None if unknown."""
        return self.store.get_speaker(speaker_id)

    def speaker_statements(self, name: str, limit: int = SPEAKER_PAGE_STATEMENTS):
        """(speaker, their statements) for a speaker named exactly `name` (any case), or None if unknown."""
        key = name_key(name)
        if not key:
            return None
        candidates, _ = self.store.list_speakers(0, 100, name=name)
        speaker: StoredSpeaker | None = next((s for s in candidates if name_key(s.name or "") == key), None)
        if speaker is None:
            return None
        # The store's speaker filter is a substring of the name ("Putin" finds "Vladimir Putin" too):
        # keep only this speaker's own statements, never an anonymous source's.
        quotes, _ = self.store.list_quotes(QuoteFilters(speaker=speaker.name), 0, limit)
        own = [q for q in quotes if not q.speaker.anonymous and name_key(q.speaker.name or "") == key]
        return speaker, own

    def list_speakers(self, offset: int, limit: int, name: str | None = None) -> tuple[list, int]:
        """Speakers, optionally those whose name holds `name`, a page of them, with the total."""
        return self.store.list_speakers(offset, limit, name=name)

    def add_article(self, text: str, given: dict) -> tuple[int, dict | None, bool]:
        """Extract and store an article: (its id, its detail, created); detail None if deleted meanwhile.

        Raises UnreadableArticle for an HTML page with no article text in it.
        """
        article, created = ingest_text(self.store, text, given)
        self.sync(force=True)  # this worker matches its own write at once; others catch up from the log
        # A DELETE from another client may land in between: then there is nothing to show.
        return article.id, self.article_detail(article.id), created

    def delete_article(self, article_id: int) -> bool:
        """Delete an article and its statements from the store and this worker's index; False if unknown."""
        deleted = self.store.delete_article(article_id)
        self.sync(force=True)
        return bool(deleted)

    def metrics_sizes(self) -> dict:
        """Counts for /metrics: articles, statements, this worker's index, the newest change-log position."""
        return {
            "articles": self.store.count_articles(),
            "quotes": self.store.count_quotes(),
            "index_size": len(self.index),
            "change_log_seq": self.store.current_seq(),
        }

    def health(self) -> dict:
        """Status and counts for GET /health."""
        return {
            "status": "ok",
            "articles": self.store.count_articles(),
            "quotes": self.store.count_quotes(),
            "speakers": self.store.list_speakers(0, 0)[1],
            "index_size": len(self.index),
        }
