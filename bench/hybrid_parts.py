"""The semantic side of bench/match_bench.py: statement vectors at bench scale, real statements, baselines.

Vectors at 100k and 1M statements are not made by the model (at ~150 statements/s/core that would
take hours): each content term (the index's own stems) gets a fixed random unit vector and a
statement's vector is the normalised sum of its terms' vectors plus noise, so a claim sharing a
statement's words is near it, as paraphrases are under the model. The claim's vector is made the
same way, but the real model also encodes every claim at query time (its vector is discarded) so
its cost is in every latency printed. Encoding throughput is measured on real statements apart.
"""

from __future__ import annotations

import json
import re
import time
import zlib
from pathlib import Path

import numpy as np

from service.search.embed.model import DIMENSIONS, Encoder
from service.search.embed.persist import load, save
from service.search.embed.vectors import VectorIndex
from service.text.term_cache import cached_terms

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


class TermVectors:
    """Seeded random unit vectors per term, summed into statement vectors."""

    def __init__(self, seed: int = 3, noise: float = 0.3):
        self.seed, self.noise = seed, noise
        self.table: dict[str, np.ndarray] = {}

    def _term(self, term: str) -> np.ndarray:
        vector = self.table.get(term)
        if vector is None:
            rng = np.random.default_rng(zlib.crc32(term.encode()) ^ self.seed)
            vector = self.table[term] = rng.standard_normal(DIMENSIONS).astype(np.float32)
        return vector

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of texts from their terms."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        rng = np.random.default_rng(self.seed)
        for i, text in enumerate(texts):
            terms = cached_terms(text)
            if terms:
                out[i] = np.sum([self._term(t) for t in terms], axis=0) / np.sqrt(len(terms))
        out += self.noise * rng.standard_normal(out.shape).astype(np.float32)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


class TimedModelEncoder:
    """Runs the real model on a claim (for its cost) and returns the term vector (its meaning here).

    The term vectors of the claims to be timed are made beforehand (`prepare`): making one costs
    about a millisecond that the service, which has only the model's vector, never pays.
    """

    def __init__(self, model: Encoder, terms: TermVectors):
        self.model, self.terms = model, terms
        self.made: dict[str, np.ndarray] = {}

    def prepare(self, claims: list[str]) -> None:
        """Make the stand-in vectors of these claims' contents (what `match` encodes) ahead of timing."""
        from service.search.claims import analyse_claim

        for content in {analyse_claim(c).content for c in claims}:
            self.made[content] = self.terms.encode([content])[0]  # one at a time: its noise as before

    def encode_one(self, text: str) -> np.ndarray:
        self.model.encode([text])  # uncached: every claim pays the model's cost
        vector = self.made.get(text)
        return vector if vector is not None else self.terms.encode([text])[0]


def build_vectors(
    ids: list[int], texts: list[str], folder: Path, terms: TermVectors
) -> tuple[VectorIndex, dict]:
    """Term vectors of every statement saved as the service saves them (HNSW built), then mapped; timings."""
    started = time.perf_counter()
    vectors = VectorIndex()
    for start in range(0, len(ids), 50_000):
        vectors.add(ids[start : start + 50_000], terms.encode(texts[start : start + 50_000]))
    made_s = time.perf_counter() - started
    started = time.perf_counter()
    save(vectors, folder)
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    mapped = load(folder)
    load_s = time.perf_counter() - started
    return mapped, {"made_s": made_s, "build_s": build_s, "load_s": load_s}


def encoding_rate(model: Encoder, count: int = 300) -> tuple[float, str]:
    """Statements per second the model encodes on one thread (real statements when the data is there)."""
    texts, source = real_sentences(count), "real statements"
    if len(texts) < count:
        texts, source = (
            [f"The minister said {i} people were affected by the floods last week." for i in range(count)],
            "generated",
        )
    started = time.perf_counter()
    model.encode(texts[:count])
    return count / (time.perf_counter() - started), source


def real_sentences(limit: int | None = None) -> list[str]:
    """Real statements read at bench time: CheckThat! claims (Snopes, PolitiFact), PolNeAR sentences."""
    out: list[str] = []
    checkthat = DATA / "checkthat"
    try:
        with (checkthat / "2b" / "vclaims.jsonl").open(encoding="utf-8") as lines:
            out += [json.loads(line)["vclaim"] for line in lines]
        with (checkthat / "2a" / "verified_claims.tsv").open(encoding="utf-8") as lines:
            out += [row.split("\t")[1] for row in list(lines)[1:] if "\t" in row]
    except OSError:
        return out
    for split in ("train", "dev"):
        for path in sorted((DATA / "polnear" / split / "text").glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            out += [
                s.strip()
                for s in re.split(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])", text)
                if 40 <= len(s.strip()) <= 400
            ]
        if limit and len(out) >= limit:
            break
    return out[:limit] if limit else out


