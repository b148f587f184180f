"""Matching speed, memory and ranking quality at 10k / 100k / 1M statements, with baselines from the same run.

    .venv/bin/python bench/match_bench.py                       # sizes 10000,100000 (a few minutes)
    .venv/bin/python bench/match_bench.py --sizes 1000000 --http # the full target run (tens of minutes)
    .venv/bin/python bench/match_bench.py --sizes '' --real 200000  # hybrid vs rapidfuzz scan vs bm25s

The semantic side (on unless --no-semantic) is timed as the service runs it: statement vectors in
the saved, memory-mapped usearch file, the real model encoding every claim; how the vectors of
generated statements are made is in bench/hybrid_parts.py. `--real N` runs N statements made of
real sentences (read at bench time from ../shared/data, never stored) against real claims.
The hybrid figures are one core's work (the claim encoded first, on the same thread), as the
service runs; the real-statement run also prints HybridIndex(overlap=True), the claim encoded on a
helper thread while the lexical side runs (it needs a free core to pay), and the lexical index
alone (CLAIMTRACE_EMBEDDINGS=off), all claim by claim in turn with bm25s. Each hybrid run prints
the time per claim in each stage of a match and the slowest claims stage by stage
(hybrid_parts.Stages), garbage collection included. Beside the wall-clock percentiles, the process's
CPU time per claim is printed: on a shared machine (load 10 on 2 cores) the wall-clock tail is mostly
time spent waiting for a core, which CPU time leaves out. Timing starts after the setup's objects are
frozen out of the garbage collector's walks, as gunicorn.conf.py does in each worker.

For each size it generates seeded, sentence-like statements over a Zipfian vocabulary (inflected
words, speakers, numbers printed in news styles), imports them through the store's importer and
prints: import rate, start-up (store -> index), index bytes per statement, /match latency
p50/p95/p99 in-process (index alone and matching.match with the store) and optionally over HTTP
through gunicorn on loopback, the same claims through a brute-force RapidFuzz scan over every text,
the speed-up and top-10 agreement. Then MAP@5 of ours vs plain BM25 on a generated
paraphrase/typo claim set, and the dev claims with 20,000 unrelated statements added.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import hybrid_parts  # noqa: E402
from bench.bm25 import BM25  # noqa: E402
from service.search.index import QuoteIndex, open_index  # noqa: E402
from service.search.index.persist import rebuild  # noqa: E402
from service.search.matching import DEFAULT_MIN_SCORE, match  # noqa: E402
from service.server.heap import freeze_heap  # noqa: E402
from service.text.normalize import normalize  # noqa: E402

FUNCTION = tuple(
    [
        "the",
        "of",
        "to",
        "and",
        "in",
        "a",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "is",
        "was",
        "has",
        "have",
        "will",
        "its",
        "are",
        "be",
        "it",
        "not",
    ]
)
SUFFIXES = ("", "", "s", "ed", "ing", "er", "ers")
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"] + ["tra", "sho", "pri", "ste", "gro"]


class Corpus:
    """Seeded generator of statements and of claims that paraphrase them."""

    def __init__(self, seed: int = 11, vocab_size: int = 40_000, speakers: int = 3_000):
        self.rng = random.Random(seed)
        self.np = np.random.default_rng(seed)
        words = set()
        while len(words) < vocab_size:
            words.add("".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4))))
        self.stems = sorted(words)
        self.rng.shuffle(self.stems)
        weights = 1.0 / (np.arange(vocab_size) + 2.7)  # Zipf, exponent 1
        self.cdf = np.cumsum(weights / weights.sum())
        self.speakers = [f"{self._name()} {self._name()}" for _ in range(speakers)]

    def _name(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(2)).capitalize()

    def _number(self) -> str:
        value = self.rng.choice(
            [self.rng.randint(2, 99), self.rng.randint(100, 999) * 10, self.rng.randint(2, 90) * 1000]
        )
        return f"{value:,}"

    def statement_tokens(self) -> list[str]:
        """One statement as tokens: content words from the Zipfian vocabulary among function words."""
        length = self.rng.randint(8, 28)
        ranks = np.searchsorted(self.cdf, self.np.random(length))
        out = []
        for rank in ranks:
            if self.rng.random() < 0.4:
                out.append(self.rng.choice(FUNCTION))
            out.append(self.stems[int(rank)] + self.rng.choice(SUFFIXES))
        if self.rng.random() < 0.3:
            out.insert(self.rng.randrange(len(out)), self._number())
        return out

    def rows(self, count: int, first_id: int = 1) -> list[dict]:
        """`count` import rows (text, speaker, ref) with ids implied by order."""
        rows = []
        for i in range(count):
            text = " ".join(self.statement_tokens())
            rows.append(
                {
                    "text": text[0].upper() + text[1:] + ".",
                    "speaker": self.rng.choice(self.speakers),
                    "ref": f"g{first_id + i}",
                }
            )
        return rows

    def claim_for(self, text: str, speaker: str) -> str:
        """A paraphrase: dropped and reordered words, other inflections, a typo, numbers reprinted."""
        words = [w for w in text.rstrip(".").lower().split() if w not in FUNCTION]
        kept = [w for w in words if self.rng.random() < 0.55] or words[:3]
        # Claims carry context of their own: a few words from elsewhere in the vocabulary.
        noise = np.searchsorted(self.cdf, self.np.random(self.rng.randint(1, 4)))
        kept += [self.stems[int(r)] + self.rng.choice(SUFFIXES) for r in noise]
        out = []
        for w in kept:
            if w[0].isdigit():
                value = int(w.replace(",", ""))
                w = self.rng.choice(
                    [str(value), f"{value // 1000}k" if value % 1000 == 0 and value >= 1000 else str(value)]
                )
            elif self.rng.random() < 0.4:
                base = next((w[: -len(s)] for s in ("ers", "ing", "ed", "er", "s") if w.endswith(s)), w)
                w = base + self.rng.choice(SUFFIXES)
            out.append(w)
        typo_at = [i for i, w in enumerate(out) if len(w) >= 6 and w.isalpha()]
        if typo_at and self.rng.random() < 0.5:
            i = self.rng.choice(typo_at)
            j = self.rng.randrange(1, len(out[i]) - 2)
            out[i] = out[i][:j] + out[i][j + 1] + out[i][j] + out[i][j + 2 :]
        if len(out) > 3 and self.rng.random() < 0.5:
            cut = self.rng.randrange(1, len(out) - 1)
            out = out[cut:] + out[:cut]
        with_function = []
        for w in out:
            if self.rng.random() < 0.3:
                with_function.append(self.rng.choice(FUNCTION))
            with_function.append(w)
        if self.rng.random() < 0.3:
            with_function = [speaker.split()[-1], "says", *with_function]
        return " ".join(with_function)


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) of values, in the values' unit."""
    return float(np.percentile(values, q)) if values else float("nan")


