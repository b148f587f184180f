"""The service under gunicorn with our gunicorn.conf.py: slow clients, its own errors, bad settings."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from live_server import GUNICORN, HOST, LiveServer, call, free_port  # noqa: E402

pytestmark = pytest.mark.timeout(120)
BODY_TIMEOUT = 2.0  # CLAIMTRACE_BODY_TIMEOUT for these servers: short, so the tests stay short


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn with 2 workers on loopback, a short body deadline and no corpus."""
    with LiveServer(
        tmp_path_factory.mktemp("served"), env={"CLAIMTRACE_BODY_TIMEOUT": str(BODY_TIMEOUT)}
    ) as live:
        yield live


def raw_exchange(port: int, request: bytes, timeout: float = 10.0) -> tuple[int, dict[str, str], bytes]:
    """Send raw bytes and read the whole answer (status, lower-cased headers, body) until it closes."""
    with socket.create_connection((HOST, port), timeout=timeout) as sock:
        sock.sendall(request)
        received = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
            head, _, body = received.partition(b"\r\n\r\n")
            headers = _headers(head)
            if "content-length" in headers and len(body) >= int(headers["content-length"]):
                break
    head, _, body = received.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, _headers(head), body


def _headers(head: bytes) -> dict[str, str]:
    lines = head.decode("latin-1").split("\r\n")[1:]
    return {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}


def assert_problem(status: int, headers: dict, body: bytes, expected: int) -> dict:
    assert status == expected
    assert headers["content-type"] == "application/problem+json"
    problem = json.loads(body)
    assert problem["status"] == expected and problem["title"] and problem["detail"]
    return problem


def test_a_9000_character_query_is_answered_with_problem_json(server):
    request = f"GET /quotes?speaker={'a' * 9000} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode()
    status, headers, body = raw_exchange(server.port, request)
    problem = assert_problem(status, headers, body, 414)
    assert "aaaa" not in problem["detail"]  # the request line is not echoed back


def test_oversized_headers_are_answered_with_problem_json(server):
    request = f"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Padding: {'b' * 9000}\r\n\r\n".encode()
    assert_problem(*raw_exchange(server.port, request), 431)


def test_unreadable_http_is_answered_with_problem_json(server):
    assert_problem(*raw_exchange(server.port, b"NOT HTTP AT ALL\r\n\r\n"), 400)


def test_a_9000_character_claim_is_refused_with_problem_json(server):
    reply = call(server.port, "POST", "/match", {"claim": "war " * 2250})
    assert reply.status == 422
    assert reply.headers["content-type"] == "application/problem+json"
    assert "claim" in reply.body["errors"]


def trickle(port: int, stop: threading.Event, answers: list) -> None:
    """Send a /match request whose body comes one byte every 0.2 s, until answered or told to stop."""
    with socket.create_connection((HOST, port), timeout=10) as sock:
        sock.sendall(
            b"POST /match HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000\r\n\r\n{"
        )
        sock.settimeout(0.2)
        received = b""
        while not stop.is_set():
            try:
                sock.sendall(b" ")
                chunk = sock.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                break  # the server closed the connection after answering
            if not chunk:
                break
            received += chunk
        answers.append(received)


def test_health_answers_within_a_second_while_16_clients_trickle_bodies(server):
    stop = threading.Event()
    answers: list[bytes] = []
    clients = [threading.Thread(target=trickle, args=(server.port, stop, answers)) for _ in range(16)]
    for client in clients:
        client.start()
    try:
        time.sleep(0.5)  # every trickling request is in a worker, reading its body
        timings = []
        for _ in range(5):
            started = time.monotonic()
            assert call(server.port, "GET", "/health", timeout=5).status == 200
            timings.append(time.monotonic() - started)
            time.sleep(0.2)
        assert max(timings) < 1.0, timings
        for client in clients:
            client.join(timeout=BODY_TIMEOUT + 5)  # each is cut off at the body deadline
    finally:
        stop.set()
        for client in clients:
            client.join(timeout=5)
    assert len(answers) == 16
    assert all(b" 408 " in answer.split(b"\r\n", 1)[0] for answer in answers), answers[:2]
    assert all(b"application/problem+json" in answer for answer in answers)


def test_a_body_sent_in_time_is_read_whole(server):
    reply = call(server.port, "POST", "/match", {"claim": "foreign fighters in the region"})
    assert reply.status == 200


