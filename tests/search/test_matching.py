"""matching.match: statements with highlights, explanation, filters, grouping of copies, min_score."""

from __future__ import annotations

import pytest

from service.models import Speaker, StoredArticle, StoredQuote
from service.search.index import QuoteIndex
from service.search.matching import DEFAULT_MIN_SCORE, Match, match
from service.storage import QuoteFilters

RT = StoredArticle(1, "Over 40,000 foreign militants in Syria", "2016-06-03", "RT", None, None)
TASS = StoredArticle(2, "Foreign fighters flow slows", "2016-06-01", "TASS", None, None)
REUTERS = StoredArticle(3, "Mattis on Baghdadi", "2017-07-21", "Reuters", None, None)


def quote(qid, text, speaker, article, said_on=None, kind="direct"):
    return StoredQuote(qid, text, kind, Speaker(speaker), said_on=said_on, article=article)


QUOTES = [
    quote(
        1,
        "an excess of 40,000 total foreign fighters have gone to the conflict",
        "Justin Siberell",
        RT,
        "2016-06-02",
    ),
    quote(2, "An excess of 40,000 total foreign fighters have gone to the conflict", "Justin Siberell", TASS),
    quote(
        3,
        "up to 30,000 foreigners joined Islamic State alone",
        "Igor Konashenkov",
        RT,
        "2016-06-01",
        "indirect",
    ),
    quote(
        4, "he assumes that Islamic State leader Abu Bakr al-Baghdadi is still alive", "Jim Mattis", REUTERS
    ),
]


def _prefix_cmp(value, bound, low):
    # ISO prefixes compared at the shorter length, as the store compares them.
    if value is None:
        return False
    n = min(len(value), len(bound))
    return value[:n] >= bound[:n] if low else value[:n] <= bound[:n]


def passes(quote, filters):
    """The store's filter semantics over one record (the real store is tested in test_storage)."""
    if (
        filters.speaker
        and " ".join(filters.speaker.casefold().split()) not in (quote.speaker.name or "").casefold()
    ):
        return False
    article = quote.article
    if filters.outlet and (
        not article or (article.outlet or "").casefold() != filters.outlet.strip().casefold()
    ):
        return False
    if filters.kind and quote.kind != filters.kind:
        return False
    published = article.published if article else None
    for value, low, high in (
        (quote.said_on, filters.said_from, filters.said_to),
        (published, filters.published_from, filters.published_to),
    ):
        if (low and not _prefix_cmp(value, low, True)) or (high and not _prefix_cmp(value, high, False)):
            return False
    return True


class FakeStore:
    """The store calls matching needs, over a list."""

    def __init__(self, quotes):
        self.quotes = {q.id: q for q in quotes}
        self.asked: list[list[int]] = []

    def get_quotes(self, ids):
        ids = list(ids)
        self.asked.append(ids)
        return [self.quotes[i] for i in ids if i in self.quotes]

    def filter_ids(self, ids, filters):
        return {i for i in ids if i in self.quotes and passes(self.quotes[i], filters)}

    def passing_ids(self, filters):
        return sorted(i for i, quote in self.quotes.items() if passes(quote, filters))


@pytest.fixture
def setup():
    index = QuoteIndex.build((q.id, q.text, q.speaker.name) for q in QUOTES)
    return index, FakeStore(QUOTES)


def test_match_returns_statements_with_why(setup):
    index, store = setup
    found = match(
        "More than 40,000 foreign fighters have gone to Syria", index=index, store=store, group=False
    )
    assert [m.quote.id for m in found][:2] == [1, 2]
    best = found[0]
    assert isinstance(best, Match) and DEFAULT_MIN_SCORE <= best.score <= 100
    assert best.explanation["scorer"] == "claimtrace.weighted_overlap"
    assert {"coverage", "precision", "token_set_ratio"} <= set(best.explanation["parts"])
    for h in best.highlights:
        assert best.quote.text[h.start : h.end] == h.text
    assert any("40,000" in h.text for h in best.highlights)


def test_copies_fold_into_one_with_provenance(setup):
    index, store = setup
    found = match("40,000 foreign fighters went to the conflict", index=index, store=store)
    assert [m.quote.id for m in found].count(1) + [m.quote.id for m in found].count(2) == 1
    top = found[0]
    assert {a.outlet for a in top.reported_in} == {"RT", "TASS"}
    assert top.first_reported.outlet == "TASS"  # published first


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (QuoteFilters(speaker="mattis"), {4}),
        (QuoteFilters(outlet="reuters"), {4}),
        (QuoteFilters(kind="indirect"), {3}),
        (QuoteFilters(said_from="2016-06-02"), {1}),
        (QuoteFilters(published_to="2016-06"), {1, 2, 3}),
    ],
)
def test_filters_narrow_without_emptying(setup, filters, expected):
    index, store = setup
    found = match(
        "foreign fighters Islamic State Baghdadi", index=index, store=store, min_score=0, filters=filters
    )
    assert found and {m.quote.id for m in found} <= expected


@pytest.mark.parametrize(
    "claim", ["The Eiffel Tower is 330 metres tall", "Apple released a new iPhone yesterday"]
)
def test_claims_nobody_made_return_nothing(setup, claim):
    index, store = setup
    assert match(claim, index=index, store=store) == []


def test_statement_gone_from_the_store_is_skipped(setup):
    index, _ = setup
    store = FakeStore(QUOTES[2:])
    found = match("40,000 foreign fighters have gone to the conflict", index=index, store=store, min_score=0)
    assert all(m.quote.id not in (1, 2) for m in found)


def test_every_match_carries_its_comparison(setup):
    index, store = setup
    best = match("Mattis believes Baghdadi is still alive", index=index, store=store)[0]
    assert best.quote.id == 4
    assert best.comparison["speaker"]["verdict"] == "consistent"
    assert best.comparison["agreement"] in {"consistent", "conflicting", "unknown"}
