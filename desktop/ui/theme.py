"""Look and feel: the platform's own style where it has one, Fusion elsewhere, the system's
light or dark palette, and a small style sheet that only uses palette colours so both work."""

from __future__ import annotations

import logging

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop.resources import resource

log = logging.getLogger(__name__)
NATIVE_STYLES = {"windows11", "windowsvista", "macos"}


def apply_theme(app: QApplication) -> None:
    if app.style().name().lower() not in NATIVE_STYLES:
        app.setStyle("Fusion")
    sheet = resource("styles", "app.qss")
    try:
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))
    except OSError:
        log.warning("Style sheet missing: %s", sheet)
    icon = QIcon(str(resource("icons", "neuroflash.svg")))
    if not icon.isNull():
        app.setWindowIcon(icon)


def is_dark() -> bool:
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark
