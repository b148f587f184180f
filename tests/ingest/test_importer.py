"""Bulk import: our JSON Lines and Quotebank's, compressed files, bad lines, idempotence, the command."""

from __future__ import annotations

import argparse
import bz2
import gzip
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marshmallow import ValidationError

from service.cli import import_quotes
from service.ingest.importer import MAX_KEPT_ERRORS, import_file, parse_line
from service.ingest.statement_lines import QuotebankLineSchema, StatementLineSchema, outlet_of, quick_load
from service.schemas.requests import ArticleCreateSchema
from service.storage import QuoteFilters
from service.storage.sqlite import SqliteStore

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"
OURS = FIXTURES / "statements.jsonl"
QUOTEBANK = FIXTURES / "quotebank.jsonl"


@pytest.fixture
def store(tmp_path):
    """A fresh store."""
    opened = SqliteStore(tmp_path / "store.sqlite3")
    yield opened
    opened.close()


def test_our_format_loads_good_lines_and_reports_each_bad_one(store):
    report = import_file(store, OURS)
    assert (report.lines, report.added, report.skipped, report.bad) == (10, 3, 0, 6)
    assert report.readable and report.failure is None
    reasons = dict(report.errors)
    assert sorted(reasons) == [4, 5, 6, 7, 8, 10]
    assert "not valid JSON" in reasons[4]
    assert "expected a JSON object" in reasons[5]
    assert reasons[6] == "text: Missing data for required field."
    assert reasons[7].startswith("said_on: Not an ISO date")
    assert reasons[8].startswith("kind: Must be one of")
    assert reasons[10] == "text: Not a valid string."
    first, second, third = store.get_quotes([1, 2, 3])
    assert (first.ref, first.speaker.role, first.venue, first.said_on) == (
        "ours-1",
        "acting coordinator for counterterrorism",
        "press briefing",
        "2016-06-02",
    )
    assert (first.article.title, first.article.outlet, first.article.url) == (
        "Foreign fighters in Syria",
        "RT",
        "https://example.org/a",
    )
    assert second.text == "The corridor will carry 40,000 tonnes a week."
    assert (third.kind, third.article.published) == ("indirect", "2017-03-01T10:15:00")


def test_quotebank_lines_load_as_they_are_published(store):
    report = import_file(store, QUOTEBANK)
    assert (report.added, report.bad) == (3, 2)
    assert [line for line, _ in report.errors] == [3, 4]
    assert "quotation: Missing data" in report.errors[0][1]
    assert report.errors[1][1].startswith("date: Not an ISO date")
    marsh, nobody, ours = store.get_quotes([1, 2, 3])
    assert marsh.ref == "2015-08-31-000271" and marsh.speaker.name == "Sylvia Marsh"
    assert marsh.article.url == "http://www.cityherald.example/news/veterans-plan-123"
    assert (marsh.article.outlet, marsh.article.published, marsh.said_on) == (
        "cityherald.example",
        "2015-08-31T02:10:00",
        None,
    )
    assert nobody.speaker.name is None and nobody.article.outlet == "news.example.co.uk"
    assert ours.ref == "ours-in-quotebank-file"
    assert store.list_quotes(QuoteFilters(published_from="2015-09-01"), 0, 10)[1] == 1


def test_importing_again_adds_nothing(store):
    first = import_file(store, OURS)
    again = import_file(store, OURS)
    assert (again.added, again.skipped, again.bad) == (0, first.added, first.bad)
    assert store.count_quotes() == first.added


@pytest.mark.parametrize("compress", ["gzip", "bz2"])
@pytest.mark.parametrize("name", ["quotes.jsonl.{ext}", "misnamed.jsonl"])
def test_compressed_files_are_read_by_magic_bytes(store, tmp_path, compress, name):
    opener, ext = (gzip.open, "gz") if compress == "gzip" else (bz2.open, "bz2")
    target = tmp_path / name.format(ext=ext)
    with opener(target, "wb") as out:
        out.write(QUOTEBANK.read_bytes())
    report = import_file(store, target)
    assert (report.added, report.bad, report.readable) == (3, 2, True)


def test_a_truncated_compressed_file_keeps_the_lines_read_and_says_why_it_stopped(store, tmp_path):
    lines = "".join(json.dumps({"text": f"statement number {i}", "ref": f"r{i}"}) + "\n" for i in range(3000))
    whole = gzip.compress(lines.encode())
    target = tmp_path / "cut.jsonl.gz"
    target.write_bytes(whole[: len(whole) // 2])
    report = import_file(store, target, batch_size=100)
    assert not report.readable and report.failure
    assert 0 < report.added < 3000 and store.count_quotes() == report.added


def test_a_missing_file_is_unreadable(store, tmp_path):
    report = import_file(store, tmp_path / "nope.jsonl")
    assert not report.readable and report.lines == 0 and "No such file" in report.failure


def test_progress_and_bad_line_callbacks(store, tmp_path):
    target = tmp_path / "many.jsonl"
    target.write_text("".join(json.dumps({"text": f"s{i}"}) + "\n" for i in range(25)) + "{oops\n")
    seen, bad = [], []
    report = import_file(
        store,
        target,
        progress=lambda r: seen.append(r.added),
        on_bad_line=lambda *a: bad.append(a),
        batch_size=10,
    )
    assert seen == [10, 20, 25] and report.added == 25
    assert bad == [(str(target), 26, report.errors[0][1])]


def test_bad_lines_are_all_counted_but_only_the_first_are_kept(store, tmp_path):
    target = tmp_path / "bad.jsonl"
    target.write_text("[]\n" * (MAX_KEPT_ERRORS + 5))
    report = import_file(store, target)
    assert report.bad == MAX_KEPT_ERRORS + 5 and len(report.errors) == MAX_KEPT_ERRORS


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.bbc.co.uk/news/1", "bbc.co.uk"),
        ("http://Reuters.com/x", "reuters.com"),
        ("not a url", None),
        ("http://[broken/x", None),
        (None, None),
    ],
)
def test_outlet_of_url(url, outlet):
    assert outlet_of(url) == outlet


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"text": "   "}', "text: Must not be blank."),
        (b'{"text": "x", "speaker": 5}', "speaker: Not a valid string."),
        (b'{"text": "x", "said_on": "2015-02-30T25:00"}', "said_on: Not an ISO date"),
        (b'{"text": "x", "ref": "' + b"r" * 301 + b'"}', "ref: Longer than maximum length 300."),
        (b'{"quoteID": "q", "quotation": "x", "urls": "http://a"}', "urls: Not a valid list."),
        (b'{"quoteID": " ", "quotation": "x"}', "quoteID: Must not be blank."),
        (b"\xff\xfe{}", "not valid JSON"),
        (b"42", "expected a JSON object, got int"),
    ],
)
def test_parse_line_reasons(line, reason):
    with pytest.raises(ValueError, match="^" + reason.replace("(", r"\(").replace(".", r"\.")):
        parse_line(line)


