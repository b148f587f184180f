"""Which metadata an article is stored with: the text's own first, given values second, named by source."""

from __future__ import annotations

import pytest

from service.ingest.precedence import resolve_metadata
from service.models import ArticleMeta, Extraction


def test_the_text_wins_and_given_values_fill_the_gaps():
    found = Extraction(meta=ArticleMeta(title="From the text", published="2016-06-03"))
    decided = resolve_metadata(found, {"title": "Given", "outlet": " Wire ", "url": None}, "metadata")
    assert decided.values == {"title": "From the text", "published": "2016-06-03", "outlet": "Wire"}
    assert decided.sources == {"title": "text", "published": "text", "outlet": "metadata"}
    assert decided.given == {"title": "Given", "outlet": "Wire"} and decided.given_source == "metadata"


def test_a_title_named_in_a_request_beats_the_texts_first_line():
    found = Extraction(meta=ArticleMeta(title="First line"))
    decided = resolve_metadata(found, {"title": "Named by the caller"}, "request")
    assert decided.values == {"title": "Named by the caller"} and decided.sources == {"title": "request"}


def test_given_values_lose_control_characters_and_blank_ones_count_as_absent():
    decided = resolve_metadata(
        Extraction(meta=ArticleMeta()), {"title": "Ti\x00tle", "outlet": "\x00 "}, "metadata"
    )
    assert decided.values == {"title": "Title"} and decided.given == {"title": "Title"}


def test_nothing_given_names_no_source():
    assert resolve_metadata(Extraction(meta=ArticleMeta(title="T")), None, "metadata").given_source is None


def test_an_unknown_source_is_refused():
    with pytest.raises(ValueError, match="given_source"):
        resolve_metadata(Extraction(meta=ArticleMeta()), {}, "guess")
