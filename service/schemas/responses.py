"""Schemas of what the API answers: statements, speakers, articles, pages, health and the problem+json error.

What POST /match answers (matches, their explanation and comparison) is in `match_responses.py`.
"""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields
from marshmallow.utils import get_value

from service.models import KINDS


class SpeakerSchema(ma.Schema):
    """Who made a statement."""

    name = fields.String(allow_none=True)
    role = fields.String(allow_none=True)
    anonymous = fields.Boolean()
    organisation = fields.Boolean()
    affiliation = fields.String(allow_none=True)


class ArticleRefSchema(ma.Schema):
    """The article a statement was published in."""

    id = fields.Integer(allow_none=True)
    title = fields.String(allow_none=True)
    outlet = fields.String(allow_none=True)
    original_outlet = fields.String(allow_none=True)
    published = fields.String(allow_none=True)
    url = fields.String(allow_none=True)

    @ma.post_dump
    def imported_have_no_article_id(self, data, **kwargs):
        """Imported statements come with article metadata but no stored article: their id is null."""
        if data.get("id") == 0:
            data["id"] = None
        return data


class ReportSchema(ma.Schema):
    """One article (or imported source) that carried a statement."""

    quote_id = fields.Integer(metadata={"description": "This article's copy of the statement."})
    article_id = fields.Integer(allow_none=True, metadata={"description": "Null for imported statements."})
    title = fields.String(allow_none=True)
    outlet = fields.String(allow_none=True)
    original_outlet = fields.String(allow_none=True)
    published = fields.String(allow_none=True)
    url = fields.String(allow_none=True)


class PartSchema(ma.Schema):
    """One quoted piece of a statement: offsets into the article text."""

    start = fields.Integer()
    end = fields.Integer()


class StatementParts(fields.List):
    """A statement's quoted pieces in order; a one-span statement is one part, an imported one has none."""

    def __init__(self, **kwargs):
        super().__init__(fields.Nested(PartSchema), **kwargs)

    def serialize(self, attr, obj, accessor=None, **kwargs):
        """Read parts, start and end from a record or a dict and answer [{start, end}, ...]."""
        parts = get_value(obj, "parts", ()) or ()
        start, end = get_value(obj, "start", None), get_value(obj, "end", None)
        if not parts and start is not None and end is not None:
            parts = ((start, end),)
        return [{"start": part_start, "end": part_end} for part_start, part_end in parts]


class QuoteSchema(ma.Schema):
    """One statement with its speaker, date and article; offsets index the article text."""

    id = fields.Integer()
    ref = fields.String(allow_none=True)
    text = fields.String()
    kind = fields.String(metadata={"enum": list(KINDS)})
    cue = fields.String(allow_none=True)
    speaker = fields.Nested(SpeakerSchema)
    said_on = fields.String(allow_none=True)
    venue = fields.String(allow_none=True)
    start = fields.Integer(allow_none=True)
    end = fields.Integer(allow_none=True)
    parts = StatementParts(
        metadata={
            "description": "The quoted pieces whose words, joined, are `text` (a split quote has several); "
            "`start`/`end` span them all. Empty for imported statements."
        }
    )
    article = fields.Nested(ArticleRefSchema, allow_none=True)


def reported_in_field() -> fields.List:
    """A statement's provenance: every article that carried it (a statement's detail and a match show it)."""
    return fields.List(
        fields.Nested(ReportSchema), metadata={"description": "Every article carrying it, earliest first."}
    )


def first_reported_field() -> fields.Nested:
    """The article that reported a statement first."""
    return fields.Nested(
        ReportSchema, allow_none=True, metadata={"description": "The earliest of reported_in, if dated."}
    )


class QuoteDetailSchema(QuoteSchema):
    """One statement with its provenance: every article that carried it and which was first."""

    reported_in = reported_in_field()
    first_reported = first_reported_field()


class PageSchema(ma.Schema):
    """Common envelope of paginated lists."""

    total = fields.Integer(metadata={"description": "Items matching, across all pages."})
    page = fields.Integer()
    page_size = fields.Integer()


class QuotePageSchema(PageSchema):
    """A page of statements."""

    items = fields.List(fields.Nested(QuoteSchema))


class SpeakerSummarySchema(ma.Schema):
    """A speaker with the mentions seen for them and how many statements they made."""

    id = fields.Integer()
    name = fields.String(allow_none=True)
    role = fields.String(allow_none=True)
    aliases = fields.List(fields.String())
    quote_count = fields.Integer()


class SpeakerPageSchema(PageSchema):
    """A page of speakers."""

    items = fields.List(fields.Nested(SpeakerSummarySchema))


class ArticleSchema(ArticleRefSchema):
    """Article metadata; `sources` says for each field whether it came from the text or metadata."""

    path = fields.String(allow_none=True)
    sources = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        metadata={"description": 'Field name -> "text", "metadata" or "request".'},
    )


class ArticlePageSchema(PageSchema):
    """A page of articles."""

    items = fields.List(fields.Nested(ArticleSchema))


class ArticleDetailSchema(ArticleSchema):
    """One article with the statements found in it."""

    quotes = fields.List(fields.Nested(QuoteSchema))


class ArticleTextSchema(ma.Schema):
    """An article's stored text, exactly as extracted: statement offsets index it."""

    id = fields.Integer()
    text = fields.String(
        metadata={
            "description": "The original text. A statement's `start`/`end` and `parts` are offsets into it, "
            "counted in Unicode code points (not UTF-16 units or bytes)."
        }
    )
    length = fields.Integer(metadata={"description": "Characters (code points) in `text`."})


class HealthSchema(ma.Schema):
    """Liveness and what the service holds."""

    status = fields.String(metadata={"enum": ["ok"]})
    articles = fields.Integer()
    quotes = fields.Integer()
    speakers = fields.Integer()
    index_size = fields.Integer(metadata={"description": "Statements in this worker's match index."})


class ProblemSchema(ma.Schema):
    """RFC 9457 problem details: the one shape of every error response."""

    type = fields.String(metadata={"description": 'A URI naming the kind of problem; "about:blank" here.'})
    title = fields.String(metadata={"description": "The HTTP status phrase."})
    status = fields.Integer()
    detail = fields.String(metadata={"description": "What went wrong, for a human."})
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.Raw(),
        metadata={"description": "Validation failures: field name -> messages."},
    )
