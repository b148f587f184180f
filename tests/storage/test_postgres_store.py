"""What only the PostgreSQL backend does: a change log in commit order, LISTEN/NOTIFY, locked migrations."""

from __future__ import annotations

import socket
import threading
import time

import psycopg
import pytest
from psycopg_pool import ConnectionPool

from service.storage.postgres import PostgresStore
from service.storage.postgres.schema import SCHEMA_VERSION

WAIT_SECONDS = 5.0


@pytest.fixture
def url(postgres_server) -> str:
    """A fresh database."""
    return postgres_server.fresh_database()


@pytest.fixture
def store(url):
    """A fresh PostgreSQL store."""
    opened = PostgresStore(url)
    yield opened
    opened.close()


def insert_and_wait(store, text: str, inserted, go_on, *, log_first: bool = False) -> threading.Thread:
    """A writer that inserts a statement (and logs it, with `log_first`), then holds its transaction
    open until told to commit."""

    def work(conn):
        sql = "INSERT INTO quotes (text, kind) VALUES (?, 'direct') RETURNING id"
        quote_id = conn.execute(sql, (text,)).fetchone()[0]
        if log_first:
            store._record_changes(conn, [quote_id], [])
        inserted.set()
        assert go_on.wait(WAIT_SECONDS)
        if not log_first:
            store._record_changes(conn, [quote_id], [])

    return threading.Thread(target=store._transact, args=(work,))


def test_a_smaller_id_committed_later_is_not_missed_by_a_reader_that_moved_on(store):
    inserted, go_on = threading.Event(), threading.Event()
    slow = insert_and_wait(store, "taken first, committed last", inserted, go_on)
    slow.start()
    assert inserted.wait(WAIT_SECONDS)
    store.import_quotes([{"text": "taken second, committed first"}])  # a larger id, committed now
    seq, added, _ = store.changes_since(0)
    assert [q.text for q in store.get_quotes(added)] == ["taken second, committed first"]
    go_on.set()
    slow.join()
    _, added_after, _ = store.changes_since(seq)
    assert [q.text for q in store.get_quotes(added_after)] == ["taken first, committed last"]
    assert added_after[0] < added[0]  # ids are not commit order; the log is


def test_a_writer_cannot_log_past_one_that_logged_and_has_not_committed(store):
    inserted, go_on = threading.Event(), threading.Event()
    slow = insert_and_wait(store, "logged first, committed late", inserted, go_on, log_first=True)
    slow.start()
    assert inserted.wait(WAIT_SECONDS)
    fast = threading.Thread(target=store.import_quotes, args=([{"text": "logged second"}],))
    fast.start()
    fast.join(0.3)
    # Were the second writer to commit now, a reader would move past the first one's position.
    assert fast.is_alive() and store.changes_since(0) == (0, [], [])
    go_on.set()
    slow.join()
    fast.join()
    seq, added, _ = store.changes_since(0)
    texts = [q.text for q in store.get_quotes(added)]
    assert seq == 2 and texts == ["logged first, committed late", "logged second"]
    assert store.changes_since(1).added == added[1:]


def test_another_process_commit_is_heard_within_a_second(store, url):
    heard = []
    stop = store.listen(heard.append)
    other = PostgresStore(url)  # another node
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while not heard and time.monotonic() < deadline:  # the first call: the position at connect
            time.sleep(0.01)
        assert heard == [0]
        other.import_quotes([{"text": "from another node"}])
        written = time.monotonic()
        while len(heard) < 2 and time.monotonic() - written < 1.0:
            time.sleep(0.01)
        assert heard[1:] == [other.current_seq()]
    finally:
        stop()
        other.close()


def test_a_listener_whose_connection_drops_reconnects_and_catches_up(store, url):
    heard = []
    store.listen(heard.append)
    listener = store._listeners[0]
    assert listener.connected.wait(WAIT_SECONDS)
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE query LIKE 'LISTEN%%' AND pid <> pg_backend_pid()"
        )
    store.import_quotes([{"text": "written while the listener was away"}])  # its NOTIFY may be lost
    deadline = time.monotonic() + WAIT_SECONDS
    while store.current_seq() not in heard and time.monotonic() < deadline:
        time.sleep(0.02)
    assert store.current_seq() in heard  # told again after reconnecting, so the caller reads the log


def test_the_schema_version_is_recorded_and_newer_versions_are_refused(store, url, monkeypatch):
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("SELECT version FROM claimtrace_schema").fetchone()[0] == SCHEMA_VERSION
        PostgresStore(url).close()  # opening again migrates nothing
        conn.execute("UPDATE claimtrace_schema SET version = %s", (SCHEMA_VERSION + 1,))
    closed = []
    close = ConnectionPool.close

    def recorded_close(pool, *args, **kwargs):
        closed.append(pool)
        close(pool, *args, **kwargs)

    monkeypatch.setattr(ConnectionPool, "close", recorded_close)
    with pytest.raises(RuntimeError, match="newer"):
        PostgresStore(url)
    # The refused store closed the pool it opened: left to the garbage collector, a pool may be
    # finalised on its own worker thread, which cannot join itself.
    assert len(closed) == 1


def test_two_nodes_starting_at_once_migrate_one_schema(url):
    opened, errors = [], []

    def open_one():
        try:
            opened.append(PostgresStore(url))
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(opened) == 4
    opened[0].import_quotes([{"text": "one schema"}])
    assert [store.count_quotes() for store in opened] == [1] * 4
    for store in opened:
        store.close()


@pytest.mark.parametrize("database", ["refused", "missing"])
def test_a_database_out_of_reach_is_named_at_once_without_its_password(postgres_server, database):
    from service.storage.base import StorageError
    from service.storage.postgres.reach import DatabaseUnreachable

    with socket.socket() as unused:  # bound, never listening: connections to it are refused
        unused.bind(("127.0.0.1", 0))
        if database == "refused":
            url = f"postgresql://claimtrace:s3cret-pw@127.0.0.1:{unused.getsockname()[1]}/claims"
        else:  # the server answers, the database is not there
            url = postgres_server.database_url("no_such_database").replace(
                "claimtrace@", "claimtrace:s3cret-pw@"
            )
        started = time.monotonic()
        with pytest.raises(DatabaseUnreachable) as raised:
            PostgresStore(url)
    assert time.monotonic() - started < 10  # not the pool's 30 s wait for a first connection
    assert isinstance(raised.value, StorageError)
    message = str(raised.value)
    assert message.startswith("CLAIMTRACE_DATABASE_URL (127.0.0.1:") and "s3cret-pw" not in message
    assert "/claims)" in message if database == "refused" else "no_such_database" in message
