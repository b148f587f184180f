"""The Spark job: inputs spread over the executors, each partition extracted and written where it ran.

OUTPUT_DIR/statements/part-NNNNN  the lines of `python -m service extract`, in input order
OUTPUT_DIR/articles/part-NNNNN    the lines of `extract --articles` (+ url), given metadata filling gaps
OUTPUT_DIR/failures/part-NNNNN    {"article", "reason"} for each input that yielded nothing
OUTPUT_DIR/vectors/part-NNNNN.npy with embeddings: one statement vector per statements/ line

One pass: every task extracts its partition and writes its three part files (`parts.py`), and
returns its counts to the driver, so nothing is kept in memory or read twice.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from service.batch.parts import MAX_KEPT_FAILURES, mark_done, prepare, write_partition
from service.batch.progress import Counters, Reporter
from service.batch.records import (
    ARTICLE,
    FAILURE,
    STATEMENT,
    records_from_files,
    records_from_lines,
    records_from_table,
)
from service.batch.sources import Inputs
from service.batch.vectors import prepare_vectors

ARTICLES_PER_PARTITION = 250  # small enough to balance the executors, large enough to amortise a task


@dataclass
class BatchReport:
    """What a batch run wrote."""

    articles: int = 0
    statements: int = 0
    failed: int = 0
    failures: list[dict] = field(default_factory=list)
    partitions: int = 0
    elapsed: float = 0.0

    @property
    def rate(self) -> float:
        """Articles per second, start-up of Spark excluded."""
        return self.articles / self.elapsed if self.elapsed > 0 else 0.0


def uri(path: str) -> str:
    """An input path as Spark reads it: a URI (hdfs://, file:) as given, a plain path as a local file."""
    return path if "://" in path or path.startswith("file:") else Path(path).resolve().as_uri()


def file_partitions(count: int, parallelism: int, asked: int | None) -> int:
    """How many partitions the article files are spread over."""
    if asked:
        return max(1, min(asked, count))
    return max(1, min(count, max(parallelism * 4, math.ceil(count / ARTICLES_PER_PARTITION))))


def _records(session, inputs: Inputs, counters: Counters, partitions: int | None):
    """One RDD of tagged records over every input, in input order."""
    context = session.sparkContext
    parts = []
    if inputs.files:
        slices = file_partitions(len(inputs.files), context.defaultParallelism, partitions)
        parts.append(context.parallelize(inputs.files, slices).mapPartitions(records_from_files))
    for file in inputs.line_files:
        lines = context.textFile(uri(file), minPartitions=partitions or context.defaultParallelism)
        parts.append(lines.zipWithIndex().mapPartitions(partial(records_from_lines, file)))
    for file in inputs.table_files:
        rows = session.read.parquet(uri(file)).rdd.map(lambda row: row.asDict(recursive=True))
        parts.append(rows.zipWithIndex().mapPartitions(partial(records_from_table, file)))
    rdd = parts[0] if len(parts) == 1 else context.union(parts)
    return rdd.mapPartitions(counters.counted)


def run_batch(
    session,
    inputs: Inputs,
    output_dir: str,
    *,
    partitions: int | None = None,
    gzip: bool = False,
    embeddings: bool = False,
    report_progress=None,
    interval: float = 5.0,
) -> BatchReport:
    """Extract every input on the executors and write the part files; the inputs must not be empty."""
    context = session.sparkContext
    counters = Counters(context)
    started = time.monotonic()
    records = _records(session, inputs, counters, partitions)
    prepare(output_dir)
    if embeddings:
        prepare_vectors(output_dir)
    total = len(inputs.files) if not (inputs.line_files or inputs.table_files) else None
    with Reporter(context, counters, total, report_progress or (lambda _: None), interval):
        # Counts come back with each task's result, so a retried task is counted once.
        summaries = records.mapPartitionsWithIndex(
            partial(write_partition, output_dir, gzip, embeddings)
        ).collect()
    mark_done(output_dir)
    report = BatchReport(partitions=len(summaries))
    for summary in sorted(summaries, key=lambda item: item["partition"]):
        counts = summary["counts"]
        report.articles += counts[ARTICLE] + counts[FAILURE]
        report.statements += counts[STATEMENT]
        report.failed += counts[FAILURE]
        report.failures += summary["failures"][: MAX_KEPT_FAILURES - len(report.failures)]
    report.elapsed = time.monotonic() - started
    return report
