"""Bulk build of a segment from rows: texts tokenised a batch at a time, one dict lookup a word, numpy."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from itertools import repeat

import numpy as np

from service.search.index.segment import Segment, build_segment
from service.search.index.vocab import Vocabulary
from service.storage.base import Store
from service.text.bulk_terms import WordTerms
from service.text.term_cache import cached_terms

BATCH = 20_000  # texts tokenised together: large enough to leave Python's loop, small enough for memory


def bulk_segment(
    rows: Iterable[tuple[int, str, str | None]],
    speaker_terms: Callable[[str], frozenset[str]],
    vocab: Vocabulary | None = None,
) -> tuple[Segment, Vocabulary]:
    """A segment and its vocabulary (`vocab` extended, or a new one) from (id, text, speaker) rows.

    A repeated id keeps its last row.
    """
    vocab = vocab if vocab is not None else Vocabulary()
    ids, add_term = vocab.ids, vocab.add
    words = WordTerms(add_term)
    quote_ids, texts, speaker_of = [], [], []
    speaker_number: dict[str, int] = {}
    doc_parts: list[np.ndarray] = []
    term_parts: list[np.ndarray] = []
    other_docs, other_terms = array("q"), array("q")  # texts read through the chunk cache
    pending: list[int] = []  # rows waiting for a batch of word-by-word texts
    pending_folded: list[str] = []  # their texts, folded

    def read_one(doc: int, text: str) -> None:
        found = [ids[t] if t in ids else add_term(t) for t in cached_terms(text)]
        other_docs.extend(repeat(doc, len(found)))
        other_terms.extend(found)

    def flush() -> None:
        text_of, term_ids, handed_back = words.batch(pending_folded)
        doc_parts.append(np.array(pending, dtype=np.int64)[text_of])
        term_parts.append(term_ids)
        for number in handed_back:
            read_one(pending[number], texts[pending[number]])
        pending.clear()
        pending_folded.clear()

    fold = words.folded
    for quote_id, text, speaker in rows:
        doc = len(quote_ids)
        quote_ids.append(quote_id)
        texts.append(text)
        if speaker:
            number = speaker_number.get(speaker)
            speaker_of.append(
                number if number is not None else speaker_number.setdefault(speaker, len(speaker_number))
            )
        else:
            speaker_of.append(-1)
        folded = fold(text)
        if folded is not None:
            pending.append(doc)
            pending_folded.append(folded)
            if len(pending) >= BATCH:
                flush()
        else:
            read_one(doc, text)
    if pending:
        flush()
    doc_parts.append(np.frombuffer(other_docs, dtype=np.int64) if other_docs else np.zeros(0, np.int64))
    term_parts.append(np.frombuffer(other_terms, dtype=np.int64) if other_terms else np.zeros(0, np.int64))
    speakers = list(speaker_number)
    speaker_column = np.array(speaker_of, dtype=np.int64)
    spoken_docs, spoken_terms = _speaker_occurrences(
        speaker_column, [[add_term(t) for t in speaker_terms(name)] for name in speakers]
    )
    n_text = sum(len(part) for part in doc_parts)
    doc_of = np.concatenate([*doc_parts, spoken_docs])
    term_ids = np.concatenate([*term_parts, spoken_terms])
    is_text = np.arange(len(doc_of)) < n_text
    quote_column = np.array(quote_ids, dtype=np.int64)
    latest = dict(zip(quote_ids, range(len(quote_ids)), strict=True))
    if len(latest) < len(quote_ids):  # a repeated id: only its last row stays
        kept = np.zeros(len(quote_ids), dtype=bool)
        kept[list(latest.values())] = True
        renumber = np.cumsum(kept) - 1
        occurrence_kept = kept[doc_of]
        doc_of, term_ids, is_text = (
            renumber[doc_of[occurrence_kept]],
            term_ids[occurrence_kept],
            is_text[occurrence_kept],
        )
        texts = [t for t, keep in zip(texts, kept.tolist(), strict=True) if keep]
        quote_column, speaker_column = quote_column[kept], speaker_column[kept]
    segment = build_segment(
        quote_column, doc_of, term_ids, is_text, texts, speaker_column, speakers, len(vocab)
    )
    return segment, vocab


def _speaker_occurrences(speaker_of: np.ndarray, terms: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """(row, term id) of every row's speaker terms, gathered with numpy from each speaker's list."""
    lengths = np.array([len(t) for t in terms] + [0], dtype=np.int64)  # [-1]: no speaker
    flat = np.array([t for spoken in terms for t in spoken], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths[:-1])])
    counts = lengths[speaker_of]
    rows = np.repeat(np.arange(len(speaker_of), dtype=np.int64), counts)
    within = np.arange(len(rows)) - np.repeat(np.cumsum(counts) - counts, counts)
    return rows, flat[np.repeat(starts[speaker_of], counts) + within] if len(rows) else np.zeros(0, np.int64)


def append_segment(main: Segment, extra: Segment, vocab_size: int) -> Segment:
    """`main` followed by `extra`, whose quote ids must all be above main's: one concatenation, no re-read."""
    n_main = main.size

    def term_of_posting(segment: Segment) -> np.ndarray:
        return np.repeat(np.arange(len(segment.offsets) - 1, dtype=np.int64), np.diff(segment.offsets))

    tids = np.concatenate([term_of_posting(main), term_of_posting(extra)])
    # A stable sort by term keeps main's postings before extra's: doc numbers stay ascending per term.
    by_term = np.argsort(tids, kind="stable")
    offsets = np.zeros(vocab_size + 1, dtype=np.int64)
    np.cumsum(np.bincount(tids, minlength=vocab_size), out=offsets[1:])
    docs = np.concatenate([main.docs, extra.docs.astype(np.int64) + n_main])[by_term].astype(np.int32)
    speakers = list(main.speakers)
    number = {name: i for i, name in enumerate(speakers)}
    for name in extra.speakers:
        if name not in number:
            number[name] = len(speakers)
            speakers.append(name)
    remap = np.array([number[name] for name in extra.speakers] + [-1], dtype=np.int32)  # [-1]: none
    total = main.avgdl * n_main + extra.avgdl * extra.size
    return Segment(
        offsets=offsets,
        docs=docs,
        impacts=np.concatenate([main.impacts, extra.impacts])[by_term],
        quote_ids=np.concatenate([main.quote_ids, extra.quote_ids]),
        text_blob=np.concatenate([main.text_blob, extra.text_blob]),
        text_offsets=np.concatenate([main.text_offsets, extra.text_offsets[1:] + main.text_offsets[-1]]),
        speaker_of=np.concatenate([main.speaker_of, remap[extra.speaker_of]]),
        speakers=speakers,
        deleted=np.concatenate([main.deleted, extra.deleted]),
        avgdl=float(total / (n_main + extra.size)) if n_main + extra.size else 1.0,
        fwd_offsets=np.concatenate([main.fwd_offsets, extra.fwd_offsets[1:] + main.fwd_offsets[-1]]),
        fwd_terms=np.concatenate([main.fwd_terms, extra.fwd_terms]),
    )


def rows_after(store: Store, after_id: int = 0):
    """(id, text, speaker) rows above `after_id` from the store, or (id, text) from one without speakers."""
    since = {"after_id": after_id} if after_id else {}
    try:
        return store.index_rows(with_speaker=True, **since)
    except TypeError:
        return store.index_rows(**since)
