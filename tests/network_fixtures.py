"""A corporate network on loopback: a local CA (trustme), the built-in server over HTTPS, the
"system" trust store as truststore reads it on Linux, and a real proxy server (proxy.py).

truststore on Linux loads OpenSSL's default verify paths, which honour SSL_CERT_FILE and
SSL_CERT_DIR: pointing them at a bundle is how a test puts a CA into (or leaves it out of)
the system store without root. macOS and Windows read their own keychains, so the TLS tests
run on Linux only.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

PROXY_START_S = 30
LOG_WAIT_S = 10


def use_trust_store(monkeypatch: pytest.MonkeyPatch, folder: Path, *cas: object) -> Path:
    """Make the "system" trust store hold exactly ``cas`` (trustme.CA objects)."""
    folder.mkdir(parents=True, exist_ok=True)
    bundle = folder / "ca-bundle.pem"
    bundle.write_bytes(b"".join(ca.cert_pem.bytes() for ca in cas))  # type: ignore[attr-defined]
    empty_dir = folder / "certs"
    empty_dir.mkdir(exist_ok=True)
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    monkeypatch.setenv("SSL_CERT_DIR", str(empty_dir))
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
    return bundle


def clear_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


class ProxyServer:
    """proxy.py in a process of its own; its access log says what it carried."""

    def __init__(self, folder: Path, basic_auth: str | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.log_file = folder / "proxy.log"
        port_file = folder / "proxy.port"
        command = [
            sys.executable,
            "-m",
            "proxy",
            "--hostname",
            "127.0.0.1",
            "--port",
            "0",
            "--port-file",
            str(port_file),
            "--num-workers",
            "1",
            "--num-acceptors",
            "1",
            "--threaded",
            "--log-level",
            "INFO",
            "--log-file",
            str(self.log_file),
        ]
        if basic_auth:
            command += ["--basic-auth", basic_auth]
        self._process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + PROXY_START_S
        while not (port_file.exists() and port_file.read_text().strip()):
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("proxy.py did not start")
            time.sleep(0.05)
        self.port = int(port_file.read_text().split()[0])
        self.url = f"http://127.0.0.1:{self.port}"

    def carried(self, port: int, *, expect_some: bool = True) -> list[str]:
        """Access-log lines for connections to 127.0.0.1:``port``. proxy.py writes a line
        when a connection closes, so with ``expect_some`` this waits for the first one."""
        pattern = re.compile(rf" - [A-Z]+ 127\.0\.0\.1:{port}\b")
        deadline = time.monotonic() + (LOG_WAIT_S if expect_some else 0.5)
        while True:
            text = self.log_file.read_text(errors="replace") if self.log_file.exists() else ""
            lines = [line for line in text.splitlines() if pattern.search(line)]
            if lines or time.monotonic() > deadline:
                return lines
            time.sleep(0.05)

    def refusals(self, at_least: int = 0) -> int:
        """How many requests the proxy refused for want of the right password (407); waits
        (a moment) until there are ``at_least`` that many."""
        deadline = time.monotonic() + LOG_WAIT_S
        while True:
            text = self.log_file.read_text(errors="replace") if self.log_file.exists() else ""
            count = text.count("ProxyAuthenticationFailed")
            if count >= at_least or time.monotonic() > deadline:
                time.sleep(0.3 if at_least else 0)  # let any further (wrong) retry show up
                text = self.log_file.read_text(errors="replace")
                return text.count("ProxyAuthenticationFailed")
            time.sleep(0.05)

    def stop(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(5)
