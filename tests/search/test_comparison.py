"""Claim vs quote: number pairs and speaker cases from the fixture tables, dates, agreement, seed examples."""

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.models import Speaker, StoredArticle, StoredQuote
from service.search.claim_time import claim_time
from service.search.claims import analyse_claim
from service.search.comparison import check_numbers, check_speaker, compare, date_verdict
from service.search.figures import judge_numbers
from service.text.numbers import parse_quantities

TABLES = Path(__file__).parents[1] / "fixtures" / "comparison"
NUMBER_PAIRS = json.loads((TABLES / "number_pairs.json").read_text(encoding="utf-8"))["pairs"]

SIBERELL = Speaker("Justin Siberell", "Acting Coordinator for Counter Terrorism, US State Department")
ANTONOV = Speaker("Anatoly Antonov", "Deputy Defense Minister of Russia")
RT_2016 = StoredArticle(1, "Over 40,000 foreign militants from 100 countries", "2016-06-03", "RT", None, None)
ALALAM_2013 = StoredArticle(
    4, "Russia, Syria exchange data on foreign militants", "2013-07-12", "Alalam", None, None
)
EXCESS = StoredQuote(
    1,
    "an excess of 40,000 total foreign fighters [that] have gone to the conflict [in Syria] "
    "from over 100 countries",
    "direct",
    SIBERELL,
    said_on="2016-06-02",
    article=RT_2016,
)
ANTONOV_ISIL = StoredQuote(
    4,
    "Today some 25-30,000 foreign terrorist mercenaries are fighting for ISIL, including those from the "
    "Pacific Rim countries and, unfortunately, Russia too.",
    "direct",
    ANTONOV,
    said_on="2015-11",
    article=RT_2016,
)


def test_table_is_big_enough():
    assert len(NUMBER_PAIRS) >= 60


@pytest.mark.parametrize("pair", NUMBER_PAIRS, ids=[p["claim"][:50] for p in NUMBER_PAIRS])
def test_number_pairs(pair):
    assert [n.verdict for n in check_numbers(pair["claim"], pair["quote"])] == pair["expect"]


@pytest.mark.parametrize(
    ("claim", "quote", "paired"),
    [
        # The wrong figure is paired with the one said in the same words, not the nearer total.
        ("The rebels hold 12 of the country's districts", "The rebels hold 9 of the 14 districts", [(12, 9)]),
        (
            "Rebels now control 30 northern districts",
            "Rebels now control 22 northern districts of 34",
            [(30, 22)],
        ),
        # Both figures of the claim find their own partners.
        (
            "Rebels control 30 districts out of 34",
            "Rebels control 22 districts out of 34",
            [(30, 22), (34, 34)],
        ),
        # With no shared words the nearest value still decides.
        ("Some 900 volunteers signed up", "Between 700 and 1,000 joined, and 300 left", [(900, 850)]),
    ],
)
def test_a_claim_figure_pairs_with_the_statement_figure_said_in_the_same_words(claim, quote, paired):
    assert [(n.claim.value, n.quote.value) for n in check_numbers(claim, quote)] == paired


def test_seed_putin_claim_names_the_wrong_speaker_but_right_numbers():
    result = compare("Putin said 25-30 thousand foreign mercenaries are fighting for ISIL", ANTONOV_ISIL)
    assert (result.speaker.claim, result.speaker.quote, result.speaker.verdict) == (
        "Putin",
        "Anatoly Antonov",
        "conflicting",
    )
    assert [n.verdict for n in result.numbers] == ["consistent"]
    assert result.agreement == "conflicting"
    assert any("Anatoly Antonov" in reason for reason in result.reasons)


def test_seed_fifty_thousand_is_not_an_excess_of_forty_thousand():
    result = compare("50,000 foreign fighters from over 100 countries have gone to Syria", EXCESS)
    assert [(n.claim.value, n.quote.value, n.verdict) for n in result.numbers] == [
        (50_000, 40_000, "conflicting"),
        (100, 100, "consistent"),
    ]
    assert result.agreement == "conflicting"


def test_seed_more_than_forty_thousand_agrees():
    result = compare("more than 40,000 foreign fighters went to Syria", EXCESS)
    assert [n.verdict for n in result.numbers] == ["consistent"]
    assert (result.speaker, result.agreement) == (None, "consistent")


