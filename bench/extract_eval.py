"""Held-out style evaluation of statement extraction on a fixture folder (default tests/fixtures/heldout).

Usage: .venv/bin/python bench/extract_eval.py [--fixtures DIR] [--quiet] [--cross-check]
       .venv/bin/python bench/extract_eval.py --fixtures tests/fixtures/heldout2   # the fresh second set

Runs `python -m service extract` on every article of the fixture folder and scores it against the
gold file beside them (the folder's one `*-quotes.json`) with the shared scorer's rules: a gold
statement is found when one extracted quote of the same article covers at least 60% of its
characters; attributed when that quote's speaker name holds one of the gold aliases (name, mention
or role for anonymous sources); an extracted quote is correct when at least half of it lies inside
gold spans. Prints direct recall, reported (indirect + mixed) recall, precision, named-speaker
accuracy, said_on accuracy, negatives, then every miss. --cross-check also runs
/work/shared/eval/score_extraction.py when it is present.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "heldout"
FIXTURES2 = ROOT / "tests" / "fixtures" / "heldout2"
FIXTURES3 = ROOT / "tests" / "fixtures" / "heldout3"  # British and wire copy (issue 13)
FIXTURES4 = ROOT / "tests" / "fixtures" / "heldout4"  # more British and wire copy, 1980s to today (issue 13)
FIXTURES5 = ROOT / "tests" / "fixtures" / "heldout5"  # Commonwealth, live page, tabloid, 1970s (issue 13)
SHARED_EVAL = Path("/work/shared/eval")
TARGETS = {"direct_recall": 0.95, "reported_recall": 0.75, "precision": 0.90, "named_speaker": 0.90}

_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "′": "'"})


def norm(text: str | None) -> str:
    """Lower-cased, quote-folded, whitespace-collapsed text, as the shared scorer compares spans."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTE_MARKS).lower()
    return re.sub(r"\s+", " ", text).strip(" \"'.,;:")


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two half-open spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def locate(body: str, quote: dict) -> tuple[int, int, bool] | None:
    """Span of an extracted quote: its own offsets when they hold its text, else a search; None if absent."""
    start, end = quote.get("start"), quote.get("end")
    offsets_hold = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body)
    if offsets_hold and norm(body[start:end]) == norm(quote.get("text")):
        return start, end, True
    at = body.find(quote.get("text") or "\0")
    if at >= 0:
        return at, at + len(quote["text"]), False
    collapsed = " ".join((quote.get("text") or "").split())
    at = " ".join(body.split()).find(collapsed) if collapsed else -1
    return None if at < 0 else (at, at + len(collapsed), False)


def is_anonymous(gold: dict) -> bool:
    """The shared gold marks unnamed sources by 'anonymous' in the speaker field."""
    return "anonymous" in gold["speaker"]


def speaker_ok(quote: dict, gold: dict) -> bool:
    """The shared scorer's rule: a gold alias inside the name (or name/mention/role for anonymous sources)."""
    who = quote.get("speaker") or {}
    fields = ("name", "mention", "role") if is_anonymous(gold) else ("name",)
    hay = " ".join(str(who.get(k) or "") for k in fields).lower()
    return any(alias.lower() in hay for alias in gold["aliases"])


@dataclass
class Report:
    """Counts and misses of one scoring run; ratios are properties so empty groups read as None."""

    counts: dict[str, list[int]] = field(default_factory=dict)  # name -> [hits, total]
    negatives: int = 0
    extracted: int = 0
    inexact_offsets: int = 0
    misses: list[str] = field(default_factory=list)
    per_article: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    def tally(self, name: str, hit: bool, article: str | None = None) -> None:
        """Count one trial of a figure, overall and for its article."""
        for table in (self.counts, self.per_article.setdefault(article, {}) if article else None):
            if table is not None:
                pair = table.setdefault(name, [0, 0])
                pair[0] += bool(hit)
                pair[1] += 1

    def ratio(self, name: str) -> float | None:
        """hits / total for a figure, None when nothing was counted."""
        hits, total = self.counts.get(name, [0, 0])
        return hits / total if total else None


