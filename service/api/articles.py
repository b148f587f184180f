"""GET /articles and GET /articles/{id}: article metadata, where each field came from, and statements."""

from __future__ import annotations

from service.api.base import Blueprint, found_or_404, page_body, page_window, problem, services
from service.schemas import ArticleDetailSchema, ArticlePageSchema, PageArgsSchema

# POST/DELETE /articles (key-guarded) are added to this blueprint by service/api/article_writes.py.
blp = Blueprint("articles", __name__, description="The articles statements were extracted from.")


@blp.get("/articles")
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, ArticlePageSchema)
def list_articles(args):
    """Articles in the order they were stored, a page at a time."""
    offset, limit = page_window(args)
    articles, total = services().store.list_articles(offset, limit)
    return page_body(articles, total, args)


@blp.get("/articles/<int:article_id>")
@blp.response(200, ArticleDetailSchema)
@blp.alt_response(404, **problem("No article has this id."))
def get_article(article_id):
    """One article: metadata, the source of each field (text or corpus metadata) and its statements."""
    return found_or_404(services().article_detail(article_id), "article", article_id)
