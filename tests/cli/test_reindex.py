"""reindex and import-quotes leave a saved index current, so the next start-up maps it instead of building."""

from __future__ import annotations

import argparse
from pathlib import Path

from service.__main__ import main
from service.cli import import_quotes
from service.search.index import load
from service.services import INDEX_FOLDER
from service.storage.sqlite import SqliteStore

FIXTURE = Path(__file__).parents[1] / "fixtures" / "imports" / "statements.jsonl"


def _import(monkeypatch, data: Path, *argv) -> int:
    monkeypatch.setenv("CLAIMTRACE_DATA_DIR", str(data))
    parser = argparse.ArgumentParser()
    import_quotes.add_arguments(parser)
    return import_quotes.run(parser.parse_args([str(arg) for arg in argv]))


def _saved_is_current(data: Path) -> bool:
    store = SqliteStore(data / "claimtrace.sqlite3")
    try:
        saved = load(data / INDEX_FOLDER)
        return saved is not None and saved.seq == store.current_seq() and len(saved) == store.count_quotes()
    finally:
        store.close()


def test_import_quotes_saves_the_index_it_brought_up_to_date(monkeypatch, tmp_path, capsys):
    assert _import(monkeypatch, tmp_path, FIXTURE) == 0
    assert _saved_is_current(tmp_path) and "match index: 3 statements" in capsys.readouterr().err
    store = SqliteStore(tmp_path / "claimtrace.sqlite3")
    store.import_quotes([{"text": "Lithium permits were suspended in Nevada", "ref": "extra"}])
    store.close()
    assert not _saved_is_current(tmp_path)  # an import behind the command's back
    assert _import(monkeypatch, tmp_path, FIXTURE) == 0
    assert not _saved_is_current(tmp_path)  # nothing added: left for start-up to replay


def test_import_quotes_can_leave_the_index_alone(monkeypatch, tmp_path):
    assert _import(monkeypatch, tmp_path, FIXTURE, "--no-index") == 0
    assert not (tmp_path / INDEX_FOLDER).exists()


def test_reindex_rebuilds_and_saves_with_progress(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("CLAIMTRACE_DATA_DIR", str(tmp_path))
    store = SqliteStore(tmp_path / "claimtrace.sqlite3")
    store.import_quotes(
        [{"text": f"Statement number {i} about grain exports", "ref": f"r{i}"} for i in range(50)]
    )
    store.close()
    assert main(["reindex"]) == 0
    err = capsys.readouterr().err
    assert (
        "building from 50 statements" in err
        and "50 statements read" in err
        and "50 statements indexed" in err
    )
    assert _saved_is_current(tmp_path)
    saved = load(tmp_path / INDEX_FOLDER)
    assert saved.search("grain exports statement 7", min_score=0)[0].quote_id == 8
