"""Every contract test runs once per backend: SQLite in a temporary folder, PostgreSQL in a fresh database."""

from __future__ import annotations

import pytest

from service.config import Settings
from service.storage import open_store

BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(params=BACKENDS)
def store_settings(request, tmp_path) -> Settings:
    """Settings naming a fresh, empty store of one backend."""
    data_dir = str(tmp_path / "data")
    if request.param == "postgres":
        server = request.getfixturevalue("postgres_server")
        return Settings(data_dir=data_dir, database_url=server.fresh_database())
    return Settings(data_dir=data_dir)


@pytest.fixture
def store(store_settings):
    """A fresh store of each backend."""
    opened = open_store(store_settings)
    yield opened
    opened.close()
