"""Request schemas: what the published patterns allow is exactly what the service accepts."""

from __future__ import annotations

import re

import marshmallow as ma
import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.schemas import ArticleCreateSchema, MatchRequestSchema, QuoteQueryArgsSchema
from service.schemas.fields import DATE_OR_TIME_PATTERN, DATE_PREFIX_PATTERN, HTTP_URL_PATTERN


def _matches(pattern: str, text: str) -> bool:
    # As JSON Schema reads a pattern: `$` is the end of the text.
    return re.search(pattern.replace("$", r"\Z"), text) is not None


def _loads(schema: ma.Schema, data: dict) -> bool:
    try:
        schema.load(data)
    except ma.ValidationError:
        return False
    return True


@given(st.from_regex(DATE_PREFIX_PATTERN, fullmatch=True))
def test_every_date_prefix_the_spec_allows_is_accepted(value):
    assert _loads(QuoteQueryArgsSchema(), {"said_from": value, "published_to": value})


@given(st.dates())
def test_every_calendar_date_and_its_prefixes_are_accepted(day):
    for value in (day.isoformat(), day.isoformat()[:7], day.isoformat()[:4]):
        assert _loads(QuoteQueryArgsSchema(), {"said_to": value})


@given(st.text(max_size=12))
def test_a_date_filter_is_accepted_exactly_when_the_pattern_matches(value):
    assert _loads(QuoteQueryArgsSchema(), {"said_from": value}) == _matches(DATE_PREFIX_PATTERN, value)


@given(st.from_regex(DATE_OR_TIME_PATTERN, fullmatch=True), st.from_regex(HTTP_URL_PATTERN, fullmatch=True))
def test_article_metadata_the_spec_allows_is_accepted(published, url):
    assert _loads(ArticleCreateSchema(), {"text": "Some text.", "published": published, "url": url})


@given(st.datetimes())
def test_iso_date_times_are_accepted_as_published(moment):
    value = moment.isoformat(timespec="seconds")
    assert _loads(ArticleCreateSchema(), {"text": "Some text.", "published": value})


@given(st.text(min_size=1, max_size=2000).filter(lambda s: s.strip()))
def test_any_claim_with_a_visible_character_is_accepted_and_trimmed(claim):
    loaded = MatchRequestSchema().load({"claim": claim})
    assert loaded["claim"] == claim.strip()


@given(st.text(alphabet=" \t\n\r\u00a0\u2003", max_size=50))
def test_whitespace_only_claims_are_refused(claim):
    assert not _loads(MatchRequestSchema(), {"claim": claim})


@pytest.mark.parametrize(
    "value", ["2015-02-30", "2015-04-31", "2015-13", "2015-00", "2015-11-00", "15", "2015/11"]
)
def test_impossible_or_misshapen_dates_are_refused(value):
    assert not _loads(QuoteQueryArgsSchema(), {"said_from": value})


def test_defaults_fill_what_the_request_leaves_out():
    loaded = MatchRequestSchema().load({"claim": "x"})
    assert loaded["limit"] == 10 and loaded["group"] is True
    assert loaded["min_score"] is None  # the service's default for its mode (matching.default_min_score)
    assert QuoteQueryArgsSchema().load({}) == {"page": 1, "page_size": 20}
