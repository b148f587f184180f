"""A throwaway PostgreSQL server from scripts/postgres.sh, for the tests and the benches.

with PostgresServer.start(fast=True) as server:
    url = server.fresh_database()   # an empty database of its own, on the one server
"""

from __future__ import annotations

import itertools
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "postgres.sh"


@dataclass
class PostgresServer:
    """One running server: its folder (data, log, socket) and the URL of its `postgres` database."""

    folder: str
    url: str
    _numbers: itertools.count = field(default_factory=lambda: itertools.count(1))

    @classmethod
    def start(cls, *, fast: bool = False) -> PostgresServer:
        """Install when missing, initdb and start on a free port; RuntimeError with the reason on failure."""
        finished = subprocess.run(
            ["bash", str(SCRIPT), "start", *(["--fast"] if fast else [])],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if finished.returncode != 0:
            raise RuntimeError(f"scripts/postgres.sh start failed: {finished.stderr.strip()[-2000:]}")
        folder, url = finished.stdout.split()[-2:]
        return cls(folder, url)

    def database_url(self, name: str) -> str:
        """The URL of database `name` on this server."""
        return self.url.rsplit("/", 1)[0] + "/" + name

    def fresh_database(self) -> str:
        """Create an empty database and return its URL."""
        import psycopg

        name = f"claimtrace_{next(self._numbers)}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.database_url(name)

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        subprocess.run(["bash", str(SCRIPT), "stop", self.folder], capture_output=True, timeout=120)

    def __enter__(self) -> PostgresServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
