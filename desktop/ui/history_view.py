"""The history grid: thumbnails in icon mode, context menu, shortcuts, drag-out, empty state.

Only visible rows (plus a couple of rows of margin) are asked for thumbnails, debounced while
scrolling, so opening a 10,000-image workspace stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QWidget

from desktop.ui.history_delegate import CellStyle, ThumbnailDelegate, paint_cell, paint_header
from desktop.ui.history_model import HistoryModel, ItemRole
from desktop.ui.history_proxy import HistoryProxyModel
from desktop.ui.i18n import fix_plural

if TYPE_CHECKING:
    from desktop.api import HistoryItem
    from desktop.ui.drag_out import DragOut
    from desktop.ui.thumbnail_loader import ThumbnailLoader

DEFAULT_EMPTY_TEXT = "No images yet — write a prompt and press Generate."
GRID_MODELS = (HistoryModel, HistoryProxyModel)  # models with the fast paint/lookup helpers
CELL_PADDING = 16
REQUEST_DEBOUNCE_MS = 30
LAYOUT_BATCH = 200
PREFETCH_LINES = 2  # rows of cells requested beyond the visible ones, each way


class HistoryView(QListView):
    """Grid of the workspace's images; emits intent signals with the selected HistoryItems."""

    editRequested = Signal(object)
    deleteRequested = Signal(object)
    saveRequested = Signal(object)
    copyImageRequested = Signal(object)
    copyPromptRequested = Signal(object)
    previewRequested = Signal(object)
    useSettingsRequested = Signal(object)
    compareRequested = Signal(object)  # exactly two HistoryItems, side by side
    thumbnailsWanted = Signal(object)  # list[HistoryItem] visible (first) + margin, no thumb yet

    def __init__(self, parent: QWidget | None = None, thumb_size: int = 192) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.setAccessibleName(self.tr("Image history"))
        self.setAccessibleDescription(self.tr("Your generated images, newest first"))
        self._empty_text = self.tr("No images yet — write a prompt and press Generate.")
        self._drag_out: DragOut | None = None
        self._hover_row = -1
        cell = QSize(thumb_size + CELL_PADDING, thumb_size + CELL_PADDING)

        self.setViewMode(QListView.ViewMode.IconMode)
        self.setUniformItemSizes(True)
        # Lay out 10,000 rows in slices across event-loop turns: one pass took ~30 ms.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self.setGridSize(cell)
        self.setIconSize(QSize(thumb_size, thumb_size))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWrapping(True)
        self.setSpacing(0)
        self.setWordWrap(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(thumb_size // 4)
        self.setMouseTracking(True)
        self.setItemDelegate(ThumbnailDelegate(cell, self))
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_context_menu)
        self.doubleClicked.connect(lambda _index: self._emit(self.previewRequested))

        self._request_timer = QTimer(self)
        self._request_timer.setSingleShot(True)
        self._request_timer.setInterval(REQUEST_DEBOUNCE_MS)
        self._request_timer.timeout.connect(self.request_visible_thumbnails)
        self.verticalScrollBar().valueChanged.connect(self.schedule_thumbnail_request)
        self._create_actions()

    # --- actions / context menu ---------------------------------------------------------------
    def _action(self, text: str, keys: list[QKeySequence], signal: Signal) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: self._emit(signal))
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        key = QKeySequence
        self.edit_action = self._action(self.tr("Edit…"), [key("Ctrl+E")], self.editRequested)
        self.use_settings_action = self._action(
            self.tr("Use These Settings"), [key("Ctrl+Shift+U")], self.useSettingsRequested
        )
        self.save_action = self._action(
            self.tr("Save As…"), [key(key.StandardKey.Save)], self.saveRequested
        )
        self.copy_image_action = self._action(
            self.tr("Copy Image"), [key(key.StandardKey.Copy)], self.copyImageRequested
        )
        self.copy_prompt_action = self._action(
            self.tr("Copy Prompt"), [key("Ctrl+Shift+C")], self.copyPromptRequested
        )
        self.compare_action = self._action(self.tr("Compare"), [], self.compareRequested)
        self.delete_action = self._action(
            self.tr("Delete"),
            [key(key.StandardKey.Delete), key(Qt.Key.Key_Backspace)],
            self.deleteRequested,
        )
        self._update_actions()

    def _update_actions(self) -> None:
        count = len(self.selectionModel().selectedIndexes()) if self.selectionModel() else 0
        self.edit_action.setEnabled(count == 1)
        self.use_settings_action.setEnabled(count == 1)
        self.compare_action.setEnabled(count == 2)
        for action in (
            self.save_action,
            self.copy_image_action,
            self.copy_prompt_action,
            self.delete_action,
        ):
            action.setEnabled(count > 0)

    def build_context_menu(self) -> QMenu:
        """The right-click menu for the current selection (separate so tests can inspect it)."""
        self._update_actions()
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Image actions"))
        menu.addAction(self.edit_action)
        menu.addAction(self.use_settings_action)
        if self.compare_action.isEnabled():  # exactly two images selected
            menu.addAction(self.compare_action)
        menu.addAction(self.save_action)
        menu.addAction(self.copy_image_action)
        menu.addAction(self.copy_prompt_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def _show_context_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if not index.isValid():
            return
        if not self.selectionModel().isSelected(index):
            self._select_only(index)  # right-click on an unselected tile selects just it
        menu = self.build_context_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.viewport().mapToGlobal(pos))

    def _emit(self, signal: Signal) -> None:
        items = self.selected_items()
        if items:
            signal.emit(items)

    # --- selection ----------------------------------------------------------------------------
    def selected_items(self) -> list[HistoryItem]:
        """Selected images in grid order (newest first)."""
        if self.selectionModel() is None:
            return []
        indexes = sorted(self.selectionModel().selectedIndexes(), key=lambda i: i.row())
        return [item for i in indexes if (item := i.data(ItemRole)) is not None]

    def select_image(self, image_id: str) -> bool:
        """Select, focus and scroll to ``image_id``; False if it is not in the grid."""
        model = self.model()
        row = model.row_of(image_id) if isinstance(model, GRID_MODELS) else -1
        if row < 0:
            return False
        index = model.index(row, 0)
        if self.visualRect(index).isEmpty():  # the batched layout has not reached it yet
            self._finish_layout()
        self._select_only(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def _finish_layout(self) -> None:
        """Lay out every row now (once, on an explicit jump), then go back to batches."""
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.doItemsLayout()
        self.setLayoutMode(QListView.LayoutMode.Batched)

    def _select_only(self, index: QModelIndex) -> None:
        flag = QItemSelectionModel.SelectionFlag
        self.selectionModel().setCurrentIndex(index, flag.ClearAndSelect)

    def focus_newest(self) -> None:
        """Ctrl+H: focus the grid, selecting the newest image if nothing is selected."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        model = self.model()
        if model is None or self.selectionModel().hasSelection():
            return
        for row in range(min(model.rowCount(), 64)):  # the first image, past any group heading
            index = model.index(row, 0)
            if index.flags() & Qt.ItemFlag.ItemIsSelectable:
                self._select_only(index)
                self.scrollToTop()
                return

    def selectionChanged(self, selected, deselected) -> None:
        super().selectionChanged(selected, deselected)
        self._update_actions()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self._emit(self.previewRequested)
            event.accept()
            return
        super().keyPressEvent(event)

    # --- model hookup & visible-row thumbnail requests ----------------------------------------
    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            for signal in (
                model.modelReset,
                model.rowsInserted,
                model.rowsRemoved,
                model.layoutChanged,
                model.dataChanged,
            ):
                signal.connect(self.schedule_thumbnail_request)
            model.modelReset.connect(self._update_actions)
            model.rowsRemoved.connect(self._update_actions)
        self.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self._update_actions()
        self.schedule_thumbnail_request()

    def schedule_thumbnail_request(self, *_args: object) -> None:
        self._request_timer.start()

    def columns(self) -> int:
        """Cells per line as Qt laid them out. Not simply ``width // cell``: Qt keeps room for
        a scroll bar even when none shows, so a short grid can have one column fewer."""
        model = self.model()
        count = model.rowCount() if model is not None else 0
        columns = max(1, self.viewport().width() // max(1, self.gridSize().width()))
        first = self.visualRect(model.index(0, 0)) if count else QRect()
        if first.isEmpty():  # nothing laid out yet
            return columns
        # the last cell of a guessed first line must sit on that line (a couple of lookups)
        while columns > 1 and columns <= count:
            if self.visualRect(model.index(columns - 1, 0)).y() == first.y():
                break
            columns -= 1
        return columns

    def visible_rows(self, columns: int | None = None) -> tuple[int, int]:
        """First and last row intersecting the viewport (empty range → (0, -1)); pass
        ``columns`` when already known."""
        model = self.model()
        count = model.rowCount() if model is not None else 0
        if count == 0:
            return 0, -1
        grid = self.gridSize()
        viewport = self.viewport().rect()
        columns = columns or self.columns()
        top_line = max(0, self.verticalOffset() // max(1, grid.height()))
        lines = viewport.height() // max(1, grid.height()) + 2
        first = min(count - 1, top_line * columns)
        last = min(count - 1, (top_line + lines) * columns - 1)
        return first, last

    def request_visible_thumbnails(self) -> None:
        """Emit thumbnailsWanted: visible rows first, then a couple of rows below and above."""
        model = self.model()
        if not isinstance(model, GRID_MODELS):
            return
        columns = self.columns()
        first, last = self.visible_rows(columns)
        if last < first:
            self.thumbnailsWanted.emit([])
            return
        margin = PREFETCH_LINES * columns
        wanted = model.missing_thumbnails(first, last)
        wanted += model.missing_thumbnails(last + 1, last + margin)
        wanted += model.missing_thumbnails(first - margin, first - 1)
        self.thumbnailsWanted.emit(wanted)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.schedule_thumbnail_request()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.schedule_thumbnail_request()

    # --- drag-out -----------------------------------------------------------------------------
    def set_drag_out(self, drag_out: DragOut | None) -> None:
        self._drag_out = drag_out

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        items = self.selected_items()
        if self._drag_out is None or not items:
            return
        current = self.currentIndex()
        pixmap = current.data(Qt.ItemDataRole.DecorationRole) if current.isValid() else None
        self._drag_out.start(self, items, pixmap if isinstance(pixmap, QPixmap) else None)

    # --- empty state --------------------------------------------------------------------------
    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.viewport().update()

    def empty_text(self) -> str:
        return self._empty_text

    def paintEvent(self, event) -> None:
        model = self.model()
        if model is None or model.rowCount() == 0:
            super().paintEvent(event)
            self._paint_empty_text()
        elif isinstance(model, GRID_MODELS) and self.state() != self.State.DragSelectingState:
            self._paint_cells(model, event.rect())
        else:
            super().paintEvent(event)  # Qt's own path draws the rubber band

    def _paint_cells(self, model: HistoryModel | HistoryProxyModel, exposed: QRect) -> None:
        """All visible cells in one Python call, placed by arithmetic on the uniform grid.

        Qt's own paint calls into Python once per cell (delegate.paint, model.flags,
        model.data), and so does building a QModelIndex or QRect per cell; each such call can
        wait for the GIL while thumbnail workers run. Here a frame asks Qt's layout a few
        questions (row 0's place, the column count) and makes one drawPixmap per cell.
        """
        columns = self.columns()
        first, last = self.visible_rows(columns)
        if last < first:
            return
        grid = self.gridSize()
        cell_w, cell_h = grid.width(), grid.height()
        first, last = max(0, first - columns), min(model.rowCount() - 1, last + columns)
        origin = self.visualRect(model.index(0, 0))  # row 0, scrolled like every other row
        if origin.isEmpty():
            return  # not laid out yet; the layout schedules another paint
        left, top = origin.x(), origin.y()
        top_edge, bottom_edge = exposed.top() - cell_h, exposed.bottom()
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        palette = self.palette()
        style = CellStyle.from_palette(palette)
        selected = self._selected_rows(first, last)
        current = self.currentIndex()
        focus_row = current.row() if current.isValid() and self.hasFocus() else -1
        for row in range(first, last + 1):
            line, column = divmod(row, columns)
            x, y = left + column * cell_w, top + line * cell_h
            if y < top_edge or y > bottom_edge:
                continue
            if (header := model.header_at(row)) is not None:
                rect = QRect(x, y, cell_w, cell_h)
                paint_header(painter, rect, palette, header.label, self._count_text(header.count))
                continue
            paint_cell(
                painter, x, y, cell_w, cell_h, style,
                model.thumbnail_at(row),
                row in selected,
                row == self._hover_row,
                row == focus_row,
            )
        painter.end()

    def _selected_rows(self, first: int, last: int) -> set[int]:
        """Selected rows within [first, last], from the selection's ranges (no index per row)."""
        rows: set[int] = set()
        for selection_range in self.selectionModel().selection():
            low, high = max(first, selection_range.top()), min(last, selection_range.bottom())
            rows.update(range(low, high + 1))
        return rows

    def _count_text(self, count: int) -> str:
        return fix_plural(self.tr("%n image(s)", "", count), count)

    def _paint_empty_text(self) -> None:
        painter = QPainter(self.viewport())
        color = self.palette().color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(color)
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        painter.setFont(font)
        area = self.viewport().rect().adjusted(24, 24, -24, -24)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(QRect(area), int(flags), self._empty_text)
        painter.end()

    # --- hover (the fast paint path draws it, so the view tracks it) ---------------------------
    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        self._set_hover_row(self.indexAt(event.position().toPoint()).row())

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self._set_hover_row(-1)

    def _set_hover_row(self, row: int) -> None:
        if row == self._hover_row:
            return
        model = self.model()
        for old_or_new in (self._hover_row, row):
            if model is not None and 0 <= old_or_new < model.rowCount():
                self.viewport().update(self.visualRect(model.index(old_or_new, 0)))
        self._hover_row = row


def connect_thumbnails(model: HistoryModel, view: HistoryView, loader: ThumbnailLoader) -> None:
    """Wire the grid to the loader: visible rows are requested, results land in the model."""
    view.thumbnailsWanted.connect(lambda items: loader.request(items, replace_queue=True))
    view.verticalScrollBar().valueChanged.connect(loader.note_grid_busy)
    # A new or changed list makes the grid lay out every row again (one call into the
    # Python model per row); loads stay few meanwhile, as while scrolling.
    for change in (model.modelReset, model.rowsInserted, model.rowsRemoved):
        change.connect(loader.note_grid_busy)
    loader.thumbnailReady.connect(model.set_thumbnail)
    loader.thumbnailFailed.connect(model.set_thumbnail_failed)
