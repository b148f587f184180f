"""QuoteIndex: retrieval agrees with brute force, add/remove/compact/persist, typos, min_score, highlights."""

from __future__ import annotations

import math
import random
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.search.index import QuoteIndex, load, open_index, save
from service.search.index import core as index_core
from service.search.index import searching as index_searching
from service.text.normalize import content_terms, stem

STATEMENTS = [
    (
        1,
        "An excess of 40,000 foreign fighters [that] have gone to the conflict [in Syria]",
        "Justin Siberell",
    ),
    (2, "Islamic State employs up to 30,000 foreign extremists", "Igor Konashenkov"),
    (3, "Russia's Air Forces are striking only confirmed terrorist targets", "Igor Konashenkov"),
    (4, "We know a good bit. We just don't have information that would confirm his death.", "Jim Mattis"),
    (5, "The ceasefire in Aleppo is holding despite sporadic shelling overnight", "Staffan de Mistura"),
    (6, "Grain exports through the Black Sea corridor doubled last month", "Oleksandr Kubrakov"),
]

WORDS = [f"{a}{b}{c}" for a in "bdkmst" for b in "aeiou" for c in ("ran", "lom", "vex", "tus")]


def random_corpus(seed: int, size: int) -> list[tuple[int, str, None]]:
    """Sentences over a skewed vocabulary, so some words are common and most are rare."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(WORDS))]
    return [(i + 1, " ".join(rng.choices(WORDS, weights, k=rng.randint(4, 12))), None) for i in range(size)]


def brute_bm25(rows, claim: str) -> dict[int, float]:
    """Textbook BM25 over every row, the reference the index's retrieval must agree with."""
    docs = {qid: Counter(content_terms(text)) for qid, text, _ in rows}
    avgdl = sum(sum(c.values()) for c in docs.values()) / len(docs)
    scores: dict[int, float] = {}
    for term in set(content_terms(claim)):
        df = sum(1 for c in docs.values() if term in c)
        if not df:
            continue
        idf = math.log(1 + (len(docs) - df + 0.5) / (df + 0.5))
        for qid, counts in docs.items():
            tf = counts.get(term, 0)
            if tf:
                norm = 1.2 * (0.25 + 0.75 * sum(counts.values()) / avgdl)
                scores[qid] = scores.get(qid, 0.0) + idf * tf * 2.2 / (tf + norm)
    return scores


@pytest.fixture
def index() -> QuoteIndex:
    return QuoteIndex.build(STATEMENTS)


@given(st.integers(0, 10_000), st.lists(st.integers(0, 2_000), min_size=1, max_size=5))
@settings(max_examples=30, deadline=None)
def test_retrieval_agrees_with_brute_force_bm25(seed, picks):
    rows = random_corpus(seed, 150)
    index = QuoteIndex.build(rows)
    used = sorted({w for _, text, _ in rows for w in text.split()})  # known words: no typo guessing
    claim = " ".join(used[p % len(used)] for p in picks)
    _, weighted = index.analyze(claim)
    found, _ = index._candidates(weighted, pool=len(rows))
    reference = brute_bm25(rows, claim)
    assert {qid for qid, *_ in found} == set(reference)
    for qid, score, *_ in found:
        assert score == pytest.approx(reference[qid], rel=0.02, abs=0.02)  # one-byte impacts


def test_budgeted_retrieval_keeps_the_best(monkeypatch):
    rows = random_corpus(3, 400)
    claim = rows[17][1]
    full = [h.quote_id for h in QuoteIndex.build(rows).search(claim, limit=3)]
    monkeypatch.setattr(index_searching, "POSTING_BUDGET", 20)  # common terms only adjust the best candidates
    assert [h.quote_id for h in QuoteIndex.build(rows).search(claim, limit=3)][0] == full[0] == 18


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("More than 40,000 foreign fighters have gone to Syria", 1),
        ("an exces of 40000 total foriegn fighters", 1),  # typos and another number form
        ("ISIS employs thirty thousand foreign extremists", 2),
        ("Russian air force strikes confirmed terrorist targets only", 3),
        ("Mattis: no information that would confirm his death", 4),
    ],
)
def test_paraphrases_rank_their_statement_first(index, claim, expected):
    hits = index.search(claim, limit=3, min_score=0)
    assert hits[0].quote_id == expected


@pytest.mark.parametrize(
    "claim",
    ["The Eiffel Tower is 330 metres tall", "Apple released a new iPhone yesterday", "the of and to it is"],
)
def test_unrelated_claims_are_rejected(index, claim):
    from service.search.matching import DEFAULT_MIN_SCORE

    assert index.search(claim, min_score=DEFAULT_MIN_SCORE) == []


def test_hit_explains_itself(index):
    hit = index.search("an exces of 40000 foriegn fighters")[0]
    assert 0 <= hit.score <= 100
    assert hit.scorer == "claimtrace.weighted_overlap"
    assert set(hit.parts) == {"coverage", "precision", "token_set_ratio", "bm25"}
    assert {"foreign", "fighter", "40000"} <= set(hit.matched_terms)
    assert hit.corrections == {"foriegn": "foreign", "exc": "excess"} or "foriegn" in hit.corrections


