"""The Spark job: inputs spread over the executors, extracted once, written as JSON Lines part files.

OUTPUT_DIR/statements/part-NNNNN  the lines of `python -m service extract`, in input order
OUTPUT_DIR/articles/part-NNNNN    the lines of `extract --articles` (+ url), given metadata filling gaps
OUTPUT_DIR/failures/part-NNNNN    {"article", "reason"} for each input that yielded nothing

Spark's output committer writes each folder, so a retried or speculative task never leaves a
duplicate part, and `_SUCCESS` marks a complete folder.
"""

from __future__ import annotations

import json
import math
import operator
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

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

OUTPUTS = {STATEMENT: "statements", ARTICLE: "articles", FAILURE: "failures"}
ARTICLES_PER_PARTITION = 250  # small enough to balance the executors, large enough to amortise a task
MAX_KEPT_FAILURES = 1_000  # all are written to failures/; the first ones come back to the driver
GZIP = "org.apache.hadoop.io.compress.GzipCodec"


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
    """A path as Spark should read it: URIs (hdfs://, s3a://, file:) as given, plain paths as local files."""
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
    report_progress=None,
    interval: float = 5.0,
) -> BatchReport:
    """Extract every input on the executors and write the part files; the inputs must not be empty."""
    from pyspark import StorageLevel

    context = session.sparkContext
    counters = Counters(context)
    started = time.monotonic()
    records = _records(session, inputs, counters, partitions)
    # Extraction runs once: the first write computes and keeps the records, the others reread them.
    records.persist(StorageLevel.MEMORY_AND_DISK)
    total = len(inputs.files) if not (inputs.line_files or inputs.table_files) else None
    codec = GZIP if gzip else None
    try:
        with Reporter(context, counters, total, report_progress or (lambda _: None), interval):
            for kind, folder in OUTPUTS.items():
                lines = records.filter(lambda record, kind=kind: record[0] == kind).map(
                    operator.itemgetter(1)
                )
                lines.saveAsTextFile(uri(f"{output_dir.rstrip('/')}/{folder}"), codec)
            counts = records.map(lambda record: (record[0], 1)).reduceByKey(operator.add).collectAsMap()
            failures = records.filter(lambda record: record[0] == FAILURE).map(operator.itemgetter(1))
            kept = failures.take(MAX_KEPT_FAILURES)
        report = BatchReport(
            articles=counts.get(ARTICLE, 0) + counts.get(FAILURE, 0),
            statements=counts.get(STATEMENT, 0),
            failed=counts.get(FAILURE, 0),
            failures=[json.loads(line) for line in kept],
            partitions=records.getNumPartitions(),
        )
    finally:
        records.unpersist()
    report.elapsed = time.monotonic() - started
    return report
