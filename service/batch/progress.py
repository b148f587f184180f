"""Progress of a long batch run: articles and statements done, rate, tasks, printed every few seconds."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from service.batch.records import ARTICLE, FAILURE, STATEMENT, Record


@dataclass(frozen=True)
class Progress:
    """A snapshot of a running job; `total` is None when the inputs are not counted beforehand."""

    articles: int
    statements: int
    failed: int
    total: int | None
    tasks_done: int
    tasks: int
    elapsed: float

    @property
    def rate(self) -> float:
        """Articles per second so far."""
        return self.articles / self.elapsed if self.elapsed > 0 else 0.0

    def line(self) -> str:
        """One human-readable line."""
        of = f"/{self.total:,}" if self.total is not None else ""
        return (
            f"batch-extract: {self.articles:,}{of} articles ({self.rate:,.1f}/s),"
            f" {self.statements:,} statements, {self.failed:,} failed;"
            f" tasks {self.tasks_done}/{self.tasks}; {self.elapsed:,.0f}s"
        )


class Counters:
    """Spark accumulators the executors add to; the driver reads them as tasks finish."""

    def __init__(self, context) -> None:
        self.articles = context.accumulator(0)
        self.statements = context.accumulator(0)
        self.failed = context.accumulator(0)

    def counted(self, records: Iterable[Record]) -> Iterator[Record]:
        """Pass records through, counting them (runs on the executors)."""
        articles, statements, failed = self.articles, self.statements, self.failed
        for record in records:
            kind = record[0]
            if kind == STATEMENT:
                statements.add(1)
            elif kind == ARTICLE:
                articles.add(1)
            elif kind == FAILURE:
                failed.add(1)
                articles.add(1)
            yield record


class Reporter:
    """A daemon thread calling `report(Progress)` every `interval` seconds until stopped."""

    def __init__(self, context, counters: Counters, total: int | None, report: Callable, interval: float):
        self.context, self.counters, self.total = context, counters, total
        self.report, self.interval = report, interval
        self.started = time.monotonic()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="batch-progress", daemon=True)

    def snapshot(self) -> Progress:
        """The job's progress now."""
        tracker = self.context.statusTracker()
        tasks_done = tasks = 0
        for stage_id in tracker.getActiveStageIds():
            stage = tracker.getStageInfo(stage_id)
            if stage is not None:
                tasks_done += stage.numCompletedTasks
                tasks += stage.numTasks
        return Progress(
            articles=self.counters.articles.value,
            statements=self.counters.statements.value,
            failed=self.counters.failed.value,
            total=self.total,
            tasks_done=tasks_done,
            tasks=tasks,
            elapsed=time.monotonic() - self.started,
        )

    def _loop(self) -> None:
        while not self.done.wait(self.interval):
            self.report(self.snapshot())

    def __enter__(self) -> Reporter:
        if self.interval > 0:
            self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.done.set()
        if self.thread.is_alive():
            self.thread.join()
