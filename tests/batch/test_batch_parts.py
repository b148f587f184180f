"""A partition's part files: whole or absent, the same on a retry, gzip when asked; plain Python."""

from __future__ import annotations

import gzip
import json

import pytest

from service.batch.parts import mark_done, prepare, write_partition
from service.batch.records import ARTICLE, FAILURE, STATEMENT

RECORDS = [
    (STATEMENT, json.dumps({"article": "a.txt", "text": "We will open on Monday"})),
    (ARTICLE, json.dumps({"article": "a.txt", "title": "Caf\u00e9 reopens"})),
    (FAILURE, json.dumps({"article": "b.txt", "reason": "cannot read: gone"})),
]


def _files(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_a_partition_writes_its_three_parts_and_returns_its_counts(tmp_path):
    prepare(str(tmp_path))
    (summary,) = write_partition(str(tmp_path), False, False, 3, iter(RECORDS))
    assert summary == {
        "partition": 3,
        "counts": {STATEMENT: 1, ARTICLE: 1, FAILURE: 1},
        "failures": [{"article": "b.txt", "reason": "cannot read: gone"}],
    }
    assert _files(tmp_path) == ["articles/part-00003", "failures/part-00003", "statements/part-00003"]
    assert (tmp_path / "articles" / "part-00003").read_text(encoding="utf-8") == RECORDS[1][1] + "\n"
    # A retried or speculative attempt rewrites the same files, never a second copy.
    write_partition(str(tmp_path), False, False, 3, iter(RECORDS))
    assert len(_files(tmp_path)) == 3
    mark_done(str(tmp_path))
    assert (tmp_path / "statements" / "_SUCCESS").exists()


def test_a_task_that_fails_midway_leaves_nothing_behind(tmp_path):
    prepare(str(tmp_path))

    def broken():
        yield RECORDS[0]
        raise RuntimeError("executor lost")

    with pytest.raises(RuntimeError):
        write_partition(str(tmp_path), False, False, 0, broken())
    assert _files(tmp_path) == []


def test_parts_can_be_gzip_compressed(tmp_path):
    prepare(str(tmp_path))
    write_partition(str(tmp_path), True, False, 0, iter(RECORDS))
    with gzip.open(tmp_path / "statements" / "part-00000.gz", "rt", encoding="utf-8") as handle:
        assert handle.read() == RECORDS[0][1] + "\n"
