"""`python -m service match` and `python -m service openapi`: the command-line faces of the API."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from service.__main__ import main
from service.cli.match import format_table

FIXTURE_CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus"


@pytest.fixture
def fixture_env(monkeypatch, tmp_path):
    """CLI commands read settings from the environment: point them at the fixture corpus."""
    monkeypatch.setenv("CLAIMTRACE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CLAIMTRACE_CORPUS_DIR", str(FIXTURE_CORPUS))
    monkeypatch.setenv("CLAIMTRACE_LOAD_CORPUS", "1")


def test_match_prints_a_table_best_first(fixture_env, capsys):
    assert main(["match", "more than 4.2 million containers in 2023", "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["score", "speaker", "said_on", "outlet", "text"]
    assert "Maria Lopez" in lines[2] and "4.2 million" in lines[2]
    assert lines[-1].startswith(("1 match", "2 match", "3 match"))


def test_match_runs_without_the_web_stack(fixture_env):
    # A fresh interpreter: the command goes through the service layer and never imports Flask.
    script = (
        "import sys; from service.__main__ import main; code = main(['match', 'new cases in May']);"
        "print(code, 'flask' in sys.modules, 'flask_smorest' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "0 False False"


def test_match_json_is_the_api_answer(fixture_env, capsys):
    assert main(["match", "We recorded 3,500 new cases in May", "--json", "--limit", "2"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["claim"] == "We recorded 3,500 new cases in May"
    assert 1 <= len(body["matches"]) <= 2
    assert "Watanabe" in body["matches"][0]["quote"]["speaker"]["name"]


@pytest.mark.parametrize(
    "argv", [["match", "   "], ["match", "x", "--limit", "0"], ["match", "x", "--min-score", "101"]]
)
def test_match_refuses_bad_input_with_exit_status_2(fixture_env, capsys, argv):
    assert main(argv) == 2
    assert capsys.readouterr().err.strip()


def test_table_cuts_long_cells_and_shows_missing_values():
    body = {
        "claim": "c",
        "took_ms": 3.2,
        "matches": [
            {
                "score": 71.234,
                "quote": {"text": "word " * 100, "said_on": None, "speaker": {"name": None}, "article": None},
            }
        ],
    }
    lines = format_table(body, columns=100).splitlines()
    assert all(len(line) <= 100 for line in lines)
    assert lines[2].startswith(" 71.2  -")
    assert lines[2].endswith("…")


def test_table_says_when_nothing_matches():
    assert (
        format_table({"claim": "nothing", "matches": [], "took_ms": 1}) == "No statement matches 'nothing'."
    )


def test_openapi_command_writes_the_committed_document(tmp_path, capsys):
    out = tmp_path / "openapi.yaml"
    assert main(["openapi", "-o", str(out)]) == 0
    assert yaml.safe_load(out.read_text())["openapi"].startswith("3.")
    assert main(["openapi"]) == 0
    assert capsys.readouterr().out == out.read_text()


def test_table_shows_near_misses_when_nothing_reaches_min_score():
    near = {
        "score": 12.5,
        "quote": {"text": "the closest", "said_on": None, "speaker": {"name": "X"}, "article": None},
    }
    body = {
        "claim": "c",
        "matches": [],
        "near_misses": [near],
        "message": "No statement scores 30 or more.",
        "took_ms": 1,
    }
    lines = format_table(body, columns=100).splitlines()
    assert lines[0] == "No statement scores 30 or more."
    assert lines[1] == "Near misses:"
    assert lines[4].startswith(" 12.5  X") and lines[4].endswith("the closest")


@pytest.mark.parametrize("command", [["match", "foreign fighters"], ["reindex"]])
def test_a_database_that_cannot_be_reached_is_named_in_one_line(fixture_env, monkeypatch, capsys, command):
    # Port 1 on the loopback refuses at once: no PostgreSQL server is needed to see the refusal.
    monkeypatch.setenv("CLAIMTRACE_DATABASE_URL", "postgresql://reader:s3cret@127.0.0.1:1/claims")
    assert main(command) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "CLAIMTRACE_DATABASE_URL" in err
    assert "s3cret" not in err  # the password never reaches the terminal
