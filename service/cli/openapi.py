"""`python -m service openapi`: the OpenAPI document generated from the code, as YAML (or JSON)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from service import create_http_app
from service.config import Settings


def openapi_document() -> dict:
    """The OpenAPI document of the API, built from the blueprints and schemas with no data loaded."""
    # Default settings, not the environment's: the document must not change with the deployment.
    app = create_http_app(Settings(load_corpus=False))
    api = app.extensions["flask-smorest"]["apis"][""]["ext_obj"]
    return api.spec.to_dict()


def render(document: dict, fmt: str = "yaml") -> str:
    """Serialise deterministically: sorted keys, so regenerating an unchanged API changes nothing."""
    if fmt == "json":
        return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return yaml.safe_dump(document, sort_keys=True, allow_unicode=True, default_flow_style=False, width=100)


def add_arguments(parser) -> None:
    """Options of the openapi command."""
    parser.add_argument("-o", "--output", help="write the document to this file instead of stdout")
    parser.add_argument("--format", choices=("yaml", "json"), default="yaml")


def run(args) -> int:
    """Print or write the document."""
    text = render(openapi_document(), args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
