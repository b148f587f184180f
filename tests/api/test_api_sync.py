"""Two apps on one data folder stand in for two gunicorn workers: what one stores, the other matches."""

from __future__ import annotations

import time

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
    settings = first.extensions["claimtrace"].settings
    second = make_app(
        load_corpus=False, sync_interval=0.0, data_dir=settings.data_dir, database_url=settings.database_url
    )
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


def test_without_the_interval_passing_only_a_push_brings_changes(make_app):
    app = make_app(load_corpus=False, sync_interval=3600.0)
    app.test_client().get("/health")  # first request syncs and starts the interval
    state = app.extensions["claimtrace"]
    state.store.import_quotes([{**ROW, "ref": "sync-test-3"}])
    if state.settings.database_url:  # PostgreSQL pushes each commit to the worker's listener thread
        deadline = time.monotonic() + 1.0
        while len(state.index) == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert app.test_client().get("/health").get_json()["index_size"] == 1
        return
    assert app.test_client().get("/health").get_json()["index_size"] == 0
    state.sync(force=True)
    assert app.test_client().get("/health").get_json()["index_size"] == 1
