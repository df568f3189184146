"""Paints one grid cell: the thumbnail centred on a rounded tile, no caption.

Text under thumbnails adds noise to a designer's image grid; the prompt lives in the tooltip,
the accessible text and the preview instead. ``paint_cell`` is shared by the delegate (used
by Qt's own painting, e.g. during a rubber-band drag) and the view's fast paint path.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

PADDING = 6
RADIUS = 8
_HOVER = QColor(128, 128, 128, 30)


def paint_header(painter: QPainter, cell: QRect, palette: QPalette, label: str, count: str) -> None:
    """A group heading tile (a day or a batch): its name and how many images follow."""
    rect = cell.adjusted(8, 8, -8, -8)
    painter.setPen(Qt.PenStyle.NoPen)
    tint = QColor(palette.color(QPalette.ColorRole.Highlight))
    tint.setAlpha(28)
    painter.setBrush(tint)
    painter.drawRoundedRect(rect, RADIUS, RADIUS)
    text_rect = rect.adjusted(12, 12, -12, -12)
    font = painter.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    painter.setFont(font)
    painter.setPen(palette.color(QPalette.ColorRole.Text))
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
    painter.drawText(text_rect.adjusted(0, 0, 0, -24), int(flags), label)
    font.setBold(False)
    font.setPointSizeF(font.pointSizeF() / 1.15)
    painter.setFont(font)
    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
    painter.drawText(
        text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), count
    )


def paint_cell(
    painter: QPainter,
    cell: QRect,
    palette: QPalette,
    pixmap: object,
    selected: bool,
    hovered: bool,
    focused: bool,
) -> None:
    """One cell; the painter must have Antialiasing and SmoothPixmapTransform set, and no
    brush or pen is assumed (each call sets what it uses)."""
    rect = cell.adjusted(2, 2, -2, -2)
    if selected or hovered:
        painter.setPen(Qt.PenStyle.NoPen)
        if selected:
            highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
            highlight.setAlpha(90)
            painter.setBrush(highlight)
        else:
            painter.setBrush(_HOVER)
        painter.drawRoundedRect(rect, RADIUS, RADIUS)

    if isinstance(pixmap, QPixmap) and not pixmap.isNull():
        area = rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        dpr = pixmap.devicePixelRatio() or 1.0
        size = QSize(round(pixmap.width() / dpr), round(pixmap.height() / dpr))
        if size.width() > area.width() or size.height() > area.height():
            size.scale(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(0, 0, size.width(), size.height())
        target.moveCenter(area.center())
        painter.drawPixmap(target, pixmap)

    if selected:
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
    elif focused:
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, RADIUS, RADIUS)


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
        state = option.state
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        paint_cell(
            painter,
            option.rect,
            option.palette,
            index.data(Qt.ItemDataRole.DecorationRole),
            bool(state & QStyle.StateFlag.State_Selected),
            bool(state & QStyle.StateFlag.State_MouseOver),
            bool(state & QStyle.StateFlag.State_HasFocus),
        )
        painter.restore()
