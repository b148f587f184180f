"""British and older wire copy: single quote marks, knights, bodies and offices (articles of our own)."""

from __future__ import annotations

import pytest
from body_statements import body_statements as _statements
from body_statements import one_statement as _one

from service.extraction.layout.clean import Block
from service.extraction.layout.spans import paragraphs, quote_spans
from service.extraction.speakers.descriptions import body_in_text
from service.extraction.speakers.mentions import parse_mention


def _spans(text: str) -> list[str]:
    paras = paragraphs(text, [Block(0, len(text), "body")])
    return [text[s.start : s.end] for s in quote_spans(text, paras)]


@pytest.mark.parametrize(("opening", "closing"), [("'", "'"), ("\u2018", "\u2019")])
def test_a_quote_in_single_marks_is_a_direct_statement(opening, closing):
    text = (
        "The bypass was approved on Monday night.\n\n"
        f"Opposition councillor Ruth Hale told the Ashby Bugle: {opening}We have been given no figures at "
        f"all.{closing}"
    )
    quote = _one(text, "We have been given no figures")
    assert quote.kind == "direct"
    assert quote.text == "We have been given no figures at all."
    assert quote.speaker.name == "Ruth Hale"


def test_apostrophes_never_open_or_close_a_single_marked_quote():
    text = (
        "The town's MP wrote to the drivers' union on Friday; the union's reply came in the '90s style.\n\n"
        "'Every figure has been published,' said Mark Penrose, the council's leader."
    )
    assert _spans(text) == ["Every figure has been published,"]


def test_a_single_marked_quote_runs_on_over_a_paragraph_break():
    text = (
        "Councillors approved the bypass on Monday.\n\n"
        "'This road will take lorries out of the town centre,' said council leader Mark Penrose. 'It has "
        "been talked about for thirty years.\n\n"
        "'Now it will finally be built.'\n\n"
        "Opposition councillor Ruth Hale said the cost had doubled."
    )
    quote = _one(text, "This road will take lorries")
    assert "Now it will finally be built." in quote.text
    assert quote.speaker.name == "Mark Penrose"
    assert not [q for q in _statements(text) if q.text.startswith("Now it will")]


def test_a_single_marked_paragraph_left_open_without_a_reopened_next_stays_out():
    text = (
        "Councillors approved the bypass on Monday.\n\n"
        "Mrs Hale added: 'The council has not told the truth about this from the start.\n\n"
        "The vote was 31 to 12."
    )
    assert _spans(text) == []


def test_sir_and_a_given_name_is_the_knight_the_article_names():
    text = (
        "Miners marched on Westminster yesterday.\n\n"
        "Sir Hugh Denton, the Conservative MP for Rotherfield, told the House he could not support the "
        "Government.\n\n"
        '"I was elected to speak for my constituents," Sir Hugh said.\n\n'
        '"They will not forgive us," said Dame Judith Carr, a former minister. "Nor should they," Dame '
        "Judith said."
    )
    assert _one(text, "I was elected").speaker.name == "Hugh Denton"
    assert _one(text, "They will not forgive us").speaker.name == "Judith Carr"


def test_a_knight_named_only_in_passing_is_found_by_his_given_name():
    text = (
        "The row began when Sir Edward Holt wrote to The Times.\n\n"
        '"These things always blow over," said Sir Edward.'
    )
    assert _one(text, "These things always").speaker.name == "Edward Holt"


def test_the_towns_mp_is_an_office_before_the_name():
    text = (
        "The bypass was approved on Monday.\n\n"
        "The town's MP, Sir Anthony Crane, said the route of the road must change."
    )
    assert _one(text, "the route of the road").speaker.name == "Anthony Crane"
    mention = parse_mention("The town's MP, Sir Anthony Crane", 0)
    assert (mention.kind, mention.name, mention.role) == ("name", "Anthony Crane", "town's MP")


