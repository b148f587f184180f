"""SIGKILL fault test: kill gunicorn mid-write, restart on the same data, check nothing acknowledged was lost.

    .venv/bin/python bench/fault_test.py [--articles 200] [--threads 8] [--workers 2] [--postgres]

8 threads post distinct generated articles to gunicorn (2 workers, loopback); once half have been
answered the whole process group gets SIGKILL. After a restart on the same data folder: every
article that got a 201 must be there with the same statements, `PRAGMA integrity_check` must say ok,
and re-posting every article must answer 200 (same id) for those acknowledged before - never a
second 201. Prints the figures as text and one JSON line; exits 1 if any check fails.

With --postgres the node stores into a PostgreSQL server (Debian's, started by scripts/postgres.sh
with its durable defaults; the server keeps running, the node is what dies), and the integrity
check is the store's own consistency: every stored statement covered by the change log, every
speaker's count equal to its statements.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]  # live_server beside us, the service package above

from live_server import TRANSPORT_ERRORS, LiveServer, Reply, call, generate_article  # noqa: E402
from postgres_server import PostgresServer  # noqa: E402


def post_all(server: LiveServer, articles: list[dict], threads: int, kill_after: int | None) -> list:
    """Post every article from `threads` threads; SIGKILL the server once `kill_after` have answered."""
    outcomes: list[Reply | str | None] = [None] * len(articles)
    answered = [0]
    lock = threading.Lock()
    killed, posting_done = threading.Event(), threading.Event()
    auth = server.auth()
    port = server.port

    def post(number: int) -> None:
        if killed.is_set():
            outcomes[number] = "not sent"
            return
        try:
            outcomes[number] = call(port, "POST", "/articles", articles[number], auth, timeout=30)
        except TRANSPORT_ERRORS as error:
            outcomes[number] = f"error: {type(error).__name__}"
        with lock:
            answered[0] += 1

    def killer() -> None:
        while answered[0] < kill_after and not posting_done.is_set():
            time.sleep(0.002)
        killed.set()
        server.kill()

    watcher = threading.Thread(target=killer, daemon=True) if kill_after else None
    if watcher:
        watcher.start()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(post, range(len(articles))))
    posting_done.set()
    if watcher:
        watcher.join()  # the server is dead before anyone restarts it
    return outcomes


def integrity(data_dir: Path, database_url: str) -> str:
    """`PRAGMA integrity_check` on the SQLite file (recovering the WAL as any reopening would), or the
    PostgreSQL store's consistency; "ok" when sound."""
    if database_url:
        return postgres_consistency(database_url)
    with sqlite3.connect(server_db(data_dir)) as connection:
        return ", ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))


def postgres_consistency(url: str) -> str:
    """ "ok" when every statement is in the change log (as added, not removed) and speaker counts add up."""
    import psycopg

    with psycopg.connect(url) as conn:
        unlogged = conn.execute(
            "SELECT count(*) FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM changes c WHERE c.op = 'add'"
            " AND q.id BETWEEN c.first_id AND c.last_id) OR EXISTS (SELECT 1 FROM changes c"
            " WHERE c.op = 'remove' AND c.first_id = q.id)"
        ).fetchone()[0]
        miscounted = conn.execute(
            "SELECT count(*) FROM speakers s WHERE s.quote_count <>"
            " (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id)"
        ).fetchone()[0]
    problems = [f"{unlogged} statements not in the change log"] if unlogged else []
    problems += [f"{miscounted} speakers miscounted"] if miscounted else []
    return ", ".join(problems) or "ok"


def quote_texts(body: dict) -> list[str]:
    """The statements' texts in an article answer, in order."""
    return [quote["text"] for quote in body.get("quotes", [])]


