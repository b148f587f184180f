"""The small mutable segment for statements added since the main segment was built, and the merge."""

from __future__ import annotations

from collections import Counter

import numpy as np

from service.search.index.segment import K1, Segment, forward_index, impact_of


class Delta:
    """Statements added after the build, as plain Python lists and dicts; merged away when it grows."""

    def __init__(self):
        self.quote_ids: list[int] = []
        self.texts: list[str] = []
        self.speakers: list[str | None] = []
        self.term_counts: list[Counter] = []  # term id -> tf, per statement (text and speaker)
        self.text_terms: list[np.ndarray] = []  # distinct term ids of the text, ascending
        self.lengths: list[int] = []
        self.postings: dict[int, list[int]] = {}  # term id -> local doc numbers
        self.df: Counter = Counter()  # live documents per term
        self.where: dict[int, int] = {}  # quote id -> local doc number (live only)
        self.deleted: set[int] = set()

    def __len__(self) -> int:
        return len(self.where)

    def add(
        self, quote_id: int, text: str, speaker: str | None, term_ids: list[int], text_count: int
    ) -> None:
        """Append one statement: term ids of its text (the first `text_count`), then of its speaker."""
        local = len(self.quote_ids)
        counts = Counter(term_ids)
        self.quote_ids.append(quote_id)
        self.texts.append(text)
        self.speakers.append(speaker)
        self.term_counts.append(counts)
        self.text_terms.append(np.array(sorted(set(term_ids[:text_count])), dtype=np.int32))
        self.lengths.append(len(term_ids))
        for term_id in counts:
            self.postings.setdefault(term_id, []).append(local)
        self.df.update(counts.keys())
        self.where[quote_id] = local

    def remove(self, quote_id: int) -> bool:
        """Tombstone a statement; False when the id is not here."""
        local = self.where.pop(quote_id, None)
        if local is None:
            return False
        self.deleted.add(local)
        self.df.subtract(self.term_counts[local].keys())
        return True

    def scores(self, weighted_terms: list[tuple[int, float]], avgdl: float) -> dict[int, float]:
        """BM25 of live local documents for (term id, idf) pairs."""
        out: dict[int, float] = {}
        for term_id, weight in weighted_terms:
            for local in self.postings.get(term_id, ()):
                if local in self.deleted:
                    continue
                tf = self.term_counts[local][term_id]
                norm = K1 * (0.25 + 0.75 * self.lengths[local] / max(avgdl, 1.0))
                out[local] = out.get(local, 0.0) + weight * tf * (K1 + 1) / (tf + norm)
        return out


def merge(main: Segment, delta: Delta, vocab_size: int) -> Segment:
    """A new main segment holding the live statements of both; tombstones are dropped."""
    live_main = np.flatnonzero(~main.deleted)
    live_delta = sorted(delta.where.values())
    n_main, n_new = len(live_main), len(live_main) + len(live_delta)
    quote_ids = np.concatenate(
        [main.quote_ids[live_main], np.array([delta.quote_ids[i] for i in live_delta])]
    )
    quote_ids = quote_ids.astype(np.int64)
    order = np.argsort(quote_ids, kind="stable")
    rank = np.empty(n_new, dtype=np.int64)
    rank[order] = np.arange(n_new)
    new_of_main = np.full(main.size, -1, dtype=np.int64)
    new_of_main[live_main] = rank[:n_main]

    counts = np.diff(main.offsets)
    main_tids = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    keep = new_of_main[main.docs] >= 0
    tids = [main_tids[keep]]
    docs = [new_of_main[main.docs[keep]]]
    impacts = [main.impacts[keep]]
    if live_delta:
        d_tids, d_docs, d_tf, d_len = [], [], [], []
        for j, local in enumerate(live_delta):
            for term_id, tf in delta.term_counts[local].items():
                d_tids.append(term_id)
                d_docs.append(rank[n_main + j])
                d_tf.append(tf)
                d_len.append(delta.lengths[local])
        tids.append(np.array(d_tids, dtype=np.int64))
        docs.append(np.array(d_docs, dtype=np.int64))
        impacts.append(impact_of(np.array(d_tf, float), np.array(d_len, float), main.avgdl))
    tids_all, docs_all, impacts_all = np.concatenate(tids), np.concatenate(docs), np.concatenate(impacts)
    by_term = np.lexsort((docs_all, tids_all))
    offsets = np.zeros(vocab_size + 1, dtype=np.int64)
    np.cumsum(np.bincount(tids_all, minlength=vocab_size), out=offsets[1:])

    speaker_index = {name: i for i, name in enumerate(main.speakers)}
    speakers = list(main.speakers)
    blobs = [main.text_blob[main.text_offsets[d] : main.text_offsets[d + 1]].tobytes() for d in live_main]
    speaker_of = list(main.speaker_of[live_main])
    for local in live_delta:
        blobs.append(delta.texts[local].encode("utf-8"))
        name = delta.speakers[local]
        if name is not None and name not in speaker_index:
            speaker_index[name] = len(speakers)
            speakers.append(name)
        speaker_of.append(speaker_index[name] if name is not None else -1)
    blobs = [blobs[i] for i in order]
    text_offsets = np.zeros(n_new + 1, dtype=np.int64)
    np.cumsum([len(b) for b in blobs], out=text_offsets[1:])
    fwd_counts = np.diff(main.fwd_offsets)[live_main]
    fwd_docs = [np.repeat(rank[:n_main], fwd_counts)]
    fwd_terms = [main.fwd_terms[np.repeat(~main.deleted, np.diff(main.fwd_offsets))]]
    for j, local in enumerate(live_delta):
        fwd_docs.append(np.full(len(delta.text_terms[local]), rank[n_main + j], dtype=np.int64))
        fwd_terms.append(delta.text_terms[local])
    fwd_offsets, fwd_all = forward_index(np.concatenate(fwd_docs), np.concatenate(fwd_terms), n_new)
    total_len = main.avgdl * n_main + sum(delta.lengths[i] for i in live_delta)
    return Segment(
        offsets=offsets,
        docs=docs_all[by_term].astype(np.int32),
        impacts=impacts_all[by_term],
        quote_ids=quote_ids[order],
        text_blob=np.frombuffer(b"".join(blobs), dtype=np.uint8),
        text_offsets=text_offsets,
        speaker_of=np.array(speaker_of, dtype=np.int32)[order] if n_new else np.zeros(0, np.int32),
        speakers=speakers,
        deleted=np.zeros(n_new, dtype=bool),
        avgdl=float(total_len / n_new) if n_new else 1.0,
        fwd_offsets=fwd_offsets,
        fwd_terms=fwd_all,
    )
