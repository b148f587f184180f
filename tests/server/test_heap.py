"""Freezing the loaded service's objects out of the garbage collector's walks."""

from __future__ import annotations

import gc
import weakref

import pytest

from service.server.heap import freeze_heap


@pytest.fixture
def thawed():
    """Whatever a test freezes goes back to the collector afterwards (other tests make garbage)."""
    yield
    gc.unfreeze()


class _Node:
    def __init__(self):
        self.me = self  # a reference cycle: only the collector frees it


def test_frozen_objects_leave_the_collectors_generations(thawed):
    kept = [{"statement": i} for i in range(1000)]
    assert any(o is kept for o in gc.get_objects())
    frozen = freeze_heap()
    assert frozen >= 1000
    assert not any(o is kept for o in gc.get_objects())  # a full collection no longer walks it


def test_garbage_is_collected_before_the_freeze(thawed):
    node = _Node()
    ref = weakref.ref(node)
    del node  # unreachable, but a cycle: frozen, it would be kept for the life of the process
    freeze_heap()
    assert ref() is None


def test_objects_made_after_the_freeze_are_collected_as_usual(thawed):
    freeze_heap()
    later = [1, 2, 3]
    assert any(o is later for o in gc.get_objects())
