"""Which metadata an article is stored with: what its text says first, values given from outside second."""

from __future__ import annotations

from service.models import Extraction
from service.storage import METADATA_FIELDS, ArticleMetadata
from service.text.controls import without_controls

# Where given values come from: a corpus folder's metadata.json, or the body of POST /articles.
GIVEN_SOURCES = ("metadata", "request")


def resolve_metadata(extraction: Extraction, given: dict | None, given_source: str) -> ArticleMetadata:
    """The metadata to store: each field from the text when it says, else from `given`, named by source.

    A title given in the request wins over the one read from the text.
    """
    if given_source not in GIVEN_SOURCES:
        raise ValueError(f"given_source must be one of {GIVEN_SOURCES}, not {given_source!r}")
    from_text = {
        name: value
        for name in METADATA_FIELDS
        if isinstance(value := getattr(extraction.meta, name, None), str) and value.strip()
    }
    # Given values are stored as the text is: without control characters (PostgreSQL cannot hold NUL).
    from_outside = {
        name: without_controls(value).strip()
        for name in METADATA_FIELDS
        if isinstance(value := (given or {}).get(name), str) and without_controls(value).strip()
    }
    values, sources = {}, {}
    for name in METADATA_FIELDS:
        if name == "title" and given_source == "request" and name in from_outside:
            # A caller who names the title knows it; the text's first line is only a guess.
            values[name], sources[name] = from_outside[name], given_source
        elif name in from_text:
            values[name], sources[name] = from_text[name], "text"
        elif name in from_outside:
            values[name], sources[name] = from_outside[name], given_source
    return ArticleMetadata(
        values=values,
        sources=sources,
        from_text=from_text,
        given=from_outside,
        given_source=given_source if from_outside else None,
    )
