"""Filtered search: the best `pool` candidates that pass are rescored, found in one pass when few pass."""

from __future__ import annotations

import random

import pytest

from service.search.index import QuoteIndex
from tests.search.test_index import random_corpus

ROWS = random_corpus(17, 6000)


@pytest.fixture(scope="module")
def index():
    return QuoteIndex.build(ROWS)


class Filter:
    """A filter over a set of allowed ids, counting how it is asked (as the store would be)."""

    def __init__(self, allowed: set[int]):
        self.allowed = allowed
        self.kept: list[int] = []  # ids asked about per keep() call
        self.passing_calls = 0

    def keep(self, ids: list[int]) -> set[int]:
        self.kept.append(len(ids))
        return set(ids) & self.allowed

    def passing(self) -> list[int]:
        self.passing_calls += 1
        return sorted(self.allowed)


def claims(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(rng.sample(text.split(), min(4, len(text.split()))))
        for _, text, _ in rng.sample(ROWS, count)
    ]


def test_a_selective_filter_reads_every_passing_id_once_and_ranks_as_digging_deeper_would(index):
    allowed = {row[0] for row in ROWS if row[0] % 41 == 0}  # one statement in 41
    read_once = 0
    for claim in claims(12, seed=3):
        once, deeper = Filter(allowed), Filter(allowed)
        found = index.search(claim, limit=10, min_score=0, keep=once.keep, passing=once.passing)
        dug = index.search(claim, limit=10, min_score=0, keep=deeper.keep)  # no passing(): look deeper
        assert [(h.quote_id, h.score) for h in found] == [(h.quote_id, h.score) for h in dug]
        assert found and all(h.quote_id in allowed for h in found)
        assert len(once.kept) == 1 and once.passing_calls <= 1
        read_once += once.passing_calls
    assert read_once >= 6  # most claims' candidates hold too few allowed ones at first


def test_a_filter_most_candidates_pass_never_reads_every_id(index):
    allowed = {row[0] for row in ROWS if row[0] % 5}  # four in five
    wide = Filter(allowed)
    for claim in claims(8, seed=5):
        index.search(claim, limit=10, min_score=0, keep=wide.keep, passing=wide.passing)
    assert wide.passing_calls == 0 and len(wide.kept) == 8


def test_a_filter_rescoring_as_many_as_an_unfiltered_search_finds_the_source_deep_in_the_ranking(index):
    # The source is the one statement allowed by the filter: found whatever its rank among all.
    source_id, text, _ = ROWS[4321]
    claim = " ".join(text.split()[:5])
    only = Filter({source_id})
    hits = index.search(claim, limit=5, min_score=0, keep=only.keep, passing=only.passing)
    assert [h.quote_id for h in hits] == [source_id]


def test_passing_ids_not_in_the_index_and_statements_added_since_are_handled(index):
    grown = QuoteIndex.build(ROWS[:3000])
    grown.add([(900_001, ROWS[3000][1], None)])  # in the delta segment, not the main one
    allowed = {900_001, 123_456_789}  # one in the index, one it never held
    chosen = Filter(allowed)
    hits = grown.search(ROWS[3000][1], limit=5, min_score=0, keep=chosen.keep, passing=chosen.passing)
    assert [h.quote_id for h in hits] == [900_001]
