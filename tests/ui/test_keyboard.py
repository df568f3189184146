"""A keyboard-only session: generate, edit and delete without touching the mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.emulator.demo_data import STUDIO_WORKSPACE_ID
from tests.ui.app_harness import wait_until

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def app(signed_in):
    return signed_in


def type_into_focus(text: str) -> None:
    QTest.keyClicks(QApplication.focusWidget(), text)


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Send a key where the user's keyboard would go: the focused widget of the active window."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "no widget has keyboard focus"
    QTest.keyClick(target, key, modifier)


def test_generate_edit_delete_by_keyboard(app, emulator):
    loop, components = app
    window = components.window
    state = emulator.state
    ids_before = state.history_ids(STUDIO_WORKSPACE_ID)
    credits = state.quota(STUDIO_WORKSPACE_ID)["availableAmount"]

    press(Qt.Key.Key_L, CTRL)
    assert QApplication.focusWidget() is window.generate_panel.prompt_edit
    type_into_focus("A lone tree on a hill")
    press(Qt.Key.Key_Return, CTRL)
    wait_until(loop, lambda: len(state.history_ids(STUDIO_WORKSPACE_ID)) == len(ids_before) + 1)
    generated = state.history_ids(STUDIO_WORKSPACE_ID)[0]
    wait_until(loop, lambda: window.history_model.item(0).image_id == generated)
    assert state.quota(STUDIO_WORKSPACE_ID)["availableAmount"] == credits - 1

    press(Qt.Key.Key_H, CTRL)
    assert QApplication.focusWidget() is window.history_view
    assert window.history_view.selected_items()[0].image_id == generated
    press(Qt.Key.Key_E, CTRL)
    wait_until(loop, lambda: window.actions_.edit_dialog is not None)
    wait_until(loop, lambda: QApplication.focusWidget() is window.actions_.edit_dialog.prompt_edit)
    type_into_focus("in winter")
    press(Qt.Key.Key_Return, CTRL)
    wait_until(loop, lambda: len(state.history_ids(STUDIO_WORKSPACE_ID)) == len(ids_before) + 2)
    edited = state.history_ids(STUDIO_WORKSPACE_ID)[0]
    wait_until(loop, lambda: window.history_model.item(0).image_id == edited)
    assert state.quota(STUDIO_WORKSPACE_ID)["availableAmount"] == credits - 2

    wait_until(loop, lambda: QApplication.focusWidget() is window.history_view)
    window.history_view.clearSelection()
    press(Qt.Key.Key_H, CTRL)
    assert window.history_view.selected_items()[0].image_id == edited
    press(Qt.Key.Key_Delete)
    wait_until(loop, lambda: window.actions_.confirm_box is not None)
    box = window.actions_.confirm_box
    wait_until(loop, lambda: box.isVisible())
    QTest.keyClick(box, Qt.Key.Key_Return)
    wait_until(loop, lambda: window.history_model.row_of(edited) < 0)  # at once, with Undo
    # the DELETE goes out once Undo has gone (10 s)
    wait_until(loop, lambda: edited not in state.history_ids(STUDIO_WORKSPACE_ID), timeout=25)
    assert state.quota(STUDIO_WORKSPACE_ID)["availableAmount"] == credits - 2
