"""Every control in the main window can be named by a screen reader, and the objectNames
that automation relies on are there."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
)
OBJECT_NAMES = [
    "mainWindow",
    "workspaceList",
    "quotaPanel",
    "modelCombo",
    "promptEdit",
    "numImagesSpin",
    "aspectRatioCombo",
    "outputFormatCombo",
    "generateButton",
    "historyView",
]


def test_every_control_has_an_accessible_name(signed_in):
    _loop, components = signed_in
    window = components.window
    unnamed = [
        f"{type(widget).__name__} {widget.objectName()!r}"
        for widget in window.findChildren(QWidget)
        if isinstance(widget, CONTROLS)
        and widget.isVisibleTo(window)
        and not widget.accessibleName()
        and not (isinstance(widget, QAbstractButton) and widget.text().strip())
        and not widget.objectName().startswith("qt_")
    ]
    assert unnamed == []


def test_automation_object_names(signed_in):
    _loop, components = signed_in
    window = components.window
    found = {w.objectName() for w in window.findChildren(QWidget)} | {window.objectName()}
    assert set(OBJECT_NAMES) <= found
    row = window.history_proxy.index(0, 0)
    assert row.data(0x0100) == window.history_model.item(0).image_id  # Qt.UserRole
