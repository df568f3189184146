"""Issue 11.1: Enter always means "Sign in" with what is typed; the demo is never entered by
accident, and being in the demo is visible with a way to the real sign-in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from tests.ui.app_harness import wait_until


def _type_and_press_enter(loop, dialog, secret: str) -> None:
    dialog.activateWindow()
    dialog.secret_edit.setFocus()
    wait_until(loop, lambda: dialog.secret_edit.hasFocus())
    dialog.secret_edit.setText(secret)
    QTest.keyClick(dialog.secret_edit, Qt.Key.Key_Return)


def test_enter_after_a_wrong_secret_signs_in_with_what_is_typed(signed_out):
    loop, start = signed_out
    components = start()
    wait_until(loop, lambda: components.flow.dialog is not None)
    dialog = components.flow.dialog
    dialog.client_id_edit.setText(DEMO_CLIENT_ID)
    dialog.activateWindow()
    dialog.secret_edit.setText("not-the-secret")
    QTest.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    wait_until(loop, lambda: "client id or secret" in dialog.message_label.text().lower())
    wait_until(loop, lambda: dialog.sign_in_button.isEnabled())

    _type_and_press_enter(loop, dialog, DEMO_CLIENT_SECRET)
    wait_until(loop, lambda: components.window.history_model.rowCount() > 0)
    assert components.flow.demo_server is None, "Enter started the demo instead of signing in"
    assert not components.flow.in_demo
    assert components.window.account_label.text() == f"Signed in: {DEMO_CLIENT_ID}"
    assert not components.window.demo_banner.isVisible()


def test_the_demo_shows_a_banner_whose_sign_in_leads_to_the_real_sign_in(signed_out):
    loop, start = signed_out
    components = start(demo=True)
    window = components.window
    wait_until(loop, lambda: window.history_model.rowCount() > 0)
    banner = window.demo_banner
    assert banner.isVisible()
    assert "nothing here reaches neuroflash" in banner.message_label.text()

    banner.sign_in_button.click()
    wait_until(loop, lambda: components.flow.dialog is not None)
    dialog = components.flow.dialog
    assert dialog.isVisible()
    assert not dialog.demo_button.isVisible(), "already in the demo: no second way into it"
    dialog.client_id_edit.setText(DEMO_CLIENT_ID)
    _type_and_press_enter(loop, dialog, DEMO_CLIENT_SECRET)
    wait_until(loop, lambda: not components.flow.in_demo)
    assert not banner.isVisible()
    assert window.account_label.text() == f"Signed in: {DEMO_CLIENT_ID}"
