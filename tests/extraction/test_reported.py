"""Reported speech in one sentence: each reader and each cue form alone, then the order they are tried in."""

from __future__ import annotations

import pytest

from service.extraction.attribution.according import (
    according_closing,
    according_middle,
    according_opening,
    source_mention,
)
from service.extraction.attribution.cued import (
    CUE_FORMS,
    SPENT,
    clause_after_cue,
    find_cued,
    mid_sentence_tag,
    read_cue,
    trailing_attribution,
)
from service.extraction.attribution.reported import READERS, find_reported, relayed
from service.extraction.attribution.reported_span import trim_clause
from service.extraction.cues import CUE_RE


def _read(reader, sentence):
    found = reader(sentence, 0, len(sentence))
    if found is None:
        return None
    return sentence[found.start : found.end], found.mention.name or found.mention.text, found.cue


def _cue(sentence, word):
    match = next(m for m in CUE_RE.finditer(sentence) if m.group("verb") == word)
    return read_cue(sentence, 0, len(sentence), match)


def test_according_opening():
    assert _read(according_opening, "According to the county audit, the fund was short by $2 million.") == (
        "the fund was short by $2 million",
        "county audit",
        "according to",
    )
    assert _read(according_opening, "According to plan, the ferry left at noon.") is None


def test_according_middle():
    sentence = "The new levy, according to two council aides, would pay for the seawall."
    text, who, _ = _read(according_middle, sentence)
    assert text == "The new levy, according to two council aides, would pay for the seawall"
    assert who == "two council aides"
    assert _read(according_middle, "The levy, according to aides, passed.") is None  # too short to stand


def test_according_middle_keeps_a_long_opening_that_the_sentence_goes_on_from():
    sentence = "Missing from the talks, according to members who spoke with reporters, was any word on fares."
    text, who, _ = _read(according_middle, sentence)
    assert text == sentence[:-1]
    assert who == "members"
    # A gloss after the source, no verb of its own: the statement ends before the source.
    sentence = (
        "Ruiz leads Hale 47% to 44% among voters, according to a harbour poll, within the margin of error."
    )
    assert _read(according_middle, sentence)[0] == "Ruiz leads Hale 47% to 44% among voters"


@pytest.mark.parametrize(
    ("source", "kind", "name"),
    [
        ("the Bureau of Harbour Statistics", "org", "Bureau of Harbour Statistics"),  # a body, not data
        ("people familiar with the ferry line's plans", "description", "people"),  # people, not a manner
        ("three people briefed on the talks", "description", "three people"),
        ("members who spoke with reporters afterward", "description", "members"),
    ],
)
def test_according_to_sources_that_end_like_data_or_a_manner(source, kind, name):
    mention = source_mention(source, 0)
    assert mention is not None and (mention.kind, mention.name) == (kind, name)
    assert mention.anonymous == (kind == "description")


@pytest.mark.parametrize("source", ["plan", "the plans", "state figures", "census data", "U.N. estimates"])
def test_according_to_data_or_a_manner_names_no_source(source):
    assert source_mention(source, 0) is None


def test_according_closing():
    sentence = "In a filing on Monday, the ferry line ran out of cash last winter, according to the trustee."
    assert _read(according_closing, sentence) == (
        "the ferry line ran out of cash last winter",
        "trustee",
        "according to",
    )
    assert _read(according_closing, "The rate rose to 6 percent, according to state figures.") is None


@pytest.mark.parametrize(
    ("source", "kind", "name"),
    [
        ("Mayor Lena Ortiz", "name", "Lena Ortiz"),
        ("a count by the Harbor Gazette", "study", "count by the Harbor Gazette"),
        ("the city's statement", "study", "city"),  # the statement's author is the source
    ],
)
def test_source_mentions(source, kind, name):
    mention = source_mention(source, 0)
    assert (mention.kind, mention.name) == (kind, name)


def test_no_source_for_data_or_manner():
    assert source_mention("official estimates", 0) is None
    assert source_mention("schedule", 0) is None


def test_clause_after_cue():
    cue = _cue("Mayor Lena Ortiz said on Friday that the pier would reopen in June.", "said")
    found = clause_after_cue(cue)
    assert (found.start, found.mention.name) == (len("Mayor Lena Ortiz said on Friday that "), "Lena Ortiz")
    assert clause_after_cue(_cue("Mayor Lena Ortiz said that it was.", "said")) is SPENT


def test_trailing_attribution_and_inverted():
    sentence = "The pier will reopen in June after the repairs, Mayor Lena Ortiz said Friday."
    found = trailing_attribution(_cue(sentence, "said"))
    assert sentence[found.start : found.end] == "The pier will reopen in June after the repairs"
    inverted = "The pier will reopen in June after the repairs, said Lena Ortiz, the mayor."
    cue = _cue(inverted, "said")
    assert cue.inverted and cue.mention.name == "Lena Ortiz"
    assert clause_after_cue(cue) is None  # an inverted cue governs no clause after it
    assert inverted[trailing_attribution(cue).start : trailing_attribution(cue).end].endswith("repairs")


def test_mid_sentence_tag():
    sentence = "The new rules, the mayor said, would take effect in May."
    cue = _cue(sentence, "said")
    assert trailing_attribution(cue) is None
    found = mid_sentence_tag(cue)
    assert sentence[found.start : found.end] == "The new rules, the mayor said, would take effect in May"


