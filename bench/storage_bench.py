"""PostgreSQL against SQLite in the same run: ingest throughput and /match latency at 100k statements.

    .venv/bin/python bench/storage_bench.py [--statements 100000] [--articles 300] [--claims 300]

Both stores get the same work, one after the other, in this process:
- bulk import: `--statements` generated statements (bench/match_bench.py's corpus) through
  import_quotes in batches of 5,000, as `import-quotes` sends them: rows per second;
- article ingest: `--articles` generated news articles, extracted once beforehand, stored one
  transaction each as POST /articles does (store, speakers, change log): articles per second;
- start-up: the service's ClaimTrace.open (index built from the store and saved);
- /match: the same paraphrased claims through ClaimTrace.match, alternating backends claim by
  claim so machine noise falls on both alike; plain, and with an outlet filter (which asks the
  store about candidates); plus the per-request change-log check a worker makes (sync).
PostgreSQL is Debian's, started by scripts/postgres.sh with its durable defaults (fsync on),
on loopback; SQLite is WAL with synchronous=NORMAL. Lexical index only (CLAIMTRACE_EMBEDDINGS off):
the vectors cost the same on both backends and would drown the storage differences. Prints a
table and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]

from live_server import generate_article  # noqa: E402
from match_bench import Corpus, pct  # noqa: E402
from postgres_server import PostgresServer  # noqa: E402

from service.config import Settings  # noqa: E402
from service.extraction import extract  # noqa: E402
from service.ingest.articles import save_extraction  # noqa: E402
from service.services import ClaimTrace  # noqa: E402
from service.storage import QuoteFilters, open_store  # noqa: E402

BATCH = 5_000
OUTLETS = ("Wire", "Herald", "Gazette", "Courier", "Post")


def load(settings: Settings, rows: list[dict], articles: list[tuple[str, object]]) -> dict:
    """Bulk-import the rows and store the pre-extracted articles; rates per second."""
    store = open_store(settings)
    try:
        started = time.perf_counter()
        for start in range(0, len(rows), BATCH):
            store.import_quotes(rows[start : start + BATCH])
        import_seconds = time.perf_counter() - started
        started = time.perf_counter()
        for number, (text, found) in enumerate(articles):
            save_extraction(store, text, found, given={"outlet": OUTLETS[number % len(OUTLETS)]})
        article_seconds = time.perf_counter() - started
        return {
            "import_rows_per_s": round(len(rows) / import_seconds),
            "articles_per_s": round(len(articles) / article_seconds, 1),
            "statements": store.count_quotes(),
        }
    finally:
        store.close()


def one_claim(service: ClaimTrace, claim: str, outlet: QuoteFilters) -> dict[str, float]:
    """Milliseconds of a worker's per-request log check, a plain /match and a filtered one."""
    spent = {}
    started = time.perf_counter()
    service.sync()
    spent["sync"] = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    service.match(claim, limit=10, min_score=None)
    spent["match"] = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    service.match(claim, limit=10, min_score=None, filters=outlet)
    spent["filtered"] = (time.perf_counter() - started) * 1000
    return spent


def main(argv: list[str] | None = None) -> int:
    """Run both backends on the same generated data and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--claims", type=int, default=300)
    args = parser.parse_args(argv)

    corpus = Corpus()
    rows = corpus.rows(args.statements)
    for number, row in enumerate(rows):
        row["outlet"] = OUTLETS[number % len(OUTLETS)]
    articles = [generate_article(number)["text"] for number in range(args.articles)]
    articles = [(text, extract(text)) for text in articles]
    picked = random.Random(5).sample(rows, args.claims)
    claims = [corpus.claim_for(row["text"], row["speaker"]) for row in picked]

    figures: dict[str, dict] = {}
    with (
        tempfile.TemporaryDirectory(prefix="claimtrace-storage-bench-") as folder,
        PostgresServer.start() as pg,
    ):
        backends = {
            "sqlite": Settings(data_dir=f"{folder}/sqlite", load_corpus=False, embeddings=False),
            "postgresql": Settings(
                data_dir=f"{folder}/postgresql",
                load_corpus=False,
                embeddings=False,
                database_url=pg.fresh_database(),
            ),
        }
        services = {}
        for name, settings in backends.items():
            figures[name] = load(settings, rows, articles)
            started = time.perf_counter()
            services[name] = ClaimTrace.open(settings)
            figures[name]["startup_s"] = round(time.perf_counter() - started, 2)
        times: dict[str, dict[str, list[float]]] = {
            name: {"match": [], "filtered": [], "sync": []} for name in services
        }
        outlet = QuoteFilters(outlet="herald")
        for claim in claims:
            for name, service in services.items():
                for label, spent in one_claim(service, claim, outlet).items():
                    times[name][label].append(spent)
        for name, service in services.items():
            for label, values in times[name].items():
                figures[name][f"{label}_p50_ms"] = round(pct(values, 50), 2)
                figures[name][f"{label}_p95_ms"] = round(pct(values, 95), 2)
            service.close()

    names = list(figures)
    print(f"{'':<22}" + "".join(f"{name:>14}" for name in names) + f"{'pg/sqlite':>12}")
    for key in figures["sqlite"]:
        values = [figures[name][key] for name in names]
        ratio = values[1] / values[0] if values[0] else float("nan")
        print(f"{key:<22}" + "".join(f"{value:>14}" for value in values) + f"{ratio:>12.2f}")
    print(json.dumps({"statements": args.statements, "articles": args.articles, **figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
