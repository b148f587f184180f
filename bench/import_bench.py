"""Bulk-import speed: statements per second into a fresh store, against reading the JSON alone.

    .venv/bin/python bench/import_bench.py --rows 200000

Prints the end-to-end rate (read, parse, validate, store), the parse+validate rate, the store-only
rate on rows already parsed, and the ratio of the end-to-end rate to plain json.loads of the same file
measured in the same run. The target is at least 20,000 statements/s end to end.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.ingest.importer import import_file, parse_line  # noqa: E402
from service.storage.sqlite import SqliteStore  # noqa: E402

WORDS = [
    "the",
    "government",
    "said",
    "forces",
    "fighting",
    "militants",
    "country",
    "minister",
    "talks",
    "ceasefire",
    "border",
    "thousand",
    "security",
    "council",
    "president",
    "statement",
    "weapons",
    "agreement",
    "refugees",
    "troops",
    "attack",
    "region",
    "officials",
]
NAMES = [
    f"{first} {last}" for first in ("Anna", "Sergei", "John", "Maria", "Ahmed", "Li") for last in WORDS[:40]
]


def generate(path: Path, rows: int, seed: int = 7) -> None:
    """Write `rows` lines, half in our format and half Quotebank's, gzip-compressed."""
    rng = random.Random(seed)
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for i in range(rows):
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40)))
            day = f"2015-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if i % 2:
                line = {
                    "quoteID": f"{day}-{i:07d}",
                    "quotation": text,
                    "speaker": rng.choice(NAMES + ["None"]),
                    "qids": ["Q1"],
                    "date": f"{day} 12:02:00",
                    "numOccurrences": 1,
                    "probas": [["x", "0.5"]],
                    "urls": [f"http://www.site{rng.randint(1, 300)}.com/a/{i}"],
                    "phase": "E",
                }
            else:
                line = {
                    "text": text,
                    "speaker": rng.choice(NAMES),
                    "said_on": day,
                    "outlet": "Wire",
                    "ref": f"r{i}",
                }
            out.write(json.dumps(line) + "\n")


def main() -> None:
    """Generate, then time each stage on the same file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "statements.jsonl.gz"
        generate(source, args.rows)
        with gzip.open(source, "rb") as stream:
            lines = stream.readlines()

        started = time.perf_counter()
        for line in lines:
            json.loads(line)
        json_rate = len(lines) / (time.perf_counter() - started)

        started = time.perf_counter()
        parsed = [parse_line(line) for line in lines]
        parse_rate = len(lines) / (time.perf_counter() - started)

        store = SqliteStore(Path(folder) / "store-only.sqlite3")
        started = time.perf_counter()
        for start in range(0, len(parsed), 20_000):
            store.import_quotes(parsed[start : start + 20_000])
        store_rate = len(parsed) / (time.perf_counter() - started)
        store.close()

        store = SqliteStore(Path(folder) / "end-to-end.sqlite3")
        report = import_file(store, str(source))
        again = import_file(store, str(source))
        store.close()

    print(f"rows: {args.rows:,}")
    print(f"json.loads only (baseline): {json_rate:,.0f} lines/s")
    print(f"parse + validate (checked fast path, marshmallow for doubtful lines): {parse_rate:,.0f} lines/s")
    print(f"store only (import_quotes on parsed rows): {store_rate:,.0f} rows/s")
    print(
        f"end to end (gzip file -> store): {report.rate:,.0f} statements/s, added {report.added:,},"
        f" bad {report.bad}, ratio to json.loads {report.rate / json_rate:.2f}"
    )
    print(
        f"re-run (all already stored): {again.rate:,.0f} lines/s,"
        f" added {again.added}, skipped {again.skipped:,}"
    )


if __name__ == "__main__":
    main()
