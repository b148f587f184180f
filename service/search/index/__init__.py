"""Candidate retrieval and scoring of statements against a claim, fast at a million statements.

Design. A claim and every statement go through the same processor (`service.normalize`): folded
case, quotes and numbers, stop words dropped, Porter2 stems. Retrieval is BM25 over an inverted
index kept as CSR numpy arrays (term -> ascending doc numbers + one-byte impacts): the claim's
rarest terms are accumulated exactly into a dense float32 scratch array, the commonest ones only
adjust the best few hundred candidates by binary search, so a query never walks every posting
of "russia" or every statement. The top candidates are then rescored 0-100 (`scoring`): the
share of the claim's IDF weight found in the statement, the statement's share explained by the
claim, and RapidFuzz's token_set_ratio with a score_cutoff. Claim words the index never saw are
mapped to the closest known term (one or two edits) so typos still find their statement. Rescoring
reads each candidate's distinct term ids from a forward index, so no candidate text is re-parsed.

Filters. A speaker filter is a mask over the segment's speaker column (names folded as the store
folds them), applied before the top candidates are chosen; other filters go through a `keep`
callback over candidate ids, over-fetching until enough pass.

Modules: `segment` (arrays), `bulk` (build from rows, append a bulk-built segment), `retrieval`
(BM25 candidates), `scoring` (0-100 score, highlights), `vocab` (terms, typo lookup), `delta`
(additions, merge), `persist` (save/load/open/rebuild beside the store), `core` (QuoteIndex:
arrays, updates, statistics), `searching` (its query side: claim terms, candidates, rescoring).
Bulk builds read terms through `service.term_cache` (batches of texts tokenised at once, numbers
cut out for the full normaliser), which gives exactly `normalize.content_terms`.

Start-up. A worker maps the saved index and replays the change log from its seq; a replay of many
statements (a big offline import) is bulk-built from `index_rows(after_id=...)` and appended to the
main segment rather than added one by one. `import-quotes` leaves the saved index current and
`python -m service reindex` rebuilds it, so after either a start-up is a file map.

Sharing between gunicorn workers. The bulk of the index is one immutable `Segment` of a few
flat arrays (postings, impacts, quote ids, the texts as one UTF-8 blob, speaker columns), built
from the store before the fork (`gunicorn --preload`) or memory-mapped from the file `persist`
writes beside the store; refcounting touches array headers only, so the pages stay shared.
Each worker keeps a small private `Delta` of statements added since, fed by `sync(store)` from
the store's change log (seq), and tombstones for removals; when the delta passes MERGE_AT
statements it is merged into a fresh segment (that worker's copy stops being shared until
the next restart rebuilds or maps the persisted one).
"""

from service.search.index.core import QuoteIndex
from service.search.index.persist import load, open_index, save
from service.search.index.scoring import SCORER, Hit, highlight_spans

__all__ = ["SCORER", "Hit", "QuoteIndex", "highlight_spans", "load", "open_index", "save"]
