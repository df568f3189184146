"""What the main window shows for the fraction of a second before its panels exist.

The window appears at once, at its saved size, with the outline of the real layout
(workspaces on the left, the grid in the middle, the prompt on the right) drawn in muted
palette colours, and the panels replace it as soon as they are built. This module runs before
the first paint, so it stays off PySide6's costly paths: the Qt namespace (~35 ms of enums on
first use), and QPainter's pens, brushes and fills, whose overloads create those enums too
(~16 ms), as does QColor's copy constructor. Blocks are stamped from a small image instead:
drawImage does not touch them.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from desktop.ui.history.grid_layout import CELL_PADDING, DEFAULT_TILE  # plain Python: cheap

SIDEBAR_WIDTH = 240  # the widths the real splitter starts with (MainWindow uses these)
PANEL_WIDTH = 340
CELL = DEFAULT_TILE + CELL_PADDING  # a grid cell at the default tile size
RADIUS = 8


def rounded_stamp(color: QColor, radius: int) -> QImage:
    """A (2r+1)-pixel square: a rounded block of ``color`` whose middle row and column are
    the straight edges, drawn a quarter at a time by ``draw_block``. Every pixel is set (a
    new QImage holds garbage; QImage.fill would create the enums this module avoids)."""
    size = 2 * radius + 1
    stamp = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    alpha = color.alphaF()
    pixel = QColor.fromRgba(color.rgba())  # not QColor(color): that overload creates the enums
    for y in range(size):
        for x in range(size):
            pixel.setAlphaF(alpha * _coverage(x, y, radius))
            stamp.setPixelColor(x, y, pixel)
    return stamp


def _coverage(x: int, y: int, radius: int) -> float:
    """How much of pixel (x, y) lies inside the stamp's rounded corners (antialiasing)."""
    dx = max(0.0, radius - (x + 0.5), (x + 0.5) - (radius + 1))
    dy = max(0.0, radius - (y + 0.5), (y + 0.5) - (radius + 1))
    return min(1.0, max(0.0, radius + 0.5 - math.hypot(dx, dy)))


def draw_block(painter: QPainter, stamp: QImage, x: int, y: int, width: int, height: int) -> None:
    """A rounded block as a nine-patch of ``stamp``: corners as they are, edges and middle
    stretched from its middle row and column."""
    r = (stamp.width() - 1) // 2
    if width < 2 * r + 1 or height < 2 * r + 1:
        return
    right, bottom, inner_w, inner_h = x + width - r, y + height - r, width - 2 * r, height - 2 * r
    for target, source in (
        (QRect(x, y, r, r), QRect(0, 0, r, r)),
        (QRect(right, y, r, r), QRect(r + 1, 0, r, r)),
        (QRect(x, bottom, r, r), QRect(0, r + 1, r, r)),
        (QRect(right, bottom, r, r), QRect(r + 1, r + 1, r, r)),
        (QRect(x + r, y, inner_w, r), QRect(r, 0, 1, r)),
        (QRect(x + r, bottom, inner_w, r), QRect(r, r + 1, 1, r)),
        (QRect(x, y + r, r, inner_h), QRect(0, r, r, 1)),
        (QRect(right, y + r, r, inner_h), QRect(r + 1, r, r, 1)),
        (QRect(x + r, y + r, inner_w, inner_h), QRect(r, r, 1, 1)),
    ):
        painter.drawImage(target, stamp, source)


class LayoutSkeleton(QWidget):
    """Muted blocks where the sidebar, the grid and the prompt panel will be."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layoutSkeleton")
        self.setAccessibleName(self.tr("Starting neuroflash Desktop"))
        self._stamps: dict[tuple[int, int], QImage] = {}

    def _stamp(self, color: QColor, radius: int) -> QImage:
        key = (color.rgba(), radius)
        if key not in self._stamps:
            self._stamps[key] = rounded_stamp(color, radius)
        return self._stamps[key]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        block = self.palette().color(QPalette.ColorRole.Text)  # a copy, by value
        block.setAlpha(18)
        small, large = self._stamp(block, 4), self._stamp(block, 6)
        tile = self._stamp(QColor(128, 128, 128, 40), RADIUS)  # the grid's own loading tile
        width, height = self.width(), self.height()
        grid_left, grid_right = SIDEBAR_WIDTH, max(SIDEBAR_WIDTH, width - PANEL_WIDTH)

        draw_block(painter, small, 12, 12, 96, 14)  # "Workspaces"
        for n in range(3):
            draw_block(painter, small, 12, 40 + n * 32, SIDEBAR_WIDTH - 24, 22)
        draw_block(painter, large, 12, max(200, height - 150), SIDEBAR_WIDTH - 24, 130)
        draw_block(painter, large, grid_left + 8, 12, max(0, grid_right - grid_left - 16), 28)
        panel_left = grid_right + 12
        draw_block(painter, large, panel_left, 12, PANEL_WIDTH - 24, 120)  # the prompt
        for n in range(4):
            draw_block(painter, small, panel_left, 150 + n * 40, PANEL_WIDTH - 24, 26)

        columns = max(1, (grid_right - grid_left) // CELL)
        for top in range(52, height, CELL):
            for column in range(columns):
                x = grid_left + column * CELL
                draw_block(painter, tile, x + 8, top + 8, CELL - 16, CELL - 16)
        painter.end()
