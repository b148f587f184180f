"""Provenance: one statement carried by several outlets is one group, first reported by the earliest."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from service.models import Speaker, StoredArticle, StoredQuote
from service.search.provenance import (
    TRIMMED_MIN,
    _contained,
    _letters,
    first_reported,
    group_quotes,
    provenance,
    same_statement,
    statement_key,
)

ANTONOV = Speaker("Anatoly Antonov", "Deputy Defense Minister of Russia")
TAIL = (
    " foreign terrorist mercenaries are fighting for ISIL, including those from the Pacific Rim countries "
    "and, unfortunately, Russia too. Should they return home, carrying the potential for violence and "
    "extremism, they will be preaching radical ideas in our countries or will organize subversive activities"
)
RT_2016 = StoredArticle(1, "Over 40,000 foreign militants", "2016-06-03", "RT", None, None)
GR_2015 = StoredArticle(
    2, "25,000-30,000 Foreign Mercenaries in Syria", "2015-11-04", "Global Research", "RT", None
)
BLOG = StoredArticle(3, "Many foreign fighters likely to stay", None, None, None, None)


def quote(qid: int, text: str, article: StoredArticle | None, speaker: Speaker = ANTONOV) -> StoredQuote:
    return StoredQuote(qid, text, "direct", speaker, article=article)


RT_COPY = quote(4, "Today some 25-30,000" + TAIL, RT_2016)
GR_COPY = quote(18, "Today some 25-30 thousand" + TAIL, GR_2015)
OTHER = quote(21, "Islamic State militants have already settled in 25 Afghan provinces out of 34", GR_2015)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Today some 25-30,000" + TAIL, "Today some 25-30 thousand" + TAIL),
        (
            "an excess of 40,000 total foreign fighters [that] have gone to the conflict [in Syria]",
            "an excess of 40,000 total foreign fighters that have gone to the conflict in Syria",
        ),
        (
            "“We know a good bit. We just don’t have information that would confirm his death.”",
            '"We know a good bit. We just don\'t have information that would confirm his death."',
        ),
        (
            "The aviation and other means are deployed exclusively against the terrorist formations on the "
            "territory of Syria.",
            "The aviation and other means are deployed exclusively against terrorist formations in Syria.",
        ),
        (
            "More than 3,200 Russian citizens have left for the conflict zone, the ministry said",
            "more than 3200 Russian citizens have left for the conflict zone",
        ),
    ],
)
def test_same_statement(a, b):
    assert same_statement(a, b) and same_statement(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Today some 25-30,000" + TAIL, "Today some 35-40,000" + TAIL),  # same words, other figures
        (
            "an excess of 40,000 foreign fighters have gone to Syria",
            "up to 30,000 foreign extremists joined IS",
        ),
        ("Russia condemns the use of extremist groups", "Russia welcomes the use of diplomatic channels"),
        ("", "anything"),
        (
            "The ministry said it would continue air strikes",
            "The ministry said it would continue peace talks",
        ),
    ],
)
def test_not_same_statement(a, b):
    assert not same_statement(a, b)


def test_seed_antonov_quote_is_one_group_first_reported_in_2015():
    groups = group_quotes([RT_COPY, OTHER, GR_COPY])
    assert [[q.id for q in g.quotes] for g in groups] == [[4, 18], [21]]
    antonov = groups[0]
    assert antonov.first_reported.published == "2015-11-04"
    assert antonov.first_reported.outlet == "Global Research"
    assert antonov.first_reported.original_outlet == "RT"
    assert [r.article_id for r in antonov.reported_in] == [2, 1]
    assert antonov.representative.id == 18  # without scores the earliest copy stands for the group


def test_representative_is_best_scored():
    (group,) = group_quotes([GR_COPY, RT_COPY], scores={4: 97.0, 18: 91.0})
    assert group.representative.id == 4
    assert group.first_reported.article_id == 2


def test_unknown_dates_come_last():
    undated = quote(30, "Today some 25-30,000" + TAIL, BLOG)
    (group,) = group_quotes([undated, RT_COPY])
    assert [r.published for r in group.reported_in] == ["2016-06-03", None]
    assert group.first_reported.article_id == 1
    (alone,) = group_quotes([undated])
    assert alone.first_reported.article_id == 3


def test_first_reported_article():
    assert first_reported([RT_2016, BLOG, GR_2015]) == GR_2015
    assert first_reported([BLOG]) == BLOG
    assert first_reported([]) is None


def test_imported_statement_without_article():
    imported = quote(40, "Today some 25-30,000" + TAIL, None)
    (group,) = group_quotes([imported, GR_COPY])
    assert [(r.quote_id, r.article_id) for r in group.reported_in] == [(18, 2), (40, None)]


def test_different_named_speakers_are_not_one_statement():
    echo = quote(50, "Today some 25-30,000" + TAIL, RT_2016, Speaker("Sergey Lavrov"))
    unresolved = quote(51, "Today some 25-30,000" + TAIL, RT_2016, Speaker("the official", anonymous=True))
    groups = group_quotes([GR_COPY, echo, unresolved])
    assert [[q.id for q in g.quotes] for g in groups] == [[18, 51], [50]]


def test_provenance_of_one_quote():
    group = provenance(RT_COPY, [OTHER, GR_COPY, RT_COPY])
    assert {q.id for q in group.quotes} == {4, 18}
    assert group.first_reported.published == "2015-11-04"


def test_statement_key_folds_numbers_brackets_and_quotes():
    assert statement_key("“Some 25-30 thousand [foreign] fighters”") == statement_key(
        '"some 25-30,000 fighters"'
    )


_WORDS = ["the", "army", "said", "forty", "fighters", "left", "home", "today", "while", "others", "stayed"]
_sentences = st.lists(st.sampled_from(_WORDS), min_size=3)


@given(_sentences)
def test_a_statement_is_the_same_as_itself(words):
    text = " ".join(words)
    assert same_statement(text, text) and same_statement(text, text.upper() + ".")


@given(_sentences, _sentences)
def test_same_statement_is_symmetric(a, b):
    assert same_statement(" ".join(a), " ".join(b)) == same_statement(" ".join(b), " ".join(a))


_letters_typed = st.text(alphabet="abcdefghij klmñé", min_size=1, max_size=80)


@given(_letters_typed, _letters_typed, st.integers(0, 80), _letters_typed)
def test_counting_characters_never_rules_out_a_trimmed_copy(shorter, before, cut, after):
    # A part of a text, edited or not, set inside other text: whenever fuzz.partial_ratio accepts it,
    # the character count (the cheap test run first) must have let it through.
    longer = before + shorter[:cut] + shorter[cut + 1 :] + after
    if len(shorter) > len(longer):
        shorter, longer = longer, shorter
    rows = np.stack([_letters(shorter), _letters(longer)])
    if fuzz.partial_ratio(shorter, longer) >= TRIMMED_MIN:
        assert _contained(rows)[0][1]


def test_groups_are_the_same_whichever_quotes_are_compared_first():
    texts = [
        "We will not leave the region until the fighting stops, he said",
        "We will not leave the region until the fighting stops",
        "Prices rose by 4 percent in March",
        "the region until the fighting stops",
        "Prices rose 4% in March, the office said",
    ]
    quotes = [quote(i + 1, t, None) for i, t in enumerate(texts)]
    groups = [sorted(q.id for q in g.quotes) for g in group_quotes(quotes)]
    for i, a in enumerate(texts):
        for j, b in enumerate(texts):
            together = any(i + 1 in g and j + 1 in g for g in groups)
            assert same_statement(a, b) <= together  # every pair judged the same is in one group
