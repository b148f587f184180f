"""GET /docs: Swagger UI from the app's own assets, so it works with no internet."""

from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="module")
def page(app):
    response = app.test_client().get("/docs")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def test_docs_page_loads_nothing_from_other_hosts(page):
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)


def test_every_asset_the_page_names_is_served(app, page):
    client = app.test_client()
    urls = re.findall(r"""(?:src|href)="([^"]+)\"""", page)
    assert any(url.endswith("swagger-ui-bundle.js") for url in urls)
    for url in urls:
        with client.get(url) as response:  # files are streamed: close them
            assert response.status_code == 200, url
            assert len(response.data) > 0


def test_page_points_swagger_ui_at_the_served_spec(app, page):
    spec_url = re.search(r'data-spec-url="([^"]+)"', page).group(1)
    assert app.test_client().get(spec_url).get_json()["openapi"].startswith("3.")


def test_docs_page_has_no_inline_script(page):
    # Keeps the page working under a Content-Security-Policy without 'unsafe-inline' scripts.
    assert not re.search(r"<script>(?!\s*</script>)", page)


@pytest.mark.parametrize("name", ["../__init__.py", "..%2F__init__.py", "%2e%2e/%2e%2e/config.py"])
def test_assets_cannot_escape_the_bundle_folder(client, name):
    assert client.get(f"/docs/assets/{name}").status_code == 404
