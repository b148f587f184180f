"""`python -m service reindex`: rebuild the saved match index from the store after large offline changes."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from service.config import Settings
from service.search.index.persist import rebuild
from service.state import INDEX_FOLDER
from service.storage import Store


def add_arguments(parser) -> None:
    """The reindex command takes no options: it reads the store named by the CLAIMTRACE_* settings."""
    del parser


def run(args) -> int:
    """Rebuild and save the index beside the store, progress on stderr; services load it when they start."""
    del args
    settings = Settings.from_env()
    store = Store(settings.db_path)
    started = time.monotonic()

    def progress(rows: int) -> None:
        elapsed = max(time.monotonic() - started, 1e-9)
        print(f"reindex: {rows:,} statements read ({rows / elapsed:,.0f}/s)", file=sys.stderr)

    try:
        total = store.count_quotes()
        print(f"reindex: building from {total:,} statements", file=sys.stderr)
        index = rebuild(store, Path(settings.data_dir) / INDEX_FOLDER, progress=progress)
        print(
            f"reindex: {len(index):,} statements indexed and saved in {time.monotonic() - started:.1f}s",
            file=sys.stderr,
        )
    finally:
        store.close()
    return 0
