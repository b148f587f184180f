"""Speakers in Irish, Indian, South African, Canadian and British copy (heldout5's error kinds, own text)."""

from __future__ import annotations

import pytest
from body_statements import body_statements, one_statement


def _speaker(text: str, words: str):
    return one_statement(text, words).speaker


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "The Tánaiste, Gráinne Fitzsimons, told reporters that the coalition was united.",
            "the coalition was united",
            "Gráinne Fitzsimons",
        ),
        (
            "Taoiseach Ciarán Moloney said the figures were seasonal.\n\n"
            "Labour leader Áine Kavanagh said rents were rising.\n\n"
            "The Taoiseach said the target would be met.",
            "the target would be met",
            "Ciarán Moloney",
        ),
        (
            "Chief Minister K. M. Abraham said 800 camps had opened. Opposition leader V. S. Nair said it "
            "was too late.\n\nThe CM said schools would stay shut till Monday.",
            "schools would stay shut",
            "K. M. Abraham",
        ),
    ],
)
def test_an_office_by_its_own_name_is_who_holds_it(text, words, expected):
    assert _speaker(text, words).name == expected


def test_the_chancellor_is_not_the_shadow_chancellor():
    text = (
        "The chancellor, Helen Carver, is on her feet. She says growth is the mission.\n\n"
        "Shadow chancellor Mark Tennant says working people will pay.\n\n"
        "Ruth Mallory of the IFS says workers will pay in the end.\n\n"
        'The chancellor has told Sky News she "stands by every line" of the Budget.'
    )
    assert _speaker(text, 'she "stands').name == "Helen Carver"


def test_a_coroner_in_the_lede_is_the_coroner_named_next():
    text = (
        'A coroner has said the death of a boy hit by a bus was "entirely avoidable".\n\n'
        "Recording a conclusion of accidental death on Thursday, assistant coroner Dr Rachel Amis said the "
        "brakes had been reported as faulty three times."
    )
    assert _speaker(text, "the death of a boy").name == "Rachel Amis"


@pytest.mark.parametrize(
    ("text", "words", "noun"),
    [
        (
            'A stockbroker, who asked not to be named, said: "Nobody likes uncertainty."',
            "Nobody likes",
            "stockbroker",
        ),
        (
            'The bus driver, who has not been named, told police that he saw the scooter "come out of '
            'nowhere".',
            "he saw the scooter",
            "driver",
        ),
    ],
)
def test_an_unnamed_source_stays_anonymous(text, words, noun):
    speaker = _speaker(text, words)
    assert speaker.anonymous and noun in speaker.name


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (  # a one-word body that spoke, then "the utility"
            "Eskom warned on Tuesday that blackouts would continue. Mines were closed for five days.\n\n"
            "The utility said it had no spare capacity.",
            "it had no spare capacity",
            "Eskom",
        ),
        (  # the body a spokesperson spoke for
            "Cosatu spokesperson Lerato Khumalo said the federation would oppose any increase.\n\n"
            'The union federation said workers could not pay for "years of bad planning".',
            "workers could not pay",
            "Cosatu",
        ),
        (
            "Cricket South Africa said in a statement that the bowler had been ruled out.\n\n"
            "The board said a replacement would be named on Tuesday.",
            "a replacement would be named",
            "Cricket South Africa",
        ),
        (  # the acronym in brackets is no part of the name
            "The Confederation of British Industry (CBI) says the rise will hurt hiring. In a statement, the "
            "business group says it had warned the Treasury.",
            "it had warned the Treasury",
            "Confederation of British Industry",
        ),
        (
            "The ANC said in a statement that it supported the plan. The party said geysers should be off at "
            "peak hours.",
            "geysers should be off",
            "ANC",
        ),
        (  # "the Bloc": the body printed in full before a title
            "Bloc Québécois Leader Jean-François Gagnon said Quebec would never accept it.\n\n"
            'The Bloc said the decision showed a "double standard".',
            "the decision showed",
            "Bloc Québécois",
        ),
    ],
)
def test_a_bare_body_noun_is_the_body_the_article_names(text, words, expected):
    assert _speaker(text, words).name == expected


def test_a_body_noun_of_another_kind_is_not_the_last_body():
    text = "The Harbour Party said the vote was rigged.\n\nThe company said the papers were printed on time."
    names = {q.text: q.speaker.name for q in body_statements(text)}
    assert names["the papers were printed on time"] != "Harbour Party"
