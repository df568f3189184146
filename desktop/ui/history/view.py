"""The history grid: thumbnails in lines that fill the width, full-width group headers,
context menu, shortcuts, drag-out, empty state.

The layout is our own arithmetic (``GridLayout``): one entry per group, a bisect and a divmod
per lookup, so a 10,000-image grid lays out in well under a millisecond and a header can span
the whole width (Qt's icon-mode list could only make it one more tile). This class is the
grid's Qt side (item-view overrides, signals, public calls); helpers with one job each do the
rest: GridPainter (paint), GridPointer (mouse), GridCursor (keys, selection, scrolling to a
cell), GridMenu (actions, right-click menu), ScrollAnchor (keeping the designer's place, "New
images") and ThumbnailRequests (which thumbnails, at what size).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QAction, QKeyEvent, QPixmap, QRegion
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QWidget

from desktop.ui.history.delegate import ThumbnailDelegate
from desktop.ui.history.grid_cursor import GridCursor
from desktop.ui.history.grid_layout import (
    CELL_PADDING,
    DEFAULT_TILE,
    MARGIN,
    MAX_TILE,
    MIN_TILE,
    GridLayout,
)
from desktop.ui.history.grid_menu import GridMenu
from desktop.ui.history.grid_model import GridModel
from desktop.ui.history.grid_painter import GridPainter
from desktop.ui.history.grid_pointer import GridPointer
from desktop.ui.history.model import HistoryModel, ItemRole
from desktop.ui.history.proxy import HistoryProxyModel
from desktop.ui.history.scroll_anchor import ScrollAnchor
from desktop.ui.history.thumbnail_requests import ThumbnailRequests

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.api import HistoryItem
    from desktop.ui.history.drag_out import DragOut

GRID_MODELS = (HistoryModel, HistoryProxyModel)  # models with the fast paint/lookup helpers


class HistoryView(QListView):
    """Grid of the workspace's images; emits intent signals with the selected HistoryItems.

    A QListView only so assistive technology sees a list of images (Qt gives its accessible
    list interface to QListView, not to other item views); every piece of geometry is ours
    (``GridLayout``), and QListView's own layout passes are short-circuited below.
    """

    editRequested = Signal(object)
    deleteRequested = Signal(object)
    saveRequested = Signal(object)
    copyImageRequested = Signal(object)
    copyPromptRequested = Signal(object)
    previewRequested = Signal(object)
    useSettingsRequested = Signal(object)
    compareRequested = Signal(object)  # exactly two HistoryItems, side by side
    thumbnailsWanted = Signal(object)  # list[HistoryItem] visible (first) + margin, no thumb yet
    thumbnailBoxChanged = Signal(int, int, float)  # device px width, height; pixel ratio
    tileSizeChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None, thumb_size: int = DEFAULT_TILE) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.setAccessibleName(self.tr("Image history"))
        self.setAccessibleDescription(self.tr("Your generated images, newest first"))
        self._empty_text = self.default_empty_text()
        self._drag_out: DragOut | None = None
        self._tile = thumb_size
        self._layout = GridLayout()
        self._grid: GridModel | None = None  # the model, when it has the grid's helpers
        self._pointer = GridPointer(self)
        self._painter = GridPainter(self, self._pointer)
        self._cursor = GridCursor(self)
        self._scroll_anchor = ScrollAnchor(self)
        self.new_images_button = self._scroll_anchor.new_images_button

        self.setUniformItemSizes(True)  # QListView never sizes rows one by one
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)
        self.setItemDelegate(ThumbnailDelegate(QSize(thumb_size, thumb_size), self))
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.doubleClicked.connect(lambda _index: self.emit_with_selection(self.previewRequested))

        self.thumbnail_requests = ThumbnailRequests(self)
        self.verticalScrollBar().valueChanged.connect(self.thumbnail_requests.schedule)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._menu = menu = GridMenu(self, self._pointer, self._cursor)
        self.edit_action = menu.edit_action
        self.use_settings_action = menu.use_settings_action
        self.save_action = menu.save_action
        self.copy_image_action = menu.copy_image_action
        self.copy_prompt_action = menu.copy_prompt_action
        self.compare_action = menu.compare_action
        self.delete_action = menu.delete_action
        self.zoom_in_action = menu.zoom_in_action
        self.zoom_out_action = menu.zoom_out_action
        menu.update_actions()

    # --- actions / context menu ---------------------------------------------------------------
    def build_context_menu(self) -> QMenu:
        """The right-click menu for the current selection (separate so tests can inspect it)."""
        return self._menu.build_context_menu()

    def add_menu_actions(
        self, actions_for: Callable[[list[HistoryItem]], list[QAction]], new_group: bool = True
    ) -> None:
        """More right-click entries for the selection, from the shell (upscale and masked
        edit, curation, collections), in the order added; the history package never imports
        the shell. ``new_group``: a separator before them."""
        self._menu.add_actions(actions_for, new_group)

    def emit_with_selection(self, signal: SignalInstance) -> None:
        """Emit ``signal`` with the selected images, if there are any."""
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

    def select_image(self, image_id: str, scroll: bool = True) -> bool:
        """Select, focus and (with ``scroll``) scroll to ``image_id``; False if it is not in
        the grid."""
        return self._cursor.select_image(image_id, scroll)

    def focus_newest(self) -> None:
        """Ctrl+H: focus the grid and select the newest image (replacing any selection)."""
        self._cursor.focus_newest()

    def selectionChanged(self, selected, deselected) -> None:
        super().selectionChanged(selected, deselected)
        self._menu.update_actions()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.emit_with_selection(self.previewRequested)
            event.accept()
            return
        super().keyPressEvent(event)

    # --- tile size ----------------------------------------------------------------------------
    def tile_size(self) -> int:
        """The smallest thumbnail edge in logical px; lines share the width left over."""
        return self._tile

    def set_tile_size(self, size: int) -> None:
        size = min(max(int(size), MIN_TILE), MAX_TILE)
        if size == self._tile:
            return
        anchor = self._scroll_anchor.top_anchor()
        self._tile = size
        self._relayout()
        self._scroll_anchor.restore_anchor(anchor)
        self.tileSizeChanged.emit(size)

    def wheelEvent(self, event) -> None:
        if not self._pointer.zoomed(event):
            super().wheelEvent(event)

    # --- layout -------------------------------------------------------------------------------
    def grid_layout(self) -> GridLayout:
        return self._layout

    def grid_model(self) -> GridModel | None:
        """The model, when it has the grid's fast paint and lookup helpers."""
        return self._grid

    def gridSize(self) -> QSize:  # Qt override
        """The smallest cell (plus its share of the margins): what a column needs at least,
        for code that sizes the window from QListView's grid size."""
        return QSize(self._tile + CELL_PADDING + MARGIN, self._layout.cell_h)

    def _header_height(self) -> int:
        return self.fontMetrics().height() * 2 + 12

    def _relayout(self, *_args: object) -> None:
        model = self.model()
        count = model.rowCount() if model is not None else 0
        grid = self._grid
        headers = grid.header_rows() if grid is not None else []
        ratio = grid.dominant_aspect() if grid is not None else 1.0
        self._layout = GridLayout.build(
            headers, count, self.viewport().width(), self._tile, self._header_height(), ratio
        )
        pointer = self._pointer
        pointer.hover_row = -1 if pointer.hover_row >= count else pointer.hover_row
        self.updateGeometries()
        self.viewport().update()
        self.thumbnail_requests.check_box()
        self.thumbnail_requests.schedule()

    def updateGeometries(self) -> None:
        bar = self.verticalScrollBar()
        page = self.viewport().height()
        bar.setRange(0, max(0, self._layout.height - page))
        bar.setPageStep(page)
        bar.setSingleStep(max(8, self._layout.cell_h // 4))
        self._scroll_anchor.place_new_images_button()
        QAbstractItemView.updateGeometries(self)  # not QListView's: its ranges are its layout's

    # QListView's own layout would ask the Python model about every row; ours is arithmetic.
    def doItemsLayout(self) -> None:
        QAbstractItemView.doItemsLayout(self)

    def dataChanged(self, top_left, bottom_right, roles=()) -> None:
        QAbstractItemView.dataChanged(self, top_left, bottom_right, roles)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().scroll(dx, dy)

    def resizeEvent(self, event) -> None:
        anchor = self._scroll_anchor.top_anchor()
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._relayout()
            self._scroll_anchor.restore_anchor(anchor)
        else:
            self.updateGeometries()
        self.thumbnail_requests.schedule()

    def row_rect(self, row: int) -> QRect:
        """Where ``row`` is in viewport coordinates."""
        x, y, w, h = self._layout.rect(row)
        return QRect(x, y - self.verticalOffset(), w, h)

    def visualRect(self, index: QModelIndex | QPersistentModelIndex) -> QRect:
        if not index.isValid() or index.row() >= self._layout.rows:
            return QRect()
        return self.row_rect(index.row())

    def indexAt(self, point: QPoint) -> QModelIndex:
        model = self.model()
        if model is None:
            return QModelIndex()
        row = self._layout.row_at(point.x(), point.y() + self.verticalOffset())
        return model.index(row, 0) if row >= 0 else QModelIndex()

    def horizontalOffset(self) -> int:
        return 0

    def verticalOffset(self) -> int:
        return self.verticalScrollBar().value()

    def isIndexHidden(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return False

    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        self._cursor.scroll_to(index, hint)

    def setSelection(self, rect: QRect, command: QItemSelectionModel.SelectionFlag) -> None:
        """Select the images whose cells meet ``rect`` (viewport coordinates), as runs."""
        self._cursor.select_rect(rect, command)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:
        return QRegion(self.viewport().rect())

    def moveCursor(self, action, modifiers) -> QModelIndex:
        return self._cursor.move_cursor(action)

    def rowsAboutToBeRemoved(
        self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int
    ) -> None:
        self._cursor.before_removal(start, end)
        super().rowsAboutToBeRemoved(parent, start, end)

    # --- model hookup & visible-row thumbnail requests ----------------------------------------
    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self._grid = model if isinstance(model, GRID_MODELS) else None
        if model is not None:
            for signal in (
                model.modelReset,
                model.rowsInserted,
                model.rowsRemoved,
                model.layoutChanged,
            ):
                signal.connect(self._relayout)
            model.rowsAboutToBeInserted.connect(self._scroll_anchor.before_insert)
            model.rowsInserted.connect(self._scroll_anchor.after_insert)
            model.dataChanged.connect(self.thumbnail_requests.schedule)
            model.modelReset.connect(self._menu.update_actions)
            model.rowsRemoved.connect(self._menu.update_actions)
        self.selectionModel().selectionChanged.connect(lambda *_: self._menu.update_actions())
        self._menu.update_actions()
        self._relayout()

    def columns(self) -> int:
        """Cells per line."""
        return self._layout.columns

    def visible_rows(self, columns: int | None = None) -> tuple[int, int]:
        """First and last row meeting the viewport (empty range → (0, -1))."""
        top = self.verticalOffset()
        return self._layout.rows_between(top, top + self.viewport().height())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._relayout()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:  # moved to a 1x or 2x screen
            self.thumbnail_requests.check_box()
        return super().event(event)

    # --- new results while scrolled away ------------------------------------------------------
    def is_scrolled_away(self) -> bool:
        """True when the top of the grid (where new images appear) is out of sight."""
        return self.verticalOffset() > 0

    def scroll_to_new_images(self) -> None:
        self._scroll_anchor.scroll_to_new_images()

    def _on_scrolled(self, value: int) -> None:
        self._scroll_anchor.scrolled(value)
        self._pointer.set_hover_row(-1)

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
    def default_empty_text(self) -> str:
        """What an empty grid says unless told otherwise (written here only)."""
        return self.tr("No images yet — write a prompt and press Generate.")

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.viewport().update()

    def empty_text(self) -> str:
        return self._empty_text

    def paintEvent(self, event) -> None:
        self._painter.paint(event.rect())

    # --- mouse: headers fold, rubber band, hover (GridPointer) -------------------------------
    def mousePressEvent(self, event) -> None:
        if not self._pointer.pressed(event):
            super().mousePressEvent(event)

    def toggle_group(self, row: int) -> None:
        """Fold or unfold the group headed at ``row``, keeping the header where it was."""
        self._pointer.toggle_group(row)

    def mouseDoubleClickEvent(self, event) -> None:
        if self._pointer.header_row_at(event.position().toPoint()) >= 0:
            self.mousePressEvent(event)  # the second click of two on a header folds back
            return
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        self._pointer.moved(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        self._pointer.released()

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self._pointer.set_hover_row(-1)
