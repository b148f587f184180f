"""Load test: sustained POST /match throughput under gunicorn, alone and with a trickle of POST /articles.

    .venv/bin/python bench/load.py [--seconds 12] [--rounds 3] [--clients 4] [--writes-per-second 2]

Starts gunicorn on loopback with the bundled corpus plus generated articles, then alternates slices of
/match only (the baseline) and /match while one client posts new articles and checks each is matched
within a second. Prints requests/s, latency percentiles, the ratio of the two
phases and the errors (there must be none; exits 1 otherwise). Bounded in time and request count.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]

from live_server import TRANSPORT_ERRORS, LiveServer, call, generate_article, percentile  # noqa: E402

SEED_ARTICLES = 40
MAX_REQUESTS_PER_PHASE = 50_000  # a hard stop whatever the machine's speed


def claim_for(article: dict) -> str:
    """A claim paraphrasing the article's first direct quote: lower case, fewer words, no quote marks."""
    quoted = article["text"].split('"')[1]
    words = quoted.rstrip(",").split()
    return " ".join(words[: max(6, len(words) - 8)]).lower()


class Phase:
    """Counters for one kind of traffic, accumulated over its time slices and shared by client threads."""

    def __init__(self):
        self.deadline = 0.0
        self.elapsed = 0.0
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.lock = threading.Lock()
        self.writes = {"latencies": [], "errors": [], "visible_after": [], "next_number": 10_000}

    def running(self) -> bool:
        """True until the slice's deadline or the request cap."""
        return time.monotonic() < self.deadline and len(self.latencies) < MAX_REQUESTS_PER_PHASE

    def record(self, seconds: float, error: str | None = None) -> None:
        """Add one request's latency, or its error."""
        with self.lock:
            if error:
                self.errors.append(error)
            else:
                self.latencies.append(seconds)


def match_client(port: int, claims: list[str], phase: Phase, offset: int) -> None:
    """Send /match requests back to back until the phase ends."""
    turn = offset
    while phase.running():
        claim = claims[turn % len(claims)]
        turn += 1
        started = time.perf_counter()
        try:
            reply = call(port, "POST", "/match", {"claim": claim, "limit": 5}, timeout=10)
            error = None if reply.status == 200 else f"match {reply.status}"
        except TRANSPORT_ERRORS as failure:
            error = f"match {type(failure).__name__}"
        phase.record(time.perf_counter() - started, error)


def write_trickle(server: LiveServer, phase: Phase, per_second: float) -> None:
    """Post a new article every 1/per_second s and time how long until /match finds its statement."""
    report = phase.writes
    while phase.running():
        started = time.perf_counter()
        article = generate_article(report["next_number"], seed=11)
        report["next_number"] += 1
        try:
            reply = call(server.port, "POST", "/articles", article, server.auth(), timeout=10)
        except TRANSPORT_ERRORS as failure:
            report["errors"].append(type(failure).__name__)
            continue
        if reply.status != 201:
            report["errors"].append(f"post {reply.status}")
            continue
        report["latencies"].append(time.perf_counter() - started)
        report["visible_after"].append(
            _seconds_until_matched(server.port, claim_for(article), reply.body["id"])
        )
        time.sleep(max(0.0, 1.0 / per_second - (time.perf_counter() - started)))


def _seconds_until_matched(port: int, claim: str, article_id: int, give_up: float = 5.0) -> float:
    acknowledged = time.perf_counter()
    while time.perf_counter() - acknowledged < give_up:
        reply = call(port, "POST", "/match", {"claim": claim, "limit": 5, "group": False}, timeout=10)
        found = reply.status == 200 and any(
            (m.get("quote", m).get("article") or {}).get("id") == article_id for m in reply.body["matches"]
        )
        if found:
            return time.perf_counter() - acknowledged
        time.sleep(0.02)
    return float("inf")


