"""Shared pieces of the HTTP layer: the Api with problem+json errors, our Blueprint and parser, helpers."""

from __future__ import annotations

import http
import json

import flask_smorest
from flask import current_app
from flask_smorest.utils import prepare_response
from webargs.core import missing
from webargs.flaskparser import FlaskParser, abort, is_json_request
from werkzeug.routing import IntegerConverter

from service.errors import PROBLEM_MEDIA_TYPE, handle_http_exception
from service.schemas import ProblemSchema

API_SETTINGS = {
    "API_TITLE": "claimtrace",
    "API_VERSION": "1.0",
    "OPENAPI_VERSION": "3.0.3",
    # /openapi.json comes from flask-smorest; /docs is our own blueprint so its assets are local.
    "OPENAPI_URL_PREFIX": "/",
    "OPENAPI_JSON_PATH": "openapi.json",
    "API_SPEC_OPTIONS": {
        "info": {
            "description": "Who said this, when, and where was it published: statements extracted from "
            "news articles, and claims fuzzy-matched against them. Every error is "
            "`application/problem+json` (RFC 9457).",
        },
    },
}


MAX_STORE_ID = 2**63 - 1


class StoreIdConverter(IntegerConverter):
    """The app's `<int:...>` converter: ids the SQLite store can hold, 1..2**63-1.

    Every integer in our paths is a store id. Outside that range no row can exist, so routing
    answers 404 (and the spec documents the range) instead of the store overflowing into a 500.
    """

    def __init__(self, map, fixed_digits=0, min=1, max=MAX_STORE_ID, signed=False):  # noqa: A002
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


class ApiParser(FlaskParser):
    """webargs parser: 415 for bodies that are not JSON, and each schema's own `unknown` policy.

    webargs would otherwise treat a form or text body as "no body" and report missing fields, which
    hides the real mistake, and would silently drop unknown query arguments, so a misspelt filter
    (`?speakr=`) would answer unfiltered results instead of saying what is wrong.
    """

    def load_json(self, req, schema):
        """Read the JSON body, refusing other media types and JSON no stored text could hold."""
        if (req.mimetype or req.get_data(cache=True)) and not is_json_request(req):
            abort(415)
        try:
            data = super().load_json(req, schema)
        except RecursionError:  # json.loads on "[[[[..." thousands deep
            abort(400, message="The request body is nested too deeply to read.")
        if data is not missing and not _encodable(data):
            abort(
                400, message="The request body holds an unpaired UTF-16 surrogate escape (such as \\ud800)."
            )
        return data


def _encodable(data) -> bool:
    # JSON may escape half a surrogate pair; such a string is no Unicode text and cannot be stored.
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Blueprint(flask_smorest.Blueprint):
    """flask-smorest Blueprint using our parser."""

    ARGUMENTS_PARSER = ApiParser(unknown=None)


class Api(flask_smorest.Api):
    """flask-smorest Api whose errors, and their documentation, are RFC 9457 problem details."""

    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error):
        """Answer every HTTP error with problem+json."""
        return handle_http_exception(error)

    def _register_responses(self):
        # Same as flask-smorest's, but documents error bodies as application/problem+json.
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_MEDIA_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Any error", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_MEDIA_TYPE)
        self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, response, lazy=True)


def problem(description: str) -> dict:
    """Keyword arguments for `blp.alt_response` documenting one problem+json error answer."""
    return {"schema": ProblemSchema, "content_type": PROBLEM_MEDIA_TYPE, "description": description}


def services():
    """The shared objects create_app() built for this app (settings, store, index)."""
    return current_app.extensions["claimtrace"]


def page_window(args: dict) -> tuple[int, int]:
    """(offset, limit) for the page and page_size query arguments."""
    return (args["page"] - 1) * args["page_size"], args["page_size"]


def page_body(items: list, total: int, args: dict) -> dict:
    """The envelope every paginated list answers with."""
    return {"items": items, "total": total, "page": args["page"], "page_size": args["page_size"]}


def found_or_404(value, what: str, ident: int):
    """Return `value`, or answer 404 problem+json naming what was not found."""
    if value is None:
        abort(404, message=f"There is no {what} with id {ident}.")
    return value
