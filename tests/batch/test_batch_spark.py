"""batch-extract on a real local[2] Spark: the same statements as `python -m service extract`.

One Spark session serves the whole module (starting the JVM costs several seconds). It needs
Java 17+ (`make test` runs scripts/java.sh first); outside CI a machine without Java skips these.
"""

from __future__ import annotations

import json
import os
import shutil
from contextlib import nullcontext
from pathlib import Path

import numpy as np
import pytest

from service.__main__ import main
from service.batch.job import run_batch
from service.batch.session import _java_found, spark_session
from service.batch.sources import list_inputs
from service.batch.vectors import import_text
from service.search.embed.model import DIMENSIONS, Encoder, load_encoder
from service.search.embed.persist import load as load_vectors
from service.services import VECTORS_FOLDER
from service.storage.sqlite import SqliteStore

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
ARTICLES = sorted(FIXTURES.glob("*.txt"))

if not _java_found() and os.environ.get("CI") != "true":
    pytest.skip("no Java here (CI installs it through scripts/java.sh)", allow_module_level=True)


@pytest.fixture(scope="module")
def spark():
    """One local[2] session for the module, with no web UI."""
    with spark_session(
        "local[2]", {"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "2"}
    ) as session:
        yield session


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _cli(capsys, *args: str) -> list[dict]:
    capsys.readouterr()
    main(["extract", *args])
    return _lines(capsys.readouterr().out)


def _parts(folder: Path) -> list[dict]:
    """Every line of a Spark output folder, part files in order."""
    assert (folder / "_SUCCESS").exists()
    return [row for part in sorted(folder.glob("part-*")) for row in _lines(part.read_text(encoding="utf-8"))]


def _renamed(rows: list[dict], name: str) -> list[dict]:
    return [{**row, "article": name} for row in rows]


@pytest.fixture(scope="module")
def run(spark, tmp_path_factory):
    """One run over article files, a metadata.json, JSON Lines and Parquet, with bad inputs among them."""
    root = tmp_path_factory.mktemp("batch")
    source = root / "in"
    (source / "given").mkdir(parents=True)
    for path in ARTICLES:
        shutil.copy(path, source / path.name)
    shutil.copy(ARTICLES[0], source / "given" / "first.txt")
    (source / "given" / "metadata.json").write_text(
        json.dumps(
            {"articles": {"first.txt": {"outlet": "Given Outlet", "url": "https://example.org/first"}}}
        )
    )
    (source / "bad.txt").write_bytes(b"caf\xe9 is not UTF-8")
    texts = [path.read_text(encoding="utf-8") for path in ARTICLES[1:4]]
    (source / "rows.jsonl").write_text(
        "\n".join(
            [json.dumps({"text": texts[0], "id": "row-one"}), "{broken", json.dumps({"text": texts[1]})]
        )
        + "\n",
        encoding="utf-8",
    )
    table = [{"text": texts[2], "title": None, "url": "https://example.org/t"}]
    spark.createDataFrame(table, "text string, title string, url string").write.parquet(
        str(source / "t.parquet")
    )
    output = root / "out"
    report = run_batch(spark, list_inputs(str(source)), str(output), embeddings=True, interval=0)
    return source, output, report, texts


def test_statements_are_those_of_the_single_process_cli(run, capsys):
    source, output, report, texts = run
    files = sorted(str(p) for p in source.rglob("*.txt") if p.name != "bad.txt")
    expected = _cli(capsys, *files)
    for name, text in [("row-one", texts[0]), (f"{source / 'rows.jsonl'}:3", texts[1])]:
        single = source.parent / "single.txt"
        single.write_text(text, encoding="utf-8")
        expected += _renamed(_cli(capsys, str(single)), name)
    single.write_text(texts[2], encoding="utf-8")
    expected += _renamed(_cli(capsys, str(single)), f"{source / 't.parquet'}:1")
    got = _parts(output / "statements")
    assert len(got) > 100
    assert got == expected  # every field the CLI writes, in the same order
    assert report.statements == len(expected)


def test_article_lines_are_extract_articles_with_given_metadata_filling_gaps(run, capsys):
    source, output, report, _ = run
    files = sorted(str(p) for p in source.rglob("*.txt") if p.name != "bad.txt")
    expected = {row["article"]: {**row, "url": None} for row in _cli(capsys, "--articles", *files)}
    got = {row["article"]: row for row in _parts(output / "articles")}
    first = str(source / "given" / "first.txt")
    expected[first]["url"] = "https://example.org/first"
    expected[first]["outlet"] = expected[first]["outlet"] or "Given Outlet"
    assert {name: got[name] for name in expected} == expected
    assert got[f"{source / 't.parquet'}:1"]["url"] == "https://example.org/t"
    assert set(got) - set(expected) == {"row-one", f"{source / 'rows.jsonl'}:3", f"{source / 't.parquet'}:1"}
    assert report.articles == len(got) + report.failed


def test_unreadable_inputs_are_failures_and_the_rest_still_processed(run):
    source, output, report, _ = run
    failures = {row["article"]: row["reason"] for row in _parts(output / "failures")}
    assert set(failures) == {str(source / "bad.txt"), f"{source / 'rows.jsonl'}:2"}
    assert "utf-8" in failures[str(source / "bad.txt")]
    assert report.failed == 2 and {f["article"] for f in report.failures} == set(failures)


def test_the_command_reports_progress_and_refuses_to_overwrite(spark, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("service.batch.session.spark_session", lambda master, conf: nullcontext(spark))
    source = tmp_path / "in"
    source.mkdir()
    for path in ARTICLES[:3]:
        shutil.copy(path, source / path.name)
    output = tmp_path / "out"
    args = ["batch-extract", str(source), str(output), "--master", "local[2]", "--progress-seconds", "0.05"]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "batch-extract: 3 articles," in err and "/3 articles (" in err  # progress lines, then the summary
    assert _parts(output / "statements") == _cli(capsys, *map(str, sorted(source.glob("*.txt"))))
    assert main(args) == 2
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize("make", ["missing", "empty"])
def test_a_missing_or_empty_input_folder_exits_2_before_spark_starts(make, tmp_path, monkeypatch, capsys):
    def no_spark(*args):
        raise AssertionError("Spark must not start")

    monkeypatch.setattr("service.batch.session.spark_session", no_spark)
    source = tmp_path / "in"
    if make == "empty":
        source.mkdir()
    assert main(["batch-extract", str(source), str(tmp_path / "out")]) == 2
    assert str(source) in capsys.readouterr().err


def test_each_statement_part_has_its_vectors_from_the_services_encoder(run):
    _, output, report, _ = run
    parts = sorted((output / "statements").glob("part-*"))
    rows = 0
    for part in parts:
        lines = part.read_text(encoding="utf-8").splitlines()
        vectors = np.load(output / "vectors" / f"{part.name}.npy")
        assert vectors.shape == (len(lines), DIMENSIONS)
        rows += len(lines)
    assert rows == report.statements
    # What import-quotes stores is encoded (a split quote's parts joined), as the service would.
    texts = [import_text(line) for line in parts[0].read_text(encoding="utf-8").splitlines()]
    expected = load_encoder().encode(texts)
    assert np.allclose(np.load(output / "vectors" / f"{parts[0].name}.npy"), expected, atol=1e-4)


def test_the_output_folder_loads_with_import_quotes_and_its_vectors(run, tmp_path, monkeypatch, capsys):
    source, output, report, _ = run
    monkeypatch.setenv("CLAIMTRACE_DATA_DIR", str(tmp_path))
    encoded = []
    encode = Encoder.encode

    def counted(self, texts, **options):
        encoded.extend(texts)
        return encode(self, texts, **options)

    monkeypatch.setattr(Encoder, "encode", counted)
    assert main(["import-quotes", str(output)]) == 0
    assert encoded == []  # every statement's vector came from the executors
    store = SqliteStore(tmp_path / "claimtrace.sqlite3")
    try:
        quotes, total = store.list_quotes(limit=10_000)
    finally:
        store.close()
    assert total == report.statements
    assert len(load_vectors(tmp_path / VECTORS_FOLDER)) == total
    first = str(source / "given" / "first.txt")
    given = [q for q in quotes if q.ref.startswith(first + ":")]
    assert given and {q.article.url for q in given} == {"https://example.org/first"}


def test_an_output_uri_is_refused_before_spark_starts(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("service.batch.session.spark_session", None)  # calling it would fail the test
    shutil.copy(ARTICLES[0], tmp_path / ARTICLES[0].name)
    assert main(["batch-extract", str(tmp_path), "hdfs://namenode/out"]) == 2
    assert "not a URI" in capsys.readouterr().err
