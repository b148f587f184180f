"""Ingest: corpus files and folders with metadata.json, idempotence, failures that do not stop the rest."""

from __future__ import annotations

import argparse
import json
import re

import pytest

from service.cli import ingest as ingest_command
from service.ingest.articles import ingest_paths, ingest_text
from service.models import ArticleMeta, Extraction, Quote, Speaker
from service.storage.sqlite import SqliteStore

SAID = re.compile(r"([A-Z][a-z]+ [A-Z][a-z]+) said ([^.]+)\.")


def fake_extract(text: str) -> Extraction:
    """Stands in for extraction: the first line is the title; "First Last said X." gives a statement X."""
    title = text.strip().splitlines()[0]
    quotes = tuple(
        Quote(
            text=m.group(2), start=m.start(2), end=m.end(2), kind="indirect", speaker=Speaker(name=m.group(1))
        )
        for m in SAID.finditer(text)
    )
    return Extraction(meta=ArticleMeta(title=title), quotes=quotes)


class CountingExtractor:
    """Counts calls, so a test can tell that unchanged files are not extracted again."""

    def __init__(self, fail_on: str | None = None):
        self.calls = 0
        self.fail_on = fail_on

    def __call__(self, text: str) -> Extraction:
        self.calls += 1
        if self.fail_on and self.fail_on in text:
            raise RuntimeError("extractor bug")
        return fake_extract(text)


@pytest.fixture
def store(tmp_path):
    """A fresh store."""
    opened = SqliteStore(tmp_path / "data" / "store.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def corpus(tmp_path):
    """A folder of three articles, one in a subfolder, with a metadata.json beside the first two."""
    folder = tmp_path / "corpus"
    (folder / "more").mkdir(parents=True)
    (folder / "a.txt").write_text("Rain expected\n\nAnna Berg said it would rain. Nothing else.\n")
    (folder / "b.txt").write_text("Budget passed\n\nThe minister said the budget was fair.\n")
    (folder / "notes.md").write_text("Not an article\n")
    (folder / "more" / "c.txt").write_text("Third story\n\nLee Chan said three things.\n")
    metadata = {
        "articles": {"a.txt": {"outlet": "Daily", "url": None, "title": "Given"}, "b.txt": {"outlet": "Wire"}}
    }
    (folder / "metadata.json").write_text(json.dumps(metadata))
    return folder


def test_a_folder_is_ingested_with_the_metadata_beside_its_files(store, corpus):
    report = ingest_paths(store, [corpus], extractor=fake_extract)
    assert (report.added, report.unchanged, report.failed) == (3, 0, 0)
    articles, total = store.list_articles(0, 10)
    assert total == 3
    by_path = {a.path: a for a in articles}
    assert set(by_path) == {"a.txt", "b.txt", "c.txt"}
    a = by_path["a.txt"]
    assert (a.title, a.outlet, a.sources) == (
        "Rain expected",
        "Daily",
        {"title": "text", "outlet": "metadata"},
    )
    assert by_path["c.txt"].outlet is None  # no metadata.json in the subfolder
    quotes = store.article_quotes(a.id)
    assert [q.speaker.name for q in quotes] == ["Anna Berg"]
    assert store.article_text(a.id)[quotes[0].start : quotes[0].end] == quotes[0].text


def test_ingesting_again_changes_nothing_and_skips_extraction(store, corpus):
    ingest_paths(store, [corpus], extractor=fake_extract)
    counting = CountingExtractor()
    report = ingest_paths(store, [corpus], extractor=counting)
    assert (report.added, report.unchanged, report.failed, counting.calls) == (0, 3, 0, 0)
    assert store.count_articles() == 3


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xff\xfe\x00bad", "not UTF-8 text"),
        (b"   \n\n", "empty file"),
        (b"Boom story\n", "extraction failed"),
    ],
)
def test_a_bad_file_is_reported_and_skipped_without_stopping_the_rest(store, corpus, content, reason):
    (corpus / "bad.txt").write_bytes(content)
    failures = []
    report = ingest_paths(
        store, [corpus], extractor=CountingExtractor(fail_on="Boom"), on_failure=lambda *f: failures.append(f)
    )
    assert (report.added, report.failed) == (3, 1)
    assert len(failures) == 1 and failures[0][0].endswith("bad.txt") and reason in failures[0][1]
    assert report.failures == failures


def test_an_extraction_that_breaks_a_constraint_stores_nothing_of_that_article(store, tmp_path):
    target = tmp_path / "x.txt"
    target.write_text("Headline\n\nBody.\n")

    def broken(text):
        bad = Quote(text="Body", start=10, end=14, kind="unknown", speaker=Speaker(name="X"))
        return Extraction(meta=ArticleMeta(), quotes=(bad,))

    report = ingest_paths(store, [target], extractor=broken)
    assert report.failed == 1 and "not stored" in report.failures[0][1]
    assert store.count_articles() == 0


def test_a_broken_metadata_file_is_reported_and_the_articles_still_load(store, corpus):
    (corpus / "metadata.json").write_text("{not json")
    report = ingest_paths(store, [corpus], extractor=fake_extract)
    assert report.added == 3 and report.failed == 0
    assert report.failures and "cannot read metadata" in report.failures[0][1]


def test_files_named_explicitly_and_missing_paths(store, corpus, tmp_path):
    report = ingest_paths(store, [corpus / "notes.md", tmp_path / "missing"], extractor=fake_extract)
    assert report.added == 1 and report.missing == [str(tmp_path / "missing")]


def test_progress_is_reported_on_long_runs(store, tmp_path, monkeypatch):
    monkeypatch.setattr("service.ingest.articles.PROGRESS_EVERY", 2)
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"Story {i}\n\nBody {i}.\n")
    seen = []
    ingest_paths(store, [tmp_path], progress=lambda r: seen.append(r.seen), extractor=fake_extract)
    assert seen == [2, 4]


def test_ingest_text_stores_request_metadata_once(store):
    text = "Port reopens\n\nKim Novak said the port reopened.\n"
    article, created = ingest_text(
        store, text, {"outlet": "Reuters", "url": "https://x/y"}, extractor=fake_extract
    )
    assert created and article.sources == {"title": "text", "outlet": "request", "url": "request"}
    counting = CountingExtractor()
    again, created_again = ingest_text(store, text, {"outlet": "Other"}, extractor=counting)
    assert not created_again and again == article and counting.calls == 0


def _run(monkeypatch, tmp_path, *paths):
    """Run the command as `python -m service ingest` would, with the fake extractor."""
    monkeypatch.setenv("CLAIMTRACE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr("service.ingest.articles._default_extractor", lambda: fake_extract)
    parser = argparse.ArgumentParser()
    ingest_command.add_arguments(parser)
    return ingest_command.run(parser.parse_args([str(p) for p in paths]))


def test_command_prints_a_summary_and_exits_0(monkeypatch, tmp_path, corpus, capsys):
    assert _run(monkeypatch, tmp_path, corpus) == 0
    assert "ingest: done, 3 added, 0 unchanged, 0 failed" in capsys.readouterr().err
    assert _run(monkeypatch, tmp_path, corpus) == 0
    assert "0 added, 3 unchanged" in capsys.readouterr().err


def test_command_exits_2_for_a_missing_path(monkeypatch, tmp_path, corpus, capsys):
    assert _run(monkeypatch, tmp_path, corpus, tmp_path / "nope") == 2
    err = capsys.readouterr().err
    assert "nope: no such file or folder" in err and "3 added" in err
