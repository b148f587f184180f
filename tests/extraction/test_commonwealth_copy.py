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


def test_a_surname_with_a_particle_is_the_person_named_in_full():
    text = (
        "The DA's spokesperson on public enterprises, Gerrit van der Merwe, said the minister had been "
        'warned in 2004. "The minister cannot claim to be surprised," Van der Merwe said.'
    )
    assert _speaker(text, "the minister had been warned").name == "Gerrit van der Merwe"
    assert _speaker(text, "The minister cannot claim").name == "Gerrit van der Merwe"


def test_a_hyphenated_descriptor_before_a_name_with_an_age():
    text = (
        'A source told reporters: "He was terrified."\n\n'
        'Fenwick\'s co-star Leanne Pryce, 29, said last night: "Danny is the gentlest man I know."'
    )
    assert _speaker(text, "Danny is the gentlest").name == "Leanne Pryce"


def test_the_n_year_old_is_never_someone_printed_with_another_age():
    text = (
        'Steyn, 24, who was dismissed for four, said he had spoken to the coach. "I am getting into good '
        'positions," the left-hander said.\n\n'
        'Australia captain Liam Hollis praised his bowlers. "They bowled as well as I have seen them," the '
        "31-year-old said."
    )
    assert _speaker(text, "They bowled as well").name == "Liam Hollis"


def test_she_with_no_speaker_yet_is_the_woman_the_obituary_names():
    text = (
        "Marian Coyle, the folk singer whose ballads sold two million records, has died at the age of 81.\n\n"
        'Her family said in a statement that she died peacefully at home, "with a song on the radio".\n\n'
        "Born in 1943, Coyle began singing in pubs at 15. She later told The Irish Press that her father "
        'had warned her that "singing never put bread on a table".\n\n'
        '"He was wrong about that," she said in the same interview.\n\n'
        "Producer Tommy Gillen recalled that she had done it in a single take."
    )
    family = one_statement(text, "she died peacefully").speaker
    assert family.anonymous and "family" in family.name
    father = [q for q in body_statements(text) if "singing never" in q.text][0].speaker
    assert father.anonymous and "father" in father.name  # her father's words, passed on by her
    assert _speaker(text, "He was wrong about that").name == "Marian Coyle"


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "PC Daniel Whitfield told the inquest the bus had been travelling at 18mph.",
            "the bus had been travelling",
            "Daniel Whitfield",
        ),
        (
            "Danny Fenwick was hurt. But Fenwick told pals he wanted to put it behind him, according to an "
            "insider.",
            "he wanted to put it behind him",
            "Danny Fenwick",
        ),
    ],
)
def test_told_the_inquest_and_told_pals(text, words, expected):
    assert _speaker(text, words).name == expected


def test_a_title_is_read_within_the_names_line():
    from service.extraction.speakers.names import title_before

    text = "BBC News\n\nSummary\n\nChancellor Helen Carver delivers her first Budget"
    assert title_before(text, text.index("Helen")) == "Chancellor"
    line = "Revenue Minister Shri P. Gopalakrishnan said compensation would be paid to each family."
    assert _speaker(line, "compensation would be paid").name == "P. Gopalakrishnan"
