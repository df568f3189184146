"""The viewer and the mask editor open no larger than the screen (issue 11 QA: they opened
taller than a 600 px screen, their buttons out of reach), in English and German. The test
screen is 800x800, so a 900x600 screen's available area is given to the windows instead."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget

from desktop.ui.common import screen_fit
from desktop.ui.common.screen_fit import FRAME, open_size
from tests.ui.app_harness import wait_until

SCREEN = QRect(0, 0, 900, 600)


@pytest.fixture
def small_screen(monkeypatch):
    monkeypatch.setattr(screen_fit, "available_area", lambda window, anchor=None: SCREEN)


def _inside(widget: QWidget, window: QWidget) -> bool:
    """The widget is shown whole inside its window."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return widget.isVisible() and window.rect().contains(QRect(top_left, widget.size()))


def _fits_screen(window: QWidget) -> bool:
    return SCREEN.contains(QRect(window.pos(), window.size() + FRAME))


def test_the_viewer_fits_the_screen_with_every_button(window_in, small_screen):
    loop, window = window_in
    item = window.history_proxy.visible_items()[0]
    viewer = window.open_preview([item])
    assert viewer is not None
    viewer.show()
    loop.run_until_complete(asyncio.sleep(0.1))
    assert _fits_screen(viewer), viewer.geometry()
    for button in viewer.action_buttons:
        assert _inside(button, viewer), f"“{button.text()}” is out of reach"
    viewer.close()


def test_the_mask_editor_fits_the_screen_with_its_edit_row(window_in, small_screen):
    loop, window = window_in
    item = window.history_proxy.visible_items()[0]
    window.byo.open_mask_editor(item)
    wait_until(loop, lambda: window.byo.mask_dialog is not None)
    dialog = window.byo.mask_dialog
    loop.run_until_complete(asyncio.sleep(0.1))
    assert _fits_screen(dialog), dialog.geometry()
    for widget in (dialog.send_button, dialog.prompt_edit, dialog.undo_button):
        assert _inside(widget, dialog), widget.text()
    dialog.reject()


def test_open_size_keeps_the_wanted_size_where_there_is_room(qapp):
    window = QWidget()
    area = window.screen().availableGeometry()
    small = QSize(300, 200)
    assert open_size(window, small) == small
    assert open_size(window, QSize(5000, 5000)) == area.size() - FRAME
