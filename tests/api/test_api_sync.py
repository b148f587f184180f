"""Two apps on one data folder stand in for two gunicorn workers: what one stores, the other matches."""

from __future__ import annotations

import pytest

from service.ingest.articles import ingest_text

CLAIM = "the lighthouse keeper counted 912 passing ships in one night"
ARTICLE = (
    "Lighthouse keeper logs record traffic\n\n"
    '"I counted 912 passing ships in one night from the lighthouse," keeper Ines Moreau said on Tuesday.\n'
)
ROW = {
    "text": "I counted 912 passing ships in one night from the lighthouse",
    "speaker": "Ines Moreau",
    "role": "lighthouse keeper",
    "said_on": "2020-01-15",
    "outlet": "Coast Gazette",
    "published": "2020-01-16",
    "ref": "sync-test-1",
}


@pytest.fixture
def workers(make_app):
    """Two apps sharing one data folder, checking the change log on every request."""
    first = make_app(load_corpus=False, sync_interval=0.0)
    data_dir = first.extensions["claimtrace"].settings.data_dir
    second = make_app(load_corpus=False, sync_interval=0.0, data_dir=data_dir)
    return first, second


def top_texts(app):
    body = app.test_client().post("/match", json={"claim": CLAIM}).get_json()
    return [m["quote"]["text"] for m in body["matches"]]


def test_a_statement_stored_by_one_worker_is_matched_by_the_other(workers):
    first, second = workers
    assert top_texts(second) == []
    first.extensions["claimtrace"].store.import_quotes([ROW])
    assert top_texts(second)[:1] == [ROW["text"]]
    assert second.test_client().get("/health").get_json()["index_size"] == 1


def test_an_article_deleted_by_one_worker_leaves_the_others_index(workers):
    first, second = workers
    article, _ = ingest_text(first.extensions["claimtrace"].store, ARTICLE, {})
    assert top_texts(second)[:1] == ["I counted 912 passing ships in one night from the lighthouse"]
    first.extensions["claimtrace"].store.delete_article(article.id)
    assert top_texts(second) == []
    assert second.test_client().get("/health").get_json()["index_size"] == 0


def test_without_the_interval_passing_the_index_is_not_rechecked(make_app):
    app = make_app(load_corpus=False, sync_interval=3600.0)
    app.test_client().get("/health")  # first request syncs and starts the interval
    app.extensions["claimtrace"].store.import_quotes([{**ROW, "ref": "sync-test-3"}])
    assert app.test_client().get("/health").get_json()["index_size"] == 0
    app.extensions["claimtrace"].sync(force=True)
    assert app.test_client().get("/health").get_json()["index_size"] == 1
