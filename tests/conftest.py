"""App fixtures on the small fixture corpus, in a fresh temporary data folder for each test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from service import create_app

FIXTURE_CORPUS = Path(__file__).parent / "fixtures" / "corpus"

# Explicit values for every guard, so a CLAIMTRACE_* variable in the shell cannot change what tests see.
TEST_SETTINGS = {
    "corpus_dir": str(FIXTURE_CORPUS),
    "load_corpus": True,
    "api_keys": (),
    "read_requires_key": False,
    "rate_limit": 0,
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


@pytest.fixture(scope="session")
def make_app(tmp_path_factory):
    """Build an app on the fixture corpus in its own fresh data folder, with settings overridden."""

    def build(**overrides):
        data_dir = tmp_path_factory.mktemp("data")
        app = create_app({**TEST_SETTINGS, "data_dir": str(data_dir), **overrides})
        app.config["TESTING"] = True
        return app

    return build


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
