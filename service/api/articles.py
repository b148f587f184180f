"""/articles: article metadata, where each field came from, and statements; key-guarded POST and DELETE."""

from __future__ import annotations

from webargs.flaskparser import abort

from service.api import security
from service.api.base import Blueprint, found_or_404, page_body, page_window, problem, services
from service.schemas import (
    ArticleCreateSchema,
    ArticleDetailSchema,
    ArticlePageSchema,
    ArticleTextSchema,
    PageArgsSchema,
)
from service.services import UnreadableArticle

blp = Blueprint("articles", __name__, description="The articles statements were extracted from.")


@blp.get("/articles")
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, ArticlePageSchema)
def list_articles(args):
    """Articles in the order they were stored, a page at a time."""
    offset, limit = page_window(args)
    articles, total = services().list_articles(offset, limit)
    return page_body(articles, total, args)


@blp.get("/articles/<int:article_id>")
@blp.response(200, ArticleDetailSchema)
@blp.alt_response(404, **problem("No article has this id."))
def get_article(article_id):
    """One article: metadata, the source of each field (text or corpus metadata) and its statements."""
    return found_or_404(services().article_detail(article_id), "article", article_id)


@blp.get("/articles/<int:article_id>/text")
@blp.response(200, ArticleTextSchema)
@blp.alt_response(404, **problem("No article has this id."))
def get_article_text(article_id):
    """The article's stored text, which every statement's offsets point into."""
    return found_or_404(services().article_text(article_id), "article", article_id)


EXAMPLE = {
    "text": 'Minister defends grain deal\n\nKYIV (Reuters) - "The corridor will carry 40,000 tonnes a week," '
    "Deputy Minister Olena Petrenko told reporters on Tuesday.\n",
    "outlet": "Reuters",
    "url": "https://news.example/grain-deal",
}


def _problem(description: str, headers: dict[str, str] | None = None) -> dict:
    """Keyword arguments documenting one problem+json error answer, with the headers it always carries."""
    documented = problem(description)
    if headers:
        documented["headers"] = {
            name: {"description": text, "schema": {"type": "string"}} for name, text in headers.items()
        }
    return documented


GUARD_RESPONSES = (
    (
        401,
        "No valid `Authorization: Bearer <key>` header.",
        {"WWW-Authenticate": "The scheme to authenticate with: `Bearer`."},
    ),
    (403, "Writes are disabled: the server has no API keys configured.", None),
    (429, "Too many requests from this client.", {"Retry-After": "Seconds to wait before trying again."}),
)


def _guarded(view):
    """Document the auth and rate-limit answers and the bearer scheme, then require a key before parsing."""
    for status, description, headers in GUARD_RESPONSES:
        view = blp.alt_response(status, **_problem(description, headers))(view)
    view = blp.doc(security=security.WRITE_SECURITY)(view)
    # Outermost: a request without a key is refused before its body is read or validated.
    return security.require_key(view)


@blp.post("/articles")
@_guarded
@blp.arguments(ArticleCreateSchema, example=EXAMPLE)
@blp.response(201, ArticleDetailSchema, description="Stored: the new article and the statements found in it.")
@blp.alt_response(
    200,
    schema=ArticleDetailSchema,
    success=True,
    description="This text was already stored: the existing article.",
)
@blp.alt_response(413, **_problem("The body is over 1 MB or the text over the article character limit."))
@blp.alt_response(
    422,
    **_problem(
        "The text cannot be read as an article: an HTML page with no article text in it. "
        "(A page with an article is stored as its main text.)"
    ),
)
def create_article(args):
    """Extract and store an article; posting the same text again answers 200 with the stored article."""
    text = args.pop("text")
    security.check_article_size(text)
    try:
        article_id, detail, created = services().add_article(text, args)
    except UnreadableArticle as error:
        abort(422, message=str(error))
    # A DELETE from another client may land in between: then there is nothing to show.
    return found_or_404(detail, "article", article_id), 201 if created else 200


@blp.delete("/articles/<int:article_id>")  # create_api makes `int` a store id (1..2**63-1)
@_guarded
@blp.response(204, description="Deleted, with its statements; no worker matches them any more.")
@blp.alt_response(404, **_problem("No article has this id."))
def delete_article(article_id):
    """Delete an article and its statements from the store and from every worker's match index."""
    found_or_404(services().delete_article(article_id) or None, "article", article_id)
