"""Network faults and retries: GETs retry, credit-spending POSTs never re-send."""

from __future__ import annotations

import re
import socket

import pytest

from desktop.api import Credentials, GenerationRequest, NeuroflashClient
from desktop.api.errors import (
    NetworkError,
    RateLimitedError,
    ServiceError,
    UnexpectedResponseError,
)
from desktop.emulator import demo_data
from tests.api.conftest import settings_for

STUDIO = demo_data.STUDIO_WORKSPACE_ID
MODEL = demo_data.NANO_BANANA_MODEL_ID
GENERATE = r"/ds-prototypes/image_generation/?$"


def used(server) -> int:
    return server.state.quota(STUDIO)["usedAmount"]


def test_get_retries_503_then_succeeds(server, client):
    client.sign_in()
    server.state.faults.schedule("503", path=r"/workspace-service/", count=2)
    assert client.workspaces()[0].id == STUDIO


def test_get_gives_up_after_two_retries(server, client):
    client.sign_in()
    server.state.faults.schedule("502", path=r"/workspace-service/", count=3)
    with pytest.raises(ServiceError) as caught:
        client.workspaces()
    assert caught.value.status == 502 and "trouble" in caught.value.message


def test_html_error_page(server, client):
    client.sign_in()
    server.state.faults.schedule("html", path=r"/quotas", count=3)
    with pytest.raises(ServiceError) as caught:
        client.image_quota(STUDIO)
    assert "<" not in (caught.value.detail or "")


def test_get_retries_dropped_connection(server, client):
    client.sign_in()
    server.state.faults.schedule("drop", path=r"/ds-prototypes/history", count=1)
    assert len(client.history_page(STUDIO).items) == 6


@pytest.mark.parametrize("kind", ["500", "drop", "503"])
def test_generate_is_never_resent(server, client, kind):
    client.sign_in()
    before, ids = used(server), server.state.history_ids(STUDIO)
    server.state.faults.schedule(kind, path=GENERATE, count=1, method="POST")
    with pytest.raises((ServiceError, NetworkError)):
        client.generate(STUDIO, GenerationRequest("once", MODEL, 1))
    produced = len(server.state.history_ids(STUDIO)) - len(ids)
    assert produced <= 1 and used(server) - before == produced  # spent at most once
    client.generate(STUDIO, GenerationRequest("again", MODEL, 1))
    assert used(server) - before == produced + 1


def test_malformed_json(server, client):
    client.sign_in()
    server.state.faults.schedule("malformed", path=r"/models", count=1)
    with pytest.raises(UnexpectedResponseError):
        client.models(STUDIO)


def test_malformed_download_is_not_an_image(server, client):
    item = client.history(STUDIO)[0]
    server.state.faults.schedule("malformed", path=r"/view", count=1)
    with pytest.raises(UnexpectedResponseError):
        client.download_image(STUDIO, item.image_url)


def test_injected_429(server, client):
    client.sign_in()
    server.state.faults.schedule("429", path=GENERATE, count=1)
    with pytest.raises(RateLimitedError):
        client.generate(STUDIO, GenerationRequest("x", MODEL))


def test_rate_limit_with_small_limit(make_server, make_client):
    server = make_server(rate_limit_per_minute=2)
    client = make_client(server)
    for _ in range(2):
        client.generate(STUDIO, GenerationRequest("x", MODEL))
    with pytest.raises(RateLimitedError) as caught:
        client.generate(STUDIO, GenerationRequest("x", MODEL))
    error = caught.value
    assert error.status == 429 and error.retry_after and 0 < error.retry_after <= 60
    assert "Try again in" in error.message


def test_timeout_is_a_network_error(make_server, make_client):
    server = make_server(timeout_fault_s=5.0)
    client = make_client(server, read_timeout=0.5)
    client.sign_in()
    server.state.faults.schedule("timeout", path=r"/workspace-service/", count=1)
    with pytest.raises(NetworkError) as caught:
        client.workspaces()
    assert "too long" in caught.value.message


def test_refused_connection(server):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = settings_for(
        server,
        base_url=f"http://127.0.0.1:{port}/api",
        token_url=f"http://127.0.0.1:{port}/oauth/v2/token",
    )
    with (
        NeuroflashClient(Credentials("a", "b"), settings) as client,
        pytest.raises(NetworkError) as caught,
    ):
        client.sign_in()
    assert str(caught.value) == "Can't reach neuroflash. Check your internet connection."
    assert "b" not in (caught.value.detail or "").split()


def test_generate_timeout_says_slow_not_dropped_and_is_never_resent(make_server, make_client):
    """A generate that times out was not "dropped": the words say it was slow, the images may
    still arrive, and the request is sent exactly once (never a second credit)."""
    server = make_server(timeout_fault_s=1.5)
    client = make_client(server, generate_timeout=0.3)
    client.sign_in()
    before = used(server)
    server.state.faults.schedule("timeout", path=GENERATE, count=3, method="POST")
    with pytest.raises(NetworkError) as caught:
        client.generate(STUDIO, GenerationRequest("slow one", MODEL))
    error = caught.value
    assert error.message == (
        "neuroflash took too long to answer. Your images may still arrive: refresh in a moment."
    )
    assert error.maybe_delivered and not error.connect_failure
    posts = [k for k, p in server.state.faults.injected if re.search(GENERATE, p)]
    assert posts == ["timeout"], "sent once, never retried"
    assert used(server) <= before + 1
