"""Hybrid retrieval: lexical candidates and the nearest statements by meaning, one calibrated score.

A claim goes to both sides: the lexical index (BM25 candidates rescored 0-100 by weighted word
overlap) and the vector index (the statements whose MiniLM vectors are closest). Every candidate
from either side gets both numbers, the lexical score and the cosine similarity, and they are
blended linearly (`calibration.blend`). The score given here is the blend's estimate for a
statement that leads no rival; `matching` then reads each candidate's lead over its rivals
(`rivals`) and gives the final 0-100 score, which estimates the percentage of statements scored so
on labelled claim/source pairs that were the claim's source (`calibration`). With embeddings off
(`vectors is None`) the lexical score alone is mapped through its own calibration.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace

import numpy as np

from service.search import calibration
from service.search.embed.model import Encoder
from service.search.embed.vectors import VectorIndex
from service.search.index import Hit, QuoteIndex, highlight_spans
from service.storage.base import Store

# Candidates per claim from each side. On CheckThat! 2021 (MAP@5, train/dev) 50 lexical + 50 by
# meaning rank as well as 100 + 100 (2a 0.8725/0.9384 vs 0.8718/0.9375, 2b 0.5674/0.4391 vs
# 0.5668/0.4391) at half the rescoring; lexical-only mode keeps the lexical index's own pool.
LEXICAL_POOL = 50
DENSE_POOL = 50
# A statement sharing no word with the claim is a candidate only this close in meaning: unrelated
# sentences sit at 0-0.25 cosine under MiniLM, so a claim about nothing stored finds nothing.
MEANING_ONLY_FLOOR = 0.35
# With overlap on, claims are encoded beside the requests' lexical work: onnxruntime and usearch
# release the GIL while the model runs and the graph is walked, so the claim's vector and its nearest
# statements can be found on another core while this thread reads the lexical index. Off by default:
# on this shared 2-core machine (load 5-15) it was slower, p50 61-69 ms against 55-61 ms on one
# thread at 200k statements (bench/match_bench.py --real), as the threads then share one core's time
# and hand the GIL back and forth; it needs an idle core per request to pay.
ENCODING_THREADS = 2

Keep = Callable[[list[int]], set[int]]
Passing = Callable[[], list[int]]  # every id a filter passes (QuoteIndex.search)


class HybridIndex:
    """The lexical index and, unless embeddings are off, statement vectors: searched and synced together."""

    def __init__(
        self,
        lexical: QuoteIndex,
        vectors: VectorIndex | None = None,
        encoder: Encoder | None = None,
        overlap: bool = False,
    ):
        self.lexical = lexical
        self.vectors = vectors
        self.encoder = encoder if vectors is not None else None
        # True: find the claim's vector and nearest statements on a helper thread while the lexical
        # side runs (see ENCODING_THREADS); False: one after the other, on the calling thread.
        self.overlap = overlap
        self._pool: ThreadPoolExecutor | None = None
        self._pool_pid = 0  # threads do not survive a fork: a gunicorn worker starts its own pool
        self._pool_lock = threading.Lock()

    @property
    def semantic(self) -> bool:
        """Whether statements are also found by meaning."""
        return self.vectors is not None

    @property
    def seq(self) -> int:
        """The change-log position both sides reflect (the older of the two)."""
        if self.vectors is None:
            return self.lexical.seq
        return min(self.lexical.seq, self.vectors.seq)

    @property
    def knows_speakers(self) -> bool:
        """Whether `search(speaker=...)` can filter by speaker inside the index."""
        return self.lexical.knows_speakers

    def __len__(self) -> int:
        return len(self.lexical)

    def sync(self, store: Store) -> int:
        """Apply the store's change log to both sides; the number of statements changed."""
        from service.search.embed.persist import sync as sync_vectors

        changed = self.lexical.sync(store)
        if self.vectors is not None:
            changed = max(changed, sync_vectors(self.vectors, store, self.encoder))
        return changed

    def memory_bytes(self) -> int:
        """Approximate bytes held beyond the statement texts, both sides."""
        vectors = self.vectors.memory_bytes() if self.vectors is not None else 0
        return self.lexical.memory_bytes() + vectors

    def search(
        self,
        claim: str,
        limit: int = 10,
        min_score: float = 0.0,
        keep: Keep | None = None,
        highlights: bool = True,
        speaker: str | None = None,
        optional: str = "",
        passing: Passing | None = None,
    ) -> list[Hit]:
        """The best `limit` statements for a claim by calibrated score, at least `min_score`, best first.

        `optional` words (a claim's attribution) count on the lexical side only where a statement
        holds them (`QuoteIndex.analyze`); the meaning side reads the claim alone.
        """
        if self.vectors is None:
            floor = calibration.lexical_floor(min_score)  # the order is the lexical score's own
            lexical = self.lexical.search(
                claim,
                limit=limit,
                min_score=floor,
                keep=keep,
                highlights=False,
                speaker=speaker,
                optional=optional,
                passing=passing,
            )
            hits = [_lexical_hit(hit) for hit in lexical]
        else:
            pool = max(LEXICAL_POOL, limit)
            meaning = self._meaning_soon(claim, max(DENSE_POOL, pool))
            lexical = self.lexical.search(
                claim,
                limit=pool,
                keep=keep,
                highlights=False,
                speaker=speaker,
                pool=pool,
                optional=optional,
                passing=passing,
            )
            hits = self._hybrid(claim, *meaning.result(), lexical, keep, speaker, optional)
        hits = [h for h in hits if h.score >= min_score]
        hits.sort(key=lambda h: (-h.score, -h.parts.get("lexical", 0.0), h.quote_id))
        hits = hits[:limit]
        if not highlights:
            return hits
        return [
            replace(h, highlights=highlight_spans(self.lexical.text(h.quote_id) or "", h.matched_terms))
            for h in hits
        ]

    def _meaning_soon(self, claim: str, count: int) -> Future:
        """The claim's vector and its `count` nearest statements, being found on a helper thread
        (or already found, without overlap)."""
        if not self.overlap:
            done: Future = Future()
            done.set_result(self._meaning(claim, count))
            return done
        if self._pool is None or self._pool_pid != os.getpid():
            with self._pool_lock:
                if self._pool is None or self._pool_pid != os.getpid():
                    self._pool = ThreadPoolExecutor(ENCODING_THREADS, thread_name_prefix="claim-encoding")
                    self._pool_pid = os.getpid()
        return self._pool.submit(self._meaning, claim, count)

    def _meaning(self, claim: str, count: int) -> tuple[np.ndarray, list[tuple[int, float]]]:
        query = self.encoder.encode_one(claim)
        return query, self.vectors.nearest(query, count)

    def _hybrid(
        self,
        claim: str,
        query: np.ndarray,
        nearest: list[tuple[int, float]],
        lexical: list[Hit],
        keep: Keep | None,
        speaker: str | None,
        optional: str,
    ):
        by_id = {hit.quote_id: hit for hit in lexical}
        near = [q for q, _ in nearest if q not in by_id]
        close = {q for q, cosine in nearest if cosine >= MEANING_ONLY_FLOOR}
        if near and keep is not None:
            allowed = keep(near)
            near = [q for q in near if q in allowed]
        held = self.lexical.holding(near, speaker)
        near = [q for q in near if q in held]
        if near:
            scored = {h.quote_id: h for h in self.lexical.score_ids(claim, near, optional)}
            for quote_id in near:
                if quote_id in scored or quote_id in close:
                    by_id[quote_id] = scored.get(quote_id) or _no_words(quote_id)
        ids = list(by_id)
        cosines = self.vectors.similarities(query, ids)
        return [_hybrid_hit(by_id[q], float(c)) for q, c in zip(ids, cosines.tolist(), strict=True)]


def _no_words(quote_id: int) -> Hit:
    """A statement found by meaning alone: no claim word in it."""
    parts = {"coverage": 0.0, "precision": 0.0, "token_set_ratio": 0.0, "bm25": 0.0}
    return Hit(quote_id, 0.0, calibration.LEXICAL_SCORER, parts, ())


def _lexical_hit(hit: Hit) -> Hit:
    parts = {**hit.parts, "lexical": hit.score}
    score = calibration.lexical_score(hit.score)
    return Hit(hit.quote_id, score, calibration.LEXICAL_SCORER, parts, hit.matched_terms, hit.corrections)


def _hybrid_hit(hit: Hit, cosine: float) -> Hit:
    if np.isnan(cosine):  # no vector yet (being encoded): judged by its words alone
        return _lexical_hit(hit)
    parts = {**hit.parts, "lexical": hit.score, "semantic": round(cosine, 4)}
    score = calibration.hybrid_score(hit.score, cosine)
    # Built directly, not by dataclasses.replace: a hundred candidates a claim, replace costs 10x more.
    return Hit(hit.quote_id, score, calibration.HYBRID_SCORER, parts, hit.matched_terms, hit.corrections)