def test_highlights_are_valid_offsets(index):
    text = STATEMENTS[0][1]
    hit = index.search("40,000 foreign fighters went to Syria")[0]
    assert hit.highlights
    covered = " ".join(text[s:e] for s, e in hit.highlights)
    for start, end in hit.highlights:
        assert 0 <= start < end <= len(text)
    assert "40,000 foreign fighters" in covered and "Syria" in covered


def test_add_remove_replace_without_rebuild(index):
    index.add([(7, "Wheat prices rose sharply after the drought in Argentina", "A trader")])
    assert index.search("drought pushed wheat prices up in Argentina")[0].quote_id == 7
    index.add([(7, "Copper output fell at Chilean mines", None)])  # same id: replaced
    assert not index.search("drought pushed wheat prices up in Argentina", min_score=40)
    assert index.remove([1, 7, 12345]) == 2
    assert 1 not in index and 7 not in index and len(index) == 5
    assert all(h.quote_id != 1 for h in index.search("40,000 foreign fighters", min_score=0))
    index.compact()
    assert len(index) == 5 and index.search("Black Sea grain exports doubled")[0].quote_id == 6


def test_a_claim_is_analysed_afresh_after_the_index_changes(index):
    claim = "saffron harvests failed in Kashmir"
    assert not index.search(claim, min_score=40)  # "saffron" and "kashmir" are words nobody used yet
    index.add([(8, "Saffron harvests failed across Kashmir this autumn", None)])
    assert [h.quote_id for h in index.search(claim, min_score=40)] == [8]
    assert [h.quote_id for h in index.score_ids(claim, [8])] == [8]
    index.remove([8])
    assert not index.search(claim, min_score=40) and not index.score_ids(claim, [8])


def test_keep_filters_without_emptying_the_top(index):
    hits = index.search("foreign fighters extremists", limit=2, min_score=0, keep=lambda ids: {2})
    assert [h.quote_id for h in hits] == [2]


def test_speaker_named_in_the_claim_counts(index):
    hit = index.search("Jim Mattis says there is no information confirming his death")[0]
    assert hit.quote_id == 4 and stem("mattis") in hit.matched_terms


def test_save_load_and_open_from_store(tmp_path, index):
    save(index, tmp_path / "ix")
    loaded = load(tmp_path / "ix")
    assert len(loaded) == len(index)
    assert loaded.search("foriegn fighters Syria")[0].quote_id == 1

    class FakeStore:
        def __init__(self):
            self.rows = list(STATEMENTS)
            self.seq = 1

        def current_seq(self):
            return self.seq

        def count_quotes(self):
            return len(self.rows)

        def index_rows(self, with_speaker=False):
            return iter(self.rows)

        def changes_since(self, seq):
            return (self.seq, [8], []) if seq < self.seq else (self.seq, [], [])

        def get_quotes(self, ids):
            return [(8, "Lithium mining permits were suspended in Nevada", None)] if 8 in ids else []

    store = FakeStore()
    built = open_index(store, tmp_path / "store-ix")
    assert len(built) == 6 and built.seq == 1
    store.rows.append((8, "Lithium mining permits were suspended in Nevada", None))
    store.seq = 2
    reopened = open_index(store, tmp_path / "store-ix")  # replays the log from the saved seq
    assert len(reopened) == 7 and reopened.search("Nevada suspended lithium permits")[0].quote_id == 8


def test_memory_per_statement_is_small():
    index = QuoteIndex.build(random_corpus(1, 2000))
    assert index.memory_bytes() / len(index) < 1024


@pytest.mark.parametrize("claim", ["", "   ", "the of and it is was", "!!! ??? ...", "x"])
def test_claims_without_content_find_nothing(index, claim):
    assert index.search(claim, min_score=0) == []


def test_empty_index_finds_nothing():
    assert QuoteIndex().search("40,000 foreign fighters", min_score=0) == []
    assert QuoteIndex.build([]).search("40,000 foreign fighters", min_score=0) == []


def test_misspelt_words_are_reported_as_typed(index):
    hit = index.search("an exces of 40000 foriegn fighters")[0]
    assert hit.corrections == {"exces": "excess", "foriegn": "foreign"}


def test_long_claim_of_unknown_names_still_answers(index):
    claim = " ".join(f"Zzyzxqw{i} Qxvbnm{i}" for i in range(150)) + " foreign fighters Syria"
    hits = index.search(claim, min_score=0)
    assert hits and hits[0].quote_id == 1 and hits[0].score < 45  # mostly words nobody used: a weak match


