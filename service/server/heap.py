"""The loaded service's objects moved out of the garbage collector's sight before it answers requests.

A worker holds a few hundred thousand long-lived container objects once the app is built (modules,
the vocabulary, caches, the store's records); every full (generation 2) collection walks all of them,
and one landing inside a request added ~100-300 ms to it (bench/match_bench.py at 1M statements,
the tail's largest stage). `gc.freeze()` moves every object alive at that moment to a permanent
generation that collections skip: later collections walk only what requests made since. Frozen
objects are never collected, so the heap is collected first. Done in the gunicorn master before
each fork, it also keeps the workers' collections from writing to the pages they share with the
master (copy-on-write), as the `gc.freeze` documentation recommends.
"""

from __future__ import annotations

import gc


def freeze_heap() -> int:
    """Collect garbage, then freeze every surviving object; the number of objects now frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
