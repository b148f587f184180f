"""Statements found in wire-style fixture articles and in targeted snippets of news English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extraction import extract
from service.extraction.cues import wordset
from service.extraction.layout.clean import Block
from service.extraction.layout.spans import paragraphs, quote_spans
from service.extraction.statements import find_quotes
from service.models import joined_text

FIXTURES = Path(__file__).parents[1] / "fixtures" / "articles"
WIRE = sorted(p.stem for p in FIXTURES.glob("wire_*.txt"))


def _load(name: str) -> tuple[str, dict]:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    spec = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return text, spec


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _best(quotes, span):
    return max(quotes, key=lambda q: _overlap((q.start, q.end), span), default=None)


def _body_quotes(text: str, published: str | None = None):
    """Statements of a snippet treated as one body block per paragraph."""
    blocks = [Block(p.start, p.end, "body") for p in paragraphs(text, [Block(0, len(text), "body")])]
    return find_quotes(text, blocks, published)


EXPECTED = [(name, i) for name in WIRE for i in range(len(_load(name)[1]["statements"]))]


@pytest.mark.parametrize(("name", "index"), EXPECTED, ids=[f"{n}-{i}" for n, i in EXPECTED])
def test_fixture_statement_is_found_with_its_speaker(name, index):
    text, spec = _load(name)
    want = spec["statements"][index]
    at = text.find(want["text"])
    span = (at, at + len(want["text"]))
    quotes = extract(text).quotes
    got = _best(quotes, span)
    assert got is not None and _overlap((got.start, got.end), span) >= 0.6 * (span[1] - span[0]), want["text"]
    assert want["speaker"].lower() in (got.speaker.name or "").lower()
    assert got.kind == want["kind"]
    if "anonymous" in want:
        assert got.speaker.anonymous == want["anonymous"]
    if "said" in want:
        assert (got.said_on or "").startswith(want["said"])
    if "venue" in want:
        assert want["venue"].lower() in (got.venue or "").lower()


@pytest.mark.parametrize("name", WIRE)
def test_fixture_has_no_statement_outside_the_expected_ones(name):
    text, spec = _load(name)
    spans = [(text.find(s["text"]), text.find(s["text"]) + len(s["text"])) for s in spec["statements"]]
    for quote in extract(text).quotes:
        parts = quote.parts or ((quote.start, quote.end),)  # a split quote's words, not its attribution
        inside = sum(_overlap(part, span) for part in parts for span in spans)
        assert inside >= 0.5 * sum(end - start for start, end in parts), quote.text


@pytest.mark.parametrize("name", WIRE)
def test_fixture_negatives_are_not_statements(name):
    text, spec = _load(name)
    texts = {q.text.strip(" \"'.,").lower() for q in extract(text).quotes}
    for negative in spec["not_statements"]:
        assert negative.lower() not in texts


@pytest.mark.parametrize("name", WIRE)
def test_offsets_point_at_the_text(name):
    text, _ = _load(name)
    for quote in extract(text).quotes:
        parts = quote.parts or ((quote.start, quote.end),)
        assert quote.text == joined_text(text, parts)
        assert parts[0][0] == quote.start and parts[-1][1] == quote.end
        assert all(a[1] <= b[0] for a, b in zip(parts, parts[1:], strict=False))


@pytest.mark.parametrize(
    ("snippet", "expected", "kind"),
    [
        ("\u201cWe will not back down,\u201d Jane Roe said on Monday.", "We will not back down", "direct"),
        (
            "Jane Roe said conservatives were angry about the bill.",
            "conservatives were angry about the bill",
            "indirect",
        ),
        (
            '"We will not back down," said Jane Roe, a spokeswoman for the union.',
            "We will not back down",
            "direct",
        ),
        ("``We will not back down,'' Jane Roe said.", "We will not back down", "direct"),
        ("''We will not back down,'' Jane Roe said.", "We will not back down", "direct"),
        (
            'Jane Roe said: "We will not back down from this fight."',
            "We will not back down from this fight.",
            "direct",
        ),
        ("Jane Roe said the union would not back down.", "the union would not back down", "indirect"),
        ("The union would not back down, Jane Roe said.", "The union would not back down", "indirect"),
        (
            "According to Jane Roe, the union would not back down.",
            "the union would not back down",
            "indirect",
        ),
        (
            "The union would not back down, according to Jane Roe.",
            "The union would not back down",
            "indirect",
        ),
        (
            "Jane Roe warned that the union would \u201cnot back down\u201d.",
            "the union would \u201cnot back down\u201d",
            "mixed",
        ),
        (
            "Jane Roe told reporters that the union would not back down.",
            "the union would not back down",
            "indirect",
        ),
        ("Jane Roe says the union will not back down.", "the union will not back down", "indirect"),
        (
            "Jane Roe has maintained that the union would not back down.",
            "the union would not back down",
            "indirect",
        ),
    ],
)
def test_attribution_patterns(snippet, expected, kind):
    quotes = _body_quotes(snippet)
    assert [q.text for q in quotes] == [expected]
    assert quotes[0].kind == kind
    assert quotes[0].speaker.name == "Jane Roe"


@pytest.mark.parametrize(
    "snippet",
    [
        "The so-called \u201cmoderate\u201d rebels have lost ground in the north of the country.",
        "In his book \u201cThe Art of the Deal,\u201d the businessman described negotiation as a game.",
        "The company is said to be considering a sale of its European business.",
        "Roe never mentioned that the union had lost members this year.",
        "Roe declined to say whether the union would strike next month.",
        "The death toll has reached 400, according to U.N. estimates.",
        "Extremists who have returned home have staged attacks that claimed scores of lives.",
        # a standing view cited in passing, in the present tense (what was said on record is read)
        "The airstrikes, which Paris and London say has weakened the group, ended in March.",
        "Police said.",
        "Jane Roe told the story of her escape from the burning factory.",
    ],
)
def test_not_statements(snippet):
    assert _body_quotes(snippet) == []


def test_split_quote_is_one_statement_with_its_parts():
    text = (
        "\u201cWe know a good bit,\u201d Rasmussen said. "
        "\u201cWe just don\u2019t have proof of his death.\u201d"
    )
    (quote,) = _body_quotes(text)
    assert quote.text == "We know a good bit, We just don\u2019t have proof of his death."
    assert quote.speaker.name == "Rasmussen"
    assert [text[s:e] for s, e in quote.parts] == [
        "We know a good bit,",
        "We just don\u2019t have proof of his death.",
    ]
    assert (quote.start, quote.end) == (quote.parts[0][0], quote.parts[-1][1])


def test_quote_reopened_in_the_next_paragraph_is_one_statement():
    text = '"It is the worst year we have had.\n\n"Nobody here will make it without help," Tom Becker said.'
    quotes = _body_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].text.startswith("It is the worst") and quotes[0].text.endswith("without help")


def test_quote_closed_in_the_next_paragraph_drops_the_stray_source():
    text = (
        'Ivan Petrov spoke to reporters.\n\n"The threat has grown. It comes from abroad; Tass reported.\n\n'
        'We will answer it," Ivan Petrov told Tass.'
    )
    quotes = _body_quotes(text)
    texts = [q.text for q in quotes]
    assert texts == ["The threat has grown. It comes from abroad", "We will answer it"]
    assert all(q.speaker.name == "Ivan Petrov" for q in quotes)


def test_unattributed_quote_takes_the_previous_paragraphs_speaker():
    text = 'Jane Roe said on Monday that the union would strike.\n\n"We have no other choice left to us."'
    quotes = _body_quotes(text, "2024-05-10")
    assert quotes[-1].speaker.name == "Jane Roe"
    assert quotes[-1].said_on == quotes[0].said_on == "2024-05-06"


def test_said_on_comes_from_the_attribution_not_the_quote():
    text = '"We will strike in June," Jane Roe said on Friday.'
    assert _body_quotes(text, "2024-05-08")[0].said_on == "2024-05-03"


@given(st.text(alphabet=st.sampled_from(list("ab .,\"\u201c\u201d\n'`")), max_size=80))
@settings(max_examples=150, deadline=None)
def test_quote_spans_stay_inside_their_paragraph(text):
    paras = paragraphs(text, [Block(0, len(text), "body")])
    for span in quote_spans(text, paras):
        para = paras[span.para]
        assert para.start <= span.start <= span.end <= para.end


def test_added_clause_is_a_second_statement_by_the_same_speaker():
    text = (
        "The company said it would appeal the ruling, adding that the judge had ignored key evidence.\n\n"
        "Police arrested the man on Friday, saying he had threatened a neighbour."
    )
    quotes = _body_quotes(text)
    assert [q.text for q in quotes] == [
        "it would appeal the ruling",
        "the judge had ignored key evidence",
        "he had threatened a neighbour",
    ]
    assert quotes[1].speaker.name == "company" and quotes[1].cue == "adding"
    # With no statement before it, the participle reports the words of the sentence's subject.
    assert quotes[2].speaker.name == "Police" and quotes[2].cue == "saying"


@pytest.mark.parametrize(
    "snippet",
    [
        "The fans answered the post within minutes, adding a row of laughing emojis.",
        "She left the stage, saying nothing to the crowd.",
        "The council met for three hours, adding two items to the agenda.",
    ],
)
def test_participle_with_an_object_states_nothing(snippet):
    assert _body_quotes(snippet) == []


@pytest.mark.parametrize(
    "snippet",
    [
        "Its founder, a retired nurse named Ruth Adler, told the story of its first winter many times.",
        "It is often said that cities are only as good as their shelters.",
        "Adler has never said publicly how much she was paid for the land.",
    ],
)
def test_feature_writing_that_states_nothing(snippet):
    assert _body_quotes(snippet) == []


@pytest.mark.parametrize(
    ("snippet", "expected", "speaker"),
    [
        (
            "Hundreds of people who fled the fighting told Reuters they had not eaten for days.",
            "they had not eaten for days",
            "Hundreds of people",
        ),
        (
            "The plan, according to U.N. officials, would bring food to 40,000 people by Friday.",
            "The plan, according to U.N. officials, would bring food to 40,000 people by Friday",
            "U.N. officials",
        ),
        (
            '"The situation is catastrophic," according to Pawel Krzysiek, a spokesman for the Red Cross.',
            "The situation is catastrophic",
            "Pawel Krzysiek",
        ),
    ],
)
def test_more_attribution_shapes(snippet, expected, speaker):
    (quote,) = _body_quotes(snippet)
    assert (quote.text, quote.speaker.name) == (expected, speaker)


def test_it_added_refers_to_the_body_that_spoke():
    text = (
        "The ministry said in a statement that the convoy had been delayed by shelling. "
        "It added that a second convoy would leave on Wednesday."
    )
    quotes = _body_quotes(text)
    assert [q.speaker.name for q in quotes] == ["ministry", "ministry"]


def test_quote_after_a_paragraph_naming_someone_is_theirs():
    text = (
        "MIAMI (AP) \u2014 Officials said on Monday that 300 homes had been destroyed.\n\n"
        '"We are doing everything we can," Mayor Daniella Levine Cava said.\n\n'
        "Maria Lopez, 45, lost her home in the flood.\n\n"
        '"I have nothing left. Nothing at all."'
    )
    quotes = _body_quotes(text, "2024-03-12")
    assert [q.speaker.name for q in quotes] == ["Officials", "Daniella Levine Cava", "Maria Lopez"]
    assert quotes[0].text == "300 homes had been destroyed"


def test_long_quoted_fragment_is_a_statement_of_the_person_named_before_it():
    text = (
        "President Donald Trump called the ruling "
        "\u201ca disgrace to everyone who believes in fair trade\u201d and vowed to appeal.\n\n"
        "The so-called \u201cLiberation Day\u201d tariffs were announced in April.\n\n"
        "Jane Roe warned that the union would \u201cnot back down under any circumstances whatsoever\u201d."
    )
    quotes = _body_quotes(text)
    assert [(q.kind, q.speaker.name) for q in quotes] == [("mixed", "Donald Trump"), ("mixed", "Jane Roe")]
    # the quote names the ruling, and the statement holds both (naming.py)
    assert quotes[0].text == "the ruling \u201ca disgrace to everyone who believes in fair trade\u201d"


_TOKENS = [
    "said",
    "told",
    "according to",
    "he",
    "she",
    "the official",
    "John Smith",
    "Smith",
    "Reuters",
    ",",
    ".",
    "\u201c",
    "\u201d",
    '"',
    "``",
    "''",
    "that",
    "the",
    "plan",
    "would",
    "fail",
    "on Monday",
    "\n\n",
    "Sen.",
    "a spokesman for the ministry",
    "who asked not to be named",
    "adding that",
    "(AP) \u2014",
    "WASHINGTON",
    *sorted(wordset("\u2018 \u2019 \u00ab \u00bb \u201e : ; of in Ms. Police Analysts ( ) named 34")),
    *sorted(wordset("(R-S.D.) study found it")),
    "was quoted by Interfax as saying",
]


@given(st.lists(st.sampled_from(_TOKENS), max_size=60))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_statements_whose_offsets_hold(tokens):
    text = " ".join(tokens)
    for quote in extract(text).quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        # A quote over several paragraphs (or split around its attribution) joins its parts' words.
        assert quote.text == joined_text(text, quote.parts or ((quote.start, quote.end),))
        assert quote.kind in ("direct", "indirect", "mixed")


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        (
            "\u2018We don\u2019t want war, but we will defend ourselves,\u2019 "
            "Defence Secretary Ben Wallace said.",
            "We don\u2019t want war, but we will defend ourselves",
        ),
        (
            "\u00abWe will not give in to pressure,\u00bb the minister Jean Dupont said.",
            "We will not give in to pressure",
        ),
        ("\u201eWe can do this together,\u201c Chancellor Angela Merkel said.", "We can do this together"),
    ],
)
def test_other_quote_marks(snippet, expected):
    (quote,) = _body_quotes(snippet)
    assert quote.text == expected and quote.kind == "direct"


def test_single_quotes_inside_double_quoted_text_are_not_statements():
    text = "The so-called \u2018moderate\u2019 opposition has lost ground, the minister\u2019s aide said."
    assert [q.kind for q in _body_quotes(text)] == ["indirect"]


def test_quoted_as_saying():
    text = (
        "Deputy Foreign Minister Sergei Ryabkov was quoted by Interfax as saying that Moscow would respond."
    )
    (quote,) = _body_quotes(text)
    assert (quote.text, quote.speaker.name, quote.venue) == (
        "Moscow would respond",
        "Sergei Ryabkov",
        "Interfax",
    )


def test_long_title_of_a_work_is_not_a_statement():
    text = (
        "In her 1936 copy of \u201cHow to Win Friends and Influence People,\u201d she underlined every page."
    )
    assert _body_quotes(text) == []


def test_lede_classified_as_a_title_is_still_read():
    text = (
        "Court rejects appeal\n\n"
        "DETROIT (AP) \u2014 A federal court on Tuesday rejected an appeal by General Motors, "
        "the company said.\n\n"
        "Shares fell 3% on the news, and analysts said the case could drag on for years.\n"
    )
    quotes = extract(text).quotes
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("A federal court on Tuesday rejected an appeal by General Motors", "company"),
        ("the case could drag on for years", "analysts"),
    ]


def test_loose_quote_takes_the_subject_of_its_sentence():
    text = (
        "Ruth Adler said the shelter would close.\n\n"
        "Critics have called the program \u201ca Band-Aid on a broken leg.\u201d"
    )
    quote = _body_quotes(text)[-1]
    assert (quote.text, quote.speaker.name, quote.cue) == (
        "the program \u201ca Band-Aid on a broken leg.\u201d",  # with the thing it names (naming.py)
        "Critics",
        "called",
    )


@pytest.mark.parametrize(
    ("snippet", "expected", "speaker"),
    [
        # A bare noun phrase opens the clause: no "that", no article.
        (
            "Gov. Maria Okafor toured the flooded towns on Monday.\n\n"
            "Okafor said firefighters contained the blaze before it reached the warehouse.",
            "firefighters contained the blaze before it reached the warehouse",
            "Maria Okafor",
        ),
        (
            "Economist Raj Patel studies housing.\n\n"
            "Patel said rising rents in the downtown core could push families out.",
            "rising rents in the downtown core could push families out",
            "Raj Patel",
        ),
        # A second verb joined by "and"/"but": the sentence's subject speaks.
        (
            "County Judge Dana Whitfield ordered an evacuation on Sunday.\n\n"
            "Whitfield urged residents who live near the bayou to leave, and said the county was opening "
            "two shelters.",
            "the county was opening two shelters",
            "Dana Whitfield",
        ),
        (
            "Mayor Paul Johnson signed the order Tuesday but said the curfew would be lifted soon.",
            "the curfew would be lifted soon",
            "Paul Johnson",
        ),
        # A participle after the subject's own action, with no statement before it.
        (
            "Councilwoman Ana Delgado opposed the budget.\n\n"
            "Delgado blasted that plan, saying it would gut funding for libraries.",
            "it would gut funding for libraries",
            "Ana Delgado",
        ),
        # A tag inside the sentence: after an opener only the rest, else the whole sentence.
        (
            "Ellen Byrd, a rancher, bought the drone in May.\n\n"
            "On the second night, she recalls, the generator failed and the crew slept in their trucks.",
            "the generator failed and the crew slept in their trucks",
            "Ellen Byrd",
        ),
        (
            "Health Director Omar Reyes spoke on Friday.\n\n"
            "The new rules, he said, would take effect in March.",
            "The new rules, he said, would take effect in March",
            "Omar Reyes",
        ),
    ],
)
def test_reported_speech_shapes_of_us_news(snippet, expected, speaker):
    quote = _body_quotes(snippet)[-1]
    assert (quote.text, quote.speaker.name) == (expected, speaker)


@pytest.mark.parametrize(
    "snippet",
    [
        "Mills said goodbye to the staff on Friday and left the building.",
        "Mills said nothing about the settlement when asked by reporters.",
        "Extremists who have returned home have staged attacks that claimed scores of lives.",
        # a standing view cited in passing, in the present tense (what was said on record is read)
        "The airstrikes, which Paris and London say has weakened the group, ended in March.",
        "Prices rose sharply after the storm and said to be rising further.",
        "The players said their prayers before kickoff.",
        "Asked what he would do next, Smith said nothing.",
    ],
)
def test_words_after_said_that_are_no_clause(snippet):
    assert _body_quotes(snippet) == []


def test_subject_with_relative_clauses_is_the_speaker():
    text = (
        "A cashier who was on shift during the holdup, and who asked not to be named, said the robber "
        "was nervous and kept looking at the door.\n\n"
        "A bartender who asked that his name not be used said the fight started outside."
    )
    first, second = _body_quotes(text)
    assert first.text == "the robber was nervous and kept looking at the door"
    assert (first.speaker.name, first.speaker.anonymous) == ("cashier", True)
    assert (second.text, second.speaker.name) == ("the fight started outside", "bartender")
    assert second.speaker.anonymous


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        (
            "Brookfield Mills said on Tuesday it would close two plants in Ohio, as the paper maker "
            "struggles with falling demand for newsprint.",
            "it would close two plants in Ohio",
        ),
        (
            "Gov. Ann Liu said she had asked for federal aid, which would pay for debris removal.",
            "she had asked for federal aid",
        ),
    ],
)
def test_reporter_context_after_a_statement_is_cut(snippet, expected):
    assert _body_quotes(snippet)[0].text == expected


@pytest.mark.parametrize(
    ("snippet", "expected", "speaker"),
    [
        ("Both men said they were satisfied with the deal.", "they were satisfied with the deal", "Both men"),
        (
            "Many residents say they feel forgotten by the city.",
            "they feel forgotten by the city",
            "Many residents",
        ),
        (
            "Some economists warn a recession is likely next year.",
            "a recession is likely next year",
            "Some economists",
        ),
    ],
)
def test_plain_present_cues_and_pronoun_clauses(snippet, expected, speaker):
    (quote,) = _body_quotes(snippet)
    assert (quote.text, quote.speaker.name) == (expected, speaker)


@pytest.mark.parametrize(
    ("snippet", "expected", "speaker"),
    [
        (  # a description, then the person it names, after the quote
            '"We will appeal," the plaintiffs\' lawyer, attorney Rosa Menendez, wrote in a filing.',
            "We will appeal",
            "Rosa Menendez",
        ),
        (  # the source of "according to" carries its own appositive
            "Mortgage demand fell for a fifth straight week, according to Dana Whitcombe, "
            "an economist at the National Realtors Board.",
            "Mortgage demand fell for a fifth straight week",
            "Dana Whitcombe",
        ),
        (  # a scene-setting adverb is nobody's name
            "Outside, Pedro Almeida, a bus driver, said the route had been cut twice this year.",
            "the route had been cut twice this year",
            "Pedro Almeida",
        ),
        (
            "Afterward, Coach Tamsin Okoro said her team had lost its legs in the fourth quarter.",
            "her team had lost its legs in the fourth quarter",
            "Tamsin Okoro",
        ),
    ],
)
def test_attribution_shapes_of_us_copy(snippet, expected, speaker):
    quotes = _body_quotes(snippet)
    assert [(q.text, q.speaker.name) for q in quotes] == [(expected, speaker)]


def test_fragment_closed_by_according_to_a_document_belongs_to_the_subject():
    text = 'Haller told deputies he had "only one glass of wine," according to the arrest report.'
    (quote,) = _body_quotes(text)
    assert quote.speaker.name == "Haller" and quote.kind == "mixed"
    assert quote.text == 'he had "only one glass of wine'


def test_quote_opening_a_that_clause_which_goes_on_is_one_mixed_statement():
    text = (
        'Gov. Lena Forsberg said in a statement Friday that "the budget is balanced" and that '
        'the state would "not raise a single tax this year."'
    )
    (quote,) = _body_quotes(text, "2024-05-03")
    assert quote.kind == "mixed" and quote.speaker.name == "Lena Forsberg"
    assert quote.text.startswith('"the budget is balanced" and that the state would')


def test_anonymous_group_with_a_long_relative_clause_speaks():
    text = (
        "Three current auditors, who spoke on the condition of anonymity because they feared losing their "
        "jobs at the agency, said managers routinely changed their findings."
    )
    (quote,) = _body_quotes(text)
    assert quote.text == "managers routinely changed their findings"
    assert quote.speaker.anonymous and "auditors" in quote.speaker.name


def test_said_then_takes_the_date_of_the_speakers_earlier_occasion():
    text = (
        "Harold Brink, who coached at Central for 40 years, died Sunday.\n\n"
        "In a 1998 interview on his retirement, Brink said he never cared much for banners.\n\n"
        '"Winning was fine," he said then. "Showing up for each other was the point of it all."'
    )
    quotes = _body_quotes(text, "2024-02-06")
    assert [q.said_on for q in quotes] == ["1998", "1998"]  # the split quote is one statement


def test_one_of_a_group_with_an_appositive_speaks_and_the_document_relays_it():
    text = (
        "Three teenagers were detained after the crash. One of them, a 17-year-old from Dover, told "
        'troopers the car "just would not stop," the incident report says.'
    )
    (quote,) = _body_quotes(text)
    assert quote.kind == "mixed" and quote.text.startswith('the car "just would not stop')
    assert quote.speaker.anonymous and "17-year-old" in (quote.speaker.role or "")


def test_the_lead_in_of_a_quote_reports_words_of_its_own():
    text = (
        "Bridge to reopen\n\nMayor Lena Ortiz said the bridge over the Calder would reopen in the spring: "
        "\u201cWe have the money and the crews, and the steel arrives in March.\u201d\n"
    )
    statements = [(q.kind, q.text, q.speaker.name) for q in extract(text).quotes]
    assert statements == [
        ("indirect", "the bridge over the Calder would reopen in the spring", "Lena Ortiz"),
        ("direct", "We have the money and the crews, and the steel arrives in March.", "Lena Ortiz"),
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Councillor Ana Ortiz wrote: \u201cPeople outside the hall wore \u201cVote Ortiz\u201d shirts "
            "at the rally. What a day.\u201d",
            "People outside the hall wore \u201cVote Ortiz\u201d shirts at the rally. What a day.",
        ),
        (
            '"The flyer claimed "the pier is safe" when the engineers said otherwise," Tom Hale said.',
            'The flyer claimed "the pier is safe" when the engineers said otherwise,',
        ),
    ],
)
def test_a_quotation_inside_a_quote_stays_part_of_its_words(text, words):
    paras = paragraphs(text, [Block(0, len(text), "body")])
    assert [text[s.start : s.end] for s in quote_spans(text, paras)] == [words]


def test_an_opener_that_follows_a_quote_without_its_closing_mark_still_starts_a_new_quote():
    text = "\u201cWe lost the pier, Hale said. \u201cWe will rebuild it,\u201d he added. \u201cSoon.\u201d"
    paras = paragraphs(text, [Block(0, len(text), "body")])
    assert [text[s.start : s.end] for s in quote_spans(text, paras)] == [
        "We lost the pier, Hale said. ",
        "We will rebuild it,",
        "Soon.",
    ]


def test_a_closing_mark_after_a_space_that_follows_a_single_quote_closes_the_quote():
    text = '"People ask why they should vote for the name \'Hale,\' " said Ana Ortiz. "But they listen."'
    paras = paragraphs(text, [Block(0, len(text), "body")])
    assert [text[s.start : s.end] for s in quote_spans(text, paras)] == [
        "People ask why they should vote for the name 'Hale,' ",
        "But they listen.",
    ]


def test_a_reported_clause_that_opens_with_a_quote_does_not_end_inside_it():
    text = (
        "Headline\n\nThe senator was defensive when asked about a contractor who said he was cheated "
        "after he built a marina at one of the senator\u2019s estates, saying, \u201cMaybe he didn\u2019t "
        "do a good job, and I wasn\u2019t satisfied with his work.\u201d"
    )
    said = [q.text for q in extract(text).quotes if q.text.startswith("Maybe")]
    assert said == ["Maybe he didn\u2019t do a good job, and I wasn\u2019t satisfied with his work."]


def test_a_quotation_in_the_other_marks_inside_a_quote_that_runs_on_stays_inside_it():
    text = (
        "Councillor Ana Ortiz stated:\n\n"
        '"The board is no longer about \u201cFair Play For All\u201d at all. It serves the governor.\n\n'
        '"The harbour levy should be repealed."'
    )
    paras = paragraphs(text, [Block(0, len(text), "body")])
    assert [text[s.start : s.end] for s in quote_spans(text, paras)] == [
        "The board is no longer about \u201cFair Play For All\u201d at all. It serves the governor.",
        "The harbour levy should be repealed.",
    ]


def test_a_stray_mark_before_a_quotation_in_the_other_marks_does_not_swallow_it():
    text = (
        '"The candidate walked onto the stage, chanting \u201cFour more years!\u201d\n\n'
        "\u201cThat is right,\u201d a supporter said."
    )
    paras = paragraphs(text, [Block(0, len(text), "body")])
    assert "Four more years!" in [text[s.start : s.end] for s in quote_spans(text, paras)]


def test_a_closing_mark_typed_where_a_line_opens_a_quote_opens_it():
    text = (
        "\u201cThe harbour plan is a disgrace.\u201d \u2015 Carla Ruiz\n"
        "\u201dHe never answered a single question.\u201d \u2015 Tom Hale\n"
        "\u201cNobody spoke for the fishermen.\u201d \u2015 Ana Ortiz"
    )
    paras = paragraphs(text, [Block(0, len(text), "body")])
    assert [text[s.start : s.end] for s in quote_spans(text, paras)] == [
        "The harbour plan is a disgrace.",
        "He never answered a single question.",
        "Nobody spoke for the fishermen.",
    ]
