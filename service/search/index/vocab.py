"""Term dictionary shared by both segments, and fuzzy lookup of claim words it does not know (typos)."""

from __future__ import annotations

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from service.text.normalize import stem

MIN_TYPO_LENGTH = 5  # shorter words have too many one-edit neighbours to guess from


class Vocabulary:
    """Term string <-> dense term id; ids never change, so postings can refer to them."""

    def __init__(self, terms: list[str] | None = None):
        self.terms: list[str] = list(terms or [])
        self.ids: dict[str, int] = {t: i for i, t in enumerate(self.terms)}
        self._by_initial: dict[str, tuple[list[str], list[int]]] | None = None
        self._figures = np.zeros(0, dtype=bool)  # per term id: a figure (read by `figures`)

    def __len__(self) -> int:
        return len(self.terms)

    def get(self, term: str) -> int | None:
        """The id of a known term, or None."""
        return self.ids.get(term)

    def add(self, term: str) -> int:
        """The id of a term, adding it when new."""
        term_id = self.ids.get(term)
        if term_id is None:
            term_id = self.ids[term] = len(self.terms)
            self.terms.append(term)
            if self._by_initial is not None and not term[0].isdigit():
                words, tids = self._by_initial.setdefault(term[0], {}).setdefault(len(term), ([], []))
                words.append(term)
                tids.append(term_id)
        return term_id

    def figures(self, term_ids: np.ndarray) -> np.ndarray:
        """Whether each term is a figure (a normalised number: the only terms that start with a digit)."""
        known = self._figures
        if len(known) < len(self.terms):  # terms added since: flagged once each (ids never change)
            more = [term[:1].isdigit() for term in self.terms[len(known) :]]
            known = self._figures = np.concatenate([known, np.array(more, dtype=bool)])
        return known[term_ids]

    def warm(self) -> None:
        """Build the typo lookup now (before gunicorn forks) rather than on the first misspelt claim."""
        self._buckets()

    def _buckets(self) -> dict[str, dict[int, tuple[list[str], list[int]]]]:
        """Terms (and their ids, ascending) by first letter, then by length: a word within k edits of
        a term is within k letters of its length, so a lookup reads only those lengths' terms."""
        if self._by_initial is None:
            buckets: dict[str, dict[int, tuple[list[str], list[int]]]] = {}
            for term_id, term in enumerate(self.terms):
                if not term[0].isdigit():
                    words, tids = buckets.setdefault(term[0], {}).setdefault(len(term), ([], []))
                    words.append(term)
                    tids.append(term_id)
            self._by_initial = buckets
        return self._by_initial

    def closest(self, word: str, df) -> tuple[int, float] | None:
        """The known term a misspelt word most likely means, with a 0-1 similarity; None if none is close.

        Looks the word and its stem up among terms with the same first letter by optimal string
        alignment distance (a transposition is one edit): at most 1 edit for words up to 6 letters,
        2 beyond. Ties go to the more frequent term, since typos of common words are commoner.
        """
        if len(word) < MIN_TYPO_LENGTH or word[0].isdigit():
            return None
        by_length = self._buckets().get(word[0])
        if not by_length:
            return None
        max_edits = 1 if len(word) <= 6 else 2
        best: tuple[int, int, int] | None = None  # (edits, -df, term id)
        for probe in {word, stem(word)}:
            found = []  # (edits, term id) of terms within max_edits, from each length that may hold one
            for length in range(len(probe) - max_edits, len(probe) + max_edits + 1):
                words, tids = by_length.get(length, ((), ()))
                if words:
                    near = process.extract(probe, words, scorer=OSA.distance, score_cutoff=max_edits, limit=8)
                    found += [(int(edits), tids[position]) for _term, edits, position in near]
            # The 8 closest, ties in term order: what one search over the letter's terms would keep.
            for edits, term_id in sorted(found)[:8]:
                freq = df(term_id)
                if freq <= 0:
                    continue
                key = (edits, -freq, term_id)
                if best is None or key < best:
                    best = key
        if best is None:
            return None
        edits, _neg_df, term_id = best
        similarity = 1.0 - edits / max(len(word), len(self.terms[term_id]))
        return term_id, similarity
