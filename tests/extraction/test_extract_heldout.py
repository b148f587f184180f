"""Regression floors for extraction on the held-out style fixtures, scored by the bench's rules."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from service.cli.extract import article_row, quote_row
from service.extraction import extract

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("extract_eval", ROOT / "bench" / "extract_eval.py")
extract_eval = importlib.util.module_from_spec(_spec)
sys.modules["extract_eval"] = extract_eval  # dataclasses look their module up while the bench loads
_spec.loader.exec_module(extract_eval)

# Measured at cccd3de over 15 articles (direct 1.000, reported 0.833, precision 0.985, named 0.938,
# said_on 0.316, said_on where the day is named beside the statement 0.875); each floor sits a little
# below the figure and never below the target where the code already meets it.
FLOORS = {
    "direct_recall": 0.97,
    "reported_recall": 0.95,  # 1.000 (90/90) at 8bc5d7e: bare clauses, '... and said', relative subjects
    "precision": 0.97,  # 1.000 (221/221) at 8bc5d7e
    "named_speaker": 0.96,  # 1.000 (189/189) at 8bc5d7e: quoted titles and statement content never he/she
    "anonymous_speaker": 0.9,  # 1.000 (13/13) at 8bc5d7e
    "said_on_in_sentence": 0.93,
    "said_on": 0.93,  # 1.000 at ccf0301 (the lead's occasion dates undated statements)
}
METADATA_FLOOR = 0.97  # 1.000 (38/38) at ccf0301: US slashed dates, station mastheads over owners

# The second, fresh set (issue 2): first run before any fix read direct 0.880, reported 0.920, precision
# 0.993, named 0.965, anonymous 0.833, said_on 0.529, metadata 0.821. Floors sit a little under the figures
# after the fixes (direct 0.976, reported 1.000, precision 0.993, named 1.000, anonymous 1.000 (8/8),
# said_on 0.889, in sentence 1.000, metadata 1.000).
FLOORS2 = {
    "direct_recall": 0.95,
    "reported_recall": 0.95,
    "precision": 0.97,
    "named_speaker": 0.97,
    "anonymous_speaker": 0.85,
    "said_on_in_sentence": 0.9,
    "said_on": 0.85,
}
METADATA_FLOOR2 = 0.96
# The third set (issue 13): British and wire copy written for the attribution errors the issue names (a
# quote continued after a paragraph break, "the prime minister", datelines, "was quoted by ... as saying",
# "the party"/"the group" for a named body, words passed on second-hand, colon and dash attributions).
# First run read direct 1.000, reported 0.976, precision 0.938, named 0.828, anonymous 0.833; after the fixes
# direct 1.000, reported 1.000, precision 0.984, named 0.983 (59/60), anonymous 1.000 (6/6), metadata 1.000.
FLOORS3 = {
    "direct_recall": 0.95,
    "reported_recall": 0.95,
    "precision": 0.95,
    "named_speaker": 0.97,  # 1.000 (60/60) once "his wife" is a woman and passes on his words
    "anonymous_speaker": 0.83,
}
METADATA_FLOOR3 = 0.93
# The fourth set (issue 13, written before any fix for it): British broadsheet, regional and court copy and
# Reuters/AP/AFP wire copy from 1987 to 2025, for the same error classes in other wordings ("the PM",
# "the first minister replied:", "The ministry added that", "Tass quoted X as saying that", "Sir Hugh said",
# single marks). First run (11 articles, 135 statements) read direct 0.912, reported 0.962, precision 0.984,
# named 0.820, anonymous 1.000, metadata 1.000; after quotes in single marks, knights by given name, bodies
# of the noun's kind and offices printed before a comma: direct 1.000, reported 0.962, precision 0.984, named
# 0.974 (113/116); after "Tass quoted X as saying (that)" and words passed on after an appositive name,
# reported 1.000 (78/78), precision 1.000 (124/124), named 0.992 (118/119).
FLOORS4 = {
    "direct_recall": 0.97,
    "reported_recall": 0.97,
    "precision": 0.97,
    "named_speaker": 0.97,
    "anonymous_speaker": 0.9,
}
METADATA_FLOOR4 = 0.95
# The fifth set (issue 13, written and annotated before any fix for it, before reading the extraction code):
# Australian, Irish, Indian, Canadian and South African copy, a BBC-style live page, tabloid copy, an inquest,
# 1970s wire copy, a sports press conference and an obituary (11 articles, 186 required statements). First run
# read direct 0.986, reported 0.973, precision 0.994, named 0.861 (143/166), anonymous 0.812 (13/16),
# metadata 0.885: the misses are speakers ("the Taoiseach", "The CM", "the party"/"the board"/"the utility"
# for a named body, "the chancellor" against the shadow chancellor, "the 31-year-old", words passed on).
# After offices by their own name, bare body nouns, qualified offices, particles in surnames, ages, kin and
# "told pals"/"told the inquest": direct 0.986 (72/73), reported 0.982 (111/113), precision 0.994 (171/172),
# named 0.994 (166/167), anonymous 0.938 (15/16), metadata 0.885.
FLOORS5 = {
    "direct_recall": 0.97,
    "reported_recall": 0.95,
    "precision": 0.97,
    "named_speaker": 0.97,
    "anonymous_speaker": 0.9,
}
METADATA_FLOOR5 = 0.85
SETS = {  # name -> (folder, floors, metadata floor, allowed number of articles)
    "heldout": (extract_eval.FIXTURES, FLOORS, METADATA_FLOOR, (12, 15)),
    "heldout2": (extract_eval.FIXTURES2, FLOORS2, METADATA_FLOOR2, (10, 10)),
    "heldout3": (extract_eval.FIXTURES3, FLOORS3, METADATA_FLOOR3, (7, 7)),
    "heldout4": (extract_eval.FIXTURES4, FLOORS4, METADATA_FLOOR4, (11, 12)),
    "heldout5": (extract_eval.FIXTURES5, FLOORS5, METADATA_FLOOR5, (11, 12)),
}
SET_FIGURES = [(name, figure) for name, spec in SETS.items() for figure in sorted(spec[1])]


@pytest.fixture(scope="module", params=sorted(SETS))
def fixtures(request):
    """The gold file and article texts of one held-out set (its name as request.param)."""
    return extract_eval.load_fixtures(SETS[request.param][0])


@pytest.fixture(scope="module")
def loaded():
    """Every set's gold and texts, loaded once for the per-figure floors."""
    return {name: extract_eval.load_fixtures(spec[0]) for name, spec in SETS.items()}


