"""Look and feel: the platform's own style where it has one, Fusion elsewhere, the system's
light or dark palette, and a small style sheet that only uses palette colours so both work."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop.resources import resource

log = logging.getLogger(__name__)
NATIVE_STYLES = {"windows11", "windowsvista", "macos"}
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def apply_theme(app: QApplication) -> None:
    # Setting Fusion again where it already is builds a second style (~20 ms before the
    # first paint).
    if app.style().name().lower() not in NATIVE_STYLES | {"fusion"}:
        app.setStyle("Fusion")
    sheet = resource("styles", "app.qss")
    try:
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))
    except OSError:
        log.warning("Style sheet missing: %s", sheet)
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)


def app_icon() -> QIcon:
    """The icon from its pre-rendered PNGs, each read only when a size is asked for (the SVG
    would load Qt's SVG engine before the first paint)."""
    icon = QIcon()
    for size in ICON_SIZES:
        png = resource("icons", "hicolor", f"{size}x{size}", "apps", "neuroflash-desktop.png")
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    return icon