def test_cue_checks_refuse_negated_passive_and_findings():
    assert _cue("The mayor declined to say whether the pier would reopen soon.", "say") is None
    assert _cue("It is said that the pier would reopen in June.", "said") is None
    assert _cue("Ortiz found the pier would need three more months.", "found") is None
    assert _cue("The county study found the pier would need more work.", "found") is not None


def test_cue_forms_are_tried_in_order():
    assert [name for name, _ in CUE_FORMS] == ["clause_after_cue", "trailing_attribution", "mid_sentence_tag"]
    # a later cue is read when the first states nothing
    sentence = "Ortiz never said it, but the harbor official told reporters the pier would reopen in June."
    found = find_cued(sentence, 0, len(sentence))
    assert sentence[found.start : found.end] == "the pier would reopen in June"


def test_readers_order_prefers_the_nearer_speaker_over_a_closing_according_to():
    assert [name for name, _ in READERS] == [
        "according_opening",
        "cued",
        "according_middle",
        "according_closing",
    ]
    sentence = "Engineers warned that the seawall could fail within a decade, according to a county memo."
    found = find_reported(sentence, 0, len(sentence))
    assert found.cue == "warned" and found.mention.text == "Engineers"


def test_a_dateline_is_neither_speaker_nor_statement():
    sentence = "LAKEVILLE (AP) \u2014 County officials said the ferry would stop running in May."
    found = find_reported(sentence, 0, len(sentence))
    assert sentence[found.start : found.end] == "the ferry would stop running in May"
    assert found.mention.text == "County officials"


def test_words_passed_on_go_to_who_first_said_them():
    sentence = "Ortiz said a harbor engineer had told her the pilings were rotten."
    outer = find_reported(sentence, 0, len(sentence))
    inner = relayed(sentence, outer)
    assert sentence[inner.start : inner.end] == "the pilings were rotten"
    assert inner.mention.anonymous  # "a harbor engineer": unnamed


def test_trim_clause_drops_tails_and_stops():
    text = "the fare would double next year, as the agency faces a deficit."
    start, end = trim_clause(text, 0, len(text))
    assert text[start:end] == "the fare would double next year"
    quoted = "the fare would double next year."
    assert trim_clause(quoted, 0, len(quoted), keep_stop=True) == (0, len(quoted))


@pytest.mark.parametrize(
    ("sentence", "statement", "speaker"),
    [
        (
            "If turnout is low in the county, the campaign said, it may not ask for a recount.",
            "If turnout is low in the county, the campaign said, it may not ask for a recount",
            "the campaign",
        ),
        (
            "Bound by a long shared border, the two towns, Mayor Ruiz said, now have a chance to grow.",
            "Bound by a long shared border, the two towns, Mayor Ruiz said, now have a chance to grow",
            "Mayor Ruiz",
        ),
        (
            "But the years that followed, he said, brought a fundamental shift.",
            "But the years that followed, he said, brought a fundamental shift",  # the opener is the subject
            "he",
        ),
        (
            "During the first week, she recalls, the machine broke twice.",
            "the machine broke twice",  # after an opener, only what follows the tag
            "she",
        ),
    ],
)
def test_a_tag_between_commas_keeps_the_statement_around_it(sentence, statement, speaker):
    found = find_reported(sentence, 0, len(sentence))
    assert sentence[found.start : found.end] == statement
    assert found.mention.text == speaker


def test_paired_dashes_enclose_an_aside_not_a_closing_gloss():
    sentence = (
        "Mayor Ruiz argued that the levy was fair and that \u2014 despite the losses of last year \u2014 "
        "the town can pay for the seawall."
    )
    found = find_reported(sentence, 0, len(sentence))
    assert sentence[found.start : found.end].endswith("the town can pay for the seawall")
    closing = "Mayor Ruiz said the levy would pass by a wide margin \u2014 a claim the council disputes."
    found = find_reported(closing, 0, len(closing))
    assert closing[found.start : found.end] == "the levy would pass by a wide margin"


def test_a_clause_going_on_after_a_dash_is_no_gloss():
    sentence = "Officials said the meeting was set last week \u2014 before the mayor called for a boycott."
    found = find_reported(sentence, 0, len(sentence))
    assert sentence[found.start : found.end].endswith("before the mayor called for a boycott")


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        (
            "Police officials said officers will wear body cameras \u2014 and many will ride bikes downtown.",
            "officers will wear body cameras \u2014 and many will ride bikes downtown",
        ),
        (
            "Voss has said she does not plan to hold a mock hearing \u2014 and thinks an aide could go.",
            "she does not plan to hold a mock hearing",  # the reporter goes on about Voss
        ),
    ],
)
def test_a_second_clause_after_a_dash_stays_with_the_statement(sentence, statement):
    found = find_reported(sentence, 0, len(sentence))
    assert sentence[found.start : found.end] == statement


def test_words_passed_on_need_the_verb_right_after_who_passed_them():
    sentence = "Grant said a colleague had told him the pier was unsafe."
    assert relayed(sentence, find_reported(sentence, 0, len(sentence))).mention.text == "a colleague"
    # Brooks did more than pass words on: the verb is a second predicate of the clause Clark reports.
    sentence = (
        "Clark said Brooks had begun calling board members - two from each island - but said it was open."
    )
    rep = relayed(sentence, find_reported(sentence, 0, len(sentence)))
    assert rep.mention.text == "Clark" and sentence[rep.start :].startswith("Brooks had begun")
