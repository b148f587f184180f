"""The fact-checkers' page in a real browser: the journey from a wrong claim to the quote in its article."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture reports it: a failure when CI=true, a skip elsewhere
    expect = None

# The bundled corpus's State Department statement says "an excess of 40,000"; the claim says 60,000.
WRONG_FIGURE_CLAIM = "The State Department said 60,000 foreign fighters have gone to Syria"
SOURCE_WORDS = "40,000 total foreign fighters"


def search(page, base: str, claim: str):
    """Type a claim in the claim box and submit it with the keyboard."""
    page.goto(base + "/")
    box = page.get_by_label("Claim")
    box.fill(claim)
    submit(page, box)


def submit(page, field):
    """Press Enter in a form field and wait for the page it loads (not the one still showing)."""
    with page.expect_navigation():
        field.press("Enter")


def results(page):
    return page.get_by_role("list", name="Matching statements").get_by_role("listitem")


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_wrong_figure_claim_leads_to_the_marked_quote_in_its_article(
    live_server, open_page, screenshot, width
):
    page = open_page(width)
    search(page, live_server, WRONG_FIGURE_CLAIM)

    first = results(page).first
    expect(first.locator("blockquote")).to_contain_text(SOURCE_WORDS)
    expect(first.locator(".agreement")).to_contain_text("conflicting")
    # The verdict word is said once per result (the checks' badges use words of their own), so
    # finding "conflicting" in a result finds one element.
    expect(first.get_by_text("conflicting")).to_have_count(1)
    figure = first.locator(".check", has_text="Figure")
    expect(figure.locator(".sides")).to_contain_text("60,000")
    expect(figure.locator(".sides")).to_contain_text("an excess of 40,000")
    expect(figure.locator(".badge")).to_have_text("differs")
    expect(first).to_contain_text("Justin Siberell")
    expect(first.locator("blockquote mark").first).to_be_visible()  # the words that matched
    screenshot(page, "search")

    with page.expect_navigation():
        first.get_by_role("link", name=re.compile("article", re.I)).click()
    mark = page.locator("mark")
    expect(mark).to_have_count(1)
    expect(mark).to_contain_text("an excess of " + SOURCE_WORDS)
    expect(mark).to_be_in_viewport()
    expect(mark).to_be_focused()
    screenshot(page, "article")
    assert page.errors == []


def test_a_split_quote_is_marked_part_by_part_without_the_attribution_between(
    live_server, open_page, screenshot
):
    page = open_page("phone")
    search(
        page,
        live_server,
        "Rasmussen said nothing suggests the ISIS leader has been removed from the battlefield",
    )
    # In results the parts are shown joined, and the page says so.
    expect(results(page).first.locator(".kind-note")).to_have_text(
        "Quoted in 2 parts, with the attribution between them; shown joined here."
    )
    with page.expect_navigation():
        results(page).first.get_by_role("link", name=re.compile("article", re.I)).click()
    marks = page.locator(".article-text mark")
    expect(marks).to_have_count(2)
    expect(marks.first).to_contain_text("removed from the battlefield")
    expect(marks.last).to_contain_text("We know a good bit")
    expect(marks.first).to_be_focused()
    expect(marks.first).to_be_in_viewport()
    between = page.locator(".chosen-statement .between")
    expect(between).to_contain_text("Rasmussen said")
    assert between.evaluate("node => node.closest('mark') === null")
    screenshot(page, "article-split")
    assert page.errors == []


def test_the_url_holds_the_query_so_results_can_be_shared(live_server, open_page):
    page = open_page()
    search(page, live_server, WRONG_FIGURE_CLAIM)
    page.get_by_label("Speaker").fill("Siberell")
    submit(page, page.get_by_label("Speaker"))
    # Only the fields given: empty filters stay out of the address.
    assert parse_qs(urlparse(page.url).query) == {"claim": [WRONG_FIGURE_CLAIM], "speaker": ["Siberell"]}

    shared = open_page("phone")
    shared.goto(page.url)
    expect(shared.get_by_label("Claim")).to_have_value(WRONG_FIGURE_CLAIM)
    expect(shared.get_by_label("Speaker")).to_have_value("Siberell")
    expect(results(shared).first).to_contain_text(SOURCE_WORDS)
    link = shared.get_by_label("Shareable link").input_value()
    assert parse_qs(urlparse(link).query) == {"claim": [WRONG_FIGURE_CLAIM], "speaker": ["Siberell"]}


def test_a_speaker_filter_keeps_only_that_speakers_statements(live_server, open_page):
    page = open_page()
    page.goto(live_server + "/?" + "claim=foreign+fighters+in+Syria&speaker=Rasmussen")
    items = results(page)
    expect(items.first).to_be_visible()
    for index in range(items.count()):
        expect(items.nth(index).locator(".who")).to_contain_text("Nicholas Rasmussen")


def test_a_claim_nothing_matches_shows_near_misses(live_server, open_page, screenshot):
    for width in ("desktop", "phone"):
        page = open_page(width)
        search(page, live_server, "Penguins in Antarctica counted 60,000 foreign fighters on the ice")
        expect(page.get_by_role("heading", name=re.compile("No statement matches"))).to_be_visible()
        near = page.get_by_role("list", name="Near misses").get_by_role("listitem")
        expect(near.first).to_be_visible()
        screenshot(page, "near-misses")


def test_speaker_view_lists_statements_over_time_with_outlets(live_server, open_page, screenshot):
    for width in ("desktop", "phone"):
        page = open_page(width)
        search(page, live_server, WRONG_FIGURE_CLAIM)
        with page.expect_navigation():
            results(page).first.get_by_role("link", name="Justin Siberell").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Justin Siberell")
        items = page.locator(".timeline > li")
        expect(items.first).to_contain_text("RT")
        expect(items.first.locator("time")).to_have_attribute("datetime", "2016-06-02")
        screenshot(page, "speaker")
        assert page.errors == []


def test_the_claim_box_is_reached_and_submitted_with_the_keyboard(live_server, open_page):
    page = open_page()
    page.goto(live_server + "/")
    page.keyboard.press("Tab")  # the skip link comes first
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "claim":
            break
    expect(page.get_by_label("Claim")).to_be_focused()
    page.keyboard.type(WRONG_FIGURE_CLAIM)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(results(page).first).to_contain_text(SOURCE_WORDS)
    # After a search the results heading takes focus, so the next Tab walks through the results.
    expect(page.locator("#results-heading")).to_be_focused()


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_pages_fit_the_width_and_break_no_content_security_rule(live_server, open_page, width):
    page = open_page(width)
    search(page, live_server, WRONG_FIGURE_CLAIM)
    urls = [page.url]
    with page.expect_navigation():
        results(page).first.get_by_role("link", name=re.compile("article", re.I)).click()
    urls.append(page.url)
    page.goto(live_server + "/view/speaker?name=Justin+Siberell")
    urls.append(page.url)
    for url in urls:
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at {width}"
    assert page.errors == [], page.errors
    # No CDN, font or analytics call: every request, assets included, went to the app itself.
    assert any("/static/web/claimtrace.css" in url for url in page.requested)
    assert [url for url in page.requested if not url.startswith(live_server + "/")] == []


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_pages_have_no_accessibility_violations(live_server, open_page, width):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(width)
    paths = [
        "/",
        "/?claim=" + WRONG_FIGURE_CLAIM,
        "/?claim=Penguins+counted+60,000+fighters+on+the+ice",
        "/?claim=x&date_from=2016-13",
        "/view/article/1?quote=2",
        "/view/speaker?name=Justin+Siberell",
        "/view/article/3?quote=29",  # a split quote: two marks
        "/view/article/not-a-number",
    ]
    for path in paths:
        page.goto(live_server + path)
        report = Axe().run(page)
        violations = [
            (rule["id"], rule["help"], [node["target"] for node in rule["nodes"]][:3])
            for rule in report.response["violations"]
        ]
        assert violations == [], f"{path}: {violations}"
        checked = {rule["id"] for kind in ("passes", "incomplete") for rule in report.response[kind]}
        assert {"color-contrast", "label"} & checked, f"{path}: axe did not check contrast or labels"


def test_refused_input_and_unknown_pages_are_readable_messages(live_server, open_page, screenshot):
    page = open_page("phone")
    page.goto(live_server + "/")
    page.get_by_label("Claim").fill(WRONG_FIGURE_CLAIM)
    page.get_by_label("From").fill("2016-13")
    submit(page, page.get_by_label("From"))
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()  # read first, and in view even on a phone
    expect(summary).to_be_in_viewport()
    expect(summary).to_contain_text("From: Not a date: write a year (2016), a month (2016-06) or a day")
    expect(page.get_by_label("From")).to_have_attribute("aria-invalid", "true")
    summary.get_by_role("link", name="From").click()
    expect(page.get_by_label("From")).to_be_focused()
    screenshot(page, "refused")

    page.goto(live_server + "/view/article/not-a-number")
    expect(page.get_by_role("heading", level=1)).to_have_text("Not Found")
    expect(page.locator("main")).to_contain_text("There is no article with id not-a-number.")
    expect(page.get_by_role("link", name="Search statements")).to_be_visible()


def test_a_date_range_filters_by_when_said(live_server, open_page):
    page = open_page()
    search(page, live_server, WRONG_FIGURE_CLAIM)
    page.get_by_label("From").fill("2016-06")
    page.get_by_label("To").fill("2016-06-30")
    submit(page, page.get_by_label("To"))
    expect(results(page).first).to_contain_text(SOURCE_WORDS)
    query = parse_qs(urlparse(page.url).query)
    assert query["date_from"] == ["2016-06"] and "dates" not in query  # "when said" is the default

    page.get_by_label("From").fill("2017")
    page.get_by_label("To").fill("")
    submit(page, page.get_by_label("From"))
    expect(page.get_by_role("heading", name=re.compile("No statement matches"))).to_be_visible()
