"""The pages' pure rendering rules: highlighted runs, the article cut at statements, badges, dates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.web.render import (
    article_layout,
    by_time,
    chosen_pieces,
    comparison_checks,
    highlight_runs,
    kind_note,
    readable_date,
    scores_explained,
    source_label,
    stated_meaning,
    tone,
)


def joined(runs) -> str:
    return "".join(run.text for run in runs)


def test_highlights_merge_overlaps_and_keep_every_character():
    runs = highlight_runs("foreign fighters have gone", [{"start": 8, "end": 16}, {"start": 0, "end": 10}])
    assert [(run.text, run.marked) for run in runs] == [
        ("foreign fighters", True),
        (" have gone", False),
    ]


@pytest.mark.parametrize(
    "spans",
    [None, [], [{"start": 5, "end": 2}], [{"start": "a", "end": 3}], [{"start": -4, "end": 999}]],
)
def test_bad_highlight_spans_never_lose_text(spans):
    runs = highlight_runs("short text", spans)
    assert joined(runs) == "short text"


spans = st.lists(st.fixed_dictionaries({"start": st.integers(-5, 60), "end": st.integers(-5, 60)}))


@given(st.text(max_size=50), spans)
def test_highlight_runs_always_rebuild_the_text(text, given_spans):
    runs = highlight_runs(text, given_spans)
    assert joined(runs) == text
    marked = [run for run in runs if run.marked]
    assert all(run.text for run in marked)


TEXT = 'Intro. "We will cut 40 jobs," the mayor said, "and no more." Later, the clerk said rents rose.'


def quote(id_, start, end, parts=None):
    return {"id": id_, "start": start, "end": end, "parts": parts or [{"start": start, "end": end}]}


def test_article_layout_puts_the_chosen_statement_in_one_stretch():
    first = TEXT.index("We will")
    first_end = TEXT.index(',"') + 1
    second = TEXT.index("and no more")
    second_end = TEXT.index('."') + 1
    split = quote(
        1, first, second_end, [{"start": first, "end": first_end}, {"start": second, "end": second_end}]
    )
    reported = quote(2, TEXT.index("rents"), TEXT.index("rose.") + 4)
    layout = article_layout(TEXT, [split, reported], chosen_id=1)

    assert joined(layout.before) + joined(layout.chosen) + joined(layout.after) == TEXT
    assert joined(layout.chosen) == TEXT[first:second_end]
    # The attribution between the pieces is inside the stretch but not part of the statement.
    between = [run.text for run in layout.chosen if not run.marked]
    assert between == ['" the mayor said, "']
    assert all(1 in run.statements for run in layout.chosen if run.marked)
    assert any(run.statements == (2,) for run in layout.after)


def test_article_layout_without_a_chosen_statement_marks_nothing():
    layout = article_layout(TEXT, [quote(1, 7, 20)], chosen_id=None)
    assert not layout.chosen and not layout.after
    assert joined(layout.before) == TEXT
    assert not any(run.marked for run in layout.before)
    assert [run.statements for run in layout.before if run.statements] == [(1,)]


def test_article_layout_clips_offsets_past_the_text():
    layout = article_layout("tiny", [quote(1, 2, 50), quote(2, 9, 12)], chosen_id=1)
    assert joined(layout.before) == "ti" and joined(layout.chosen) == "ny" and layout.after == []


@given(
    st.text(min_size=1, max_size=40),
    st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45)), max_size=5),
    st.integers(0, 5),
)
def test_article_layout_always_rebuilds_the_text(text, bounds, chosen):
    quotes = [quote(i, start, end) for i, (start, end) in enumerate(bounds)]
    layout = article_layout(text, quotes, chosen_id=chosen)
    assert joined(layout.before) + joined(layout.chosen) + joined(layout.after) == text


def test_comparison_checks_read_every_check_generically():
    comparison = {
        "numbers": [
            {"claim": {"text": "60,000"}, "verdict": "conflicting", "reason": "the statement says 40,000"},
        ],
        "speaker": {"claim": "the State Department", "quote": "Justin Siberell", "verdict": "consistent"},
        "date": None,
        "venue": {"verdict": "unknown", "reason": "the claim names no venue"},  # a check added later
        "agreement": "conflicting",
        "reasons": ["the statement says 40,000"],
    }
    checks = comparison_checks(comparison)
    assert [(c.label, c.verdict, c.tone, c.badge) for c in checks] == [
        ("Figure", "conflicting", "conflicts", "differs"),
        ("Speaker", "consistent", "agrees", "matches"),
        ("Venue", "unknown", "unknown", "can't tell"),
    ]
    assert checks[0].reason == "the statement says 40,000"
    # Both sides are said plainly, with or without a reason sentence.
    assert (checks[0].claim_says, checks[0].statement_says) == ("60,000", "gives no such figure")
    assert (checks[1].claim_says, checks[1].statement_says) == ("the State Department", "Justin Siberell")
    assert checks[1].reason is None
    assert (checks[2].claim_says, checks[2].statement_says) == (None, None)
    assert comparison_checks(None) == []


def test_a_wrong_figure_check_shows_both_figures_with_what_they_count():
    comparison = {
        "numbers": [
            {
                "claim": {"text": "60,000", "counts": "fighters"},
                "quote": {"text": "an excess of 40,000", "counts": "fighters"},
                "verdict": "conflicting",
                "reason": "claim's 60,000 fighters does not match the statement's 40,000",
            }
        ],
        "speaker": {
            "claim": "the State Department",
            "quote": "Justin Siberell",
            "quote_role": "envoy",
            "verdict": "consistent",
        },
        "date": {"claim": "in 2019", "quote": "2016-06-02", "verdict": "conflicting"},
    }
    figure, speaker, when = comparison_checks(comparison)
    assert (figure.claim_says, figure.statement_says) == ("60,000 fighters", "an excess of 40,000 fighters")
    assert (speaker.claim_says, speaker.statement_says) == ("the State Department", "Justin Siberell")
    assert (when.claim_says, when.statement_says, when.badge) == ("in 2019", "2 June 2016", "differs")


def test_chosen_pieces_mark_each_part_and_leave_the_attribution_between_unmarked():
    first, first_end = TEXT.index("We will"), TEXT.index(',"') + 1
    second, second_end = TEXT.index("and no more"), TEXT.index('."') + 1
    split = quote(
        1, first, second_end, [{"start": first, "end": first_end}, {"start": second, "end": second_end}]
    )
    # A second statement overlapping the first part cuts its runs; the part is still one piece.
    inner = quote(2, TEXT.index("40 jobs"), TEXT.index("40 jobs") + 7)
    layout = article_layout(TEXT, [split, inner], chosen_id=1)
    assert chosen_pieces(layout.chosen) == [
        (True, "We will cut 40 jobs,"),
        (False, '" the mayor said, "'),
        (True, "and no more."),
    ]
    single = article_layout(TEXT, [inner, quote(3, first, first_end)], chosen_id=3)
    assert chosen_pieces(single.chosen) == [(True, "We will cut 40 jobs,")]


@pytest.mark.parametrize(
    "verdict, expected",
    [
        ("consistent", "agrees"),
        ("same", "agrees"),
        ("conflicting", "conflicts"),
        ("inconsistent", "conflicts"),
        ("different", "conflicts"),
        ("unknown", "unknown"),
        ("absent", "unknown"),
        (None, "unknown"),
    ],
)
def test_verdict_tones(verdict, expected):
    assert tone(verdict) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2016-06-02", "2 June 2016"),
        ("2016-06", "June 2016"),
        ("2016", "2016"),
        ("2016-06-03T06:42", "3 June 2016, 06:42"),
        ("2016-06-03 06:42:10", "3 June 2016, 06:42"),
        ("2016-02-30", "2016-02-30"),  # not a date: shown as stored
        ("sometime", "sometime"),
        (None, None),
        ("", None),
    ],
)
def test_readable_dates(value, expected):
    assert readable_date(value) == expected


def test_by_time_orders_by_when_said_else_published_and_keeps_undated_last():
    quotes = [
        {"id": 1, "said_on": None, "article": {"published": None}},
        {"id": 2, "said_on": "2016-06-02", "article": {"published": "2016-06-03"}},
        {"id": 3, "said_on": None, "article": {"published": "2015-11-20T10:00"}},
        {"id": 4, "said_on": "2014", "article": None},
    ]
    assert [q["id"] for q in by_time(quotes)] == [4, 3, 2, 1]


def test_kind_notes_say_when_words_are_not_the_speakers_own():
    assert kind_note("direct") is None and kind_note(None) is None
    assert kind_note("indirect").startswith("Reported speech")
    assert kind_note("mixed").startswith("Partly quoted")


def test_source_labels_and_score_meaning():
    assert source_label("text") == "from the article text"
    assert source_label("metadata") == "from the corpus metadata file"
    assert source_label(None) == "source not recorded"
    match = {"explanation": {"scorer": "claimtrace.weighted_overlap"}}
    assert stated_meaning(match) is None
    assert "claimtrace.weighted_overlap" in scores_explained(match)
    stated = "0-100, an estimate in percent that this is the source: of matches scoring s, s% were."
    assert scores_explained(match, stated) == (
        "Score: 0-100, an estimate in percent that this is the source: of matches scoring s, s% were"
        " (scorer: claimtrace.weighted_overlap)."
    )
    assert scores_explained(match, stated, brief=True) == (
        "Score: 0-100, an estimate in percent that this is the source."
    )
    assert stated_meaning({"score_meaning": "a strong match"}) == "a strong match"
