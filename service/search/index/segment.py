"""The immutable main segment: postings, statement ids and texts as a handful of flat numpy arrays.

Everything a query reads from the bulk of the index lives in a few large contiguous arrays (no
per-statement Python objects), so after a gunicorn master builds or memory-maps them with
`--preload`, forked workers share the pages: reference counting touches only the few array
headers, never the buffers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

K1 = 1.2  # BM25 term-frequency saturation
B = 0.75  # BM25 length normalisation
IMPACT_LEVELS = 255  # a posting's BM25 tf part, quantised to one byte


@dataclass
class Segment:
    """CSR postings (term -> sorted doc numbers with one-byte impacts) plus per-document columns."""

    offsets: np.ndarray  # int64 [terms+1]: postings of term t are [offsets[t], offsets[t+1])
    docs: np.ndarray  # int32 [postings], ascending within a term
    impacts: np.ndarray  # uint8 [postings], tf*(k1+1)/(tf+k1*norm) scaled to 1..255
    quote_ids: np.ndarray  # int64 [docs], ascending: quote id -> doc by binary search
    text_blob: np.ndarray  # uint8, the UTF-8 texts back to back
    text_offsets: np.ndarray  # int64 [docs+1]
    speaker_of: np.ndarray  # int32 [docs], index into speakers (-1 for none)
    speakers: list[str]  # distinct speaker names; few compared with statements
    deleted: np.ndarray  # bool [docs]; removal is a tombstone until the next merge
    avgdl: float
    fwd_offsets: np.ndarray  # int64 [docs+1]: a document's distinct text terms, for rescoring
    fwd_terms: np.ndarray  # int32, ascending within a document

    @property
    def size(self) -> int:
        """Number of documents, deleted ones included."""
        return len(self.quote_ids)

    def df(self, term_id: int) -> int:
        """Postings of one term (documents that contain it)."""
        if term_id + 1 >= len(self.offsets):
            return 0
        return int(self.offsets[term_id + 1] - self.offsets[term_id])

    def postings(self, term_id: int) -> tuple[np.ndarray, np.ndarray]:
        """(docs, impacts) of one term; empty arrays for a term this segment never saw."""
        if term_id + 1 >= len(self.offsets):
            return _EMPTY_DOCS, _EMPTY_IMPACTS
        start, end = self.offsets[term_id], self.offsets[term_id + 1]
        return self.docs[start:end], self.impacts[start:end]

    def terms_of(self, doc: int) -> np.ndarray:
        """The distinct term ids of one document's text (speaker excluded)."""
        return self.fwd_terms[self.fwd_offsets[doc] : self.fwd_offsets[doc + 1]]

    def text(self, doc: int) -> str:
        """The original text of one document."""
        return self.text_blob[self.text_offsets[doc] : self.text_offsets[doc + 1]].tobytes().decode("utf-8")

    def speaker(self, doc: int) -> str | None:
        """The speaker name of one document, if it has one."""
        index = int(self.speaker_of[doc])
        return self.speakers[index] if index >= 0 else None

    def doc_of(self, quote_id: int) -> int | None:
        """The document number holding a quote id, or None."""
        pos = int(np.searchsorted(self.quote_ids, quote_id))
        if pos < len(self.quote_ids) and self.quote_ids[pos] == quote_id:
            return pos
        return None

    def nbytes(self) -> int:
        """Bytes held by the arrays other than the texts themselves."""
        arrays = (self.offsets, self.docs, self.impacts, self.quote_ids, self.text_offsets, self.fwd_offsets)
        arrays += (self.fwd_terms,)
        return sum(a.nbytes for a in arrays) + self.speaker_of.nbytes + self.deleted.nbytes


_EMPTY_DOCS = np.zeros(0, dtype=np.int32)
_EMPTY_IMPACTS = np.zeros(0, dtype=np.uint8)


def impact_of(tf: np.ndarray, doc_len: np.ndarray, avgdl: float) -> np.ndarray:
    """BM25's term-frequency part, quantised to 1..255 (multiply by idf*(k1+1)/255 to score)."""
    norm = K1 * (1 - B + B * doc_len / max(avgdl, 1.0))
    part = tf * (K1 + 1) / (tf + norm) / (K1 + 1)
    return np.clip(np.rint(part * IMPACT_LEVELS), 1, IMPACT_LEVELS).astype(np.uint8)


def build_segment(
    quote_ids: np.ndarray,
    doc_of: np.ndarray,
    term_ids: np.ndarray,
    is_text: np.ndarray,
    texts: list[str],
    speaker_of: np.ndarray,
    speakers: list[str],
    vocab_size: int,
) -> Segment:
    """Build a segment from (row, term id, from the text?) occurrences; rows numbered as `quote_ids`."""
    n_docs = len(quote_ids)
    order = np.argsort(quote_ids, kind="stable")
    rank = np.empty(n_docs, dtype=np.int64)
    rank[order] = np.arange(n_docs)
    doc_lengths = np.bincount(doc_of, minlength=n_docs)
    keys = term_ids.astype(np.int64) * max(n_docs, 1) + rank[doc_of]
    fwd_offsets, fwd_terms = forward_index(rank[doc_of][is_text], term_ids[is_text], n_docs)
    keys, tf = unique_counts(keys)
    tids, docs = np.divmod(keys, max(n_docs, 1))
    lengths_sorted = doc_lengths[order].astype(np.float64)
    avgdl = float(lengths_sorted.mean()) if n_docs else 1.0
    impacts = impact_of(tf.astype(np.float64), lengths_sorted[docs], avgdl)
    offsets = np.zeros(vocab_size + 1, dtype=np.int64)
    np.cumsum(np.bincount(tids, minlength=vocab_size), out=offsets[1:])
    encoded = [texts[i].encode("utf-8") for i in order]
    text_offsets = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum([len(t) for t in encoded], out=text_offsets[1:])
    return Segment(
        offsets=offsets,
        docs=docs.astype(np.int32),
        impacts=impacts,
        quote_ids=quote_ids[order].astype(np.int64),
        text_blob=np.frombuffer(b"".join(encoded), dtype=np.uint8),
        text_offsets=text_offsets,
        speaker_of=speaker_of[order].astype(np.int32),
        speakers=speakers,
        deleted=np.zeros(n_docs, dtype=bool),
        avgdl=avgdl,
        fwd_offsets=fwd_offsets,
        fwd_terms=fwd_terms,
    )


def forward_index(docs: np.ndarray, term_ids: np.ndarray, n_docs: int) -> tuple[np.ndarray, np.ndarray]:
    """CSR doc -> distinct term ids (ascending) from (doc, term) pairs."""
    vocab = int(term_ids.max()) + 1 if len(term_ids) else 1
    keys, _ = unique_counts(docs.astype(np.int64) * vocab + term_ids.astype(np.int64))
    doc_of, terms = np.divmod(keys, vocab)
    offsets = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(np.bincount(doc_of, minlength=n_docs), out=offsets[1:])
    return offsets, terms.astype(np.int32)


def unique_counts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct values and their counts (a plain sort: several times faster than np.unique here)."""
    keys = np.sort(keys)
    if not len(keys):
        return keys, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
    return keys[starts], np.diff(np.append(starts, len(keys)))
