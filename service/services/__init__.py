"""The use cases: match, statement/article/speaker detail, add and delete articles, ingest, import, reindex.

The HTTP views and the command line call this package and nothing below it; Flask is never
imported here. `ClaimTrace` (claimtrace.py) serves requests in one process; bulk.py holds the
use cases run once over a whole store; indexes.py opens the saved index and vectors for both.
"""

from service.services.bulk import count_quotes, import_quotes, ingest, reindex
from service.services.claimtrace import ClaimTrace, UnreadableArticle
from service.services.indexes import INDEX_FOLDER, VECTORS_FOLDER, index_folder, is_new, open_search

__all__ = [
    "INDEX_FOLDER",
    "VECTORS_FOLDER",
    "ClaimTrace",
    "UnreadableArticle",
    "count_quotes",
    "import_quotes",
    "index_folder",
    "ingest",
    "is_new",
    "open_search",
    "reindex",
]
