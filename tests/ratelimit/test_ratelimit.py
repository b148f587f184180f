"""GCRA per client, counted in shared buckets: memory for one process, one SQLite file for every worker,
the PostgreSQL database for every node (on the real server scripts/postgres.sh starts)."""

from __future__ import annotations

import multiprocessing
import socket
import threading

import pytest

from service.ratelimit import Gcra, RateLimiter, gcra
from service.ratelimit.memory import MemoryBuckets
from service.ratelimit.postgres import PostgresBuckets
from service.ratelimit.sqlite import SqliteBuckets


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self):
        return self.now


def test_gcra_lets_a_burst_through_then_one_per_interval():
    tat = None
    allowed = 0
    for _ in range(5):
        tat, wait = gcra(tat, 0.0, interval=10.0, tolerance=20.0)  # 3 at once, then one every 10 s
        allowed += wait == 0
    assert allowed == 3
    assert gcra(tat, 0.0, 10.0, 20.0)[1] == pytest.approx(10.0)
    assert gcra(tat, 10.0, 10.0, 20.0)[1] == 0.0


def test_a_refused_request_does_not_push_the_client_further_back():
    tat, _ = gcra(None, 0.0, 10.0, 0.0)
    refused_tat, wait = gcra(tat, 1.0, 10.0, 0.0)
    assert wait == pytest.approx(9.0) and refused_tat == tat


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def buckets(request, tmp_path):
    if request.param == "memory":
        return MemoryBuckets()
    if request.param == "sqlite":
        return SqliteBuckets(tmp_path / "limits.sqlite3")
    opened = PostgresBuckets(request.getfixturevalue("postgres_server").fresh_database())
    request.addfinalizer(opened.close)
    return opened


def test_n_per_minute_lets_n_through_then_one_every_60_over_n_seconds(buckets):
    clock = FakeClock()
    limiter = RateLimiter(6, buckets, clock=clock)
    assert [limiter.acquire("a") == 0 for _ in range(8)] == [True] * 6 + [False] * 2
    wait = limiter.acquire("a")
    assert 0 < wait <= 10.0
    clock.now += 10.0
    assert limiter.acquire("a") == 0
    assert limiter.acquire("a") > 0
    assert limiter.acquire("b") == 0  # each client has its own count


def test_two_handles_on_one_file_share_the_count(tmp_path):
    clock = FakeClock()
    first = RateLimiter(4, SqliteBuckets(tmp_path / "l.sqlite3"), clock=clock)
    second = RateLimiter(4, SqliteBuckets(tmp_path / "l.sqlite3"), clock=clock)
    results = [limiter.acquire("c") == 0 for limiter in (first, second) * 3]
    assert sum(results) == 4


def test_a_whole_burst_at_one_epoch_instant_is_allowed():
    limiter = RateLimiter(50, MemoryBuckets(), clock=_frozen_clock)
    assert [limiter.acquire("x") == 0 for _ in range(51)] == [True] * 50 + [False]


def _frozen_clock() -> float:
    # Every racer reads the same instant, so no token refills however slowly the processes start.
    return 1_700_000_000.0


def _hammer(path: str, count: int, allowed) -> None:
    limiter = RateLimiter(50, SqliteBuckets(path), clock=_frozen_clock)
    granted = sum(limiter.acquire("shared") == 0 for _ in range(count))
    with allowed.get_lock():
        allowed.value += granted