_VALUES = st.one_of(
    st.none(),
    st.integers(),
    st.lists(st.text(max_size=3), max_size=2),
    st.sampled_from(
        ["", "  ", "None", "2015", "2015-08-31 12:02:00", "2015-13", "direct", "mixed", "http://a.b/c"]
    ),
    st.text(max_size=12),
)
_OUR_KEYS = [
    "text",
    "speaker",
    "role",
    "said_on",
    "venue",
    "outlet",
    "published",
    "title",
    "url",
    "ref",
    "kind",
]
_QB_KEYS = ["quoteID", "quotation", "speaker", "date", "urls"]


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.dictionaries(st.sampled_from(_OUR_KEYS), _VALUES),
        st.dictionaries(st.sampled_from(_QB_KEYS), _VALUES),
    )
)
def test_the_fast_path_accepts_only_what_the_schema_accepts_and_loads_the_same(obj):
    schema = QuotebankLineSchema() if "quotation" in obj or "quoteID" in obj else StatementLineSchema()
    try:
        expected = schema.load(obj)
    except ValidationError:
        expected = None
    quick = quick_load(obj)
    assert quick is None or quick == expected


def _run(monkeypatch, tmp_path, *argv):
    """Run the command as `python -m service import-quotes` would, on a store under tmp_path."""
    monkeypatch.setenv("CLAIMTRACE_DATA_DIR", str(tmp_path / "data"))
    parser = argparse.ArgumentParser()
    import_quotes.add_arguments(parser)
    return import_quotes.run(parser.parse_args([str(arg) for arg in argv]))


def test_command_exits_0_with_bad_lines_and_reports_them(monkeypatch, tmp_path, capsys):
    assert _run(monkeypatch, tmp_path, OURS) == 0
    err = capsys.readouterr().err
    assert f"{OURS}:7: said_on: Not an ISO date" in err
    assert "3 added, 0 already stored, 6 bad lines" in err
    assert _run(monkeypatch, tmp_path, OURS) == 0
    assert "0 added, 3 already stored" in capsys.readouterr().err


def test_command_exits_2_for_an_unreadable_file_but_loads_the_others(monkeypatch, tmp_path, capsys):
    copy = tmp_path / "copy.jsonl"
    shutil.copy(QUOTEBANK, copy)
    assert _run(monkeypatch, tmp_path, tmp_path / "missing.jsonl", copy) == 2
    assert "missing.jsonl: cannot read" in capsys.readouterr().err
    store = SqliteStore(tmp_path / "data" / "claimtrace.sqlite3")
    assert store.count_quotes() == 3
    store.close()


def test_a_byte_order_mark_and_windows_line_ends_are_fine(store, tmp_path):
    target = tmp_path / "bom.jsonl"
    target.write_bytes(b"\xef\xbb\xbf" + b'{"text": "first"}\r\n{"text": "second"}\r\n')
    report = import_file(store, target)
    assert (report.added, report.bad) == (2, 0)


@pytest.mark.parametrize("header", [b"\x1f\x8b\x08\x00", b"BZh9"])
def test_a_corrupt_compressed_file_is_unreadable_not_a_crash(store, tmp_path, header):
    target = tmp_path / "corrupt.jsonl"
    target.write_bytes(header + bytes(range(256)) * 4)
    report = import_file(store, target)
    assert not report.readable and report.added == 0


@pytest.mark.parametrize(
    "value",
    ["2015-02-31", "2015-04-31", "2015-13", "2015-1-04", "2015-11-04T25:00", "15-11-04", "2015-11-04T10:00Z"]
    + ["2015", "2015-11", "2015-02-29", "2015-11-04", "2015-11-04T10:30:00+01:00"],
)
def test_imported_dates_follow_the_api_rule(value):
    """One rule for dates: an import line is refused exactly where POST /articles refuses the date."""
    api_errors = ArticleCreateSchema().validate({"text": "x", "published": value})
    line_errors = StatementLineSchema().validate({"text": "x", "said_on": value, "published": value})
    assert bool(api_errors) == bool(line_errors)
    if line_errors:
        assert line_errors["said_on"] == api_errors["published"]
