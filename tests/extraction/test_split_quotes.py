"""Split and multi-paragraph quotes as one statement with parts; short quotes tied to a cue (issue 13)."""

from __future__ import annotations

import pytest

from service.extraction.layout.clean import Block
from service.extraction.layout.spans import paragraphs
from service.extraction.statements import find_quotes
from service.models import joined_text


def _quotes(text: str):
    blocks = [Block(p.start, p.end, "body") for p in paragraphs(text, [Block(0, len(text), "body")])]
    return find_quotes(text, blocks, None)


def _pieces(text: str, quote) -> list[str]:
    return [text[start:end] for start, end in quote.parts] if quote.parts else [text[quote.start : quote.end]]


@pytest.mark.parametrize(
    ("text", "pieces", "speaker"),
    [
        (
            "\u201cWe will rebuild the pier,\u201d Mayor Ana Ruiz said. "
            "\u201cAnd we will do it by June.\u201d",
            ["We will rebuild the pier,", "And we will do it by June."],
            "Ana Ruiz",
        ),
        (  # the second piece goes on inside the attribution sentence
            '"The levee held this time," said Colonel Mark Tran of the Army Corps of Engineers, '
            '"but the next storm will test it again."',
            ["The levee held this time,", "but the next storm will test it again."],
            "Mark Tran",
        ),
        (  # double-apostrophe marks, the second piece a fragment of the sentence
            "Officials met on Friday. ''The sooner the grain ships leave,'' Minister Olga Berg said, "
            "''the sooner prices fall in the markets.''",
            ["The sooner the grain ships leave,", "the sooner prices fall in the markets."],
            "Olga Berg",
        ),
        (  # three pieces: after the attribution the speaker goes on in two quoted sentences
            '"We counted every ballot," county clerk Rosa Imes said. "Twice." "Nobody was left out."',
            ["We counted every ballot,", "Twice.", "Nobody was left out."],
            "Rosa Imes",
        ),
        (  # a quoted question: the name and cue after it end its sentence, not a new one
            'The mayor spoke at noon. "Is that the best the state can do?" Ruiz said. '
            '"We need a real plan by the summer."',
            ["Is that the best the state can do?", "We need a real plan by the summer."],
            "Ruiz",
        ),
        (  # a title in quotation marks inside the attribution
            'Mayor Ana Ruiz spoke at noon. "We will win this fight," she said, holding up the '
            '"Harbour First" banner her staff had made. "I have been saying it since March."',
            ["We will win this fight,", "I have been saying it since March."],
            "Ana Ruiz",
        ),
        (  # adverbs and a time between the cue and the second piece
            '"That does not mean we stay silent," a union spokesman said late last week, '
            '"but that we answer with facts."',
            ["That does not mean we stay silent,", "but that we answer with facts."],
            "union spokesman",
        ),
    ],
)
def test_split_quote_is_one_statement(text, pieces, speaker):
    (quote,) = _quotes(text)
    assert _pieces(text, quote) == pieces
    assert quote.text == joined_text(text, quote.parts)
    assert (quote.start, quote.end) == (quote.parts[0][0], quote.parts[-1][1])
    assert speaker in (quote.speaker.name or quote.speaker.mention or "")
    assert quote.kind == "direct"


def test_a_document_cue_between_the_pieces_still_joins_them():
    text = (
        '"We need every volunteer at the dunes this weekend," the newsletter said. '
        '"The town has never needed them more than it does now."'
    )
    (quote,) = _quotes(text)
    assert len(quote.parts) == 2 and quote.text.endswith("than it does now.")


@pytest.mark.parametrize(
    "text",
    [
        # the second piece has its own speaker
        '"We will rebuild the pier," Mayor Ana Ruiz said. Council member Tom Hale replied: '
        '"Not with this budget, we will not."',
        # narration between the pieces
        '"We will rebuild the pier," Mayor Ana Ruiz said. The storm destroyed it in March. '
        '"It will take a year at least."',
        # a quote paragraph that carries its own cue
        '"We will rebuild the pier," Mayor Ana Ruiz said.\n\n"It will take a year at least," Tom Hale said.',
        # a paragraph that goes on past its quote
        '"We will rebuild the pier," Mayor Ana Ruiz said.\n\n"A year," engineers say, who doubt it.',
        # each piece carries its own cue
        '"We will rebuild the pier," Mayor Ana Ruiz said. "It will take a year at least," she added.',
    ],
)
def test_pieces_with_their_own_attribution_or_narration_between_stay_apart(text):
    quotes = _quotes(text)
    assert len(quotes) == 2
    assert all(not q.parts for q in quotes)


