"""At home in a real office: a corporate CA, HTTPS through proxies, proxy passwords.

Everything runs for real on loopback: the built-in server over HTTPS with a certificate from
a local CA (trustme), the trust store as truststore reads it (tests/network_fixtures.py), and
proxy.py as the office proxy. Loopback normally bypasses proxies, so every proxy test checks
the proxy's own access log to prove the traffic went through it.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.api import Credentials, NeuroflashClient
from desktop.api.errors import NetworkError
from desktop.api.models import ProxySettings
from desktop.api.proxy import (
    CERTIFICATE_NOT_TRUSTED,
    PROXY_AUTH_REFUSED,
    PROXY_AUTH_REQUIRED,
    PROXY_UNREACHABLE,
)
from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, EmulatorConfig, start_server
from tests.api.conftest import settings_for
from tests.network_fixtures import ProxyServer, clear_proxy_env, use_trust_store

trustme = pytest.importorskip("trustme")

PROXY_USER = "designer"
PROXY_PASSWORD = "p@ss w0rd:office"  # characters that must be percent-encoded in a proxy URL

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="truststore reads the OS keychain on macOS/Windows; adding a CA there needs admin",
)


@pytest.fixture(scope="module")
def corporate_ca() -> object:
    return trustme.CA(organization_name="Example Corp inspection CA")


@pytest.fixture
def https_server(corporate_ca, tmp_path: Path) -> Iterator[object]:
    cert = corporate_ca.issue_cert("127.0.0.1", "localhost")
    certfile, keyfile = tmp_path / "server.pem", tmp_path / "server.key"
    cert.cert_chain_pems[0].write_to_path(str(certfile))
    for extra in cert.cert_chain_pems[1:]:
        extra.write_to_path(str(certfile), append=True)
    cert.private_key_pem.write_to_path(str(keyfile))
    config = EmulatorConfig(latency_s=0.0, history_size=4, rate_limit_per_minute=600)
    server = start_server(config, ssl_certfile=str(certfile), ssl_keyfile=str(keyfile))
    yield server
    server.stop()


@pytest.fixture
def http_server() -> Iterator[object]:
    server = start_server(EmulatorConfig(latency_s=0.0, history_size=4, rate_limit_per_minute=600))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def open_proxy(tmp_path_factory) -> Iterator[ProxyServer]:
    proxy = ProxyServer(tmp_path_factory.mktemp("open-proxy"))
    yield proxy
    proxy.stop()


@pytest.fixture(scope="module")
def locked_proxy(tmp_path_factory) -> Iterator[ProxyServer]:
    proxy = ProxyServer(tmp_path_factory.mktemp("locked-proxy"), f"{PROXY_USER}:{PROXY_PASSWORD}")
    yield proxy
    proxy.stop()


@pytest.fixture(autouse=True)
def _no_proxy_from_the_machine(monkeypatch) -> None:
    clear_proxy_env(monkeypatch)


def client_for(server, **overrides) -> NeuroflashClient:
    creds = Credentials(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
    return NeuroflashClient(creds, settings_for(server, **{"max_retries": 0, **overrides}))


def requests_seen(server) -> int:
    return sum(server.state.request_counts.snapshot().values())


# -- corporate TLS ---------------------------------------------------------------------------


@linux_only
def test_a_server_signed_by_the_company_ca_is_trusted_once_the_ca_is_in_the_system_store(
    https_server, corporate_ca, tmp_path, monkeypatch
):
    use_trust_store(monkeypatch, tmp_path / "store", corporate_ca)
    client = client_for(https_server)
    try:
        assert https_server.api_url.startswith("https://")
        assert [w.name for w in client.workspaces()]
    finally:
        client.close()


@linux_only
def test_an_untrusted_certificate_is_refused_with_what_to_do_and_never_retried_unverified(
    https_server, tmp_path, monkeypatch
):
    use_trust_store(monkeypatch, tmp_path / "store", trustme.CA())  # some other CA only
    client = client_for(https_server, max_retries=2)
    try:
        with pytest.raises(NetworkError) as caught:
            client.workspaces()
    finally:
        client.close()
    assert caught.value.message == CERTIFICATE_NOT_TRUSTED
    assert "certificate" in str(caught.value) and "IT department" in str(caught.value)
    assert not caught.value.connect_failure  # shown as it is, not as "you're offline"
    assert requests_seen(https_server) == 0  # no request ever went out without verification


# -- proxies from the environment ---------------------------------------------------------------


@linux_only
def test_https_proxy_from_the_environment_carries_https_traffic(
    https_server, corporate_ca, open_proxy, tmp_path, monkeypatch
):
    use_trust_store(monkeypatch, tmp_path / "store", corporate_ca)
    monkeypatch.setenv("HTTPS_PROXY", open_proxy.url)
    monkeypatch.setenv("NO_PROXY", "")  # loopback would otherwise often be exempt
    client = client_for(https_server)
    try:
        assert client.workspaces()
    finally:
        client.close()
    assert any(" CONNECT " in line for line in open_proxy.carried(https_server.port))


def test_http_proxy_from_the_environment_carries_traffic_and_no_proxy_exempts_hosts(
    http_server, open_proxy, monkeypatch
):
    monkeypatch.setenv("HTTP_PROXY", open_proxy.url)
    client = client_for(http_server)
    try:
        assert client.workspaces()
    finally:
        client.close()
    assert open_proxy.carried(http_server.port)

    other = start_server(EmulatorConfig(latency_s=0.0, history_size=2))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    client = client_for(other)
    try:
        assert client.workspaces()
    finally:
        client.close()
        other.stop()
    assert requests_seen(other) > 0
    assert open_proxy.carried(other.port, expect_some=False) == []


# -- the proxy from Settings ----------------------------------------------------------------


def test_the_proxy_from_settings_with_a_password_carries_the_traffic_and_wins_over_the_env(
    http_server, locked_proxy, monkeypatch, caplog
):
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    proxy = ProxySettings(locked_proxy.url, PROXY_USER, PROXY_PASSWORD, bypass="")
    client = client_for(http_server, proxy=proxy)
    caplog.set_level(logging.DEBUG)
    try:
        assert client.workspaces()
    finally:
        client.close()
    assert locked_proxy.carried(http_server.port)
    assert PROXY_PASSWORD not in repr(proxy)
    assert PROXY_PASSWORD not in caplog.text


@linux_only
def test_https_through_the_settings_proxy_with_a_password(
    https_server, corporate_ca, locked_proxy, tmp_path, monkeypatch
):
    use_trust_store(monkeypatch, tmp_path / "store", corporate_ca)
    proxy = ProxySettings(locked_proxy.url, PROXY_USER, PROXY_PASSWORD, bypass="")
    client = client_for(https_server, proxy=proxy)
    try:
        assert client.workspaces()
    finally:
        client.close()
    assert any(" CONNECT " in line for line in locked_proxy.carried(https_server.port))


@pytest.mark.parametrize("scheme", ["http", "https"])
@pytest.mark.parametrize(
    ("username", "password", "expected"),
    [("", "", PROXY_AUTH_REQUIRED), (PROXY_USER, "wrong password", PROXY_AUTH_REFUSED)],
)
def test_a_proxy_that_wants_a_password_gets_a_clear_message(
    scheme,
    username,
    password,
    expected,
    http_server,
    corporate_ca,
    locked_proxy,
    tmp_path,
    monkeypatch,
    caplog,
    request,
):
    if scheme == "https":
        if not sys.platform.startswith("linux"):
            pytest.skip("the corporate CA can only be trusted without admin rights on Linux")
        use_trust_store(monkeypatch, tmp_path / "store", corporate_ca)
        server = request.getfixturevalue("https_server")
    else:
        server = http_server
    proxy = ProxySettings(locked_proxy.url, username, password, bypass="")
    client = client_for(server, proxy=proxy, max_retries=2)
    refusals_before = locked_proxy.refusals()
    caplog.set_level(logging.DEBUG)
    try:
        with pytest.raises(NetworkError) as caught:
            client.workspaces()
    finally:
        client.close()
    assert caught.value.message == expected
    assert not caught.value.maybe_delivered
    assert requests_seen(server) == 0
    # Asked once, not three times: repeating a wrong password can lock the account.
    assert locked_proxy.refusals(at_least=refusals_before + 1) == refusals_before + 1
    for text in (str(caught.value), caught.value.detail or "", caplog.text):
        assert "wrong password" not in text


def test_a_proxy_that_is_not_there_says_so(http_server):
    proxy = ProxySettings("http://127.0.0.1:9", bypass="")
    client = client_for(http_server, proxy=proxy)
    try:
        with pytest.raises(NetworkError) as caught:
            client.workspaces()
    finally:
        client.close()
    assert caught.value.message == PROXY_UNREACHABLE


def test_the_settings_proxy_leaves_loopback_alone_by_default(http_server, open_proxy):
    """Demo mode's built-in server is on loopback: the default bypass keeps it direct."""
    client = client_for(http_server, proxy=ProxySettings(open_proxy.url))
    try:
        assert client.workspaces()
    finally:
        client.close()
    assert open_proxy.carried(http_server.port, expect_some=False) == []


