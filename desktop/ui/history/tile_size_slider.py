"""A compact slider for the history grid's thumbnail size, kept in step with Ctrl+plus/minus."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QWidget

from desktop.ui.history.grid_layout import MAX_TILE, MIN_TILE

if TYPE_CHECKING:
    from desktop.services.settings import AppSettings
    from desktop.ui.history.view import HistoryView

STEP = 16
SETTINGS_KEY = "grid/tile_size"
SAVE_DELAY_MS = 600  # a slider drag is saved once, when it rests


class TileSizeSlider(QWidget):
    """Small and large tile glyphs either side of a slider bound to one HistoryView."""

    def __init__(self, view: HistoryView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tileSizeSlider")
        self._view = view
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(MIN_TILE, MAX_TILE)
        self.slider.setSingleStep(STEP)
        self.slider.setPageStep(2 * STEP)
        self.slider.setValue(view.tile_size())
        self.slider.setFixedWidth(96)
        self.slider.setAccessibleName(self.tr("Thumbnail size"))
        self.slider.setToolTip(self.tr("Thumbnail size (Ctrl+plus / Ctrl+minus)"))
        small, large = QLabel("▪"), QLabel("■")
        for glyph in (small, large):
            glyph.setProperty("role", "secondary")
            glyph.setAccessibleName(" ")  # decoration: screen readers skip it
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(small)
        layout.addWidget(self.slider)
        layout.addWidget(large)
        self.slider.valueChanged.connect(view.set_tile_size)
        view.tileSizeChanged.connect(self._follow)

    def _follow(self, size: int) -> None:
        if self.slider.value() != size:
            self.slider.blockSignals(True)
            self.slider.setValue(size)
            self.slider.blockSignals(False)


def remember_tile_size(view: HistoryView, settings: AppSettings) -> None:
    """Start ``view`` at the size the designer last chose and keep their new choices."""
    with suppress(TypeError, ValueError):  # an unreadable value: the default size
        view.set_tile_size(int(settings.value(SETTINGS_KEY, view.tile_size())))
    timer = QTimer(view)
    timer.setSingleShot(True)
    timer.setInterval(SAVE_DELAY_MS)
    timer.timeout.connect(lambda: settings.set_value(SETTINGS_KEY, view.tile_size()))
    view.tileSizeChanged.connect(lambda _size: timer.start())
