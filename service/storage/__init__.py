"""The embedded store (SQLite): the only package that writes. See docs/ARCHITECTURE.md, "Store"."""

from service.storage.quotes import ImportResult, QuoteFilters
from service.storage.records import IMPORTED_ARTICLE_ID, StoredSpeaker, content_hash, name_key
from service.storage.store import Store

__all__ = [
    "IMPORTED_ARTICLE_ID",
    "ImportResult",
    "QuoteFilters",
    "Store",
    "StoredSpeaker",
    "content_hash",
    "name_key",
]