@pytest.mark.parametrize(
    "claim",
    ["More than 40,000 foreign fighters have gone to Syria", "Russian air force strikes terrorist targets"],
)
def test_scores_comparable_across_corpus_sizes(claim):
    small = QuoteIndex.build(STATEMENTS).search(claim, limit=1)[0]
    grown = QuoteIndex.build(STATEMENTS + random_corpus(4, 3000)[6:]).search(claim, limit=1)[0]
    assert grown.quote_id == small.quote_id
    assert abs(grown.score - small.score) < 10


@pytest.mark.parametrize(
    ("speaker", "expected"), [("konashenkov", {2, 3, 9}), ("JIM  Mattis", {4}), ("nobody", set())]
)
def test_speaker_filter_inside_the_index(index, speaker, expected):
    index.add([(9, "Foreign fighters were seen crossing the border", "Igor Konashenkov")])
    hits = index.search("foreign fighters terrorist targets death", limit=10, min_score=0, speaker=speaker)
    found = {h.quote_id for h in hits}
    assert found <= expected and bool(found) == bool(expected)


class GrowingStore:
    """A store of rows whose change log reports every row added since a position."""

    def __init__(self, rows):
        self.rows, self.log = list(rows), [row[0] for row in rows]

    def current_seq(self):
        return len(self.log)

    def count_quotes(self):
        return len(self.rows)

    def index_rows(self, after_id=0, with_speaker=False):
        return iter(sorted(r for r in self.rows if r[0] > after_id))

    def changes_since(self, seq):
        return len(self.log), self.log[seq:], []

    def get_quotes(self, ids):
        wanted = set(ids)
        return [r for r in self.rows if r[0] in wanted]


@pytest.mark.parametrize("bulk_at", [1, 10**9])  # a big replay is appended in bulk; a small one one by one
def test_replaying_a_big_import_equals_a_fresh_build(monkeypatch, bulk_at):
    monkeypatch.setattr(index_core, "BULK_SYNC", bulk_at)
    first = random_corpus(3, 300)
    later = [(i + 1, text, f"Speaker {i % 7}") for i, (_, text, _) in enumerate(random_corpus(4, 500), 300)]
    store = GrowingStore(first)
    index = QuoteIndex.build(store.index_rows(), seq=store.current_seq())
    index.remove([5])
    store.rows.extend(later)
    store.log.extend(row[0] for row in later)
    assert index.sync(store) == len(later)
    fresh = QuoteIndex.build([r for r in store.rows if r[0] != 5])
    assert len(index) == len(fresh) == 799 and 5 not in index and 800 in index
    assert index.text(650) == later[349][1]
    for _, text, _ in later[::50] + first[::60]:
        claim = " ".join(text.split()[:5])
        ours = index.search(claim, limit=5, min_score=0)
        theirs = fresh.search(claim, limit=5, min_score=0)
        assert [h.quote_id for h in ours][:1] == [h.quote_id for h in theirs][:1]
        assert abs(ours[0].score - theirs[0].score) < 1.0
    speaker_hits = index.search(later[10][1], min_score=0, speaker="speaker 3")
    assert speaker_hits and all(h.quote_id >= 301 and (h.quote_id - 1) % 7 == 3 for h in speaker_hits)


def test_a_big_replay_into_an_empty_index_is_bulk_built(monkeypatch):
    monkeypatch.setattr(index_core, "BULK_SYNC", 10)
    store = GrowingStore([])
    index = QuoteIndex.build([], seq=0)
    rows = [(i + 1, text, "Ann Lee") for i, (_, text, _) in enumerate(random_corpus(5, 40))]
    store.rows.extend(rows)
    store.log.extend(row[0] for row in rows)
    assert index.sync(store) == 40 and len(index) == 40 and len(index.delta) == 0
    hits = index.search(rows[7][1], min_score=0, speaker="ann lee")
    assert hits[0].quote_id == 8


def test_vocabulary_knows_its_figures_as_terms_are_added():
    from service.search.index.vocab import Vocabulary

    vocab = Vocabulary(["troops", "40000", "left"])
    assert vocab.figures(np.array([0, 1, 2])).tolist() == [False, True, False]
    vocab.add("2.5")
    vocab.add("minister")
    assert vocab.figures(np.array([3, 4, 1])).tolist() == [True, False, True]


def test_a_claims_figure_slots_score_the_same_read_from_the_vocabulary_or_the_terms():
    index = QuoteIndex.build(
        [
            (1, "About 40,000 troops left the border region in March", None),
            (2, "Some 12,000 troops left the border region", None),
            (3, "Troops left the border region, 3 officials said on 5 May", None),
        ]
    )
    query, _ = index.analyze("45,000 troops left the border region")
    candidates = [
        index_searching.Candidate(q, index.main.terms_of(index.main.doc_of(q)), frozenset(), 1.0)
        for q in (1, 2, 3)
    ]
    score = index_searching.score_candidates
    with_vocab = score(query, candidates, index.idf_array, index.vocab.terms, 0.0, index.vocab.figures)
    from_terms = score(query, candidates, index.idf_array, index.vocab.terms, 0.0)
    assert with_vocab == from_terms and len(with_vocab) == 3
