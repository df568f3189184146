"""A proxy set in Settings: stored (password in the keychain only), used by the app after the
restart through a real proxy (proxy.py), and a refused password gets a clear message."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLineEdit

from desktop.api.proxy import PROXY_AUTH_REFUSED
from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from desktop.services.credentials import PROXY_PASSWORD_KEY, CredentialStore
from desktop.services.settings import AppSettings
from desktop.ui.shell.settings_dialog import SettingsDialog
from tests.network_fixtures import ProxyServer, clear_proxy_env
from tests.ui.app_harness import close_components, make_components, make_loop, wait_until

USER = "designer"
PASSWORD = "Proxy-Secret-4711"


@pytest.fixture(scope="module")
def locked_proxy(tmp_path_factory) -> Iterator[ProxyServer]:
    proxy = ProxyServer(tmp_path_factory.mktemp("proxy"), f"{USER}:{PASSWORD}")
    yield proxy
    proxy.stop()


def type_into(edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.setText(text)
    edit.editingFinished.emit()  # what leaving the field does


def set_proxy_in_dialog(qtbot, profile, proxy_url: str, password: str) -> SettingsDialog:
    settings = AppSettings(profile / "settings.ini")
    dialog = SettingsDialog(settings, "en", restart=lambda: True, credentials=CredentialStore())
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(dialog.proxy_edit, proxy_url)
    type_into(dialog.proxy_user_edit, USER)
    type_into(dialog.proxy_bypass_edit, "example.invalid")  # loopback through the proxy too
    type_into(dialog.proxy_password_edit, password)
    assert dialog.restart_button.isVisible()
    assert dialog.restart_label.text() == "The new proxy settings apply after a restart."
    assert dialog.proxy_password_edit.text() == ""  # not left in the widget
    settings.sync()
    return dialog


@pytest.fixture
def env_credentials(monkeypatch):
    clear_proxy_env(monkeypatch)
    monkeypatch.setenv("NEUROFLASH_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("NEUROFLASH_CLIENT_SECRET", DEMO_CLIENT_SECRET)


def test_a_proxy_set_in_settings_carries_the_apps_traffic_after_the_restart(
    qapp, qtbot, emulator, locked_proxy, memory_keyring, env_credentials, tmp_path
):
    profile = tmp_path / "profile"
    set_proxy_in_dialog(qtbot, profile, locked_proxy.url, PASSWORD)
    ini = (profile / "settings.ini").read_text()
    assert locked_proxy.url in ini and USER in ini
    assert PASSWORD not in ini
    assert memory_keyring.store[("neuroflash-desktop", PROXY_PASSWORD_KEY)] == PASSWORD

    loop = make_loop(qapp)  # "the restart": the app as it starts from this profile
    components = make_components(emulator.api_url, emulator.token_url, profile)
    try:
        components.window.show()
        components.session.spawn(components.flow.start(demo=False))
        wait_until(loop, lambda: components.window.history_model.rowCount() > 0)
        log_text = components.logging.log_file.read_text()
    finally:
        close_components(components, loop)
        loop.close()
    assert locked_proxy.carried(emulator.port)  # the proxy's own log: it carried the calls
    assert PASSWORD not in log_text
    assert PASSWORD not in repr(components.api_settings)


def test_a_refused_proxy_password_says_what_to_fix(
    qapp, qtbot, emulator, locked_proxy, memory_keyring, env_credentials, tmp_path
):
    profile = tmp_path / "profile"
    set_proxy_in_dialog(qtbot, profile, locked_proxy.url, "not-the-password")
    loop = make_loop(qapp)
    components = make_components(emulator.api_url, emulator.token_url, profile)
    try:
        components.window.show()
        components.session.spawn(components.flow.start(demo=False))
        messages = components.window.messages
        wait_until(loop, lambda: "did not accept your user name and password" in messages.text())
        assert messages.text() == PROXY_AUTH_REFUSED
        assert components.flow.dialog is None  # no modal sign-in dialog for a proxy problem
        log_text = components.logging.log_file.read_text()
    finally:
        close_components(components, loop)
        loop.close()
    assert "not-the-password" not in log_text
