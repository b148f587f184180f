"""Settings: defaults here, deployment values from CLAIMTRACE_* environment variables, checked at start-up.

Adding a setting is one line in `Settings`: a plain annotated field (`name: str = ""`) is read from
CLAIMTRACE_NAME and checked against its type; `setting(default, doc, field)` adds a description and
a marshmallow field with its own limits. A bad value stops start-up with one message naming the
variable, the value given and what it accepts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from marshmallow import Schema, ValidationError, validate
from marshmallow import fields as mf

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "CLAIMTRACE_"


class SettingsError(ValueError):
    """One or more settings have values the service cannot run with; the message names each."""


class CommaList(mf.Field):
    """A comma-separated list (`a, b`) read into a tuple of non-empty, stripped strings."""

    def _deserialize(self, value, attr, data, **kwargs):
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list | tuple) or not all(isinstance(item, str) for item in items):
            raise ValidationError("a comma-separated list")
        return tuple(item.strip() for item in items if item.strip())


# What each plain annotation accepts; a field declared with setting(...) brings its own.
_FIELDS_BY_TYPE = {
    "str": lambda: mf.String(),
    "int": lambda: mf.Integer(strict=False),
    "float": lambda: mf.Float(allow_nan=False),
    "bool": lambda: mf.Boolean(),
    "tuple[str, ...]": lambda: CommaList(),
}
# Said in the start-up message for a field of each kind (marshmallow's own words are for JSON bodies).
_ACCEPTS = {
    mf.Boolean: "one of 1/0, true/false, yes/no, on/off",
    mf.Integer: "a whole number",
    mf.Float: "a number",
    CommaList: "a comma-separated list",
    mf.String: "text",
}


def setting(default, doc: str, marshmallow_field: mf.Field | None = None, *, secret: bool = False):
    """A Settings field with a description (for the README) and, optionally, its own checks.

    A secret one is left out of repr() and its value out of error messages.
    """
    return field(default=default, repr=not secret, metadata={"doc": doc, "field": marshmallow_field})


def non_negative_int() -> mf.Integer:
    """An integer of 0 or more."""
    return mf.Integer(strict=False, validate=validate.Range(min=0, error="0 or more"))


def positive_int() -> mf.Integer:
    """An integer of 1 or more."""
    return mf.Integer(strict=False, validate=validate.Range(min=1, error="1 or more"))


def non_negative_float() -> mf.Float:
    """A number of 0 or more."""
    return mf.Float(allow_nan=False, validate=validate.Range(min=0, error="0 or more"))


@dataclass(frozen=True)
class Settings:
    """Every setting the service reads; one frozen object built once by create_app()."""

    data_dir: str = setting(
        "var",
        "folder of the embedded store and its saved index; a fresh folder is a fresh store",
        mf.String(validate=validate.Length(min=1, error="not empty")),
    )
    database_url: str = setting(
        "",
        "postgresql://user:password@host:port/db: one store shared by several nodes instead of SQLite",
        mf.String(validate=validate.Regexp(r"$|(postgresql|postgres)://", error="a postgresql:// URL")),
        secret=True,  # it may hold a password
    )
    corpus_dir: str = setting(str(PROJECT_ROOT / "corpus"), "articles loaded into a store that is new")
    load_corpus: bool = setting(
        True, "load corpus_dir into a new store on start (never again once the store has held data)"
    )
    api_keys: tuple[str, ...] = setting((), "comma-separated bearer keys accepted on write endpoints")
    read_requires_key: bool = setting(False, "require a key on read endpoints too")
    rate_limit: int = setting(
        0, "requests per minute per client, across every worker; 0 turns the limit off", non_negative_int()
    )
    trusted_proxies: int = setting(
        0,
        "how many reverse proxies in front append to X-Forwarded-For; the client is the address they saw",
        non_negative_int(),
    )
    max_body_bytes: int = setting(1_000_000, "largest request body accepted (413 above)", positive_int())
    body_timeout: float = setting(
        10.0, "seconds a client has to send a request body (408 after)", non_negative_float()
    )
    max_article_chars: int = setting(200_000, "longest article text accepted (413 above)", positive_int())
    embeddings: bool = setting(
        True,
        "find statements by meaning as well as by words (MiniLM vectors beside the index); off: lexical only",
    )
    sync_interval: float = setting(
        0.0,
        "seconds between a worker's checks of the change log for others' writes; 0: before every request",
        non_negative_float(),
    )
    cors_origins: tuple[str, ...] = setting(
        (), "comma-separated origins browsers may call the API from (`*` for any); none by default"
    )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> Settings:
        """Defaults, then CLAIMTRACE_<FIELD> variables, then overrides; SettingsError naming any bad one."""
        environ = os.environ if environ is None else environ
        schema_fields = settings_fields(cls)
        secrets = {f.name for f in fields(cls) if not f.repr}
        problems = []
        values = {}
        for name, marshmallow_field in schema_fields.items():
            variable = env_name(name)
            from_environment = name not in overrides
            raw = environ.get(variable, "") if from_environment else overrides[name]
            if from_environment and raw.strip() == "":
                continue  # unset, or set to nothing: the default
            try:
                values[name] = marshmallow_field.deserialize(raw)
            except ValidationError as error:
                shown = "(hidden)" if name in secrets else repr(raw)
                problems.append(
                    _problem(variable if from_environment else name, shown, marshmallow_field, error)
                )
        unknown = sorted(set(overrides) - set(schema_fields))
        problems.extend(f"{name} is not a setting" for name in unknown)
        if problems:
            raise SettingsError("invalid settings: " + "; ".join(problems))
        return replace(cls(), **values)

    @property
    def db_path(self) -> str:
        """The SQLite file under the data folder."""
        return str(Path(self.data_dir) / "claimtrace.sqlite3")


def env_name(name: str) -> str:
    """The environment variable that sets field `name`."""
    return f"{ENV_PREFIX}{name.upper()}"


def settings_fields(settings_class: type = Settings) -> dict[str, mf.Field]:
    """Each setting's name and the marshmallow field that checks it (declared, or from its annotation)."""
    schema = Schema.from_dict(
        {f.name: f.metadata.get("field") or _FIELDS_BY_TYPE[f.type]() for f in fields(settings_class)}
    )()
    return dict(schema.fields)


def describe_settings() -> list[tuple[str, object, str]]:
    """(variable, default, description) of every setting, in declaration order, for documentation."""
    return [(env_name(f.name), f.default, f.metadata.get("doc", "")) for f in fields(Settings)]


def _problem(variable: str, shown: str, marshmallow_field: mf.Field, error: ValidationError) -> str:
    accepts = next((text for kind, text in _ACCEPTS.items() if isinstance(marshmallow_field, kind)), "")
    details = error.messages if isinstance(error.messages, list) else [str(error.messages)]
    # marshmallow's own messages ("Not a valid integer.") restate the kind; our validators' name the limit.
    own = set(marshmallow_field.error_messages.values())
    limits = [message for message in details if message not in own]
    wanted = ", ".join(part for part in [accepts, *limits] if part) or "; ".join(details)
    return f"{variable}={shown} is not accepted: it must be {wanted}"
