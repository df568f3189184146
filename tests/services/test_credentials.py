"""The designer's credentials: remembered in the keychain, or for this session only without one."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import keyring
import keyring.errors
from keyring.backends import fail

from desktop.services.credentials import CredentialStore
from desktop.services.settings import AppSettings

SECRET = "s3cr3t-Value-xyz"


@dataclass(frozen=True)
class Creds:
    client_id: str
    client_secret: str


class BrokenKeyring(keyring.backend.KeyringBackend):
    """A keychain that exists but fails (locked, DBus down…)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service, username):
        raise keyring.errors.KeyringError(f"locked, cannot read {username}")

    def set_password(self, service, username, password):
        raise keyring.errors.PasswordSetError("locked")

    def delete_password(self, service, username):
        raise keyring.errors.KeyringError("locked")


def test_saved_credentials_survive_a_restart(memory_keyring):
    assert CredentialStore().save(Creds("my-id", SECRET)) is True
    loaded = CredentialStore().load()  # a new store = the next app launch
    assert (loaded.client_id, loaded.client_secret) == ("my-id", SECRET)
    assert CredentialStore().keychain_available


def test_nothing_saved_loads_none():
    assert CredentialStore().load() is None


def test_forget_removes_them_from_the_keychain(memory_keyring):
    store = CredentialStore()
    store.save(Creds("my-id", SECRET))
    store.forget()
    assert store.load() is None
    assert CredentialStore().load() is None
    assert memory_keyring.store == {}
    store.forget()  # forgetting twice is harmless


def test_half_stored_credentials_count_as_none(memory_keyring):
    memory_keyring.set_password("neuroflash-desktop", "client-id", "only-the-id")
    assert CredentialStore().load() is None


def test_services_do_not_share_credentials():
    CredentialStore("a").save(Creds("id-a", SECRET))
    assert CredentialStore("b").load() is None


def test_without_keychain_credentials_last_for_the_session_only(tmp_path):
    keyring.set_keyring(fail.Keyring())
    store = CredentialStore()
    assert store.keychain_available is False
    assert store.save(Creds("my-id", SECRET)) is False
    assert store.load().client_secret == SECRET
    assert CredentialStore().load() is None  # next launch: asked again
    store.forget()
    assert store.load() is None


def test_broken_keychain_falls_back_to_memory_and_never_logs_the_secret(caplog):
    keyring.set_keyring(BrokenKeyring())
    store = CredentialStore()
    with caplog.at_level(logging.DEBUG):
        assert store.save(Creds("my-id", SECRET)) is False
        assert store.load().client_secret == SECRET
        assert CredentialStore().load() is None
        store.forget()
    assert caplog.records, "the failure should be logged"
    assert SECRET not in caplog.text


def test_no_keyring_error_is_the_no_keychain_path(monkeypatch):
    def raise_no_keyring(*_args):
        raise keyring.errors.NoKeyringError("no backend")

    monkeypatch.setattr(keyring, "get_password", raise_no_keyring)
    monkeypatch.setattr(keyring, "set_password", raise_no_keyring)
    monkeypatch.setattr(keyring, "delete_password", raise_no_keyring)
    store = CredentialStore()
    assert store.load() is None
    assert store.save(Creds("my-id", SECRET)) is False
    assert store.keychain_available is False
    assert store.load().client_id == "my-id"


def test_secret_never_reaches_the_settings_file(tmp_path):
    path = tmp_path / "settings.ini"
    settings = AppSettings(path)
    settings.remember_credentials = True
    settings.api_url = "https://api.example.com"
    CredentialStore().save(Creds("my-id", SECRET))
    settings.sync()
    assert SECRET not in path.read_text()
    leftovers = [
        p for p in tmp_path.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()
    ]
    assert leftovers == []


def test_loaded_credentials_are_the_api_type():
    from desktop.api.models import Credentials

    CredentialStore().save(Credentials("my-id", SECRET))
    loaded = CredentialStore().load()
    assert isinstance(loaded, Credentials)
    assert SECRET not in repr(loaded)


def test_dont_remember_me_keeps_them_for_this_session_only(memory_keyring):
    CredentialStore().save(Creds("old-id", "old-secret"))
    store = CredentialStore()
    store.keep_for_session(Creds("my-id", SECRET))
    assert store.load().client_secret == SECRET
    assert memory_keyring.store == {}
    assert CredentialStore().load() is None
