"""Settings: defaults, CLAIMTRACE_* environment variables, explicit overrides, in that order."""

from __future__ import annotations

import pytest

from service.config import Settings


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


@pytest.mark.parametrize("value", ["0", "false", "no", "off", ""])
def test_false_flags(value):
    assert Settings.from_env({"CLAIMTRACE_READ_REQUIRES_KEY": value}).read_requires_key is False
