"""What the main window shows for the fraction of a second before its panels exist.

The window appears at once, at its saved size, with the outline of the real layout
(workspaces on the left, the grid in the middle, the prompt on the right) drawn in muted
palette colours, and the panels replace it as soon as they are built. Only QtGui and
QtWidgets are used here, not even the Qt namespace (~35 ms of enums on first use): this
module runs before the first paint.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from desktop.ui.history.grid_layout import CELL_PADDING, DEFAULT_TILE  # plain Python: cheap

SIDEBAR_WIDTH = 240  # the widths the real splitter starts with (MainWindow uses these)
PANEL_WIDTH = 340
CELL = DEFAULT_TILE + CELL_PADDING  # a grid cell at the default tile size
RADIUS = 8


class LayoutSkeleton(QWidget):
    """Muted blocks where the sidebar, the grid and the prompt panel will be."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layoutSkeleton")
        self.setAccessibleName(self.tr("Starting neuroflash Desktop"))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        block = QColor(palette.color(QPalette.ColorRole.Text))
        block.setAlpha(18)
        tile = QColor(128, 128, 128, 40)  # the grid's own loading tile
        width, height = self.width(), self.height()
        grid_left, grid_right = SIDEBAR_WIDTH, max(SIDEBAR_WIDTH, width - PANEL_WIDTH)

        painter.setPen(block)  # outline and fill alike
        painter.setBrush(block)
        painter.drawRoundedRect(12, 12, 96, 14, 4, 4)  # "Workspaces"
        for n in range(3):
            painter.drawRoundedRect(12, 40 + n * 32, SIDEBAR_WIDTH - 24, 22, 4, 4)
        painter.drawRoundedRect(12, max(200, height - 150), SIDEBAR_WIDTH - 24, 130, 6, 6)
        painter.drawRoundedRect(grid_left + 8, 12, max(0, grid_right - grid_left - 16), 28, 6, 6)
        panel_left = grid_right + 12
        painter.drawRoundedRect(panel_left, 12, PANEL_WIDTH - 24, 120, 6, 6)  # the prompt
        for n in range(4):
            painter.drawRoundedRect(panel_left, 150 + n * 40, PANEL_WIDTH - 24, 26, 4, 4)

        painter.setPen(tile)
        painter.setBrush(tile)
        columns = max(1, (grid_right - grid_left) // CELL)
        for top in range(52, height, CELL):
            for column in range(columns):
                x = grid_left + column * CELL
                painter.drawRoundedRect(x + 8, top + 8, CELL - 16, CELL - 16, RADIUS, RADIUS)
        painter.end()
