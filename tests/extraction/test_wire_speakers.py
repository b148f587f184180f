"""Direct quotes in British and wire copy: who speaks, per error kind of issue 13 (articles of our own)."""

from __future__ import annotations

from body_statements import body_statements as _statements


def _speaker_of(text: str, words: str) -> str | None:
    """The speaker name of the one statement whose text starts with `words`."""
    found = [q for q in _statements(text) if q.text.startswith(words)]
    assert len(found) == 1, [q.text for q in _statements(text)]
    return found[0].speaker.name


def test_an_explicit_speaker_outranks_the_quote_carried_over():
    text = (
        "The harbour board met on Monday.\n\n"
        'Martin Hale, the chairman, said: "The pier is closed. We will reopen it next year.\n\n'
        '"That is not good enough for the fishermen," Jane Reed, a councillor, said at the meeting.'
    )
    assert _speaker_of(text, "The pier is closed") == "Martin Hale"
    assert _speaker_of(text, "That is not good enough") == "Jane Reed"


def test_a_quote_running_on_stays_with_who_began_it():
    text = (
        "The harbour board met on Monday.\n\n"
        '"We warned the board in 2019," said Jane Reed, a councillor.\n\n'
        '"Martin Hale knew the pier was failing, and he did nothing."\n\n'
        "Hale, the chairman, declined to comment."
    )
    assert _speaker_of(text, "We warned the board") == "Jane Reed"
    assert "Martin Hale knew" in next(q.text for q in _statements(text))


def test_the_prime_minister_is_who_the_article_says_holds_the_office():
    text = (
        "LONDON (Reuters) - Theresa Hale became prime minister in 2019 after a leadership contest.\n\n"
        "On Tuesday, Labour leader Tom Reed attacked her record on housing in parliament.\n\n"
        '"We have built more homes than any government in a generation," the prime minister said.'
    )
    assert _speaker_of(text, "We have built more homes") == "Theresa Hale"


def test_a_dateline_is_not_part_of_the_speaker():
    text = (
        "MOSCOW (Reuters) - Russia's deputy foreign minister Sergei Ryabkov was quoted by the Interfax news "
        'agency as saying: "We see no basis for new talks."'
    )
    assert _speaker_of(text, "We see no basis") == "Sergei Ryabkov"


def test_a_bare_party_is_the_party_the_article_names():
    text = (
        "The Harbour Independence Party won four seats in the local election.\n\n"
        '"This is a historic night for our town," the party said in a statement.'
    )
    assert _speaker_of(text, "This is a historic night") == "Harbour Independence Party"


def test_words_passed_on_belong_to_who_said_them_first():
    text = 'Tom Reed said Martin Hale had told him privately: "We will never sell the pier."'
    assert _speaker_of(text, "We will never sell the pier") == "Martin Hale"


def test_the_minister_is_not_the_ministers_aide():
    text = (
        "The minister's aide, Ann Cole, said the minister had phoned her late on Monday night.\n\n"
        'The minister told her: "I am not resigning, whatever the papers say."'
    )
    assert _speaker_of(text, "I am not resigning") != "Ann Cole"


def test_british_titles_stay_out_of_names():
    text = (
        "The harbour board met on Monday.\n\n"
        "\u2018This is a betrayal of the fishermen,\u2019 said Councillor Jane Reed. "
        "\u2018They were never asked.\u2019"
    )
    assert _speaker_of(text, "This is a betrayal") == "Jane Reed"


def test_a_coordinated_cue_keeps_the_reported_clause_before_it():
    text = (
        "The ferry service was cut last week.\n\n"
        'Okafor said the cut was made by the harbour board and said, "Who are you going to trust on '
        'safety?"'
    )
    statements = _statements(text)
    assert any(q.text.startswith("the cut was made") for q in statements)
    assert _speaker_of(text, "Who are you going to trust") == "Okafor"


def test_a_short_answer_after_a_coordinated_cue():
    text = (
        "The ferry service was cut last week.\n\n"
        'Asked whether the night boats would return, Okafor shook her head and said, "No."'
    )
    assert _speaker_of(text, "No.") == "Okafor"


def test_a_short_fragment_after_a_cue_and_its_subject_is_a_statement():
    text = (
        "The ferry service was cut last week.\n\n"
        'Another critic, Tomas Ruiz, likened the cut to "burning the timetable" at a meeting on Monday.'
    )
    assert _speaker_of(text, "burning the timetable") == "Tomas Ruiz"


def test_a_short_fragment_with_no_cue_is_a_scare_quote():
    text = 'The ferry service was cut last week.\n\nThe so-called "night boat levy" was dropped in May.'
    assert not any(q.text.startswith("night boat levy") for q in _statements(text))


def test_a_fragment_inside_a_participle_clause_leaves_the_clause_whole():
    text = (
        "The ferry service was cut last week.\n\n"
        'Okafor told the meeting she would fight the cut, saying that "the island still depends on '
        'the boats" in winter.'
    )
    clauses = [q for q in _statements(text) if "the island still depends" in q.text]
    assert len(clauses) == 1 and clauses[0].text.endswith("in winter") and clauses[0].kind == "mixed"


def test_a_round_up_signs_each_quote_on_its_own_line():
    text = (
        "Readers sent us their views.\n\n"
        "\u201cHe frightens me. He talks about us as if we did not matter.\u201d \u2015 Krystal Moreno\n"
        "\u201cHe cannot answer a question without scaring people first.\u201d \u2015 Esther Vale\n"
        "\u201cThe most unqualified child ever to run.\u201d \u2015 Frank Herrero\n"
    )
    assert _speaker_of(text, "He frightens me") == "Krystal Moreno"
    assert _speaker_of(text, "He cannot answer") == "Esther Vale"
    assert _speaker_of(text, "The most unqualified") == "Frank Herrero"


def test_a_first_paragraph_reporting_speech_is_not_a_standfirst():
    from service.extraction import extract

    text = 'Pier to close for two years\n\nThe pier will close, Hale said\n\n"It is not safe," he said.\n'
    statements = extract(text).quotes
    assert [q.text for q in statements] == ["The pier will close", "It is not safe"]
    assert all(q.speaker.name == "Hale" for q in statements)


def test_a_standfirst_in_headline_style_stays_out():
    from service.extraction import extract

    text = "Pier to close for two years\n\nBoard says pier will shut as fishermen protest\n\nThe board met.\n"
    assert extract(text).quotes == ()


def test_a_participle_after_a_cue_gives_one_whole_statement():
    text = (
        "The ferry service was cut last week.\n\n"
        'Okafor posted on Sunday morning, saying, "Is the board finally going to listen? It had better."'
    )
    statements = [q for q in _statements(text) if "finally going to listen" in q.text]
    assert len(statements) == 1
    assert statements[0].text.endswith("It had better.") and statements[0].speaker.name == "Okafor"


def test_a_manner_lead_in_keeps_the_reported_clause_before_it():
    text = (
        "The ferry service was cut last week.\n\n"
        "When Reed noted that Okafor had not paid the harbour levy, Okafor boasted, "
        '"That makes me smart."'
    )
    assert _speaker_of(text, "Okafor had not paid") == "Reed"
    assert _speaker_of(text, "That makes me smart") == "Okafor"
