"""The shared dev claims and fact-check claims on the bundled corpus, with real distractors added.

    .venv/bin/python bench/distractor_claims.py            # seeds + 19,250 PolitiFact statements
    .venv/bin/python bench/distractor_claims.py --none     # the bundled corpus alone

A fresh data directory gets the bundled corpus (the service's own start-up) and then, through
`python -m service import-quotes`, every PolitiFact claim of CheckThat! 2021 2b (read at bench time
from ../shared/data, never stored): statements on the same subjects (Russia, Syria, ISIS) that are
not any dev claim's source. The shared scorers run in-process on that directory at the service's
defaults, then each claim's best statement at min_score 0 is printed with its score, so a claim
near the default `min_score` shows how near, and the parts that made the score (lexical and its
coverage and precision, cosine, speaker boost) of the best statement and, where it is not the best,
of the claim's source, so a ranking miss shows which side lost it.

    .venv/bin/python bench/distractor_claims.py --data-dir /tmp/dd   # prepare once (minutes), reuse after
    CLAIMTRACE_EMBEDDINGS=off .venv/bin/python bench/distractor_claims.py --data-dir /tmp/dd   # words alone

With embeddings off the scorers run at that mode's default (matching.LEXICAL_MIN_SCORE).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def politifact_rows() -> list[dict]:
    """CheckThat! 2b's PolitiFact claims as import-quotes rows (speaker kept)."""
    path = SHARED / "data" / "checkthat" / "2b" / "vclaims.jsonl"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        claim = json.loads(line)
        rows.append({"ref": claim["vclaim_id"], "text": claim["vclaim"], "speaker": claim.get("speaker")})
    return rows


def prepare(data_dir: Path, distractors: bool) -> None:
    """The bundled corpus loaded by the service's start-up, then the distractors imported."""
    env = dict(os.environ, CLAIMTRACE_DATA_DIR=str(data_dir))
    subprocess.run(
        [sys.executable, "-c", "from service import create_app; create_app()"], env=env, check=True
    )
    if not distractors:
        return
    rows = data_dir / "politifact.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in politifact_rows()), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "service", "import-quotes", str(rows)],
        env=env,
        check=True,
        capture_output=True,
    )
    print(f"imported {sum(1 for _ in rows.open(encoding='utf-8')):,} PolitiFact statements as distractors")


def scorers(data_dir: Path) -> None:
    """The shared scorers at the service's defaults."""
    env = dict(os.environ, CLAIMTRACE_DATA_DIR=str(data_dir))
    gold = SHARED / "gold" / "seed-quotes.json"
    for script, claims in (
        ("score_claims.py", "claims-dev.jsonl"),
        ("score_factcheck.py", "claims-factcheck-dev.jsonl"),
    ):
        print(f"== {script} {claims}")
        subprocess.run(
            [sys.executable, str(SHARED / "eval" / script), str(gold), str(SHARED / "gold" / claims)],
            env=env,
            cwd=ROOT,
            check=False,
        )


def best_scores(data_dir: Path) -> None:
    """Each dev claim's best statement at min_score 0: its score, and whether it is the claim's source."""
    os.environ["CLAIMTRACE_DATA_DIR"] = str(data_dir)
    sys.path.insert(0, str(SHARED / "eval"))
    from score_claims import gold_ids, norm, words

    from service import create_app

    gold = json.loads((SHARED / "gold" / "seed-quotes.json").read_text(encoding="utf-8"))
    for g in gold["quotes"]:
        g["title_norm"], g["words"] = norm(gold["articles"][g["article"]]["title"]), words(g["text"])
    client = create_app().test_client()
    print("== per dev claim at min_score 0: best score (source?), the source's best score and rank, claim")
    for name in ("claims-dev.jsonl", "claims-factcheck-dev.jsonl"):
        for line in (SHARED / "gold" / name).read_text(encoding="utf-8").splitlines():
            claim = json.loads(line)
            body = client.post("/match", json={"claim": claim["claim"], "min_score": 0}).get_json()
            matches = body.get("matches") or []
            ranks = [
                (rank, m["score"])
                for rank, m in enumerate(matches, 1)
                if set(gold_ids(m, gold["quotes"])) & set(claim["expect"])
            ]
            top = matches[0]["score"] if matches else 0.0
            kind = (
                "negative" if not claim["expect"] else ("source" if ranks and ranks[0][0] == 1 else "OTHER")
            )
            source = f"{ranks[0][1]:6.2f} #{ranks[0][0]:<2}" if ranks else "    -     "
            print(f"  {top:6.2f} {kind:8} {source}  {claim['claim'][:80]}")
            if matches and (kind != "source" or matches[0]["score"] < 50):
                print(f"      best   {_parts(matches[0])}")
                if ranks and ranks[0][0] > 1:
                    print(f"      source {_parts(matches[ranks[0][0] - 1])}")


def _parts(match: dict) -> str:
    """The score parts of one match, and whose statement it is, on one line."""
    parts = match["explanation"]["parts"]
    names = ("lexical", "coverage", "precision", "token_set_ratio", "semantic", "speaker_boost")
    shown = " ".join(f"{name} {parts[name]:g}" for name in names if name in parts)
    speaker = ((match["quote"].get("speaker") or {}).get("name") or "?")[:24]
    return f"{shown} | {speaker}: {match['quote']['text'][:60]}"


def main(argv: list[str] | None = None) -> int:
    """Prepare the data directory, run the scorers, print the best scores."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--none", dest="distractors", action="store_false", help="no distractors")
    parser.add_argument("--data-dir", type=Path, help="keep (or reuse) the prepared data directory here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp) / "data"
        if not data_dir.exists():
            prepare(data_dir, args.distractors)
        scorers(data_dir)
        best_scores(data_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
