"""Two service nodes (gunicorn, 2 workers each, data folders of their own) over one PostgreSQL database."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from live_server import (  # noqa: E402
    GUNICORN,
    HOST,
    LiveServer,
    ask_many,
    call,
    first_quote_claim,
    free_port,
    generate_article,
    matched_article_ids,
)

pytestmark = pytest.mark.timeout(240)
WITHIN_SECONDS = 1.0


def stored_statements(url: str, article_id: int) -> int:
    """Rows of the article's statements in PostgreSQL itself."""
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM quotes WHERE article_id = %s", (article_id,)).fetchone()[0]


@pytest.fixture(scope="module")
def nodes(postgres_server, tmp_path_factory):
    """Node A and node B, each its own gunicorn and data folder, one database."""
    url = postgres_server.fresh_database()
    env = {"CLAIMTRACE_DATABASE_URL": url}
    first = LiveServer(tmp_path_factory.mktemp("node-a"), env=env).start()
    try:
        second = LiveServer(tmp_path_factory.mktemp("node-b"), env=env).start()
    except BaseException:
        first.stop()
        raise
    try:
        yield first, second, url
    finally:
        first.stop()
        second.stop()


def test_written_through_a_matched_through_b_within_a_second_and_the_rows_are_in_postgres(nodes):
    first, second, url = nodes
    article = generate_article(701, seed=11)
    claim = first_quote_claim(article)
    assert ask_many(second.port, claim, 4) == [set()] * 4  # B's workers have answered before the write
    reply = call(first.port, "POST", "/articles", article, first.auth())
    assert reply.status == 201
    written = time.monotonic()
    while reply.body["id"] not in matched_article_ids(second.port, claim):
        assert time.monotonic() - written < WITHIN_SECONDS, "node B did not match the statement within 1 s"
        time.sleep(0.02)
    assert all(reply.body["id"] in found for found in ask_many(second.port, claim, 8))
    assert stored_statements(url, reply.body["id"]) == len(reply.body["quotes"]) > 0


def test_deleted_through_b_is_never_served_by_a_again(nodes):
    first, second, url = nodes
    article = generate_article(702, seed=11)
    claim = first_quote_claim(article)
    article_id = call(first.port, "POST", "/articles", article, first.auth()).body["id"]
    assert all(article_id in found for found in ask_many(first.port, claim, 4))
    assert call(second.port, "DELETE", f"/articles/{article_id}", headers=second.auth()).status == 204
    # No waiting: every worker of A checks the change log before it answers.
    assert all(article_id not in found for found in ask_many(first.port, claim, 8))
    assert call(first.port, "GET", f"/articles/{article_id}").status == 404
    assert stored_statements(url, article_id) == 0


def test_a_node_started_later_maps_its_saved_index_and_replays_the_log(nodes):
    first, second, _ = nodes
    saved = first.data_dir / "index" / "meta.json"
    saved_seq, saved_at = json.loads(saved.read_text())["seq"], saved.stat().st_mtime_ns
    first.stop()
    article = generate_article(703, seed=11)
    article_id = call(second.port, "POST", "/articles", article, second.auth()).body["id"]
    first.start()
    assert all(article_id in found for found in ask_many(first.port, first_quote_claim(article), 4))
    # The saved index was used as it was (a rebuild would have saved a new one) and brought up to date.
    assert saved.stat().st_mtime_ns == saved_at and json.loads(saved.read_text())["seq"] == saved_seq
    health = call(first.port, "GET", "/health").body
    assert health["index_size"] == health["quotes"]


def test_a_rate_limit_of_n_per_minute_lets_n_through_in_total_across_two_nodes(postgres_server, tmp_path):
    # Each node its own gunicorn (two workers) and data folder; one database holds the one count.
    limit = 6
    env = {
        "CLAIMTRACE_DATABASE_URL": postgres_server.fresh_database(),
        "CLAIMTRACE_RATE_LIMIT": str(limit),
        "CLAIMTRACE_EMBEDDINGS": "0",  # not what is tested here: a faster start
    }
    with LiveServer(tmp_path / "a", env=env) as first, LiveServer(tmp_path / "b", env=env) as second:
        statuses = [call(node.port, "GET", "/speakers").status for node in (first, second) * limit]
        refused = call(second.port, "GET", "/speakers")
    assert statuses == [200] * limit + [429] * limit
    # The next one is due 60/N s after the burst began (less the time the burst took).
    assert refused.status == 429 and 1 <= int(refused.headers["retry-after"]) <= 60 // limit


@pytest.mark.parametrize("rate_limit", ["5", "0"])  # the rate limit's check first, or the store's
def test_a_database_out_of_reach_stops_gunicorn_at_once_with_one_message_naming_it(tmp_path, rate_limit):
    with socket.socket() as unused:  # bound, never listening: connections to it are refused
        unused.bind(("127.0.0.1", 0))
        url = f"postgresql://claimtrace:s3cret-pw@127.0.0.1:{unused.getsockname()[1]}/claims"
        environ = {
            **os.environ,
            "CLAIMTRACE_DATA_DIR": str(tmp_path),
            "CLAIMTRACE_DATABASE_URL": url,
            "CLAIMTRACE_RATE_LIMIT": rate_limit,
        }
        finished = subprocess.run(
            [GUNICORN, "--config", str(ROOT / "gunicorn.conf.py"), "--bind", f"{HOST}:{free_port()}"],
            cwd=ROOT,
            env=environ,
            capture_output=True,
            text=True,
            timeout=25,  # not the connection pool's 30 s wait
        )
    assert finished.returncode != 0
    assert (
        "CLAIMTRACE_DATABASE_URL (127.0.0.1:" in finished.stderr
        and "cannot be used: connection failed" in finished.stderr
    )
    assert "Traceback" not in finished.stderr and "s3cret-pw" not in finished.stderr
