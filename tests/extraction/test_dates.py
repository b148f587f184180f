"""Tests for dates: publication dates as sites print them, and when a statement was made."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.extraction.dating.printed_dates import parse_published
from service.extraction.dating.time_phrases import day_expressions, find_when, when_said
from service.text.calendar import WEEKDAYS


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("3 Jun, 2016 06:42", "2016-06-03T06:42"),
        ("BY JANE ROE - 03/07/24 9:05 AM ET", "2024-03-07T09:05"),  # two-digit year beside a 12-hour clock
        ("November 04, 2015", "2015-11-04"),
        ("Global Research, November 04, 2015", "2015-11-04"),
        ("4 November 2015", "2015-11-04"),
        ("Fri Jul 12, 2013 16:48:58", "2013-07-12T16:48:58"),
        ("2016-11-21", "2016-11-21"),
        ("2016-11-21T10:00:00Z", "2016-11-21T10:00:00"),
        ("Nov. 4, 2015", "2015-11-04"),
        ("Sept. 30, 2014", "2014-09-30"),
        ("Updated 10:32 AM ET, Thu June 2, 2016", "2016-06-02T10:32"),
        ("June 2, 2016 at 5:01 p.m. EDT", "2016-06-02T17:01"),
        ("Posted on 2nd of March 2015", "2015-03-02"),
        ("13/07/2013", "2013-07-13"),
        ("07/13/2013", "2013-07-13"),
        ("2016/11/21", "2016-11-21"),
        ("04.11.2015 10:15", "2015-11-04T10:15"),
        ("July 21, 2017 / 8:12 PM / Updated 2 hours ago", "2017-07-21T20:12"),
        # US outlets print slashed dates month first; the AM/PM clock or a US zone settles 04/09.
        ("04/09/2025 05:00 PM EDT", "2025-04-09T17:00"),
        ("Posted: 03/04/2025 / 06:12 PM CST", "2025-03-04T18:12"),
        ("Updated 11/05/2024 9:30 a.m. ET", "2024-11-05T09:30"),
        ("13/07/2013 1:00 PM", "2013-07-13T13:00"),  # a day over 12 settles it whatever the clock
    ],
)
def test_parse_published_formats(printed, iso):
    assert parse_published(printed) == iso


@pytest.mark.parametrize(
    "printed",
    [
        "",
        "no date here",
        "12/07/2013",
        "03/07/24",  # a two-digit year alone may be a fraction or a score
        "scored 3/7/24 in the game",
        "12/07/2013 14:30",  # a 24-hour clock is no US signal: the order stays unknown
        "31 February 2015",
        "02/30/2025 10:00 AM EST",
        "Posted 2 hours ago",
        "Page 12 of 40",
        "May 2015",
    ],
)
def test_parse_published_gives_none_without_one_certain_date(printed):
    assert parse_published(printed) is None


_FORMATS = ["%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%a %b %d, %Y %H:%M:%S", "%Y-%m-%d", "%d %b, %Y %H:%M"]


@given(st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)), st.sampled_from(_FORMATS))
def test_parse_published_round_trips_printed_dates(day, fmt):
    printed = dt.datetime(day.year, day.month, day.day, 16, 48, 58).strftime(fmt)
    assert parse_published(printed)[:10] == day.isoformat()


PUB = "2016-06-03T06:42"  # a Friday


@pytest.mark.parametrize(
    ("context", "said"),
    [
        ("Antonov said in November", "2015-11"),
        ("according to Siberell's statement Thursday", "2016-06-02"),
        ("the official said on Wednesday", "2016-06-01"),
        ("the official said on Friday", "2016-06-03"),
        ("she said Friday night", "2016-06-03"),
        ("he said last Friday", "2016-05-27"),
        ("he said yesterday", "2016-06-02"),
        ("he said today", "2016-06-03"),
        ("Last month, Putin said", "2016-05"),
        ("he said earlier this month", "2016-06"),
        ("Bortnikov said in May", "2016-05"),
        ("said in June", "2016-06"),
        ("said last June", "2015-06"),
        ("said in July", "2015-07"),
        ("he said on March 3", "2016-03-03"),
        ("he said on June 4", "2015-06-04"),
        ("he said on 4 March", "2016-03-04"),
        ("he said on March 3, 2015", "2015-03-03"),
        ("Lavrov said in 2014", "2014"),
        ("Assad told EFE in 2015.", "2015"),
        ("in a 2014 interview, he said", "2014"),
        ("said in early May 2015", "2015-05"),
        ("said at the end of October", "2015-10"),
        ("said in October last year", "2015-10"),
        ("said in March this year", "2016-03"),
        ("said on Monday last week", "2016-05-23"),
        ("said on Friday last week", "2016-05-27"),
        ("said on Nov. 4", "2015-11-04"),
        ("Lavrov, who visited Damascus in 2014, said on Monday", "2016-05-30"),
        ("Earlier, the minister said on Wednesday", "2016-06-01"),
        ("he once again said on Thursday", "2016-06-02"),
        ("he said last year", "2015"),
        ("two days ago, she said", "2016-06-01"),
        ("six months ago, he said", "2015-12"),
        ("told RIA Novosti earlier this week", None),
        ("said last week", None),
        ("said in the past", None),
        ("said recently", None),
        ("said in a recent interview", None),
        ("will say next Monday", None),
        ("the official said", None),
        ("it may be true, he said", None),
    ],
)
def test_when_said_resolves_against_publication(context, said):
    assert when_said(context, PUB) == said


@pytest.mark.parametrize(
    ("context", "said"),
    [
        ("said on Wednesday", None),
        ("said last month", None),
        ("said in November", None),
        ("said yesterday", None),
        ("said in 2014", "2014"),
        ("said on March 3, 2015", "2015-03-03"),
        ("said in November 2015", "2015-11"),
    ],
)
def test_without_publication_only_absolute_dates_resolve(context, said):
    assert when_said(context, None) == said


@pytest.mark.parametrize(
    ("context", "said"),
    [
        # A relative clause's time is the aside's, not the statement's.
        ("Okoye, who transferred from Utah two years ago, said", None),
        ("Ruiz, who opened his bakery in 2012, said on Monday", "2016-05-30"),
        ("the mayor, whose term ended last year, told reporters", None),
        # a "who" clause inside an appositive has no comma of its own
        ("Lee, a nurse from Ohio who testified in March, said in an email Wednesday", "2016-06-01"),
        # A time that modifies a noun is not when anyone spoke; a weekday's event still dates it.
        ("said she had watched last year's final", None),
        ("said after Tuesday's vote", "2016-05-31"),
        # A "when"/"where" clause is only a fallback, as before.
        ("said on Thursday, when the talks resumed last week", "2016-06-02"),
    ],
)
def test_times_in_asides_and_noun_modifiers_do_not_date_the_statement(context, said):
    assert when_said(context, PUB) == said


def test_day_expressions_give_every_single_day_with_offsets():
    text = "The board voted Tuesday night, a week after the May 24 hearing, and met again on Thursday."
    found = day_expressions(text, PUB)
    assert [(text[s:e], iso) for s, e, iso in found] == [
        ("Tuesday night", "2016-05-31"),
        ("May 24", "2016-05-24"),
        ("on Thursday", "2016-06-02"),
    ]
    assert day_expressions("prices rose last month and in 2014", PUB) == []


def test_find_when_gives_the_phrase_and_its_offsets():
    context = "Bogdanov told RIA Novosti earlier this week that"
    phrase, start, end = find_when(context)
    assert phrase == "earlier this week" == context[start:end]
    assert find_when("the official said") is None


@given(st.dates(dt.date(1995, 1, 1), dt.date(2035, 12, 31)), st.sampled_from(WEEKDAYS), st.booleans())
def test_weekday_is_latest_on_or_before_publication(published, weekday, last):
    said = dt.date.fromisoformat(
        when_said(f"said {'last ' if last else 'on '}{weekday.title()}", published.isoformat())
    )
    assert said.strftime("%A").lower() == weekday
    gap = (published - said).days
    assert (1 <= gap <= 7) if last else (0 <= gap <= 6)


@given(st.dates(dt.date(1995, 1, 1), dt.date(2035, 12, 31)), st.integers(1, 12))
def test_month_is_latest_on_or_before_publication(published, month):
    name = dt.date(2000, month, 1).strftime("%B")
    said = when_said(f"said in {name}", published.isoformat())
    year, got_month = map(int, said.split("-"))
    assert got_month == month
    months_back = (published.year - year) * 12 + published.month - month
    assert 0 <= months_back <= 11


_RELATIVE = [
    "on Monday",
    "last Sunday",
    "yesterday",
    "today",
    "last month",
    "this month",
    "in March",
    "last December",
    "at the end of October",
    "on June 4",
    "on 29 February",
    "three days ago",
    "two months ago",
    "last year",
    "on Friday last week",
]


@given(
    st.dates(dt.date(1995, 1, 1), dt.date(2035, 12, 31)),
    st.sampled_from(_RELATIVE),
    st.sampled_from(["The minister said {}", "{}, he told reporters", "she said in an interview {}"]),
)
def test_relative_dates_never_land_after_publication(published, phrase, frame):
    context = frame.format(phrase)
    said = when_said(context, published.isoformat())
    assert said is not None
    assert said <= published.isoformat()[: len(said)]
    found = find_when(context)
    assert found and context[found[1] : found[2]] == found[0]
