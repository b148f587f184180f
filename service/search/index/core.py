"""QuoteIndex: the index's arrays, their updates (add, remove, sync, compact) and term statistics.

The query side (claim terms, candidates, rescoring) is `searching.Searching`, which QuoteIndex extends.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable
from itertools import chain

import numpy as np

from service.search.index.bulk import append_segment, bulk_segment, rows_after
from service.search.index.delta import Delta, merge
from service.search.index.searching import Searching
from service.search.index.segment import Segment, build_segment
from service.search.index.vocab import Vocabulary
from service.storage.base import Store
from service.text.normalize import content_terms

SYNC_BATCH = 20_000  # statements fetched from the store at a time when catching up
MERGE_AT = 50_000  # delta statements that trigger a merge into a fresh main segment
BULK_SYNC = 20_000  # statements added since that are replayed by a bulk build rather than one by one


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


class QuoteIndex(Searching):
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
        self.changes = 0  # bumped by every update: a claim's analysis is reused only while it stays put
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
        self.changes += 1
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
            self.changes += 1
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
        self.changes += 1
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
            self.changes += 1
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
        self.changes += 1
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
