"""Bulk import of ready-made statements: our JSON Lines, extract's or Quotebank's, plain, gzip or bz2."""

from __future__ import annotations

import bz2
import gzip
import json
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from marshmallow import EXCLUDE, Schema, ValidationError, fields, post_load, validate

from service.ingest.extract_lines import from_extract_line, is_extract_line
from service.models import KINDS
from service.storage import ConstraintError, Store
from service.text.controls import without_controls
from service.text.iso_dates import DATE_OR_TIME_RE

BATCH_SIZE = 20_000  # statements per transaction: big enough to amortise the commit, small enough to share
MAX_KEPT_ERRORS = 1_000  # bad lines are all counted, the first ones kept with their reasons
MAX_TEXT_CHARS = 20_000
MAX_FIELD_CHARS = 2_000
# A missing or unreadable file, or a truncated or corrupt compressed stream.
READ_ERRORS = (OSError, EOFError, zlib.error)
MAX_REF_CHARS = 300
# The API's own definition (service/text/iso_dates.py), so every stored date is one the API accepts.
DATE_MESSAGE = "Not an ISO date (YYYY[-MM[-DD]], a real day of its month) or ISO date-time."


class Trimmed(fields.String):
    """A trimmed string with a length limit; blank counts as absent, or is refused when required."""

    def __init__(self, *, max_chars: int = MAX_FIELD_CHARS, **kwargs):
        super().__init__(**kwargs)
        self.max_chars = max_chars

    def _deserialize(self, value, attr, data, **kwargs):
        text = without_controls(super()._deserialize(value, attr, data, **kwargs)).strip()
        if len(text) > self.max_chars:
            raise ValidationError(f"Longer than maximum length {self.max_chars}.")
        if not text and self.required:
            raise ValidationError("Must not be blank.")
        return text or None


class IsoDate(Trimmed):
    """An ISO date prefix ("2015", "2015-08", "2015-08-31", "2015-08-31T12:02:00"), time joined by "T"."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if text is None:
            return None
        if not DATE_OR_TIME_RE.match(text):
            raise ValidationError(DATE_MESSAGE)
        return text.replace(" ", "T", 1)


def _optional(max_chars: int = MAX_FIELD_CHARS) -> Trimmed:
    return Trimmed(load_default=None, allow_none=True, max_chars=max_chars)


def _date() -> IsoDate:
    return IsoDate(load_default=None, allow_none=True, max_chars=40)


class StatementLineSchema(Schema):
    """One line of our JSON Lines format; unknown fields are ignored so richer exports still load."""

    class Meta:
        unknown = EXCLUDE

    text = Trimmed(required=True, max_chars=MAX_TEXT_CHARS)
    speaker = _optional()
    role = _optional()
    said_on = _date()
    venue = _optional()
    outlet = _optional()
    published = _date()
    title = _optional()
    url = _optional()
    ref = _optional(MAX_REF_CHARS)
    kind = fields.String(load_default="direct", validate=validate.OneOf(KINDS))


class QuotebankLineSchema(Schema):
    """One line of a Quotebank file as published (quotes-YYYY.json.bz2 or the quote-centric dumps)."""

    class Meta:
        unknown = EXCLUDE

    quoteID = Trimmed(required=True, max_chars=MAX_REF_CHARS)  # noqa: N815 - Quotebank's name
    quotation = Trimmed(required=True, max_chars=MAX_TEXT_CHARS)
    speaker = _optional()
    date = _date()
    urls = fields.List(fields.String(), load_default=list)

    @post_load
    def _to_statement(self, data, **kwargs):
        return _from_quotebank(data)


def _from_quotebank(data: dict) -> dict:
    url = data["urls"][0] if data["urls"] else None
    speaker = data["speaker"]
    return {
        "text": data["quotation"],
        # Quotebank writes "None" when its speaker model attributes the quote to nobody.
        "speaker": None if speaker == "None" else speaker,
        # "date" is when the quote first appeared in the news, so it is a publication date;
        # when it was said is not in the data.
        "published": data["date"],
        "url": url,
        "outlet": outlet_of(url),
        "ref": data["quoteID"],
    }


_OURS = StatementLineSchema()
_QUOTEBANK = QuotebankLineSchema()

# The fast path below accepts exactly what the schemas accept, field by field, and hands anything
# doubtful to the schema, which then gives the reason. marshmallow alone runs at about 37,000
# lines/s, too close to the 20,000 statements/s target once storing is added (bench/import_bench.py);
# a test checks on generated lines that both paths agree.
_OUR_TEXT_FIELDS = (
    *((name, MAX_FIELD_CHARS) for name in ("speaker", "role", "venue", "outlet", "title", "url")),
    ("ref", MAX_REF_CHARS),
)


def _quick_text(value, max_chars: int):
    """(ok, trimmed value or None); not ok when the schema must look at it."""
    if value is None:
        return True, None
    if type(value) is not str:
        return False, None
    value = without_controls(value).strip()
    return len(value) <= max_chars, value or None


def _quick_date(value):
    ok, text = _quick_text(value, 40)
    if not ok or text is None:
        return ok, text
    return (True, text.replace(" ", "T", 1)) if DATE_OR_TIME_RE.match(text) else (False, None)


def quick_load(obj: dict) -> dict | None:
    """The row the matching schema would load from a plainly valid line, or None to ask the schema."""
    if "quotation" in obj or "quoteID" in obj:
        ok_id, ref = _quick_text(obj.get("quoteID"), MAX_REF_CHARS)
        ok_text, text = _quick_text(obj.get("quotation"), MAX_TEXT_CHARS)
        ok_speaker, speaker = _quick_text(obj.get("speaker"), MAX_FIELD_CHARS)
        ok_date, date = _quick_date(obj.get("date"))
        urls = obj.get("urls", [])
        if not (ok_id and ok_text and ok_speaker and ok_date and ref and text and type(urls) is list):
            return None
        if not all(type(url) is str for url in urls):
            return None
        return _from_quotebank(
            {"quoteID": ref, "quotation": text, "speaker": speaker, "date": date, "urls": urls}
        )
    ok, text = _quick_text(obj.get("text"), MAX_TEXT_CHARS)
    kind = obj.get("kind", "direct")
    if not (ok and text and type(kind) is str and kind in KINDS):
        return None
    row = {"text": text}
    for name, max_chars in _OUR_TEXT_FIELDS:
        ok, row[name] = _quick_text(obj.get(name), max_chars)
        if not ok:
            return None
    for name in ("said_on", "published"):
        ok, row[name] = _quick_date(obj.get(name))
        if not ok:
            return None
    row["kind"] = kind
    return row


def outlet_of(url: str | None) -> str | None:
    """The site a URL belongs to, without "www." ("https://www.bbc.co.uk/x" -> "bbc.co.uk")."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


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
    schema = _QUOTEBANK if "quotation" in obj or "quoteID" in obj else _OURS
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
