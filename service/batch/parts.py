"""Writing one partition's records as part files, on the executor that extracted them.

Each task writes `statements/part-NNNNN`, `articles/part-NNNNN` and `failures/part-NNNNN` (NNNNN
its partition number) under a temporary name and renames them into place when the partition is
done: a retried or speculative attempt rewrites the same content under the same name, so a part
is never half-written nor doubled. The folder must be one every node sees at the same path.
"""

from __future__ import annotations

import gzip
import json
import os
import uuid
from collections.abc import Iterable
from pathlib import Path

from service.batch.records import ARTICLE, FAILURE, STATEMENT, Record
from service.batch.vectors import VECTORS, import_text, write_vectors

FOLDERS = {STATEMENT: "statements", ARTICLE: "articles", FAILURE: "failures"}
MAX_KEPT_FAILURES = 1_000  # per partition: all are written, these come back to the driver to print
SUCCESS = "_SUCCESS"


def part_name(index: int, compressed: bool) -> str:
    """A part file's name for a partition number."""
    return f"part-{index:05d}" + (".gz" if compressed else "")


def prepare(output_dir: str) -> None:
    """Create the output folders (on the driver, before the tasks run)."""
    for folder in FOLDERS.values():
        Path(output_dir, folder).mkdir(parents=True, exist_ok=True)


def _open(path: Path, compressed: bool):
    if compressed:
        return gzip.open(path, "wt", encoding="utf-8", newline="\n")
    return open(path, "w", encoding="utf-8", newline="\n")


def write_partition(
    output_dir: str, compressed: bool, embed: bool, index: int, records: Iterable[Record]
) -> list[dict]:
    """Write one partition's records (and its statement vectors); [summary]: counts, first failures."""
    attempt = uuid.uuid4().hex
    name = part_name(index, compressed)
    paths = {kind: Path(output_dir, folder, name) for kind, folder in FOLDERS.items()}
    temporary = {kind: path.with_name(f".{name}.{attempt}.tmp") for kind, path in paths.items()}
    counts = dict.fromkeys(FOLDERS, 0)
    failures: list[dict] = []
    texts: list[str] = []
    handles = {kind: _open(path, compressed) for kind, path in temporary.items()}
    try:
        for kind, line in records:
            handles[kind].write(line + "\n")
            counts[kind] += 1
            if kind == FAILURE and len(failures) < MAX_KEPT_FAILURES:
                failures.append(json.loads(line))
            elif kind == STATEMENT and embed:
                texts.append(import_text(line))
        if embed:
            write_vectors(output_dir, index, texts)
    except BaseException:
        for handle in handles.values():
            handle.close()
        for path in temporary.values():
            path.unlink(missing_ok=True)
        raise
    for handle in handles.values():
        handle.close()
    for kind, path in temporary.items():
        os.replace(path, paths[kind])
    return [{"partition": index, "counts": counts, "failures": failures}]


def mark_done(output_dir: str) -> None:
    """Mark every folder complete (as Spark's committers do) once all tasks are done."""
    for folder in (*FOLDERS.values(), VECTORS):
        if Path(output_dir, folder).is_dir():
            Path(output_dir, folder, SUCCESS).touch()
