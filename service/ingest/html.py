"""HTML posted as an article: its main text, read by trafilatura, is what is stored and extracted.

Offsets then index the stored text, as for any article; a page with no article text in it is refused
rather than stored as markup with no statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Two tags of elements every page has: plain news copy never holds them ("<b>" alone, "a < b > c" do not
# count), while a pasted page or fragment always does.
_TAG_RE = re.compile(
    r"<(?:!doctype\s+html|/?(?:html|head|body|p|div|span|a|br|article|section|main|h[1-6]|li|ul|ol|"
    r"script|style|meta|title|table|tr|td|header|footer|nav|figure|img|strong|em)\b[^<>]{0,2000}>)",
    re.IGNORECASE,
)
MIN_TAGS = 2
MIN_WORDS = 5  # a page whose main text is shorter holds navigation or a caption, not an article


class UnreadableArticle(ValueError):
    """Posted text that cannot be read as an article (a page with no article text in it)."""


@dataclass(frozen=True)
class PageText:
    """An HTML page's main text, paragraphs separated by blank lines, and what its markup says of it."""

    text: str
    metadata: dict[str, str] = field(default_factory=dict)  # title, published where the page names them


def looks_like_html(text: str) -> bool:
    """Whether posted text is HTML markup rather than article text."""
    return sum(1 for _ in zip(range(MIN_TAGS), _TAG_RE.finditer(text), strict=False)) >= MIN_TAGS


def page_text(html: str) -> PageText:
    """The main text of an HTML page; UnreadableArticle when it holds none."""
    # Imported here: only a posted page needs the extractor (and lxml), not every start of the service.
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    # trafilatura's defaults drop texts under 250 characters; a short news item is still an article.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, config=config
    )
    body = (document.text or "") if document is not None else ""
    paragraphs = [" ".join(line.split()) for line in body.splitlines()]
    text = "\n\n".join(line for line in paragraphs if line)
    if len(text.split()) < MIN_WORDS:
        raise UnreadableArticle(
            "The text is an HTML page with no article text in it; post the article's text instead."
        )
    metadata = {}
    if document.title and document.title.strip():
        metadata["title"] = " ".join(document.title.split())
    if document.date:
        metadata["published"] = document.date
    return PageText(text + "\n", metadata)
