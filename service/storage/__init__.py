"""Storage: the only package that writes. `open_store(settings)` gives the Store the settings name.

`base.Store` is the protocol every layer above uses; `sqlite/` (the embedded default) and
`postgres/` (several nodes over one server) implement it with the shared SQL of `sql/`.
"""

from service.storage.base import Changes, ConstraintError, StorageError, Store
from service.storage.factory import open_store
from service.storage.records import (
    IMPORTED_ARTICLE_ID,
    METADATA_FIELDS,
    ArticleMetadata,
    ImportResult,
    QuoteFilters,
    StoredSpeaker,
    content_hash,
    name_key,
)

__all__ = [
    "IMPORTED_ARTICLE_ID",
    "METADATA_FIELDS",
    "ArticleMetadata",
    "Changes",
    "ConstraintError",
    "ImportResult",
    "QuoteFilters",
    "StorageError",
    "Store",
    "StoredSpeaker",
    "content_hash",
    "name_key",
    "open_store",
]
