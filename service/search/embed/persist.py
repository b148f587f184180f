"""Vectors saved beside the lexical index, memory-mapped by every worker, kept current by the change log.

`open_vectors(store, folder, encoder)` maps the saved usearch file when its format, model and
change-log position fit the store, then replays the log from that position exactly as the lexical
index does (added statements are encoded in batches, removed ones tombstoned). Without a usable
file it encodes every statement (with progress) and saves. A save writes a fresh file (the mapped
segment copied, the delta added, tombstones dropped) and renames it over the old one, so a worker
still mapping the old file keeps reading it.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import numpy as np

from service.search.embed.model import MODEL_ID, Encoder
from service.search.embed.vectors import VectorIndex, new_ann
from service.storage.base import Store

FORMAT = 1
ANN_FILE = "vectors.usearch"
META_FILE = "vectors.json"
ENCODE_BATCH = 512  # statements read from the store and encoded at a time
RESAVE_AFTER = 10_000  # statements replayed from the log that make a fresh save worth it


def load(folder: str | os.PathLike[str]) -> VectorIndex | None:
    """The saved vectors, memory-mapped; None when there are none or they are of another format or model."""
    from usearch.index import Index

    folder = Path(folder)
    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT or meta.get("model") != MODEL_ID:
            return None
        main = Index.restore(str(folder / ANN_FILE), view=True) if meta["count"] else None
    except (OSError, ValueError, KeyError, RuntimeError):
        return None
    if main is not None and len(main) != meta["count"]:
        return None
    size = (folder / ANN_FILE).stat().st_size if main is not None else 0
    return VectorIndex(main, seq=int(meta["seq"]), file_bytes=size)


def save(vectors: VectorIndex, folder: str | os.PathLike[str]) -> VectorIndex:
    """Write every live vector to a fresh file renamed over the old one; returns the saved copy, mapped."""
    from usearch.index import Index

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    ids, rows = vectors.delta_items()
    if vectors.main is not None and len(vectors.main):
        full = Index.restore(str(folder / ANN_FILE), view=False) if _same_file(vectors, folder) else None
        if full is None:
            keys = np.asarray(vectors.main.keys, dtype=np.uint64)
            full = new_ann()
            full.add(keys, np.stack(vectors.main.get(keys, dtype=np.float32)))
        gone = [q for q in vectors.removed | set(ids) if full.contains(q)]
        if gone:
            full.remove(gone)
    else:
        full = new_ann()
    if ids:
        full.add(ids, rows)
    count = len(full)
    tmp = folder / f"{ANN_FILE}.tmp-{os.getpid()}"
    if count:
        full.save(str(tmp))
        os.replace(tmp, folder / ANN_FILE)
    meta = {"format": FORMAT, "model": MODEL_ID, "seq": vectors.seq, "count": count}
    meta_tmp = folder / f"{META_FILE}.tmp-{os.getpid()}"
    meta_tmp.write_text(json.dumps(meta), encoding="utf-8")
    os.replace(meta_tmp, folder / META_FILE)
    return load(folder) or VectorIndex(seq=vectors.seq)


def _same_file(vectors: VectorIndex, folder: Path) -> bool:
    """Whether the file on disk still holds this process's mapped segment (another may have saved since)."""
    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return meta.get("count") == vectors.main_size and vectors.file_bytes == (
        (folder / ANN_FILE).stat().st_size
    )


def sync(vectors: VectorIndex, store: Store, encoder: Encoder, progress=None) -> int:
    """Apply the change log since the vectors' seq: encode added statements, tombstone removed ones."""
    new_seq, added, removed = store.changes_since(vectors.seq)
    vectors.remove(removed)
    missing = [quote_id for quote_id in added if quote_id not in vectors]
    done = 0
    for start in range(0, len(missing), ENCODE_BATCH):
        quotes = store.get_quotes(missing[start : start + ENCODE_BATCH])
        vectors.add([q.id for q in quotes], encoder.encode([q.text for q in quotes]))
        done += len(quotes)
        if progress:
            progress(done, len(missing))
    vectors.seq = new_seq
    return len(removed) + done


def open_vectors(
    store: Store,
    folder: str | os.PathLike[str] | None,
    encoder: Encoder,
    *,
    resave_after: int = RESAVE_AFTER,
    progress=None,
) -> VectorIndex:
    """The store's statement vectors: the saved ones brought up to date, or all encoded afresh (and saved)."""
    vectors = load(folder) if folder else None
    fresh = vectors is None or vectors.seq > store.current_seq()
    if fresh:
        vectors = VectorIndex()
    changed = sync(vectors, store, encoder, progress)
    if folder and (fresh or changed >= max(resave_after, 1)):
        vectors = save(vectors, folder)
    return vectors


def print_progress(stream):
    """A progress(done, total) callback writing a rate line to `stream` at most every two seconds."""
    started = last = time.monotonic()

    def progress(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= 2.0 or done == total:
            last = now
            rate = done / max(now - started, 1e-9)
            print(f"statement vectors: {done:,}/{total:,} encoded, {rate:,.0f}/s", file=stream)

    return progress
