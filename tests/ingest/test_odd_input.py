"""Odd input at the edges never loses statements: control characters, short posts, titles, HTML, imports."""

from __future__ import annotations

import argparse
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.cli import import_quotes
from service.extraction import extract
from service.extraction.speakers.mentions import parse_mention
from service.ingest.articles import ingest_text
from service.ingest.html import UnreadableArticle, looks_like_html, page_text
from service.ingest.importer import import_file, parse_line
from service.models import joined_text
from service.schemas.fields import IsoDateOrTime
from service.storage import ConstraintError, QuoteFilters
from service.storage.sqlite import SqliteStore
from service.text.controls import controls_blanked, has_controls, without_controls

CONTROLS = ["\x00", "\x07", "\x1b", "\x0b", "\x0c", "\x7f", "\x85", "\x9f"]
FIGHTERS = '"We have 6,000 fighters here," Jane Doe said.'
PAGE = """<!DOCTYPE html><html><head><title>Harbour town votes to rebuild pier | Ellis Gazette</title>
<meta property="og:title" content="Harbour town votes to rebuild its storm-wrecked pier">
<meta property="article:published_time" content="2025-03-04T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour town votes to rebuild its storm-wrecked pier</h1>
<p>PORT ELLIS &mdash; The town council voted on Tuesday to rebuild the pier destroyed by the March storm.</p>
<p>&ldquo;We will rebuild the pier with stone this time,&rdquo; Mayor Ana Ruiz said after the vote.
&ldquo;And the ferries will dock there again by the first of June.&rdquo;</p>
<p>Council member Tom Hale said the cost had not been settled.</p></article>
<footer>&copy; 2025 The Ellis Gazette. <a href="/privacy">Privacy</a></footer>
<script>var tracking = 1;</script></body></html>"""


@pytest.fixture
def store(tmp_path):
    opened = SqliteStore(tmp_path / "store.sqlite3")
    yield opened
    opened.close()


@given(st.text(alphabet=st.characters(max_codepoint=0x1FF)))
def test_controls_are_blanked_one_for_one_or_dropped(text):
    blanked, dropped = controls_blanked(text), without_controls(text)
    assert len(blanked) == len(text) and not has_controls(blanked) and not has_controls(dropped)
    assert all(a == b or b == " " for a, b in zip(text, blanked, strict=True))
    if not has_controls(text):
        assert blanked == dropped == text


@pytest.mark.parametrize("control", CONTROLS)
def test_extraction_keeps_offsets_into_the_text_as_given(control):
    text = f"Mayor speaks\n\n{control}The mayor spoke on Monday. " + FIGHTERS.replace(
        "6,000", f"6,000{control}"
    )
    (quote,) = extract(text).quotes
    assert quote.text == joined_text(controls_blanked(text), ((quote.start, quote.end),))
    assert quote.text.startswith("We have 6,000") and quote.speaker.name == "Jane Doe"


@pytest.mark.parametrize("control", CONTROLS)
def test_a_statement_starting_with_a_control_character_is_stored(store, control):
    article, created = ingest_text(store, f'"{control}We have 6,000 fighters here," Jane Doe said on Monday.')
    (quote,) = store.article_quotes(article.id)
    assert created and quote.text.startswith("We have 6,000 fighters here")
    stored = store.article_text(article.id)
    assert not has_controls(stored) and joined_text(stored, ((quote.start, quote.end),)) == quote.text


def test_a_short_post_with_no_headline_keeps_its_statement_and_the_callers_title(store):
    article, _ = ingest_text(store, FIGHTERS, {"title": "Rebel commander claims 6,000 fighters"})
    (quote,) = store.article_quotes(article.id)
    assert quote.text == "We have 6,000 fighters here" and quote.speaker.name == "Jane Doe"
    assert article.title == "Rebel commander claims 6,000 fighters" and article.sources["title"] == "request"


def test_a_short_post_without_a_title_keeps_its_statement_and_no_quote_becomes_the_title(store):
    article, _ = ingest_text(store, FIGHTERS + "\n\nShe spoke to reporters in the capital on Monday.\n")
    assert [q.text for q in store.article_quotes(article.id)] == ["We have 6,000 fighters here"]
    assert article.title is None


def test_the_callers_title_wins_over_the_headline_read_from_the_text(store):
    text = "Mayor backs pier plan\n\nMayor Ana Ruiz said on Monday the pier would reopen in June.\n"
    article, _ = ingest_text(store, text, {"title": "Pier to reopen in June, mayor says"})
    assert article.title == "Pier to reopen in June, mayor says"
    assert [q.speaker.name for q in store.article_quotes(article.id)] == ["Ana Ruiz"]


