"""Start-up checks of CLAIMTRACE_DATABASE_URL: a server out of reach is named at once, its password never."""

from __future__ import annotations

import psycopg
from psycopg.conninfo import conninfo_to_dict

from service.storage.base import StorageError

CONNECT_TIMEOUT_SECONDS = 10


class DatabaseUnreachable(StorageError, RuntimeError):
    """The database of CLAIMTRACE_DATABASE_URL cannot be used; the message names it and says why.

    A RuntimeError too: gunicorn prints such a start-up error as one line instead of a traceback.
    """


def describe_server(url: str) -> str:
    """`host:port/dbname` of a connection URL, never its user or password (for messages and logs)."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "(an unreadable URL)"
    return f"{parts.get('host', 'localhost')}:{parts.get('port', 5432)}/{parts.get('dbname', '')}"


def first_line(error: BaseException) -> str:
    """The first line of an error's message (the driver's may run over several), or its type's name."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def unreachable(url: str, error: BaseException, needed_by: str = "") -> DatabaseUnreachable:
    """The error for `url`'s database being unusable (raise it `from None`: the driver's quotes the URL)."""
    named = f"CLAIMTRACE_DATABASE_URL ({describe_server(url)})"
    if needed_by:
        named = f"{needed_by} needs the database of {named}, which"
    return DatabaseUnreachable(f"{named} cannot be used: {first_line(error)}")


def check_reachable(url: str) -> None:
    """Connect once (within CONNECT_TIMEOUT_SECONDS); DatabaseUnreachable naming the server if not."""
    try:
        psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT_SECONDS).close()
    except psycopg.Error as error:
        raise unreachable(url, error) from None
