"""The parse's matrix products on numpy's OpenBLAS, run on the calling thread alone.

thinc multiplies the pipeline's matrices with its bundled BLIS, which chooses kernels by CPU model and
falls back to portable reference code on a CPU it does not know (AMD Zen 5 here: 'generic'), at a third
of the speed of the OpenBLAS numpy ships. OpenBLAS, though, spreads a product of the parse's size over
every core and spins waiting for them: on a busy machine that costs several times the CPU it saves. So
the pipeline's products go to numpy (thinc's own `NumpyOps(use_blis=False)`) only where numpy's OpenBLAS
can be told to run them on the thread that asks (`openblas_set_num_threads_local`, OpenBLAS 0.3.27 and
later, restored after each parse); anywhere else BLIS stays.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache

_LOCAL_LIMIT = "openblas_set_num_threads_local"  # sets the calling thread's count, returns the one before
_MAPS = "/proc/self/maps"  # where a Linux process lists the libraries it loaded


def _numpy_blas_is_openblas() -> bool:
    import numpy

    try:
        blas = numpy.show_config(mode="dicts")["Build Dependencies"]["blas"]
    except (KeyError, TypeError, ValueError):  # an older numpy, or one built without this report
        return False
    return "openblas" in str(blas.get("name", "")).lower()


def _loaded_openblas() -> list[str]:
    """Paths of the OpenBLAS libraries this process has loaded (none where /proc cannot tell)."""
    if not os.path.exists(_MAPS):
        return []
    with open(_MAPS, encoding="utf-8", errors="replace") as maps:
        paths = {line.split(maxsplit=5)[-1].strip() for line in maps if "openblas" in line.lower()}
    return sorted(p for p in paths if p.startswith("/") and "openblas" in os.path.basename(p).lower())


@cache
def thread_limit() -> Callable[[int], int] | None:
    """numpy's OpenBLAS per-thread limit (set n, get the previous n), or None when it cannot be had."""
    if not _numpy_blas_is_openblas():
        return None
    paths = _loaded_openblas()
    if len(paths) != 1:  # none found, or two and no telling which one numpy calls
        return None
    try:
        setter = getattr(ctypes.CDLL(paths[0]), _LOCAL_LIMIT)
    except (OSError, AttributeError):  # an OpenBLAS before 0.3.27 has no per-thread setting
        return None
    setter.argtypes, setter.restype = [ctypes.c_int], ctypes.c_int
    return setter


def numpy_ops():
    """thinc Ops whose products run on numpy's OpenBLAS, or None where BLIS should stay (see above)."""
    if thread_limit() is None:
        return None
    from thinc.api import NumpyOps

    return NumpyOps(use_blis=False)


@contextmanager
def one_thread() -> Iterator[None]:
    """Run numpy's OpenBLAS products on the calling thread alone inside the block (no-op without it)."""
    setter = thread_limit()
    if setter is None:
        yield
        return
    before = setter(1)
    try:
        yield
    finally:
        setter(before)
