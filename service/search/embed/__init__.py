"""Statements found by meaning: a sentence encoder, saved statement vectors, and hybrid search.

`model` (all-MiniLM-L6-v2, int8 ONNX, pinned by sha256), `vectors` (usearch segment + delta),
`persist` (save, memory-map, replay of the change log), `hybrid` (both sides, one calibrated score).
"""
