"""`python -m service batch-extract INPUT_DIR OUTPUT_DIR`: the `extract` command on Apache Spark."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from service.batch.parts import FOLDERS
from service.batch.sources import list_inputs

DEFAULT_MASTER = "local[*]"


def _setting(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key.strip(), value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.add_argument(
        "input_dir", metavar="INPUT_DIR", help="folder of article files (.txt), .jsonl, .parquet"
    )
    parser.add_argument(
        "output_dir",
        metavar="OUTPUT_DIR",
        help="new folder for the statements/, articles/ and failures/ part files (shared by every node)",
    )
    parser.add_argument(
        "--master",
        default=DEFAULT_MASTER,
        help=f"Spark master: local[2], spark://host:7077, ... ({DEFAULT_MASTER})",
    )
    parser.add_argument("--partitions", type=int, default=None, help="partitions to spread the inputs over")
    parser.add_argument("--gzip", action="store_true", help="write part files gzip-compressed")
    parser.add_argument(
        "--no-embeddings",
        action="store_true",
        help="skip the statement vectors (also off with CLAIMTRACE_EMBEDDINGS=off)",
    )
    parser.add_argument(
        "--conf", type=_setting, action="append", default=[], metavar="KEY=VALUE", help="a Spark setting"
    )
    parser.add_argument(
        "--progress-seconds", type=float, default=5.0, help="seconds between progress lines (0: none)"
    )


def _existing_outputs(output_dir: str) -> list[str]:
    return [str(Path(output_dir) / name) for name in FOLDERS.values() if (Path(output_dir) / name).exists()]


def _print_progress(progress) -> None:
    print(progress.line(), file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    """Run the job; 0 when every input yielded its statements, 1 when some failed, 2 when it could not run."""
    from service.batch.job import run_batch
    from service.batch.session import SparkUnavailable, spark_session
    from service.config import Settings

    if not Path(args.input_dir).is_dir():
        print(f"batch-extract: {args.input_dir} is not a folder", file=sys.stderr)
        return 2
    if "://" in args.output_dir:
        print("batch-extract: OUTPUT_DIR is a folder path every node sees, not a URI", file=sys.stderr)
        return 2
    existing = _existing_outputs(args.output_dir)
    if existing:
        print(f"batch-extract: {', '.join(existing)} already exists; give a new OUTPUT_DIR", file=sys.stderr)
        return 2
    inputs = list_inputs(args.input_dir)
    for where, problem in inputs.problems:
        print(f"batch-extract: {where}: {problem}", file=sys.stderr)
    if inputs.empty:
        print(f"batch-extract: no article files, .jsonl or .parquet in {args.input_dir}", file=sys.stderr)
        return 2
    try:
        with spark_session(args.master, dict(args.conf)) as session:
            report = run_batch(
                session,
                inputs,
                args.output_dir,
                partitions=args.partitions,
                gzip=args.gzip,
                embeddings=not args.no_embeddings and Settings.from_env().embeddings,
                report_progress=_print_progress,
                interval=args.progress_seconds,
            )
    except SparkUnavailable as error:
        print(f"batch-extract: {error}", file=sys.stderr)
        return 2
    for item in report.failures:
        print(f"batch-extract: {item['article']}: {item['reason']}", file=sys.stderr)
    print(
        f"batch-extract: {report.articles:,} articles, {report.statements:,} statements,"
        f" {report.failed:,} failed in {report.elapsed:.1f}s"
        f" ({report.rate:,.1f} articles/s over {report.partitions} partitions)"
        f" -> {args.output_dir}",
        file=sys.stderr,
    )
    return 1 if report.failed else 0
