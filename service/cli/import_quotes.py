"""`python -m service import-quotes FILE...`: bulk-load statements from JSON Lines or Quotebank files."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from service.config import Settings
from service.ingest.importer import ImportReport, import_file
from service.search.index import open_index
from service.state import INDEX_FOLDER
from service.storage import Store

PROGRESS_SECONDS = 2.0  # at most one progress line this often


def add_arguments(parser) -> None:
    """Options of the import-quotes command."""
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="JSON Lines in our format or Quotebank's; .gz/.bz2 read as such",
    )
    parser.add_argument(
        "--no-index",
        action="store_true",
        help="leave the saved match index as it is (the service then replays the import when it starts)",
    )


class _Progress:
    """Prints a rate line on stderr now and then while a long file loads."""

    def __init__(self) -> None:
        self.last = time.monotonic()

    def __call__(self, report: ImportReport) -> None:
        now = time.monotonic()
        if now - self.last >= PROGRESS_SECONDS:
            self.last = now
            print(
                f"{report.path}: {report.lines:,} lines, {report.rate:,.0f} lines/s,"
                f" {report.added:,} added, {report.skipped:,} already stored, {report.bad:,} bad",
                file=sys.stderr,
            )


def _bad_line(path: str, line: int, reason: str) -> None:
    print(f"{path}:{line}: {reason}", file=sys.stderr)


def _refresh_index(store: Store, folder: Path) -> None:
    """Bring the saved index up to date with the import and save it, so the next start-up only maps it."""
    started = time.monotonic()
    print("updating the match index...", file=sys.stderr)
    index = open_index(store, folder, resave_after=1)
    print(
        f"match index: {len(index):,} statements, saved in {time.monotonic() - started:.1f}s", file=sys.stderr
    )


def run(args) -> int:
    """Import each file; 0 when every file was read (bad lines are counted), 2 when one could not be."""
    settings = Settings.from_env()
    store = Store(settings.db_path)
    status, added = 0, 0
    try:
        for path in args.files:
            report = import_file(store, path, progress=_Progress(), on_bad_line=_bad_line)
            if not report.readable:
                print(f"{path}: cannot read: {report.failure}", file=sys.stderr)
                status = 2
            print(
                f"{path}: {report.lines:,} lines in {report.elapsed:.1f}s ({report.rate:,.0f} lines/s):"
                f" {report.added:,} added, {report.skipped:,} already stored, {report.bad:,} bad lines",
                file=sys.stderr,
            )
            added += report.added
        if added and not args.no_index:
            _refresh_index(store, Path(settings.data_dir) / INDEX_FOLDER)
    finally:
        store.close()
    return status
