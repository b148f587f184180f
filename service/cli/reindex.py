"""`python -m service reindex`: rebuild the saved match index from the store after large offline changes."""

from __future__ import annotations

import sys
import time

from service import services
from service.config import Settings


def add_arguments(parser) -> None:
    """The reindex command takes no options: it reads the store named by the CLAIMTRACE_* settings."""
    del parser


def run(args) -> int:
    """Rebuild and save the index beside the store, progress on stderr; services load it when they start."""
    del args
    settings = Settings.from_env()
    started = time.monotonic()

    def progress(rows: int) -> None:
        elapsed = max(time.monotonic() - started, 1e-9)
        print(f"reindex: {rows:,} statements read ({rows / elapsed:,.0f}/s)", file=sys.stderr)

    print(f"reindex: building from {services.count_quotes(settings):,} statements", file=sys.stderr)
    indexed = services.reindex(settings, progress=progress)
    print(
        f"reindex: {indexed:,} statements indexed and saved in {time.monotonic() - started:.1f}s",
        file=sys.stderr,
    )
    return 0
