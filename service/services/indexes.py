"""Where the saved match index and statement vectors live beside the store, and how they are opened."""

from __future__ import annotations

from pathlib import Path

from service.batch.vectors import PrecomputedEncoder
from service.config import Settings
from service.search.embed.hybrid import HybridIndex
from service.search.index import open_index
from service.storage import Store

INDEX_FOLDER = "index"  # under the data folder, beside the store
VECTORS_FOLDER = "vectors"  # statement vectors, beside the index


def index_folder(settings: Settings) -> Path:
    """Where the saved match index lives, beside the store."""
    return Path(settings.data_dir) / INDEX_FOLDER


def is_new(store: Store) -> bool:
    """True for a store that has never held anything: no article now and nothing in its change log.

    A store whose articles were all deleted is not new (the deletions are in the log), so the bundled
    corpus is loaded once and a deleted bundled article stays deleted across restarts.
    """
    return store.count_articles() == 0 and store.current_seq() == 0


def open_search(
    settings: Settings, store: Store, *, resave_after: int | None = None, progress=None, known_vectors=None
) -> HybridIndex:
    """The lexical index and (unless CLAIMTRACE_EMBEDDINGS=off) the statement vectors, brought up to date.

    `known_vectors` ({text: vector}, from batch-extract) spares encoding those statements again.
    """
    saves = {} if resave_after is None else {"resave_after": resave_after}
    lexical = open_index(store, index_folder(settings), **saves)
    if not settings.embeddings:
        return HybridIndex(lexical)
    from service.search.embed.model import load_encoder
    from service.search.embed.persist import open_vectors

    encoder = load_encoder()
    folder = Path(settings.data_dir) / VECTORS_FOLDER
    encoding = PrecomputedEncoder(encoder, known_vectors) if known_vectors else encoder
    vectors = open_vectors(store, folder, encoding, progress=progress, **saves)
    return HybridIndex(lexical, vectors, encoder)
