"""Where a reported clause starts after a cue: "that", a bare clause, adjuncts, tags inside a sentence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.extraction.attribution.clauses import (
    bare_clause,
    clause_after,
    clause_after_tag,
    only_adjuncts_after,
)


@pytest.mark.parametrize(
    "rest",
    [
        " he would resign at the end of the month.",
        " firefighters contained the blaze before it reached the warehouse.",
        " rising rents in the downtown core could push families out.",
        " flour prices come up every week.",
        " its wells draw from a deeper aquifer.",
        " they feel forgotten by the city.",
        " the storm's slow movement, about 5 mph, meant rain would linger.",
    ],
)
def test_bare_clauses(rest):
    assert bare_clause(rest)


@pytest.mark.parametrize(
    "rest",
    [
        " goodbye to the staff on Friday and left.",
        " nothing about the settlement when asked.",
        " scores of lives.",
        " has significantly contributed to the setbacks.",
        ", revealing that the group employs 30,000 fighters.",
        " to be considering a sale.",
        " a string of eye-roll emojis.",
        " the words slowly.",
        "",
    ],
)
def test_words_that_are_no_clause(rest):
    assert not bare_clause(rest)


@pytest.mark.parametrize(
    ("sentence", "verb", "clause"),
    [
        ("Smith said on Friday in a statement that the plan had failed.", "said", "the plan had failed."),
        ("Smith told investigators the two men had argued.", "told", "the two men had argued."),
        ("Smith told the committee that prices would rise.", "told", "prices would rise."),
        ("Smith warned that the dam could fail.", "warned", "the dam could fail."),
        (
            "Smith said Monday night the state would not raise taxes.",
            "said",
            "the state would not raise taxes.",
        ),
        ("Smith said, without elaborating, that the deal was close.", "said", "the deal was close."),
        ("Smith said on X, formerly Twitter, that the vote was Friday.", "said", "the vote was Friday."),
    ],
)
def test_clause_after_a_cue(sentence, verb, clause):
    at = sentence.index(verb) + len(verb)
    start = clause_after(sentence, at, len(sentence), verb)
    assert start is not None and sentence[start:] == clause


def test_no_clause_after_told_without_an_object():
    sentence = "Smith told the story of her escape many times."
    assert clause_after(sentence, len("Smith told"), len(sentence), "told") is None


def test_tag_inside_a_sentence():
    sentence = "During the first week, she recalls, the machine got stuck on a ledge."
    at = sentence.index("recalls") + len("recalls")
    start = clause_after_tag(sentence, at, len(sentence), "recalls")
    assert sentence[start:] == "the machine got stuck on a ledge."
    assert clause_after_tag("The plan failed, she said.", 23, 26, "said") is None


@pytest.mark.parametrize("tail", [" on Friday.", " in a statement.", ", adding that it would appeal.", "."])
def test_only_adjuncts_after_a_trailing_cue(tail):
    sentence = "The plan failed, Smith said" + tail
    assert only_adjuncts_after(sentence, len("The plan failed, Smith said"), len(sentence), "said")


@given(st.text(alphabet=st.sampled_from(list("ab ,.'\"-that said")), max_size=80))
def test_clause_start_stays_inside_the_sentence(text):
    start = clause_after(text, 0, len(text), "said")
    assert start is None or 0 <= start <= len(text)
    tagged = clause_after_tag(text, 0, len(text), "said")
    assert tagged is None or 0 <= tagged <= len(text)


@pytest.mark.parametrize(
    "rest",
    ["the firm \u201ctakes these allegations seriously.\u201d", 'the board "will meet again" next month'],
)
def test_a_quoted_verb_still_makes_a_bare_clause(rest):
    assert bare_clause(rest)


def test_a_pronoun_subject_opens_the_clause_before_a_later_that():
    text = "Ruiz said he meets with families of crew members in a town that has lost 40 boats this year."
    at = text.index("said") + len("said")
    assert text[clause_after(text, at, len(text), "said") :].startswith("he meets")
    text = "Ruiz told the committee that the pier was unsafe."
    at = text.index("told") + len("told")
    assert text[clause_after(text, at, len(text), "told") :].startswith("the pier")
