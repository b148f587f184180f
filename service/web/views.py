"""The fact-checkers' pages: search at /, an article with a statement marked, a speaker over time.

Thin views like the API's: read the query string, call the service layer, dump its records with the
API's own schemas and hand plain dicts to the templates, so the pages show what the API answers.
"""

from __future__ import annotations

from http import HTTPStatus

from flask import Blueprint, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from service.api.base import services
from service.schemas import (
    ArticleDetailSchema,
    MatchResponseSchema,
    MatchSchema,
    QuoteSchema,
    SpeakerSummarySchema,
)
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


@blp.get("/view/article/<int:article_id>")
def article(article_id: int):
    """An article's text with every statement marked and the one asked for (`?quote=`) highlighted."""
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


@blp.errorhandler(HTTPException)
def error_page(error: HTTPException):
    """A refused page (no key, too many requests) as a page, with the headers the API would send."""
    status = error.code or 500
    headers = [(name, value) for name, value in error.get_headers() if name.lower() != "content-type"]
    message = error.description if status < 500 else "The page could not be shown; the failure is logged."
    return render_template("error.html", title=HTTPStatus(status).phrase, message=message), status, headers


def _not_found(message: str):
    return render_template("error.html", title="Not found", message=message), 404
