"""Speakers in British and wire copy: each error class of issue 13 with an article snippet of our own."""

from __future__ import annotations

from body_statements import body_statements as _statements

from service.extraction import extract
from service.extraction.attribution.bare import colon_label, dash_signature


def _by_text(text: str) -> dict:
    return {q.text: q.speaker for q in _statements(text)}


def test_colon_label_names_the_speaker():
    text = 'Reaction came quickly.\n\nMarta Quill, a ferry captain: "We were never told the times changed."'
    speakers = _by_text(text)
    assert speakers["We were never told the times changed."].name == "Marta Quill"


def test_dash_signature_names_the_speaker():
    text = 'Reaction came quickly.\n\n"Nobody asked the people who live here." \u2015 Oren Vale'
    assert _by_text(text)["Nobody asked the people who live here."].name == "Oren Vale"


def test_label_and_signature_helpers_refuse_sentences():
    lead = "The council met on Tuesday and agreed the following:"
    assert colon_label(lead, 0, len(lead)) is None
    tail = " - and then the meeting closed."
    assert dash_signature(tail, 0, len(tail)) is None


def test_words_passed_on_belong_to_who_said_them():
    text = (
        'Mr Pell said a neighbour had told him the fire "started in the shed". '
        "He said he had called the brigade at once."
    )
    speakers = _by_text(text)
    assert speakers['the fire "started in the shed"'].name == "neighbour"
    assert speakers['the fire "started in the shed"'].anonymous
    assert speakers["he had called the brigade at once"].name == "Pell"


def test_quoted_by_an_agency_as_saying_is_the_subject_speaking():
    text = (
        "Energy Minister Lina Sarraf said on Monday the field would reopen. "
        "The minister was quoted by state news agency PNA as saying exports would resume in May."
    )
    speakers = _by_text(text)
    assert speakers["exports would resume in May"].name == "Lina Sarraf"


def test_dateline_is_no_speaker_of_a_participle_clause():
    text = (
        "VALMORA, Teresia (AP) \u2014 Teresia's largest farmers' union on Monday rejected the new quotas, "
        "saying the cuts would ruin hundreds of small dairies."
    )
    quote = next(q for q in _statements(text) if q.text.startswith("the cuts"))
    assert "VALMORA" not in (quote.speaker.name or "")
    assert "union" in quote.speaker.name


def test_the_prime_minister_is_the_one_the_article_gives_that_office():
    text = (
        "Prime Minister Ruth Calder has promised to keep the hospital open.\n\n"
        'Speaking in the chamber, Mrs Calder said the ward was "not going anywhere".\n\n'
        "The health secretary, Owen Platt, said funding would be confirmed in March.\n\n"
        "The opposition leader, Gwen Ives, said the promise came too late.\n\n"
        'Asked about staffing, the prime minister said: "We will recruit forty nurses this year."'
    )
    assert _by_text(text)["We will recruit forty nurses this year."].name == "Ruth Calder"


def test_the_party_and_the_group_are_the_bodies_just_named():
    text = (
        "The Civic Unity Alliance said it would boycott the count. "
        "The party said its observers had been turned away.\n\n"
        "A monitoring mission from the League of Coastal States said it had seen ballot boxes opened early. "
        "The group urged officials to release every tally sheet."
    )
    speakers = _by_text(text)
    assert speakers["its observers had been turned away"].name == "Civic Unity Alliance"
    assert "League of Coastal States" in speakers["officials to release every tally sheet"].name


def test_a_description_needs_most_of_its_words_in_the_role():
    text = (
        "Russia's deputy defence minister, Colonel General Pavel Ostrov, said the drills would go ahead.\n\n"
        'The Nato secretary general said the alliance would "respond in kind" to any provocation.'
    )
    speaker = _by_text(text)['the alliance would "respond in kind" to any provocation']
    assert speaker.name != "Pavel Ostrov"


def test_particle_names_keep_their_particle():
    text = "Oil Minister Samir al-Qudsi said output would stay unchanged through the summer."
    speaker = _by_text(text)["output would stay unchanged through the summer"]
    assert speaker.name == "Samir al-Qudsi"
    assert speaker.role == "Oil Minister"


def test_an_editors_note_is_page_furniture():
    text = (
        "Harbour fees to rise\n\nBy Staff\n\n"
        "The port authority said fees would rise by 4% in April to pay for new cranes.\n\n"
        "Editor's note: An earlier version of this story gave the wrong date for the increase.\n"
    )
    quotes = [q.text for q in extract(text).quotes]
    assert "fees would rise by 4% in April to pay for new cranes" in quotes
    assert not any("earlier version" in q for q in quotes)


def test_each_speaker_keeps_role_and_organisation():
    text = (
        "Russia's deputy defence minister, Colonel General Pavel Ostrov, said the drills would go ahead.\n\n"
        "A spokeswoman for the Royal Harbour Trust, Mia Lund, said the quay would reopen on Monday.\n\n"
        "Ben Aske, a teacher, said the school would stay shut."
    )
    speakers = _by_text(text)
    assert speakers["the drills would go ahead"].affiliation == "Russia"
    assert "deputy defence minister" in speakers["the drills would go ahead"].role
    assert speakers["the quay would reopen on Monday"].affiliation == "Royal Harbour Trust"
    assert speakers["the school would stay shut"].affiliation is None