@pytest.mark.parametrize(
    ("text", "html"),
    [
        (PAGE, True),
        ("<p>One paragraph.</p><p>Another one.</p>", True),
        ('He wrote "a < b" and then <b>bold</b> words in a plain note.', False),
        ("Prices rose 3% <as expected> on Monday.", False),
    ],
)
def test_html_is_told_from_text(text, html):
    assert looks_like_html(text) is html


def test_an_html_page_is_stored_as_its_main_text_with_offsets_into_it(store):
    article, created = ingest_text(store, PAGE)
    stored = store.article_text(article.id)
    assert created and "<" not in stored and "Home" not in stored and "tracking" not in stored
    (split,) = [q for q in store.article_quotes(article.id) if q.speaker.name == "Ana Ruiz"]
    assert split.text == joined_text(stored, split.parts) and len(split.parts) == 2
    assert article.title == "Harbour town votes to rebuild its storm-wrecked pier"
    assert article.published.startswith("2025-03-04")


@pytest.mark.parametrize(
    "page",
    [
        '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>',
        "<html><head><title>Loading</title></head><body><script>load()</script></body></html>",
    ],
)
def test_an_html_page_with_no_article_text_is_refused_and_nothing_is_stored(store, page):
    with pytest.raises(UnreadableArticle, match="no article text"):
        ingest_text(store, page)
    assert store.count_articles() == 0
    with pytest.raises(UnreadableArticle):
        page_text(page)


def _write_lines(path, rows):
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")


def test_an_import_row_starting_with_a_nul_is_stored_and_the_file_goes_on(store, tmp_path):
    path = tmp_path / "rows.jsonl"
    _write_lines(
        path,
        [
            {"text": "\x00We have 6,000 fighters here", "speaker": "Jane\x00 Doe"},
            {"text": "impossible day", "said_on": "2015-02-31"},
            {"text": "leap day", "said_on": "2016-02-29"},
        ],
    )
    bad = []
    report = import_file(store, path, on_bad_line=lambda *where: bad.append(where))
    assert (report.added, report.bad) == (2, 1)
    assert bad == [(str(path), 2, bad[0][2])] and bad[0][2].startswith("said_on: Not an ISO date")
    texts = {q.text: q for q in store.list_quotes(QuoteFilters(), 0, 9)[0]}
    assert texts["We have 6,000 fighters here"].speaker.name == "Jane Doe"
    assert texts["leap day"].said_on == "2016-02-29"


@given(st.from_regex(r"\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?Z?)?)?)?", fullmatch=True))
def test_every_date_the_importer_stores_is_one_the_api_accepts(value):
    try:
        row = parse_line(json.dumps({"text": "x", "said_on": value}).encode())
    except ValueError:
        return
    IsoDateOrTime()._validate(row["said_on"])
    assert IsoDateOrTime().deserialize(row["said_on"]) == row["said_on"]


class _RefusingStore:
    """A store that refuses any batch holding the row text "refused", as a constraint would."""

    def __init__(self, inner):
        self.inner = inner

    def import_quotes(self, rows):
        if any(row["text"] == "refused" for row in rows):
            raise ConstraintError("CHECK constraint failed")
        return self.inner.import_quotes(rows)


def test_a_row_the_store_refuses_is_reported_and_the_rest_of_its_batch_is_stored(store, tmp_path):
    path = tmp_path / "rows.jsonl"
    _write_lines(path, [{"text": "first"}, {"text": "refused"}, {"text": "third"}])
    report = import_file(_RefusingStore(store), path, batch_size=10)
    assert (report.added, report.bad) == (2, 1)
    assert report.errors == [(2, "not stored: CHECK constraint failed")]


def test_import_command_reports_bad_rows_as_file_line_reason_and_stores_the_rest(
    monkeypatch, tmp_path, capsys
):
    path = tmp_path / "rows.jsonl"
    _write_lines(
        path, [{"text": "\x00first"}, {"text": "second", "said_on": "2015-02-31"}, {"text": "third"}]
    )
    monkeypatch.setenv("CLAIMTRACE_DATA_DIR", str(tmp_path / "data"))
    parser = argparse.ArgumentParser()
    import_quotes.add_arguments(parser)
    assert import_quotes.run(parser.parse_args([str(path), "--no-index"])) == 0
    err = capsys.readouterr().err
    assert f"{path}:2: said_on: Not an ISO date" in err and "2 added" in err and "1 bad lines" in err


def test_a_stray_quote_mark_before_an_affiliation_is_no_crash():
    # parse_mention read '" of Stanford University' as a name with no words and raised IndexError, which
    # property-generated texts reached through reported speech.
    parse_mention('" of Stanford University', 0)  # raised IndexError
