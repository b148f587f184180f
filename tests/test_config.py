"""Settings: defaults, CLAIMTRACE_* environment variables, explicit overrides, in that order."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import pytest

from service.__main__ import main
from service.config import Settings, SettingsError, describe_settings, env_name


def test_defaults_without_environment():
    settings = Settings.from_env({})
    assert settings.data_dir == "var"
    assert settings.api_keys == ()
    assert settings.rate_limit == 0
    assert settings.read_requires_key is False


def test_environment_values_are_typed():
    settings = Settings.from_env(
        {
            "CLAIMTRACE_DATA_DIR": "/srv/ct",
            "CLAIMTRACE_API_KEYS": " a1 , ,b2 ",
            "CLAIMTRACE_READ_REQUIRES_KEY": "yes",
            "CLAIMTRACE_RATE_LIMIT": "120",
            "CLAIMTRACE_SYNC_INTERVAL": "0.25",
        }
    )
    assert settings.data_dir == "/srv/ct"
    assert settings.api_keys == ("a1", "b2")
    assert settings.read_requires_key is True
    assert settings.rate_limit == 120
    assert settings.sync_interval == 0.25
    assert settings.db_path.startswith("/srv/ct/")


def test_an_override_beats_the_same_setting_from_the_environment():
    settings = Settings.from_env(
        {"CLAIMTRACE_DATA_DIR": "from-env", "CLAIMTRACE_RATE_LIMIT": "5"}, data_dir="given"
    )
    assert settings.data_dir == "given"
    assert settings.rate_limit == 5


@pytest.mark.parametrize("value", ["0", "false", "no", "off", ""])  # empty: unset, the default (off)
def test_false_flags(value):
    assert Settings.from_env({"CLAIMTRACE_READ_REQUIRES_KEY": value}).read_requires_key is False


@pytest.mark.parametrize(
    ("variable", "value", "accepts"),
    [
        ("CLAIMTRACE_RATE_LIMIT", "abc", "a whole number"),
        ("CLAIMTRACE_RATE_LIMIT", "-1", "0 or more"),
        ("CLAIMTRACE_MAX_BODY_BYTES", "0", "1 or more"),
        ("CLAIMTRACE_MAX_ARTICLE_CHARS", "2.5", "a whole number"),
        ("CLAIMTRACE_SYNC_INTERVAL", "soon", "a number"),
        ("CLAIMTRACE_BODY_TIMEOUT", "nan", "a number"),
        ("CLAIMTRACE_READ_REQUIRES_KEY", "maybe", "true/false"),
        ("CLAIMTRACE_TRUSTED_PROXIES", "two", "a whole number"),
    ],
)
def test_a_bad_value_is_named_with_what_it_accepts(variable, value, accepts):
    with pytest.raises(SettingsError) as raised:
        Settings.from_env({variable: value})
    message = str(raised.value)
    assert f"{variable}={value!r}" in message
    assert accepts in message
    assert "invalid literal" not in message


def test_a_bad_database_url_is_named_but_never_printed():
    with pytest.raises(SettingsError) as raised:
        Settings.from_env({"CLAIMTRACE_DATABASE_URL": "mysql://app:s3cret@db/claims"})
    message = str(raised.value)
    assert "CLAIMTRACE_DATABASE_URL=(hidden)" in message and "a postgresql:// URL" in message
    assert "s3cret" not in message
    assert Settings.from_env({"CLAIMTRACE_DATABASE_URL": "postgresql://db/claims"}).database_url
    assert "postgres" not in repr(Settings.from_env({"CLAIMTRACE_DATABASE_URL": "postgres://u:p@db/c"}))


def test_every_bad_value_is_named_in_one_message():
    with pytest.raises(SettingsError) as raised:
        Settings.from_env({"CLAIMTRACE_RATE_LIMIT": "x", "CLAIMTRACE_LOAD_CORPUS": "perhaps"})
    assert "CLAIMTRACE_RATE_LIMIT='x'" in str(raised.value)
    assert "CLAIMTRACE_LOAD_CORPUS='perhaps'" in str(raised.value)


def test_a_bad_override_and_an_unknown_one_are_refused():
    with pytest.raises(SettingsError, match="rate_limit=-5"):
        Settings.from_env({}, rate_limit=-5)
    with pytest.raises(SettingsError, match="rate_limt is not a setting"):
        Settings.from_env({}, rate_limt=5)


def test_an_empty_variable_means_the_default():
    assert Settings.from_env({"CLAIMTRACE_RATE_LIMIT": "", "CLAIMTRACE_LOAD_CORPUS": " "}) == Settings()


def test_comma_lists_and_flags():
    settings = Settings.from_env(
        {"CLAIMTRACE_CORS_ORIGINS": "https://a.example, https://b.example,", "CLAIMTRACE_LOAD_CORPUS": "off"}
    )
    assert settings.cors_origins == ("https://a.example", "https://b.example")
    assert settings.load_corpus is False


def test_a_plain_annotated_field_is_read_and_checked_from_its_type():
    # What a one-line addition gets: `name: int = 3` is read from CLAIMTRACE_NAME and checked as an int.
    @dataclass(frozen=True)
    class Extended(Settings):
        extra_workers: int = 3

    assert Extended.from_env({"CLAIMTRACE_EXTRA_WORKERS": "7"}).extra_workers == 7
    assert Extended.from_env({}).extra_workers == 3
    with pytest.raises(SettingsError, match="CLAIMTRACE_EXTRA_WORKERS='many'"):
        Extended.from_env({"CLAIMTRACE_EXTRA_WORKERS": "many"})


def test_every_setting_is_described():
    described = describe_settings()
    assert [variable for variable, _, _ in described] == [env_name(f.name) for f in fields(Settings)]
    assert all(doc for _, _, doc in described)


def test_the_command_line_names_a_bad_setting(monkeypatch, capsys):
    monkeypatch.setenv("CLAIMTRACE_RATE_LIMIT", "abc")
    assert main(["match", "anything"]) == 2
    assert "CLAIMTRACE_RATE_LIMIT='abc'" in capsys.readouterr().err


def test_the_readme_documents_every_setting():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    undocumented = [variable for variable, _, _ in describe_settings() if f"`{variable}`" not in readme]
    assert not undocumented, f"add a row to the README's Configuration table for {undocumented}"