def run_slice(
    server: LiveServer, claims: list[str], clients: int, seconds: float, phase: Phase, writes: float
):
    """One timed slice: `clients` match threads, plus a writer when `writes` > 0."""
    phase.deadline = time.monotonic() + seconds
    started = time.monotonic()
    with ThreadPoolExecutor(clients + 1) as pool:
        jobs = [pool.submit(match_client, server.port, claims, phase, n * 7) for n in range(clients)]
        if writes > 0:
            jobs.append(pool.submit(write_trickle, server, phase, writes))
        for job in jobs:
            job.result()
    phase.elapsed += time.monotonic() - started


def summarise(phase: Phase, writes: bool) -> dict:
    """The printed figures of one kind of traffic."""
    figures = {
        "match_requests": len(phase.latencies),
        "match_rps": round(len(phase.latencies) / max(phase.elapsed, 1e-9), 1),
        "match_p50_ms": round(percentile(phase.latencies, 0.5) * 1000, 1),
        "match_p95_ms": round(percentile(phase.latencies, 0.95) * 1000, 1),
        "match_errors": len(phase.errors),
    }
    if writes:
        report = phase.writes
        figures.update(
            {
                "articles_posted": len(report["latencies"]),
                "post_p50_ms": round(percentile(report["latencies"], 0.5) * 1000, 1),
                "write_errors": len(report["errors"]),
                "visible_max_s": round(max(report["visible_after"], default=0.0), 3),
                "visible_p50_s": round(percentile(report["visible_after"], 0.5), 3),
            }
        )
    return figures


def main(argv: list[str] | None = None) -> int:
    """Start the server, seed it, run the baseline and the mixed phase, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=12.0, help="per kind of traffic, over all rounds")
    parser.add_argument("--rounds", type=int, default=3, help="alternations of baseline and mixed slices")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--writes-per-second", type=float, default=2.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    seed = [generate_article(number, seed=3) for number in range(SEED_ARTICLES)]
    claims = [claim_for(article) for article in seed]
    with tempfile.TemporaryDirectory(prefix="claimtrace-load-") as folder:
        server = LiveServer(Path(folder) / "data", workers=args.workers, env={"CLAIMTRACE_LOAD_CORPUS": "1"})
        with server:
            for article in seed:
                call(server.port, "POST", "/articles", article, server.auth())
            call(server.port, "POST", "/match", {"claim": claims[0]})  # warm both paths once
            # Alternate short slices so drift in the shared machine's load hits both kinds alike.
            alone, with_writes = Phase(), Phase()
            for _ in range(args.rounds):
                run_slice(server, claims, args.clients, args.seconds / args.rounds, alone, writes=0)
                run_slice(
                    server,
                    claims,
                    args.clients,
                    args.seconds / args.rounds,
                    with_writes,
                    args.writes_per_second,
                )
    baseline, mixed = summarise(alone, writes=False), summarise(with_writes, writes=True)
    figures = {"baseline": baseline, "with_writes": mixed}
    figures["rps_ratio_with_writes"] = round(mixed["match_rps"] / max(baseline["match_rps"], 1e-9), 3)
    errors = baseline["match_errors"] + mixed["match_errors"] + mixed["write_errors"]
    late = mixed["visible_max_s"] > 1.0
    print(
        f"gunicorn workers={args.workers}, match clients={args.clients}, {args.seconds:g} s of each kind "
        f"in {args.rounds} alternating rounds, {args.writes_per_second:g} posts/s"
    )
    for name in ("baseline", "with_writes"):
        print(f"{name:>12}: " + ", ".join(f"{key}={value}" for key, value in figures[name].items()))
    print(f"match rps with writes / baseline: {figures['rps_ratio_with_writes']}")
    print("result:", "ok" if not errors and not late else f"FAIL (errors={errors}, visible late={late})")
    print(json.dumps(figures))
    return 0 if not errors and not late else 1


if __name__ == "__main__":
    sys.exit(main())
