"""QuoteIndex: BM25 candidate retrieval over compact postings, then the weighted 0-100 rescoring."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from itertools import chain

import numpy as np

from service.search.index.bulk import append_segment, bulk_segment, rows_after
from service.search.index.delta import Delta, merge
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
from service.search.index.segment import Segment, build_segment
from service.search.index.vocab import Vocabulary
from service.storage.base import Store
from service.storage.records import name_key
from service.text.normalize import content_terms, normalized_words, term_of

POOL = 100  # candidates rescored per query: enough for reranking, few enough for ~ms Python work
POSTING_BUDGET = 100_000  # postings accumulated exactly; commoner terms only adjust the best candidates
MAX_TYPO_LOOKUPS = 6  # unknown claim words looked up as typos; a long claim of names must stay fast
SYNC_BATCH = 20_000  # statements fetched from the store at a time when catching up
MERGE_AT = 50_000  # delta statements that trigger a merge into a fresh main segment
BULK_SYNC = 20_000  # statements added since that are replayed by a bulk build rather than one by one

Keep = Callable[[list[int]], set[int]]


def _row(row) -> tuple[int, str, str | None]:
    """(id, text, speaker name) from a tuple, a dict or a StoredQuote."""
    if isinstance(row, tuple | list):
        return int(row[0]), row[1], row[2] if len(row) > 2 else None
    if isinstance(row, dict):
        return int(row["id"]), row["text"], row.get("speaker")
    speaker = getattr(row, "speaker", None)
    return int(row.id), row.text, getattr(speaker, "name", speaker)


def _rows(rows: Iterable) -> Iterable[tuple[int, str, str | None]]:
    """(id, text, speaker) rows; the store's 3-tuples pass as they are (a million rows: seconds saved)."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return ()
    if type(first) is tuple and len(first) == 3 and type(first[0]) is int:
        return chain([first], rows)
    return map(_row, chain([first], rows))


