"""gunicorn with 2 workers on loopback: writes seen by every worker, and the SIGKILL fault test in small."""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from live_server import (  # noqa: E402
    LiveServer,
    ask_many,
    call,
    first_quote_claim,
    generate_article,
)

pytestmark = pytest.mark.timeout(180)


def worker_pids(access_log: Path, path: str) -> set[str]:
    """Worker process ids that answered requests for `path`, from the access log."""
    lines = access_log.read_text().splitlines()
    return {line.split()[0] for line in lines if f" {path} " in line}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn, 2 workers, logging which worker answered each request."""
    data_dir = tmp_path_factory.mktemp("live")
    access_log = data_dir / "access.log"
    live = LiveServer(
        data_dir,
        extra_args=("--access-logfile", str(access_log), "--access-logformat", "%(p)s %(m)s %(U)s %(s)s"),
    )
    live.access_log = access_log
    with live:
        yield live


def logged_soon(server, predicate, timeout: float = 5.0) -> str:
    """The server's logs once `predicate` holds of them (gunicorn writes a line after answering)."""
    deadline = time.monotonic() + timeout
    while True:
        text = server.log_path.read_text() + server.access_log.read_text()
        if predicate(text) or time.monotonic() > deadline:
            return text
        time.sleep(0.05)


def test_after_a_201_every_worker_matches_the_new_article(server):
    article = generate_article(901, seed=5)
    claim = first_quote_claim(article)
    ask_many(server.port, claim, 4)  # both workers have synced recently, the worst case for staleness
    reply = call(server.port, "POST", "/articles", article, server.auth())
    assert reply.status == 201
    # Read-your-writes: every request sent after the 201 sees it, whichever worker answers, because
    # a worker checks the change log before answering (Settings.sync_interval 0).
    answers = ask_many(server.port, claim, 12)
    # Which worker takes a connection is the kernel's choice: ask until both have answered (bounded).
    for _ in range(10):
        if len(worker_pids(server.access_log, "/match")) == 2:
            break
        answers += ask_many(server.port, claim, 12)
        logged_soon(server, lambda _: len(worker_pids(server.access_log, "/match")) == 2, timeout=1)
    assert all(reply.body["id"] in ids for ids in answers)
    assert len(worker_pids(server.access_log, "/match")) == 2, "both workers must have answered"


def test_a_deleted_article_is_dropped_by_every_worker(server):
    article = generate_article(902, seed=5)
    claim = first_quote_claim(article)
    article_id = call(server.port, "POST", "/articles", article, server.auth()).body["id"]
    assert all(article_id in ids for ids in ask_many(server.port, claim, 4))
    assert call(server.port, "DELETE", f"/articles/{article_id}", headers=server.auth()).status == 204
    assert all(article_id not in ids for ids in ask_many(server.port, claim, 12))
    assert call(server.port, "GET", f"/articles/{article_id}").status == 404


def test_concurrent_posts_of_one_text_create_it_once(server):
    article = generate_article(903, seed=5)
    with ThreadPoolExecutor(6) as pool:
        replies = list(
            pool.map(lambda _: call(server.port, "POST", "/articles", article, server.auth()), range(6))
        )
    assert sorted(reply.status for reply in replies) == [200] * 5 + [201]
    assert len({reply.body["id"] for reply in replies}) == 1


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_fault_test_loses_nothing_acknowledged_after_sigkill(request, backend):
    """The bench fault test in small (40 articles, 4 threads); bench/fault_test.py runs it in full."""
    store = []
    if backend == "postgres":  # a node over PostgreSQL is killed; the database server stays up
        store = ["--database-url", request.getfixturevalue("postgres_server").fresh_database()]
    finished = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "fault_test.py"), "--articles", "40", "--threads", "4", *store],
        capture_output=True,
        text=True,
        timeout=150,
        cwd=ROOT,
    )
    figures = json.loads(finished.stdout.strip().splitlines()[-1])
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert figures["failures"] == []
    assert figures["acknowledged_before_kill"] >= 10
    assert figures["integrity_after_kill"] == "ok"


def test_keys_never_reach_the_server_logs(server):
    call(server.port, "POST", "/articles", {"text": "x"}, {"Authorization": "Bearer a-guessed-wrong-key"})
    call(server.port, "DELETE", "/articles/424242", headers=server.auth())
    logged = logged_soon(server, lambda text: "DELETE /articles/424242" in text)
    assert "DELETE /articles/424242" in logged  # the requests were logged...
    assert server.api_key not in logged  # ...but not their keys
    assert "a-guessed-wrong-key" not in logged


@pytest.mark.parametrize("declared_length", [True, False], ids=["content-length", "chunked"])
def test_bodies_over_one_megabyte_are_413_through_gunicorn(server, declared_length):
    body = json.dumps({"text": "x" * 1_100_000}).encode()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        headers = {"Content-Type": "application/json", **server.auth()}
        if declared_length:
            connection.request("POST", "/articles", body=body, headers=headers)
        else:
            pieces = (body[start : start + 65_536] for start in range(0, len(body), 65_536))
            connection.request("POST", "/articles", body=pieces, headers=headers, encode_chunked=True)
        response = connection.getresponse()
        assert response.status == 413
        assert response.getheader("Content-Type") == "application/problem+json"
    finally:
        connection.close()
