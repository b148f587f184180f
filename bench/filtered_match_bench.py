"""Filtered /match: a baseline git ref against the working tree, in the same run, on SQLite and PostgreSQL.

    .venv/bin/python bench/filtered_match_bench.py [--baseline main] [--statements 100000] [--claims 60]
                                                   [--no-postgres]

One store of `--statements` generated statements (bench/match_bench.py's corpus) with outlets,
publication dates and speakers, loaded once per backend. Two service processes open it, one
running the baseline's code (`git archive REF`), one this tree's, each with its own data folder
(index) over the same data (a copy of the SQLite file; the same PostgreSQL database). Each claim
paraphrases a statement and goes to both with each filter in turn, alternating which goes first,
so machine noise falls on both alike:
- outlet: the source's outlet (one statement in 5 passes), the filter of bench/storage_bench.py;
- year: published in the source's year (one in 15);
- month: published in the source's month (one in 180);
- speaker: the source's speaker (about one in 3,000; checked inside the index).
Prints p50/p95 ms per filter and backend for both, their ratio, how often each ranks the source
first, and how often both rank the same statement first. Lexical index only (as storage_bench).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(BENCH), str(ROOT)]

from match_bench import Corpus, pct  # noqa: E402
from postgres_server import PostgresServer  # noqa: E402

from service.config import Settings  # noqa: E402
from service.storage import open_store  # noqa: E402

BATCH = 5_000
OUTLETS = ("Wire", "Herald", "Gazette", "Courier", "Post")
YEARS = 15

# A service process: opens the store the settings name, builds its index, then answers one JSON
# line per claim with the time /match took (near misses included) and the ids it leads with.
CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from service.config import Settings
from service.services import ClaimTrace
from service.storage import QuoteFilters
settings = Settings(**json.loads(sys.argv[2]))
service = ClaimTrace.open(settings)
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    asked = json.loads(line)
    filters = QuoteFilters(**asked["filters"])
    started = time.perf_counter()
    found = service.match(asked["claim"], limit=10, min_score=None, filters=filters)
    spent = (time.perf_counter() - started) * 1000
    shown = found["matches"] or found["near_misses"]  # what the answer leads with
    print(json.dumps({"ms": spent, "ids": [m.quote.id for m in shown]}), flush=True)
service.close()
"""


