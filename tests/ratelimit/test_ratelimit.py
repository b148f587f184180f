"""GCRA per client, counted in shared buckets: memory for one process, one SQLite file for every worker."""

from __future__ import annotations

import multiprocessing
import threading

import pytest

from service.ratelimit import RateLimiter, gcra
from service.ratelimit.memory import MemoryBuckets
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


@pytest.fixture(params=["memory", "sqlite"])
def buckets(request, tmp_path):
    return MemoryBuckets() if request.param == "memory" else SqliteBuckets(tmp_path / "limits.sqlite3")


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
