"""Reading a batch-extract output folder back: its statement part files and its articles' metadata."""

from __future__ import annotations

import json
from pathlib import Path

from service.ingest.extract_lines import ARTICLE_FIELDS
from service.ingest.importer import READ_ERRORS, open_lines

STATEMENTS, ARTICLES = "statements", "articles"


def is_batch_output(path: str | Path) -> bool:
    """True for a folder batch-extract wrote (it holds a statements/ folder)."""
    return (Path(path) / STATEMENTS).is_dir()


def part_files(folder: Path) -> list[str]:
    """A Spark output folder's part files in order (plain or compressed)."""
    return [str(p) for p in sorted(folder.glob("part-*")) if p.is_file() and not p.name.endswith(".crc")]


def article_metadata(folder: str | Path) -> dict[str, dict]:
    """{article name: title, outlet, published, url} from the articles/ part files (bad lines skipped)."""
    found: dict[str, dict] = {}
    for path in part_files(Path(folder) / ARTICLES):
        try:
            with open_lines(path) as stream:
                for raw in stream:
                    try:
                        row = json.loads(raw)
                    except ValueError:
                        continue
                    if isinstance(row, dict) and isinstance(row.get("article"), str):
                        found[row["article"]] = {name: row.get(name) for name in ARTICLE_FIELDS}
        except READ_ERRORS:
            continue  # the statements still load, without this part's metadata
    return found


def known_vectors(paths: list[str]) -> dict:
    """{statement text: vector} computed by batch-extract in the output folders among `paths`."""
    from service.batch.vectors import precomputed

    found: dict = {}
    for path in paths:
        if is_batch_output(path):
            found.update(precomputed(path, part_files(Path(path) / STATEMENTS)))
    return found


def import_sources(path: str) -> list[tuple[str, dict[str, dict] | None]]:
    """What to import for a path: a batch output folder is its statement parts and its articles' metadata."""
    if not is_batch_output(path):
        return [(path, None)]
    metadata = article_metadata(path)
    return [(part, metadata) for part in part_files(Path(path) / STATEMENTS)]
