"""Reading the index for a claim: the claim's weighted terms, BM25 candidates, the 0-100 rescoring.

`Searching` is the query side of `QuoteIndex` (core.py holds its arrays and their updates); it reads
the index's segments, vocabulary and statistics under the index's lock and changes nothing but its
per-thread scratch array and the speaker-mask cache.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

import numpy as np

from service.search.index.delta import Delta
from service.search.index.retrieval import main_candidates
from service.search.index.scoring import (
    Candidate,
    ClaimQuery,
    Hit,
    QueryTerm,
    highlight_spans,
    prepare_claim,
    score_candidates,
)
from service.search.index.segment import Segment
from service.storage.records import name_key
from service.text.normalize import normalized_words, term_of

POOL = 100  # candidates rescored per query: enough for reranking, few enough for ~ms Python work
POSTING_BUDGET = 100_000  # postings accumulated exactly; commoner terms only adjust the best candidates
MAX_TYPO_LOOKUPS = 6  # unknown claim words looked up as typos; a long claim of names must stay fast

Keep = Callable[[list[int]], set[int]]
Passing = Callable[[], Iterable[int]]  # every id a filter passes, read once


class Searching:
    """The query side of QuoteIndex: analyse a claim, find and rescore candidates, filter by speaker."""

    def analyze(self, claim: str, optional: str = "") -> tuple[ClaimQuery, list[tuple[int, float]]]:
        """The claim's weighted terms (typos corrected against the vocabulary) and (term id, idf) pairs.

        Terms of `optional` (a claim's attribution) count for a statement holding them and are left
        out of the score of one that does not, so they can raise a score but never dilute it.
        """
        terms, weighted, seen, lookups = [], [], set(), 0
        words = [(raw, False) for raw in normalized_words(claim)]
        words += [(raw, True) for raw in normalized_words(optional)] if optional else []
        for raw, extra in words:
            word = term_of(raw)
            if not word or word in seen:
                continue
            seen.add(word)
            term_id = self.vocab.get(word)
            if term_id is not None and self.df(term_id) > 0:
                idf = self.idf(term_id)
                terms.append(QueryTerm(word, word, idf, term_id, extra))
                weighted.append((term_id, idf))
                continue
            if extra:
                continue  # an attribution word nobody used can match nothing: it neither helps nor hurts
            # The word as typed and its stem are tried: "exces" is one edit from "excess"; its stem is not.
            guess = self.vocab.closest(raw, self.df) if lookups < MAX_TYPO_LOOKUPS else None
            lookups += 1
            if guess is None or self.vocab.terms[guess[0]] in seen:
                terms.append(QueryTerm(word, word, self.idf(None)))  # a word nobody used: it counts against
                continue
            term_id, similarity = guess
            seen.add(self.vocab.terms[term_id])
            idf = self.idf(term_id)
            weight = max(idf, self.idf(None) / 2) * similarity
            terms.append(QueryTerm(self.vocab.terms[term_id], raw, weight, term_id))
            weighted.append((term_id, idf * similarity))
        return prepare_claim(claim, terms), weighted

    def _analysis(self, claim: str, optional: str) -> tuple[ClaimQuery, list[tuple[int, float]]]:
        """`analyze`, remembered per thread for the last claim while the index is unchanged.

        A hybrid search reads the claim twice (its lexical candidates, then the statements found by
        meaning); typo lookups make the analysis the dearer part of a short claim's lexical work.
        """
        key = (claim, optional, self.changes)
        memo = getattr(self._scratch, "analysis", None)
        if memo is None or memo[0] != key:
            memo = self._scratch.analysis = (key, self.analyze(claim, optional))
        return memo[1]

    def search(
        self,
        claim: str,
        limit: int = 10,
        min_score: float = 0.0,
        keep: Keep | None = None,
        highlights: bool = True,
        speaker: str | None = None,
        pool: int | None = None,
        optional: str = "",
        passing: Passing | None = None,
    ) -> list[Hit]:
        """The best `limit` statements for a claim, scoring at least `min_score`, best first.

        `speaker` keeps statements whose speaker name contains it (folded as the store folds names),
        checked inside the index; `keep(ids) -> allowed ids` filters candidates through a caller,
        so the best `pool` candidates that pass are rescored, as if the index held only those;
        `passing() -> every allowed id`, when given, is asked once where `keep` left too few (a
        selective filter) instead of digging deeper. `highlights=False` leaves spans to the
        caller, who may show only some of the hits. `pool` candidates are rescored (default
        POOL, or three times `limit`); `optional` words (a claim's attribution) count only for
        statements that hold them (see `analyze`).
        """
        pool = pool or max(POOL, 3 * limit)
        with self._lock:
            query, weighted = self._analysis(claim, optional)
            if not weighted:
                return []
            if keep is None:
                candidates, _ = self._candidates(weighted, pool, speaker)
                return self._best(self._rescore(query, candidates, min_score), limit, highlights)
        depth = pool * 8
        while True:
            with self._lock:
                candidates, exhausted = self._candidates(weighted, depth, speaker)
                segments = (self.main, self.delta)  # what the candidates' doc numbers point into
                size = len(self)
            # The caller's filter (a store query) runs without the lock: other searches and a sync
            # of the change log go on meanwhile; the segments kept above stay valid after a merge.
            allowed = keep([c[0] for c in candidates])
            candidates = [c for c in candidates if c[0] in allowed]
            # Enough candidates passed: rescoring more would look deeper than an unfiltered search
            # does (whose short lists are short because the claim's words are rare, not filtered).
            if len(candidates) >= pool or exhausted or depth >= size:
                break
            if passing is not None:
                # A selective filter: every id it passes, read once, restricts the candidates themselves.
                only = passing()  # a store query: without the lock too
                with self._lock:
                    candidates, _ = self._candidates(weighted, pool, speaker, only)
                    segments = (self.main, self.delta)
                break
            depth *= 4  # filters left too few: look deeper rather than return a short list
        with self._lock:
            hits = self._rescore(query, candidates[:pool], min_score, segments)
            return self._best(hits, limit, highlights)

    def holding(self, quote_ids: Iterable[int], speaker: str | None = None) -> set[int]:
        """The given statements this index holds (not removed), those by `speaker` only when it is given."""
        allowed = self._speaker_docs(speaker) if speaker else None
        wanted = name_key(speaker) if speaker else None
        held = set()
        with self._lock:
            for quote_id in quote_ids:
                local = self.delta.where.get(quote_id)
                if local is not None:
                    if wanted is None or wanted in name_key(self.delta.speakers[local] or ""):
                        held.add(quote_id)
                    continue
                doc = self.main.doc_of(quote_id)
                if doc is not None and not self.main.deleted[doc] and (allowed is None or allowed[doc]):
                    held.add(quote_id)
        return held

    def score_ids(self, claim: str, quote_ids: Iterable[int], optional: str = "") -> list[Hit]:
        """The 0-100 scores of given statements (found some other way, e.g. by meaning) against a claim.

        Statements not held, or sharing no term with the claim, are left out.
        """
        with self._lock:
            query, _ = self._analysis(claim, optional)
            quote_ids = list(quote_ids)
            docs = self._main_docs(quote_ids)
            candidates = []
            for quote_id, doc in zip(quote_ids, docs, strict=True):
                local = self.delta.where.get(quote_id)
                if local is not None:
                    candidates.append((quote_id, 0.0, None, local))
                elif doc >= 0:
                    candidates.append((quote_id, 0.0, doc, None))
            return self._rescore(query, candidates, 0.0)

    def _main_docs(self, quote_ids: list[int]) -> list[int]:
        """Each quote id's live main-segment document number, -1 where it has none (one binary search)."""
        main = self.main
        if not quote_ids or not main.size:
            return [-1] * len(quote_ids)
        wanted = np.array(quote_ids, dtype=np.int64)
        at = np.minimum(np.searchsorted(main.quote_ids, wanted), main.size - 1)
        live = (main.quote_ids[at] == wanted) & ~main.deleted[at]
        return np.where(live, at, -1).tolist()

    def _best(self, hits: list[Hit], limit: int, highlights: bool) -> list[Hit]:
        hits.sort(key=lambda h: (-h.score, -h.parts["bm25"], h.quote_id))
        if not highlights:
            return hits[:limit]
        return [
            replace(h, highlights=highlight_spans(self.text(h.quote_id) or "", h.matched_terms))
            for h in hits[:limit]
        ]

    def _rescore(
        self, query: ClaimQuery, candidates, min_score: float, segments: tuple[Segment, Delta] | None = None
    ) -> list[Hit]:
        main, delta = segments or (self.main, self.delta)
        prepared = []
        for quote_id, bm25, doc, local in candidates:
            if doc is not None:
                terms, speaker = main.terms_of(doc), main.speaker(doc)
            else:
                terms, speaker = delta.text_terms[local], delta.speakers[local]
            prepared.append(Candidate(quote_id, terms, self._speaker_set(speaker), bm25))
        return score_candidates(
            query, prepared, self.idf_array, self.vocab.terms, min_score, self.vocab.figures
        )

    def _candidates(
        self,
        weighted: list[tuple[int, float]],
        pool: int,
        speaker: str | None = None,
        only: Iterable[int] | None = None,
    ) -> tuple[list[tuple], bool]:
        """Top `pool` (quote id, BM25, main doc, delta local) over both segments, among the `only` ids
        when given; and whether that is all."""
        main = self.main
        acc = getattr(self._scratch, "acc", None)
        if acc is None or len(acc) < main.size:
            acc = self._scratch.acc = np.zeros(
                main.size, dtype=np.float32
            )  # per thread: searches may overlap
        allowed = self._speaker_docs(speaker) if speaker else None
        if only is not None:
            only = only if isinstance(only, set | frozenset) else set(only)
            listed = np.isin(main.quote_ids, np.fromiter(only, dtype=np.int64, count=len(only)))
            allowed = listed if allowed is None else allowed & listed
        docs, scores, exhausted = main_candidates(main, weighted, pool, acc, POSTING_BUDGET, allowed)
        found = [(int(main.quote_ids[d]), float(s), int(d), None) for d, s in zip(docs, scores, strict=True)]
        wanted = name_key(speaker) if speaker else None
        for local, score in self.delta.scores(weighted, main.avgdl).items():
            if only is not None and self.delta.quote_ids[local] not in only:
                continue
            if wanted is None or wanted in name_key(self.delta.speakers[local] or ""):
                found.append((self.delta.quote_ids[local], score, None, local))
        found.sort(key=lambda c: -c[1])
        return found[:pool], exhausted and len(found) <= pool

    def _speaker_docs(self, speaker: str) -> np.ndarray:
        """Main-segment documents whose speaker name contains `speaker`, as the store's filter reads it."""
        cache = self._speaker_masks
        wanted = name_key(speaker)
        mask = cache.get(wanted)
        if mask is None:
            names = [wanted in name_key(name) for name in self.main.speakers] + [False]  # [-1]: no speaker
            mask = np.array(names, dtype=bool)[self.main.speaker_of]
            if len(cache) >= 8:  # a byte per statement each: keep few
                cache.clear()
            cache[wanted] = mask
        return mask
