"""Reported speech in shapes real news uses and the readers once missed, each on sentences of our own."""

from __future__ import annotations

import pytest
from body_statements import body_statements as _statements


def _found(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker.name for q in _statements(text)}


@pytest.mark.parametrize(
    ("sentence", "statement", "speaker"),
    [
        (
            # ", and cited ...": the subject's second verb, not an appositive of the speaker named before it
            "The board also met with the ferry's owner, Tom Pirelli, and cited a list of concerns about the "
            "timetable, officials said.",
            "The board also met with the ferry's owner, Tom Pirelli, and cited a list of concerns about the "
            "timetable",
            "officials",
        ),
        (
            "Hale splits his time between Dover, Exeter and Bath, Maine, and travels abroad often, "
            "consulting for shipping firms, several friends said.",
            "Hale splits his time between Dover, Exeter and Bath, Maine, and travels abroad often, "
            "consulting for shipping firms",
            "several friends",
        ),
    ],
)
def test_a_second_verb_of_the_subject_is_no_part_of_the_speaker(sentence, statement, speaker):
    found = _found(sentence)
    assert found.get(statement) == speaker, found


def test_an_appositive_chain_with_a_second_person_still_names_the_first():
    found = _found("Sen. Ada Brandt, R-Maine, and her aide, Tom Pirelli, said the pier bill would pass.")
    assert found == {"the pier bill would pass": "Ada Brandt"}


def test_two_reports_joined_by_a_semicolon_are_two_statements():
    text = (
        "More than six in 10 said they were tired of the ferry dispute; 38 percent said they were "
        "unhappy with both candidates for harbour master."
    )
    found = _found(text)
    assert found.get("they were tired of the ferry dispute") == "More than six in 10", found
    assert found.get("they were unhappy with both candidates for harbour master") == "38 percent", found


@pytest.mark.parametrize(
    ("sentence", "statement", "speaker"),
    [
        (
            "Most councillors back a smaller levy, and all but two said the board should vote on it soon.",
            "the board should vote on it soon",
            "all but two",
        ),
        ("Half said the new timetable was worse than the old one.", "the new timetable was worse", "Half"),
    ],
)
def test_a_share_of_a_group_speaks(sentence, statement, speaker):
    found = _found(sentence)
    hit = [text for text in found if text.startswith(statement)]
    assert hit and found[hit[0]] == speaker, found


@pytest.mark.parametrize(
    ("sentence", "statement", "source"),
    [
        (
            # a long source is read up to its participle, and named in full
            "According to early results of the exit poll conducted by Harbour Research for the Ledger and "
            "two radio stations, most voters want the ferry fares frozen.",
            "most voters want the ferry fares frozen",
            "early results of the exit poll conducted by Harbour Research for the Ledger and two radio "
            "stations",
        ),
        (
            "The treasurer held a dozen meetings with ferry lobbyists last year, according to reports the "
            "lobbyists filed with the county.",
            "The treasurer held a dozen meetings with ferry lobbyists last year",
            "reports the lobbyists filed with the county",
        ),
        (
            "The mayor has the best odds of keeping her seat, according to three recent polls.",
            "The mayor has the best odds of keeping her seat",
            "three recent polls",
        ),
        (
            "After the storm, the board blamed the pier's builder, according to emails released in the "
            "inquiry into the collapse.",
            "After the storm, the board blamed the pier's builder",
            "emails released in the inquiry into the collapse",
        ),
    ],
)
def test_according_to_records_and_counted_sources(sentence, statement, source):
    found = {q.text: q for q in _statements(sentence)}
    assert statement in found, list(found)
    assert found[statement].cue == "according to"
    assert found[statement].speaker.name == source


@pytest.mark.parametrize(
    "sentence",
    [
        "About 300 boats were lost, according to U.N. estimates published this week.",
        "The toll reached 40 in the first week, according to census data released on Monday.",
    ],
)
def test_according_to_plans_and_data_stays_no_statement(sentence):
    assert [q.cue for q in _statements(sentence)] == []


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        (
            "The memos covered a range of topics, the Ledger said, including fares, moorings and staffing.",
            "The memos covered a range of topics, the Ledger said, including fares, moorings and staffing",
        ),
        (
            "She was not surprised that the levy passed, her advisers said Friday, because she understands "
            "how angry the voters are.",
            "She was not surprised that the levy passed, her advisers said Friday, because she understands "
            "how angry the voters are",
        ),
        # "including" a name lists more speakers: the statement ends at the tag
        (
            "The pier plan will fail, several councillors said, including Ada Brandt.",
            "The pier plan will fail",
        ),
    ],
)
def test_a_sentence_going_on_after_its_tag_is_the_statement(sentence, statement):
    assert statement in _found(sentence), _found(sentence)


