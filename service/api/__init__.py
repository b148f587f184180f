"""The HTTP layer: one blueprint per resource, attached to a flask-smorest Api by create_api()."""

from __future__ import annotations

from flask import Flask


def create_api(app: Flask):
    """Attach the Api and every resource blueprint to `app`; needs no data, so the spec builds alone."""
    from service.api import articles, docs, health, match, quotes, speakers
    from service.api.base import API_SETTINGS, Api, StoreIdConverter

    app.url_map.converters["int"] = StoreIdConverter  # before any rule is added
    app.config.update(API_SETTINGS)
    api = Api(app)
    for module in (match, quotes, speakers, articles, health):
        api.register_blueprint(module.blp)
    app.register_blueprint(docs.blp)  # a plain Flask blueprint: the docs page is not part of the API
    return api