def _short(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _who(quote: dict) -> str:
    who = quote.get("speaker") or {}
    return f"{who.get('name')!r} (mention {who.get('mention')!r})"


def score(gold: dict, bodies: dict[str, str], extracted: list[dict]) -> Report:
    """Score extracted statements (CLI rows) against the gold file's statements and negatives."""
    report = Report()
    found_in: dict[str, list[tuple[tuple[int, int], dict]]] = {name: [] for name in bodies}
    for quote in extracted:
        name = Path(str(quote.get("article", ""))).name
        if name not in bodies:
            continue
        where = locate(bodies[name], quote)
        report.extracted += 1
        if where is None:
            report.misses.append(
                f"[offsets] {name}: extracted text not in article: {_short(quote.get('text'))!r}"
            )
            continue
        report.inexact_offsets += not where[2]
        found_in[name].append(((where[0], where[1]), quote))

    gold_spans: dict[str, list[tuple[int, int]]] = {name: [] for name in bodies}
    for g in gold["quotes"]:
        at = bodies[g["article"]].find(g["text"])
        if at < 0:
            raise ValueError(f"gold {g['id']} text not in {g['article']}: {g['text'][:60]!r}")
        g["span"] = (at, at + len(g["text"]))
        gold_spans[g["article"]].append(g["span"])

    for g in gold["quotes"]:
        article, span = g["article"], g["span"]
        best = max(found_in[article], key=lambda sq: overlap(sq[0], span), default=None)
        found = best is not None and overlap(best[0], span) >= 0.6 * (span[1] - span[0])
        if not g["required"]:
            report.tally("optional_found", found, article)
            continue
        group = "direct_recall" if g["kind"] == "direct" else "reported_recall"
        report.tally(group, found, article)
        if not found:
            near = (
                f"nearest extracted {_short(best[1].get('text'), 70)!r}"
                if best and overlap(best[0], span)
                else "nothing"
            )
            report.misses.append(
                f"[{group.split('_')[0]} miss] {g['id']} {article} {g['kind']} by {g['speaker']}: "
                f"{_short(g['text'])!r}; {near}"
            )
            continue
        quote = best[1]
        attributed = speaker_ok(quote, g)
        report.tally("anonymous_speaker" if is_anonymous(g) else "named_speaker", attributed, article)
        if not attributed:
            report.misses.append(
                f"[speaker] {g['id']} {article}: expected {g['speaker']!r}, got {_who(quote)} "
                f"for {_short(g['text'], 60)!r}"
            )
        if g.get("said"):
            dated = str(quote.get("said_on") or "").startswith(g["said"])
            report.tally("said_on", dated, article)
            if g.get("said_basis") == "sentence":  # the day is named beside the statement, not inferred
                report.tally("said_on_in_sentence", dated, article)
            if not dated:
                report.misses.append(
                    f"[said_on] {g['id']} {article}: expected {g['said']}, got "
                    f"{quote.get('said_on')!r} for {_short(g['text'], 60)!r}"
                )

    for name, items in found_in.items():
        for span, quote in items:
            inside = sum(overlap(span, gs) for gs in gold_spans[name])
            correct = inside >= 0.5 * (span[1] - span[0])
            report.tally("precision", correct, name)
            if not correct:
                report.misses.append(
                    f"[false positive] {name}: {quote.get('kind')} {_short(quote.get('text'))!r} "
                    f"by {_who(quote)}"
                )
    for neg in gold["negatives"]:
        hits = [q for _, q in found_in[neg["article"]] if norm(q.get("text")) == norm(neg["text"])]
        report.negatives += len(hits)
        if hits:
            report.misses.append(f"[negative] {neg['article']}: extracted {neg['text']!r} ({neg['why']})")
    return report


def score_metadata(gold: dict, rows: list[dict]) -> tuple[int, int, list[str]]:
    """Title, published prefix and (where the text names it) outlet per article: (right, checked, misses)."""
    by_name = {Path(str(row.get("article"))).name: row for row in rows}
    right = checked = 0
    misses = []
    for name, want in gold["articles"].items():
        got = by_name.get(name, {})
        published = str(got.get("published") or "")
        checks = {
            "title": norm(got.get("title")) == norm(want["title"]),
            "published": published.startswith(want["published"]) if want["published"] else not published,
        }
        if want["outlet_in_text"]:
            checks["outlet"] = norm(got.get("outlet")) == norm(want["outlet"])
        right += sum(checks.values())
        checked += len(checks)
        for field_name in (k for k, ok in checks.items() if not ok):
            wanted = want["outlet" if field_name == "outlet" else field_name]
            misses.append(f"[metadata] {name}: {field_name} expected {wanted!r}, got {got.get(field_name)!r}")
    return right, checked, misses


def run_cli(paths: list[Path], *options: str) -> list[dict]:
    """Statements (or with --articles, metadata) from the project's own CLI, as held-out scoring gets them."""
    done = subprocess.run(
        [sys.executable, "-m", "service", "extract", *options, *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def gold_path(folder: Path) -> Path:
    """The folder's gold file: its one `*-quotes.json` (heldout-quotes.json, heldout2-quotes.json, ...)."""
    found = sorted(folder.glob("*-quotes.json"))
    if len(found) != 1:
        raise FileNotFoundError(f"expected one *-quotes.json in {folder}, found {[p.name for p in found]}")
    return found[0]


def load_fixtures(folder: Path) -> tuple[dict, dict[str, str]]:
    """The gold file and the text of every article it names, read as the CLI reads them."""
    gold = json.loads(gold_path(folder).read_text(encoding="utf-8"))
    bodies = {}
    for name in gold["articles"]:
        with open(folder / name, encoding="utf-8", newline="") as handle:
            bodies[name] = handle.read()
    return gold, bodies


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def print_report(report: Report, quiet: bool = False) -> None:
    """Misses first (unless quiet), then per-article figures, then the summary lines."""
    if not quiet:
        for line in sorted(report.misses):
            print("  ", line)
    figures = (
        "direct_recall",
        "reported_recall",
        "precision",
        "named_speaker",
        "anonymous_speaker",
        "said_on",
        "said_on_in_sentence",
    )
    print("per article (hits/total):")
    for article, table in sorted(report.per_article.items()):
        cells = " ".join(f"{k}={v[0]}/{v[1]}" for k, v in sorted(table.items()) if k in figures)
        print(f"   {article}: {cells}")
    print(
        f"extracted {report.extracted} statements; offsets not exact for {report.inexact_offsets}; "
        f"optional statements found {report.counts.get('optional_found', [0, 0])[0]}"
        f"/{report.counts.get('optional_found', [0, 0])[1]}"
    )
    for name in figures:
        hits, total = report.counts.get(name, [0, 0])
        target = f"  (target >= {TARGETS[name]})" if name in TARGETS else ""
        print(f"{name:20} {_fmt(report.ratio(name))}  ({hits}/{total}){target}")
    print(f"{'negatives':20} {report.negatives}  (target 0)")


def cross_check(folder: Path, extracted: list[dict]) -> None:
    """Run the shared scorer on the same rows, when shared/ is mounted, to confirm the figures agree."""
    if not (SHARED_EVAL / "score_extraction.py").exists():
        print("cross-check: shared scorer not found; skipped")
        return
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in extracted)
    print("cross-check with the shared scorer (recall/attributed there count all kinds together):")
    subprocess.run(
        [
            sys.executable,
            str(SHARED_EVAL / "score_extraction.py"),
            str(gold_path(folder)),
            str(folder),
            handle.name,
        ],
        check=False,
    )
    Path(handle.name).unlink()


def main(argv: list[str] | None = None) -> int:
    """Extract, score and print; exit 0 whatever the figures (they are figures, not assertions)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--fixtures", type=Path, default=FIXTURES, help="folder of articles + one *-quotes.json gold file"
    )
    parser.add_argument("--quiet", action="store_true", help="summary only, no list of misses")
    parser.add_argument("--cross-check", action="store_true", help="also run the shared scorer")
    args = parser.parse_args(argv)
    gold, bodies = load_fixtures(args.fixtures)
    paths = [args.fixtures / name for name in bodies]
    extracted = run_cli(paths)
    report = score(gold, bodies, extracted)
    right, checked, meta_misses = score_metadata(gold, run_cli(paths, "--articles"))
    report.misses.extend(meta_misses)
    print_report(report, quiet=args.quiet)
    print(f"{'metadata':20} {right / checked:.3f}  ({right}/{checked}: title, published, outlet where named)")
    if args.cross_check:
        cross_check(args.fixtures, extracted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
