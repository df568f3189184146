"""Painting the history grid: every exposed cell and header in one Python call, the rubber
band, and the empty grid's text.

Qt's own item-view paint calls into Python once per cell; here the cells are placed by the
layout's arithmetic (``GridLayout``) and drawn by ``paint_cell``/``paint_header`` (delegate.py).
Kept apart from the view so the hot paint path reads on its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QRubberBand, QStyle, QStyleOptionRubberBand

from desktop.ui.common.formatting import image_count
from desktop.ui.history.delegate import CellStyle, MarkBadges, paint_cell, paint_header

if TYPE_CHECKING:
    from desktop.ui.history.grid_model import GridModel
    from desktop.ui.history.grid_pointer import GridPointer
    from desktop.ui.history.view import HistoryView


class GridPainter:
    """Paints the view's viewport; the view's paintEvent calls ``paint``."""

    def __init__(self, view: HistoryView, pointer: GridPointer) -> None:
        self._view = view
        self._pointer = pointer  # the hovered row and the rubber band
        self._badges = MarkBadges()  # the marks' pixmaps, drawn once, blitted every frame

    def paint(self, exposed: QRect) -> None:
        """The view's paintEvent: the empty text, or the exposed cells and the rubber band."""
        view = self._view
        model = view.model()
        if model is None or model.rowCount() == 0:
            self.paint_empty_text()
            return
        grid = view.grid_model()
        if grid is not None:
            self.paint_cells(grid, exposed)
        if not self._pointer.band.isNull():
            self.paint_band()

    def paint_cells(self, model: GridModel, exposed: QRect) -> None:
        """All exposed cells in one Python call, placed by the layout's arithmetic.

        Qt's own item-view paint calls into Python once per cell (delegate.paint,
        model.flags, model.data), and so does building a QModelIndex or QRect per cell; each
        such call can wait for the GIL while thumbnail workers run. Here a frame makes one
        drawPixmap (or one placeholder shape) per cell and no Qt value objects per cell.
        """
        view = self._view
        layout = view.grid_layout()
        offset = view.verticalOffset()
        first, last = layout.rows_between(offset + exposed.top(), offset + exposed.bottom() + 1)
        if last < first:
            return
        painter = QPainter(view.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        palette = view.palette()
        style = CellStyle.from_palette(palette)
        self._badges.prepare(view.font(), view.devicePixelRatioF())
        selected = self._selected_rows(first, last)
        current = view.currentIndex()
        focus_row = current.row() if current.isValid() and view.hasFocus() else -1
        hover_row = self._pointer.hover_row
        rect = layout.rect
        for row in range(first, last + 1):
            x, y, w, h = rect(row)
            y -= offset
            if layout.headed and (header := model.header_at(row)) is not None:
                paint_header(
                    painter,
                    QRect(x, y, w, h),
                    palette,
                    header.label,
                    self._count_text(header.count),
                    header.collapsed,
                    row == hover_row,
                )
                continue
            pixmap = model.thumbnail_at(row)
            paint_cell(
                painter,
                x,
                y,
                w,
                h,
                style,
                pixmap,
                row in selected,
                row == hover_row,
                row == focus_row,
                model.aspect_at(row) if pixmap is None else 1.0,
                model.marks_at(row),
                self._badges,
            )
        painter.end()

    def paint_band(self) -> None:
        view = self._view
        painter = QPainter(view.viewport())
        option = QStyleOptionRubberBand()
        option.initFrom(view)
        option.shape = QRubberBand.Shape.Rectangle
        option.opaque = False
        option.rect = self._pointer.band.translated(0, -view.verticalOffset())
        view.style().drawControl(QStyle.ControlElement.CE_RubberBand, option, painter, view)
        painter.end()

    def _selected_rows(self, first: int, last: int) -> set[int]:
        """Selected rows within [first, last], from the selection's ranges (no index per row)."""
        rows: set[int] = set()
        for selection_range in self._view.selectionModel().selection():  # type: ignore[attr-defined]  # a QList at run time; the stub has no __iter__
            low, high = max(first, selection_range.top()), min(last, selection_range.bottom())
            rows.update(range(low, high + 1))
        return rows

    def _count_text(self, count: int) -> str:
        return image_count(count)

    def paint_empty_text(self) -> None:
        view = self._view
        painter = QPainter(view.viewport())
        color = view.palette().color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(color)
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        painter.setFont(font)
        area = view.viewport().rect().adjusted(24, 24, -24, -24)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(QRect(area), int(flags), view.empty_text())
        painter.end()