def test_processes_and_threads_racing_on_one_file_let_exactly_n_through(tmp_path):
    path = str(tmp_path / "race.sqlite3")
    context = multiprocessing.get_context("spawn")
    allowed = context.Value("i", 0)
    processes = [context.Process(target=_hammer, args=(path, 40, allowed)) for _ in range(3)]
    for process in processes:
        process.start()
    limiter = RateLimiter(50, SqliteBuckets(path), clock=_frozen_clock)
    granted = []
    threads = [
        threading.Thread(
            target=lambda: granted.append(sum(limiter.acquire("shared") == 0 for _ in range(20)))
        )
        for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads + processes:
        thread.join(60)
    # 160 requests at one instant from three processes and two threads: exactly the burst of 50.
    assert allowed.value + sum(granted) == 50


def test_memory_buckets_forget_the_oldest_clients_beyond_their_bound():
    limiter = RateLimiter(1, MemoryBuckets(max_clients=3), clock=FakeClock())
    for client in "abcd":
        limiter.acquire(client)
    assert limiter.acquire("a") == 0  # "a" was forgotten, so it starts afresh


def test_an_unusable_file_lets_requests_through(tmp_path, caplog):
    buckets = SqliteBuckets(tmp_path / "gone.sqlite3")
    (tmp_path / "gone.sqlite3").unlink()
    (tmp_path / "gone.sqlite3").mkdir()  # a new connection cannot open it
    limiter = RateLimiter(1, buckets)
    assert limiter.acquire("x") == 0 and limiter.acquire("x") == 0
    assert "rate limit not applied" in caplog.text


def test_every_backend_agrees_with_gcra_to_the_bit(buckets):
    # Uneven steps of an uneven clock: the SQL upsert must give exactly the Python rule's waits.
    rule = Gcra.per_minute(7)
    stored, now = None, 1_700_000_000.123
    for gap in [0.0, 0.0, 0.3, 0.0, 0.0, 0.0, 0.0, 0.0, 1.7, 8.571428, 0.0, 30.0, 0.0, 0.001, 61.0]:
        now += gap
        stored, expected = rule.step(stored, now)
        assert buckets.update("k", rule, now) == expected


@pytest.fixture
def postgres_url(postgres_server):
    return postgres_server.fresh_database()


def _hammer_postgres(url: str, threads: int, count: int, allowed) -> None:
    # One "node": its own buckets and pool, several threads racing on one client's row.
    limiter = RateLimiter(50, PostgresBuckets(url), clock=_frozen_clock)
    granted = []
    workers = [
        threading.Thread(
            target=lambda: granted.append(sum(limiter.acquire("shared") == 0 for _ in range(count)))
        )
        for _ in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    limiter.buckets.close()
    with allowed.get_lock():
        allowed.value += sum(granted)


def test_nodes_and_threads_racing_on_one_database_let_exactly_n_through(postgres_url):
    # Three processes of four threads each, a new client's first requests included: no over-admission.
    context = multiprocessing.get_context("spawn")
    allowed = context.Value("i", 0)
    processes = [
        context.Process(target=_hammer_postgres, args=(postgres_url, 4, 15, allowed)) for _ in range(3)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(120)
    assert [process.exitcode for process in processes] == [0, 0, 0]
    assert allowed.value == 50  # 180 requests at one instant: exactly the burst


def test_two_nodes_share_one_budget_and_refill_it_together(postgres_url):
    clock = FakeClock()
    first = RateLimiter(4, PostgresBuckets(postgres_url), clock=clock)
    second = RateLimiter(4, PostgresBuckets(postgres_url), clock=clock)
    assert [limiter.acquire("c") == 0 for limiter in (first, second) * 3] == [True] * 4 + [False] * 2
    assert second.acquire("c") == pytest.approx(15.0)  # one request every 60/4 s, whichever node
    clock.now += 15.0
    assert first.acquire("c") == 0 and second.acquire("c") > 0
    for limiter in (first, second):
        limiter.buckets.close()


def test_clients_whose_time_has_passed_are_pruned(postgres_url, monkeypatch):
    import psycopg

    from service.ratelimit import postgres

    monkeypatch.setattr(postgres, "PRUNE_EVERY", 3)
    clock = FakeClock()
    buckets = PostgresBuckets(postgres_url)
    limiter = RateLimiter(60, buckets, clock=clock)
    limiter.acquire("old")
    clock.now += 120.0
    limiter.acquire("new")
    limiter.acquire("new")  # the third update removes "old", whose time is long past
    buckets.close()
    with psycopg.connect(postgres_url) as conn:
        assert [row[0] for row in conn.execute("SELECT client FROM rate_limits")] == ["new"]


def test_an_unreachable_database_fails_at_start_naming_the_setting_not_the_password():
    from service.storage.postgres.reach import DatabaseUnreachable

    with socket.socket() as unused:  # bound, never listening: connections to it are refused
        unused.bind(("127.0.0.1", 0))
        url = f"postgresql://claimtrace:s3cret-pw@127.0.0.1:{unused.getsockname()[1]}/nowhere"
        with pytest.raises(DatabaseUnreachable) as raised:
            PostgresBuckets(url)
    message = str(raised.value)
    assert "CLAIMTRACE_DATABASE_URL" in message and "/nowhere" in message
    assert "s3cret-pw" not in message


def test_a_database_that_goes_away_lets_requests_through_with_a_warning(postgres_url, caplog):
    import psycopg

    buckets = PostgresBuckets(postgres_url)
    limiter = RateLimiter(1, buckets)
    assert limiter.acquire("x") == 0 and limiter.acquire("x") > 0
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("DROP TABLE rate_limits")
    assert limiter.acquire("x") == 0 and limiter.acquire("x") == 0
    assert "rate limit not applied" in caplog.text
    buckets.close()
