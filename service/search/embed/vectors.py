"""Statement vectors by statement id: a saved usearch index, memory-mapped, and a small in-memory delta.

Why usearch (not hnswlib): it stores vectors as int8 (384 bytes a statement instead of 1,536),
serves a saved index straight from the file (`view`: a memory map, so every gunicorn worker reads
the same page-cache pages), does exact SIMD search over the same file when a segment is small, and
is actively released; hnswlib keeps float32 vectors in private memory and has not had a release
since 2023. Below EXACT_BELOW statements the main segment is scanned exactly (a millisecond);
above it, the HNSW graph is walked (about a millisecond at a million, recall@10 ~0.95 on real
statement vectors, measured in bench/match_bench.py).

Statements added since the save live in a float32 delta scanned with numpy; removed ones are
tombstoned until the next save folds both into a fresh file (`persist`).
"""

from __future__ import annotations

import threading

import numpy as np

from service.search.embed.model import DIMENSIONS

EXACT_BELOW = 50_000  # main-segment size under which an exact scan is as fast as the graph
CONNECTIVITY = 16
EXPANSION_ADD = 128
EXPANSION_SEARCH = 128


def new_ann():
    """An empty usearch index of statement vectors (cosine over int8)."""
    from usearch.index import Index

    return Index(
        ndim=DIMENSIONS,
        metric="cos",
        dtype="i8",
        connectivity=CONNECTIVITY,
        expansion_add=EXPANSION_ADD,
        expansion_search=EXPANSION_SEARCH,
    )


class VectorIndex:
    """Nearest statements to a claim vector, and the similarity of given statements to it."""

    def __init__(self, main=None, seq: int = 0, file_bytes: int = 0):
        self.main = main  # a usearch Index (usually a view of the saved file) or None
        self.file_bytes = file_bytes  # size of the file `main` maps (0: held in memory)
        self.seq = seq  # the store's change-log position these vectors reflect
        self.removed: set[int] = set()
        self._delta_ids: list[int] = []
        self._delta_rows: list[np.ndarray] = []
        self._delta_where: dict[int, int] = {}
        self._delta_matrix: np.ndarray | None = None
        # A change-log listener thread may add while a request searches: both hold the lock.
        self._lock = threading.RLock()

    def __len__(self) -> int:
        main = len(self.main) if self.main is not None else 0
        return main + len(self._delta_ids) - len(self.removed)

    def __contains__(self, quote_id: int) -> bool:
        if quote_id in self.removed:
            return False
        return quote_id in self._delta_where or (self.main is not None and self.main.contains(quote_id))

    @property
    def main_size(self) -> int:
        """Statements in the saved segment (tombstones included)."""
        return len(self.main) if self.main is not None else 0

    def add(self, ids, vectors: np.ndarray) -> None:
        """Add (or replace) vectors of statements; unit float32 rows."""
        with self._lock:
            self._add(ids, vectors)

    def _add(self, ids, vectors: np.ndarray) -> None:
        for quote_id, row in zip(ids, vectors, strict=True):
            quote_id = int(quote_id)
            self.removed.discard(quote_id)
            where = self._delta_where.get(quote_id)
            if where is None:
                self._delta_where[quote_id] = len(self._delta_ids)
                self._delta_ids.append(quote_id)
                self._delta_rows.append(np.asarray(row, dtype=np.float32))
            else:
                self._delta_rows[where] = np.asarray(row, dtype=np.float32)
        self._delta_matrix = None

    def remove(self, ids) -> None:
        """Tombstone statements (kept out of every answer until a save drops them)."""
        with self._lock:
            self.removed.update(int(i) for i in ids)

    def delta_items(self) -> tuple[list[int], np.ndarray]:
        """Ids and vectors added since the save, tombstoned ones left out."""
        with self._lock:
            return self._delta_items()

    def _delta_items(self) -> tuple[list[int], np.ndarray]:
        keep = [i for i, q in enumerate(self._delta_ids) if q not in self.removed]
        rows = self._delta()[keep] if keep else np.zeros((0, DIMENSIONS), np.float32)
        return [self._delta_ids[i] for i in keep], rows

    def _delta(self) -> np.ndarray:
        if self._delta_matrix is None:
            rows = self._delta_rows
            self._delta_matrix = np.stack(rows) if rows else np.zeros((0, DIMENSIONS), np.float32)
        return self._delta_matrix

    def nearest(self, query: np.ndarray, count: int) -> list[tuple[int, float]]:
        """Up to `count` (statement id, cosine) pairs closest to a unit query vector, best first."""
        with self._lock:
            return self._nearest(query, count)

    def _nearest(self, query: np.ndarray, count: int) -> list[tuple[int, float]]:
        found: dict[int, float] = {}
        extra = count + min(len(self.removed), count)  # tombstones may take places in the answer
        if self.main is not None and len(self.main):
            exact = len(self.main) < EXACT_BELOW
            result = self.main.search(query, min(extra, len(self.main)), exact=exact)
            for key, distance in zip(result.keys.tolist(), result.distances.tolist(), strict=True):
                if key not in self._delta_where:  # a re-added statement's newer vector is in the delta
                    found[key] = 1.0 - distance
        delta = self._delta()
        if len(delta):
            sims = delta @ query
            best = np.argpartition(-sims, extra)[:extra] if len(sims) > extra else np.arange(len(sims))
            for i in best.tolist():
                found[self._delta_ids[i]] = float(sims[i])
        ranked = sorted(((q, s) for q, s in found.items() if q not in self.removed), key=lambda p: -p[1])
        return ranked[:count]

    def similarities(self, query: np.ndarray, ids: list[int]) -> np.ndarray:
        """Cosine of each statement's vector with a unit query vector; NaN where there is none."""
        with self._lock:
            return self._similarities(query, ids)

    def _similarities(self, query: np.ndarray, ids: list[int]) -> np.ndarray:
        out = np.full(len(ids), np.nan, dtype=np.float32)
        in_main = []
        if not self.removed and not self._delta_where:  # the common case: all in the saved segment
            in_main = list(range(len(ids))) if self.main is not None else []
            ids_left: list[int] = []
        else:
            ids_left = ids
        for i, quote_id in enumerate(ids_left):
            if quote_id in self.removed:
                continue
            where = self._delta_where.get(quote_id)
            if where is not None:
                out[i] = float(self._delta_rows[where] @ query)
            elif self.main is not None:
                in_main.append(i)
        if in_main:
            keys = np.array([ids[i] for i in in_main], dtype=np.uint64)
            present = self.main.contains(keys)
            if present.any():
                rows = self.main.get(keys[present], dtype=np.float32)
                matrix = np.stack(rows) if isinstance(rows, tuple) else np.atleast_2d(rows)
                norms = np.maximum(np.linalg.norm(matrix, axis=1), 1e-12)  # int8 storage rescales rows
                sims = (matrix @ query) / norms
                out[np.array(in_main)[present]] = sims
        return out

    def memory_bytes(self) -> int:
        """Bytes of the segment (the mapped file, shared by workers, or its memory) and the delta."""
        main = self.file_bytes or (self.main.memory_usage if self.main is not None else 0)
        return int(main) + DIMENSIONS * 4 * len(self._delta_ids)
