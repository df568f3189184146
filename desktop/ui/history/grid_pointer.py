"""The mouse over the history grid: a click on a header folds its group, a drag from empty
space draws the rubber band, the tile under the pointer is highlighted, Ctrl+wheel zooms.

QAbstractItemView's own press, move and release handling (selection, drag-out) still runs; the
view calls in here around it. Kept apart from the view's layout and paint code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractItemView

from desktop.ui.history.grid_layout import TILE_STEP
from desktop.ui.history.proxy import HistoryProxyModel

if TYPE_CHECKING:
    from desktop.ui.history.view import HistoryView


class GridPointer:
    """Header folding, the rubber band (content coordinates), the hovered row, wheel zoom."""

    def __init__(self, view: HistoryView) -> None:
        self._view = view
        self.hover_row = -1
        self._press: QPoint | None = None  # rubber band start, content coordinates
        self.band = QRect()

    def header_row_at(self, pos: QPoint) -> int:
        view = self._view
        layout = view.grid_layout()
        row = layout.row_at(pos.x(), pos.y() + view.verticalOffset())
        return row if row >= 0 and layout.is_header(row) else -1

    def pressed(self, event: QMouseEvent) -> bool:
        """True when the press was on a header (it folded the group; nothing else happens)."""
        view = self._view
        pos = event.position().toPoint()
        index = view.indexAt(pos)
        header = self.header_row_at(pos)
        if header >= 0:  # a header is not an image: a click folds its group, nothing else
            if event.button() == Qt.MouseButton.LeftButton:
                self.toggle_group(header)
            event.accept()
            return True
        self._press = pos + QPoint(0, view.verticalOffset()) if not index.isValid() else None
        return False

    def toggle_group(self, row: int) -> None:
        """Fold or unfold the group headed at ``row``, keeping the header where it was."""
        view = self._view
        model = view.model()
        if not isinstance(model, HistoryProxyModel):
            return
        header = model.header_at(row)
        if header is None:
            return
        screen_y = view.grid_layout().rect(row)[1] - view.verticalOffset()
        model.toggle_group(row)  # the view lays out again: a new grid_layout()
        new_row = next(
            (r for r in model.header_rows() if (h := model.header_at(r)) and h.key == header.key),
            -1,
        )
        if new_row >= 0:
            view.verticalScrollBar().setValue(view.grid_layout().rect(new_row)[1] - screen_y)

    def zoomed(self, event: QWheelEvent) -> bool:
        """True when the wheel turned with Ctrl held: that zooms the tiles, it doesn't scroll."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:  # Ctrl+wheel zooms
            step = TILE_STEP if event.angleDelta().y() > 0 else -TILE_STEP
            self._view.set_tile_size(self._view.tile_size() + step)
            event.accept()
            return True
        return False

    def moved(self, event: QMouseEvent) -> None:
        view = self._view
        pos = event.position().toPoint()
        if self._press is not None and view.state() == QAbstractItemView.State.DragSelectingState:
            self.band = QRect(self._press, pos + QPoint(0, view.verticalOffset())).normalized()
            view.viewport().update()
        self.set_hover_row(view.indexAt(pos).row())

    def released(self) -> None:
        self._press = None
        if not self.band.isNull():
            self.band = QRect()
            self._view.viewport().update()

    def set_hover_row(self, row: int) -> None:
        if row == self.hover_row:
            return
        view = self._view
        for old_or_new in (self.hover_row, row):
            if 0 <= old_or_new < view.grid_layout().rows:
                view.viewport().update(view.row_rect(old_or_new))
        self.hover_row = row
