"""The pages over the fixture corpus, through the test client: content, links, errors and headers."""

from __future__ import annotations

import html
import re

import pytest

from service.storage import StorageError
from service.web.forms import read_search_args, search_filters, shared_query


def page(client, path, status=200, **query):
    response = client.get(path, query_string=query or None)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_search_page_has_a_labelled_claim_box_and_filters(client):
    body = page(client, "/")
    for field in ("claim", "speaker", "outlet", "date_from", "date_to", "dates"):
        assert f'<label for="{field}">' in body and f'id="{field}"' in body
    assert 'role="search"' in body and "Matching statements" not in body


def test_pages_carry_a_strict_content_security_policy(client, app):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "default-src 'none'" in policy
    body = page(client, "/", claim="cargo volumes rose 12 percent")
    # No inline script or style anywhere: every script has a src, no element has a style attribute.
    assert "<script>" not in body and "style=" not in body and "onclick" not in body
    with client.get("/static/web/claimtrace.css") as asset:  # a file response: close it
        assert asset.headers["Content-Security-Policy"] == policy
    # The API's own answers keep theirs.
    assert "default-src 'none'" in client.get("/health").headers["Content-Security-Policy"]


def test_results_show_the_statement_speaker_outlets_verdicts_and_a_link_to_the_article(client):
    body = page(client, "/", claim="Maria Lopez said the harbor handled 3 million containers in 2023")
    results = body.split('<ol class="results-list"')[1].split("</ol>")[0]
    first = results.split("</li>")[0]
    assert "4.2 million containers" in text_of(first)
    assert "Maria Lopez" in first and "director of the Harbor Authority" in first
    assert "First reported" in first and "Reported in" in first and "Reuters" in first
    assert re.search(r'badge badge-conflicts">(conflicting|inconsistent)<', first)
    assert "<mark>" in first  # the words that matched
    link = re.search(
        r'<a class="read-link" href="(/view/article/(\d+)\?quote=(\d+)#chosen)">Read in article</a>', first
    )
    assert link, first
    article = page(client, html.unescape(link.group(1)).split("#")[0])
    assert article.count("<mark") == 1
    marked = text_of(article.split('<mark id="chosen" tabindex="-1">')[1].split("</mark>")[0])
    assert marked.startswith("We handled more than 4.2 million containers in 2023")


def test_results_state_what_the_score_means_as_the_api_documents_it(client):
    from service.schemas import MatchSchema

    stated = MatchSchema().fields["score"].metadata["description"].split(":")[0].split(". ")[0].rstrip(".")
    body = page(client, "/", claim="Maria Lopez said the harbor handled 3 million containers in 2023")
    assert html.escape(stated, quote=True) in body or stated in html.unescape(body)


def test_a_claim_with_no_match_shows_near_misses(client):
    body = page(client, "/", claim="Harbor cranes were painted purple by zebras")
    assert "No statement matches closely enough" in body
    assert 'class="results-list near-misses"' in body and 'class="result near-miss"' in body


def test_filters_reach_the_matcher(client):
    body = page(client, "/", claim="new cases of measles in May", speaker="Watanabe")
    assert "Kenji Watanabe" in body
    filtered = page(client, "/", claim="new cases of measles in May", outlet="Reuters")
    assert 'class="results-list"' not in filtered  # the measles story ran in AP only


def test_a_statement_reported_once_names_its_outlet_without_a_second_identical_link(client):
    body = page(client, "/", claim="Kenji Watanabe said 3,500 new measles cases were recorded in May")
    first = body.split('<ol class="results-list"')[1].split("</li>")[0]
    assert "3,500" in text_of(first)  # the measles statement, which ran in AP only
    facts = first.split('<dl class="facts">')[1].split("</dl>")[0]
    reported_in = text_of(facts.split("<dt>Reported in</dt>")[1].split("</dd>")[0])
    outlet, _, note = reported_in.partition(" (")
    assert note == "the only report)" and outlet in text_of(facts.split("<dt>First reported")[1])
    assert facts.count("<a href=") == 1


def test_imported_statements_have_no_article_link(client):
    body = page(
        client, "/", claim="Claire Dubois said inflation will fall below 3 percent by the end of next year"
    )
    first = body.split('<ol class="results-list"')[1].split("</li>")[0]
    assert "Imported statement: no article text is stored" in first
    assert "Read in article" not in first