@pytest.mark.parametrize(
    ("claim", "words", "when"),
    [
        ("Putin said in 2015 that militants are fighting", "in 2015", "2015"),
        ("Antonov said last November that", "last November", "--11"),
        ("On June 2, 2016, Siberell said", "On June 2, 2016", "2016-06-02"),
        ("Assad said in November 2015 that", "in November 2015", "2015-11"),
        ("Rasmussen said on Friday that", "on Friday", "Friday"),
        ("Lavrov said last year that", "last year", ""),
        ("Antonov said Nov 4 that", "Nov 4", "--11-04"),
        # Short month names each give their own month (June, not May; August, not July).
        ("Putin said in Jun that", "in Jun", "--06"),
        ("Putin said in Aug that", "in Aug", "--08"),
        ("Putin said in Sept that", "in Sept", "--09"),
    ],
)
def test_claim_dates(claim, words, when):
    found = claim_time(claim)
    assert (found.words, found.when) == (words, when)
    assert claim[found.start : found.end] == words


@pytest.mark.parametrize("claim", ["Russia condemns extremism", "Lavrov recently said", "25 of 34 provinces"])
def test_claims_without_a_date(claim):
    assert claim_time(claim) is None


@pytest.mark.parametrize(
    ("when", "said_on", "published", "expect"),
    [
        ("2015", "2015-11", None, "consistent"),
        ("2015-11", "2015-11-04", None, "consistent"),
        ("2016", "2015-11", None, "conflicting"),
        ("2016-06-02", "2016-06-02", None, "consistent"),
        ("2016-06-01", "2016-06-02", None, "conflicting"),
        ("--11", "2015-11", None, "consistent"),
        ("--06", "2015-11", None, "conflicting"),
        ("--11", "2015", None, "unknown"),
        ("--11-04", "2015-11-04", None, "consistent"),
        ("--11-05", "2015-11-04", None, "conflicting"),
        ("--11-05", "2015-11", None, "consistent"),
        ("Thursday", "2016-06-02", None, "consistent"),
        ("Friday", "2016-06-02", None, "conflicting"),
        ("2015", None, "2013-07-12", "conflicting"),
        ("2012", None, "2013-07-12", "unknown"),
        ("", "2015-11", None, "unknown"),
    ],
)
def test_date_verdicts(when, said_on, published, expect):
    assert date_verdict(when, said_on, published) == expect


def test_date_checked_against_said_on_and_publication():
    said = compare("Siberell said on June 2, 2016 that fighters find it harder to cross", EXCESS)
    assert (said.date.claim_date, said.date.verdict, said.speaker.verdict) == (
        "2016-06-02",
        "consistent",
        "consistent",
    )
    later = StoredQuote(
        9,
        "up to 600 militants from Russia and Europe are fighting",
        "indirect",
        Speaker("Vladimir Putin"),
        article=ALALAM_2013,
    )
    result = compare("Putin said in 2015 that up to 600 militants are fighting", later)
    assert (result.date.verdict, result.agreement) == ("conflicting", "conflicting")


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Putin said in 2015 that up to 600 militants are fighting", "conflicting"),
        ("In 2015, Putin said up to 600 militants are fighting", "conflicting"),
        ("Up to 600 militants were fighting in 2015, Putin said", "unknown"),
        ("In 2013 up to 600 militants were fighting", "consistent"),
        ("Putin said in June 2013 that up to 600 militants are fighting", "consistent"),
    ],
)
def test_only_the_attribution_date_can_conflict(claim, verdict):
    quote = StoredQuote(
        9, "up to 600 militants are fighting", "indirect", Speaker("Vladimir Putin"), said_on="2013-06"
    )
    assert compare(claim, quote).date.verdict == verdict


def test_agreement_unknown_when_nothing_can_be_checked():
    result = compare("Foreign fighters bring bomb-making skills home", EXCESS)
    assert (result.numbers, result.speaker, result.date, result.agreement) == ((), None, None, "unknown")


def test_absent_number_alone_leaves_agreement_unknown():
    result = compare("Russia has sent 100,000 troops to Syria", ANTONOV_ISIL)
    assert [n.verdict for n in result.numbers] == ["unknown"]
    assert result.agreement == "unknown"


def test_unknown_speaker_does_not_conflict():
    anonymous = StoredQuote(5, "some 40,000 foreigners joined", "indirect", Speaker(None), article=RT_2016)
    result = compare("Obama said some 40,000 foreigners joined", anonymous)
    assert (result.speaker.verdict, result.agreement) == ("unknown", "consistent")


