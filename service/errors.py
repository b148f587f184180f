"""One error shape for the whole API: RFC 9457 problem details (`application/problem+json`)."""

from __future__ import annotations

import http
import logging

from flask import Flask, Response, json, request
from werkzeug.exceptions import HTTPException, InternalServerError

from service.storage import ConstraintError, StorageError

PROBLEM_MEDIA_TYPE = "application/problem+json"
REQUEST_ID_KEY = "claimtrace.request_id"  # set by service.server.request_id.RequestId

log = logging.getLogger(__name__)

# What a client did wrong, said plainly; werkzeug's own descriptions are written for HTML pages.
_DETAILS = {
    400: "The request could not be read.",
    404: "There is nothing at this address.",
    405: "This address does not accept that method; the Allow header lists the ones it does.",
    413: "The request body is larger than the service accepts.",
    415: "The request body must be JSON, sent with Content-Type: application/json.",
    422: "The request was read but some of its values are not acceptable; see `errors`.",
    500: "The service failed to answer this request; the failure has been logged.",
}


def problem_response(
    status: int,
    detail: str | None = None,
    *,
    errors: dict | None = None,
    headers: dict | None = None,
    title: str | None = None,
) -> Response:
    """Build one problem+json response; `errors` carries field messages for validation failures."""
    body = {
        "type": "about:blank",
        "title": title or http.HTTPStatus(status).phrase,
        "status": status,
        "detail": detail or _DETAILS.get(status) or http.HTTPStatus(status).description,
    }
    if errors:
        body["errors"] = errors
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_MEDIA_TYPE)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _field_errors(messages) -> dict:
    """webargs nests messages under the request location ("json", "query"); clients want the fields."""
    if not isinstance(messages, dict):
        return {"_request": messages}
    merged: dict = {}
    for location, fields in messages.items():
        if location in {"json", "query", "querystring", "view_args", "path", "form"}:
            if isinstance(fields, dict):
                merged.update(fields)
            else:
                merged["_request"] = fields
        else:
            merged[location] = fields
    return merged


def handle_http_exception(error: HTTPException) -> Response:
    """Turn any HTTPException (abort, routing, webargs validation) into a problem response."""
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    # Keep headers werkzeug computed (Allow on 405, Retry-After...) but not its HTML content type.
    headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
    headers.update(data.get("headers") or {})
    detail = data.get("message")
    errors = data.get("errors")
    if errors is None and "messages" in data:
        messages = data["messages"]
        if status == 400 and messages == {"json": ["Invalid JSON body."]}:
            detail = detail or "The request body is not valid JSON."
        else:
            errors = _field_errors(messages)
    if status >= 500:
        detail = _DETAILS[500]
    elif detail is None and error.description and not _is_default_description(error):
        detail = error.description  # set explicitly by abort(code, "description")
    return problem_response(status, detail, errors=errors, headers=headers)


def _is_default_description(error: HTTPException) -> bool:
    return error.description == type(error).description


def handle_constraint_error(error: ConstraintError) -> Response:
    """A value the store cannot keep (nothing was stored): the client's to change, so 422."""
    reason = str(error).splitlines()[0] if str(error) else "a value breaks a rule of the store"
    return problem_response(422, f"The store cannot keep this request's data: {reason}.")


def handle_storage_error(error: StorageError) -> Response:
    """The store did not answer (a database server down or restarting): nothing was written; retry."""
    log.error("storage unavailable: %s", error)
    return problem_response(503, "The store is unavailable; try again shortly.", headers={"Retry-After": "5"})


def handle_unexpected_exception(error: Exception) -> Response:
    """Log an uncaught exception and answer 500 without leaking a stack trace."""
    # The request id ties this log entry to the access log line and to what the client was told.
    log.exception("unhandled error (request %s)", request.environ.get(REQUEST_ID_KEY, "-"), exc_info=error)
    return handle_http_exception(InternalServerError())


def register_error_handlers(app: Flask) -> None:
    """Route every error the app can raise through the problem+json handlers."""
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(ConstraintError, handle_constraint_error)
    app.register_error_handler(StorageError, handle_storage_error)
    app.register_error_handler(Exception, handle_unexpected_exception)
