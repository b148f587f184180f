"""GET /docs: Swagger UI served entirely by the app, so the docs page works with no internet."""

from __future__ import annotations

from flask import Blueprint, Response, render_template_string, send_from_directory, url_for
from swagger_ui_bundle import swagger_ui_path

blp = Blueprint("docs", __name__, url_prefix="/docs")

# No inline script: the page stays usable under a strict Content-Security-Policy (script-src 'self').
_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>claimtrace API</title>
  <link rel="stylesheet" href="{{ url_for('docs.asset', filename='swagger-ui.css') }}">
  <link rel="icon" type="image/png" href="{{ url_for('docs.asset', filename='favicon-32x32.png') }}">
</head>
<body>
  <div id="swagger-ui" data-spec-url="{{ spec_url }}"></div>
  <script src="{{ url_for('docs.asset', filename='swagger-ui-bundle.js') }}"></script>
  <script src="{{ url_for('docs.asset', filename='swagger-ui-standalone-preset.js') }}"></script>
  <script src="{{ url_for('docs.initializer') }}"></script>
</body>
</html>
"""

_INITIALIZER = """window.addEventListener("load", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.specUrl,
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "BaseLayout"
  });
});
"""


@blp.get("")
def page():
    """The Swagger UI page for /openapi.json."""
    return render_template_string(_PAGE, spec_url=url_for("api-docs.openapi_json"))


@blp.get("/init.js")
def initializer():
    """Start Swagger UI on the element the page marks with the spec URL."""
    return Response(_INITIALIZER, mimetype="text/javascript")


@blp.get("/assets/<path:filename>")
def asset(filename: str):
    """Swagger UI's own files from the swagger-ui-bundle package."""
    return send_from_directory(str(swagger_ui_path), filename, max_age=86400)
