"""`python -m service <command>`: extract, batch-extract, ingest, import-quotes, match, reindex, openapi."""

from __future__ import annotations

import argparse
import importlib
import sys

from service.config import Settings, SettingsError
from service.storage.base import StorageError

# Each command lives in service/cli/<module>.py with add_arguments(parser) and run(args) -> int.
COMMANDS = {
    "extract": ("extract", "print the statements (or, with --articles, the metadata) found in articles"),
    "batch-extract": ("batch_extract", "extract statements from a folder of articles on Apache Spark"),
    "ingest": ("ingest", "load article files or folders into the store (idempotent)"),
    "import-quotes": ("import_quotes", "bulk-load ready-made statements from JSON Lines or Quotebank files"),
    "match": ("match", "print the best matches for a claim as a table"),
    "reindex": ("reindex", "rebuild and save the match index from the store (after large offline changes)"),
    "openapi": ("openapi", "print the OpenAPI document generated from the code"),
}


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one command."""
    parser = argparse.ArgumentParser(prog="python -m service", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    modules = {}
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(f"service.cli.{module_name}")
        modules[name] = module
        module.add_arguments(sub.add_parser(name, help=help_text, description=help_text))
    args = parser.parse_args(argv)
    try:
        Settings.from_env()  # every command reads settings; a bad one is named before any work
    except SettingsError as error:
        print(f"claimtrace: {error}", file=sys.stderr)
        return 2
    try:
        return modules[args.command].run(args)
    except StorageError as error:  # the store cannot be reached or refused the work: say so in one line
        print(f"claimtrace: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
