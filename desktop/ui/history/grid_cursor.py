"""Where the keyboard cursor, the selection and the scroll position go in the history grid.

Arrow and page keys move over lines that may have group headers between them (headers are not
images: they are stepped over); a rubber band selects the images whose cells it meets, as
runs; scrollTo brings a cell into sight; after the selected images are deleted the image after
them is selected, so a keyboard user keeps their place. All of it reads the grid's own layout
(``GridLayout``), not Qt's. Kept apart from the view so its layout and paint code stay on
their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QAbstractItemView

from desktop.ui.history.grid_layout import MARGIN

if TYPE_CHECKING:
    from desktop.ui.history.view import HistoryView


class GridCursor:
    """The view's moveCursor, scrollTo, setSelection and select-after-delete, by the layout."""

    def __init__(self, view: HistoryView) -> None:
        self._view = view
        self._reselect_row = -1  # where to select after the selected images are removed

    def select_image(self, image_id: str, scroll: bool = True) -> bool:
        """Select, focus and (with ``scroll``) scroll to ``image_id``; False if it is not in
        the grid."""
        model = self._view.grid_model()
        row = model.row_of(image_id) if model is not None else -1
        if model is None or row < 0:
            return False
        index = model.index(row, 0)
        self.select_only(index)
        if scroll:
            self._view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def select_only(self, index: QModelIndex) -> None:
        flag = QItemSelectionModel.SelectionFlag
        self._view.selectionModel().setCurrentIndex(index, flag.ClearAndSelect)

    def focus_newest(self) -> None:
        """Ctrl+H: focus the grid and select the newest image (replacing any selection)."""
        view = self._view
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        model = view.model()
        if model is None:
            return
        row = view.grid_layout().image_row(0, 1)
        if row >= 0:
            self.select_only(model.index(row, 0))
            view.scrollToTop()

    def scroll_to(
        self, index: QModelIndex | QPersistentModelIndex, hint: QAbstractItemView.ScrollHint
    ) -> None:
        """The view's scrollTo: bring ``index``'s cell into sight as ``hint`` says."""
        view = self._view
        layout = view.grid_layout()
        if not index.isValid() or index.row() >= layout.rows:
            return
        _x, y, _w, h = layout.rect(index.row())
        page, value = view.viewport().height(), view.verticalOffset()
        Hint = QAbstractItemView.ScrollHint
        if hint == Hint.PositionAtTop:
            value = y - MARGIN
        elif hint == Hint.PositionAtBottom:
            value = y + h - page + MARGIN
        elif hint == Hint.PositionAtCenter:
            value = y + h // 2 - page // 2
        elif y < value:
            value = y - MARGIN
        elif y + h > value + page:
            value = y + h - page + MARGIN
        view.verticalScrollBar().setValue(value)

    def select_rect(self, rect: QRect, command: QItemSelectionModel.SelectionFlag) -> None:
        """Select the images whose cells meet ``rect`` (viewport coordinates), as runs."""
        view = self._view
        model = view.model()
        if model is None:
            return
        area = rect.normalized().translated(0, view.verticalOffset())
        layout = view.grid_layout()
        first, last = layout.rows_between(area.top(), area.bottom() + 1)
        left, right = area.left(), area.right()
        selection = QItemSelection()
        run_start = -1
        for row in range(first, last + 2):
            inside = False
            if row <= last and not layout.is_header(row):
                x, y, w, h = layout.rect(row)
                inside = x <= right and x + w > left and y <= area.bottom() and y + h > area.top()
            if inside and run_start < 0:
                run_start = row
            elif not inside and run_start >= 0:
                selection.select(model.index(run_start, 0), model.index(row - 1, 0))
                run_start = -1
        view.selectionModel().select(selection, command)

    def move_cursor(self, action: QAbstractItemView.CursorAction) -> QModelIndex:
        """The view's moveCursor: the image an arrow, page, Home or End key goes to."""
        view = self._view
        model = view.model()
        layout = view.grid_layout()
        if model is None or layout.rows == 0:
            return QModelIndex()
        Action = QAbstractItemView.CursorAction
        current = view.currentIndex()
        if not current.isValid():
            row = layout.image_row(0, 1)
            return model.index(row, 0) if row >= 0 else QModelIndex()
        row = current.row()
        if action in (Action.MoveLeft, Action.MovePrevious):
            row = layout.image_row(row - 1, -1)
        elif action in (Action.MoveRight, Action.MoveNext):
            row = layout.image_row(row + 1, 1)
        elif action == Action.MoveHome:
            row = layout.image_row(0, 1)
        elif action == Action.MoveEnd:
            row = layout.image_row(layout.rows - 1, -1)
        elif action in (Action.MoveUp, Action.MoveDown, Action.MovePageUp, Action.MovePageDown):
            x, y, w, h = layout.rect(row)
            page = max(layout.cell_h, view.viewport().height() - layout.cell_h)
            target = {
                Action.MoveUp: y - 1,
                Action.MoveDown: y + h,
                Action.MovePageUp: y - page,
                Action.MovePageDown: y + page,
            }[action]
            down = action in (Action.MoveDown, Action.MovePageDown)
            row = layout.row_in_column(x + w // 2, target, down)
        return model.index(row, 0) if row >= 0 else current

    def before_removal(self, start: int, end: int) -> None:
        """When the selected images go (a delete), the image after them is selected next, so
        a keyboard user keeps their place instead of starting again from the top."""
        view = self._view
        selected = [index.row() for index in view.selectionModel().selectedIndexes()]
        if selected and all(start <= row <= end for row in selected):
            self._reselect_row = start if self._reselect_row < 0 else min(start, self._reselect_row)
            QTimer.singleShot(0, view, self._reselect_after_removal)

    def _reselect_after_removal(self) -> None:
        row, self._reselect_row = self._reselect_row, -1
        view = self._view
        model = view.model()
        if row < 0 or model is None or view.selectionModel().hasSelection():
            return
        layout = view.grid_layout()
        row = min(row, layout.rows - 1)
        found = layout.image_row(row, 1)
        found = found if found >= 0 else layout.image_row(row, -1)
        if found >= 0:
            self.select_only(model.index(found, 0))