def test_a_bad_setting_stops_gunicorn_with_one_message_naming_it(tmp_path):
    environ = {**os.environ, "CLAIMTRACE_RATE_LIMIT": "abc", "CLAIMTRACE_DATA_DIR": str(tmp_path)}
    finished = subprocess.run(
        [GUNICORN, "--config", str(ROOT / "gunicorn.conf.py"), "--bind", f"{HOST}:{free_port()}"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode != 0
    assert "CLAIMTRACE_RATE_LIMIT='abc'" in finished.stderr
    assert "a whole number" in finished.stderr
    assert "Traceback" not in finished.stderr and "Worker failed to boot" not in finished.stderr


def test_a_rate_limit_of_n_per_minute_lets_n_through_in_total_across_two_workers(tmp_path):
    limit = 10
    # One thread a worker: a worker busy with a request accepts no other connection, so while one
    # request is held open (its body half sent) in one worker, every other request goes to the other.
    env = {"CLAIMTRACE_RATE_LIMIT": str(limit), "WEB_THREADS": "1"}
    with LiveServer(tmp_path, workers=2, env=env) as live:
        body = json.dumps({"claim": "foreign fighters"}).encode()
        with socket.create_connection((HOST, live.port), timeout=10) as held:
            held.sendall(
                b"POST /match HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
                + body[:5]
            )
            time.sleep(0.5)  # accepted by one worker, whose only thread now waits for the body
            statuses = [call(live.port, "GET", "/speakers").status for _ in range(limit + 5)]
            held.sendall(body[5:])
            held_status = int(held.recv(4096).split(b" ", 2)[1])
    log = live.log_path.read_text()  # complete once the server has stopped
    assert statuses == [200] * limit + [429] * 5
    assert held_status == 429  # the other worker's requests used up this client's minute
    fast_pids = set(re.findall(r'"GET /speakers HTTP/1.1" \d+ .* pid=<(\d+)>', log))
    held_pids = set(re.findall(r'"POST /match HTTP/1.1" 429 .* pid=<(\d+)>', log))
    assert len(fast_pids) == 1 and len(held_pids) == 1 and fast_pids != held_pids


def test_the_access_log_names_the_request_id_the_answer_echoes(server):
    reply = call(server.port, "GET", "/health", headers={"X-Request-Id": "trace-4e1d"})
    assert reply.headers["x-request-id"] == "trace-4e1d"
    fresh = call(server.port, "GET", "/speakers").headers["x-request-id"]
    deadline = time.monotonic() + 5
    while not all(f"request_id={rid}" in server.log_path.read_text() for rid in ("trace-4e1d", fresh)):
        assert time.monotonic() < deadline, "the access log lines did not appear"
        time.sleep(0.05)


def test_metrics_add_up_every_workers_requests(tmp_path):
    # One thread a worker and four clients at once: a busy worker accepts nothing, so both answer
    # sooner or later (on a loaded machine one may take a whole batch: send more until both did).
    pid_line = r'"GET /speakers HTTP/1.1" 200 .* pid=<(\d+)>'
    with LiveServer(tmp_path, workers=2, env={"WEB_THREADS": "1"}) as live:
        article = {"text": 'Mayor Ana Ruiz said on Monday that the city "will plant 5,000 trees by spring".'}
        assert call(live.port, "POST", "/articles", article, live.auth()).status == 201  # the log moves on
        sent = 0
        for _ in range(10):
            with ThreadPoolExecutor(4) as pool:
                statuses = list(pool.map(lambda _: call(live.port, "GET", "/speakers").status, range(40)))
            assert statuses == [200] * 40
            sent += 40
            if len(set(re.findall(pid_line, live.log_path.read_text()))) == 2:
                break
        for _ in range(3):  # whichever worker answers /metrics, it reports both workers' counts
            text = http_text(live.port, "/metrics")
            labels = r'endpoint="speakers.list_speakers",method="GET",status="200"'
            counted = re.search(r"claimtrace_http_requests_total\{" + labels + r"\} (\S+)", text)
            assert counted and float(counted.group(1)) == sent
        assert re.search(r"^claimtrace_change_log_lag 0\.0$", text, re.M)
    assert len(set(re.findall(pid_line, live.log_path.read_text()))) == 2


def http_text(port: int, path: str) -> str:
    with socket.create_connection((HOST, port), timeout=10) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    return received.partition(b"\r\n\r\n")[2].decode()


def test_each_worker_freezes_the_loaded_app_out_of_the_collectors_walks(server):
    deadline = time.monotonic() + 10  # the second worker may still be starting when /health answers
    while len(froze := re.findall(r"froze (\d+) objects", server.log_path.read_text())) < 2:
        assert time.monotonic() < deadline, "a worker did not log its freeze"
        time.sleep(0.05)
    assert all(int(count) > 10_000 for count in froze)  # the app's modules and data, not a handful
