"""Use cases run once over a whole store: ingest article files, import statement files, rebuild the index.

Each opens the store the settings name for its run and closes it after.
"""

from __future__ import annotations

import time
from contextlib import closing

from service.batch.output import import_sources, known_vectors
from service.config import Settings
from service.ingest.articles import IngestReport, ingest_paths
from service.ingest.importer import ImportReport, import_file
from service.search.index.persist import rebuild
from service.services.indexes import index_folder, open_search
from service.storage import open_store


def ingest(settings: Settings, paths: list[str], *, progress=None, on_failure=None) -> IngestReport:
    """Load article files or folders into the store the settings name (idempotent)."""
    with closing(open_store(settings)) as store:
        return ingest_paths(store, paths, progress=progress, on_failure=on_failure)


def import_quotes(
    settings: Settings,
    paths: list[str],
    *,
    progress=None,
    on_bad_line=None,
    on_report=None,
    on_index=None,
    on_vectors=None,
    update_index=True,
) -> list[ImportReport]:
    """Import statement files, then bring the saved index up to date (unless told not to).

    `on_report(report)` hears each file's report; `on_index(size, seconds)` the saved index's size;
    `on_vectors(done, total)` the encoding of the new statements' vectors, batch by batch.
    """
    reports = []
    with closing(open_store(settings)) as store:
        # A batch-extract output folder stands for its statement part files and its articles' metadata.
        for file, articles in (source for path in paths for source in import_sources(path)):
            report = import_file(store, file, progress=progress, on_bad_line=on_bad_line, articles=articles)
            reports.append(report)
            if on_report:
                on_report(report)
        if update_index and any(report.added for report in reports):
            # The next start-up then only maps the saved index instead of replaying the import.
            started = time.monotonic()
            known = known_vectors(paths) if settings.embeddings else None
            index = open_search(settings, store, resave_after=1, progress=on_vectors, known_vectors=known)
            if on_index:
                on_index(len(index), time.monotonic() - started)
    return reports


def reindex(settings: Settings, *, progress=None) -> int:
    """Rebuild the saved match index from the store; the number of statements indexed."""
    with closing(open_store(settings)) as store:
        return len(rebuild(store, index_folder(settings), progress=progress))


def count_quotes(settings: Settings) -> int:
    """How many statements the store holds."""
    with closing(open_store(settings)) as store:
        return store.count_quotes()
