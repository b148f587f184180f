"""Precomputed statement vectors stand in for the encoder at import; plain Python, no Spark."""

from __future__ import annotations

import json

import numpy as np

from service.batch.vectors import VECTORS, PrecomputedEncoder, precomputed, prepare_vectors
from service.search.embed.model import DIMENSIONS


class CountingEncoder:
    """A stand-in encoder that records what it was asked to encode."""

    def __init__(self):
        self.asked: list[str] = []

    def encode(self, texts, **options):
        self.asked += list(texts)
        return np.full((len(texts), DIMENSIONS), 0.5, np.float32)


def _unit(seed: int) -> np.ndarray:
    row = np.random.default_rng(seed).standard_normal(DIMENSIONS).astype(np.float32)
    return row / np.linalg.norm(row)


def test_known_texts_come_from_the_table_and_only_the_rest_is_encoded():
    inner = CountingEncoder()
    known = {"first statement": _unit(1), "second statement": _unit(2)}
    out = PrecomputedEncoder(inner, known).encode(["second statement", "a new one", "first statement"])
    assert inner.asked == ["a new one"]
    assert np.array_equal(out[0], known["second statement"]) and np.array_equal(
        out[2], known["first statement"]
    )
    assert np.allclose(out[1], 0.5)


def test_vectors_are_read_back_beside_their_statement_lines(tmp_path):
    (tmp_path / "statements").mkdir()
    prepare_vectors(str(tmp_path))
    lines = [{"text": "first statement"}, {"text": "second statement"}]
    (tmp_path / "statements" / "part-00000").write_text("".join(json.dumps(r) + "\n" for r in lines))
    np.save(tmp_path / VECTORS / "part-00000.npy", np.stack([_unit(1), _unit(2)]))
    (tmp_path / "statements" / "part-00001").write_text(json.dumps({"text": "third"}) + "\n")
    np.save(tmp_path / VECTORS / "part-00001.npy", np.stack([_unit(3), _unit(4)]))  # a mismatched part
    parts = [str(tmp_path / "statements" / f"part-0000{i}") for i in (0, 1)]
    found = precomputed(tmp_path, parts)
    assert set(found) == {"first statement", "second statement"}
    assert np.array_equal(found["second statement"], _unit(2))
    (tmp_path / VECTORS / "_MODEL").write_text("another-model\n")
    assert precomputed(tmp_path, parts) == {}  # vectors of another encoder are never mixed in
