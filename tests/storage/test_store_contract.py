"""The Store contract, run on every backend: articles, statements, speakers, filters, log, transactions."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.config import PROJECT_ROOT
from service.ingest.articles import save_extraction
from service.models import ArticleMeta, Extraction, Quote, Speaker
from service.storage import (
    IMPORTED_ARTICLE_ID,
    ConstraintError,
    QuoteFilters,
    StorageError,
    Store,
    content_hash,
    name_key,
    open_store,
)

TEXT = (
    'Talks resume\n\nMOSCOW - "We will not accept this," Deputy Defense Minister Anatoly Antonov'
    " said on Tuesday."
    " He added that the talks would go on.\n"
)


def quote(text, start, kind="direct", name="Anatoly Antonov", **extra) -> Quote:
    """A hand-built statement, as extraction would return it."""
    speaker = extra.pop("speaker", None) or Speaker(
        name=name, role="deputy defense minister", mention="Antonov"
    )
    return Quote(text=text, start=start, end=start + len(text), kind=kind, speaker=speaker, **extra)


def extraction(*quotes, title="Talks resume", published="2016-06-03", outlet=None) -> Extraction:
    """Metadata read from the text plus statements."""
    return Extraction(meta=ArticleMeta(title=title, published=published, outlet=outlet), quotes=tuple(quotes))


def sample_extraction() -> Extraction:
    """Two statements from TEXT, one direct and one reported through a pronoun."""
    first = TEXT.index("We will")
    second = TEXT.index("the talks would")
    he = Speaker(name="Anatoly Antonov", mention="He")
    return extraction(
        quote("We will not accept this,", first, cue="said", said_on="2016-05-31"),
        quote("the talks would go on", second, kind="indirect", speaker=he, cue="added"),
    )


def save(store: Store, text: str, found: Extraction, **given_and_path):
    """Store an extracted article as ingest does (metadata resolved on the ingest side)."""
    return save_extraction(store, text, found, **given_and_path)


def test_save_article_stores_text_statements_and_resolved_metadata(store):
    article, created = save(
        store,
        TEXT,
        sample_extraction(),
        path="a.txt",
        given={"outlet": "RT", "title": "Given title", "url": None},
    )
    assert created
    assert (article.title, article.published, article.outlet, article.path) == (
        "Talks resume",
        "2016-06-03",
        "RT",
        "a.txt",
    )
    assert article.sources == {"title": "text", "published": "text", "outlet": "metadata"}
    assert article.content_hash == content_hash(TEXT)
    assert store.article_text(article.id) == TEXT
    from_text, given_values = store.article_metadata(article.id)
    assert from_text["title"] == "Talks resume" and given_values == {"outlet": "RT", "title": "Given title"}
    stored = store.article_quotes(article.id)
    assert [q.kind for q in stored] == ["direct", "indirect"]
    for q in stored:
        assert TEXT[q.start : q.end] == q.text
        assert q.article.id == article.id and q.article.outlet == "RT"
    assert stored[0].said_on == "2016-05-31" and stored[0].cue == "said"
    assert stored[0].speaker.role == "deputy defense minister"


def test_a_speakers_affiliation_is_stored_and_read_back(store):
    at = TEXT.index("We will")
    russian = Speaker(name="Anatoly Antonov", role="Russia's deputy defense minister", affiliation="Russia")
    article, _ = save(store, TEXT, extraction(quote("We will not accept this,", at, speaker=russian)))
    (stored,) = store.article_quotes(article.id)
    assert (stored.speaker.role, stored.speaker.affiliation) == ("Russia's deputy defense minister", "Russia")
    assert store.get_quotes([stored.id])[0].speaker.affiliation == "Russia"


def test_saving_the_same_text_again_returns_the_stored_article(store):
    first, _ = save(store, TEXT, sample_extraction())
    again, created = save(store, TEXT.replace("\n", "\r\n") + "  \n", sample_extraction())
    assert not created and again == first
    assert store.count_articles() == 1 and store.count_quotes() == 2


def test_request_metadata_is_named_as_such(store):
    article, _ = save(
        store,
        "Some text.",
        extraction(title=None),
        given={"url": "https://x.example/a"},
        given_source="request",
    )
    assert article.url == "https://x.example/a" and article.sources["url"] == "request"
    assert "title" not in article.sources


def test_unknown_given_source_is_refused(store):
    with pytest.raises(ValueError, match="given_source"):
        save(store, "Some text.", extraction(), given_source="guess")


def test_a_failed_article_write_leaves_nothing_half_stored(store):
    bad = extraction(quote("fine", 0), quote("broken", 5, kind="not-a-kind"))
    with pytest.raises(ConstraintError):
        save(store, "fine broken", bad)
    assert (store.count_articles(), store.count_quotes(), store.current_seq()) == (0, 0, 0)
    assert store.list_speakers() == ([], 0)
    article, created = save(store, "fine broken", extraction(quote("fine", 0)))
    assert created and store.count_quotes() == 1


def test_a_failed_import_batch_leaves_nothing_half_stored(store):
    rows = [{"text": "good one", "ref": "a"}, {"text": "bad venue", "venue": {"not": "bindable"}}]
    with pytest.raises(StorageError):
        store.import_quotes(rows)
    assert store.count_quotes() == 0 and store.current_seq() == 0


def test_delete_article_removes_statements_and_logs_their_removal(store):
    article, _ = save(store, TEXT, sample_extraction())
    seq = store.current_seq()
    ids = [q.id for q in store.article_quotes(article.id)]
    assert store.delete_article(article.id)
    assert store.get_article(article.id) is None and store.article_quotes(article.id) == []
    assert store.get_quotes(ids) == []
    new_seq, added, removed = store.changes_since(seq)
    assert new_seq > seq and added == [] and sorted(removed) == sorted(ids)
    assert store.list_speakers() == ([], 0)
    assert not store.delete_article(article.id)


def test_changes_since_reports_adds_and_removes_in_order(store):
    assert store.changes_since(0) == (0, [], [])
    a, _ = save(store, TEXT, sample_extraction())
    store.import_quotes([{"text": "imported", "ref": "r1"}])
    seq_after_import = store.current_seq()
    b, _ = save(store, "Other text.", extraction(quote("Other", 0)))
    store.delete_article(b.id)
    new_seq, added, removed = store.changes_since(0)
    assert new_seq == store.current_seq()
    assert added == [1, 2, 3]  # b's statement was added and removed inside the window: removed only
    assert removed == [4]
    assert store.changes_since(seq_after_import)[1:] == ([], [4])
    assert store.changes_since(new_seq) == (new_seq, [], [])


def test_ids_are_never_reused_after_a_delete(store):
    a, _ = save(store, "Only text.", extraction(quote("Only", 0)))
    store.delete_article(a.id)
    b, _ = save(store, "Next text.", extraction(quote("Next", 0)))
    assert b.id > a.id and store.article_quotes(b.id)[0].id == 2


def test_import_quotes_is_idempotent_by_ref_or_by_content(store):
    rows = [
        {"text": "We will win.", "speaker": "Ann Lee", "ref": "q1", "said_on": "2015-08-31"},
        {"text": "We will win.", "speaker": "Ann Lee", "said_on": "2015-08-31"},
        {"text": "We  will win.", "speaker": "ANN LEE", "said_on": "2015-08-31"},  # same content
        {"text": "A different thing.", "speaker": "Ann Lee", "ref": "q1"},  # same ref
    ]
    result = store.import_quotes(rows)
    assert (result.added, result.skipped, result.errors) == (2, 2, ())
    again = store.import_quotes(rows)
    assert (again.added, again.skipped) == (0, 4)
    assert store.count_quotes() == 2


@pytest.mark.parametrize(
    ("row", "reason"),
    [({}, "text is required"), ({"text": "   "}, "text is required"), ({"text": "x", "kind": "odd"}, "kind")],
)
def test_import_quotes_refuses_rows_without_text_or_with_an_unknown_kind(store, row, reason):
    result = store.import_quotes([{"text": "fine"}, row])
    assert result.added == 1 and len(result.errors) == 1
    index, message = result.errors[0]
    assert index == 1 and reason in message


def test_imported_statements_carry_their_own_publication(store):
    store.import_quotes(
        [{"text": "Said it.", "speaker": "Ann Lee", "outlet": "Wire", "published": "2015-08-31"}]
    )
    stored = store.get_quote(1)
    assert stored.article.id == IMPORTED_ARTICLE_ID
    assert (stored.article.outlet, stored.article.published) == ("Wire", "2015-08-31")
    assert stored.start is None and stored.speaker.name == "Ann Lee"
    store.import_quotes([{"text": "Bare."}])
    assert store.get_quote(2).article is None


def test_get_quotes_keeps_the_order_asked_and_skips_missing(store):
    store.import_quotes([{"text": f"statement {i}"} for i in range(5)])
    assert [q.id for q in store.get_quotes([4, 99, 1, 3])] == [4, 1, 3]
    assert store.get_quote(99) is None
    assert len(store.get_quotes(range(1, 1200))) == 5  # more ids than one SQL chunk


def test_index_rows_yields_id_and_text_in_id_order(store):
    store.import_quotes([{"text": f"statement {i}"} for i in range(7)])
    assert list(store.index_rows(batch=3)) == [(i, f"statement {i - 1}") for i in range(1, 8)]
    assert [row[0] for row in store.index_rows(after_id=5, batch=2)] == [6, 7]
    store.import_quotes([{"text": "named", "speaker": "Ann Lee"}])
    assert list(store.index_rows(after_id=6, with_speaker=True)) == [
        (7, "statement 6", None),
        (8, "named", "Ann Lee"),
    ]


@pytest.fixture
def filled(store):
    """Article statements and imported ones with speakers, outlets and dates to filter on."""
    save(store, TEXT, sample_extraction(), given={"outlet": "RT"})  # published 2016-06-03
    store.import_quotes(
        [
            {"text": "One.", "speaker": "José Álvarez", "outlet": "Wire", "published": "2015-08-31T12:02:00"},
            {
                "text": "Two.",
                "speaker": "Ann Lee",
                "outlet": "wire",
                "said_on": "2015-11",
                "published": "2015-12",
            },
            {"text": "Three.", "speaker": "Ann Leeds", "said_on": "2014", "kind": "indirect"},
        ]
    )
    return store


@pytest.mark.parametrize(
    ("filters", "texts"),
    [
        (QuoteFilters(), ["We will not accept this,", "the talks would go on", "One.", "Two.", "Three."]),
        (QuoteFilters(speaker="antonov"), ["We will not accept this,", "the talks would go on"]),
        (QuoteFilters(speaker="jose alv"), ["One."]),
        (QuoteFilters(speaker="ann lee"), ["Two.", "Three."]),
        (QuoteFilters(outlet="WIRE"), ["One.", "Two."]),
        (QuoteFilters(outlet="rt"), ["We will not accept this,", "the talks would go on"]),
        (QuoteFilters(kind="indirect"), ["the talks would go on", "Three."]),
        (QuoteFilters(said_from="2015-11-20"), ["We will not accept this,", "Two."]),
        (QuoteFilters(said_to="2015"), ["Two.", "Three."]),
        (QuoteFilters(said_from="2014-06", said_to="2014-06"), ["Three."]),
        (QuoteFilters(published_from="2016"), ["We will not accept this,", "the talks would go on"]),
        (QuoteFilters(published_to="2015-08-31"), ["One."]),
        (QuoteFilters(published_from="2015-09", published_to="2015-12-31"), ["Two."]),
        (QuoteFilters(speaker="lee", kind="direct"), ["Two."]),
        (QuoteFilters(speaker="..."), []),
    ],
)
def test_list_quotes_filters(filled, filters, texts):
    found, total = filled.list_quotes(filters, 0, 50)
    assert [q.text for q in found] == texts and total == len(texts)


def test_list_quotes_pages(filled):
    page, total = filled.list_quotes(QuoteFilters(), offset=1, limit=2)
    assert total == 5 and [q.id for q in page] == [2, 3]


DATES = ["2014", "2015-11", "2015-11-20", "2015-11-20T10:00", "2015-12-01", "2016-01"]


def test_date_filters_compare_at_the_shorter_length(store):
    store.import_quotes([{"text": f"said {d}", "said_on": d} for d in DATES])
    for low, high in itertools.product([None, *DATES], repeat=2):

        def keeps(value, low=low, high=high):
            return (low is None or value[: len(low)] >= low[: len(value)]) and (
                high is None or value[: len(high)] <= high[: len(value)]
            )

        found, _ = store.list_quotes(QuoteFilters(said_from=low, said_to=high), 0, 100)
        assert [q.said_on for q in found] == [d for d in DATES if keeps(d)], (low, high)


def test_speakers_are_grouped_by_folded_name_with_aliases_and_counts(filled):
    filled.import_quotes([{"text": "Four.", "speaker": "ann  LEE", "role": "spokeswoman"}])
    speakers, total = filled.list_speakers(0, 10)
    assert total == 4
    assert [(s.name, s.quote_count) for s in speakers] == [
        ("Anatoly Antonov", 2),
        ("Ann Lee", 2),
        ("José Álvarez", 1),
        ("Ann Leeds", 1),
    ]
    antonov, ann = speakers[0], speakers[1]
    assert antonov.aliases == ("Antonov",)  # "He" is not an alias
    assert ann.aliases == ("ann  LEE",) and ann.role == "spokeswoman"
    assert filled.get_speaker(ann.id) == ann
    assert filled.get_speaker(999) is None
    assert [s.name for s in filled.list_speakers(0, 10, name="LEE")[0]] == ["Ann Lee", "Ann Leeds"]
    assert filled.list_speakers(1, 1, name="lee")[1] == 2
    assert filled.list_speakers(0, 10, name="--") == ([], 0)


def test_anonymous_speakers_are_not_listed(store):
    anonymous = Speaker(name="a U.S. official", anonymous=True)
    save(store, "Text here.", extraction(quote("Text", 0, speaker=anonymous)))
    assert store.list_speakers() == ([], 0)
    assert store.get_quote(1).speaker.anonymous


@pytest.mark.parametrize(("a", "b"), [("José Álvarez", "jose alvarez"), ("O'Neil,  Tip", "o neil tip")])
def test_name_key_folds_case_accents_and_punctuation(a, b):
    assert name_key(a) == name_key(b)


@given(st.text(max_size=40))
def test_name_key_is_idempotent(name):
    assert name_key(name_key(name)) == name_key(name)


def test_two_threads_writing_at_once_both_land_and_the_log_covers_every_row(store):
    errors = []

    def importer(prefix):
        try:
            for batch in range(10):
                rows = [{"text": f"{prefix} {batch} {i}", "speaker": f"Speaker {i % 7}"} for i in range(50)]
                store.import_quotes(rows)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    def saver():
        try:
            for n in range(10):
                save(store, f"Article {n}.", extraction(quote("Article", 0)))
        except Exception as error:  # pragma: no cover
            errors.append(error)

    threads = [threading.Thread(target=importer, args=("a",)), threading.Thread(target=importer, args=("b",))]
    threads.append(threading.Thread(target=saver))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.count_quotes() == 1010 and store.count_articles() == 10
    _, added, removed = store.changes_since(0)
    assert (
        added == sorted(added) and sorted(added) == [row[0] for row in store.index_rows()] and removed == []
    )
    speakers, _ = store.list_speakers(0, 50)
    assert sum(s.quote_count for s in speakers) == 1010  # 1000 imported + 10 by Anatoly Antonov


def test_a_second_store_on_the_same_database_sees_writes_through_the_change_log(store, store_settings):
    other = open_store(store_settings)  # as a second gunicorn worker or node would
    try:
        seq = other.current_seq()
        store.import_quotes([{"text": "from worker one"}])
        new_seq, added, _ = other.changes_since(seq)
        assert [q.text for q in other.get_quotes(added)] == ["from worker one"] and new_seq > seq
    finally:
        other.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_worker_opens_its_own_connection(store):
    store.import_quotes([{"text": "before fork"}])  # the parent's connection exists now
    pid = os.fork()
    if pid == 0:  # the child: what a gunicorn worker does after --preload
        try:
            store.import_quotes([{"text": "from the child"}])
            os._exit(0)
        except BaseException:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    store.import_quotes([{"text": "parent again"}])  # the parent reopens after closing before the fork
    assert [text for _, text in store.index_rows()] == ["before fork", "from the child", "parent again"]


def test_a_committed_write_survives_a_sigkill_of_the_writer(store_settings):
    script = (
        "import os, signal\n"
        "from service.config import Settings\n"
        "from service.storage import open_store\n"
        "store = open_store(Settings.from_env())\n"
        "store.import_quotes([{'text': 'durable'}])\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    env = {
        **os.environ,
        "CLAIMTRACE_DATA_DIR": store_settings.data_dir,
        "CLAIMTRACE_DATABASE_URL": store_settings.database_url,
    }
    finished = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, env=env, timeout=60)
    assert finished.returncode == -9
    reopened = open_store(store_settings)
    assert [text for _, text in reopened.index_rows()] == ["durable"]
    reopened.close()


def test_a_rolled_back_import_does_not_leave_a_remembered_speaker_behind(store):
    with pytest.raises(StorageError):
        store.import_quotes([{"text": "x", "speaker": "New Person", "venue": {"unbindable": 1}}])
    result = store.import_quotes([{"text": "y", "speaker": "New Person"}])
    assert result.added == 1 and store.list_speakers()[0][0].name == "New Person"


def test_a_speaker_keeps_its_id_after_losing_every_statement(store):
    first, _ = save(store, "One text.", extraction(quote("One", 0)))
    speaker_id = store.list_speakers()[0][0].id
    store.delete_article(first.id)
    assert store.get_speaker(speaker_id) is None
    store.import_quotes([{"text": "Back again.", "speaker": "Anatoly Antonov"}])
    assert store.get_speaker(speaker_id).quote_count == 1


def test_a_role_given_later_in_the_same_batch_fills_the_gap(store):
    store.import_quotes(
        [{"text": "a", "speaker": "Kim Ode"}, {"text": "b", "speaker": "kim ode", "role": "mayor"}]
    )
    (kim,), _ = store.list_speakers()
    assert (kim.name, kim.role, kim.quote_count) == ("Kim Ode", "mayor", 2)


ISO_BITS = st.text(alphabet="0125-T:", max_size=8)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(ISO_BITS, min_size=1, max_size=6), low=st.none() | ISO_BITS, high=st.none() | ISO_BITS)
def test_indexed_date_filters_keep_the_shorter_length_meaning(store, values, low, high):
    # Each example imports under an outlet of its own into the one store, and filters by it.
    outlet = f"examples {store.count_quotes()}"
    store.import_quotes(
        [{"text": f"{outlet} said {i}", "published": v, "outlet": outlet} for i, v in enumerate(values)]
    )

    def keeps(value):
        n_low, n_high = min(len(value), len(low or "")), min(len(value), len(high or ""))
        return (not low or value[:n_low] >= low[:n_low]) and (not high or value[:n_high] <= high[:n_high])

    filters = QuoteFilters(outlet=outlet, published_from=low, published_to=high)
    found, _ = store.list_quotes(filters, 0, 100)
    assert [q.article.published for q in found] == [v for v in values if keeps(v)]


def test_filter_ids_returns_the_ids_passing_from_those_asked(filled):
    every = [q.id for q in filled.list_quotes(None, 0, 100)[0]]
    wanted = {q.id for q in filled.list_quotes(QuoteFilters(speaker="lee", kind="direct"), 0, 100)[0]}
    asked = [*every, 999_999] * 300  # more than one chunk of ids, repeats and an unknown id
    assert wanted and filled.filter_ids(asked, QuoteFilters(speaker="lee", kind="direct")) == wanted
    assert filled.filter_ids([], QuoteFilters(kind="direct")) == set()
    assert filled.filter_ids(every, QuoteFilters()) == set(every)


@pytest.mark.parametrize(
    "filters",
    [
        QuoteFilters(),
        QuoteFilters(speaker="lee", kind="direct"),
        QuoteFilters(outlet="WIRE"),
        QuoteFilters(said_from="2015", said_to="2015-11-30"),
        QuoteFilters(published_from="2016-06"),
        QuoteFilters(speaker="nobody at all"),
    ],
)
def test_passing_ids_are_every_id_the_filters_pass_ascending(filled, filters):
    listed, total = filled.list_quotes(filters, 0, 100)
    assert filled.passing_ids(filters) == sorted(q.id for q in listed)
    assert len(filled.passing_ids(filters)) == total


def test_passing_ids_leave_deleted_statements_out(filled):
    article = filled.list_quotes(QuoteFilters(outlet="RT"), 0, 100)[0][0].article
    assert filled.passing_ids(QuoteFilters(outlet="rt"))
    filled.delete_article(article.id)
    assert filled.passing_ids(QuoteFilters(outlet="rt")) == []


def test_a_split_quote_keeps_its_parts_and_a_one_span_statement_has_none(store):
    text = 'Pier\n\n"We will rebuild the pier," Mayor Ana Ruiz said. "And we will do it by June."\n'
    first, second = text.index("We will"), text.index("And we")
    parts = (
        (first, first + len("We will rebuild the pier,")),
        (second, second + len("And we will do it by June.")),
    )
    split = Quote(
        text="We will rebuild the pier, And we will do it by June.",
        start=parts[0][0],
        end=parts[1][1],
        kind="direct",
        speaker=Speaker(name="Ana Ruiz"),
        parts=parts,
    )
    single = quote("And we will do it by June.", second, name="Ana Ruiz")
    article, _ = save(store, text, extraction(split, single))
    stored = store.article_quotes(article.id)
    assert [q.parts for q in stored] == [parts, ()]
    assert store.get_quote(stored[0].id).parts == parts
    assert store.import_quotes([{"text": "An imported statement"}]).added == 1
    (imported,) = store.list_quotes(QuoteFilters(), 0, 10)[0][2:]
    assert imported.parts == () and imported.start is None


def test_a_nul_character_is_refused_on_every_backend_and_nothing_is_stored(store):
    with pytest.raises(ConstraintError, match="NUL"):
        save(store, "Before\x00after.", extraction(quote("Before", 0)))
    result = store.import_quotes(
        [{"text": "fine"}, {"text": "not\x00fine"}, {"text": "ok", "venue": "a\x00b"}]
    )
    assert result.added == 1 and [index for index, _ in result.errors] == [1, 2]
    assert store.count_articles() == 0 and [text for _, text in store.index_rows()] == ["fine"]


def test_an_outlet_filter_with_a_nul_character_matches_nothing(filled):
    assert filled.list_quotes(QuoteFilters(outlet="Wi\x00re"), 0, 10) == ([], 0)
