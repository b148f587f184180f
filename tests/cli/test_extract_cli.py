"""`python -m service extract`: the JSON Lines contract a scorer depends on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from service.__main__ import main

ROOT = Path(__file__).resolve().parents[2]
WIRE = ROOT / "tests" / "fixtures" / "articles" / "wire_diplomacy.txt"


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_statements_follow_the_contract(capsys):
    assert main(["extract", str(WIRE)]) == 0
    rows = _lines(capsys.readouterr().out)
    text = WIRE.read_text(encoding="utf-8")
    assert len(rows) >= 10
    for row in rows:
        assert set(row) == {
            "article",
            "text",
            "start",
            "end",
            "parts",
            "kind",
            "speaker",
            "cue",
            "said_on",
            "venue",
        }
        assert set(row["speaker"]) == {"name", "role", "mention", "anonymous", "affiliation"}
        assert row["article"] == str(WIRE)
        assert row["kind"] in ("direct", "indirect", "mixed")
        assert row["text"] == " ".join(text[row["start"] : row["end"]].split())
        assert row["parts"][0]["start"] == row["start"] and row["parts"][-1]["end"] == row["end"]
        for part in row["parts"]:
            assert part["text"] == " ".join(text[part["start"] : part["end"]].split())


def test_a_split_quote_is_one_line_with_its_parts(tmp_path, capsys):
    path = tmp_path / "pier.txt"
    path.write_text(
        "Pier to reopen\n\n\u201cWe will rebuild the pier,\u201d Mayor Ana Ruiz said on Monday. "
        "\u201cAnd we will do it by June.\u201d\n",
        encoding="utf-8",
    )
    assert main(["extract", str(path)]) == 0
    (row,) = _lines(capsys.readouterr().out)
    assert [part["text"] for part in row["parts"]] == [
        "We will rebuild the pier,",
        "And we will do it by June.",
    ]
    assert row["text"].startswith(
        "We will rebuild the pier,\u201d Mayor Ana Ruiz said"
    )  # the span, as offsets say
    assert row["speaker"]["name"] == "Ana Ruiz"


def test_articles_mode_prints_one_metadata_line_per_article(capsys):
    assert main(["extract", "--articles", str(WIRE), str(WIRE)]) == 0
    rows = _lines(capsys.readouterr().out)
    assert len(rows) == 2
    assert set(rows[0]) == {"article", "title", "published", "outlet", "original_outlet"}
    assert rows[0]["title"] == "U.S., Russia trade blame as Syria talks stall"


@pytest.mark.parametrize("bad", ["does-not-exist.txt", "tests"])
def test_bad_paths_exit_2_and_the_rest_are_still_processed(bad, capsys):
    assert main(["extract", bad, str(WIRE)]) == 2
    captured = capsys.readouterr()
    assert bad in captured.err
    assert _lines(captured.out)


def test_offsets_count_characters_of_the_utf8_text(tmp_path, capsys):
    path = tmp_path / "crlf.txt"
    article = (
        "Caf\u00e9 reopens after flood repairs\r\n\r\n"
        "PARIS (AP) \u2014 A caf\u00e9 destroyed by floods in the spring will reopen next week "
        "after months of work.\r\n\r\n"
        "\u201cWe will open on Monday,\u201d owner Jean Dupont said.\r\n"
    )
    path.write_bytes(article.encode())
    assert main(["extract", str(path)]) == 0
    (row,) = _lines(capsys.readouterr().out)
    text = path.read_bytes().decode("utf-8")
    assert text[row["start"] : row["end"]] == "We will open on Monday"
    assert row["speaker"]["name"] == "Jean Dupont"


def test_runs_as_a_module():
    proc = subprocess.run(
        [sys.executable, "-m", "service", "extract", str(WIRE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and _lines(proc.stdout)


def test_an_extraction_error_is_reported_and_the_rest_still_processed(monkeypatch, capsys):
    from service.cli import extract as command

    real = command.extract

    def flaky(text):
        if "Talks on ending the war" in text:
            raise ValueError("boom")
        return real(text)

    monkeypatch.setattr(command, "extract", flaky)
    other = ROOT / "tests" / "fixtures" / "articles" / "wire_court.txt"
    assert main(["extract", str(WIRE), str(other)]) == 1
    captured = capsys.readouterr()
    assert "boom" in captured.err and str(WIRE) in captured.err
    assert {row["article"] for row in _lines(captured.out)} == {str(other)}
