"""Attribution's named patterns: each one alone on words of our own, and each registry's order."""

from __future__ import annotations

import re

import pytest

from service.extraction.attribution.clauses import ADJUNCTS
from service.extraction.attribution.patterns import Pattern, Registry
from service.extraction.attribution.reported_span import DATELINES, TAILS
from service.extraction.cues import CAPITALISED_MONTHS, CAPITALISED_WEEKDAYS, CUES, alternation

# For every pattern of every registry: texts it must match at their start (as the registry uses it)
# and texts it must not. A new pattern without cases here fails `test_every_pattern_has_cases`.
CASES: dict[str, dict[str, tuple[list[str], list[str]]]] = {
    "cues": {
        "say_verb": (["said", "tells", "acknowledged"], ["sailed", "toll"]),
        "pointed_out": (["pointed out", "points  out"], ["pointed at"]),
        "went_on_to_say": (["went on to say"], ["went on to win"]),
        "fired_back": (["fired back", "snaps back"], ["fired the coach"]),
        "retorted": (["retorted", "retorts"], ["reported"]),
        "quoted_as_saying": (
            ["was quoted as saying", "was quoted by the Harbor Gazette as saying"],
            ["was quoted in the paper"],
        ),
        "quoted_someone_as_saying": (
            ["quoted Deputy Minister Ana Cole as saying", "quoted Cole, the minister, as saying"],
            ["quoted by Interfax as saying", "quoted a report"],
        ),
    },
    "tails": {
        "participle_gloss": ([", citing a new poll of likely voters."], [", a city official"]),
        "designation_gloss": ([", which is banned in several countries."], [", which is fine"]),
        "circumstance": ([", as the bakery chain weighs its options."], [", as expected"]),
        "consequence": ([", which would double the fare."], [", which was late"]),
        "without_evidence": ([", without offering any proof."], [", without doubt"]),
        "dash_gloss": ([" \u2014 a claim the council disputes."], [" \u2014 Dana Reyes"]),
        "second_attribution": ([", the audit report says."], [", the audit report was late."]),
    },
    "datelines": {
        "place_dash": (["PORT ALBAN, Meridia (AP) \u2014 ", "LAKEVILLE \u2014 "], ["Lakeville \u2014 "]),
        "agency_signature": (["Lakeville, May 3 (Reuters) ", "(AFP) - "], ["(Harbor Gazette) "]),
    },
    "adjuncts": {
        "relative_day": (["on Friday", "last week", "early March 3, 2024"], ["on the pier"]),
        "weekday": (["Friday morning", "Tuesday"], ["Fridays"]),
        "without_details": (["without elaborating"], ["without pause"]),
        "in_statement": (["in a written statement to The Ledger", "in 2019", "in May"], ["in the end"]),
        "at_event": (["at a news conference"], ["at noon"]),
        "to_whom": (["to reporters", "to the Daily Ledger", "told them"], ["to leave"]),
        "adverb": (["later", "publicly"], ["lately"]),
        "on_platform": (["on Twitter", "on social media"], ["on Main Street"]),
        "this_period": (["earlier this week"], ["earlier that week"]),
        "ago": (["3 weeks ago", "10 days ago"], ["weeks ago"]),
        "in_recent": (["in a recent interview"], ["in an interview"]),
        "anonymity": (["on condition of anonymity", "under the condition of anonymity"], ["on condition"]),
        "by_phone": (["by phone", "by text message"], ["by the phone"]),
    },
}
REGISTRIES = {r.name: r for r in (CUES, TAILS, DATELINES, ADJUNCTS)}
# Patterns written against the whole remainder of a sentence ($-anchored) or after a prefix.
_SEARCHED = {"tails"}


def _cases():
    for registry, patterns in CASES.items():
        for name, (good, bad) in patterns.items():
            for text in good:
                yield pytest.param(registry, name, text, True, id=f"{registry}-{name}-{text[:20]}")
            for text in bad:
                yield pytest.param(registry, name, text, False, id=f"{registry}-{name}-not-{text[:20]}")


def _matches(registry: str, name: str, text: str) -> bool:
    pattern = REGISTRIES[registry][name].compiled(REGISTRIES[registry].flags)
    if registry in _SEARCHED:
        return pattern.match(text) is not None
    m = pattern.match(text)
    # a pattern must take the whole phrase, as the registry's callers skip exactly what it matched
    return m is not None and (m.end() == len(text) or not text[m.end()].isalnum())


@pytest.mark.parametrize(("registry", "name", "text", "expected"), list(_cases()))
def test_each_pattern_alone(registry, name, text, expected):
    if registry == "cues" and expected:
        assert re.fullmatch(REGISTRIES[registry][name].regex, text)
    elif registry == "cues":
        assert not re.fullmatch(REGISTRIES[registry][name].regex, text)
    else:
        assert _matches(registry, name, text) is expected


def test_every_pattern_has_cases():
    for name, registry in REGISTRIES.items():
        assert set(CASES[name]) == set(registry.names), name


@pytest.mark.parametrize(
    ("registry", "text", "name"),
    [
        ("adjuncts", " on Friday", "relative_day"),
        ("adjuncts", ", to reporters", "to_whom"),
        ("adjuncts", " in a recent interview", "in_statement"),  # the earlier pattern wins the tie
        ("datelines", "LAKEVILLE (Reuters) \u2014 ", "place_dash"),
        ("datelines", "Lakeville (Reuters) ", "agency_signature"),
    ],
)
def test_the_registry_names_the_pattern_that_matched(registry, text, name):
    reg = REGISTRIES[registry]
    assert reg.which(reg.regex.match(text)) == name


def test_the_earliest_tail_cuts_the_clause():
    clause = "The fare would rise, which would hurt riders, citing a memo."
    m = TAILS.regex.search(clause)
    assert TAILS.which(m) == "consequence"
    assert clause[: m.start()] == "The fare would rise"


def test_the_cue_pattern_keeps_its_verb_group_and_lead_words():
    m = CUES.regex.search("The mayor has also said the pier would open.")
    assert m.group("verb") == "said"
    assert m.group(0) == "has also said"
    assert CUES.which(m) == "say_verb"
    quoted = CUES.regex.search("He was quoted by the Harbor Gazette as saying it was over.")
    assert CUES.which(quoted) == "quoted_as_saying"


def test_a_registry_refuses_two_patterns_of_one_name():
    with pytest.raises(ValueError, match="two patterns named"):
        Registry("r", (Pattern("a", "x", ""), Pattern("a", "y", "")))


def test_order_decides_between_patterns_matching_at_one_place():
    first = Registry("r", (Pattern("short", "ab", ""), Pattern("long", "abc", "")))
    second = Registry("r", (Pattern("long", "abc", ""), Pattern("short", "ab", "")))
    assert first.regex.match("abc").group(0) == "ab"
    assert second.regex.match("abc").group(0) == "abc"
    assert first.names == ("short", "long")


def test_calendar_words_come_capitalised_from_the_one_calendar():
    assert CAPITALISED_WEEKDAYS[0] == "Monday" and CAPITALISED_MONTHS[8] == "September"
    assert re.fullmatch(alternation(CAPITALISED_MONTHS), "September")
    assert alternation(("Fox News", "AP")) == r"Fox\ News|AP"