class Service:
    """One service process on one code tree, asked claim by claim over a pipe."""

    def __init__(self, tree: Path, settings: dict):
        self.process = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(tree), json.dumps(settings)],
            cwd=tree,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        if not json.loads(self.process.stdout.readline() or "{}").get("ready"):
            raise RuntimeError(f"the service on {tree} did not start")

    def ask(self, claim: str, filters: dict) -> dict:
        """One /match with filters: {"ms": time, "ids": matched ids}."""
        self.process.stdin.write(json.dumps({"claim": claim, "filters": filters}) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        """End the process."""
        self.process.stdin.close()
        self.process.wait(timeout=60)


def generated(statements: int, claims: int) -> tuple[list[dict], list[tuple[str, dict]]]:
    """Rows with outlet, date and speaker, and (claim, its source row) pairs."""
    corpus = Corpus()
    rows = corpus.rows(statements)
    rng = random.Random(7)
    for row in rows:
        row["outlet"] = rng.choice(OUTLETS)
        row["published"] = (
            f"{2010 + rng.randrange(YEARS)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
        )
    picked = random.Random(5).sample(range(len(rows)), claims)
    return rows, [
        (corpus.claim_for(rows[i]["text"], rows[i]["speaker"]), {**rows[i], "id": i + 1}) for i in picked
    ]


def filters_for(source: dict) -> dict[str, dict]:
    """Each filter kind, set so the source statement passes it."""
    year, month = source["published"][:4], source["published"][:7]
    return {
        "outlet": {"outlet": source["outlet"].lower()},
        "year": {"published_from": year, "published_to": year},
        "month": {"published_from": month, "published_to": month},
        "speaker": {"speaker": source["speaker"]},
    }


def load(settings: Settings, rows: list[dict]) -> None:
    """Import the rows into a fresh store."""
    store = open_store(settings)
    try:
        for start in range(0, len(rows), BATCH):
            store.import_quotes(rows[start : start + BATCH])
    finally:
        store.close()


def compare(trees: dict[str, Path], settings: dict[str, dict], claims: list[tuple[str, dict]]) -> dict:
    """Both trees on the same claims and filters, alternating; figures per filter kind."""
    services = {name: Service(tree, settings[name]) for name, tree in trees.items()}
    times = {name: {} for name in trees}
    first = {name: {} for name in trees}
    same = {}
    try:
        for number, (claim, source) in enumerate(claims):
            order = list(trees) if number % 2 == 0 else list(trees)[::-1]
            for kind, filters in filters_for(source).items():
                answers = {name: services[name].ask(claim, filters) for name in order}
                for name, answer in answers.items():
                    times[name].setdefault(kind, []).append(answer["ms"])
                    first[name].setdefault(kind, []).append(answer["ids"][:1] == [source["id"]])
                tops = [answer["ids"][:1] for answer in answers.values()]
                same.setdefault(kind, []).append(tops[0] == tops[1])
    finally:
        for service in services.values():
            service.close()
    figures = {}
    for kind in same:
        entry = {}
        for name in trees:
            entry[f"{name}_p50_ms"] = round(pct(times[name][kind], 50), 1)
            entry[f"{name}_p95_ms"] = round(pct(times[name][kind], 95), 1)
            entry[f"{name}_source_first"] = round(sum(first[name][kind]) / len(claims), 3)
        entry["same_top"] = round(sum(same[kind]) / len(claims), 3)
        figures[kind] = entry
    return figures


def main(argv: list[str] | None = None) -> int:
    """Load the data once per backend, run both trees on it and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="main", help="git ref of the baseline code")
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=60)
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args(argv)

    rows, claims = generated(args.statements, args.claims)
    results = {}
    with tempfile.TemporaryDirectory(prefix="claimtrace-filtered-bench-") as folder:
        base = Path(folder)
        baseline = base / "baseline"
        baseline.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.baseline], capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(baseline)], input=archive.stdout, check=True)
        trees = {"baseline": baseline, "candidate": ROOT}
        common = {"load_corpus": False, "embeddings": False}

        sqlite_settings = Settings(data_dir=str(base / "sqlite"), **common)
        load(sqlite_settings, rows)
        per_tree = {}
        for name in trees:
            (base / f"sqlite-{name}").mkdir()
            shutil.copy(sqlite_settings.db_path, base / f"sqlite-{name}" / "claimtrace.sqlite3")
            per_tree[name] = {"data_dir": str(base / f"sqlite-{name}"), **common}
        results["sqlite"] = compare(trees, per_tree, claims)

        if not args.no_postgres:
            with PostgresServer.start() as server:
                url = server.fresh_database()
                load(Settings(data_dir=str(base / "pg-load"), database_url=url, **common), rows)
                per_tree = {
                    name: {"data_dir": str(base / f"pg-{name}"), "database_url": url, **common}
                    for name in trees
                }
                results["postgresql"] = compare(trees, per_tree, claims)

    print(f"baseline {args.baseline} vs this tree, {args.statements:,} statements, {args.claims} claims each")
    columns = ("base p50", "cand p50", "ratio", "base p95", "cand p95", "base 1st", "cand 1st", "same top")
    print(f"{'backend':<11}{'filter':<9}" + "".join(f"{column:>10}" for column in columns))
    for backend, figures in results.items():
        for kind, entry in figures.items():
            ratio = (
                entry["candidate_p50_ms"] / entry["baseline_p50_ms"]
                if entry["baseline_p50_ms"]
                else float("nan")
            )
            print(
                f"{backend:<11}{kind:<9}{entry['baseline_p50_ms']:>10}{entry['candidate_p50_ms']:>10}{ratio:>7.3f}"
                f"{entry['baseline_p95_ms']:>10}{entry['candidate_p95_ms']:>10}"
                f"{entry['baseline_source_first']:>10}{entry['candidate_source_first']:>10}{entry['same_top']:>10}"
            )
    print(
        json.dumps(
            {"baseline": args.baseline, "statements": args.statements, "claims": args.claims, **results}
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
