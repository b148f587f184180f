"""Bulk import of ready-made statements: our JSON Lines, extract's or Quotebank's, plain, gzip or bz2."""

from __future__ import annotations

import bz2
import gzip
import json
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from marshmallow import ValidationError

from service.ingest.extract_lines import from_extract_line, is_extract_line
from service.ingest.statement_lines import QUOTEBANK_LINE, STATEMENT_LINE, quick_load
from service.storage import ConstraintError, Store

BATCH_SIZE = 20_000  # statements per transaction: big enough to amortise the commit, small enough to share
MAX_KEPT_ERRORS = 1_000  # bad lines are all counted, the first ones kept with their reasons
# A missing or unreadable file, or a truncated or corrupt compressed stream.
READ_ERRORS = (OSError, EOFError, zlib.error)


def parse_line(raw: bytes, articles: Mapping[str, dict] | None = None) -> dict:
    """One JSON line in any format to a statement row; raises ValueError with a readable reason.

    `articles` gives the metadata of the articles that `extract` lines name (batch-extract's articles/).
    """
    try:
        obj = json.loads(raw)
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError
        raise ValueError(f"not valid JSON ({error})") from None
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    if is_extract_line(obj):
        obj = from_extract_line(obj, articles)
    row = quick_load(obj)
    if row is not None:
        return row
    schema = QUOTEBANK_LINE if "quotation" in obj or "quoteID" in obj else STATEMENT_LINE
    try:
        return schema.load(obj)
    except ValidationError as error:
        raise ValueError(_describe(error.messages)) from None


def _describe(messages) -> str:
    if isinstance(messages, dict):
        return "; ".join(f"{name}: {_describe(inner)}" for name, inner in messages.items())
    if isinstance(messages, list):
        return " ".join(_describe(inner) for inner in messages)
    return str(messages)


@dataclass
class ImportReport:
    """What importing one file did."""

    path: str
    lines: int = 0
    added: int = 0
    skipped: int = 0  # already stored (same ref, or same text + speaker + date)
    bad: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason), the first ones
    elapsed: float = 0.0
    failure: str | None = None  # why the file, or the rest of it, could not be read

    @property
    def readable(self) -> bool:
        """True when the whole file was read (bad lines do not count against it)."""
        return self.failure is None

    @property
    def rate(self) -> float:
        """Lines read per second."""
        return self.lines / self.elapsed if self.elapsed > 0 else 0.0


def open_lines(path: str):
    """Open a file for reading bytes, decompressing gzip or bz2 by magic bytes or extension."""
    with open(path, "rb") as probe:
        magic = probe.read(3)
    if magic[:2] == b"\x1f\x8b" or (not magic and path.endswith(".gz")):
        return gzip.open(path, "rb")
    if magic == b"BZh" or (not magic and path.endswith(".bz2")):
        return bz2.open(path, "rb")
    return open(path, "rb")


def import_file(
    store: Store,
    path: str,
    progress: Callable[[ImportReport], None] | None = None,
    *,
    on_bad_line: Callable[[str, int, str], None] | None = None,
    batch_size: int = BATCH_SIZE,
    articles: Mapping[str, dict] | None = None,
) -> ImportReport:
    """Import every good line of a file into the store, batch by batch; bad lines are reported, not fatal."""
    report = ImportReport(path=str(path))
    started = time.perf_counter()
    batch: list[dict] = []
    batch_lines: list[int] = []

    def bad(line_number: int, reason: str) -> None:
        report.bad += 1
        if len(report.errors) < MAX_KEPT_ERRORS:
            report.errors.append((line_number, reason))
        if on_bad_line is not None:
            on_bad_line(report.path, line_number, reason)

    def store_rows(rows: list[dict], lines: list[int]) -> None:
        try:
            result = store.import_quotes(rows)
        except ConstraintError as error:
            # One row the store refuses must not cost the batch its good rows: the batch rolled back,
            # so store it row by row and report the ones refused.
            if len(rows) == 1:
                bad(lines[0], f"not stored: {error}")
                return
            for row, line in zip(rows, lines, strict=True):
                store_rows([row], [line])
            return
        report.added += result.added
        report.skipped += result.skipped
        for index, reason in result.errors:
            bad(lines[index], reason)

    def flush() -> None:
        store_rows(batch, batch_lines)
        batch.clear()
        batch_lines.clear()
        report.elapsed = time.perf_counter() - started
        if progress is not None:
            progress(report)

    try:
        with open_lines(str(path)) as stream:
            for number, raw in enumerate(stream, start=1):
                report.lines = number
                if number == 1 and raw.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte-order mark
                    raw = raw[3:]
                if raw.isspace() or not raw:
                    continue
                try:
                    batch.append(parse_line(raw, articles))
                except ValueError as error:
                    bad(number, str(error))
                    continue
                batch_lines.append(number)
                if len(batch) >= batch_size:
                    flush()
    except READ_ERRORS as error:
        report.failure = f"{type(error).__name__}: {error}" if report.lines else str(error)
    if batch:
        flush()  # keep the good lines read before a read failure
    report.elapsed = time.perf_counter() - started
    return report
