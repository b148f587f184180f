"""Tests for page cleaning: blocks cover the page, keep offsets and classify chrome generally."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.extraction.layout.clean import KINDS, Block, split_blocks

FIXTURES = Path(__file__).parents[1] / "fixtures" / "articles"
EXPECTED = json.loads((FIXTURES / "page_expected.json").read_text(encoding="utf-8"))
CORPUS = Path(__file__).parents[2] / "corpus"


def kinds_of(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start : b.end]) for b in split_blocks(text)]


def kind_of_line_in_page(line: str) -> str:
    """The kind given to `line` placed between real paragraphs of a story."""
    page = (
        "Rebels pull back from northern town after talks\n\n"
        "Rebel fighters withdrew from the town of Kafr Nabl on Sunday, a monitoring group said.\n\n"
        f"{line}\n\n"
        "The group said at least 12 people had been killed in the fighting since Friday.\n"
    )
    at = page.index(line)
    block = next(b for b in split_blocks(page) if b.start == at)
    assert page[block.start : block.end] == line
    return block.kind


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_pages_split_and_classify_as_expected(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    got = [f"{b.kind}: " + " ".join(text[b.start : b.end].split())[:60] for b in split_blocks(text)]
    assert got == EXPECTED[name]["blocks"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_blocks_are_stripped_ordered_spans_of_the_original(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    blocks = split_blocks(text)
    assert all(isinstance(b, Block) and b.kind in KINDS for b in blocks)
    for before, after in zip(blocks, blocks[1:], strict=False):
        assert before.end < after.start
    for b in blocks:
        assert text[b.start : b.end] == text[b.start : b.end].strip() != ""


def test_headline_repeated_with_date_line_under_it_are_separate_blocks():
    page = "Officials trade blame over stalled talks\n\nOfficials trade blame over stalled talks\n"
    page += "Tue Mar 8, 2016 10:12:00\n\nThe talks stalled on Monday, officials said.\n"
    assert kinds_of(page) == [
        ("title", "Officials trade blame over stalled talks"),
        ("title", "Officials trade blame over stalled talks"),
        ("dateline", "Tue Mar 8, 2016 10:12:00"),
        ("body", "The talks stalled on Monday, officials said."),
    ]


def test_hard_wrapped_prose_stays_one_block_and_keeps_offsets():
    para = "The minister said the deal would be\nsigned on Friday, and that Turkey\nwould host the ceremony."
    page = f"Deal to be signed on Friday in Ankara\n\n{para}\n"
    blocks = split_blocks(page)
    assert [b.kind for b in blocks] == ["title", "body"]
    assert page[blocks[1].start : blocks[1].end] == para


def test_deck_under_headline_is_not_body():
    page = "Ceasefire holds in Aleppo\nResidents return to ruined districts\n\nThe truce held overnight, "
    page += "residents said.\n"
    assert [k for k, _ in kinds_of(page)] == ["title", "chrome", "body"]


def test_page_without_headline_has_no_title():
    page = "The ministry said on Tuesday that prices rose. Analysts had expected a fall.\n\nMore text here.\n"
    assert "title" not in [k for k, _ in kinds_of(page)]


def test_short_footer_lines_after_a_comment_prompt_are_chrome():
    page = "Ceasefire holds in northern Aleppo\n\nThe truce held overnight, residents said.\n\n"
    page += "Post a Comment\n\nJohn's Blog: news about the region and the world\n"
    assert kinds_of(page)[-1][0] == "chrome"


@pytest.mark.parametrize(
    "line",
    [
        "icon bookmark-bicon cameraicon checkicon chevron downicon closeicon fbicon",
        "READ MORE: Assad says Syria won't negotiate with terrorists",
        "Read more",
        "Related: Turkey closes border crossing",
        "Podcasts",
        "0:00",
        "25:0",
        'string(695) "[{"id":"1488864","title":"Russia: arming rebels"}]"',
        '[{"id": "1", "title": "Another story"}]',
        "Copyright © [RT](#), [RT](#), 2015",
        "© 2016 Reuters. All rights reserved.",
        "Disclaimer: The contents of this article are of sole responsibility of the author(s).",
        "This site contains copyrighted material the use of which has not always been authorized.",
        "Post a Comment",
        "[Comment on Global Research Articles on our Facebook page](#)",
        "[Become a Member of Global Research](#)",
        "Sign up for our daily newsletter",
        "Previous Post Next Post",
        "ADS",
        "editor@example.org",
        "By [RT](#)",
        "By Jonathan Landay | Reuters",
        "Region: [Middle East & North Africa](#)",
        "In-depth Report: [SYRIA](#)",
        "Articles by: [RT](#)",
        "The original source of this article is [RT](#)",
        "This article originally appeared on TomDispatch.",
        "Reporting by Jonathan Landay; Editing by Alistair Bell",
        "Home » World » Middle East",
        "Share this:",
        "Facebook Twitter Email",
        "Tags: Syria, Russia",
        "World | Politics | Business",
        "Russian President Vladimir Putin © Sputnik / Alexei Druzhinin",
        "Updated 2 hours ago",
        "3 min read",
        "Image copyright Getty Images",
        "(Photo by Jane Doe/AFP)",
        "Story continues below advertisement",
        "Print this article",
        "Follow @RT_com",
        "![Syrian soldiers in Aleppo](/img/aleppo.jpg)",
        "[Turkey closes border](/news/1) | [Kurds advance](/news/2)",
        "12 Comments",
        "A Syrian army soldier in Aleppo, Syria, Nov. 4, 2015. REUTERS/Omar Sanadiki",
    ],
)
def test_page_furniture_is_chrome(line):
    assert kind_of_line_in_page(line) == "chrome"


@pytest.mark.parametrize(
    "line",
    [
        "By March, prices had doubled, according to the central bank.",
        "By Thursday the rebels had withdrawn from the city, the army said.",
        "Share prices fell 3 percent in Moscow after the announcement.",
        "Copyright infringement claims rose by a fifth last year, the agency said.",
        "The ministry said on its Twitter account that the talks would resume.",
        "Related talks in Vienna ended without a deal, diplomats said.",
        "Support our troops, the senator told the crowd, drawing applause.",
        "Read the full statement here, a spokesman told reporters on Monday.",
        '"We will not stop," the commander said.',
        "Four days ago, militants attacked the base, the army said.",
        "Advertisement revenue fell by a third, the company said.",
        "Print media in Syria have been shut down since 2012, the group said.",
    ],
)
def test_prose_that_starts_like_furniture_stays_body(line):
    assert kind_of_line_in_page(line) == "body"


@pytest.mark.parametrize("name", ["000_b32c45003a46329d.txt", "003_ca9e77d4d40bc964.txt"])
def test_corpus_pages_keep_every_quote_paragraph_in_body(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    body = [text[b.start : b.end] for b in split_blocks(text) if b.kind == "body"]
    quoted = [p for p in text.split("\n\n") if "“" in p]
    assert quoted and all(any(q.strip() in b or b in q for b in body) for q in quoted)


_PIECES = [*"ab Z.,:|“”\"'0123456789-\t\u00a0\u2003\r", "icon ", "READ MORE: ", "By ", "June 2, 2016 ", "© "]
_LINE = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)


@given(st.lists(st.tuples(_LINE, st.sampled_from(["\n", "\n\n", "\n \n", "\r\n"])), max_size=12))
def test_blocks_cover_every_visible_character_exactly_once(parts):
    text = "".join(line + sep for line, sep in parts)
    blocks = split_blocks(text)
    covered = [False] * len(text)
    for b in blocks:
        assert 0 <= b.start < b.end <= len(text)
        assert text[b.start : b.end] == text[b.start : b.end].strip()
        for i in range(b.start, b.end):
            assert not covered[i]
            covered[i] = True
    assert all(covered[i] for i, ch in enumerate(text) if not ch.isspace())


def test_a_headline_printed_twice_wins_over_promo_lines_above_it():
    page = "Get the latest news on Syria and the world\n\nTalks stall in Geneva over prisoners\n\n"
    page += "Talks stall in Geneva over prisoners\n\nThe talks stalled on Monday, officials said.\n"
    assert [k for k, _ in kinds_of(page)] == ["chrome", "title", "title", "body"]


def test_a_short_lede_ending_in_a_quote_mark_is_body_not_deck():
    page = "Talks stall in Geneva over prisoners\n\nThe envoy said: “We will not give up.”\n\nMore text.\n"
    assert [k for k, _ in kinds_of(page)][:2] == ["title", "body"]


def test_a_photo_credit_in_mid_story_does_not_turn_the_rest_into_footer():
    page = "Rebels pull back from northern town after talks\n\n"
    page += "Rebel fighters withdrew from the town on Sunday, a monitoring group said.\n\n"
    page += "© Sputnik / Mikhail Voskresenskiy\n\n"
    page += "The most recent data came from local council, the official said.\n\n"
    page += "A" * 220 + ", the ministry said.\n\nPost a Comment\n\nNews about the region and the world\n"
    kinds = [k for k, _ in kinds_of(page)]
    assert kinds == ["title", "body", "chrome", "body", "body", "chrome", "chrome"]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Global Research, November 04, 2015", "dateline"),
        ("Published: 14:12 EDT, 4 November 2016 | Updated: 16:40 EDT, 4 November 2016", "dateline"),
        ("Posted on November 4, 2015 by admin", "dateline"),
        ("Syria talks: November 4, 2015 timeline of the war", "body"),
        ("On November 4, 2015, he resigned.", "body"),
    ],
)
def test_date_lines_are_mostly_a_date(line, kind):
    assert kind_of_line_in_page(line) == kind


def test_a_rubric_before_a_pipe_is_part_of_the_headline_not_a_masthead():
    page = "Analysis | Why Russia is winning in Syria\n\nThe campaign changed the war, analysts said.\n"
    assert [k for k, _ in kinds_of(page)] == ["title", "body"]


def test_a_short_headline_above_a_wire_lede_is_the_title_and_the_lede_is_body():
    page = "Court rejects appeal\n\nDETROIT (AP) — A federal court on Tuesday rejected an appeal.\n\n"
    page += "The company said it would consider its options.\n"
    assert [k for k, _ in kinds_of(page)] == ["title", "body", "body"]


@pytest.mark.parametrize(
    "lede",
    [
        "DETROIT (AP) — A federal court on Tuesday rejected an appeal",
        "RIVERBEND, Ill. (WXLT) — The school board voted to close three schools",
        "CHICAGO, Nov 13 (Reuters) - Halvorsen Foods said it would cut jobs",
        "New Orleans, Louisiana (CNN) — The storm made landfall near Grand Isle",
        "LAS VEGAS — For 30 minutes on Saturday, nothing went right for the team",
        "The council voted on Tuesday to borrow money for a parking garage downtown.",
    ],
)
def test_a_paragraph_that_reads_as_a_lede_is_never_the_title(lede):
    page = f"{lede}\n\nThe company said it would consider its options, a spokesman said.\n"
    assert kinds_of(page)[0][0] == "body"


@pytest.mark.parametrize(
    "headline",
    ["Stocks slide as oil jumps", "FBI — the files nobody read", "Iran says no deal on oil output cap yet"],
)
def test_headlines_still_read_as_headlines(headline):
    page = f"{headline}\n\nShares fell on Monday across Asia as oil prices rose, traders said.\n"
    assert kinds_of(page)[0] == ("title", headline)


def test_short_labels_in_a_row_are_navigation_not_a_title():
    page = "World\n\nMiddle East news\n\nDETROIT (AP) — A federal court on Tuesday rejected an appeal.\n"
    assert "title" not in [k for k, _ in kinds_of(page)]


QUOTE_PARAGRAPH = '"We will rebuild every home on this street," Mayor Ana Ruiz said at a news conference.'


def test_a_repeated_quote_paragraph_is_body_once_and_never_the_headline():
    page = "Town vows to rebuild after flood\n\nBy Sam Lee\n\n"
    page += "MILLBROOK (AP) — Floodwaters receded on Tuesday from the center of Millbrook.\n\n"
    page += f"{QUOTE_PARAGRAPH}\n\nResidents spent the day clearing mud.\n\n"
    page += f"{QUOTE_PARAGRAPH}\n\nMore aid is due.\n"
    kinds = kinds_of(page)
    assert kinds[0] == ("title", "Town vows to rebuild after flood")
    assert [k for k, t in kinds if t == QUOTE_PARAGRAPH] == ["body", "chrome"]


def test_a_headline_printed_twice_stays_title_both_times():
    page = "Town vows to rebuild after flood\n\nTown vows to rebuild after flood\n\n"
    page += "Floodwaters receded on Tuesday from the center of Millbrook, officials said.\n"
    assert [k for k, _ in kinds_of(page)] == ["title", "title", "body"]
