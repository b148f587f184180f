"""The index's treatment of a claim's attribution words (optional) and figures (slots)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.search.index import QuoteIndex

STATEMENTS = [
    (1, "More than 1,800 farms have lost access to irrigation water this season", "Tomas Brenner"),
    (2, "The reservoirs hold about 35 percent of their usual volume", "Tomas Brenner"),
    (3, "Farms in the valley have lost access to the river since 2019", "Ines Varga"),
    (4, "The water minister Tomas Brenner promised new pipelines to the farms", "Radu Fenn"),
    (5, "Irrigation water for farms will be rationed until the autumn rains", "Selma Okafor"),
]


@pytest.fixture(scope="module")
def index() -> QuoteIndex:
    return QuoteIndex.build(STATEMENTS)


def best(index, claim, optional=""):
    hits = index.search(claim, min_score=0, optional=optional, limit=5)
    return {h.quote_id: h.score for h in hits}


def test_attribution_words_never_lower_a_score(index):
    plain = best(index, "farms have lost access to irrigation water")
    framed = best(
        index, "farms have lost access to irrigation water", optional="the deputy minister told reporters"
    )
    assert framed[1] == plain[1]  # none of those words in statement 1 or its speaker: no change


def test_attribution_words_raise_a_statement_that_holds_them(index):
    plain = best(index, "pipelines to the farms")
    framed = best(index, "pipelines to the farms", optional="Tomas Brenner said")
    assert framed[4] > plain[4]  # statement 4 names Brenner in its text


def test_the_named_speaker_raises_their_statement(index):
    claim = "water rationed until the autumn rains in the hills"  # "hills": a word statement 5 lacks
    plain, framed = best(index, claim), best(index, claim, optional="Okafor said")
    assert framed[5] > plain[5]


def test_a_different_figure_fills_the_slot(index):
    right = best(index, "more than 1,800 farms lost access to irrigation water")
    wrong = best(index, "more than 3,000 farms lost access to irrigation water")
    none = best(index, "farms lost access to irrigation water")
    assert right[1] >= wrong[1] >= none[1]
    assert max(wrong, key=wrong.get) == 1


def test_a_missing_figure_still_counts_where_no_figure_fills_it(index):
    # Statement 5 holds no number: the claim's 3,000 is a word it lacks, as any other content word.
    with_figure = best(index, "3,000 farms will be rationed until the autumn rains")
    without = best(index, "farms will be rationed until the autumn rains")
    assert with_figure[5] < without[5]


@given(st.sampled_from(["Brenner said", "according to the ministry", "Okafor told reporters", "Fenn:"]))
def test_any_attribution_at_most_raises(index, frame):
    claim = "irrigation water for farms"
    plain = best(index, claim)
    framed = best(index, claim, optional=frame)
    assert all(framed.get(qid, 0) >= score for qid, score in plain.items())
