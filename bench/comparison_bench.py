"""What comparison and provenance add to one /match: time per compare() and per group_quotes() call.

    .venv/bin/python bench/comparison_bench.py [--rounds 20] [--group-size 30]

Pairs every dev claim with every seed statement (gold texts from ../shared/gold when present, else a
built-in sample) and prints the mean cost of compare(claim, quote) next to one RapidFuzz WRatio on
the same pair (the scoring every candidate already pays; a statement's quantities are cached across
calls, as they are across /match calls in a worker), and the cost of grouping a match's
candidates (limit * 3 = 30 statements, a third of them copies) next to the all-pairs fuzz.ratio
baseline over the same statements.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.models import Speaker, StoredArticle, StoredQuote  # noqa: E402
from service.search.comparison import compare  # noqa: E402
from service.search.provenance import _key, group_quotes, statement_key  # noqa: E402

GOLD = ROOT.parent / "shared" / "gold"
SAMPLE_QUOTES = [
    (
        "an excess of 40,000 total foreign fighters have gone to the conflict from over 100 countries",
        "Justin Siberell",
    ),
    ("Today some 25-30 thousand foreign terrorist mercenaries are fighting for ISIL", "Anatoly Antonov"),
    ("up to 600 militants from Russia and Europe are fighting against the government", "Vladimir Putin"),
    ("fewer than 15,000 Islamic State extremists still are fighting in Iraq and Syria", "U.S. official"),
]
SAMPLE_CLAIMS = [
    "Putin said 25-30 thousand foreign mercenaries are fighting",
    "50,000 fighters from 100 countries",
]


def load() -> tuple[list[StoredQuote], list[str]]:
    """Seed statements as StoredQuote objects and the dev claims (or the built-in sample)."""
    article = StoredArticle(1, "t", "2016-06-03", "RT", None, None)
    if (GOLD / "seed-quotes.json").exists() and (GOLD / "claims-dev.jsonl").exists():
        gold = json.loads((GOLD / "seed-quotes.json").read_text(encoding="utf-8"))
        rows = [(q["text"], q["speaker"]) for q in gold["quotes"]]
        lines = (GOLD / "claims-dev.jsonl").read_text(encoding="utf-8").splitlines()
        claims = [json.loads(line)["claim"] for line in lines if line.strip()]
    else:
        rows, claims = SAMPLE_QUOTES, SAMPLE_CLAIMS
    quotes = [StoredQuote(i, t, "direct", Speaker(s), article=article) for i, (t, s) in enumerate(rows, 1)]
    return quotes, claims


def per_call(fn, items, rounds: int) -> float:
    """Mean seconds per call of fn over items, best of `rounds` passes."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for item in items:
            fn(*item)
        best = min(best, (time.perf_counter() - start) / len(items))
    return best


def main() -> None:
    """Print the figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--group-size", type=int, default=30)
    args = ap.parse_args()
    quotes, claims = load()
    pairs = [(c, q) for c in claims for q in quotes]
    ours = per_call(compare, pairs, args.rounds)
    base = per_call(lambda c, q: fuzz.WRatio(c, q.text), pairs, args.rounds)
    print(f"compare(): {ours * 1e6:.0f} us per pair over {len(pairs)} pairs; WRatio {base * 1e6:.1f} us")
    print(f"compare() / WRatio = {ours / base:.0f}x; 10 matches add {10 * ours * 1e3:.2f} ms to a /match")

    n = args.group_size
    copies = [
        StoredQuote(10_000 + q.id, q.text.replace(",000", " thousand"), q.kind, q.speaker) for q in quotes
    ]
    candidates = (quotes[: n - n // 3] + copies[: n // 3])[:n]
    groups = group_quotes(candidates)
    grouping = per_call(group_quotes, [(candidates,)], args.rounds)  # keys cached after the first round

    def cold(quotes: list[StoredQuote]) -> None:
        _key.cache_clear()
        group_quotes(quotes)

    grouping_cold = per_call(cold, [(candidates,)], args.rounds)
    keys = [statement_key(q.text) for q in candidates]

    def all_pairs() -> None:
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                fuzz.ratio(a, b)

    baseline = per_call(all_pairs, [()], args.rounds)
    cold_ms, warm_ms = grouping_cold * 1e3, grouping * 1e3
    print(f"group_quotes({len(candidates)}): {cold_ms:.2f} ms cold, {warm_ms:.2f} ms keys cached")
    print(f"  -> {len(groups)} groups; all-pairs fuzz.ratio on the keys alone: {baseline * 1e3:.3f} ms")
    ratios = f"cold {grouping_cold / baseline:.0f}x, cached {grouping / baseline:.1f}x"
    print(f"  ratios: {ratios} the bare all-pairs scan")


if __name__ == "__main__":
    main()
