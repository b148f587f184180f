"""What the pages accept in their query strings, checked by marshmallow like every API input."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from service.schemas.fields import DatePrefix, TrimmedString
from service.schemas.requests import MAX_CLAIM_CHARS
from service.storage import QuoteFilters

DATE_KINDS = ("said", "published")
RESULTS_SHOWN = 10
NOT_A_DATE = "Not a date: write a year (2016), a month (2016-06) or a day (2016-06-02)."
FORM_ORDER = ("claim", "speaker", "outlet", "dates", "date_from", "date_to")  # as the page lays them out


class SearchArgsSchema(ma.Schema):
    """The search page's query string: a claim, filters and which date the range applies to."""

    class Meta:
        # A shared link may carry tracking parameters: the page ignores what it does not know.
        unknown = ma.EXCLUDE

    claim = TrimmedString(validate=validate.Length(max=MAX_CLAIM_CHARS))
    speaker = TrimmedString(validate=validate.Length(max=200))
    outlet = TrimmedString(validate=validate.Length(max=200))
    # Said for people, not clients: the API's message names ISO formats.
    date_from = DatePrefix(error_messages={"pattern": NOT_A_DATE})
    date_to = DatePrefix(error_messages={"pattern": NOT_A_DATE})
    dates = fields.String(load_default="said", validate=validate.OneOf(DATE_KINDS))

    @ma.pre_load
    def drop_empty_fields(self, data, **kwargs):
        """An empty form field means the filter is not used."""
        return {key: value for key, value in data.items() if isinstance(value, str) and value.strip()}

    @ma.validates_schema
    def range_in_order(self, data, **kwargs):
        """A range whose end comes before its start would silently match nothing."""
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start[: len(end)]:
            raise ma.ValidationError("The end of the range is before its start.", "date_to")


def read_search_args(query) -> tuple[dict, dict]:
    """(loaded arguments, field -> messages) for a query string; the raw values are kept on error."""
    raw = {key: query.get(key, "") for key in SearchArgsSchema().fields}
    try:
        return SearchArgsSchema().load(raw), {}
    except ma.ValidationError as error:
        kept = {key: value.strip() for key, value in raw.items() if value.strip()}
        messages = error.normalized_messages()
        # In the form's order, so the summary of what to correct reads top to bottom like the form.
        return kept, dict(sorted(messages.items(), key=lambda item: _position(FORM_ORDER, item[0])))


def _position(order: tuple[str, ...], name: str) -> int:
    return order.index(name) if name in order else len(order)


def search_filters(args: dict) -> QuoteFilters:
    """The store filters a loaded search asks for; the date range applies to when said or published."""
    kind = args.get("dates", "said")
    return QuoteFilters(
        speaker=args.get("speaker"),
        outlet=args.get("outlet"),
        **{f"{kind}_from": args.get("date_from"), f"{kind}_to": args.get("date_to")},
    )


def shared_query(args: dict) -> dict:
    """The query string that reproduces a search: given fields only, the date kind only with a date."""
    query = {
        key: args[key] for key in ("claim", "speaker", "outlet", "date_from", "date_to") if args.get(key)
    }
    if (query.get("date_from") or query.get("date_to")) and args.get("dates") == "published":
        query["dates"] = "published"
    return query
