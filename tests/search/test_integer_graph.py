"""The model's weight products on int8 arithmetic: what is rewritten, what is left, and how close it stays."""

from __future__ import annotations

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper

from service.search.embed import model as embed_model
from service.search.embed.integer_graph import integer_matmuls
from service.search.embed.model import load_encoder


def _session(model_bytes: bytes) -> ort.InferenceSession:
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.log_severity_level = 3
    return ort.InferenceSession(model_bytes, options, providers=["CPUExecutionProvider"])


def _graph(scale_shape: tuple[int, ...]) -> tuple[bytes, np.ndarray, np.random.Generator]:
    """y = x @ (float(w_int8) * scale), stored as the pinned model stores its weights."""
    rng = np.random.default_rng(4)
    weights = rng.integers(-127, 128, size=(8, 6), dtype=np.int8)
    scale = rng.uniform(0.001, 0.01, size=scale_shape).astype(np.float32)
    nodes = [
        helper.make_node("Cast", ["w_q"], ["w_f"], to=TensorProto.FLOAT, name="cast"),
        helper.make_node("Mul", ["w_f", "w_scale"], ["w"], name="dequantise"),
        helper.make_node("MatMul", ["x", "w"], ["y"], name="product"),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [None, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [None, 6])],
        [numpy_helper.from_array(weights, "w_q"), numpy_helper.from_array(scale, "w_scale")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model.SerializeToString(), weights.astype(np.float32) * scale, rng


def test_a_dequantised_weight_product_runs_on_int8_with_the_same_weights():
    model_bytes, dense, rng = _graph((1, 6))
    rewritten, count = integer_matmuls(model_bytes)
    assert count == 1
    ops = [node.op_type for node in onnx.load_from_string(rewritten).graph.node]
    assert ops == ["DynamicQuantizeMatMul"]  # the Cast and Mul are gone: the int8 weights feed it
    x = rng.standard_normal((5, 8)).astype(np.float32)
    got = _session(rewritten).run(None, {"x": x})[0]
    expected = x @ dense
    # Only the activations are rounded (to 256 levels over their range): a small relative error.
    assert np.abs(got - expected).max() < 0.02 * np.abs(expected).max()
    assert not np.allclose(got, expected, atol=1e-7)  # it really is integer arithmetic


def test_per_row_scales_are_left_as_they_are():
    model_bytes, _, _ = _graph((8, 1))  # a scale per input row cannot be taken out of the product
    rewritten, count = integer_matmuls(model_bytes)
    assert count == 0
    assert [n.op_type for n in onnx.load_from_string(rewritten).graph.node] == ["Cast", "Mul", "MatMul"]


def test_every_weight_product_of_the_pinned_model_is_rewritten():
    original = embed_model.model_path().read_bytes()
    rewritten, count = integer_matmuls(original)
    assert count == 36  # 6 layers x (query, key, value, attention output, two feed-forward)
    ops = [node.op_type for node in onnx.load_from_string(rewritten).graph.node]
    assert ops.count("MatMul") == 12  # the attention's activation x activation products stay float


def test_int8_products_keep_the_float_products_vectors():
    """Vectors from the rewritten graph stay within a hair of the model run on float32 products."""
    from tests.search.test_embed import REFERENCE, STATEMENTS

    texts = REFERENCE + [text for _, text, _ in STATEMENTS]
    encoder = load_encoder()
    fast = encoder.encode(texts)
    exact = _session(embed_model.model_path().read_bytes())
    for row, text in enumerate(texts):
        ids = np.array([encoder.tokenizer.encode(text).ids], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
        pooled = exact.run(None, feeds)[0][0].mean(axis=0)
        cosine = float(fast[row] @ (pooled / np.linalg.norm(pooled)))
        assert cosine == pytest.approx(1.0, abs=0.02)
