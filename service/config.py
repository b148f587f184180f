"""Settings: defaults here, deployment values from CLAIMTRACE_* environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _flag(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    """Every setting the service reads; one frozen object built once by create_app()."""

    data_dir: str = "var"  # the embedded store and the saved index live here; a fresh folder is a fresh store
    # postgresql://user:password@host:port/db: one store shared by several nodes instead of SQLite.
    database_url: str = field(default="", repr=False)  # repr=False: it may hold a password
    corpus_dir: str = str(PROJECT_ROOT / "corpus")  # loaded into the store on first start
    load_corpus: bool = True
    api_keys: tuple[str, ...] = ()  # bearer keys accepted on write endpoints
    read_requires_key: bool = False
    rate_limit: int = 0  # requests per minute per client; 0 turns the limit off
    max_body_bytes: int = 1_000_000
    max_article_chars: int = 200_000
    sync_interval: float = 0.0  # seconds between checks of the change log; 0: before every request

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> Settings:
        """Defaults, then CLAIMTRACE_<FIELD> variables, then explicit overrides."""
        environ = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            raw = environ.get(f"CLAIMTRACE_{f.name.upper()}")
            if raw is None:
                continue
            if f.type == "bool":
                values[f.name] = _flag(raw)
            elif f.type == "int":
                values[f.name] = int(raw)
            elif f.type == "float":
                values[f.name] = float(raw)
            elif f.name == "api_keys":
                values[f.name] = tuple(k.strip() for k in raw.split(",") if k.strip())
            else:
                values[f.name] = raw
        return replace(cls(), **{**values, **overrides})  # an explicit override beats the environment

    @property
    def db_path(self) -> str:
        """The SQLite file under the data folder."""
        return str(Path(self.data_dir) / "claimtrace.sqlite3")
