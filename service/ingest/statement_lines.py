"""One line of an import file read as a statement row: our JSON Lines and Quotebank's, validated.

The fields are the API's own types (`service.schemas.fields`): a date the importer stores is one the
API accepts ("2015-02-31" is refused by both, with one message). Import is lenient where the API is
strict about shape: text is trimmed and control characters dropped, blank means absent, unknown
fields are ignored so richer exports still load.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from marshmallow import EXCLUDE, Schema, ValidationError, fields, post_load, validate

from service.models import KINDS
from service.schemas.fields import IsoDateOrTime
from service.text.controls import without_controls
from service.text.iso_dates import DATE_OR_TIME_RE

MAX_TEXT_CHARS = 20_000
MAX_FIELD_CHARS = 2_000
MAX_REF_CHARS = 300
MAX_DATE_CHARS = 40


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


class IsoDate(IsoDateOrTime):
    """The API's ISO date or date-time, read leniently: trimmed, blank as absent, " " before a time as "T"."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = _DATE_TEXT.deserialize(value)
        if text is None:
            return None
        return super()._deserialize(text, attr, data, **kwargs).replace(" ", "T", 1)


_DATE_TEXT = Trimmed(max_chars=MAX_DATE_CHARS)


def _optional(max_chars: int = MAX_FIELD_CHARS) -> Trimmed:
    return Trimmed(load_default=None, allow_none=True, max_chars=max_chars)


def _date() -> IsoDate:
    return IsoDate(load_default=None, allow_none=True)


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


STATEMENT_LINE = StatementLineSchema()
QUOTEBANK_LINE = QuotebankLineSchema()

# The fast path below accepts exactly what the schemas accept, field by field (DATE_OR_TIME_RE is
# IsoDateOrTime's own pattern), and hands anything
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
    ok, text = _quick_text(value, MAX_DATE_CHARS)
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
