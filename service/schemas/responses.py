"""Schemas of what the API answers: statements, matches, pages, health, and the problem+json error."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate
from marshmallow.utils import get_value

from service.models import KINDS
from service.search.comparison import VERDICTS


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


class QuoteDetailSchema(QuoteSchema):
    """One statement with its provenance: every article that carried it and which was first."""

    reported_in = fields.List(
        fields.Nested(ReportSchema), metadata={"description": "Every article carrying it, earliest first."}
    )
    first_reported = fields.Nested(
        ReportSchema, allow_none=True, metadata={"description": "The earliest of reported_in, if dated."}
    )


class HighlightSchema(ma.Schema):
    """A span of the quote text that matches the claim; offsets index `quote.text`."""

    start = fields.Integer()
    end = fields.Integer()
    text = fields.String()


class ExplanationSchema(ma.Schema):
    """Why the score is what it is: which scorer made it, from which parts and matched terms."""

    scorer = fields.String(metadata={"description": "Name of the scorer that made the score."})
    parts = fields.Dict(keys=fields.String(), values=fields.Float(), metadata={"description": "Score parts."})
    matched_terms = fields.List(fields.String(), metadata={"description": "Claim terms found (normalised)."})
    corrections = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        metadata={"description": "Misspelt claim term -> term used."},
    )
    content = fields.String(
        metadata={"description": "The claim's words that retrieval read: the claim without its attribution."}
    )


class QuantitySchema(ma.Schema):
    """A quantity read from a text, as an interval."""

    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    kind = fields.String()
    low = fields.Float(allow_none=True)
    high = fields.Float(allow_none=True)
    value = fields.Float()
    approximate = fields.Boolean()
    unit = fields.String(allow_none=True)
    counts = fields.String(allow_none=True, metadata={"description": "What is counted (head noun)."})


class NumberCheckSchema(ma.Schema):
    """A claim quantity against the quote quantity paired with it."""

    claim = fields.Nested(QuantitySchema)
    quote = fields.Nested(QuantitySchema, allow_none=True)
    verdict = fields.String(metadata={"enum": list(VERDICTS)})
    reason = fields.String()


class SpeakerCheckSchema(ma.Schema):
    """Who the claim says spoke against the quote's speaker."""

    claim = fields.String()
    quote = fields.String(allow_none=True)
    quote_role = fields.String(allow_none=True)
    verdict = fields.String(metadata={"enum": list(VERDICTS)})
    reason = fields.String()


class DateCheckSchema(ma.Schema):
    """When the claim says it was said against the quote's said_on."""

    claim = fields.String()
    claim_date = fields.String()
    quote = fields.String(allow_none=True)
    verdict = fields.String(metadata={"enum": list(VERDICTS)})
    reason = fields.String()


class ComparisonSchema(ma.Schema):
    """Claim against quote: numbers, speaker and date, and the overall agreement with reasons."""

    numbers = fields.List(fields.Nested(NumberCheckSchema))
    speaker = fields.Nested(SpeakerCheckSchema, allow_none=True)
    date = fields.Nested(DateCheckSchema, allow_none=True)
    agreement = fields.String(
        metadata={
            "enum": list(VERDICTS),
            "description": "conflicting if any check conflicts; consistent if a check agrees and none "
            "conflicts (a claim figure the statement lacks needs a figure that agrees); else unknown.",
        }
    )
    reasons = fields.List(fields.String())


class MatchSchema(ma.Schema):
    """One statement matching the claim, with why it matched, how it compares and where it ran."""

    score = fields.Float(
        validate=validate.Range(0, 100),
        metadata={
            "description": (
                "0-100, an estimate in percent that this statement is the claim's source: of matches"
                " scoring about s on labelled claim/source pairs (CheckThat! 2021 train), about s% were."
                " It blends word overlap with closeness in meaning (explanation.parts: lexical, semantic)."
            )
        },
    )
    quote = fields.Nested(QuoteSchema)
    highlights = fields.List(fields.Nested(HighlightSchema))
    explanation = fields.Nested(ExplanationSchema)
    comparison = fields.Nested(ComparisonSchema, allow_none=True)
    reported_in = fields.List(
        fields.Nested(ReportSchema), metadata={"description": "Every article carrying it, earliest first."}
    )
    first_reported = fields.Nested(
        ReportSchema, allow_none=True, metadata={"description": "The earliest of reported_in, if dated."}
    )


class MatchResponseSchema(ma.Schema):
    """Answer of POST /match."""

    claim = fields.String(metadata={"description": "The claim as matched (trimmed)."})
    matches = fields.List(fields.Nested(MatchSchema))
    near_misses = fields.List(
        fields.Nested(MatchSchema),
        metadata={"description": "Only when no statement reaches min_score: the closest ones, best first."},
    )
    message = fields.String(
        allow_none=True, metadata={"description": "Says why `matches` is empty; null when it is not."}
    )
    took_ms = fields.Float(metadata={"description": "Time spent matching, in milliseconds."})


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
