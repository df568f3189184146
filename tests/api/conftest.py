"""Real loopback servers and clients for the API tests (no mocks of requests)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from desktop.api import ApiSettings, Credentials, NeuroflashClient


def settings_for(server, **overrides) -> ApiSettings:
    values = dict(
        base_url=server.api_url,
        token_url=server.token_url,
        connect_timeout=2.0,
        read_timeout=10.0,
        generate_timeout=20.0,
        retry_base_delay=0.01,
        retry_max_delay=0.05,
    )
    values.update(overrides)
    return ApiSettings(**values)


@pytest.fixture
def make_server() -> Iterator[Callable[..., object]]:
    """Start a built-in server with the given config knobs; all are stopped after the test."""
    from desktop.emulator import EmulatorConfig, start_server

    servers = []

    def make(**config):
        base = dict(latency_s=0.0, token_lifetime_s=14399, history_size=6, rate_limit_per_minute=30)
        base.update(config)
        server = start_server(EmulatorConfig(**base), host="127.0.0.1", port=0)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()


@pytest.fixture
def make_client() -> Iterator[Callable[..., NeuroflashClient]]:
    from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

    clients = []

    def make(server, client_id=DEMO_CLIENT_ID, secret=DEMO_CLIENT_SECRET, **overrides):
        client = NeuroflashClient(Credentials(client_id, secret), settings_for(server, **overrides))
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def server(make_server):
    return make_server()


@pytest.fixture
def client(server, make_client) -> NeuroflashClient:
    return make_client(server)