@pytest.mark.parametrize(
    "query, field",
    [
        ({"claim": "x", "date_from": "2016-13-01"}, "date_from"),
        ({"claim": "x", "date_from": "2017", "date_to": "2016-05"}, "date_to"),
        ({"claim": "x" * 2001}, "claim"),
        ({"claim": "x", "dates": "whenever"}, "dates"),
    ],
)
def test_bad_query_values_answer_400_with_the_field_marked(client, query, field):
    body = page(client, "/", status=400, **query)
    assert f'id="{field}-error"' in body and 'aria-invalid="true"' in body
    assert 'role="alert"' in body and "Matching statements" not in body
    # The summary above the form names the field and links to it.
    summary = body.split('id="error-summary"')[1].split("</div>")[0]
    assert f'<a href="#{field}">' in summary


def test_the_error_summary_lists_fields_in_the_order_of_the_form():
    _, errors = read_search_args({"claim": "x", "date_to": "2016-13", "dates": "soon", "date_from": "x"})
    assert list(errors) == ["dates", "date_from", "date_to"]


def test_article_view_marks_every_statement_and_names_field_sources(client, app):
    store = app.extensions["claimtrace"].store
    article = next(a for a in store.list_articles(0, 100)[0] if a.path == "wind.txt")
    quotes = store.article_quotes(article.id)
    body = page(client, f"/view/article/{article.id}", quote=quotes[0].id)
    assert body.count('<span class="stmt">') + 1 >= len(quotes)
    assert "(from the corpus metadata file)" in body  # the outlet: only metadata.json names it
    assert "(from the article text)" in body  # the title
    assert body.count("<mark") == 1 and 'aria-current="true"' in body


def test_a_split_quote_marks_each_part_and_not_the_attribution_between(client, app):
    store = app.extensions["claimtrace"].store
    article_id, split = next(
        (article.id, quote)
        for article in store.list_articles(0, 100)[0]
        for quote in store.article_quotes(article.id)
        if len(quote.parts) > 1
    )
    body = page(client, f"/view/article/{article_id}", quote=split.id)
    text = client.get(f"/articles/{article_id}/text").get_json()["text"]
    marks = [text_of(mark) for mark in re.findall(r"<mark[^>]*>(.*?)</mark>", body, re.S)]
    assert marks == [text[start:end] for start, end in split.parts]
    between = text[split.parts[0][1] : split.parts[1][0]]
    gaps = [text_of(gap) for gap in re.findall(r'<span class="between">(.*?)</span>', body, re.S)]
    assert gaps == [between] and "said" in between
    assert body.count('id="chosen"') == 1
    # Marking adds elements, never characters: the text shown is the stored text, offsets and all.
    shown = body.split('<div class="article-text">')[1].split("</div>")[0]
    assert text_of(shown) == text


def test_article_view_without_a_known_statement_marks_none(client, app):
    store = app.extensions["claimtrace"].store
    article = store.list_articles(0, 1)[0][0]
    body = page(client, f"/view/article/{article.id}", quote=987654)
    assert "<mark" not in body and "Statement 987654 is not in this article" in body


def test_an_article_without_statements_says_so_instead_of_an_empty_list(make_app):
    client = make_app(api_keys=("k",), load_corpus=False).test_client()
    posted = client.post(
        "/articles",
        json={
            "text": "Harbour notes\n\nThe ferry left at noon. Gulls followed it out.",
            "outlet": "Port Weekly",
        },
        headers={"Authorization": "Bearer k"},
    )
    assert posted.status_code == 201 and posted.get_json()["quotes"] == []
    body = page(client, f"/view/article/{posted.get_json()['id']}", quote=1)
    assert "Statements in this article (0)" in body and "No statement (quote, reported speech" in body
    assert '<ol class="statement-list">' not in body and "Underlined" not in body
    assert "Statement 1 is not in this article; no statement was found in it." in body
    assert "The ferry left at noon." in body


def test_unknown_article_and_speaker_are_404_pages(client):
    assert "There is no article with id 999999" in page(client, "/view/article/999999", status=404)
    assert "No speaker is named" in page(client, "/view/speaker", status=404, name="Nobody Atall")
    assert "No speaker was named" in page(client, "/view/speaker", status=404)


