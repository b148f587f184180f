"""Who the client is: the peer address, or behind CLAIMTRACE_TRUSTED_PROXIES proxies the address they saw."""

from __future__ import annotations

import pytest


def statuses(client, count: int, **environ) -> list[int]:
    return [client.get("/speakers", **environ).status_code for _ in range(count)]


def test_without_trusted_proxies_x_forwarded_for_is_ignored(make_app):
    client = make_app(rate_limit=2).test_client()
    forged = [{"headers": {"X-Forwarded-For": f"203.0.113.{n}"}} for n in range(3)]
    assert [client.get("/speakers", **kw).status_code for kw in forged] == [200, 200, 429]


def test_one_trusted_proxy_makes_the_address_it_saw_the_client(make_app):
    client = make_app(rate_limit=1, trusted_proxies=1).test_client()
    proxy = {"REMOTE_ADDR": "10.0.0.5"}
    first = {"environ_base": proxy, "headers": {"X-Forwarded-For": "198.51.100.1"}}
    second = {"environ_base": proxy, "headers": {"X-Forwarded-For": "198.51.100.2"}}
    assert statuses(client, 2, **first) == [200, 429]
    assert statuses(client, 1, **second) == [200]


@pytest.mark.parametrize("forged", ["198.51.100.9", "1.2.3.4, 5.6.7.8"])
def test_a_client_cannot_forge_its_way_past_the_trusted_hop(make_app, forged):
    # The proxy appends the address it saw; only that last entry is believed with one trusted hop.
    client = make_app(rate_limit=1, trusted_proxies=1).test_client()
    proxy = {"REMOTE_ADDR": "10.0.0.5"}
    real = "192.0.2.77"
    assert statuses(client, 1, environ_base=proxy, headers={"X-Forwarded-For": f"{forged}, {real}"}) == [200]
    assert statuses(client, 1, environ_base=proxy, headers={"X-Forwarded-For": f"other, {real}"}) == [429]


def test_the_limit_is_shared_by_apps_on_one_data_folder(make_app, tmp_path):
    # Two apps on one data folder (and one database, if any) stand for two gunicorn workers: one count.
    first_app = make_app(rate_limit=3, data_dir=str(tmp_path))
    database_url = first_app.extensions["claimtrace"].settings.database_url
    first = first_app.test_client()
    second = make_app(rate_limit=3, data_dir=str(tmp_path), database_url=database_url).test_client()
    assert [c.get("/speakers").status_code for c in (first, second, first, second)] == [200, 200, 200, 429]


def test_nodes_share_one_budget_exactly_when_they_share_a_postgresql_database(make_app, tmp_path):
    # Two nodes: data folders of their own. Over PostgreSQL the count lives in the shared database;
    # on SQLite each node counts in its own folder (the README says so).
    first_app = make_app(rate_limit=3, data_dir=str(tmp_path / "node-a"))
    database_url = first_app.extensions["claimtrace"].settings.database_url
    second_app = make_app(rate_limit=3, data_dir=str(tmp_path / "node-b"), database_url=database_url)
    first, second = first_app.test_client(), second_app.test_client()
    statuses = [c.get("/speakers").status_code for c in (first, second, first, second, first, second)]
    if database_url:
        assert statuses == [200, 200, 200, 429, 429, 429]
        assert 1 <= int(second.get("/speakers").headers["Retry-After"]) <= 20  # one request every 60/3 s
    else:
        assert statuses == [200] * 6