def real_claims() -> list[str]:
    """Claims as people make them: CheckThat! tweets and debate sentences."""
    checkthat, out = DATA / "checkthat", []
    for split in ("dev", "train"):
        path = checkthat / "2a" / f"{split}_queries.tsv"
        if path.exists():
            out += [
                row.split("\t")[1] for row in path.read_text(encoding="utf-8").splitlines()[1:] if "\t" in row
            ]
    path = checkthat / "2b" / "queries.tsv"
    if path.exists():
        out += [row.split("\t", 1)[1] for row in path.read_text(encoding="utf-8").splitlines() if "\t" in row]
    return [c[:2000] for c in out]


def statements_200k(count: int, seed: int = 17) -> tuple[list[str], int]:
    """`count` statements: each real sentence once, then first halves joined to other sentences' second."""
    real = real_sentences()
    rng = np.random.default_rng(seed)
    out = list(real[:count])
    while len(out) < count:
        a, b = real[int(rng.integers(len(real)))].split(), real[int(rng.integers(len(real)))].split()
        out.append(" ".join(a[: len(a) // 2] + b[len(b) // 2 :]))
    return out, min(len(real), count)


def bm25s_baseline(texts: list[str]):
    """bm25s over the same texts (English stop words, its own tokeniser); a search(claim) function."""
    import bm25s

    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)

    def search(claim: str):
        tokens = bm25s.tokenize([claim], stopwords="en", return_ids=False, show_progress=False)
        docs, _ = retriever.retrieve(tokens, k=10, show_progress=False, n_threads=1)
        return docs[0].tolist()

    return search


class Stages:
    """Per-claim time in each stage of a match (and in garbage collection), to say where a slow claim went.

    The stages' functions are wrapped while the object is in use (`with Stages() as stages:`); each
    claim is timed by `stages.claim(label, fn)`. Wrapping costs about a microsecond a call.
    """

    def __init__(self):
        import gc

        from service.search import matching, provenance
        from service.search.embed.model import Encoder
        from service.search.embed.vectors import VectorIndex
        from service.search.index.searching import Searching

        self._gc = gc
        self.targets = [
            (Encoder, "encode", "model"),
            (VectorIndex, "nearest", "usearch"),
            (VectorIndex, "similarities", "cosines"),
            (Searching, "search", "lexical"),
            (Searching, "score_ids", "rescore by meaning"),
            (matching, "analyse_claim", "claim analysis"),
            (matching, "with_leads", "leads"),
            (matching, "compare", "comparison"),
            (provenance, "group_quotes", "provenance"),
            (matching, "_to_match", "build matches"),
        ]
        self.current: dict[str, float] = {}
        self.claims: list[tuple[float, str, dict[str, float]]] = []
        self.cpu: list[float] = []  # each claim's CPU time in the process, ms (helper threads included)
        self._saved: list = []
        self._gc_started = 0.0

    def __enter__(self) -> Stages:
        for owner, name, label in self.targets:
            original = owner.__dict__[name]
            self._saved.append((owner, name, original))
            setattr(owner, name, self._timed(original, label))
        self._gc.callbacks.append(self._on_gc)
        return self

    def __exit__(self, *exc) -> None:
        for owner, name, original in reversed(self._saved):
            setattr(owner, name, original)
        self._gc.callbacks.remove(self._on_gc)

    def _timed(self, fn, label: str):
        current = self.current

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                current[label] = current.get(label, 0.0) + (time.perf_counter() - started) * 1000

        return timed

    def _on_gc(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            key = f"gc gen{info.get('generation')}"
            self.current[key] = self.current.get(key, 0.0) + (time.perf_counter() - self._gc_started) * 1000

    def claim(self, claim: str, fn):
        """Run fn(claim), recording its total time and its stages'."""
        self.current.clear()
        started, started_cpu = time.perf_counter(), time.process_time()
        result = fn(claim)
        total = (time.perf_counter() - started) * 1000
        self.cpu.append((time.process_time() - started_cpu) * 1000)
        self.claims.append((total, claim, dict(self.current)))
        return result

    def report(self, slowest: int = 3) -> str:
        """Mean time per claim in each stage, then the slowest claims stage by stage."""
        count = max(len(self.claims), 1)
        labels = sorted({k for _, _, parts in self.claims for k in parts})
        means = {k: sum(p.get(k, 0.0) for _, _, p in self.claims) / count for k in labels}
        total = sum(t for t, _, _ in self.claims) / count
        lines = [f"  mean per claim {total:.1f} ms: " + ", ".join(f"{k} {v:.1f}" for k, v in means.items())]
        for took, claim, parts in sorted(self.claims, key=lambda c: -c[0])[:slowest]:
            shown = ", ".join(f"{k} {v:.1f}" for k, v in sorted(parts.items(), key=lambda kv: -kv[1]))
            lines.append(f"  {took:.1f} ms ({len(claim)} chars): {shown}")
        return "\n".join(lines)
