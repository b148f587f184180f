"""Tests for page furniture: chrome is recognised by shape and wording, prose that starts alike is not."""

from __future__ import annotations

import pytest

from service.extraction.layout.furniture import FOOTER_START, is_chrome


@pytest.mark.parametrize(
    "plain",
    [
        "icon bookmark-bicon cameraicon checkicon chevron downicon closeicon fbicon",
        "READ MORE: Assad says Syria won't negotiate with terrorists",
        "Podcasts",
        "0:00",
        'string(695) "[{"id":"1488864","title":"Russia: arming rebels"}]"',
        "Copyright © RT, RT, 2015",
        "Disclaimer: The contents of this article are of sole responsibility of the author(s).",
        "By RT",
        "By Jane Doe | Reuters",
        "By Laura Smith-Spark, CNN",
        "Home | News | Sport | U.S. | Showbiz",
        "Aleppo, Syria, Sergei Rudskoy, Russian General Staff",
        "Previous Post Next Post",
        "editor@example.org",
        "All Global Research articles can be read in 51 languages by activating the Translate Website button",
        "To receive Global Research's Daily Newsletter (selected articles), click here.",
        "Click the share button above to email/forward this article to your friends and colleagues. "
        "Follow us on Instagram and Twitter and subscribe to our Telegram Channel. Share widely.",
        "Click to download the audio (MP3 format)",
        "No comments:",
        "Continue reading…",
        "Loading 1 comment...",
        "https://tass.com/world/1670197",
    ],
)
def test_furniture_is_chrome(plain):
    assert is_chrome(plain)


@pytest.mark.parametrize(
    "plain",
    # Names that begin like a month or weekday are still bylines; the correspondent's location too.
    [
        "By Jane Morrow",
        "By AUGUSTIN REYES",
        "By Marcus Webb",
        "By Sunil Rao",
        "Reporting from Columbus, Ohio",
    ],
)
def test_bylines_and_reporting_locations_are_chrome(plain):
    assert is_chrome(plain)


@pytest.mark.parametrize(
    "plain",
    [
        "By March, prices had doubled, according to the central bank.",
        "By Thursday the rebels had withdrawn from the city, the army said.",
        "Share prices fell 3 percent in Moscow after the announcement.",
        "Russia, Syria and Iran agreed to meet again in Astana, officials said.",
        "Supporters were told to click here and there on the site to find the petition, she said.",
        "READ MORE: " + "x" * 300,  # too long for a link line: treated as prose
        "By June, the plant had closed.",
        "Reporting from the scene, she said the fire was out.",
    ],
)
def test_prose_is_not_chrome(plain):
    assert not is_chrome(plain)


@pytest.mark.parametrize(
    ("plain", "starts_footer"),
    [
        ("Post a Comment", True),
        ("Copyright © RT 2015", True),
        ("Reporting by Jonathan Landay; Editing by Alistair Bell", True),
        ("READ MORE: Another story", False),
        ("Region: Middle East", False),
    ],
)
def test_footer_openers(plain, starts_footer):
    assert bool(FOOTER_START.match(plain)) is starts_footer
