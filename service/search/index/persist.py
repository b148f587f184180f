"""The index saved beside the store: arrays memory-mapped by every worker, kept current by the change log.

`open_index(store, folder)` loads the saved segment when there is one and replays the store's change
log from the seq it was saved at (the log keeps every change), so a restart costs a file map plus
the statements added since, not a re-tokenisation of the whole store. Without a usable file (none,
another format version, a seq ahead of the store's, counts that disagree) it rebuilds from the
store and saves. The big arrays are opened with `mmap_mode="r"`: every gunicorn worker reads the
same page-cache pages, so N workers cost one copy of the index.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import numpy as np

from service.search.index.bulk import rows_after
from service.search.index.core import QuoteIndex
from service.search.index.segment import Segment
from service.search.index.vocab import Vocabulary
from service.storage.base import Store

FORMAT = 1
_ARRAYS = ("offsets", "docs", "impacts", "quote_ids", "text_blob", "text_offsets", "speaker_of")
_ARRAYS += ("fwd_offsets", "fwd_terms")
RESAVE_AFTER = 10_000  # statements replayed from the log that make a fresh save worth it


def save(index: QuoteIndex, folder: str | os.PathLike[str]) -> None:
    """Write the index (delta merged first) atomically: a new folder renamed over the old one."""
    folder = Path(folder)
    index.compact()
    main = index.main
    # Names of this process's own: workers started without --preload may save at the same moment.
    tmp = folder.with_name(f"{folder.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for name in _ARRAYS:
        np.save(tmp / f"{name}.npy", np.ascontiguousarray(getattr(main, name)))
    np.save(tmp / "deleted.npy", main.deleted)
    (tmp / "terms.txt").write_text("\n".join(index.vocab.terms), encoding="utf-8")
    meta = {
        "format": FORMAT,
        "seq": index.seq,
        "count": len(index),
        "avgdl": main.avgdl,
        "speakers": main.speakers,
    }
    (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    old = folder.with_name(f"{folder.name}.old-{os.getpid()}")
    try:
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
    except OSError:
        pass  # another process put its copy in place first; either copy is a valid index
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(tmp, ignore_errors=True)


def load(folder: str | os.PathLike[str]) -> QuoteIndex | None:
    """The saved index, memory-mapped; None when there is none or it is of another format."""
    folder = Path(folder)
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            return None
        # Plain ndarray views of the maps (same pages, no copy): np.memmap's Python-level __getitem__
        # and __array_finalize__ cost microseconds on each of the thousand small reads a claim makes.
        arrays = {name: np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r")) for name in _ARRAYS}
        deleted = np.array(np.load(folder / "deleted.npy"))  # writable: removals tombstone here
        text = (folder / "terms.txt").read_text(encoding="utf-8")
    except (OSError, ValueError, KeyError):
        return None
    terms = text.split("\n") if text else []
    segment = Segment(**arrays, speakers=list(meta["speakers"]), deleted=deleted, avgdl=float(meta["avgdl"]))
    index = QuoteIndex(segment, Vocabulary(terms), seq=int(meta["seq"]))
    return index if len(index) == meta["count"] else None


def open_index(
    store: Store, folder: str | os.PathLike[str] | None, *, resave_after: int = RESAVE_AFTER, progress=None
) -> QuoteIndex:
    """The store's index: the saved one brought up to date, or a fresh build (saved when `folder` is set).

    A saved index that replayed at least `resave_after` statements is saved again; `progress(rows)` is
    called now and then while a fresh build reads rows.
    """
    index = load(folder) if folder else None
    if index is not None and index.seq <= store.current_seq():
        changed = index.sync(store)
        if len(index) == store.count_quotes():
            if folder and changed >= max(resave_after, 1):
                save(index, folder)
            index.vocab.warm()
            return index
    return rebuild(store, folder, progress=progress)


def rebuild(store: Store, folder: str | os.PathLike[str] | None, *, progress=None) -> QuoteIndex:
    """A fresh bulk build from every statement in the store, saved in `folder` when it is set."""
    seq = store.current_seq()  # position first, rows second: a change in between is replayed by sync
    rows = rows_after(store)
    index = QuoteIndex.build(rows if progress is None else _counted(rows, progress), seq=seq)
    if folder:
        save(index, folder)
    index.vocab.warm()
    return index


def _counted(rows, progress, every: int = 100_000):
    """The rows, calling progress(count) every `every` rows."""
    count = 0
    for row in rows:
        count += 1
        if count % every == 0:
            progress(count)
        yield row
    progress(count)
