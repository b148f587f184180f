"""A plain Okapi BM25 baseline: lower-cased word tokens, no stemming, no stop list, no typo handling.

Used by bench/match_bench.py to compare ranking quality (MAP@5) with the service's matcher on the
same texts in the same run.
"""

from __future__ import annotations

import math
import re
from collections import Counter

_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, as a typical BM25 setup splits them."""
    return _WORD.findall(text.lower())


class BM25:
    """In-memory inverted index scored with BM25 (k1=1.2, b=0.75)."""

    def __init__(self, docs: list[tuple[int, str]], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.ids = [doc_id for doc_id, _ in docs]
        self.lengths: list[int] = []
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for position, (_doc_id, text) in enumerate(docs):
            words = tokens(text)
            self.lengths.append(len(words))
            for word, tf in Counter(words).items():
                self.postings.setdefault(word, []).append((position, tf))
        self.avgdl = sum(self.lengths) / max(len(self.lengths), 1)

    def search(self, query: str, limit: int = 10) -> list[tuple[int, float]]:
        """The `limit` best (doc id, score) pairs for a query."""
        n = len(self.ids)
        scores: dict[int, float] = {}
        for word in set(tokens(query)):
            postings = self.postings.get(word)
            if not postings:
                continue
            idf = math.log(1 + (n - len(postings) + 0.5) / (len(postings) + 0.5))
            for position, tf in postings:
                norm = self.k1 * (1 - self.b + self.b * self.lengths[position] / self.avgdl)
                scores[position] = scores.get(position, 0.0) + idf * tf * (self.k1 + 1) / (tf + norm)
        best = sorted(scores.items(), key=lambda item: -item[1])[:limit]
        return [(self.ids[position], score) for position, score in best]