@pytest.mark.parametrize(
    ("lead", "later", "body"),
    [
        (
            "The Soviet Foreign Ministry said in Moscow that progress depended on Washington.",
            "The ministry",
            "Soviet Foreign Ministry",
        ),
        (
            "The agriculture ministry said in a statement that 1,400 cattle had died.",
            "The ministry",
            "agriculture ministry",
        ),
        ("The Foreign Office said the decision was final.", "The department", "Foreign Office"),
        ("The Bank of Japan said it would keep buying bonds.", "The central bank", "Bank of Japan"),
        ("Residents' group Save Ashby Fields said it would seek a review.", "The group", "Save Ashby Fields"),
        ("The Scottish Greens said they would press for an inquiry.", "The party", "Scottish Greens"),
    ],
)
def test_a_bare_noun_for_a_body_is_the_body_of_its_kind_that_spoke(lead, later, body):
    text = f"The talks ended on Tuesday.\n\n{lead} {later} said the matter was closed for now."
    assert _one(text, "the matter was closed").speaker.name == body


def test_a_bare_noun_for_a_body_is_the_body_of_its_kind_the_article_printed():
    text = (
        "Hundreds were evacuated overnight.\n\n"
        "The Environment Agency issued a severe flood warning on Thursday. The agency said river levels "
        "would peak on Saturday.\n\n"
        "A spokeswoman for the opposition Orange Democratic Movement said the government was slow. The party "
        "said it would table a motion."
    )
    assert _one(text, "river levels would peak").speaker.name == "Environment Agency"
    assert _one(text, "it would table a motion").speaker.name == "Orange Democratic Movement"


def test_a_company_is_not_the_last_group_that_spoke():
    text = (
        "Twitter suspended 10,000 accounts.\n\n"
        "The monitoring firm SITE Intelligence Group said the accounts had moved elsewhere. The company said "
        "it had acted within its rules."
    )
    assert _one(text, "it had acted within").speaker.name != "SITE Intelligence Group"


@pytest.mark.parametrize(
    ("lede", "later"),
    [
        ("Scotland's first minister, Alison Baird, has defended the contract.", "The first minister"),
        ("The Prime Minister, Mr Geoffrey Lyall, promised a review of each closure.", "the Prime Minister"),
        ("The prime minister, Graham Whitlock, has ruled out reopening the deal.", "the PM"),
        ("Prime Minister Douglas Fenwick backed his foreign secretary.", "the PM"),
    ],
)
def test_an_office_with_the_is_whom_the_article_names_to_it(lede, later):
    text = (
        f"{lede}\n\n"
        'Opposition leader Craig McLeish said: "How many more millions will go on this?"\n\n'
        f'Asked about Mr McLeish\'s remarks, {later} said: "I will take no lectures from him."'
    )
    holder = lede.split(", ")[1].removeprefix("Mr ") if ", " in lede else "Douglas Fenwick"
    assert _one(text, "I will take no lectures").speaker.name == holder


@pytest.mark.parametrize("scene", ["Defending", "Sentencing him", "Speaking after the vote"])
def test_a_participle_before_the_speaker_sets_the_scene(scene):
    text = f"Liam Brereton admitted stalking.\n\n{scene}, Rachel Ambrose said her client had shown remorse."
    assert _one(text, "her client had shown remorse").speaker.name == "Rachel Ambrose"


@pytest.mark.parametrize(
    ("lead", "later", "body"),
    [
        (
            "The United Auto Workers union threatened a strike on Tuesday.",
            "The union",
            "United Auto Workers union",
        ),
        ("Ford Motor Co. said it had made a fair offer.", "The automaker", "Ford Motor Co."),
        ("Pier Trust chairman Ian Bell said the trust would appeal.", "The trust", "Pier Trust"),
    ],
)
def test_a_bare_noun_finds_a_body_printed_in_other_shapes(lead, later, body):
    text = f"Talks broke down at the Dearborn plant.\n\n{lead} {later} said the matter was closed for now."
    assert _one(text, "the matter was closed").speaker.name == body


def test_a_headline_in_capitals_names_no_body():
    text = (
        "Terror Suspect Named By Police\n\n"
        "Officers spoke to reporters on Friday night.\n\n"
        "The police said the media had been told before the family."
    )
    assert body_in_text("police", text, text.index("The police said")) is None
