"""`python -m service import-quotes FILE...`: bulk-load statements from JSON Lines or Quotebank files."""

from __future__ import annotations

import sys
import time

from service import services
from service.config import Settings
from service.ingest.importer import ImportReport
from service.search.embed.persist import print_progress

PROGRESS_SECONDS = 2.0  # at most one progress line this often


def add_arguments(parser) -> None:
    """Options of the import-quotes command."""
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="JSON Lines (ours, extract's, Quotebank's; .gz/.bz2 too) or a batch-extract OUTPUT_DIR",
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


def _summary(report: ImportReport) -> None:
    if not report.readable:
        print(f"{report.path}: cannot read: {report.failure}", file=sys.stderr)
    print(
        f"{report.path}: {report.lines:,} lines in {report.elapsed:.1f}s ({report.rate:,.0f} lines/s):"
        f" {report.added:,} added, {report.skipped:,} already stored, {report.bad:,} bad lines",
        file=sys.stderr,
    )


def _index_saved(size: int, seconds: float) -> None:
    print(f"match index: {size:,} statements, saved in {seconds:.1f}s", file=sys.stderr)


def run(args) -> int:
    """Import each file; 0 when every file was read (bad lines are counted), 2 when one could not be."""
    reports = services.import_quotes(
        Settings.from_env(),
        args.files,
        progress=_Progress(),
        on_bad_line=_bad_line,
        on_report=_summary,
        on_index=_index_saved,
        on_vectors=print_progress(sys.stderr),
        update_index=not args.no_index,
    )
    return 0 if all(report.readable for report in reports) else 2
