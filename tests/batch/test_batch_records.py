"""What an executor does with one input, and how the driver lists a folder: plain Python, no Spark."""

from __future__ import annotations

import json

import pytest

from service.batch import records
from service.batch.records import ARTICLE, FAILURE, STATEMENT
from service.batch.sources import list_inputs
from service.cli.extract import article_row, statement_rows
from service.extraction import extract

ARTICLE_TEXT = (
    "Town council approves new bridge\n\n"
    "RIVERTON (AP) \u2014 The town council voted on Tuesday to build a bridge over the Mill River.\n\n"
    "\u201cThis bridge will cut the drive to the hospital by twenty minutes,\u201d"
    " Mayor Dana Whitfield said.\n\n"
    "Council member Raj Patel said the town would borrow $4 million to pay for it.\n"
)


def _kinds(found):
    return [kind for kind, _ in found]


def test_an_article_gives_the_extract_commands_lines():
    found = records.extract_records("a.txt", ARTICLE_TEXT)
    result = extract(ARTICLE_TEXT)
    assert result.quotes, "the fixture article must have statements"
    assert _kinds(found) == [STATEMENT] * len(result.quotes) + [ARTICLE]
    assert [json.loads(line) for _, line in found[:-1]] == statement_rows("a.txt", ARTICLE_TEXT, result)
    assert json.loads(found[-1][1]) == {**article_row("a.txt", result.meta), "url": None}


def test_given_metadata_fills_gaps_but_never_overrides_the_text():
    given = {"title": "A title from elsewhere", "published": "2024-05-07", "url": "https://example.org/b"}
    assert extract(ARTICLE_TEXT).meta.published is None
    meta = json.loads(records.extract_records("a.txt", ARTICLE_TEXT, given)[-1][1])
    assert meta["title"] == "Town council approves new bridge"
    assert meta["published"] == "2024-05-07"
    assert meta["url"] == "https://example.org/b"


def test_an_extraction_error_is_a_failure_record(monkeypatch):
    def broken(text):
        raise RuntimeError("boom")

    monkeypatch.setattr("service.extraction.extract", broken)
    ((kind, line),) = records.extract_records("a.txt", ARTICLE_TEXT)
    assert kind == FAILURE
    assert json.loads(line) == {"article": "a.txt", "reason": "extraction failed: RuntimeError('boom')"}


def test_files_are_read_as_extract_reads_them(tmp_path):
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(ARTICLE_TEXT.replace("\n", "\r\n").encode())
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 owner said \u201cwe reopen\u201d".encode("latin-1", "replace"))
    found = list(
        records.records_from_files([(str(crlf), None), (str(latin), None), (str(tmp_path / "gone"), None)])
    )
    statements = [json.loads(line) for kind, line in found if kind == STATEMENT]
    text = crlf.read_bytes().decode()
    assert statements and all(text[row["start"] : row["end"]] for row in statements)
    assert [row["start"] for row in statements] == [q.start for q in extract(text).quotes]
    failures = [json.loads(line) for kind, line in found if kind == FAILURE]
    assert [f["article"] for f in failures] == [str(latin), str(tmp_path / "gone")]
    assert "utf-8" in failures[0]["reason"] and "No such file" in failures[1]["reason"]


def test_json_lines_name_articles_by_their_id_or_where_they_were_found():
    lines = [
        json.dumps({"text": ARTICLE_TEXT, "id": "bridge-1", "outlet": "Riverton Gazette"}),
        "",
        json.dumps({"text": ARTICLE_TEXT, "published": "2024-05-07"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": ARTICLE_TEXT, "title": 7}),
    ]
    found = list(records.records_from_lines("in/a.jsonl", [(line, i) for i, line in enumerate(lines)]))
    articles = [json.loads(line) for kind, line in found if kind == ARTICLE]
    assert [a["article"] for a in articles] == ["bridge-1", "in/a.jsonl:3"]
    failures = {
        f["article"]: f["reason"] for f in (json.loads(line) for kind, line in found if kind == FAILURE)
    }
    assert set(failures) == {"in/a.jsonl:4", "in/a.jsonl:5", "in/a.jsonl:6"}
    assert "no text" in failures["in/a.jsonl:5"] and "title: expected a string" in failures["in/a.jsonl:6"]


@pytest.mark.parametrize("row", [["a list"], {"text": "   "}, {"text": None}])
def test_unusable_table_rows_fail_with_a_reason(row):
    ((kind, line),) = records.records_from_table("t.parquet", [(row, 0)])
    assert kind == FAILURE and json.loads(line)["article"] == "t.parquet:1"


def test_a_folder_lists_articles_with_their_metadata_and_article_tables(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("b")
    (tmp_path / "a.TXT").write_text("a")
    (tmp_path / "sub" / "metadata.json").write_text(json.dumps({"articles": {"b.txt": {"outlet": "X"}}}))
    (tmp_path / "rows.jsonl").write_text("{}\n")
    (tmp_path / "table.parquet").mkdir()  # a table Spark wrote: a folder of parts, read whole
    (tmp_path / "table.parquet" / "part-0.parquet").write_bytes(b"")
    (tmp_path / "notes.md").write_text("ignored")
    inputs = list_inputs(str(tmp_path))
    assert inputs.files == [
        (str(tmp_path / "a.TXT"), None),
        (str(tmp_path / "sub" / "b.txt"), {"outlet": "X"}),
    ]
    assert inputs.line_files == [str(tmp_path / "rows.jsonl")]
    assert inputs.table_files == [str(tmp_path / "table.parquet")]
    assert not inputs.problems and not inputs.empty


def test_a_broken_metadata_file_is_a_problem_not_a_stop(tmp_path):
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "metadata.json").write_text("{")
    inputs = list_inputs(str(tmp_path))
    assert inputs.files == [(str(tmp_path / "a.txt"), None)]
    assert inputs.problems and inputs.problems[0][0].endswith("metadata.json")