@pytest.mark.parametrize(
    "path", ["/view/article/abc", "/view/article/0", "/view/article/" + "9" * 25, "/view/nope"]
)
def test_addresses_under_view_that_name_nothing_are_404_pages(client, path):
    body = page(client, path, status=404)
    assert "<h1>Not Found</h1>" in body and "Search statements" in body


@pytest.mark.parametrize(
    "failure, status, detail",
    [
        (
            StorageError("connection refused by db.internal:5432"),
            503,
            "The store is unavailable; try again shortly.",
        ),
        (RuntimeError("secret stack detail"), 500, "The service failed to answer this request"),
    ],
)
def test_a_failure_behind_a_page_is_a_page_saying_what_the_api_problem_says(
    client, app, monkeypatch, failure, status, detail
):
    def fail(*args, **kwargs):
        raise failure

    monkeypatch.setattr(app.extensions["claimtrace"], "match", fail)
    body = page(client, "/", status=status, claim="cargo volumes rose 12 percent")
    assert f"Error {status}" in body and detail in body
    assert str(failure) not in body  # the page says what the problem says, never the exception
    api = client.post("/match", json={"claim": "cargo volumes rose 12 percent"})
    assert api.status_code == status and detail in api.get_json()["detail"]
    if status == 503:
        assert client.get("/", query_string={"claim": "x y z"}).headers["Retry-After"] == "5"


def test_speaker_view_lists_only_that_speakers_statements_in_time_order(client):
    body = page(client, "/view/speaker", name="maria lopez")  # any case
    assert "<h1>Maria Lopez</h1>" in body
    items = body.split('<ol class="timeline">')[1].split("</ol>")[0].split("</li>")[:-1]
    assert len(items) >= 2
    assert all("Reuters" in item or "Port News Daily" in item for item in items)
    assert "Pieter de Vries" not in body


def test_only_verbatim_words_get_quotation_marks_and_reported_speech_says_what_it_is(client):
    body = page(client, "/view/speaker", name="Maria Lopez")
    statements = re.findall(
        r'<blockquote class="statement( reported)?">(.*?)</blockquote>\s*(<p class="kind-note">.*?</p>)?',
        body,
        re.S,
    )
    direct = [text for reported, text, _ in statements if not reported]
    reported = [(text, note) for mark, text, note in statements if mark]
    assert direct and reported
    assert all(text.startswith("“") and text.endswith("”") for text in direct)
    assert all("“" not in text and "Reported speech" in note for text, note in reported)
    assert any("4.2 million containers" in text for text in direct)


def test_pages_need_a_key_when_reads_do_and_say_so_as_a_page(make_app):
    guarded = make_app(read_requires_key=True, api_keys=("secret",), load_corpus=False).test_client()
    refused = guarded.get("/")
    assert refused.status_code == 401 and refused.mimetype == "text/html"
    assert "Bearer" in refused.headers["WWW-Authenticate"]
    assert "<h1>Unauthorized</h1>" in refused.get_data(as_text=True)
    assert guarded.get("/", headers={"Authorization": "Bearer secret"}).status_code == 200
    # The stylesheet holds no data: the refusal page itself can be styled.
    with guarded.get("/static/web/claimtrace.css") as asset:
        assert asset.status_code == 200
    # The API keeps answering problem+json.
    assert guarded.get("/quotes").mimetype == "application/problem+json"


def test_too_many_page_requests_is_a_429_page_and_assets_do_not_count(make_app):
    limited = make_app(rate_limit=2, load_corpus=False).test_client()
    for _ in range(5):
        with limited.get("/static/web/claimtrace.js") as asset:
            assert asset.status_code == 200
    assert [limited.get("/").status_code for _ in range(2)] == [200, 200]
    refused = limited.get("/")
    assert refused.status_code == 429 and refused.mimetype == "text/html"
    assert int(refused.headers["Retry-After"]) >= 1
    assert "Too Many Requests" in refused.get_data(as_text=True)


def test_search_args_drop_empty_fields_and_map_the_date_range():
    args, errors = read_search_args(
        {"claim": "  a claim ", "speaker": "", "date_from": "2016", "dates": "published"}
    )
    assert errors == {} and args == {"claim": "a claim", "date_from": "2016", "dates": "published"}
    filters = search_filters(args)
    assert filters.published_from == "2016" and filters.said_from is None and filters.speaker is None
    assert shared_query(args) == {"claim": "a claim", "date_from": "2016", "dates": "published"}
    assert shared_query({"claim": "c", "dates": "published"}) == {"claim": "c"}