def test_a_paragraph_of_quotation_alone_after_the_attribution_goes_on_with_the_quote():
    text = (
        '"We will rebuild the pier with stone," Mayor Ana Ruiz said, pointing at the harbour.\n\n'
        '"So the town will be stronger for the storm."'
    )
    (quote,) = _quotes(text)
    assert _pieces(text, quote) == [
        "We will rebuild the pier with stone,",
        "So the town will be stronger for the storm.",
    ]
    assert quote.speaker.name == "Ana Ruiz"


def test_next_paragraph_quote_keeps_the_speaker_who_began_it():
    text = (
        '"We will rebuild the pier," said Mayor Ana Ruiz, who toured the harbour with Governor Paul Dunn.\n\n'
        '"It will take a year at least, and every fisherman here knows it."'
    )
    (quote,) = _quotes(text)
    assert quote.speaker.name == "Ana Ruiz" and len(quote.parts) == 2


def test_multi_paragraph_quote_has_one_part_a_paragraph_without_the_reopening_mark():
    text = (
        'Harbour master Lena Sorg said: "The pier took the full force of the surge.\n\n'
        '"We lost two boats and the fuel dock, and the insurers have not called back."'
    )
    (quote,) = _quotes(text)
    assert _pieces(text, quote) == [
        "The pier took the full force of the surge.",
        "We lost two boats and the fuel dock, and the insurers have not called back.",
    ]
    assert '"' not in quote.text and quote.speaker.name == "Lena Sorg"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ('"Never," Mayor Ana Ruiz said when asked about a tax rise.', "Never,", "Ana Ruiz"),
        ('Asked whether she would run again, Mayor Ana Ruiz said, "Probably."', "Probably.", "Ana Ruiz"),
        ('"Absolutely not," said Tom Hale, the council treasurer.', "Absolutely not,", "Tom Hale"),
        # (with the thing it names: naming.py)
        (
            "Auditor Kim Paek called the harbour accounts \u201claughable.\u201d",
            "the harbour accounts \u201claughable.\u201d",
            "Kim Paek",
        ),
    ],
)
def test_short_quote_tied_to_a_cue_is_a_statement(text, words, speaker):
    (quote,) = _quotes(text)
    assert text[quote.start : quote.end] == words.rstrip(",")
    assert quote.speaker.name == speaker


@pytest.mark.parametrize(
    "text",
    [
        'Critics dubbed the plan the "pier tax" within a week of its launch.',  # a name, not a view
        'Her campaign calls the platform "Harbour First."',  # a title
        "The so-called \u201cmoderate\u201d wing stayed home.",
        'The word "resilience" appears nine times in the report.',
    ],
)
def test_names_titles_and_scare_quotes_are_not_statements(text):
    assert _quotes(text) == []


def test_a_quote_running_on_over_paragraphs_stays_with_the_one_who_began_it():
    text = (
        'Mr Hale said: "We have agreed a timetable for the border.\n\n'
        '"Both governments will hold to it."\n\n'
        '"There will be no further delay."\n\n'
        '"We owe that to the families who have waited."\n\n'
        "Opposition leader Mark Fenn said the deal was overdue."
    )
    quotes = _quotes(text)
    assert [q.speaker.name for q in quotes] == ["Hale", "Hale", "Hale", "Mark Fenn"]


def test_the_opener_of_a_multi_paragraph_quote_beats_a_closing_pronoun():
    text = (
        "Prime Minister Tom Hale met opposition leader Mark Fenn on Monday.\n\n"
        'Speaking afterwards, Mr Hale said: "We have agreed a timetable with Mr Fenn and his party.\n\n'
        '"There will be no further delay. We owe that to the families," he said.'
    )
    (quote,) = _quotes(text)
    assert quote.speaker.name == "Tom Hale" and len(quote.parts) == 2


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (  # a speaker phrase no rule parses, still a short phrase before the cue
            "\u201cWe want a library on every street,\u201d a narrator in the new campaign advertisement "
            "states. \u201cAnd we will pay for it without a new tax.\u201d",
            "And we will pay for it without a new tax.",
        ),
        (  # an aside between the speaker and the cue
            '"He was a good neighbour to all of us," Hale, after a long pause, said of Reed. '
            '"I will miss him every single day."',
            "I will miss him every single day.",
        ),
        (  # a verb of manner with the speaker after it
            "\u201cBring your umbrellas this weekend,\u201d mused radio host Tom Brady. "
            "\u201cIt will pour from Friday to Monday.\u201d",
            "It will pour from Friday to Monday.",
        ),
    ],
)
def test_an_attribution_sentence_with_a_cue_joins_the_pieces_around_it(text, second):
    (quote,) = _quotes(text)
    assert len(quote.parts) == 2 and quote.text.endswith(second)


