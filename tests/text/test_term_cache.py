"""Cached term paths: exactly `content_terms` of the same text, numbers read in context."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.text.bulk_terms import WordTerms
from service.text.normalize import content_terms
from service.text.term_cache import cached_terms

# Pieces that interact across whitespace in the full normaliser: numbers, number words, multipliers,
# range and percent words, currency signs, brackets, apostrophes, hashtags, links and folded Unicode.
context_pieces = st.sampled_from(
    [
        "a",
        "one",
        "A",
        "to",
        "To",
        "per",
        "cent",
        "percent",
        "k",
        "K",
        "m",
        "bn",
        "mln",
        "tn",
        "thousand",
        "(thousand)",
        "[thousand]",
        "million,",
        "hundred",
        "twenty",
        "twenty-five",
        "forty",
        "for'ty",
        "two",
        "five.",
        "no",
        "5",
        "40",
        "40,",
        "000",
        "1.5",
        "2014,",
        "25-30",
        "-",
        "–",
        "—",
        "$",
        "$5",
        "€",
        "£3m",
        "%",
        "12%",
        "(",
        ")",
        "[in",
        "Syria]",
        "'",
        "'s",
        "k's",
        "k'x",
        "k-pop",
        "x-a",
        "a-",
        "to-day",
        "Russia's",
        "“moderate”",
        "don’t",
        "#StopTheSteal",
        "#G20",
        "https://t.co/x1",
        "www.x.com",
        "`",
        "①",
        "½",
        "²",
        "ﬁve",
        "Straße",
        "İstanbul",
        "５",
        "＄",
        "fighters",
        "said",
        "the",
        "U.S.",
        "0",
    ]  # fmt: skip
)
glues = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", " \u2009", "\u3000"])
pieced_text = st.lists(st.tuples(context_pieces, glues), max_size=30).map(
    lambda pieces: "".join(piece + glue for piece, glue in pieces)
)


@given(pieced_text)
def test_chunk_cache_gives_the_terms_of_the_whole_text(text):
    assert cached_terms(text) == content_terms(text)


@given(st.text(max_size=200))
def test_chunk_cache_agrees_on_any_text(text):
    assert cached_terms(text) == content_terms(text)


@pytest.mark.parametrize(
    "text",
    [
        "a (thousand) men, 5 more",  # "a thousand" meets once the brackets are gone, because of the 5
        "a (thousand) men",  # ... and does not without another number
        "5 k-pop",
        "5 k'x and for'ty",
        "x-a thousand",
        "40 , 000 people",
        "$ 5 m",
        "£3m ",
        "£3m",
    ],
)
def test_chunk_cache_reads_numbers_in_context(text):
    assert cached_terms(text) == content_terms(text)


def _batch_terms(texts: list[str]) -> list[list[str] | None]:
    """Terms per text through WordTerms.batch; None for a text it hands back."""
    terms: list[str] = []
    ids: dict[str, int] = {}

    def term_id(term: str) -> int:
        if term not in ids:
            ids[term] = len(terms)
            terms.append(term)
        return ids[term]

    words = WordTerms(term_id)
    plain = [f for f in map(words.folded, texts) if f is not None]
    text_of, term_ids, handed_back = words.batch(plain)
    out: list[list[str] | None] = [[] for _ in plain]
    for number, term_id in zip(text_of.tolist(), term_ids.tolist(), strict=True):
        out[number].append(terms[term_id])
    for number in handed_back:
        out[number] = None
    return out


@pytest.mark.parametrize(
    "text",
    ["a (thousand) men, 5 more", "a (thousand) men", "5 k-pop", "x-a thousand", "40 , 000 people", "$ 5 m",
     "$3m ", "$3m", "to 5 to", "25-30 thousand per cent of 40,000, and 2014, 200 people"],
)  # fmt: skip
def test_batches_read_numbers_in_context(text):
    assert sorted(_batch_terms([text, "spacer words"])[0]) == sorted(content_terms(text))


@given(st.lists(pieced_text | st.text(max_size=60), max_size=12))
def test_batches_give_the_terms_of_each_text(texts):
    plain = [t for t in texts if WordTerms.folded(t) is not None]
    for text, terms in zip(plain, _batch_terms(texts), strict=True):
        assert terms is None or sorted(terms) == sorted(content_terms(text))  # the index counts, not orders


def test_batches_cut_numbers_out_and_hand_back_odd_number_words():
    texts = ["Forty fighters crossed", "The fighters' leader's men didn't cross", "a thousand men", "for'ty"]
    batched = _batch_terms([*texts, "for'ty  men"])  # irregular spacing: "for'ty" is not seen as a number
    assert [sorted(terms) for terms in batched[:4]] == [sorted(content_terms(t)) for t in texts]
    assert batched[4] is None


@pytest.mark.parametrize("text", ["#StopTheSteal", "see www.x.com", "Ελλάδα", "https://x.y"])
def test_texts_that_need_context_are_not_batched(text):
    assert WordTerms.folded(text) is None


def test_curly_quotes_dashes_and_sharp_s_fold_into_the_batch():
    text = "Russia’s “moderate” rebels — 40 000 — in Straße"
    assert WordTerms.folded(text) is not None
    assert sorted(_batch_terms([text])[0]) == sorted(content_terms(text))
