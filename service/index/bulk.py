"""Bulk build of a main segment from rows: one dict lookup per normalised word, the rest in numpy."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable

import numpy as np

from service.index.segment import Segment, build_segment
from service.index.vocab import Vocabulary
from service.normalize import normalized_words, term_of


def bulk_segment(
    rows: Iterable[tuple[int, str, str | None]], speaker_terms: Callable[[str], frozenset[str]]
) -> tuple[Segment, Vocabulary]:
    """A segment and its vocabulary from (id, text, speaker) rows; a repeated id keeps its last row."""
    vocab = Vocabulary()
    ids = vocab.ids
    word_ids: dict[str, int] = {}  # normalised word -> term id, -1 for a stop word

    def word_id(word: str) -> int:
        term = term_of(word)
        word_ids[word] = found = (ids[term] if term in ids else vocab.add(term)) if term else -1
        return found

    speaker_ids: dict[str, list[int]] = {}
    latest: dict[int, int] = {}
    quote_ids, texts, raw_lengths, text_raw_lengths, speaker_of, term_ids = [], [], [], [], [], []
    known = word_ids.get
    for quote_id, text, speaker in rows:
        words = normalized_words(text)
        ids_here = list(map(known, words))  # C-speed lookups; the few new words are filled in below
        if None in ids_here:
            ids_here = [i if i is not None else word_id(w) for i, w in zip(ids_here, words, strict=True)]
        text_raw_lengths.append(len(ids_here))
        if speaker:
            spoken = speaker_ids.get(speaker)
            if spoken is None:
                spoken = speaker_ids[speaker] = [vocab.add(t) for t in speaker_terms(speaker)]
            ids_here += spoken
        term_ids.append(ids_here)
        raw_lengths.append(len(ids_here))
        latest[quote_id] = len(quote_ids)
        quote_ids.append(quote_id)
        texts.append(text)
        speaker_of.append(speaker or None)
    if len(latest) < len(quote_ids):
        kept = sorted(latest.values())
        quote_ids, texts, raw_lengths, text_raw_lengths, speaker_of, term_ids = (
            [column[i] for i in kept]
            for column in (quote_ids, texts, raw_lengths, text_raw_lengths, speaker_of, term_ids)
        )
    speakers = list(speaker_ids)
    speaker_number = {name: number for number, name in enumerate(speakers)}
    n_docs, raw = len(quote_ids), np.array(raw_lengths, dtype=np.int64)
    flat = array("q")
    for doc in term_ids:
        flat.extend(doc)
    flat = np.frombuffer(flat, dtype=np.int64) if len(flat) else np.zeros(0, np.int64)
    # Stop words were kept as -1 so the loop above stays one lookup a word; they are dropped here.
    doc_of = np.repeat(np.arange(n_docs), raw)
    position = np.arange(len(flat)) - (np.cumsum(raw) - raw)[doc_of]
    is_text = position < np.array(text_raw_lengths, dtype=np.int64)[doc_of]
    keep = flat >= 0
    segment = build_segment(
        np.array(quote_ids, dtype=np.int64),
        flat[keep],
        np.bincount(doc_of[keep], minlength=n_docs),
        np.bincount(doc_of[keep & is_text], minlength=n_docs),
        texts,
        np.array([speaker_number[s] if s else -1 for s in speaker_of], dtype=np.int32),
        speakers,
        len(vocab),
    )
    return segment, vocab
