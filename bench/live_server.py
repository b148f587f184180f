"""Run the real service under gunicorn on loopback, talk to it over HTTP, and generate news-like articles.

Shared by bench/fault_test.py, bench/load.py and the tests that need several gunicorn workers.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
HOST = "127.0.0.1"  # loopback only: these harnesses never listen on a reachable address
# What a request can fail with when the server dies under it: refused, reset, or cut off mid-answer.
TRANSPORT_ERRORS = (OSError, http.client.HTTPException)


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass
class Reply:
    """One HTTP answer: status, headers (lower-case names) and the decoded JSON body, if any."""

    status: int
    headers: dict[str, str]
    body: object = None


def call(port: int, method: str, path: str, body=None, headers=None, timeout: float = 30.0) -> Reply:
    """Send one request on a fresh connection."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        payload = None if body is None else json.dumps(body).encode("utf-8")
        sent_headers = {"Content-Type": "application/json"} if payload is not None else {}
        sent_headers.update(headers or {})
        connection.request(method, path, body=payload, headers=sent_headers)
        response = connection.getresponse()
        raw = response.read()
        reply_headers = {name.lower(): value for name, value in response.getheaders()}
        decoded = json.loads(raw) if raw and "json" in reply_headers.get("content-type", "") else None
        return Reply(response.status, reply_headers, decoded)
    finally:
        connection.close()


@dataclass
class LiveServer:
    """gunicorn serving `service:create_app()` in its own process group: one signal reaches every worker."""

    data_dir: Path
    api_key: str = "bench-key"
    workers: int = 2
    port: int = field(default_factory=free_port)
    env: dict[str, str] = field(default_factory=dict)
    extra_args: tuple[str, ...] = ()
    process: subprocess.Popen | None = None
    log_path: Path | None = None

    def start(self, ready_timeout: float = 60.0) -> LiveServer:
        """Start gunicorn and wait until /health answers 200."""
        environ = dict(os.environ)
        environ.update(
            {
                "CLAIMTRACE_DATA_DIR": str(self.data_dir),
                "CLAIMTRACE_API_KEYS": self.api_key,
                "CLAIMTRACE_LOAD_CORPUS": "0",
                "PYTHONUNBUFFERED": "1",
            }
        )
        environ.update(self.env)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = self.data_dir / "gunicorn.log"
        command = [
            GUNICORN,
            "--config",  # the deployment's own settings (worker class, limits, logs); flags below override
            str(ROOT / "gunicorn.conf.py"),
            "--workers",
            str(self.workers),
            "--bind",
            f"{HOST}:{self.port}",
            "--preload",  # as `make run` does
            "--graceful-timeout",
            "5",
            # gunicorn 27 otherwise opens ~/.gunicorn/gunicorn.ctl, one path shared by every instance.
            "--no-control-socket",
            *self.extra_args,
            "service:create_app()",
        ]
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=environ, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        self._wait_ready(ready_timeout)
        return self

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log_path}")
            try:
                if call(self.port, "GET", "/health", timeout=2).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"gunicorn did not answer /health within {timeout} s; see {self.log_path}")

    def kill(self) -> None:
        """SIGKILL the whole process group: master and workers die at once, mid-request."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None

    def stop(self) -> None:
        """Shut down gracefully (SIGTERM to the master), falling back to SIGKILL."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
            self.process = None
        except subprocess.TimeoutExpired:
            self.kill()
        except ProcessLookupError:
            self.process = None

    def auth(self) -> dict[str, str]:
        """The Authorization header for write requests."""
        return {"Authorization": f"Bearer {self.api_key}"}

    def __enter__(self) -> LiveServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


# --- generated articles -------------------------------------------------------------------------

FIRST = [
    "Maria",
    "James",
    "Olena",
    "Ahmed",
    "Chen",
    "Laura",
    "Pavel",
    "Amara",
    "Diego",
    "Ingrid",
    "Kenji",
    "Fatima",
]
LAST = [
    "Kowalski",
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Moreno",
    "Tanaka",
    "Petrov",
    "Brennan",
    "Adeyemi",
    "Costa",
]
ROLES = [
    "finance minister",
    "chief executive",
    "spokeswoman for the ministry",
    "regional governor",
    "senator",
]
OUTLETS = ["Reuters", "Associated Press", "AFP", "BBC News", "The Guardian"]
CITIES = ["LONDON", "KYIV", "NAIROBI", "LIMA", "OSLO", "MANILA", "ANKARA", "QUITO", "HANOI", "ACCRA"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
SUBJECTS = [
    "the budget",
    "the new bridge",
    "grain exports",
    "the rail strike",
    "flood defences",
    "the trade deal",
]
VERBS = ["will cost", "could save", "has already created", "is expected to add", "may cut"]
UNITS = ["jobs", "tonnes of grain", "million euros", "homes", "flights a week"]
ADVERBS = ["clearly", "frankly", "simply", "honestly", "plainly"]
ADJECTIVES = ["unacceptable", "overdue", "necessary", "premature", "reckless", "encouraging"]


def generate_article(number: int, seed: int = 7) -> dict:
    """A distinct, plausible wire story with two direct quotes and one reported statement."""
    rng = random.Random(seed * 1_000_003 + number)
    speaker = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    second = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    subject = rng.choice(SUBJECTS)
    amount = 1_000 + number * 37 + rng.randrange(30)
    weekday = rng.choice(WEEKDAYS)
    outlet = rng.choice(OUTLETS)
    first_quote = (
        f"{subject.capitalize()} {rng.choice(VERBS)} {amount:,} {rng.choice(UNITS)} by the end of "
        f"next year, and we are {rng.choice(ADVERBS)} not going to wait for anyone"
    )
    second_quote = (
        f"Calling this plan {rng.choice(ADJECTIVES)} after {number + 3} months of talks is "
        f"{rng.choice(ADJECTIVES)}, and voters in district {number} deserve better"
    )
    title = f"{speaker.split()[1]} defends {subject} as talks enter month {number + 3}"
    text = (
        f"{title}\n\n"
        f"{rng.choice(CITIES)} ({outlet}) - The government's plan for {subject} came under fresh pressure "
        f"on {weekday} as negotiators met for the {number + 3}th month.\n\n"
        f'"{first_quote}," {speaker}, the {rng.choice(ROLES)}, told reporters on {weekday}.\n\n'
        f"{speaker.split()[1]} said the ministry had set aside {amount * 3:,} euros "
        f"for district {number}.\n\n"
        f'"{second_quote}," said {second}, an opposition lawmaker.\n'
    )
    return {"text": text, "title": title, "outlet": outlet, "url": f"https://news.example/{seed}/{number}"}


def first_quote_claim(article: dict) -> str:
    """The generated article's first direct quote, lower-cased, as a claim to match."""
    return article["text"].split('"')[1].rstrip(",").lower()


def matched_article_ids(port: int, claim: str) -> set[int]:
    """Ids of the articles /match finds for `claim` on one server, copies included."""
    reply = call(port, "POST", "/match", {"claim": claim, "group": False, "limit": 20}, timeout=10)
    assert reply.status == 200, reply.body
    return {(match["quote"].get("article") or {}).get("id") for match in reply.body["matches"]}


def ask_many(port: int, claim: str, count: int) -> list[set[int]]:
    """`count` /match requests over fresh connections from 4 threads, so every worker answers some."""
    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(lambda _: matched_article_ids(port, claim), range(count)))


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of `values` fall (nearest rank); 0 for an empty list."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]
