"""The inputs of a batch run, listed on the driver: article files, JSON Lines and Parquet of articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from service.ingest.articles import ARTICLE_SUFFIXES, METADATA_FILE, read_metadata_file

LINE_SUFFIXES = (".jsonl", ".ndjson")  # JSON Lines, one article object a line
TABLE_SUFFIXES = (".parquet",)


@dataclass
class Inputs:
    """What a folder holds for a batch run, each list in a stable (sorted) order."""

    files: list[tuple[str, dict | None]] = field(default_factory=list)  # (path as found, metadata given)
    line_files: list[str] = field(default_factory=list)
    table_files: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (where, why) found while listing

    @property
    def empty(self) -> bool:
        """True when nothing in the folder is an input."""
        return not (self.files or self.line_files or self.table_files)


def list_inputs(folder: str) -> Inputs:
    """Every input under a folder (recursively): article files with their metadata.json, .jsonl, .parquet.

    Paths keep the folder as it was written, so `article` reads as it would from
    `python -m service extract FOLDER/...`; a file named `metadata.json` describes its siblings.
    """
    inputs = Inputs()
    metadata: dict[Path, dict[str, dict]] = {}
    # Parquet written by Spark is a folder of part files; it is read as one table.
    table_dirs = {p for p in Path(folder).rglob("*") if p.is_dir() and p.suffix.lower() in TABLE_SUFFIXES}
    for path in sorted(Path(folder).rglob("*")):
        if any(parent in table_dirs for parent in path.parents):
            continue
        suffix = path.suffix.lower()
        if path.is_dir():
            if path in table_dirs:
                inputs.table_files.append(str(path))
            continue
        if suffix in LINE_SUFFIXES:
            inputs.line_files.append(str(path))
        elif suffix in TABLE_SUFFIXES:
            inputs.table_files.append(str(path))
        elif suffix in ARTICLE_SUFFIXES:
            if path.parent not in metadata:
                metadata[path.parent], problem = read_metadata_file(path.parent)
                if problem:
                    inputs.problems.append((str(path.parent / METADATA_FILE), problem))
            inputs.files.append((str(path), metadata[path.parent].get(path.name)))
    return inputs
