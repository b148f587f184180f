"""Loading article texts into the store: corpus files and folders, or one text posted over HTTP."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from service.ingest.html import looks_like_html, page_text
from service.ingest.precedence import resolve_metadata
from service.models import Extraction, StoredArticle
from service.storage import ConstraintError, Store, content_hash
from service.text.controls import without_controls

ARTICLE_SUFFIXES = (".txt",)  # what a folder contributes; a file named explicitly is read whatever its name
METADATA_FILE = "metadata.json"
PROGRESS_EVERY = 50  # files between progress calls on long runs

# extract(text) or extract(text, title=...): a caller's title tells a headline from a first sentence.
Extractor = Callable[..., Extraction]


@dataclass
class IngestReport:
    """What one ingest run did; `failures` pairs each skipped file with the reason."""

    added: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # paths given that do not exist
    elapsed: float = 0.0

    @property
    def seen(self) -> int:
        """Files looked at so far."""
        return self.added + self.unchanged + self.failed


def _default_extractor() -> Extractor:
    # Imported on first use: extraction is heavy and the store must not depend on it.
    from service.extraction import extract

    return extract


def ingest_text(
    store: Store, text: str, given: dict | None = None, *, extractor: Extractor | None = None
) -> tuple[StoredArticle, bool]:
    """Store one article posted over HTTP; given metadata comes from the request. (article, created).

    The stored text has no control characters; an HTML page is stored as its main text (its title and
    date fill what the request leaves out), or refused with UnreadableArticle when it has none.
    """
    text = without_controls(text)
    if looks_like_html(text):
        page = page_text(text)
        text, given = page.text, {**page.metadata, **{k: v for k, v in (given or {}).items() if v}}
    existing = store.find_article(content_hash(text))
    if existing is not None:  # skip extraction for a text already stored
        return existing, False
    extractor = extractor or _default_extractor()
    title = (given or {}).get("title")
    extraction = extractor(text, title=title) if title else extractor(text)
    return save_extraction(store, text, extraction, given=given, given_source="request")


def save_extraction(
    store: Store,
    text: str,
    extraction: Extraction,
    *,
    given: dict | None = None,
    given_source: str = "metadata",
    path: str | None = None,
) -> tuple[StoredArticle, bool]:
    """Store an extracted article with its metadata resolved (text first, given values second)."""
    metadata = resolve_metadata(extraction, given, given_source)
    return store.save_article(text, extraction.quotes, metadata, path=path)


def _ingest_one(store: Store, text: str, given, path: Path, extractor: Extractor, fail) -> bool | None:
    """Store one corpus text: True when added, False when already stored, None when it failed."""
    if store.find_article(content_hash(text)) is not None:
        return False
    try:
        extraction = extractor(text)
    except Exception as error:  # an extraction bug on one article must not stop the rest
        fail(str(path), f"extraction failed: {type(error).__name__}: {error}")
        return None
    try:
        _, created = save_extraction(store, text, extraction, given=given, path=path.name)
    except ConstraintError as error:  # the extraction broke a constraint; nothing was stored
        fail(str(path), f"not stored: {error}")
        return None
    return created


def article_files(paths: Iterable[str | Path], report: IngestReport) -> list[Path]:
    """Expand files and folders (recursively) into article files in a stable order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
        elif path.is_file():
            found.append(path)
        else:
            report.missing.append(str(path))
    return found


def read_metadata_file(folder: Path) -> tuple[dict[str, dict], str | None]:
    """The per-file metadata in a folder's metadata.json ({file name: fields}) and any problem reading it."""
    source = folder / METADATA_FILE
    if not source.is_file():
        return {}, None
    try:
        articles = json.loads(source.read_text(encoding="utf-8")).get("articles", {})
    except (OSError, ValueError, AttributeError) as error:
        return {}, f"{source}: cannot read metadata ({error})"
    if not isinstance(articles, dict):
        return {}, f"{source}: 'articles' is not an object"
    return {name: value for name, value in articles.items() if isinstance(value, dict)}, None


def read_article(path: Path) -> str:
    """An article file's text (UTF-8, no byte-order mark, no control characters); ValueError if unusable."""
    try:
        text = without_controls(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    if not text.strip():
        raise ValueError("empty file")
    return text


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    progress: Callable[[IngestReport], None] | None = None,
    *,
    extractor: Extractor | None = None,
    on_failure: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Ingest article files and folders; a file that fails is reported and skipped, never fatal."""
    extractor = extractor or _default_extractor()
    report = IngestReport()
    started = time.perf_counter()
    metadata_by_folder: dict[Path, dict[str, dict]] = {}

    def fail(where: str, reason: str) -> None:
        report.failures.append((where, reason))
        if on_failure is not None:
            on_failure(where, reason)

    for path in article_files(paths, report):
        folder = path.parent
        if folder not in metadata_by_folder:
            metadata_by_folder[folder], problem = read_metadata_file(folder)
            if problem:
                fail(str(folder / METADATA_FILE), problem)
        try:
            text = read_article(path)
        except (OSError, ValueError) as error:
            report.failed += 1
            fail(str(path), str(error))
            continue
        created = _ingest_one(store, text, metadata_by_folder[folder].get(path.name), path, extractor, fail)
        if created is None:
            report.failed += 1
        else:
            report.added += created
            report.unchanged += not created
        if progress is not None and report.seen % PROGRESS_EVERY == 0:
            report.elapsed = time.perf_counter() - started
            progress(report)
    report.elapsed = time.perf_counter() - started
    return report
