"""App fixtures on the small fixture corpus, in a fresh temporary data folder for each test session."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from service import create_app

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from postgres_server import PostgresServer  # noqa: E402

FIXTURE_CORPUS = Path(__file__).parent / "fixtures" / "corpus"

# Property tests assert behaviour, not speed (speed lives in bench/): a per-example deadline only
# fails them when the shared 2-core machine is busy (one example took 337 ms under load).
settings.register_profile("claimtrace", deadline=None)
settings.load_profile("claimtrace")

# Explicit values for every guard, so a CLAIMTRACE_* variable in the shell cannot change what tests see.
TEST_SETTINGS = {
    "corpus_dir": str(FIXTURE_CORPUS),
    "load_corpus": True,
    "api_keys": (),
    "read_requires_key": False,
    "rate_limit": 0,
    "database_url": "",
}


# Ready-made statements (as `import-quotes` takes them) with dates stated outright, so date filters
# are tested on known values rather than on what extraction makes of "on Thursday".
IMPORTED_QUOTES = [
    {
        "text": "Inflation will fall below 3 percent by the end of next year",
        "speaker": "Claire Dubois",
        "role": "central bank governor",
        "said_on": "2021-11-18",
        "venue": "parliamentary hearing",
        "outlet": "Finance Daily",
        "published": "2021-11-19",
        "title": "Central bank expects inflation to ease",
        "url": "https://example.org/inflation",
        "ref": "fixture-inflation",
    },
    {
        "text": "We will build 10,000 affordable homes before 2030",
        "speaker": "Omar Haddad",
        "role": "mayor",
        "said_on": "2022-05",
        "outlet": "City Herald",
        "published": "2022-05-20",
        "title": "Mayor promises 10,000 homes",
        "ref": "fixture-homes",
    },
]


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def make_app(request, tmp_path_factory):
    """Build an app on the fixture corpus in its own fresh data folder, with settings overridden.

    Every test of the API suite runs on both backends: SQLite in the data folder, and a fresh
    database on the session's PostgreSQL server (unless `database_url` is given, to share one).
    """
    server = request.getfixturevalue("postgres_server") if request.param == "postgres" else None
    built = []

    def build(**overrides):
        data_dir = tmp_path_factory.mktemp("data")
        if server is not None and "database_url" not in overrides:
            overrides["database_url"] = server.fresh_database()
        app = create_app({**TEST_SETTINGS, "data_dir": str(data_dir), **overrides})
        app.config["TESTING"] = True
        built.append(app)
        return app

    yield build
    for app in built:  # stops PostgreSQL listener threads before the server goes away
        app.extensions["claimtrace"].close()
        limiter = app.extensions["claimtrace_security"].limiter
        if limiter is not None and hasattr(limiter.buckets, "close"):
            limiter.buckets.close()  # the PostgreSQL rate limit's pool


@pytest.fixture(scope="session")
def app(make_app):
    """One app shared by the session, with IMPORTED_QUOTES; tests that write build their own."""
    app = make_app()
    state = app.extensions["claimtrace"]
    state.store.import_quotes(IMPORTED_QUOTES)
    state.sync(force=True)
    return app


@pytest.fixture
def client(app):
    """A test client of the shared app."""
    return app.test_client()


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server of Debian's, started by scripts/postgres.sh for the session and stopped after.

    Where it cannot be installed or started the tests that need it are skipped, except in CI
    (CI=true), where that is a failure: CI must run them.
    """
    try:
        server = PostgresServer.start(fast=True)
    except RuntimeError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI: {error}")
        pytest.skip(f"no PostgreSQL server: {error}")
    yield server
    server.stop()
