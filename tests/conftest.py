"""Test set-up shared by every test: Qt offscreen, an in-memory keychain, the built-in server."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
# The tests read English texts: make the "system" English even on a German machine (the app
# follows the system language unless told otherwise; tests/ui/test_i18n.py picks German).
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend

from desktop.ui.common.qt_compat import guard_signal_emit_refcount

guard_signal_emit_refcount()  # before any test emits a Qt signal


class MemoryKeyring(KeyringBackend):
    """A keychain that lives in this process only, so tests never touch the real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets a fresh in-memory keychain; the real one is never reached."""
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def emulator():
    """A fresh built-in server on a free loopback port, stopped after the test."""
    from desktop.emulator import EmulatorConfig, start_server

    server = start_server(EmulatorConfig(), host="127.0.0.1", port=0)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def env_login(monkeypatch):
    """The demo service account in the environment, as a CI job or a kiosk would set it:
    the app signs in by itself against the built-in server."""
    from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

    monkeypatch.setenv("NEUROFLASH_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("NEUROFLASH_CLIENT_SECRET", DEMO_CLIENT_SECRET)
