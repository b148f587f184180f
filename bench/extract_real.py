"""Extraction throughput on real articles read at bench time (never stored in the repository).

Used by extract_bench.py --texts GLOB. Generated copy is regular and parses little; real news has long
sentences and many speech words, so the parser's share is measured here, with the one-off start-up
(importing spaCy, loading the pipeline, its first parse) timed apart from the steady state.
"""

from __future__ import annotations

import glob
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.extraction import extract  # noqa: E402
from service.extraction.attribution import blas_threads, parse  # noqa: E402


class ParseClock:
    """CPU seconds spent inside the parser: wraps parse_all and entities wherever a module imported them."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.sentences = 0
        self.chars = 0
        self.entity_docs = 0
        self._patched: list[tuple[object, str, object]] = []

    def __enter__(self) -> ParseClock:
        originals = {"parse_all": parse.parse_all, "entities": parse.entities}
        wrappers = {"parse_all": self._parse_all(parse.parse_all), "entities": self._entities(parse.entities)}
        for name, module in list(sys.modules.items()):
            if not name.startswith("service.") or module is None:
                continue
            for attr, original in originals.items():
                if getattr(module, attr, None) is original:
                    self._patched.append((module, attr, original))
                    setattr(module, attr, wrappers[attr])
        return self

    def __exit__(self, *exc) -> None:
        for module, attr, original in self._patched:
            setattr(module, attr, original)

    def _parse_all(self, original):
        def timed(texts):
            texts = list(texts)
            start = time.process_time()
            docs = list(original(texts))  # the pipeline is lazy: parse the batch here, inside the clock
            self.seconds += time.process_time() - start
            self.sentences += len(texts)
            self.chars += sum(map(len, texts))
            return iter(docs)

        return timed

    def _entities(self, original):
        def timed(doc):
            start = time.process_time()
            first = not doc.has_annotation("ENT_IOB")
            ents = original(doc)
            self.seconds += time.process_time() - start
            self.entity_docs += first
            return ents

        return timed


def startup_seconds() -> float:
    """CPU seconds of the parser's one-off start-up in this process (0 when it already ran)."""
    start = time.process_time()
    parse.pipeline()
    list(parse.parse_all(["The mayor said the bridge would reopen."]))
    return time.process_time() - start


def report(pattern: str) -> None:
    """Time extract() over the files matching `pattern` and print articles per CPU second."""
    paths = sorted(glob.glob(pattern))
    if not paths:
        print(f"real texts: no file matches {pattern}")
        return
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    load = startup_seconds()
    start, wall = time.process_time(), time.perf_counter()
    with ParseClock() as clock:
        statements = sum(len(extract(text).quotes) for text in texts)
    cpu, wall = time.process_time() - start, time.perf_counter() - wall
    chars = sum(map(len, texts)) / len(texts)
    n = len(texts)
    print(f"real texts {pattern}: {n} articles, {chars:.0f} chars each on average, {statements} statements")
    products = "numpy's OpenBLAS, one thread" if blas_threads.thread_limit() else "thinc's BLIS"
    print(f"  the parse's matrix products: {products}")
    print(f"  start-up (import spaCy, load pipeline, first parse): {load:.2f} CPU-s, once per process")
    print(
        f"  extract():              {n / cpu:8.1f} articles/CPU-s  ({cpu / n * 1000:.1f} CPU-ms/article, "
        f"{n / wall:.1f}/s wall)"
    )
    print(f"  extract() with start-up: {n / (cpu + load):7.1f} articles/CPU-s  (target: >= 30)")
    share = clock.chars / sum(map(len, texts))
    print(
        f"  parse: {clock.seconds:.2f} CPU-s, {clock.seconds / cpu:.0%} of extract(); {clock.sentences} "
        f"sentences ({clock.sentences / n:.1f}/article, {share:.0%} of the text), "
        f"entities recognised in {clock.entity_docs}"
    )
