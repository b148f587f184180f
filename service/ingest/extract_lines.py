"""Lines written by `python -m service extract` or `batch-extract`, read back as statements to import.

Such a line names its article and carries the speaker as an object; the article's title, outlet,
date and URL sit in the matching `extract --articles` line (batch-extract's articles/ folder),
which the caller passes as a mapping from article name to that line.
"""

from __future__ import annotations

from collections.abc import Mapping

ARTICLE_FIELDS = ("title", "outlet", "published", "url")
MAX_REF_CHARS = 300


def is_extract_line(obj: dict) -> bool:
    """True for a statement line of `extract` (an `article` name and a speaker object)."""
    return "article" in obj and isinstance(obj.get("speaker"), dict)


def from_extract_line(obj: dict, articles: Mapping[str, dict] | None = None) -> dict:
    """The import format's fields for one extract line; the importer then validates them as usual.

    An anonymous source stays anonymous: no speaker name, its description ("officials") as the role.
    The ref (article name and offsets) keeps one statement per article, so loading the same output
    twice adds nothing, and wire copies carried by several articles stay apart for provenance.
    """
    speaker = obj["speaker"]
    anonymous = speaker.get("anonymous") is True
    article = obj.get("article")
    meta = (articles or {}).get(article) if isinstance(article, str) else None
    row = {
        "text": _statement_text(obj),
        "speaker": None if anonymous else speaker.get("name"),
        "role": speaker.get("role") or (speaker.get("mention") if anonymous else None),
        "said_on": obj.get("said_on"),
        "venue": obj.get("venue"),
        "kind": obj.get("kind", "direct"),
    }
    for name in ARTICLE_FIELDS:
        row[name] = (meta or {}).get(name)
    ref = f"{article}:{obj.get('start')}-{obj.get('end')}"
    if isinstance(article, str) and len(ref) <= MAX_REF_CHARS:
        row["ref"] = ref
    return row


def _statement_text(obj: dict):
    """A split quote's words are its parts joined (the line's text spans the attribution between them)."""
    parts = obj.get("parts")
    if isinstance(parts, list) and len(parts) > 1:
        texts = [part.get("text") if isinstance(part, dict) else None for part in parts]
        if all(isinstance(text, str) for text in texts):
            return " ".join(texts)
    return obj.get("text")
