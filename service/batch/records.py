"""What an executor does with one article: the statement and metadata lines of `extract`, or a failure.

Plain Python with no Spark in it, so it is tested directly and runs the same on a laptop and on a
cluster. The rows come from the `extract` command's own `statement_rows` and `article_row`, so the batch
output has exactly the fields the single-process CLI writes, whatever fields that grows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from service.cli.extract import article_row, statement_rows

STATEMENT, ARTICLE, FAILURE = "statement", "article", "failure"
# Metadata an input row (JSON Lines, Parquet or a folder's metadata.json) may give beside the text.
GIVEN_FIELDS = ("title", "published", "outlet", "original_outlet", "url")
ID_FIELDS = ("article", "id")  # an input row's own name for the article, first one present wins

Record = tuple[str, str]  # (STATEMENT | ARTICLE | FAILURE, one JSON line)


def _line(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False)


def failure(article: str, reason: str) -> Record:
    """A failure record: which article (or input line) and why it yielded nothing."""
    return FAILURE, _line({"article": article, "reason": reason})


def extract_records(article: str, text: str, given: dict | None = None) -> list[Record]:
    """The statement lines and the metadata line of one article, as `extract` and `extract --articles`."""
    from service.extraction import extract  # heavy; imported on the executor that needs it

    try:
        result = extract(text)
    except Exception as error:  # one odd article must not cost the partition its statements
        return [failure(article, f"extraction failed: {error!r}")]
    records = [(STATEMENT, _line(row)) for row in statement_rows(article, text, result)]
    meta = article_row(article, result.meta)
    # The text's own metadata wins; what the input gave fills the gaps (as ingest does).
    for name in GIVEN_FIELDS:
        if meta.get(name) is None:
            meta[name] = (given or {}).get(name)
    records.append((ARTICLE, _line(meta)))
    return records


def read_text_file(path: str) -> str:
    """An article file's text exactly as `extract` reads it: strict UTF-8, line ends untouched."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def records_from_files(items: Iterable[tuple[str, dict | None]]) -> Iterator[Record]:
    """Records of article files, each (path as found, metadata given beside it)."""
    for path, given in items:
        try:
            text = read_text_file(path)
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            yield failure(path, f"cannot read: {reason}")
            continue
        yield from extract_records(path, text, given)


def article_input(source: str, obj) -> tuple[str, str, dict]:
    """(article name, text, given metadata) of one JSON Lines or Parquet row; ValueError when unusable.

    `source` names the row where it was found ("file:line"); it is the article's name unless the
    row names itself with an `article` or `id` field.
    """
    if not isinstance(obj, dict):
        raise ValueError(f"expected an object with a text, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no text: an article row needs a non-empty string 'text'")
    given = {}
    for name in GIVEN_FIELDS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{name}: expected a string, got {type(value).__name__}")
        given[name] = (value.strip() or None) if isinstance(value, str) else None
    article = source
    for name in ID_FIELDS:
        value = obj.get(name)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            article = str(value).strip()
            break
    return article, text, given


def records_from_lines(file: str, numbered_lines: Iterable[tuple[str, int]]) -> Iterator[Record]:
    """Records of a JSON Lines file of articles, read as (line, 0-based index) pairs."""
    for raw, index in numbered_lines:
        source = f"{file}:{index + 1}"
        if not raw.strip():
            continue
        try:
            article, text, given = article_input(source, json.loads(raw))
        except ValueError as error:  # JSONDecodeError is a ValueError
            yield failure(source, str(error))
            continue
        yield from extract_records(article, text, given)


def records_from_table(file: str, numbered_rows: Iterable[tuple[dict, int]]) -> Iterator[Record]:
    """Records of a Parquet file of articles, read as (row as a dict, 0-based index) pairs."""
    for obj, index in numbered_rows:
        source = f"{file}:{index + 1}"
        try:
            article, text, given = article_input(source, obj)
        except ValueError as error:
            yield failure(source, str(error))
            continue
        yield from extract_records(article, text, given)
