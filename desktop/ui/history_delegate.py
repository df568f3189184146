"""Paints one grid cell: the thumbnail centred on a rounded tile, no caption.

Text under thumbnails adds noise to a designer's image grid; the prompt lives in the tooltip,
the accessible text and the preview instead.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

PADDING = 6
RADIUS = 8


class ThumbnailDelegate(QStyledItemDelegate):
    """Fixed-size cells (the view uses uniform item sizes) so layout of 10,000 rows is fast."""

    def __init__(self, cell: QSize, parent=None) -> None:
        super().__init__(parent)
        self._cell = QSize(cell)

    def set_cell_size(self, cell: QSize) -> None:
        self._cell = QSize(cell)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(self._cell)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect: QRect = option.rect.adjusted(2, 2, -2, -2)
        palette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        if selected:
            highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
            highlight.setAlpha(90)
            painter.setBrush(highlight)
            painter.drawRoundedRect(rect, RADIUS, RADIUS)
        elif hovered:
            painter.setBrush(QColor(128, 128, 128, 30))
            painter.drawRoundedRect(rect, RADIUS, RADIUS)

        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            area = rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
            dpr = pixmap.devicePixelRatio() or 1.0
            size = QSize(round(pixmap.width() / dpr), round(pixmap.height() / dpr))
            if size.width() > area.width() or size.height() > area.height():
                size.scale(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(area.center())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(target, pixmap)

        if selected:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, RADIUS, RADIUS)
        elif state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(
                QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine)
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, RADIUS, RADIUS)
        painter.restore()
