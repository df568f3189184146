"""Mouse input the tests send to the real widgets (shared by the viewer and compare tests)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication


def wheel(area: QAbstractScrollArea, up: bool) -> None:
    """One notch of the mouse wheel over the middle of a scroll area's viewport."""
    center = QPointF(area.viewport().rect().center())
    event = QWheelEvent(
        center,
        QPointF(area.viewport().mapToGlobal(QPoint(0, 0))) + center,
        QPoint(0, 0),
        QPoint(0, 120 if up else -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(area.viewport(), event)
