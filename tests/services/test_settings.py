"""Preferences persist between launches; there is no place to put a secret."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop.services.settings import AppSettings


def test_values_survive_a_restart(tmp_path):
    path = tmp_path / "s.ini"
    s = AppSettings(path)
    s.last_workspace_id = "ws-42"
    s.window_geometry = b"\x01\x00\xffgeom"
    s.window_state = b"state\x00"
    s.splitter_state = b"\x00split"
    s.api_url = "https://api.example.com/v1"
    s.token_url = "https://auth.example.com/token"
    s.remember_credentials = False
    s.sync()

    again = AppSettings(path)
    assert again.last_workspace_id == "ws-42"
    assert again.window_geometry == b"\x01\x00\xffgeom"
    assert again.window_state == b"state\x00"
    assert again.splitter_state == b"\x00split"
    assert again.api_url == "https://api.example.com/v1"
    assert again.token_url == "https://auth.example.com/token"
    assert again.remember_credentials is False


def test_defaults_on_first_launch(tmp_path):
    s = AppSettings(tmp_path / "fresh.ini")
    assert s.last_workspace_id is None
    assert s.window_geometry is None
    assert s.window_state is None
    assert s.splitter_state is None
    assert s.api_url is None
    assert s.token_url is None
    assert s.remember_credentials is True


def test_none_clears_a_value(tmp_path):
    s = AppSettings(tmp_path / "s.ini")
    s.api_url = "https://x"
    s.window_geometry = b"g"
    s.api_url = None
    s.window_geometry = None
    assert s.api_url is None
    assert s.window_geometry is None


def test_accepts_a_qsettings(tmp_path):
    qs = QSettings(str(tmp_path / "q.ini"), QSettings.Format.IniFormat)
    s = AppSettings(qs)
    s.last_workspace_id = "w"
    assert s.last_workspace_id == "w"  # at once, while the write is still under way
    s.sync()
    assert qs.value("workspace/last_id") == "w"
    assert s.qsettings is qs


def test_there_is_no_field_for_a_secret():
    public = {n for n in dir(AppSettings) if not n.startswith("_")}
    suspicious = {n for n in public if any(w in n for w in ("secret", "password", "token"))}
    assert suspicious <= {"token_url"}
    assert "client_secret" not in public


def test_changes_are_written_off_the_calling_thread(tmp_path, monkeypatch):
    """QSettings saves atomically (with an fsync that took 40 ms and more on a busy disk):
    the GUI thread that changes a preference must not be the one waiting for the disk."""
    import threading

    writers: list[str] = []
    original = AppSettings._write

    def spy(self, key, value):
        writers.append(threading.current_thread().name)
        original(self, key, value)

    monkeypatch.setattr(AppSettings, "_write", spy)
    s = AppSettings(tmp_path / "s.ini")
    s.last_workspace_id = "ws-1"
    s.window_geometry = None
    s.sync()
    assert writers and threading.current_thread().name not in writers
    assert AppSettings(tmp_path / "s.ini").last_workspace_id == "ws-1"


def test_proxy_passwords_from_the_environment_and_the_keychain_are_masked(
    tmp_path, monkeypatch, memory_keyring
):
    from desktop.services.credentials import CredentialStore
    from desktop.services.log_setup import SecretRedactor
    from desktop.services.proxy_config import (
        mask_environment_proxy_passwords,
        proxy_from_settings,
    )

    monkeypatch.setenv("HTTPS_PROXY", "http://me:env%40secret@proxy.example:3128")
    settings = AppSettings(tmp_path / "settings.ini")
    settings.proxy_url = "http://proxy.example:8080"
    settings.proxy_username = "designer"
    store = CredentialStore()
    store.save_proxy_password("keychain secret")
    redactor = SecretRedactor()
    mask_environment_proxy_passwords(redactor)
    proxy = proxy_from_settings(settings, store, redactor)
    assert proxy is not None and proxy.password == "keychain secret"
    text = redactor.redact(
        "via http://me:env%40secret@proxy.example:3128 env@secret "
        f"{proxy.requests_url()} keychain secret"
    )
    assert "secret" not in text
    settings.sync()
    assert "secret" not in (tmp_path / "settings.ini").read_text()
