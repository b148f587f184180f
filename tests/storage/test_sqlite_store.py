"""What only the SQLite backend does: PRAGMA schema version, WAL, and indexes the filters can use."""

from __future__ import annotations

import sqlite3

import pytest

from service.storage import QuoteFilters
from service.storage.sql.statement_rows import _where
from service.storage.sqlite import SqliteStore
from service.storage.sqlite.schema import MIGRATIONS, SCHEMA_VERSION


@pytest.fixture
def store(tmp_path):
    """A fresh SQLite store."""
    opened = SqliteStore(tmp_path / "s.sqlite3")
    yield opened
    opened.close()


def test_schema_version_is_recorded_and_a_reopened_store_keeps_its_data(tmp_path):
    path = tmp_path / "s.sqlite3"
    first = SqliteStore(path)
    first.import_quotes([{"text": "kept"}])
    first.close()
    with pytest.raises(RuntimeError):
        first.count_quotes()
    reopened = SqliteStore(path)
    assert reopened.count_quotes() == 1
    assert reopened._connection().execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert reopened._connection().execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    reopened.close()


def test_a_store_written_by_newer_code_is_refused(tmp_path):
    path = tmp_path / "s.sqlite3"
    SqliteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        SqliteStore(path)


@pytest.mark.parametrize(
    ("filters", "index"),
    [
        (QuoteFilters(outlet="Reuters"), "quotes_by_outlet"),
        (QuoteFilters(said_from="2015-11", said_to="2016"), "quotes_by_said_on"),
        (QuoteFilters(published_to="2015"), "quotes_by_published"),
    ],
)
def test_outlet_and_date_filters_can_use_an_index(store, filters, index):
    where, params = _where(filters)
    # The planner's choice depends on statistics; INDEXED BY fails the query when the index cannot serve it.
    plan = store._connection().execute(
        f"EXPLAIN QUERY PLAN SELECT q.id FROM quotes q INDEXED BY {index} WHERE {where}", params
    )
    assert index in " ".join(str(row) for row in plan)


def test_a_store_of_the_first_schema_gains_parts_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO quotes (text, kind, start_offset, end_offset) VALUES ('stored before', 'direct', 3, 16)"
    )
    conn.commit()
    conn.close()
    store = SqliteStore(path)
    (old,) = store.list_quotes(QuoteFilters(), 0, 10)[0]
    assert (old.text, old.start, old.end, old.parts) == ("stored before", 3, 16, ())
    assert store._connection().execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    store.close()
