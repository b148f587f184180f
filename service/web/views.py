"""The fact-checkers' pages: search at /, an article with a statement marked, a speaker over time.

Thin views like the API's: read the query string, call the service layer, dump its records with the
API's own schemas and hand plain dicts to the templates, so the pages show what the API answers.
"""

from __future__ import annotations

from http import HTTPStatus

from flask import Blueprint, json, render_template, request, url_for
from werkzeug.exceptions import HTTPException, NotFound

from service.api.base import MAX_STORE_ID, services
from service.errors import (
    handle_constraint_error,
    handle_http_exception,
    handle_storage_error,
    handle_unexpected_exception,
)
from service.schemas import (
    ArticleDetailSchema,
    MatchResponseSchema,
    MatchSchema,
    QuoteSchema,
    SpeakerSummarySchema,
)
from service.storage import ConstraintError, StorageError
from service.web import render
from service.web.forms import (
    RESULTS_SHOWN,
    read_search_args,
    search_filters,
    shared_query,
)

blp = Blueprint(
    "web",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/static/web",
)

# Stricter than the API's HTML policy: these pages use no inline style or script at all.
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


@blp.after_request
def strict_page_policy(response):
    """Every page and asset of this blueprint gets the strict content security policy."""
    response.headers["Content-Security-Policy"] = PAGE_CSP
    return response


@blp.app_template_global()
def helpers():
    """The pure rendering helpers, for the templates."""
    return render


@blp.get("/")
def search():
    """The claim box, filters and, for a claim in the query string, its matches or near misses."""
    args, errors = read_search_args(request.args)
    answer, near_misses = None, []
    if args.get("claim") and not errors:
        answer = MatchResponseSchema().dump(
            services().match(args["claim"], limit=RESULTS_SHOWN, min_score=None, filters=search_filters(args))
        )
        near_misses = answer.get("near_misses") or []
    status = 400 if errors else 200
    page = render_template(
        "search.html",
        args=args,
        errors=errors,
        answer=answer,
        near_misses=near_misses,
        share_url=url_for("web.search", _external=True, **shared_query(args)),
        # The score's meaning as the API documents it, so page and OpenAPI document say the same.
        score_meaning=MatchSchema().fields["score"].metadata.get("description"),
    )
    return page, status


# Not `<int:...>`: an id the store cannot hold fails routing with the API's JSON 404, not a page.
@blp.get("/view/article/<path_id>")
def article(path_id: str):
    """An article's text with every statement marked and the one asked for (`?quote=`) highlighted."""
    article_id = _store_id(path_id)
    if article_id is None:
        return _not_found(f"There is no article with id {path_id}.")
    detail = services().article_detail(article_id)
    stored = services().article_text(article_id)
    if detail is None or stored is None:
        return _not_found(f"There is no article with id {article_id}.")
    detail = ArticleDetailSchema().dump(detail)
    chosen_id = request.args.get("quote", type=int)
    by_id = {quote["id"]: quote for quote in detail["quotes"]}
    chosen = by_id.get(chosen_id)
    layout = render.article_layout(stored["text"], detail["quotes"], chosen["id"] if chosen else None)
    return render_template("article.html", article=detail, chosen=chosen, layout=layout, asked=chosen_id)


@blp.get("/view/speaker")
def speaker():
    """A speaker's statements over time (`?name=` the speaker's name), with their outlets."""
    name = request.args.get("name", "").strip()
    found = services().speaker_statements(name) if name else None
    if found is None:
        return _not_found(f"No speaker is named {name!r}." if name else "No speaker was named.")
    person, quotes = found
    statements = render.by_time(QuoteSchema(many=True).dump(quotes))
    return render_template("speaker.html", speaker=SpeakerSummarySchema().dump(person), statements=statements)


@blp.get("/view/<path:anything>")
def unknown_view(anything: str):
    """Any other address under /view/ (an article id that is not a number, a page that does not exist)."""
    raise NotFound()


# The API's own problem+json handlers, in the order a failure is matched against them.
PROBLEM_HANDLERS = (
    (HTTPException, handle_http_exception),
    (StorageError, handle_storage_error),
    (ConstraintError, handle_constraint_error),
)


@blp.errorhandler(Exception)
def error_page(error: Exception):
    """Any failure on a page as a page: the title and detail the API's problem+json gives for it.

    The problem handlers decide status, wording and headers (Retry-After, WWW-Authenticate) once for
    API and pages alike; a 5xx says only what the problem says, never the exception.
    """
    handler = next(
        (h for kind, h in PROBLEM_HANDLERS if isinstance(error, kind)), handle_unexpected_exception
    )
    problem = handler(error)
    body = json.loads(problem.get_data(as_text=True))
    headers = [
        (name, value) for name, value in problem.headers.items() if name.lower() not in SKIPPED_HEADERS
    ]
    status = problem.status_code
    title = body.get("title") or HTTPStatus(status).phrase
    return (
        render_template("error.html", title=title, message=body.get("detail"), status=status),
        status,
        headers,
    )


SKIPPED_HEADERS = frozenset({"content-type", "content-length"})


def _store_id(text: str) -> int | None:
    number = int(text) if text.isascii() and text.isdigit() and len(text) < 20 else 0
    return number if 0 < number <= MAX_STORE_ID else None


def _not_found(message: str):
    return render_template("error.html", title="Not Found", message=message, status=404), 404
