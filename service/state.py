"""What one app (one gunicorn worker) shares between requests: settings, the store and its match index."""

from __future__ import annotations

import threading
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from service.config import Settings
from service.ingest.articles import ingest_paths
from service.search.index import QuoteIndex, open_index
from service.search.matching import match
from service.search.provenance import provenance
from service.storage import Store

# Enough of the index's nearest statements to hold every copy of a statement, and a score under
# which a text cannot be a copy (copies score 90-100 against each other).
INDEX_FOLDER = "index"  # under the data folder, beside the store
COPY_CANDIDATES = 50
COPY_MIN_SCORE = 60.0
WARM_UP_CLAIM = "more than 40,000 people said on Tuesday that the minister was right"


@dataclass
class ServiceState:
    """The store, and an index of its statements kept in step with it through the store's change log."""

    settings: Settings
    store: Store
    index: QuoteIndex
    _next_sync: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def open(cls, settings: Settings) -> ServiceState:
        """Open the store, load the corpus into it on first start, and build the index from it."""
        Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
        store = Store(settings.db_path)
        if settings.load_corpus and store.count_articles() == 0:
            ingest_paths(store, [settings.corpus_dir])
        # The saved index (memory-mapped, shared by every worker) brought up to date, or a fresh build.
        index = open_index(store, Path(settings.data_dir) / INDEX_FOLDER)
        # One match before serving (before the fork under --preload): otherwise each worker's first
        # request pays ~250 ms for lazily imported comparison code and cold caches.
        match(WARM_UP_CLAIM, index=index, store=store, limit=1)
        return cls(settings=settings, store=store, index=index)

    def sync(self, force: bool = False) -> None:
        """Apply statements other workers stored or deleted since the last check (at most every interval)."""
        now = time.monotonic()
        if not force and now < self._next_sync:
            return
        with self._lock:
            if not force and now < self._next_sync:
                return
            self.index.sync(self.store)
            self._next_sync = time.monotonic() + self.settings.sync_interval

    def quote_detail(self, quote_id: int) -> dict | None:
        """A statement with its provenance: every stored copy's article, earliest first; None if unknown."""
        quote = self.store.get_quote(quote_id)
        if quote is None:
            return None
        # Copies of one statement are near-identical texts, so the index's closest hits hold them all.
        hits = self.index.search(quote.text, limit=COPY_CANDIDATES, min_score=COPY_MIN_SCORE)
        group = provenance(quote, self.store.get_quotes([hit.quote_id for hit in hits]))
        return {
            **{f.name: getattr(quote, f.name) for f in fields(quote)},
            "reported_in": group.reported_in,
            "first_reported": group.first_reported,
        }

    def article_detail(self, article_id: int) -> dict | None:
        """An article's metadata, with where each field came from, and its statements; None if unknown."""
        article = self.store.get_article(article_id)
        if article is None:
            return None
        return {**asdict(article), "quotes": self.store.article_quotes(article_id)}

    def health(self) -> dict:
        """Status and counts for GET /health."""
        return {
            "status": "ok",
            "articles": self.store.count_articles(),
            "quotes": self.store.count_quotes(),
            "speakers": self.store.list_speakers(0, 0)[1],
            "index_size": len(self.index),
        }
