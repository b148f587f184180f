"""batch-extract on Spark local[2] against the single-process `extract` CLI, on the same folder, same run.

Usage: .venv/bin/python bench/batch_bench.py [--input ../shared/data/polnear/train/text]
                                               [--master 'local[2]'] [--repeats 1]

Runs `python -m service extract FOLDER/*.txt` (the baseline: one process, one core) and
`python -m service batch-extract FOLDER OUT --master local[2]` as the user would, alternating,
and prints articles per second for both: batch end to end (JVM start-up included) and for the
job alone (the time batch-extract reports from the first task to the last part written). Checks
that the statement lines are identical (every field, same order) and exits 1 when they are not.
Both are measured in the same run on a shared machine: compare the ratio, not the absolutes.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
SUMMARY = re.compile(r"batch-extract: ([\d,]+) articles, ([\d,]+) statements, ([\d,]+) failed in ([\d.]+)s")


def run_cli(files: list[str], out: Path) -> float:
    """Seconds for the single-process extract command over the files, its lines written to `out`."""
    started = time.perf_counter()
    with out.open("wb") as handle:
        subprocess.run(
            [sys.executable, "-m", "service", "extract", *files], cwd=ROOT, stdout=handle, check=True
        )
    return time.perf_counter() - started


def run_batch(folder: str, out: Path, master: str, embeddings: bool = False) -> tuple[float, float, str]:
    """(end-to-end seconds, job seconds, stderr) for batch-extract over the folder."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "service", "batch-extract", folder, str(out), "--master", master]
    proc = subprocess.run(
        command + ([] if embeddings else ["--no-embeddings"]),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    total = time.perf_counter() - started
    found = SUMMARY.search(proc.stderr)
    if proc.returncode != 0 or not found:
        sys.exit(f"batch-extract failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return total, float(found.group(4)), proc.stderr


def batch_lines(out: Path) -> bytes:
    """The statement part files of a batch output, concatenated in order."""
    return b"".join(part.read_bytes() for part in sorted((out / "statements").glob("part-*")))


def main() -> int:
    """Run both, alternating, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", default=str(DEFAULT_INPUT))
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument(
        "--embeddings", action="store_true", help="also time batch-extract with the statement vectors"
    )
    args = parser.parse_args()
    folder = os.path.relpath(args.input, ROOT) if Path(args.input).is_absolute() else args.input
    files = sorted(str(p) for p in Path(ROOT, folder).rglob("*.txt"))
    files = [os.path.relpath(p, ROOT) for p in files]  # as batch-extract finds them under `folder`
    if not files:
        sys.exit(f"no .txt articles under {args.input}")
    load_before = os.getloadavg()[0]
    cli_times, batch_totals, batch_jobs, embedded = [], [], [], []
    identical = True
    with tempfile.TemporaryDirectory(prefix="batch-bench-") as tmp:
        for repeat in range(args.repeats):
            cli_out = Path(tmp) / f"cli-{repeat}.jsonl"
            cli_times.append(run_cli(files, cli_out))
            total, job, _ = run_batch(folder, Path(tmp) / f"batch-{repeat}", args.master)
            batch_totals.append(total)
            batch_jobs.append(job)
            expected, got = cli_out.read_bytes(), batch_lines(Path(tmp) / f"batch-{repeat}")
            identical = identical and expected == got
            if args.embeddings:
                _, with_vectors, _ = run_batch(folder, Path(tmp) / f"vectors-{repeat}", args.master, True)
                embedded.append(with_vectors)
        statements = cli_out.read_bytes().count(b"\n")
    n = len(files)
    cli, total, job = (statistics.median(t) for t in (cli_times, batch_totals, batch_jobs))
    print(f"input: {folder} ({n} articles), {statements} statements; cores on this machine: {os.cpu_count()}")
    print(
        f"load average before / after: {load_before:.1f} / {os.getloadavg()[0]:.1f} (others share the cores)"
    )
    print(f"single-process extract CLI:      {cli:7.1f}s  {n / cli:7.1f} articles/s (1 core)")
    print(
        f"batch-extract {args.master} end to end: {total:7.1f}s  {n / total:7.1f} articles/s (JVM start too)"
    )
    print(f"batch-extract {args.master} job only:   {job:7.1f}s  {n / job:7.1f} articles/s")
    if embedded:
        with_vectors = statistics.median(embedded)
        print(
            f"batch-extract {args.master} + vectors, job: {with_vectors:7.1f}s"
            f" {n / with_vectors:7.1f} articles/s"
        )
    print(f"ratio batch job / CLI: {cli / job:.2f}x; end to end / CLI: {cli / total:.2f}x")
    print(f"statements identical to the CLI (every field, same order): {'yes' if identical else 'NO'}")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
