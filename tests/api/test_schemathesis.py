"""Fuzz every operation in openapi.yaml against the app: no 5xx, and every answer conforms to the spec.

All of schemathesis's default checks run, including that schema-valid requests are accepted (so the
spec's patterns must say what the schemas accept) and that secured operations refuse requests
without credentials. Examples are derandomized so a failure reproduces on the next run.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
KEY = "schemathesis-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
EXAMPLES_PER_OPERATION = 25  # bounded so the whole suite stays fast on a shared 2-core machine


# Loaded eagerly: schemathesis's fixture-based lazy loading does not work with this pytest version.
schema = schemathesis.openapi.from_path(SPEC_PATH)
schema.config.update(base_url="http://localhost")  # only a name: requests go to the app in-process
writes = schema.include(method=["POST", "DELETE"], path_regex="^/articles")


@pytest.fixture(scope="module")
def fuzzed_app(make_app):
    """An app of its own: fuzzed writes add and delete articles that other tests must not see."""
    return make_app(api_keys=(KEY,))


def call_in_process(case, app, **kwargs):
    """Send `case` to `app` over WSGI and run the checks; every follow-up probe goes there too."""
    # The operation's schema is a copy made at collection time, before the app existed.
    case.operation.schema.app = app
    return case.call_and_validate(app=app, **kwargs)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,  # the same examples on every run, so a failure reproduces
)
def test_api_conforms_to_its_spec(case, fuzzed_app):
    response = call_in_process(case, fuzzed_app, headers=AUTH)
    assert response.status_code < 500


@writes.parametrize()
@settings(max_examples=5, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_writes_without_a_key_stay_within_the_spec(case, fuzzed_app):
    response = call_in_process(case, fuzzed_app)
    assert response.status_code < 500
