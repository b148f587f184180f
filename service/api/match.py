"""POST /match: the statements closest to a claim, best first, each with why it matched."""

from __future__ import annotations

from service.api.base import Blueprint, problem, services
from service.schemas import MatchRequestSchema, MatchResponseSchema
from service.storage import QuoteFilters

blp = Blueprint("match", __name__, description="Fuzzy-match a claim against every statement.")


@blp.post("/match")
@blp.arguments(MatchRequestSchema, example={"claim": "40,000 foreign fighters have gone to Syria"})
@blp.response(200, MatchResponseSchema)
@blp.alt_response(400, **problem("The body is not valid JSON."))
@blp.alt_response(413, **problem("The body is larger than the service accepts."))
@blp.alt_response(415, **problem("The body is not sent as application/json."))
def match_claim(args):
    """Rank statements against the claim; filters narrow the candidates, `group` folds copies of one."""
    return services().match(
        args["claim"],
        limit=args["limit"],
        min_score=args["min_score"],
        filters=QuoteFilters.from_args(args),
        group=args["group"],
    )
