"""The total deadline covers the whole call, status line and headers included (issue 13).

A raw socket server on loopback sends its answer a byte at a time, each byte well inside the
per-read timeout: before the deadline watchdog, requests sat reading the headers for as long
as the server liked. Every kind of call (API, download, token, a POST that spends credits)
must end with "took too long", and ordinary slow answers must still arrive."""

from __future__ import annotations

import ssl
import sys

import pytest

from desktop.api import ApiSettings, Credentials, GenerationRequest, NeuroflashClient
from desktop.api.errors import NetworkError
from desktop.api.models import ProxySettings
from tests.api.recorder import PNG, Answer, Seen, recorder
from tests.network_fixtures import clear_proxy_env, use_trust_store
from tests.reliability.trickler import Plan, trickler

WS = "ws-1"
# Deadline = max(total, read + connect) = 1.5 s: far below the ~10 s the trickle takes.
TIGHT = dict(
    connect_timeout=0.5,
    read_timeout=1.0,
    total_timeout=1.0,
    retry_base_delay=0.01,
    retry_max_delay=0.02,
    max_retries=2,
)
# A 40-header answer: ~11 s at one byte every 0.02 s, every byte inside the read timeout.
SLOW_HEAD = b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-Pad-%02d: x\r\n" % i for i in range(40))


def _token(seen: Seen) -> Answer:
    return 200, {"Content-Type": "application/json"}, b'{"access_token": "t", "expires_in": 600}'


def _answer(body: bytes, content_type: bytes = b"image/png") -> tuple[bytes, bytes]:
    head = b"Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (content_type, len(body))
    return head, body


def _client(api: str, token: str, **over: object) -> NeuroflashClient:
    settings = ApiSettings(
        base_url=api + "/api", token_url=token + "/oauth/v2/token", **{**TIGHT, **over}
    )
    return NeuroflashClient(Credentials("id", "secret-value"), settings)


def _trickled_headers(body: bytes = PNG, content_type: bytes = b"image/png") -> Plan:
    fast, body = _answer(body, content_type)
    return Plan(slow=SLOW_HEAD, fast=fast, body=body)


def _fast(body: bytes = PNG, content_type: bytes = b"image/png") -> Plan:
    fast, body = _answer(body, content_type)
    return Plan(slow=b"", fast=b"HTTP/1.1 200 OK\r\n" + fast, body=body)


def test_download_with_trickled_headers_says_too_long():
    with (
        recorder(_token) as tokens,
        trickler(_trickled_headers()) as slow,
        _client(slow.url, tokens.url) as client,
        pytest.raises(NetworkError) as caught,
    ):
        client.download_image(WS, slow.url + "/api/x/view")
    assert caught.value.message.startswith("neuroflash took too long to answer")
    assert slow.still_trickling()
    assert len(slow.requests) == 1, "a call past its deadline is not tried again"


def test_api_call_with_trickled_headers_says_too_long():
    plan = _trickled_headers(b'{"data": []}', b"application/json")
    with (
        recorder(_token) as tokens,
        trickler(plan) as slow,
        _client(slow.url, tokens.url) as client,
        pytest.raises(NetworkError) as caught,
    ):
        client.workspaces()
    assert caught.value.message.startswith("neuroflash took too long to answer")
    assert slow.still_trickling()


def test_token_call_with_trickled_headers_says_too_long():
    plan = _trickled_headers(b'{"access_token": "t", "expires_in": 60}', b"application/json")
    with (
        trickler(plan) as slow,
        _client(slow.url, slow.url) as client,
        pytest.raises(NetworkError) as caught,
    ):
        client.sign_in()
    assert caught.value.message.startswith("neuroflash took too long to answer")
    assert slow.still_trickling()


def test_generate_with_trickled_headers_is_sent_once_and_may_still_arrive():
    plan = _trickled_headers(b'{"images": []}', b"application/json")
    with (
        recorder(_token) as tokens,
        trickler(plan) as slow,
        # Generating may take minutes: its read timeout (and so its deadline) is its own.
        _client(slow.url, tokens.url, generate_timeout=1.0) as client,
        pytest.raises(NetworkError) as caught,
    ):
        client.generate(WS, GenerationRequest("a cat", "model-a", 1))
    assert caught.value.message == (
        "neuroflash took too long to answer. Your images may still arrive: refresh in a moment."
    )
    assert slow.still_trickling()
    assert [r.split(b" ", 1)[0] for r in slow.requests] == [b"POST"], "never sent twice"


def test_next_call_after_a_cut_off_one_works():
    with (
        recorder(_token) as tokens,
        trickler(_trickled_headers(), _fast()) as slow,
        _client(slow.url, tokens.url) as client,
    ):
        with pytest.raises(NetworkError):
            client.download_image(WS, slow.url + "/api/a/view")
        assert slow.still_trickling()
        assert client.download_image(WS, slow.url + "/api/b/view").content == PNG


def test_slow_but_steady_downloads_complete():
    """200 KB in 10 KB pieces over ~0.4 s, twice on one kept-alive connection: the
    watchdog leaves calls inside their deadline alone."""
    image = PNG + bytes(200_000)
    fast, body = _answer(image)
    steady = Plan(slow=b"", fast=b"HTTP/1.1 200 OK\r\n" + fast, body=body, chunk=10_000)
    with (
        recorder(_token) as tokens,
        trickler(steady) as slow,
        _client(slow.url, tokens.url, total_timeout=10.0) as client,
    ):
        for name in ("a", "b"):
            assert client.download_image(WS, slow.url + f"/api/{name}/view").content == image


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="trust store set via env")
def test_trickled_headers_over_tls_say_too_long(tmp_path, monkeypatch):
    """The watchdog cuts a TLS connection as well (it holds the socket under the TLS layer)."""
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server_tls)
    use_trust_store(monkeypatch, tmp_path / "trust", ca)
    with (
        recorder(_token) as tokens,
        trickler(_trickled_headers(), tls=server_tls) as slow,
        _client(slow.url, tokens.url) as client,
        pytest.raises(NetworkError) as caught,
    ):
        client.download_image(WS, slow.url + "/api/x/view")
    assert slow.url.startswith("https://")
    assert caught.value.message.startswith("neuroflash took too long to answer")
    assert slow.still_trickling()


def test_proxy_trickling_its_connect_answer_says_too_long(monkeypatch):
    """An office proxy that trickles its answer to CONNECT: the tunnel is read while
    connecting, before TLS, and the deadline covers it too."""
    clear_proxy_env(monkeypatch)
    established = b"HTTP/1.1 200 Connection established\r\n"
    pad = b"".join(b"X-Pad-%02d: x\r\n" % i for i in range(40))
    with trickler(Plan(slow=established + pad, fast=b"\r\n", body=b"")) as proxy:
        unreachable = "https://127.0.0.1:9"  # only ever reached through the proxy's tunnel
        proxy_settings = ProxySettings(proxy.url, bypass="")
        with (
            _client(unreachable, unreachable, proxy=proxy_settings) as client,
            pytest.raises(NetworkError) as caught,
        ):
            client.sign_in()
    assert proxy.requests and proxy.requests[0].startswith(b"CONNECT 127.0.0.1:9 ")
    assert caught.value.message.startswith("neuroflash took too long to answer")
    assert proxy.still_trickling()
