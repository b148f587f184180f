"""Schemas of what POST /match answers: each match with its highlights, explanation and comparison."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from service.schemas.responses import QuoteSchema, first_reported_field, reported_in_field
from service.search.comparison import VERDICTS


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
    reported_in = reported_in_field()
    first_reported = first_reported_field()


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
