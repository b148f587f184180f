"""Schemas of what clients send: the POST /match body, query arguments, the POST /articles body."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from service.models import KINDS
from service.schemas.fields import (
    NOT_BLANK_PATTERN,
    DatePrefix,
    HttpUrl,
    IsoDateOrTime,
    StrictBoolean,
    StrictFloat,
    TrimmedString,
    not_blank,
)
from service.search.matching import DEFAULT_MIN_SCORE, LEXICAL_MIN_SCORE

MAX_CLAIM_CHARS = 2000
MAX_PAGE_SIZE = 100


class StrictSchema(ma.Schema):
    """Rejects fields it does not know, so a misspelt filter is an error rather than ignored."""

    class Meta:
        unknown = ma.RAISE


class FilterFields:
    """Filters shared by POST /match and GET /quotes; combined with AND."""

    speaker = fields.String(
        validate=validate.Length(1, 200), metadata={"description": "Case-insensitive part of the name."}
    )
    outlet = fields.String(validate=validate.Length(1, 200), metadata={"description": "Outlet, any case."})
    kind = fields.String(validate=validate.OneOf(KINDS))
    said_from = DatePrefix(metadata={"description": "Said on or after (inclusive ISO date or prefix)."})
    said_to = DatePrefix(metadata={"description": "Said on or before (inclusive ISO date or prefix)."})
    published_from = DatePrefix(metadata={"description": "Published on or after (inclusive)."})
    published_to = DatePrefix(metadata={"description": "Published on or before (inclusive)."})


class MatchRequestSchema(FilterFields, StrictSchema):
    """Body of POST /match."""

    claim = TrimmedString(
        required=True,
        validate=validate.Length(
            1, MAX_CLAIM_CHARS, error="Must be 1 to 2,000 characters once surrounding whitespace is removed."
        ),
        metadata={
            "description": "The claim to check; 1-2,000 characters after trimming.",
            "pattern": NOT_BLANK_PATTERN,
        },
    )
    limit = fields.Integer(strict=True, load_default=10, validate=validate.Range(1, 100))
    min_score = StrictFloat(
        load_default=None,  # the service's default for its mode (matching.default_min_score)
        validate=validate.Range(0, 100),
        metadata={
            "description": (
                f"Matches scoring below this (0-100) are left out. Default {DEFAULT_MIN_SCORE:g}, or"
                f" {LEXICAL_MIN_SCORE:g} where the service runs with embeddings off; null means the"
                " default. Scores are calibrated: on CheckThat! 2021 a claim's best match scoring at or"
                " above the default was its source about 9 times in 10 in either mode (92% train, 90%"
                " dev; embeddings off 91%, 91%)."
            )
        },
    )
    group = StrictBoolean(
        load_default=True,
        metadata={"description": "Fold copies of one statement carried by several articles into one."},
    )


class PageArgsSchema(StrictSchema):
    """Pagination query arguments."""

    page = fields.Integer(load_default=1, validate=validate.Range(1, 1_000_000))
    page_size = fields.Integer(load_default=20, validate=validate.Range(1, MAX_PAGE_SIZE))


class QuoteQueryArgsSchema(FilterFields, PageArgsSchema):
    """Query arguments of GET /quotes."""


class SpeakerQueryArgsSchema(PageArgsSchema):
    """Query arguments of GET /speakers."""

    name = fields.String(
        validate=validate.Length(1, 200), metadata={"description": "Case-insensitive part of the name."}
    )


class ArticleCreateSchema(StrictSchema):
    """Body of POST /articles: the text, and metadata to use where the text itself does not say."""

    # Not trimmed: statement offsets index the text exactly as sent.
    text = fields.String(
        required=True,
        validate=not_blank,
        metadata={"description": "The article text.", "pattern": NOT_BLANK_PATTERN},
    )
    title = fields.String(
        validate=[validate.Length(1, 1000), not_blank], metadata={"pattern": NOT_BLANK_PATTERN}
    )
    published = IsoDateOrTime()
    outlet = fields.String(
        validate=[validate.Length(1, 200), not_blank], metadata={"pattern": NOT_BLANK_PATTERN}
    )
    original_outlet = fields.String(
        validate=[validate.Length(1, 200), not_blank], metadata={"pattern": NOT_BLANK_PATTERN}
    )
    url = HttpUrl(validate=validate.Length(max=2000))
