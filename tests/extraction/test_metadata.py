"""Tests for article metadata: only what the page's own words say, never guessed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.extraction.layout.clean import split_blocks
from service.extraction.layout.metadata import read_metadata, same_outlet
from service.models import ArticleMeta

FIXTURES = Path(__file__).parents[1] / "fixtures" / "articles"
EXPECTED = json.loads((FIXTURES / "page_expected.json").read_text(encoding="utf-8"))
CORPUS = Path(__file__).parents[2] / "corpus"


def meta_of(text: str) -> ArticleMeta:
    return read_metadata(text, split_blocks(text))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_pages_metadata(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert meta_of(text) == ArticleMeta(**EXPECTED[name]["meta"])


@pytest.mark.parametrize(
    ("name", "title", "published", "outlet", "original"),
    [
        (
            "000_b32c45003a46329d.txt",
            "Over 40,000 foreign militants from 100 countries fighting in Syria – US State Department",
            "2016-06-03",
            None,
            None,
        ),
        (
            "001_adc5d54549af04e3.txt",
            "25,000-30,000 Foreign Mercenaries in Syria, Fighting for the ISIS",
            "2015-11-04",
            "Global Research",
            "RT",
        ),
        ("002_d2343133c6c71c29.txt", "Many foreign fighters likely to stay in Syria, Iraq", None, None, None),
        (
            "003_ca9e77d4d40bc964.txt",
            "Russia, Syria exchange data on foreign militants",
            "2013-07-12",
            None,
            None,
        ),
    ],
)
def test_corpus_pages_metadata(name, title, published, outlet, original):
    meta = meta_of((CORPUS / name).read_text(encoding="utf-8"))
    assert meta.title == title
    assert (meta.published or "")[:10] == (published or "")
    assert (meta.outlet, meta.original_outlet) == (outlet, original)


STORY = "\n\nThe talks stalled on Monday, officials said, and no new date was set.\n"


@pytest.mark.parametrize(
    ("page", "outlet", "original"),
    [
        (
            "Talks stall in Geneva over prisoners\n\nGlobal Research, November 04, 2015" + STORY,
            "Global Research",
            None,
        ),
        (
            "Talks stall in Geneva over prisoners\n\nThe Sun, Wed 4 Nov 2015 12:57 GMT" + STORY,
            "The Sun",
            None,
        ),
        ("Talks stall in Geneva over prisoners\n\nMet Office | 4 November 2015" + STORY, "Met Office", None),
        (
            "Talks stall in Geneva over prisoners" + STORY + "\nCopyright © Middle East Eye 2016",
            "Middle East Eye",
            None,
        ),
        (
            "Talks stall in Geneva over prisoners\n\nGENEVA (Reuters) - The talks stalled on Monday.\n",
            "Reuters",
            None,
        ),
        ("Talks stall in Geneva over prisoners\n\nGENEVA, Nov 4 (AP) — The talks stalled.\n", "AP", None),
        (
            "Talks stall in Geneva over prisoners\n\n(Reuters) - The talks stalled on Monday.\n",
            "Reuters",
            None,
        ),
        ("Talks stall in Geneva over prisoners\n\nBy Jane Doe | Al Jazeera" + STORY, "Al Jazeera", None),
        ("Talks stall in Geneva over prisoners | Reuters" + STORY, "Reuters", None),
        (
            "Talks stall in Geneva over prisoners"
            + STORY
            + "\nThis article originally appeared on The Intercept.",
            None,
            "The Intercept",
        ),
        (
            "Talks stall in Geneva over prisoners"
            + STORY
            + "\nThe original source of this article is [RT](#)\n"
            "Copyright © [RT](#), 2015",
            None,
            "RT",
        ),
        (
            "Daily Herald | Your local news source\n\nTalks stall in Geneva over prisoners\n\n"
            "GENEVA (Reuters) - The talks stalled on Monday.\n",
            "Daily Herald",
            "Reuters",
        ),
        (
            "Talks stall in Geneva over prisoners\n\nMOSCOW, November 4. /TASS/. The talks stalled.\n",
            "TASS",
            None,
        ),
        ("Talks stall in Geneva over prisoners\n\n© AFP 2016 / STR" + STORY, None, None),
        ("Talks stall in Geneva over prisoners" + STORY + "\n© Sputnik 2016", "Sputnik", None),
        ("Talks stall in Geneva over prisoners" + STORY, None, None),
        (
            "Talks stall in Geneva over prisoners\n\nAuthored by Tyler Durden via ZeroHedge" + STORY,
            None,
            "ZeroHedge",
        ),
        ("Talks stall in Geneva over prisoners" + STORY + "\nVia [RT](#)", None, "RT"),
        ("Talks stall in Geneva over prisoners" + STORY + "\nSource: Anadolu Agency", None, "Anadolu Agency"),
        (
            "Talks stall in Geneva over prisoners\n\nVia Twitter, the envoy said talks had stalled.\n",
            None,
            None,
        ),
        (
            "Talks stall in Geneva over prisoners\n\nThe report, first published by the Guardian in May, "
            "said talks had stalled and that no new date had been set for them.\n",
            None,
            None,
        ),
        (
            "Talks stall in Geneva over prisoners" + STORY + '\n[{"pic":"/2013/06/28/alalam_6350.jpg"}]',
            None,
            None,
        ),
    ],
)
def test_outlets_come_only_from_cues_the_text_prints(page, outlet, original):
    meta = meta_of(page)
    assert (meta.outlet, meta.original_outlet) == (outlet, original)


def test_title_is_the_headline_once_and_published_comes_from_the_date_line():
    page = "Talks stall in Geneva\n\nTalks stall in Geneva\nMon Nov 21, 2016 17:48:36" + STORY
    assert meta_of(page) == ArticleMeta(title="Talks stall in Geneva", published="2016-11-21T17:48:36")


def test_readers_comment_timestamps_are_not_the_publication_date():
    page = "Talks stall in Geneva over prisoners" + STORY + "\n3 Comments\n\nNovember 5, 2015 at 3:12 pm\n"
    assert meta_of(page).published is None


def test_dates_in_the_story_are_not_the_publication_date():
    page = "Talks stall in Geneva over prisoners\n\nThe talks began on March 3, 2015, officials said.\n"
    assert meta_of(page).published is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("CNN", "Cable News Network", True),
        ("AP", "The Associated Press", True),
        ("The Guardian", "Guardian", True),
        ("RT", "Global Research", False),
        ("Reuters", None, False),
        ("WXLT", "WXLT 8 News", True),  # a station's call sign and its branded name
        ("CNN Business", "CNN", True),
        ("News", "News Corp", False),  # only an all-capital call sign or agency counts as a prefix
    ],
)
def test_same_outlet(a, b, same):
    assert same_outlet(a, b) is same


SCRAPED_TOP = "Skip to content\nWKTV 5 News\nMenu\nWeather\nSports\n\nFair board delays vote on new arena\n\n"
SCRAPED_STORY = (
    "Posted: 09/03/2024 / 07:45 PM EDT\n\n"
    "UTICA, N.Y. (WKTV) — The county fair board delayed a vote on Tuesday on a $9 million arena, "
    "saying it needed more time to review the bids.\n\n"
    '"We owe the taxpayers a careful look," board chair Ellen Voss said.\n\n'
)


@pytest.mark.parametrize(
    ("footer", "outlet", "original"),
    [
        # The station's name above the headline, confirmed by the dateline's call sign, wins over its owner.
        ("Copyright 2024 Nexstar Media Inc. All rights reserved.", "WKTV 5 News", None),
        ("© 2024 Acme Broadcasting Holdings LLC. All rights reserved.", "WKTV 5 News", None),
        ("", "WKTV 5 News", None),
    ],
)
def test_a_station_masthead_beats_a_corporate_copyright(footer, outlet, original):
    meta = meta_of(SCRAPED_TOP + SCRAPED_STORY + footer + "\n")
    assert (meta.outlet, meta.original_outlet) == (outlet, original)
    assert meta.published == "2024-09-03T19:45"
    assert meta.title == "Fair board delays vote on new arena"


def test_a_corporate_copyright_yields_to_the_wire_agency_of_the_dateline():
    page = (
        "Fair board delays vote\n\n"
        + SCRAPED_STORY
        + "Copyright 2024 Nexstar Media Inc. All rights reserved.\n"
    )
    assert meta_of(page).outlet == "WKTV"


def test_a_corporate_copyright_is_still_the_outlet_when_nothing_else_names_one():
    page = "Fair board delays vote\n\nThe fair board delayed a vote on Tuesday on a new arena.\n\n"
    page += "Copyright 2024 Nexstar Media Inc. All rights reserved.\n"
    assert meta_of(page).outlet == "Nexstar Media Inc"


def test_an_unconfirmed_name_line_above_the_headline_is_not_the_outlet():
    page = "Local Events\nMenu\n\nFair board delays vote on new arena\n\n"
    page += "The county fair board delayed a vote on Tuesday on a $9 million arena, officials said.\n"
    assert meta_of(page).outlet is None


@pytest.mark.parametrize(
    ("top", "outlet"),
    [
        ("Skip to content\nRiverbend Courier\nMenu\nSports\n\n", "Riverbend Courier"),
        ("WKRG News 5\nMenu\n\n", "WKRG News 5"),
        # Section labels and menus are not mastheads, whatever words they hold.
        ("Local News\nMenu\n\n", "Nexstar Media Inc"),
        ("Press Releases\nMenu\n\n", "Nexstar Media Inc"),
    ],
)
def test_a_masthead_line_above_the_headline_beats_a_corporate_copyright(top, outlet):
    page = top + "Fair board delays vote on new arena\n\n"
    page += "The county fair board delayed a vote on Tuesday on a $9 million arena, officials said.\n\n"
    page += "Copyright 2024 Nexstar Media Inc. All rights reserved.\n"
    assert meta_of(page).outlet == outlet


@pytest.mark.parametrize(
    ("top", "byline", "outlet"),
    [
        ("Capitol Ledger\n\n", "By Ana Ruiz", "Capitol Ledger"),  # a name line the story repeats
        ("Lumen\n\n", "By Ana Ruiz", "Lumen"),  # one word, but the story says "told Lumen"
        ("", "By Ana Ruiz, Lumen", "Lumen"),  # the outlet after a byline's comma
        ("", "By Ana Ruiz, Staff Writer", "Nexstar Media Inc"),  # a byline's title is no outlet
        ("Opinion\n\n", "By Ana Ruiz", "Nexstar Media Inc"),  # a label the story never repeats
    ],
)
def test_a_name_the_story_itself_prints_is_the_outlet(top, byline, outlet):
    page = top + "Fair board delays vote on new arena\n\n" + byline + "\nMay 7, 2024\n\n"
    page += "The county fair board delayed a vote on Tuesday on a $9 million arena, the chair told Lumen.\n\n"
    page += "The Capitol Ledger first reported the delay.\n\n"
    page += "Copyright 2024 Nexstar Media Inc. All rights reserved.\n"
    assert meta_of(page).outlet == outlet


def test_a_title_cased_headline_of_two_sentences_is_the_title():
    page = "Inspectors Warned About the Dam. The County Kept Quiet for Two Years.\n\n"
    page += "by Ana Ruiz\nMay 7, 2024\n\n"
    page += "The county's engineers found cracks in the spillway in 2022, records show.\n"
    assert meta_of(page).title == "Inspectors Warned About the Dam. The County Kept Quiet for Two Years."
