"""The OpenAPI document: generated from the code, valid, committed as openapi.yaml without drift."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import validate

from service.cli.openapi import openapi_document, render

OPENAPI_YAML = Path(__file__).resolve().parents[2] / "openapi.yaml"


@pytest.fixture(scope="module")
def document():
    return openapi_document()


def test_committed_openapi_yaml_matches_the_code(document):
    assert OPENAPI_YAML.read_text(encoding="utf-8") == render(document), (
        "openapi.yaml is out of date: run `python -m service openapi -o openapi.yaml`"
    )


def test_committed_document_is_valid_openapi():
    validate(yaml.safe_load(OPENAPI_YAML.read_text(encoding="utf-8")))


def test_generation_is_deterministic(document):
    assert render(openapi_document()) == render(document)


def test_every_endpoint_is_described(document):
    paths = document["paths"]
    expected = {
        ("/match", "post"),
        ("/quotes", "get"),
        ("/quotes/{quote_id}", "get"),
        ("/speakers", "get"),
        ("/speakers/{speaker_id}", "get"),
        ("/articles", "get"),
        ("/articles/{article_id}", "get"),
        ("/articles/{article_id}/text", "get"),
        ("/health", "get"),
    }
    assert expected <= {(path, method) for path, item in paths.items() for method in item}


def test_errors_are_documented_as_problem_json(document):
    match = document["paths"]["/match"]["post"]
    assert "422" in match["responses"] and "default" in match["responses"]
    default = document["components"]["responses"]["DEFAULT_ERROR"]
    assert "application/problem+json" in default["content"]
    problem = document["components"]["schemas"]["Problem"]["properties"]
    assert {"type", "title", "status", "detail", "errors"} <= set(problem)


def test_match_request_documents_limits_and_required_claim(document):
    request = document["components"]["schemas"]["MatchRequest"]
    assert request["required"] == ["claim"]
    assert request["properties"]["claim"]["maxLength"] == 2000
    assert request["properties"]["limit"]["maximum"] == 100
    assert request["additionalProperties"] is False


def test_openapi_json_is_served_and_equals_the_generated_document(client, document):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert response.get_json() == document
