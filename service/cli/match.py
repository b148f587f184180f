"""`python -m service match "a claim"`: the best matching statements as a table (or JSON)."""

from __future__ import annotations

import json
import shutil
import sys

import marshmallow as ma

SCORE_WIDTH, SPEAKER_WIDTH, DATE_WIDTH, OUTLET_WIDTH = 5, 24, 10, 16


def add_arguments(parser) -> None:
    """Options of the match command."""
    parser.add_argument("claim", help="the claim to look for")
    parser.add_argument("--limit", type=int, default=10, help="how many matches at most (1-100)")
    parser.add_argument("--min-score", type=float, help="leave out matches scoring below this (0-100)")
    parser.add_argument("--no-group", action="store_true", help="list every article's copy separately")
    parser.add_argument("--json", action="store_true", help="print the same JSON as POST /match")


def run(args) -> int:
    """Validate the request with the API's own schema, match through the service layer (no Flask), print."""
    from service.config import Settings
    from service.schemas import MatchRequestSchema, MatchResponseSchema
    from service.services import ClaimTrace
    from service.storage import QuoteFilters

    request = {"claim": args.claim, "limit": args.limit, "group": not args.no_group}
    if args.min_score is not None:
        request["min_score"] = args.min_score
    try:
        loaded = MatchRequestSchema().load(request)
    except ma.ValidationError as error:
        for field, messages in error.messages.items():
            print(f"{field}: {' '.join(messages)}", file=sys.stderr)
        return 2
    claimtrace = ClaimTrace.open(Settings.from_env())
    try:
        answer = claimtrace.match(
            loaded["claim"],
            limit=loaded["limit"],
            min_score=loaded["min_score"],
            filters=QuoteFilters.from_args(loaded),
            group=loaded["group"],
        )
    finally:
        claimtrace.close()
    body = MatchResponseSchema().dump(answer)
    if args.json:
        print(json.dumps(body, indent=2, ensure_ascii=False))
    else:
        print(format_table(body, shutil.get_terminal_size((120, 24)).columns))
    return 0


def _cell(value, width: int) -> str:
    text = " ".join(str(value if value is not None else "-").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(body: dict, columns: int = 120) -> str:
    """Render a /match answer as aligned rows: score, speaker, said_on, outlet, text excerpt."""
    matches = body.get("matches") or []
    near = body.get("near_misses") or []
    if not matches and not near:
        return f"No statement matches {body['claim']!r}."
    if not matches:  # nothing reached min_score: say so, then the closest statements
        return f"{body.get('message') or ''}\nNear misses:\n" + _rows(near, columns)
    return _rows(matches, columns) + f"\n{len(matches)} match(es) in {body['took_ms']:.0f} ms"


def _rows(matches: list, columns: int) -> str:
    """Aligned rows of matches: score, speaker, said_on, outlet, text excerpt."""
    fixed = SCORE_WIDTH + SPEAKER_WIDTH + DATE_WIDTH + OUTLET_WIDTH + 4 * 2
    text_width = max(20, columns - fixed - 2)
    widths = (SCORE_WIDTH, SPEAKER_WIDTH, DATE_WIDTH, OUTLET_WIDTH, text_width)
    header = ("score", "speaker", "said_on", "outlet", "text")
    lines = ["  ".join(name.ljust(width) for name, width in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * width for width in widths))
    for found in matches:
        quote = found["quote"]
        article = quote.get("article") or {}
        row = (
            f"{found['score']:.1f}".rjust(SCORE_WIDTH),
            _cell((quote.get("speaker") or {}).get("name"), SPEAKER_WIDTH),
            _cell(quote.get("said_on"), DATE_WIDTH),
            _cell(article.get("outlet"), OUTLET_WIDTH),
            _cell(quote["text"], text_width),
        )
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)