def test_a_speaker_after_a_verb_of_manner_keeps_no_full_stop():
    text = "\u201cBring your umbrellas this weekend,\u201d mused radio host Tom Brady."
    (quote,) = _quotes(text)
    assert quote.speaker.name == "Tom Brady"


def test_a_long_clause_of_narration_with_a_cue_in_it_does_not_join():
    text = (
        '"We will rebuild the pier," Ruiz said. "It will take a year." The storm that the forecasters on '
        'every channel in the state had said would miss the town arrived. "Nobody was ready."'
    )
    quotes = _quotes(text)
    assert not any("Nobody" in q.text and "pier" in q.text for q in quotes)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Protesters on Main Street chanted \u201cNo more cuts!\u201d and marched on.", "No more cuts!"),
        (
            "As the mayor walked in, the hall broke into chants of \u201cFour more years!\u201d",
            "Four more years!",
        ),
        ('The boy on the pier shouted, "Look out!"', "Look out!"),
        ("Someone in the back yelled \u201cShame\u201d as the vote passed.", "Shame"),
    ],
)
def test_a_short_quote_said_aloud_is_a_statement(text, words):
    (quote,) = _quotes(text)
    assert text[quote.start : quote.end] == words


@pytest.mark.parametrize(
    "text",
    [
        'The new ferry was titled "Harbour Pride" at a ceremony.',  # a naming verb
        'Critics dubbed it the "pier tax."',
        "She wrote in \u201cJane Roe\u201d on her ballot.",  # a particle: not the words written
    ],
)
def test_names_after_naming_verbs_are_not_utterances(text):
    assert _quotes(text) == []


def test_a_piece_after_a_mixed_statement_and_its_attribution_joins_it():
    text = (
        "\u201cIf the board had not stepped in\u201d by cutting the fees, Ruiz said on Monday, "
        "\u201cthe harbour would have closed for good.\u201d"
    )
    (quote,) = _quotes(text)
    assert quote.kind == "mixed" and len(quote.parts) == 2
    assert quote.text.endswith("the harbour would have closed for good.")
    assert quote.speaker.name == "Ruiz"


@pytest.mark.parametrize("verb", ["write", "conclude"])
def test_base_form_cues_of_writers_join_split_quotes(verb):
    text = (
        f"\u201cThe council has been broke for years,\u201d the two auditors {verb}. "
        "\u201cIt has also refused to admit it.\u201d"
    )
    (quote,) = _quotes(text)
    assert len(quote.parts) == 2 and quote.speaker.mention == "the two auditors"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("\u201cHelp!\u201d Ana Ortiz cried out.", "Ana Ortiz"),
        ("\u201cEnough!\u201d Tom Reed snapped.", "Tom Reed"),
    ],
)
def test_a_verb_of_manner_after_a_quoted_exclamation_attributes_it(text, speaker):
    (quote,) = _quotes(text)
    assert quote.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "The crowd chanted \u201cLock the gates!\u201d and \u201cSave the pier!\u201d until midnight.",
            ["Lock the gates!", "Save the pier!"],
        ),
        (
            "Marchers shouted \u201cFair pay,\u201d \u201cSafe work\u201d and, yes, \u201cRespect.\u201d",
            ["Fair pay", "Safe work", "Respect."],
        ),
    ],
)
def test_a_list_said_aloud_is_one_statement(text, pieces):
    (quote,) = _quotes(text)
    assert _pieces(text, quote) == pieces


def test_a_quote_in_the_next_sentence_is_not_an_item_of_the_list():
    text = (
        "The crowd chanted \u201cFour more years!\u201d The mayor waved and said \u201cThank you all.\u201d"
    )
    quotes = _quotes(text)
    assert [q.text for q in quotes][0] == "Four more years!"
    assert all(not q.parts for q in quotes)