def run(articles_count: int, threads: int, workers: int, data_dir: Path, database_url: str = "") -> dict:
    """Run the whole scenario and return its figures, including `failures` (empty when all held)."""
    articles = [generate_article(number) for number in range(articles_count)]
    server = LiveServer(data_dir, workers=workers, env={"CLAIMTRACE_DATABASE_URL": database_url})
    failures: list[str] = []

    started = time.monotonic()
    server.start()
    try:
        first = post_all(server, articles, threads, kill_after=articles_count // 2)
    finally:
        server.kill()  # already dead unless posting failed: never leave a server behind
    phase_one = time.monotonic() - started
    acknowledged = {n: o.body for n, o in enumerate(first) if isinstance(o, Reply) and o.status == 201}
    other_statuses = sorted({o.status for o in first if isinstance(o, Reply) and o.status != 201})
    if other_statuses:
        failures.append(f"unexpected statuses before the kill: {other_statuses}")
    lost_in_flight = sum(1 for o in first if isinstance(o, str) and o.startswith("error"))
    check_after_kill = integrity(data_dir, database_url)
    if check_after_kill != "ok":
        failures.append(f"integrity_check after SIGKILL: {check_after_kill}")

    server.start()
    try:
        missing, changed = 0, 0
        for body in acknowledged.values():
            reply = call(server.port, "GET", f"/articles/{body['id']}")
            if reply.status != 200:
                missing += 1
            elif quote_texts(reply.body) != quote_texts(body) or reply.body.get("title") != body.get("title"):
                changed += 1
        if missing or changed:
            failures.append(f"acknowledged articles missing: {missing}, changed: {changed}")
        statements_checked = sum(len(body.get("quotes", [])) for body in acknowledged.values())
        if acknowledged and statements_checked == 0:
            failures.append("the acknowledged articles carry no statements, so nothing was really checked")

        second = post_all(server, articles, threads, kill_after=None)
        status = {n: o.status if isinstance(o, Reply) else o for n, o in enumerate(second)}
        created_twice = [n for n in acknowledged if status[n] == 201]
        wrong_id = [
            n for n in acknowledged if status[n] == 200 and second[n].body["id"] != acknowledged[n]["id"]
        ]
        errors = [n for n, s in status.items() if s not in (200, 201)]
        committed_unacknowledged = sum(1 for n, s in status.items() if n not in acknowledged and s == 200)
        if created_twice:
            failures.append(f"{len(created_twice)} articles got a second 201")
        if wrong_id:
            failures.append(f"{len(wrong_id)} articles answered 200 with another id")
        if errors:
            failures.append(f"{len(errors)} re-posts failed: {sorted({str(status[n]) for n in errors})}")
        total = call(server.port, "GET", "/articles?page_size=1").body.get("total")
        if total != articles_count:
            failures.append(f"store holds {total} articles after re-posting {articles_count}")
    finally:
        server.stop()
    check_at_end = integrity(data_dir, database_url)
    if check_at_end != "ok":
        failures.append(f"integrity_check at the end: {check_at_end}")
    return {
        "store": "postgresql" if database_url else "sqlite",
        "articles": articles_count,
        "threads": threads,
        "workers": workers,
        "acknowledged_before_kill": len(acknowledged),
        "failed_in_flight": lost_in_flight,
        "not_sent": sum(1 for o in first if o == "not sent"),
        "committed_but_unacknowledged": committed_unacknowledged,
        "statements_checked": statements_checked,
        "integrity_after_kill": check_after_kill,
        "integrity_at_end": check_at_end,
        "phase_one_seconds": round(phase_one, 2),
        "total_seconds": round(time.monotonic() - started, 2),
        "failures": failures,
    }


def server_db(data_dir: Path) -> Path:
    """Where the store keeps its SQLite file (Settings.db_path)."""
    from service.config import Settings

    return Path(Settings(data_dir=str(data_dir)).db_path)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the scenario in a fresh folder, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--postgres", action="store_true", help="store in a PostgreSQL server of its own")
    parser.add_argument("--database-url", default="", help="store in this (empty) PostgreSQL database")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="claimtrace-fault-") as folder:
        if args.database_url:
            figures = run(args.articles, args.threads, args.workers, Path(folder) / "data", args.database_url)
        elif args.postgres:
            with PostgresServer.start() as database:
                url = database.fresh_database()
                figures = run(args.articles, args.threads, args.workers, Path(folder) / "data", url)
        else:
            figures = run(args.articles, args.threads, args.workers, Path(folder) / "data")
    for name, value in figures.items():
        if name != "failures":
            print(f"{name:>30}: {value}")
    print("result:", "FAIL - " + "; ".join(figures["failures"]) if figures["failures"] else "ok")
    print(json.dumps(figures))
    return 1 if figures["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