def test_demo_mode_goes_direct_even_with_an_office_proxy_in_the_environment(
    http_server, open_proxy, monkeypatch
):
    """An office HTTP_PROXY without NO_PROXY=localhost must not swallow the demo's calls."""
    monkeypatch.setenv("HTTP_PROXY", open_proxy.url)
    client = client_for(http_server, direct=True, proxy=ProxySettings(open_proxy.url, bypass=""))
    try:
        assert client.workspaces()
    finally:
        client.close()
    assert requests_seen(http_server) > 0
    assert open_proxy.carried(http_server.port, expect_some=False) == []


def fake_gsettings(folder: Path, monkeypatch, listing: str) -> None:
    """A gsettings on PATH that answers like GNOME's with the given proxy settings."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "listing.txt").write_text(listing)
    tool = folder / "gsettings"
    tool.write_text(f'#!/bin/sh\ncat "{folder / "listing.txt"}"\n')
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")


@linux_only
def test_the_linux_desktops_manual_proxy_carries_the_traffic(
    http_server, open_proxy, tmp_path, monkeypatch
):
    port = open_proxy.url.rsplit(":", 1)[1]
    fake_gsettings(
        tmp_path / "bin",
        monkeypatch,
        (
            "org.gnome.system.proxy mode 'manual'\n"
            "org.gnome.system.proxy ignore-hosts ['example.invalid']\n"
            "org.gnome.system.proxy.http host '127.0.0.1'\n"
            f"org.gnome.system.proxy.http port {port}\n"
            "org.gnome.system.proxy.https host ''\n"
            "org.gnome.system.proxy.https port 0\n"
        ),
    )
    client = client_for(http_server)
    try:
        assert client.workspaces()
    finally:
        client.close()
    assert open_proxy.carried(http_server.port)


@linux_only
def test_the_linux_desktops_proxy_is_not_used_when_set_to_none(
    http_server, open_proxy, tmp_path, monkeypatch
):
    port = open_proxy.url.rsplit(":", 1)[1]
    listing = (
        "org.gnome.system.proxy mode '{mode}'\n"
        "org.gnome.system.proxy ignore-hosts @as []\n"
        "org.gnome.system.proxy.https host '127.0.0.1'\n"
        f"org.gnome.system.proxy.https port {port}\n"
        "org.gnome.system.proxy.http host '127.0.0.1'\n"
        f"org.gnome.system.proxy.http port {port}\n"
    )
    fake_gsettings(tmp_path / "bin", monkeypatch, listing.format(mode="none"))
    client = client_for(http_server)
    try:
        assert client.workspaces()
    finally:
        client.close()
    assert open_proxy.carried(http_server.port, expect_some=False) == []
