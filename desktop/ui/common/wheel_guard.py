"""Wheel over a combo box or spin box scrolls the panel, not the setting.

A designer scrolling the Create panel with the mouse wheel changed the output format from png
to webp without noticing, because the combo under the pointer took the wheel. Guarded widgets
take the wheel only while they have keyboard focus (a click or Tab gives it to them); otherwise
the event goes to the parent, so the scroll area around them scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


class WheelGuard(QObject):
    """Event filter: ignores wheel events on unfocused combo and spin boxes."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            event.ignore()  # not accepted: Qt hands it on to the parent (the scroll area)
            return True
        return False


def guard_wheel(owner: QObject, *widgets: QComboBox | QAbstractSpinBox) -> WheelGuard:
    """Install one guard on ``widgets``; the wheel no longer gives them focus either."""
    guard = WheelGuard(owner)
    for widget in widgets:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(guard)
    return guard
