"""The bundled corpus loads into a new store only: articles deleted over HTTP stay deleted after restarts."""

from __future__ import annotations

from pathlib import Path

from service import create_app
from service.__main__ import main
from tests.conftest import TEST_SETTINGS

AUTH = {"Authorization": "Bearer corpus-key"}


def start(data_dir: Path, **overrides):
    """create_app() as a restart does it: the same data folder, corpus loading on."""
    app = create_app({**TEST_SETTINGS, "data_dir": str(data_dir), "api_keys": ("corpus-key",), **overrides})
    app.config["TESTING"] = True
    return app


def stop(app) -> None:
    app.extensions["claimtrace"].store.close()


def article_paths(app) -> set[str]:
    listing = app.test_client().get("/articles?page_size=100").get_json()
    return {Path(item["path"]).name for item in listing["items"]}


def test_a_deleted_bundled_article_stays_deleted_after_two_restarts(tmp_path):
    first = start(tmp_path)
    bundled = article_paths(first)
    assert len(bundled) >= 3
    items = first.test_client().get("/articles?page_size=100").get_json()["items"]
    gone = next(item for item in items if item["path"].endswith("wind.txt"))
    assert first.test_client().delete(f"/articles/{gone['id']}", headers=AUTH).status_code == 204
    stop(first)
    for _ in range(2):
        again = start(tmp_path)
        assert article_paths(again) == bundled - {"wind.txt"}
        stop(again)


def test_a_store_emptied_over_http_is_not_refilled(tmp_path):
    first = start(tmp_path)
    client = first.test_client()
    for item in client.get("/articles?page_size=100").get_json()["items"]:
        assert client.delete(f"/articles/{item['id']}", headers=AUTH).status_code == 204
    stop(first)
    again = start(tmp_path)
    assert article_paths(again) == set()
    stop(again)


def test_a_new_store_gets_the_corpus_only_when_loading_is_on(tmp_path):
    off = start(tmp_path / "off", load_corpus=False)
    assert article_paths(off) == set()
    stop(off)
    on = start(tmp_path / "on")
    assert "wind.txt" in article_paths(on)
    stop(on)


def test_an_explicit_ingest_still_adds_a_deleted_article(tmp_path, monkeypatch):
    first = start(tmp_path)
    items = first.test_client().get("/articles?page_size=100").get_json()["items"]
    gone = next(item for item in items if item["path"].endswith("wind.txt"))
    first.test_client().delete(f"/articles/{gone['id']}", headers=AUTH)
    stop(first)
    monkeypatch.setenv("CLAIMTRACE_DATA_DIR", str(tmp_path))
    assert main(["ingest", str(Path(TEST_SETTINGS["corpus_dir"]) / "wind.txt")]) == 0
    again = start(tmp_path)
    assert "wind.txt" in article_paths(again)
    stop(again)
