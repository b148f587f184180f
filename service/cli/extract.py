"""`python -m service extract PATH...`: statements (or, with --articles, metadata) as JSON Lines."""

from __future__ import annotations

import argparse
import json
import sys

from service.extraction import extract
from service.models import joined_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article text files (UTF-8)")
    parser.add_argument(
        "--articles", action="store_true", help="print one metadata line per article instead of statements"
    )


def quote_row(article: str, quote, body: str) -> dict:
    """One statement as the JSON Lines contract spells it.

    `text` is the article's words from `start` to `end` (whitespace collapsed), so text and offsets always
    agree; a split quote's `parts` hold each quoted piece, whose texts joined are the statement's text.
    """
    speaker = quote.speaker
    return {
        "article": article,
        "text": joined_text(body, ((quote.start, quote.end),)),
        "start": quote.start,
        "end": quote.end,
        "parts": [
            {"start": start, "end": end, "text": joined_text(body, ((start, end),))}
            for start, end in quote.parts or ((quote.start, quote.end),)
        ],
        "kind": quote.kind,
        "speaker": {
            "name": speaker.name,
            "role": speaker.role,
            "mention": speaker.mention,
            "anonymous": speaker.anonymous,
            "affiliation": speaker.affiliation,
        },
        "cue": quote.cue,
        "said_on": quote.said_on,
        "venue": quote.venue,
    }


def statement_rows(article: str, text: str, extraction) -> list[dict]:
    """Every statement line of one article; batch-extract writes these too, so both stay the same."""
    return [quote_row(article, quote, text) for quote in extraction.quotes]


def article_row(article: str, meta) -> dict:
    """One article's metadata line."""
    return {
        "article": article,
        "title": meta.title,
        "published": meta.published,
        "outlet": meta.outlet,
        "original_outlet": meta.original_outlet,
    }


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        print(f"extract: cannot read {path}: {reason}", file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    """Print JSON Lines for each readable path; exit 2 if a path could not be read, 1 if extraction failed."""
    status = 0
    out = sys.stdout
    for path in args.paths:
        text = _read(path)
        if text is None:
            status = 2
            continue
        try:
            result = extract(text)
        except Exception as err:  # one odd article must not cost the others their statements
            print(f"extract: extraction failed for {path}: {err!r}", file=sys.stderr)
            status = status or 1
            continue
        if args.articles:
            out.write(json.dumps(article_row(path, result.meta), ensure_ascii=False) + "\n")
        else:
            for row in statement_rows(path, text, result):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        out.flush()
    return status
