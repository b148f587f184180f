"""The parse's matrix products run on numpy's OpenBLAS, on the calling thread alone, as BLIS would parse."""

from __future__ import annotations

import sys
import threading

import pytest
from thinc.api import NumpyOps

from service.extraction.attribution import blas_threads, parse

# Sentences of our own: reported clauses, a mid-sentence tag, names, dates and an "according to".
_SENTENCES = [
    "Regional officials said the bridge would reopen in May, though engineers were less sure.",
    "The delay, Councillor Mara Lindqvist argued on Tuesday, was entirely the harbour board's fault.",
    "According to the Meridia Port Authority, 40 workers had been laid off since March.",
    "Senator Alan Whitcombe called on the Treasury to release the files by Friday night.",
    "Nobody here thinks the plan will work, a resident told reporters outside the town hall.",
]


def _setter():
    setter = blas_threads.thread_limit()
    if setter is None:
        pytest.fail("numpy's OpenBLAS per-thread limit was not found")
    return setter


def _uses_openblas() -> bool:
    return blas_threads._numpy_blas_is_openblas() and sys.platform.startswith("linux")


def test_the_pipeline_runs_on_numpy_where_its_openblas_can_be_limited():
    layers = [
        layer
        for _, component in parse.pipeline().components
        if getattr(component, "model", None) is not None
        for layer in component.model.walk()
    ]
    assert layers
    if _uses_openblas():  # numpy's wheels for Linux ship OpenBLAS 0.3.27 or later
        assert blas_threads.thread_limit() is not None
        assert all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)
    else:
        assert blas_threads.thread_limit() is None
        assert all(getattr(layer.ops, "use_blis", True) for layer in layers)


@pytest.mark.skipif(not _uses_openblas(), reason="numpy is not built on OpenBLAS here")
def test_one_thread_limits_the_block_and_restores_the_count():
    setter = _setter()
    before = setter(3)
    try:
        with blas_threads.one_thread():
            assert setter(1) == 1  # the count inside the block
        assert setter(3) == 3  # restored after it
        with pytest.raises(RuntimeError), blas_threads.one_thread():
            raise RuntimeError("a failed parse")
        assert setter(3) == 3  # restored after a failure too
    finally:
        setter(before)


@pytest.mark.skipif(not _uses_openblas(), reason="numpy is not built on OpenBLAS here")
def test_the_limit_is_the_calling_threads_own():
    setter = _setter()
    before = setter(3)
    inside: list[int] = []

    def parse_elsewhere():
        with blas_threads.one_thread():
            inside.append(setter(1))
            list(parse.parse_all(_SENTENCES[:1]))

    try:
        worker = threading.Thread(target=parse_elsewhere)
        worker.start()
        worker.join()
        assert inside == [1]
        assert setter(3) == 3  # this thread's count never changed
    finally:
        setter(before)


def _readings(docs) -> list:
    readings = []
    for doc in docs:
        parse.entities(doc)  # the recogniser runs on demand: run it here
        readings.append([(t.tag_, t.pos_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_) for t in doc])
    return readings


def test_products_on_openblas_parse_as_blis_does():
    """Tags, dependencies and entities come out the same whichever library multiplies the matrices."""
    nlp = parse.pipeline()
    ours = _readings(parse.parse_all(_SENTENCES))
    try:
        parse._use_ops(nlp, NumpyOps(use_blis=True))
        on_blis = _readings(parse.parse_all(_SENTENCES))
    finally:
        parse._use_ops(nlp, blas_threads.numpy_ops() or NumpyOps(use_blis=True))
    assert ours == on_blis
    assert any(t[2] == "ccomp" for sentence in ours for t in sentence)
    assert any(t[4] == "DATE" for sentence in ours for t in sentence)
