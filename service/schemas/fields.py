"""Custom marshmallow fields and validators: trimmed and strict JSON types, ISO date prefixes."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields

from service.text.iso_dates import DATE_OR_TIME_PATTERN, DATE_PREFIX_PATTERN, full_match

HTTP_URL_PATTERN = r"^https?://[A-Za-z0-9._~%-]+(?::[0-9]{1,5})?(?:[/?#][!-~]*)?$"
NOT_BLANK_PATTERN = r"\S"


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


class PatternString(fields.String):
    """A string that must match PATTERN; the pattern is published in the OpenAPI spec."""

    PATTERN = ""
    EXAMPLE = ""
    default_error_messages = {"pattern": "Not in the expected format."}

    def __init__(self, **kwargs):
        metadata = {"pattern": self.PATTERN, "example": self.EXAMPLE, **kwargs.pop("metadata", {})}
        super().__init__(metadata=metadata, **kwargs)
        self._compiled = full_match(self.PATTERN)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if not self._compiled.match(text):
            raise self.make_error("pattern")
        return text


class DatePrefix(PatternString):
    """An ISO date or prefix of one: "2015", "2015-11" or "2015-11-04"."""

    PATTERN, EXAMPLE = DATE_PREFIX_PATTERN, "2015-11"
    default_error_messages = {"pattern": "Not an ISO date or date prefix (YYYY, YYYY-MM or YYYY-MM-DD)."}


class IsoDateOrTime(PatternString):
    """An ISO date prefix ("2019", "2019-03-06") or an ISO date-time ("2019-03-06T14:30:00Z")."""

    PATTERN, EXAMPLE = DATE_OR_TIME_PATTERN, "2019-03-06"
    default_error_messages = {
        "pattern": "Not an ISO date (YYYY[-MM[-DD]], a real day of its month) or ISO date-time."
    }


class HttpUrl(PatternString):
    """An http(s) URL; kept for display, so only its shape is checked."""

    PATTERN, EXAMPLE = HTTP_URL_PATTERN, "https://news.example/story"
    default_error_messages = {"pattern": "Not an http(s) URL."}


def not_blank(value: str) -> None:
    """Refuse text that is only whitespace (documented as pattern NOT_BLANK_PATTERN)."""
    if not value.strip():
        raise ma.ValidationError("Must contain more than whitespace.")
