"""Extraction throughput on generated wire copy, plus recall figures on what the generator planted.

Usage: .venv/bin/python bench/extract_bench.py [--articles 3000] [--seed 7] [--texts GLOB]

With --texts (e.g. '../shared/data/polnear/train/text/*.txt', read at bench time, never copied here) it
first times real articles too: articles per CPU second with and without the parser's one-off start-up,
and the parser's share (see extract_real.py). --articles 0 skips the generated copy.

Prints articles per second on one core for extract() and for a baseline measured in the same run
(split_blocks + read_metadata, the work every article needs before any statement is read), their
ratio, and how many of the planted statements were found with the planted speaker. Also scores
the wire fixtures in tests/fixtures/articles. Figures only; no assertion beyond exit status 0.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract_real import report as report_real  # noqa: E402

from service.extraction import extract  # noqa: E402
from service.extraction.layout.clean import split_blocks  # noqa: E402
from service.extraction.layout.metadata import read_metadata  # noqa: E402

FIRST = [
    "Anna",
    "Boris",
    "David",
    "Elena",
    "Farid",
    "Grace",
    "Hassan",
    "Irina",
    "James",
    "Karen",
    "Luis",
    "Maria",
]
LAST = [
    "Alvarez",
    "Becker",
    "Chen",
    "Dmitriev",
    "Ellis",
    "Farouk",
    "Garcia",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Novak",
]
TITLES = [
    "Deputy Foreign Minister",
    "Defense Secretary",
    "Interior Minister",
    "Sen.",
    "Gov.",
    "Mayor",
    "Police Chief",
    "Finance Minister",
    "U.S. Ambassador",
]
ROLES = ["a spokeswoman for the ministry", "the head of the agency", "an economist at the central bank"]
ORGS = ["The State Department", "The Pentagon", "The Interior Ministry", "The company", "Police"]
CITIES = ["WASHINGTON", "LONDON", "MOSCOW", "CHICAGO", "BEIRUT", "GENEVA", "PHOENIX"]
WHEN = ["on Monday", "on Tuesday", "on Wednesday", "Thursday", "last week", "in a statement", ""]
SUBJECTS = [
    "the government",
    "the talks",
    "the new law",
    "the budget",
    "the ceasefire",
    "the company",
    "prices",
]
VERBS = [
    "would collapse",
    "had stalled",
    "was working",
    "could fall",
    "will resume",
    "has failed",
    "might recover",
]
OBJECTS = [
    "by the end of the year",
    "despite the pressure",
    "after the election",
    "within weeks",
    "in the north",
]
BACKGROUND_SUBJECTS = [
    "The conflict",
    "The dispute",
    "The crisis",
    "The shortage",
    "The strike",
    "The program",
]
BACKGROUND_VERBS = ["has displaced", "has cost", "has affected", "has drawn in", "has angered", "has hurt"]
BACKGROUND_OBJECTS = [
    "more than a million people",
    "thousands of families",
    "dozens of towns",
    "several ministries",
]
BACKGROUND_TAILS = [
    "since it began",
    "in the past year",
    "across the region",
    "since the spring",
    "this month",
]
HEADLINE_NOUNS = ["Talks", "Budget", "Ceasefire", "Strike", "Inquiry", "Vote", "Deal", "Plan"]
HEADLINE_VERBS = ["stall", "falter", "resume", "advance", "collapse", "stumble"]
HEADLINE_TAILS = ["amid new tensions", "as deadline nears", "after long night", "despite warnings"]


def _background(rng: random.Random) -> str:
    return (
        f"{rng.choice(BACKGROUND_SUBJECTS)} {rng.choice(BACKGROUND_VERBS)} {rng.choice(BACKGROUND_OBJECTS)} "
        f"{rng.choice(BACKGROUND_TAILS)}, and {rng.randrange(2, 90)} "
        f"{rng.choice(['cases', 'claims', 'votes'])} remain open."
    )


def _clause(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"


def _quote(rng: random.Random) -> str:
    return f"We believe {_clause(rng)}, and we will say so clearly"


def make_article(rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    """One wire-style article and the statements planted in it as (text, speaker surname or org)."""
    # Five speakers, each with quotes, reported speech and background: about 3,500 characters, wire length.
    people = [(rng.choice(TITLES), rng.choice(FIRST), last) for last in rng.sample(LAST, 5)]
    planted: list[tuple[str, str]] = []
    paras = [
        f"{rng.choice(HEADLINE_NOUNS)} {rng.choice(HEADLINE_VERBS)} {rng.choice(HEADLINE_TAILS)}",
        f"By {rng.choice(FIRST).upper()} {rng.choice(LAST).upper()} Associated Press",
    ]
    lede = _clause(rng)
    title, first, last = people[0]
    paras.append(
        f"{rng.choice(CITIES)} (AP) \u2014 {lede.capitalize()}, {title} {first} {last} said {WHEN[0]}."
    )
    planted.append((lede.capitalize(), last))
    for title, first, last in people:
        q1, q2, clause = _quote(rng), _quote(rng), _clause(rng)
        style = rng.randrange(5)
        if style == 0:
            paras.append(
                f"\u201c{q1},\u201d {title} {first} {last} said {rng.choice(WHEN)}.".replace(" .", ".")
            )
            planted.append((q1, last))
        elif style == 1:
            paras.append(f'"{q1}," said {first} {last}, {rng.choice(ROLES)}.')
            planted.append((q1, last))
        elif style == 2:
            paras.append(f"\u201c{q1},\u201d {first} {last} said. \u201c{q2}.\u201d")
            planted += [(q1, last), (q2 + ".", last)]
        elif style == 3:
            paras.append(f"{title} {first} {last} said {rng.choice(WHEN[:4])} that {clause}.")
            planted.append((clause, last))
        else:
            paras.append(f"According to {title} {first} {last}, {clause}.")
            planted.append((clause, last))
        paras.append(_background(rng) + " " + _background(rng))
        clause = _clause(rng)
        paras.append(f"{clause.capitalize()}, {last} said.")
        planted.append((clause.capitalize(), last))
    org, clause = rng.choice(ORGS), _clause(rng)
    paras.append(f"{org} said in a statement that {clause}.")
    planted.append((clause, org.replace("The ", "")))
    paras.append(_background(rng) + " " + _background(rng))
    paras.append("Copyright 2024 The Associated Press. All rights reserved.")
    return "\n\n".join(paras) + "\n", planted


def _recall(articles) -> tuple[float, float, int]:
    found = attributed = total = 0
    for text, planted in articles:
        quotes = extract(text).quotes
        for want, speaker in planted:
            total += 1
            at = text.find(want)
            hit = next((q for q in quotes if q.start <= at + len(want) // 2 < q.end), None)
            found += hit is not None
            attributed += hit is not None and speaker.lower() in (hit.speaker.name or "").lower()
    return found / total, attributed / total, total


def _fixture_figures() -> tuple[float, float, float, int, int]:
    found = attributed = correct = total = wanted = 0
    for path in sorted((ROOT / "tests" / "fixtures" / "articles").glob("wire_*.txt")):
        text = path.read_text(encoding="utf-8")
        spec = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        spans = [(text.find(s["text"]), text.find(s["text"]) + len(s["text"]), s) for s in spec["statements"]]
        quotes = extract(text).quotes
        for start, end, s in spans:
            wanted += 1
            best = max(quotes, key=lambda q: min(q.end, end) - max(q.start, start), default=None)
            if best and min(best.end, end) - max(best.start, start) >= 0.6 * (end - start):
                found += 1
                attributed += s["speaker"].lower() in (best.speaker.name or "").lower()
        for q in quotes:
            total += 1
            inside = sum(max(0, min(q.end, e) - max(q.start, s)) for s, e, _ in spans)
            correct += inside >= 0.5 * (q.end - q.start)
    return found / wanted, attributed / wanted, correct / total, wanted, total


def _rate(func, texts) -> tuple[float, float]:
    """Articles per CPU second (what one core does, whatever else the machine runs) and per wall second."""
    cpu, wall = time.process_time(), time.perf_counter()
    for text in texts:
        func(text)
    return len(texts) / (time.process_time() - cpu), len(texts) / (time.perf_counter() - wall)


def _baseline(text: str) -> None:
    read_metadata(text, split_blocks(text))


def main() -> int:
    """Generate, time and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--texts", help="a glob of real article files to time as well (read, not stored)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    if args.texts:
        print(f"load average before timing: {os.getloadavg()[0]:.2f}")
        report_real(args.texts)  # first, so the parser's start-up is timed here
    if args.articles <= 0:
        return 0
    rng = random.Random(args.seed)
    articles = [make_article(rng) for _ in range(args.articles)]
    texts = [text for text, _ in articles]
    chars = sum(map(len, texts)) / len(texts)
    extract(texts[0])  # warm imports and regex caches outside the timing
    base = _rate(_baseline, texts)
    full = _rate(extract, texts)
    statements = sum(len(extract(t).quotes) for t in texts[:200]) / min(200, len(texts))
    recall, attributed, planted = _recall(articles[:500])
    print(f"generated {len(texts)} articles, {chars:.0f} chars each on average (seed {args.seed})")
    print(f"load average before timing: {os.getloadavg()[0]:.2f}")
    print(f"baseline split_blocks+read_metadata: {base[0]:8.1f} articles/CPU-s  ({base[1]:.1f}/s wall)")
    print(
        f"extract():                           {full[0]:8.1f} articles/CPU-s  ({full[1]:.1f}/s wall, "
        f"{1000 / full[0]:.2f} CPU-ms/article)"
    )
    print(
        f"extract() / baseline speed ratio:    {full[0] / base[0]:8.3f}  (target: extract >= 200 articles/s)"
    )
    print(f"statements per article: {statements:.1f}")
    print(
        f"generated text: recall {recall:.3f}, attributed {attributed:.3f} over {planted} planted statements"
    )
    f_recall, f_attr, f_prec, wanted, total = _fixture_figures()
    print(
        f"wire fixtures: recall {f_recall:.3f}, attributed {f_attr:.3f}, precision {f_prec:.3f} "
        f"({wanted} expected, {total} extracted)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
