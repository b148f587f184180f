"""GET /quotes and GET /quotes/{id}: browse the statements the service holds."""

from __future__ import annotations

from service.api.base import (
    Blueprint,
    found_or_404,
    page_body,
    page_window,
    problem,
    services,
)
from service.schemas import QuoteDetailSchema, QuotePageSchema, QuoteQueryArgsSchema
from service.storage import QuoteFilters

blp = Blueprint("quotes", __name__, description="Statements found in articles or imported.")


@blp.get("/quotes")
@blp.arguments(QuoteQueryArgsSchema, location="query")
@blp.response(200, QuotePageSchema)
def list_quotes(args):
    """Statements matching every given filter, a page at a time, with the total across pages."""
    offset, limit = page_window(args)
    quotes, total = services().list_quotes(QuoteFilters.from_args(args), offset, limit)
    return page_body(quotes, total, args)


@blp.get("/quotes/<int:quote_id>")
@blp.response(200, QuoteDetailSchema)
@blp.alt_response(404, **problem("No statement has this id."))
def get_quote(quote_id):
    """One statement, with the articles that carried it and which reported it first."""
    return found_or_404(services().quote_detail(quote_id), "statement", quote_id)
