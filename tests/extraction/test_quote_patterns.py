"""Each attribution pattern of a direct quote on its own, then the registry's order."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from service.extraction.attribution.after_quote import (
    CUE_AFTER_WINDOW,
    AccordingAfter,
    CueAfter,
    DashSignature,
    MannerAfter,
)
from service.extraction.attribution.before_quote import ColonSubject, CueBefore, ParticipleBefore
from service.extraction.attribution.quote_pattern import Attribution, QuotePattern
from service.extraction.attribution.quote_patterns import (
    AFTER_QUOTE,
    BEFORE_QUOTE,
    CUED_LEAD_IN,
    attribution_after,
    attribution_before,
    first_attribution,
)
from service.extraction.layout.clean import Block
from service.extraction.layout.spans import mark_len, paragraphs, quote_spans
from service.extraction.speakers.mention_words import Mention


def _quote(text: str):
    """The first quoted span of a one-paragraph text."""
    paras = paragraphs(text, [Block(0, len(text), "body")])
    return quote_spans(text, paras)[0]


def _after(text: str):
    quote = _quote(text)
    return attribution_after(text, quote, len(text))


def _before(text: str, patterns=BEFORE_QUOTE):
    quote = _quote(text)
    return attribution_before(text, quote, 0, patterns)


def _read(pattern, text: str, side: str):
    """What one pattern alone reads around the first quote of `text` (None if its trigger is absent)."""
    quote = _quote(text)
    if side == "after":
        lo, hi = quote.close_mark + mark_len(text, quote.close_mark), len(text)
    else:
        lo, hi = 0, quote.open_mark
    hit = pattern.trigger(text, quote, lo, hi)
    return None if hit is None else pattern.read(text, quote, lo, hi, hit)


def test_registry_names_are_unique_and_ordered():
    names = [p.name for p in AFTER_QUOTE + BEFORE_QUOTE]
    assert len(names) == len(set(names))
    assert names == [
        "according_after",
        "manner_after",
        "cue_after",
        "dash_signature",
        "cue_before",
        "coordinated_cue_before",
        "participle_before",
        "as_put_it",
        "manner_before",
        "initial_cue",
        "colon_subject",
    ]
    assert BEFORE_QUOTE[:1] == CUED_LEAD_IN


def test_according_after_reads_the_source():
    found = _read(
        AccordingAfter("t"), "\u201cThe pier will reopen in June,\u201d according to Lena Ortiz.", "after"
    )
    assert found.mention.name == "Lena Ortiz" and found.cue == "according to"


def test_according_after_ignores_a_cue():
    assert _read(AccordingAfter("t"), "\u201cThe pier will reopen,\u201d Lena Ortiz said.", "after") is None


@pytest.mark.parametrize(
    ("text", "name", "cue"),
    [
        ("\u201cWe will rebuild the pier,\u201d Mayor Tomas Ruiz said on Friday.", "Tomas Ruiz", "said"),
        ("\u201cWe will rebuild the pier,\u201d said Tomas Ruiz.", "Tomas Ruiz", "said"),
        ("\u201cWe will rebuild the pier,\u201d Ruiz told reporters.", "Ruiz", "told"),
        (
            "\u201cWe will rebuild it,\u201d the supervisor, regional manager Howard Linde, said.",
            "Howard Linde",
            "said",
        ),
    ],
)
def test_cue_after_reads_speaker_and_cue(text, name, cue):
    found = _read(CueAfter("t"), text, "after")
    assert found.mention.name == name and found.cue == cue


def test_cue_after_stops_the_words_before_an_added_clause():
    text = "\u201cWe will rebuild the pier,\u201d Ruiz said, adding that funds were short."
    assert _read(CueAfter("t"), text, "after").words == " Ruiz said"


def test_cue_after_refuses_narration_before_the_cue():
    text = (
        "\u201cWe will rebuild the pier,\u201d read the banner that Tomas Ruiz, who was there, said he liked."
    )
    assert _read(CueAfter("t"), text, "after") is None


def test_cue_after_window_is_a_limit():
    filler = " and then" * (CUE_AFTER_WINDOW // 9 + 1)
    text = f"\u201cWe will rebuild the pier,\u201d{filler} Ruiz said."
    assert CueAfter("t").trigger(text, _quote(text), text.index("\u201d") + 1, len(text)) is None


def test_dash_signature_reads_a_name_without_a_cue():
    found = _read(
        DashSignature("t"), "\u201cNobody asked the people who live here.\u201d \u2015 Oren Vale", "after"
    )
    assert found.mention.name == "Oren Vale" and found.cue is None


@pytest.mark.parametrize(
    ("text", "name", "cue"),
    [
        ("Tomas Ruiz said on Friday: \u201cWe will rebuild the pier by June.\u201d", "Tomas Ruiz", "said"),
        ("Ruiz wrote on Monday that \u201cthe pier will be rebuilt.\u201d", "Ruiz", "wrote"),
        ("As the mayor, Ruiz said, \u201cthe pier will be rebuilt.\u201d", "Ruiz", "said"),
    ],
)
def test_cue_before_reads_the_lead_in(text, name, cue):
    found = _read(CueBefore("t"), text, "before")
    assert found.mention.name == name and found.cue == cue


def test_cue_before_refuses_a_lead_in_that_goes_on_past_the_cue():
    text = "Ruiz said the council had read the banner reading \u201cWe will rebuild the pier by June.\u201d"
    assert _read(CueBefore("t"), text, "before") is None


def test_colon_subject_reads_a_cueless_colon():
    found = _read(
        ColonSubject("t"), "Ines Moreau pounced: \u201cThis plan is a giveaway to developers.\u201d", "before"
    )
    assert found.mention.name == "Ines Moreau" and found.cue is None


def test_colon_subject_refuses_a_long_lead():
    text = (
        "The council met on Tuesday in the old town hall by the harbour and agreed on the following points "
        "after a long debate: \u201cThe pier is closed.\u201d"
    )
    assert ColonSubject("t").trigger(text, _quote(text), 0, text.index("\u201c")) is None


def test_registry_prefers_according_to_over_a_later_cue():
    text = "\u201cThe pier will reopen,\u201d according to Lena Ortiz, who said so twice."
    name, found = first_attribution(AFTER_QUOTE, text, _quote(text), text.index("\u201d") + 1, len(text))
    assert name == "according_after" and found.mention.name == "Lena Ortiz"


@dataclass(frozen=True)
class _Fixed(QuotePattern):
    """A pattern whose trigger always fires and which reads a fixed answer."""

    answer: Attribution | None = None

    def trigger(self, text, quote, lo, hi):
        return True

    def read(self, text, quote, lo, hi, hit):
        return self.answer


def test_decisive_pattern_settles_even_without_a_speaker():
    text = "\u201cThe pier will reopen.\u201d"
    quote = _quote(text)
    signed = Attribution(Mention("Oren Vale", 0, "name", "Oren Vale"), None, "")
    passing = (_Fixed("nothing"), _Fixed("signed", answer=signed))
    assert first_attribution(passing, text, quote, 0, len(text)) == (
        "signed",
        signed._replace(pattern="signed"),
    )
    settling = (_Fixed("nothing", decisive=True), _Fixed("signed", answer=signed))
    assert first_attribution(settling, text, quote, 0, len(text)) is None


def test_according_to_data_names_no_speaker():
    assert _after("\u201cThe pier will reopen,\u201d according to estimates.") is None


def test_dash_is_read_only_where_no_cue_is_near():
    assert _after("\u201cThe pier will reopen.\u201d \u2015 Oren Vale").mention.name == "Oren Vale"


def test_before_falls_through_to_the_colon():
    found = _before("Ines Moreau pounced: \u201cThis plan is a giveaway to developers.\u201d")
    assert found.mention.name == "Ines Moreau"
    assert _before("Ines Moreau pounced: \u201cThis plan is a giveaway.\u201d", CUED_LEAD_IN) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "\u201cThis used to be our harbour,\u201d said Pavel Lindqvist, "
            "director of maritime studies at the "
            "Northern Institute in Oslo, \u201cbut it is a container terminal now.\u201d",
            "Pavel Lindqvist",
        ),
        (
            "\u201cI think the tide has turned,\u201d said Ana Ferreira-Lopes, "
            "managing director of a group in "
            "Lisbon, the Harbour Renewal Trust, that is studying the plan.",
            "Ana Ferreira-Lopes",
        ),
    ],
)
def test_inverted_speaker_with_a_long_appositive(text, name):
    assert _after(text).mention.name == name


@pytest.mark.parametrize(
    ("text", "name", "cue"),
    [
        (
            "Harbour commissioner Nadia Okafor quickly took to social media, "
            "writing: \u201cAnother cut, this "
            "time to the night boats.\u201d",
            "Nadia Okafor",
            "writing",
        ),
        (
            "Okafor seemed ready to joke about the delay in Leith, telling the "
            "crowd, \u201cSome people get a "
            "little seasick, have you noticed?\u201d",
            "Okafor",
            "telling",
        ),
    ],
)
def test_participle_before_gives_the_clause_subject(text, name, cue):
    found = _before(text)
    assert found.mention.name == name and found.cue == cue and found.pattern == "participle_before"


def test_participle_before_after_a_cue_takes_the_cue_speaker():
    text = "The board will meet next week, Okafor said, adding, \u201cThey need to sit down and talk.\u201d"
    assert _read(ParticipleBefore("t"), text, "before").mention.name == "Okafor"


def test_participle_before_takes_no_object_after_saying():
    # ", saying the plan goes “nowhere near far enough”": a reported clause with a fragment, not a lead-in.
    text = "Ruiz criticised the accord, saying the plan goes \u201cnowhere near far enough.\u201d"
    assert _read(ParticipleBefore("t"), text, "before") is None


def test_coordinated_cue_before_gives_the_clause_subject():
    text = "Asked whether the night boats would return, Okafor shook her head and said, \u201cNo.\u201d"
    found = _before(text)
    assert found.mention.name == "Okafor" and found.pattern == "coordinated_cue_before"


def test_as_put_it_reads_the_speaker_between():
    text = (
        "Or, as Tom Ridley, a former harbour master, put it: \u201cThe barbarians are inside the gate.\u201d"
    )
    found = _before(text)
    assert found.mention.name == "Tom Ridley" and found.pattern == "as_put_it"


@pytest.mark.parametrize(
    ("text", "name", "cue"),
    [
        (
            "When the board noted the unpaid levy, Okafor boasted, \u201cThat makes me smart.\u201d",
            "Okafor",
            "boasted",
        ),
        (
            "Harbour chief Nadia Okafor scoffed: \u201cNobody reads the timetable.\u201d",
            "Nadia Okafor",
            "scoffed",
        ),
    ],
)
def test_manner_before_reads_a_verb_right_before_a_sentence(text, name, cue):
    found = _before(text)
    assert found.mention.name == name and found.cue == cue and found.pattern == "manner_before"


def test_manner_before_needs_a_whole_sentence_quoted():
    text = "Okafor mocked the \u201cnight boat levy\u201d as a tax."
    assert _before(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("\u201cThat is simply not true,\u201d Okafor scoffed.", "Okafor"),
        ("\u201cThat is simply not true,\u201d scoffed the councillor.", "councillor"),
    ],
)
def test_manner_after_reads_a_verb_and_its_speaker_only(text, name):
    found = _after(text)
    assert found.mention.name == name and found.cue == "scoffed" and found.pattern == "manner_after"


def test_manner_after_refuses_a_longer_clause():
    text = "\u201cThat is simply not true,\u201d Okafor scoffed at the board on Monday before leaving."
    assert _read(MannerAfter("t"), text, "after") is None


def test_told_takes_its_hearer_before_the_quote():
    text = "Okafor told her radio audience on Monday, \u201cWhat has happened is this.\u201d"
    found = _before(text)
    assert found.mention.name == "Okafor" and found.cue == "told"


def test_cue_before_falls_back_to_the_subject_past_an_aside():
    text = "Harbour chief Nadia Okafor, at a later meeting with fishermen, said, \u201cWe will fight.\u201d"
    assert _before(text).mention.name == "Nadia Okafor"


@pytest.mark.parametrize(
    ("text", "name", "cue"),
    [
        ("Tweeted Nadia Okafor: \u201cAnother cut to the night boats.\u201d", "Nadia Okafor", "tweeted"),
        ("Said one harbour official, \u201cWe were never told.\u201d", "one harbour official", "said"),
    ],
)
def test_initial_cue_reads_the_speaker_after_it(text, name, cue):
    found = _before(text)
    assert found.mention.name == name and found.cue == cue and found.pattern == "initial_cue"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In a radio interview Okafor declared \u201cI think the board may be obsolete.\u201d", "Okafor"),
        (
            "When the board noted the unpaid levy \u2015 as was true in 2019 \u2015 Okafor boasted, "
            "\u201cThat makes me smart.\u201d",
            "Okafor",
        ),
    ],
)
def test_the_name_right_before_a_cue_speaks_when_no_rule_reads_the_subject(text, name):
    assert _before(text).mention.name == name
