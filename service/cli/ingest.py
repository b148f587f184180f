"""`python -m service ingest PATH...`: load article files or folders into the store, idempotently."""

from __future__ import annotations

import sys

from service import services
from service.config import Settings
from service.ingest.articles import IngestReport


def add_arguments(parser) -> None:
    """Options of the ingest command."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt) or folders of them")


def _progress(report: IngestReport) -> None:
    print(
        f"ingest: {report.seen} files, {report.added} added, {report.unchanged} unchanged,"
        f" {report.failed} failed ({report.elapsed:.1f}s)",
        file=sys.stderr,
    )


def run(args) -> int:
    """Ingest into the store at CLAIMTRACE_DATA_DIR; 0 when every path existed, 2 when one did not."""
    report = services.ingest(
        Settings.from_env(),
        args.paths,
        progress=_progress,
        on_failure=lambda where, reason: print(f"{where}: {reason}", file=sys.stderr),
    )
    for missing in report.missing:
        print(f"{missing}: no such file or folder", file=sys.stderr)
    print(
        f"ingest: done, {report.added} added, {report.unchanged} unchanged, {report.failed} failed"
        f" in {report.elapsed:.1f}s",
        file=sys.stderr,
    )
    return 2 if report.missing else 0