_figures = st.integers(min_value=1, max_value=10**9)
_qualifiers = st.sampled_from(["", "about ", "more than ", "up to ", "nearly ", "some "])


@given(_figures, _qualifiers)
def test_a_quantity_agrees_with_itself(n, qualifier):
    (q,) = parse_quantities(f"{qualifier}{n:,} people")
    assert judge_numbers(q, q) == "consistent"


@given(_figures, st.floats(min_value=1.5, max_value=100))
def test_figures_far_apart_disagree(n, factor):
    (claim,) = parse_quantities(f"{round(n * factor):,} people")
    (quote,) = parse_quantities(f"{n:,} people")
    assert judge_numbers(claim, quote) == "conflicting"


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("up to 100,000 fighters", "up to 30,000 fighters", "conflicting"),
        ("5,000 fighters", "more than 3,200 fighters", "conflicting"),
        ("over 35,000 fighters", "in excess of 40,000 fighters", "conflicting"),
        ("45,000 fighters", "in excess of 40,000 fighters", "conflicting"),
        ("42,000 fighters", "more than 40,000 fighters", "consistent"),
        ("40,000 fighters", "more than 40,000 fighters", "consistent"),
        ("over 40,000 fighters", "in excess of 40,000 fighters", "consistent"),
        ("37,000 fighters", "nearly 40,000 fighters", "consistent"),
        ("33,000 fighters", "up to 40,000 fighters", "conflicting"),
        ("roughly two hundred fighters", "about 200 fighters", "consistent"),
        ("between 25k and 30k fighters", "some 25-30 thousand fighters", "consistent"),
        ("under 1,500 fighters", "fewer than 15,000 fighters", "conflicting"),
        ("hundreds of fighters", "up to 600 fighters", "consistent"),
    ],
)
def test_figures_are_judged_the_same_both_ways(a, b, verdict):
    (qa,), (qb,) = parse_quantities(a), parse_quantities(b)
    assert judge_numbers(qa, qb) == judge_numbers(qb, qa) == verdict
    assert [n.verdict for n in check_numbers(a, b)] == [n.verdict for n in check_numbers(b, a)] == [verdict]


@pytest.mark.parametrize("pair", NUMBER_PAIRS, ids=[p["claim"][:50] for p in NUMBER_PAIRS])
def test_number_pairs_reversed(pair):
    """Every paired figure of the table gets the same verdict with claim and quote swapped."""
    for check in check_numbers(pair["claim"], pair["quote"]):
        if check.quote is not None:
            assert judge_numbers(check.quote, check.claim) == check.verdict


_kinds = st.sampled_from(["", "about ", "more than ", "up to ", "nearly ", "at least ", "fewer than "])


@given(_figures, _kinds, _figures, _kinds)
def test_judgement_is_symmetric(n, kind_n, m, kind_m):
    (a,) = parse_quantities(f"{kind_n}{n:,} people")
    (b,) = parse_quantities(f"{kind_m}{m:,} people")
    assert judge_numbers(a, b) == judge_numbers(b, a)


def test_every_check_gives_a_reason_in_one_vocabulary():
    result = compare("Siberell said on June 2, 2016 that 50,000 foreign fighters went to Syria", EXCESS)
    checks = [*result.numbers, result.speaker, result.date]
    assert {c.verdict for c in checks} <= {"consistent", "conflicting", "unknown"}
    assert all(c.reason for c in checks)
    assert result.reasons == tuple(c.reason for c in checks)
    assert "38,800-44,000" in result.numbers[0].reason  # the interval the rule read
    assert result.agreement == "conflicting"


def test_a_body_named_in_the_claim_is_its_official():
    result = compare("According to the State Department, more than 40,000 fighters went to Syria", EXCESS)
    assert (result.speaker.verdict, result.agreement) == ("consistent", "consistent")


def test_a_lower_case_opener_confirms_the_speaker_it_names_and_contradicts_no_one():
    named = check_speaker(analyse_claim("siberell says foreign fighters have gone to syria"), EXCESS)
    assert (named.claim, named.verdict) == ("siberell", "consistent")
    assert compare("siberell says foreign fighters have gone to syria", EXCESS).agreement == "consistent"
    # Words no vocabulary knows may be anything ("inflation says ..."): they never conflict.
    assert check_speaker(analyse_claim("antonov says foreign fighters have gone to syria"), EXCESS) is None
