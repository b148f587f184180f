"""import-quotes reads the lines `extract` and `batch-extract` write, with their articles' metadata."""

from __future__ import annotations

import json

import pytest

from service.batch.output import article_metadata, import_sources
from service.ingest.extract_lines import from_extract_line, is_extract_line
from service.ingest.importer import import_file, parse_line
from service.storage.sqlite import SqliteStore


def _line(**changes) -> dict:
    row = {
        "article": "in/bridge.txt",
        "text": "This bridge will cut the drive to the hospital by twenty minutes",
        "start": 120,
        "end": 184,
        "parts": [{"start": 120, "end": 184, "text": "..."}],
        "kind": "direct",
        "speaker": {
            "name": "Dana Whitfield",
            "role": "mayor",
            "mention": "Mayor Dana Whitfield",
            "anonymous": False,
        },
        "cue": "said",
        "said_on": "2024-05-07",
        "venue": None,
    }
    return {**row, **changes}


ARTICLES = {
    "in/bridge.txt": {
        "title": "Town council approves new bridge",
        "outlet": "Riverton Gazette",
        "published": "2024-05-08",
        "url": "https://example.org/bridge",
    }
}


def test_a_statement_takes_its_speaker_and_its_articles_metadata():
    row = parse_line(json.dumps(_line()).encode(), ARTICLES)
    assert row == {
        "text": "This bridge will cut the drive to the hospital by twenty minutes",
        "speaker": "Dana Whitfield",
        "role": "mayor",
        "said_on": "2024-05-07",
        "venue": None,
        "kind": "direct",
        "title": "Town council approves new bridge",
        "outlet": "Riverton Gazette",
        "published": "2024-05-08",
        "url": "https://example.org/bridge",
        "ref": "in/bridge.txt:120-184",
    }


def test_a_split_quote_is_imported_as_its_parts_joined_not_the_span_with_its_attribution():
    parts = [
        {"start": 10, "end": 35, "text": "We will rebuild the pier,"},
        {"start": 56, "end": 82, "text": "And we will do it by June."},
    ]
    span = 'We will rebuild the pier," Mayor Ana Ruiz said. "And we will do it by June.'
    row = parse_line(json.dumps(_line(text=span, start=10, end=82, parts=parts)).encode(), ARTICLES)
    assert row["text"] == "We will rebuild the pier, And we will do it by June."


def test_an_anonymous_source_stays_anonymous_and_unknown_articles_have_no_metadata():
    speaker = {"name": "officials", "role": None, "mention": "officials", "anonymous": True}
    row = from_extract_line(_line(article="other.txt", speaker=speaker, kind="indirect"), ARTICLES)
    assert row["speaker"] is None and row["role"] == "officials" and row["kind"] == "indirect"
    assert row["outlet"] is None and row["url"] is None and row["ref"] == "other.txt:120-184"


def test_only_lines_with_an_article_and_a_speaker_object_are_extract_lines():
    assert is_extract_line(_line())
    assert not is_extract_line({"text": "x", "speaker": "Dana Whitfield"})
    assert not is_extract_line({"text": "x", "speaker": {"name": "Dana"}})


@pytest.mark.parametrize(
    ("changes", "reason"),
    [({"text": ""}, "text"), ({"kind": "rumour"}, "kind"), ({"said_on": "last week"}, "said_on")],
)
def test_a_bad_extract_line_is_refused_with_the_field_named(changes, reason):
    with pytest.raises(ValueError, match=reason):
        parse_line(json.dumps(_line(**changes)).encode(), ARTICLES)


def test_a_batch_output_folder_imports_its_parts_with_metadata_once(tmp_path):
    output = tmp_path / "out"
    (output / "statements").mkdir(parents=True)
    (output / "articles").mkdir()
    second = _line(text="Council member Raj Patel said the town would borrow", start=200, end=251)
    (output / "statements" / "part-00000").write_text(json.dumps(_line()) + "\n")
    (output / "statements" / "part-00001").write_text(json.dumps(second) + "\n{broken\n")
    (output / "statements" / "_SUCCESS").write_text("")
    articles = [{"article": "in/bridge.txt", "original_outlet": None, **ARTICLES["in/bridge.txt"]}]
    (output / "articles" / "part-00000").write_text("\n".join(map(json.dumps, articles)) + "\nnot json\n")
    assert article_metadata(output) == ARTICLES
    sources = import_sources(str(output))
    assert [file for file, _ in sources] == [str(output / "statements" / f"part-0000{i}") for i in (0, 1)]
    assert import_sources("plain.jsonl") == [("plain.jsonl", None)]
    store = SqliteStore(tmp_path / "store.sqlite3")
    try:
        reports = [import_file(store, file, articles=meta) for file, meta in sources * 2]
        assert [(r.added, r.skipped, r.bad) for r in reports] == [(1, 0, 0), (1, 0, 1), (0, 1, 0), (0, 1, 1)]
        quotes, total = store.list_quotes()
        assert total == 2
        assert {q.article.outlet for q in quotes} == {"Riverton Gazette"}
        assert {q.speaker.name for q in quotes} == {"Dana Whitfield"}
    finally:
        store.close()