def latency_line(label: str, values: list[float]) -> str:
    """p50/p95/p99 of latencies in ms, one line."""
    return (
        f"{label:<15} p50 {pct(values, 50):6.1f}  p95 {pct(values, 95):6.1f}  p99 {pct(values, 99):6.1f} ms"
    )


def timed(fn, claims: list[str], cpu: list[float] | None = None) -> tuple[list[float], list]:
    """Per-claim wall times in ms and the results; each claim's process CPU time (ms) appended to `cpu`."""
    times, results = [], []
    for claim in claims:
        started, started_cpu = time.perf_counter(), time.process_time()
        results.append(fn(claim))
        times.append((time.perf_counter() - started) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - started_cpu) * 1000)
    return times, results


CPU_NOTE = "  (the process's CPU time: a busy machine's waits left out)"


def run_size(size: int, corpus: Corpus, args, tmp: Path) -> None:
    """Every speed and memory figure for one corpus size."""
    from service.storage.sqlite import SqliteStore

    rows = corpus.rows(size)
    store = SqliteStore(tmp / f"s{size}" / "claimtrace.sqlite3")
    folder = tmp / f"s{size}" / "index"  # where the service keeps it: beside the store
    half, import_s, replay_s = size // 2, 0.0, None
    for part, (low, high) in enumerate(((0, half), (half, size))):
        started = time.perf_counter()
        for i in range(low, high, 50_000):
            store.import_quotes(rows[i : min(i + 50_000, high)])
        import_s += time.perf_counter() - started
        if part == 0 and not args.lean:
            open_index(store, folder)  # an index saved at half the size, then an offline import of the rest
    if not args.lean:
        started = time.perf_counter()
        index = open_index(store, folder)
        replay_s = time.perf_counter() - started
    started = time.perf_counter()
    index = rebuild(store, folder)
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    index = open_index(store, folder)
    startup_s = time.perf_counter() - started
    print(f"\n== {size:,} statements")
    print(f"import (store.import_quotes): {size / import_s:,.0f} statements/s ({import_s:.1f} s)")
    args.import_rate = size / import_s
    print(f"first start (build + save):  {build_s:.2f} s ({size / build_s:,.0f} statements/s)")
    if replay_s is not None:
        print(f"start-up after an offline import of {size - half:,} (log replay + save): {replay_s:.2f} s")
    print(f"start-up (saved index + log): {startup_s:.2f} s")
    print(f"index memory:                {index.memory_bytes() / size:,.0f} bytes/statement beyond the texts")

    targets = corpus.rng.sample(range(size), min(args.claims, size))
    claims = [corpus.claim_for(rows[t]["text"], rows[t]["speaker"]) for t in targets]
    # The first match in a process pays once for lazy imports and a cold store cache; it is shown
    # apart so the percentiles describe a running service, and a few other claims warm it up.
    warmup = [
        corpus.claim_for(rows[t]["text"], rows[t]["speaker"]) for t in corpus.rng.sample(range(size), 3)
    ]
    cold_ms, _ = timed(lambda c: match(c, index=index, store=store, limit=10, min_score=0), warmup)
    print(
        f"first match in the process (cold): {cold_ms[0]:.1f} ms; warm-up claims after it: "
        + ", ".join(f"{t:.1f}" for t in cold_ms[1:])
        + " ms"
    )
    # As a gunicorn worker does once the app is loaded (gunicorn.conf.py): the objects alive now (here
    # also the bench's own rows) leave the collector's full walks, which would otherwise land in requests.
    freeze_heap()
    search_ms, hits = timed(lambda c: index.search(c, limit=10, min_score=0), claims)
    match_ms, _ = timed(lambda c: match(c, index=index, store=store, limit=10, min_score=0), claims)
    found = sum(1 for t, h in zip(targets, hits, strict=True) if h and h[0].quote_id == t + 1) / len(targets)
    print(latency_line("index.search", search_ms))
    print(latency_line("matching.match", match_ms))
    if args.semantic:
        hybrid = semantic_side(rows, index, tmp / f"s{size}", args, startup_s)
        hybrid.encoder.prepare(claims)
        freeze_heap()  # what building the vectors left alive, as above
        # Timed with each stage's time recorded (about a microsecond a call): the slowest claims say
        # where a tail comes from.
        with hybrid_parts.Stages() as stages:
            hybrid_hits = [
                stages.claim(c, lambda c: match(c, index=hybrid, store=store, limit=10, min_score=0))
                for c in claims
            ]
        hybrid_ms = [took for took, _, _ in stages.claims]
        hybrid_cpu = stages.cpu
        first = statistics.mean(
            float(bool(m) and m[0].quote.id == t + 1) for m, t in zip(hybrid_hits, targets, strict=True)
        )
        print(latency_line("hybrid match", hybrid_ms) + f"  (source first: {first:.0%})")
        print(latency_line("  hybrid CPU", hybrid_cpu) + CPU_NOTE)
        print(f"hybrid memory: {hybrid.memory_bytes() / size:,.0f} bytes/statement beyond the texts")
        print("hybrid match by stage (ms; the slowest claims after the mean):")
        print(stages.report(slowest=max(3, len(claims) // 50)))
    # A filter that keeps about one statement in a few thousand (one speaker), checked through the store.
    from service.storage import QuoteFilters

    filtered = [
        (c, QuoteFilters(speaker=rows[t]["speaker"])) for c, t in zip(claims[:50], targets, strict=False)
    ]
    filtered_ms, filtered_hits = timed(
        lambda cf: match(cf[0], index=index, store=store, limit=10, min_score=0, filters=cf[1]), filtered
    )
    kept_first = statistics.mean(
        float(bool(m) and m[0].quote.id == t + 1) for m, t in zip(filtered_hits, targets, strict=False)
    )
    print(latency_line("match+speaker", filtered_ms) + f"  (source first: {kept_first:.0%})")
    print(f"paraphrased claim's source ranked first: {found:.1%}")

    texts = [normalize(r["text"]) for r in rows]
    brute_claims = claims[: args.brute_claims]

    def brute(claim: str):
        return process.extract(
            normalize(claim), texts, scorer=fuzz.token_set_ratio, processor=None, limit=10, score_cutoff=1
        )

    brute_ms, brute_hits = timed(brute, brute_claims)
    ours_ms = statistics.mean(search_ms[: len(brute_claims)])
    agreement = [
        len({h.quote_id for h in ours[:10]} & {pos + 1 for _, _, pos in theirs}) / 10
        for ours, theirs in zip(hits, brute_hits, strict=False)
    ]
    brute_mean = statistics.mean(brute_ms)
    print(f"brute-force rapidfuzz scan:  mean {brute_mean:,.1f} ms over {len(brute_claims)} claims")
    print(f"speed-up (mean brute / mean ours, same claims): {statistics.mean(brute_ms) / ours_ms:,.0f}x")
    print(f"top-10 agreement with the brute-force scan: {statistics.mean(agreement):.2f}")
    brute_first = statistics.mean(
        float(bool(theirs) and theirs[0][2] + 1 == t + 1)
        for t, theirs in zip(targets, brute_hits, strict=False)
    )
    ours_first = statistics.mean(
        float(bool(h) and h[0].quote_id == t + 1)
        for t, h in zip(targets, hits[: len(brute_claims)], strict=False)
    )
    print(f"source ranked first on those claims: ours {ours_first:.0%}, brute-force scan {brute_first:.0%}")
    if args.http:
        http_latency(tmp / f"s{size}", claims, startup_timeout=max(120, size / 5_000))
    store.close()


def semantic_side(rows: list[dict], index, folder: Path, args, lexical_startup_s: float):
    """Statement vectors saved and mapped as the service keeps them; the hybrid index over both sides."""
    from service.search.embed.hybrid import HybridIndex

    terms = hybrid_parts.TermVectors()
    ids = list(range(1, len(rows) + 1))
    vectors, took = hybrid_parts.build_vectors(ids, [r["text"] for r in rows], folder / "vectors", terms)
    vectors.seq = index.seq
    print(
        f"vectors (term vectors, see hybrid_parts): made in {took['made_s']:.1f} s; usearch HNSW build + save"
        f" {took['build_s']:.1f} s ({len(rows) / took['build_s']:,.0f} statements/s, 1 thread)"
    )
    print(f"start-up with vectors (lexical + mapped vectors): {lexical_startup_s + took['load_s']:.2f} s")
    model = model_encoder()
    rate, source = hybrid_parts.encoding_rate(model)
    print(f"model encoding ({source}, 1 thread): {rate:,.0f} statements/s")
    per_core = 1 / (1 / rate + 1 / (len(rows) / took["build_s"]) + 1 / args.import_rate)
    print(
        f"import with embeddings: {per_core:,.0f} statements/s/core (store import + encoding + HNSW insert)"
    )
    # One core's work: the claim is encoded on this thread, before the lexical side (the default).
    return HybridIndex(index, vectors, hybrid_parts.TimedModelEncoder(model, terms))


def model_encoder():
    """The service's encoder on one thread (loaded once)."""
    from service.search.embed.model import load_encoder

    return load_encoder()


def real_statements(count: int, args, tmp: Path) -> None:
    """Hybrid vs a rapidfuzz scan vs bm25s on `count` statements of real sentences, with real claims."""
    from service.search.embed.hybrid import HybridIndex
    from service.storage.sqlite import SqliteStore

    texts, real = hybrid_parts.statements_200k(count)
    claims = hybrid_parts.real_claims()
    if not claims or real < 1000:
        print("\n(no ../shared/data: the real-statement comparison is skipped)")
        return
    rng = random.Random(5)
    claims = rng.sample(claims, min(args.claims, len(claims)))
    print(f"\n== {count:,} statements of real sentences ({real:,} as written, the rest halves joined)")
    store = SqliteStore(tmp / "real" / "claimtrace.sqlite3")
    for i in range(0, count, 50_000):
        store.import_quotes([{"text": t, "ref": f"r{i + j}"} for j, t in enumerate(texts[i : i + 50_000])])
    index = open_index(store, tmp / "real" / "index")
    terms = hybrid_parts.TermVectors()
    vectors, _ = hybrid_parts.build_vectors(list(range(1, count + 1)), texts, tmp / "real" / "vectors", terms)
    vectors.seq = index.seq
    encoder = hybrid_parts.TimedModelEncoder(model_encoder(), terms)
    encoder.prepare(claims)
    hybrid = HybridIndex(index, vectors, encoder)  # as the service runs: one thread
    beside = HybridIndex(index, vectors, encoder, overlap=True)  # the claim encoded on a helper thread
    lexical = HybridIndex(index)  # CLAIMTRACE_EMBEDDINGS=off
    bm25s_search = hybrid_parts.bm25s_baseline(texts)
    runs = {
        "hybrid match": lambda c: match(c, index=hybrid, store=store, limit=10, min_score=0),
        "  overlap": lambda c: match(c, index=beside, store=store, limit=10, min_score=0),
        "lexical match": lambda c: match(c, index=lexical, store=store, limit=10, min_score=0),
        "bm25s": bm25s_search,
    }
    for run in runs.values():
        timed(run, claims[:3])  # warm-up
    freeze_heap()  # as a gunicorn worker does once the app is loaded
    # Claim by claim, each run in turn, so a busy spell of the machine falls on all three alike.
    times: dict[str, list[float]] = {label: [] for label in runs}
    cpu: dict[str, list[float]] = {label: [] for label in runs}
    for claim in claims:
        for label, run in runs.items():
            times[label] += timed(run, [claim], cpu[label])[0]
    ours_ms, bm25s_ms = times["hybrid match"], times["bm25s"]
    normalized = [normalize(t) for t in texts]
    brute_claims = claims[: args.brute_claims]
    brute_ms, _ = timed(
        lambda c: process.extract(
            normalize(c), normalized, scorer=fuzz.token_set_ratio, processor=None, limit=10, score_cutoff=1
        ),
        brute_claims,
    )
    lexical_ms = times["lexical match"]
    print(latency_line("hybrid match", ours_ms) + "  (one thread, as the service runs)")
    print(latency_line("  overlap", times["  overlap"]) + "  (claim encoded on a helper thread)")
    print(latency_line("lexical match", lexical_ms) + "  (CLAIMTRACE_EMBEDDINGS=off)")
    print(latency_line("  hybrid CPU", cpu["hybrid match"]) + CPU_NOTE)
    print(latency_line("  lexical CPU", cpu["lexical match"]))
    print(latency_line("  bm25s CPU", cpu["bm25s"]) + "  (bm25s searches on a thread of its own)")
    print(latency_line("bm25s", bm25s_ms))
    print(latency_line("rapidfuzz scan", brute_ms) + f"  ({len(brute_claims)} claims)")
    brute_mean = statistics.mean(brute_ms)
    for label, mine in (("hybrid", ours_ms), ("lexical", lexical_ms)):
        print(
            f"{label}: speed-up over the scan (mean, same claims)"
            f" {brute_mean / statistics.mean(mine[: len(brute_claims)]):,.0f}x;"
            f" p50 {pct(mine, 50):.1f} ms vs bm25s {pct(bm25s_ms, 50):.1f} ms"
            f" ({pct(bm25s_ms, 50) / pct(mine, 50):.2f}x bm25s's speed; same run, same claims)"
        )
    print(f"overlap: p50 {pct(times['  overlap'], 50):.1f} ms")
    for label, index_used in (("hybrid", hybrid), ("lexical", lexical)):
        with hybrid_parts.Stages() as stages:
            for claim in claims:
                stages.claim(
                    claim, lambda c, i=index_used: match(c, index=i, store=store, limit=10, min_score=0)
                )
        print(f"{label} match by stage, a second pass (ms; the slowest claims after the mean):")
        print(stages.report())
    store.close()


def http_latency(data_dir: Path, claims: list[str], startup_timeout: float) -> None:
    """The same claims over HTTP through gunicorn (2 workers, --preload) on loopback."""
    from bench.live_server import LiveServer, call

    started = time.perf_counter()
    server = LiveServer(data_dir=data_dir, workers=2).start(ready_timeout=startup_timeout)
    try:
        print(f"gunicorn start-up to first /health: {time.perf_counter() - started:.1f} s")
        times = []
        for claim in claims:
            t0 = time.perf_counter()
            reply = call(server.port, "POST", "/match", {"claim": claim, "min_score": 0})
            times.append((time.perf_counter() - t0) * 1000)
            assert reply.status == 200, reply
        print(latency_line("HTTP /match", times))
    finally:
        server.stop()


def average_precision_at_5(ranked: list[int], relevant: int) -> float:
    """AP@5 with one relevant item: 1/rank when it is in the top 5."""
    return next((1 / rank for rank, doc in enumerate(ranked[:5], 1) if doc == relevant), 0.0)


def ranking_quality(corpus: Corpus, size: int, claims_count: int) -> None:
    """MAP@5 of ours (min_score 0) vs plain BM25 on paraphrase/typo claims over the same texts."""
    rows = corpus.rows(size)
    docs = [(i + 1, r["text"]) for i, r in enumerate(rows)]
    index = QuoteIndex.build((i + 1, r["text"], r["speaker"]) for i, r in enumerate(rows))
    bm25 = BM25([(doc_id, f"{text} {rows[doc_id - 1]['speaker']}") for doc_id, text in docs])
    targets = corpus.rng.sample(range(size), claims_count)
    ours = theirs = 0.0
    for t in targets:
        claim = corpus.claim_for(rows[t]["text"], rows[t]["speaker"])
        ours += average_precision_at_5([h.quote_id for h in index.search(claim, limit=5)], t + 1)
        theirs += average_precision_at_5([d for d, _ in bm25.search(claim, limit=5)], t + 1)
    print(f"\nMAP@5 on {claims_count} generated paraphrase/typo claims over {size:,} statements:")
    ours, theirs = ours / claims_count, theirs / claims_count
    print(f"  ours {ours:.3f}   plain BM25 {theirs:.3f}   ratio {ours / max(theirs, 1e-9):.2f}")


def dev_claims(corpus: Corpus, gold_path: Path, claims_path: Path, extra: int) -> None:
    """The seed dev claims against the gold statements plus `extra` unrelated generated ones."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    quotes = gold["quotes"]
    rows = [(i + 1, q["text"], q.get("speaker")) for i, q in enumerate(quotes)]
    rows += [(len(quotes) + 1 + i, r["text"], r["speaker"]) for i, r in enumerate(corpus.rows(extra))]
    index = QuoteIndex.build(rows)
    bm25 = BM25([(qid, f"{text} {speaker or ''}") for qid, text, speaker in rows])

    def ap5(ranked: list[int], expect: list[str]) -> float:
        # AP@5 over every expected statement (the dev claims list several)
        found, total = 0, 0.0
        for rank, qid in enumerate(ranked[:5], 1):
            if qid <= len(quotes) and quotes[qid - 1]["id"] in expect:
                found += 1
                total += found / rank
        return total / min(len(expect), 5)

    ours_map = bm25_map = 0.0
    r1 = negatives_ok = positives = negatives = 0
    worst_positive, best_negative = 100.0, 0.0
    for line in claims_path.read_text(encoding="utf-8").splitlines():
        claim = json.loads(line)
        hits = index.search(claim["claim"], limit=5, min_score=0)
        top = hits[0] if hits else None
        if claim["expect"]:
            positives += 1
            ours_map += ap5([h.quote_id for h in hits], claim["expect"])
            bm25_map += ap5([qid for qid, _ in bm25.search(claim["claim"], limit=5)], claim["expect"])
            first = (
                top is not None
                and top.quote_id <= len(quotes)
                and quotes[top.quote_id - 1]["id"] in claim["expect"]
            )
            r1 += first and top.score >= DEFAULT_MIN_SCORE
            worst_positive = min(worst_positive, top.score if top else 0.0)
        else:
            negatives += 1
            negatives_ok += top is None or top.score < DEFAULT_MIN_SCORE
            best_negative = max(best_negative, top.score if top else 0.0)
    print(f"\ndev claims with {extra:,} unrelated statements added (min_score {DEFAULT_MIN_SCORE}):")
    print(
        f"  R@1 {r1}/{positives}  negatives rejected {negatives_ok}/{negatives}  "
        f"lowest positive top score {worst_positive:.1f}, highest negative top score {best_negative:.1f}"
    )
    print(f"  MAP@5 ours {ours_map / positives:.3f}   plain BM25 {bm25_map / positives:.3f}")


def main(argv: list[str] | None = None) -> int:
    """Run every figure for the requested sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated statement counts")
    parser.add_argument("--claims", type=int, default=200, help="claims timed per size")
    parser.add_argument(
        "--brute-claims", type=int, default=10, help="claims also run through the brute-force scan"
    )
    parser.add_argument("--http", action="store_true", help="also time /match through gunicorn on loopback")
    parser.add_argument("--quality-size", type=int, default=20_000)
    parser.add_argument("--no-semantic", dest="semantic", action="store_false", help="lexical side only")
    parser.add_argument(
        "--lean", action="store_true", help="skip the half-import replay (one build per size)"
    )
    parser.add_argument("--real", type=int, default=0, help="statements of real sentences vs scan and bm25s")
    parser.add_argument(
        "--no-quality", dest="quality", action="store_false", help="skip the MAP@5 and dev runs"
    )
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold" / "seed-quotes.json")
    parser.add_argument(
        "--dev-claims", type=Path, default=ROOT.parent / "shared" / "gold" / "claims-dev.jsonl"
    )
    args = parser.parse_args(argv)
    corpus = Corpus()
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",") if s):
            run_size(size, corpus, args, Path(tmp))
        if args.real:
            real_statements(args.real, args, Path(tmp))
    if not args.quality:
        return 0
    ranking_quality(Corpus(seed=5), args.quality_size, 300)
    if args.gold.exists() and args.dev_claims.exists():
        dev_claims(Corpus(seed=9), args.gold, args.dev_claims, 20_000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