class QuoteIndex:
    """Statements by id, searchable by claim; `add` and `remove` work without a rebuild."""

    def __init__(self, segment: Segment | None = None, vocab: Vocabulary | None = None, seq: int = 0):
        self.vocab = vocab or Vocabulary()
        self.main = segment or build_segment(
            np.zeros(0, np.int64),
            np.zeros(0, np.int64),
            np.zeros(0, np.int64),
            np.zeros(0, bool),
            [],
            np.zeros(0, np.int32),
            [],
            0,
        )
        self.delta = Delta()
        self.seq = seq  # the store's change-log position this index reflects
        self._main_live = int((~self.main.deleted).sum())
        self._lock = threading.RLock()
        self._scratch = threading.local()
        self._speaker_terms: dict[str, frozenset[str]] = {}
        self._speaker_masks: dict[str, np.ndarray] = {}  # per main segment; cleared when it changes

    # -- building and updating ------------------------------------------------------------------

    @classmethod
    def build(cls, rows: Iterable, seq: int = 0) -> QuoteIndex:
        """Bulk-build the main segment from (id, text[, speaker]) rows; duplicate ids keep the last."""
        index = cls(seq=seq)
        index._adopt(*bulk_segment(_rows(rows), index._speaker_set))
        return index

    def _adopt(self, segment: Segment, vocab: Vocabulary) -> None:
        self.vocab, self.main = vocab, segment
        self._speaker_masks = {}
        self._main_live = int((~segment.deleted).sum())

    def _speaker_set(self, speaker: str | None) -> frozenset[str]:
        if not speaker:
            return frozenset()
        cached = self._speaker_terms.get(speaker)
        if cached is None:
            if len(self._speaker_terms) > 200_000:
                self._speaker_terms.clear()
            cached = self._speaker_terms[speaker] = frozenset(content_terms(speaker))
        return cached

    def add(self, rows: Iterable) -> int:
        """Add or replace statements; returns how many were added."""
        added = 0
        with self._lock:
            if len(self) == 0 and self.main.size == 0 and not self.delta.quote_ids:
                # A first load (start-up from the store) takes the bulk path: compact arrays at once.
                rows = [_row(r) for r in rows]
                if len(rows) > 1:
                    self._adopt(*bulk_segment(rows, self._speaker_set))
                    return len(self)
            ids, add_term = self.vocab.ids, self.vocab.add
            for row in rows:
                quote_id, text, speaker = _row(row)
                self._remove_one(quote_id)
                term_ids = [ids[term] if term in ids else add_term(term) for term in content_terms(text)]
                text_count = len(term_ids)
                if speaker:
                    term_ids += [add_term(t) for t in self._speaker_set(speaker)]
                self.delta.add(quote_id, text, speaker, term_ids, text_count)
                added += 1
            if len(self.delta) >= max(MERGE_AT, self._main_live // 10):
                self.compact()
        return added

    def remove(self, ids: Iterable[int]) -> int:
        """Remove statements by id; returns how many were present."""
        with self._lock:
            return sum(self._remove_one(int(i)) for i in ids)

    def _remove_one(self, quote_id: int) -> bool:
        if self.delta.remove(quote_id):
            return True
        doc = self.main.doc_of(quote_id)
        if doc is None or self.main.deleted[doc]:
            return False
        self.main.deleted[doc] = True
        self._main_live -= 1
        return True

    def compact(self) -> None:
        """Fold the delta and tombstones into a fresh main segment."""
        with self._lock:
            if not self.delta.quote_ids and self._main_live == self.main.size:
                return  # nothing to fold: keep the (possibly shared, memory-mapped) arrays
            self.main = merge(self.main, self.delta, len(self.vocab))
            self._speaker_masks = {}
            self.delta = Delta()
            self._main_live = self.main.size

    def sync(self, store: Store) -> int:
        """Apply the store's change log since `seq`; returns the number of statements changed."""
        new_seq, added, removed = store.changes_since(self.seq)
        with self._lock:
            changed = self.remove(removed)
            last = self._last_id()
            if len(added) >= BULK_SYNC and min(added) > last:
                # A big import since: read its rows in id order and build them as one segment.
                changed += self._append(rows_after(store, last))
            else:
                for start in range(0, len(added), SYNC_BATCH):  # fetched in batches: never millions at once
                    changed += self.add(store.get_quotes(added[start : start + SYNC_BATCH]))
            self.seq = new_seq
        return changed

    def _last_id(self) -> int:
        main_last = int(self.main.quote_ids[-1]) if self.main.size else 0
        return max(main_last, max(self.delta.quote_ids, default=0))

    def _append(self, rows: Iterable) -> int:
        """Bulk-build rows whose ids are all above every id held, and append them to the main segment."""
        segment, self.vocab = bulk_segment(_rows(rows), self._speaker_set, self.vocab)
        self.main = append_segment(self.main, segment, len(self.vocab))
        self._speaker_masks = {}
        self._main_live += segment.size
        return segment.size

    # -- reading --------------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._main_live + len(self.delta)

    def __contains__(self, quote_id: int) -> bool:
        if quote_id in self.delta.where:
            return True
        doc = self.main.doc_of(quote_id)
        return doc is not None and not self.main.deleted[doc]

    @property
    def knows_speakers(self) -> bool:
        """Whether rows came with speaker names, so `search(speaker=...)` can filter by them here."""
        return bool(self.main.speakers) or any(self.delta.speakers)

    def memory_bytes(self) -> int:
        """Approximate bytes held beyond the statement texts (one search thread's scratch included)."""
        vocab = sum(len(t) + 49 for t in self.vocab.terms) + 104 * len(self.vocab)  # str + dict slot
        typo_lookup = 16 * len(self.vocab)  # the per-initial lists of terms and ids
        scratch = 4 * self.main.size  # the float32 accumulator
        masks = sum(m.nbytes for m in self._speaker_masks.values())
        return self.main.nbytes() + vocab + typo_lookup + scratch + masks + 400 * len(self.delta)

    def df(self, term_id: int) -> int:
        """Documents containing a term, over both segments."""
        return self.main.df(term_id) + self.delta.df.get(term_id, 0)

    def idf(self, term_id: int | None) -> float:
        """BM25's IDF of a term; an unknown term gets the highest possible."""
        n = len(self)
        df = self.df(term_id) if term_id is not None else 0
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def idf_array(self, term_ids: np.ndarray) -> np.ndarray:
        """IDF of many term ids at once."""
        offsets = self.main.offsets
        inside = term_ids + 1 < len(offsets)
        safe = np.where(inside, term_ids, 0)
        df = np.where(inside, offsets[np.minimum(safe + 1, len(offsets) - 1)] - offsets[safe], 0)
        if self.delta.df:
            extra = self.delta.df
            df = df + np.fromiter(
                (extra.get(t, 0) for t in term_ids.tolist()), dtype=np.int64, count=len(term_ids)
            )
        n = len(self)
        return np.log1p((n - df + 0.5) / (df + 0.5))

    def text(self, quote_id: int) -> str | None:
        """The indexed text of a statement."""
        local = self.delta.where.get(quote_id)
        if local is not None:
            return self.delta.texts[local]
        doc = self.main.doc_of(quote_id)
        return None if doc is None or self.main.deleted[doc] else self.main.text(doc)

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
    ) -> list[Hit]:
        """The best `limit` statements for a claim, scoring at least `min_score`, best first.

        `speaker` keeps statements whose speaker name contains it (folded as the store folds names),
        checked inside the index; `keep(ids) -> allowed ids` filters candidates through a caller
        (over-fetching until `limit` pass or nothing is left); `highlights=False` leaves spans to
        the caller, who may show only some of the hits. `pool` candidates are rescored (default
        POOL, or three times `limit`); `optional` words (a claim's attribution) count only for
        statements that hold them (see `analyze`).
        """
        pool = pool or max(POOL, 3 * limit)
        with self._lock:
            query, weighted = self.analyze(claim, optional)
            if not weighted:
                return []
            if keep is None:
                candidates, _ = self._candidates(weighted, pool, speaker)
                return self._best(self._rescore(query, candidates, min_score), limit, highlights)
        while True:
            with self._lock:
                candidates, exhausted = self._candidates(weighted, pool * 8, speaker)
                segments = (self.main, self.delta)  # what the candidates' doc numbers point into
            # The caller's filter (a store query) runs without the lock: other searches and a sync
            # of the change log go on meanwhile; the segments kept above stay valid after a merge.
            allowed = keep([c[0] for c in candidates])
            candidates = [c for c in candidates if c[0] in allowed][:pool]
            with self._lock:
                hits = self._rescore(query, candidates, min_score, segments)
                size = len(self)
            if len(hits) >= limit or exhausted or pool * 8 >= size:
                break
            pool *= 4  # filters left too few: look deeper rather than return a short list
        with self._lock:
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
            query, _ = self.analyze(claim, optional)
            candidates = []
            for quote_id in quote_ids:
                local = self.delta.where.get(quote_id)
                if local is not None:
                    candidates.append((quote_id, 0.0, None, local))
                    continue
                doc = self.main.doc_of(quote_id)
                if doc is not None and not self.main.deleted[doc]:
                    candidates.append((quote_id, 0.0, doc, None))
            return self._rescore(query, candidates, 0.0)

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
        return score_candidates(query, prepared, self.idf_array, self.vocab.terms, min_score)

    def _candidates(
        self, weighted: list[tuple[int, float]], pool: int, speaker: str | None = None
    ) -> tuple[list[tuple], bool]:
        """Top `pool` (quote id, BM25, main doc, delta local) over both segments; and whether that is all."""
        main = self.main
        acc = getattr(self._scratch, "acc", None)
        if acc is None or len(acc) < main.size:
            acc = self._scratch.acc = np.zeros(
                main.size, dtype=np.float32
            )  # per thread: searches may overlap
        allowed = self._speaker_docs(speaker) if speaker else None
        docs, scores, exhausted = main_candidates(main, weighted, pool, acc, POSTING_BUDGET, allowed)
        found = [(int(main.quote_ids[d]), float(s), int(d), None) for d, s in zip(docs, scores, strict=True)]
        wanted = name_key(speaker) if speaker else None
        for local, score in self.delta.scores(weighted, main.avgdl).items():
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
