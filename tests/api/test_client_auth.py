"""Sign-in, token renewal (before expiry and once after a 401), threads, and where secrets go."""

from __future__ import annotations

import http.server
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from desktop.api import GenerationRequest
from desktop.api.auth import TokenManager
from desktop.api.errors import AuthenticationError
from desktop.api.models import Credentials
from desktop.api.transport import Transport
from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, demo_data
from tests.api.conftest import settings_for

STUDIO = demo_data.STUDIO_WORKSPACE_ID
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32 + b"\x00\x00\x00\x00IEND\xaeB`\x82"


def test_wrong_credentials(server, make_client):
    client = make_client(server, secret="wrong")
    with pytest.raises(AuthenticationError) as caught:
        client.sign_in()
    error = caught.value
    assert error.status == 401 and "Service Accounts" in error.message
    assert "wrong" not in repr(error)


def test_renews_once_after_401_and_retries(server, client):
    client.sign_in()
    assert client.token_requests == 1
    server.state.clock.advance(hours=5)  # the server now thinks the token expired
    assert client.workspaces()[0].id == STUDIO
    assert client.token_requests == 2


def test_second_401_is_an_authentication_error(make_server, make_client):
    server = make_server(token_lifetime_s=0)  # every token is dead on arrival
    client = make_client(server)
    with pytest.raises(AuthenticationError) as caught:
        client.workspaces()
    assert "no longer valid" in caught.value.message
    assert client.token_requests == 2  # one renewal, not a loop


def test_renews_shortly_before_expiry(make_server):
    server = make_server(token_lifetime_s=2)
    settings = settings_for(server)
    now = [1000.0]
    tokens = TokenManager(
        Transport(settings),
        Credentials(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
        settings,
        clock=lambda: now[0],
    )
    first = tokens.token()
    now[0] += 1.7
    assert tokens.token() == first and tokens.renewals == 1
    now[0] += 0.15  # inside the 10% margin of a 2 s token
    assert tokens.token() != first and tokens.renewals == 2


def test_eight_threads_share_one_token_and_one_renewal(server, client):
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: client.workspaces(), range(16)))
    assert all(r[0].id == STUDIO for r in results)
    assert client.token_requests == 1
    server.state.clock.advance(hours=5)
    barrier = threading.Barrier(8)

    def call(_):
        barrier.wait()
        return client.image_quota(STUDIO)

    with ThreadPoolExecutor(8) as pool:
        quotas = list(pool.map(call, range(8)))
    assert all(q is not None for q in quotas)
    assert client.token_requests == 2


def test_concurrent_generates_spend_exactly_what_they_produce(server, client):
    before = server.state.quota(STUDIO)["usedAmount"]
    with ThreadPoolExecutor(8) as pool:
        results = list(
            pool.map(
                lambda n: client.generate(STUDIO, GenerationRequest(f"p{n}", "nano-banana-2", 2)),
                range(8),
            )
        )
    produced = sum(len(r.images) for r in results)
    assert produced == 16
    assert server.state.quota(STUDIO)["usedAmount"] - before == produced


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[dict[str, str]]

    def do_GET(self):
        self.seen.append({k.lower(): v for k, v in self.headers.items()})
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(PNG)))
        self.end_headers()
        self.wfile.write(PNG)

    def log_message(self, *args):
        pass


@pytest.fixture
def other_host():
    seen: list[dict[str, str]] = []
    handler = type("Handler", (_Recorder,), {"seen": seen})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    httpd.shutdown()
    httpd.server_close()


def test_token_never_goes_to_another_host(client, other_host):
    origin, seen = other_host
    client.sign_in()
    data = client.download_image(STUDIO, f"{origin}/storage/x.png")
    assert data.content == PNG and data.content_type == "image/png"
    assert "authorization" not in seen[0] and "x-workspace-id" not in seen[0]


def test_token_goes_to_api_origin_downloads(server, client):
    item = client.history(STUDIO)[0]
    absolute = server.api_url.removesuffix("/api") + item.image_url
    assert client.download_image(STUDIO, absolute).content_type.startswith("image/")


def test_same_origin_307_is_followed_with_the_token(server, client):
    # The slash-less generate path answers 307 to the slash form (FastAPI behaviour).
    data = client._http.post_json("/ds-prototypes/image_generation", STUDIO, {"prompt": "x"})
    assert len(data["images"]) == 1