@pytest.fixture(scope="module")
def reports(loaded):
    """Every set's extraction, scored as the bench scores the CLI's rows."""
    out = {}
    for name, (gold, bodies) in loaded.items():
        rows = [quote_row(n, quote, text) for n, text in bodies.items() for quote in extract(text).quotes]
        out[name] = extract_eval.score(gold, bodies, rows)
    return out


@pytest.mark.parametrize(("held_out", "figure"), SET_FIGURES, ids=[f"{n}-{f}" for n, f in SET_FIGURES])
def test_figure_stays_above_floor(reports, held_out, figure):
    ratio, floor = reports[held_out].ratio(figure), SETS[held_out][1][figure]
    assert ratio >= floor, f"{held_out} {figure} fell to {ratio:.3f}"


@pytest.mark.parametrize("held_out", sorted(SETS))
def test_metadata_stays_above_floor(loaded, held_out):
    gold, bodies = loaded[held_out]
    rows = [article_row(name, extract(text).meta) for name, text in bodies.items()]
    right, checked, misses = extract_eval.score_metadata(gold, rows)
    assert right / checked >= SETS[held_out][2], misses


@pytest.mark.parametrize("held_out", sorted(SETS))
def test_no_negative_is_extracted(reports, held_out):
    report = reports[held_out]
    assert report.negatives == 0, [m for m in report.misses if m.startswith("[negative]")]


@pytest.mark.parametrize("held_out", sorted(SETS))
def test_offsets_hold_the_extracted_text(reports, held_out):
    report = reports[held_out]
    assert report.inexact_offsets == 0
    assert not [m for m in report.misses if m.startswith("[offsets]")]


@pytest.mark.parametrize("held_out", sorted(SETS))
def test_gold_is_well_formed(loaded, held_out):
    gold, bodies = loaded[held_out]
    fewest, most = SETS[held_out][3]
    assert fewest <= len(bodies) <= most
    for name, text in bodies.items():
        assert 300 <= len(text.split()) <= 900, name
    ids = [g["id"] for g in gold["quotes"]]
    assert len(ids) == len(set(ids))
    for g in gold["quotes"]:
        assert g["kind"] in ("direct", "indirect", "mixed"), g["id"]
        assert g["text"] in bodies[g["article"]], g["id"]
        assert g["aliases"] and all(alias.strip() for alias in g["aliases"]), g["id"]
        assert g["said"] is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", g["said"]), g["id"]
    for neg in gold["negatives"]:
        assert neg["text"] in bodies[neg["article"]], neg["text"]


def _perfect_rows(gold, bodies, article):
    rows = []
    for g in gold["quotes"]:
        if g["article"] == article:
            at = bodies[article].find(g["text"])
            who = {"name": g["speaker"], "role": g["role"], "mention": None, "anonymous": False}
            rows.append(
                {
                    "article": article,
                    "text": g["text"],
                    "start": at,
                    "end": at + len(g["text"]),
                    "kind": g["kind"],
                    "speaker": who,
                    "said_on": g["said"],
                }
            )
    return rows


def test_scorer_gives_full_marks_to_the_gold_itself(fixtures):
    gold, bodies = fixtures
    article = sorted(bodies)[0]
    one = {"quotes": [g for g in gold["quotes"] if g["article"] == article], "negatives": []}
    result = extract_eval.score(one, {article: bodies[article]}, _perfect_rows(gold, bodies, article))
    assert result.ratio("direct_recall") == result.ratio("precision") == result.ratio("named_speaker") == 1.0


@pytest.mark.parametrize(
    ("damage", "figure"),
    [
        (lambda row: {**row, "speaker": {"name": "Someone Else"}}, "named_speaker"),
        (
            lambda row: {
                **row,
                "end": row["start"] + len(row["text"]) // 3,
                "text": row["text"][: len(row["text"]) // 3],
            },
            "direct_recall",
        ),
        (lambda row: {**row, "said_on": "1999-01-01"}, "said_on"),
    ],
)
def test_scorer_notices_damage(fixtures, damage, figure):
    gold, bodies = fixtures
    article = sorted(bodies)[0]
    one = {"quotes": [g for g in gold["quotes"] if g["article"] == article], "negatives": []}
    rows = [damage(row) for row in _perfect_rows(gold, bodies, article)]
    assert extract_eval.score(one, {article: bodies[article]}, rows).ratio(figure) < 0.5