@pytest.mark.parametrize(
    ("sentence", "statement", "speaker"),
    [
        (
            "If the fares are not cut, Dana Ortiz warned, the dockworkers plan to strike in March.",
            "If the fares are not cut, Dana Ortiz warned, the dockworkers plan to strike in March",
            "Dana Ortiz",
        ),
        (
            "Unless the pier reopens, Tom Hale said, commuters face a long winter.",
            "Unless the pier reopens, Tom Hale said, commuters face a long winter",
            "Tom Hale",
        ),
    ],
)
def test_a_tag_after_a_condition_attributes_the_whole_sentence(sentence, statement, speaker):
    assert _found(sentence).get(statement) == speaker, _found(sentence)


def test_a_question_put_before_a_scene_is_no_tagged_statement():
    text = "When asked whom she backed, Dana Ortiz smiled and said she was waiting for the vote."
    assert "When asked whom she backed" not in " ".join(_found(text))


@pytest.mark.parametrize(
    ("sentence", "statement", "speaker"),
    [
        (
            "Since October, harbour officials have told residents not to swim near the outfall.",
            "residents not to swim near the outfall",
            "harbour officials",
        ),
        (
            "The crowd booed when Dana Ortiz told Tom Hale to sit down during the debate on the pier.",
            "Tom Hale to sit down during the debate on the pier",
            "Dana Ortiz",
        ),
        (
            # any speech verb tags a sentence that opens with a condition
            "If she is elected, Dana Ortiz suggested in a post, renters will get a vote on the levy.",
            "If she is elected, Dana Ortiz suggested in a post, renters will get a vote on the levy",
            "Dana Ortiz",
        ),
    ],
)
def test_orders_told_and_conditions_tagged(sentence, statement, speaker):
    assert _found(sentence).get(statement) == speaker, _found(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tom Hale told the Ledger about his plans for the pier.",  # no order: whom he told is no statement
        "She recalled what a ferry captain told her to do in a storm.",  # the order is a relative's gap
    ],
)
def test_told_without_an_order_states_nothing_of_the_listener(sentence):
    assert not any(text.startswith(("the Ledger", "her to do")) for text in _found(sentence))


def test_a_scene_with_a_quote_before_the_cue_is_no_condition_tag():
    text = 'When a man in the crowd shouted, "Recount," Dana Ortiz joked, "Not tonight, friend!"'
    assert all(not text.startswith("When a man") for text in _found(text))


@pytest.mark.parametrize(
    ("sentence", "statement", "speaker"),
    [
        (
            # an article before a short quote: the noun the speaker calls the thing
            "In a statement, the Harbour Union called Dana Ortiz a \u201cchampion\u201d for its members.",
            "Dana Ortiz a \u201cchampion\u201d for its members",
            "Harbour Union",
        ),
        (
            "Tom Hale called it their \u201ccrystal ball\u201d and said it beat the polls.",
            "it their \u201ccrystal ball\u201d",
            "Tom Hale",
        ),
        (
            # a list of quoted names is a view several times over
            'Dana Ortiz called the treasurer a "bully," an "amateur," "reckless" and "unfit."',
            'the treasurer a "bully," an "amateur," "reckless" and "unfit."',
            "Dana Ortiz",
        ),
    ],
)
def test_short_quoted_names_after_an_article_or_in_a_list_are_views(sentence, statement, speaker):
    assert _found(sentence).get(statement) == speaker, _found(sentence)


def test_a_short_quote_named_without_an_article_stays_the_writers():
    text = 'Tom Hale called the ruling "plain overreach" and said the council would appeal.'
    assert _found(text) == {"the council would appeal": "Tom Hale"}


def test_a_reported_clause_finished_by_a_quote_is_one_statement():
    text = (
        'Dana Ortiz said both Hale and Ruiz are "non-entities on the council," but she praised Hale: '
        '"You never have to guess where he is."'
    )
    assert _found(text) == {
        'both Hale and Ruiz are "non-entities on the council,"': "Dana Ortiz",
        "You never have to guess where he is.": "Dana Ortiz",
    }
