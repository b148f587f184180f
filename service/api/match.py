"""POST /match: the statements closest to a claim, best first, each with why it matched."""

from __future__ import annotations

import time

from service.api.base import Blueprint, filters_from, problem, services
from service.schemas import MatchRequestSchema, MatchResponseSchema
from service.search import matching

blp = Blueprint("match", __name__, description="Fuzzy-match a claim against every statement.")


def answer(state, args: dict) -> dict:
    """The body of a /match answer for loaded request arguments (shared with the match CLI)."""
    started = time.perf_counter()
    matches = matching.match(
        args["claim"],
        index=state.index,
        store=state.store,
        limit=args["limit"],
        min_score=args["min_score"],
        filters=filters_from(args),
        group=args["group"],
    )
    took_ms = round((time.perf_counter() - started) * 1000, 2)
    return {"claim": args["claim"], "matches": matches, "took_ms": took_ms}


@blp.post("/match")
@blp.arguments(MatchRequestSchema, example={"claim": "40,000 foreign fighters have gone to Syria"})
@blp.response(200, MatchResponseSchema)
@blp.alt_response(400, **problem("The body is not valid JSON."))
@blp.alt_response(413, **problem("The body is larger than the service accepts."))
@blp.alt_response(415, **problem("The body is not sent as application/json."))
def match_claim(args):
    """Rank statements against the claim; filters narrow the candidates, `group` folds copies of one."""
    return answer(services(), args)
