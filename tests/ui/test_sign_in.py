"""Sign-in: the dialog's messages, remembering in the keychain, no keychain, sign out, demo."""

from __future__ import annotations

import keyring
from keyring.backends.fail import Keyring as FailKeyring

from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from tests.ui.app_harness import wait_until


def sign_in_with(loop, components, client_id: str, secret: str, remember: bool):
    wait_until(loop, lambda: components.flow.dialog is not None)
    dialog = components.flow.dialog
    dialog.client_id_edit.setText(client_id)
    dialog.secret_edit.setText(secret)
    dialog.remember_box.setChecked(remember)
    dialog.sign_in_button.click()
    return dialog


def test_wrong_secret_is_explained_and_the_dialog_stays(signed_out):
    loop, start = signed_out
    components = start()
    dialog = sign_in_with(loop, components, DEMO_CLIENT_ID, "not-the-secret", remember=True)
    wait_until(loop, lambda: dialog.sign_in_button.isEnabled())
    assert dialog.isVisible()
    assert "client id or secret" in dialog.message_label.text().lower()
    assert dialog.client_id_edit.text() == DEMO_CLIENT_ID, "what was typed must survive"


def test_remembered_credentials_sign_in_next_launch_and_sign_out_forgets(
    signed_out, memory_keyring
):
    loop, start = signed_out
    first = start()
    dialog = sign_in_with(loop, first, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, remember=True)
    wait_until(loop, lambda: first.window.history_model.rowCount() > 0)
    assert not dialog.isVisible()
    assert DEMO_CLIENT_SECRET in memory_keyring.store.values()

    second = start()
    wait_until(loop, lambda: second.window.history_model.rowCount() > 0)
    assert second.flow.dialog is None, "a remembered account signs in without asking"

    second.window.sign_out_action.trigger()
    assert DEMO_CLIENT_SECRET not in memory_keyring.store.values()
    assert second.window.history_model.rowCount() == 0
    assert second.flow.dialog is not None and second.flow.dialog.isVisible()


def test_no_keychain_keeps_credentials_for_the_session_only(signed_out, tmp_path):
    keyring.set_keyring(FailKeyring())
    loop, start = signed_out
    components = start()
    wait_until(loop, lambda: components.flow.dialog is not None)
    dialog = components.flow.dialog
    assert not dialog.remember_box.isEnabled()
    assert "no keychain" in dialog.message_label.text().lower()
    sign_in_with(loop, components, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, remember=False)
    wait_until(loop, lambda: components.window.history_model.rowCount() > 0)
    components.settings.sync()
    leaked = [
        path
        for path in (tmp_path / "profile").rglob("*")
        if path.is_file() and DEMO_CLIENT_SECRET.encode() in path.read_bytes()
    ]
    assert leaked == []


def test_try_the_demo_starts_the_built_in_server(signed_out):
    loop, start = signed_out
    components = start()
    wait_until(loop, lambda: components.flow.dialog is not None)
    components.flow.dialog.demo_button.click()
    wait_until(loop, lambda: components.window.history_model.rowCount() > 0)
    assert components.flow.demo_server is not None
    assert components.window.account_label.text() == "Signed in: Demo account"
