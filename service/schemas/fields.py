"""Custom marshmallow fields and validators: trimmed and strict JSON types, ISO date prefixes."""

from __future__ import annotations

import re
from datetime import date, datetime

import marshmallow as ma
from marshmallow import fields

DATE_PREFIX_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_DATE_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class TrimmedString(fields.String):
    """A string with surrounding whitespace removed before length checks run."""

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs).strip()


class StrictFloat(fields.Float):
    """A JSON number; unlike fields.Float it refuses numeric strings such as "50"."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str | bool):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


class StrictBoolean(fields.Boolean):
    """A JSON true/false; unlike fields.Boolean it refuses 1, "yes" and the like."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value


def _is_date_prefix(text: str) -> bool:
    """Whether text is YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day."""
    found = _DATE_PREFIX.match(text)
    if not found:
        return False
    year, month, day = (int(part) if part else 1 for part in found.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


class DatePrefix(fields.String):
    """An ISO date or prefix of one: "2015", "2015-11" or "2015-11-04"."""

    default_error_messages = {"date_prefix": "Not an ISO date or date prefix (YYYY, YYYY-MM or YYYY-MM-DD)."}

    def __init__(self, **kwargs):
        # Documented in the OpenAPI spec, so clients and fuzzers see the shape without reading errors.
        metadata = {"pattern": DATE_PREFIX_PATTERN, "example": "2015-11", **kwargs.pop("metadata", {})}
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        if not _is_date_prefix(text):
            raise self.make_error("date_prefix")
        return text


def ranges_overlap(start: str, end: str) -> bool:
    """Whether prefix range start..end (both inclusive) can hold any date."""
    common = min(len(start), len(end))
    return start[:common] <= end[:common]


class IsoDateOrTime(fields.String):
    """An ISO date prefix ("2019", "2019-03-06") or an ISO date-time ("2019-03-06T14:30:00Z")."""

    default_error_messages = {"iso": "Not an ISO date (YYYY[-MM[-DD]]) or ISO date-time."}

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        if _is_date_prefix(text):
            return text
        try:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError as error:
            raise self.make_error("iso") from error
        return text


def not_blank(value: str) -> None:
    if not value.strip():
        raise ma.ValidationError("Must contain more than whitespace.")
