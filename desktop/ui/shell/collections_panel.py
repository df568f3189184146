"""Collections in the sidebar, under the workspaces: sets of images for a client or a
project. "+" makes one (named in place), double-click or F2 renames, the context menu
deletes (the images stay), a click filters the grid to it (a second click shows all again),
and thumbnails dropped on one are added to it. The catalogue is written on its own thread;
the list is read again on a worker afterwards.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app.session import Session
from desktop.services.catalog import Collection
from desktop.ui.history.filter_chips import FilterChips
from desktop.ui.history.view import HistoryView

log = logging.getLogger(__name__)
CollectionRole = Qt.ItemDataRole.UserRole


class CollectionList(QListWidget):
    """The list itself; accepts thumbnails dragged from the grid."""

    imagesDropped = Signal(object)  # Collection

    def __init__(self, grid: HistoryView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = grid
        self.setObjectName("collectionList")
        self.setAccessibleName(self.tr("Collections"))
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )

    def _from_grid(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        return event.source() is self._grid

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._from_grid(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if self._from_grid(event) and item is not None:
            self.setCurrentItem(item)
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if not self._from_grid(event) or item is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.imagesDropped.emit(item.data(CollectionRole))


class CollectionsPanel(QWidget):
    """Heading with "+", and the list of the current workspace's collections."""

    def __init__(
        self,
        session: Session,
        grid: HistoryView,
        chips: FilterChips,
        reload: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert session.catalog is not None
        self._session = session
        self._catalog = session.catalog
        self._grid = grid
        self._chips = chips
        self._reload = reload  # reads the collections again (they come back via set_collections)
        self._collections: list[Collection] = []
        self._filling = False
        self._rename_next: str | None = None  # a just-created collection's name: edit it
        heading = QLabel(self.tr("Collections"))
        heading.setProperty("role", "heading")
        self.new_button = QToolButton()
        self.new_button.setObjectName("newCollectionButton")
        self.new_button.setText("+")
        self.new_button.setToolTip(self.tr("New collection"))
        self.new_button.setAccessibleName(self.tr("New collection"))
        self.new_button.clicked.connect(self.create_collection)
        self.list = CollectionList(grid)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemChanged.connect(self._renamed)
        self.list.imagesDropped.connect(self.add_selection_to)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.hint = QLabel(self.tr("Drop images here to collect them."))
        self.hint.setProperty("role", "secondary")
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 8, 0)
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        self.list.setToolTip(self.hint.text())
        self.list.setMaximumHeight(_list_height(0))  # grows with its rows: the sidebar is short
        self.list.setMinimumHeight(30)  # a short window squeezes it to one row, not the quota
        self.hint.hide()  # shown once the list is known to be empty (and there is room)
        self.add_menu = QMenu(self.tr("Add to Collection"))
        self.add_menu.aboutToShow.connect(self._fill_add_menu)

    # -- showing ------------------------------------------------------------------------------

    def set_collections(self, collections: list[Collection]) -> None:
        self._collections = list(collections)
        self._filling = True
        chosen = self._chips.state.collection
        self.list.clear()
        editing: QListWidgetItem | None = None
        for collection in collections:
            item = QListWidgetItem(self._label(collection))
            item.setData(CollectionRole, collection)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(
                self.tr("{0}: click to show its images, drop images on it to add them").format(
                    collection.name
                )
            )
            self.list.addItem(item)
            if chosen is not None and chosen.id == collection.id:
                item.setSelected(True)
            if self._rename_next is not None and collection.name == self._rename_next:
                editing = item
        self._filling = False
        self.hint.setVisible(not collections and self.window().height() >= 640)
        self.list.setMaximumHeight(_list_height(len(collections)))
        if editing is not None:
            self._rename_next = None
            self.list.setCurrentItem(editing)
            editing.setText(editing.data(CollectionRole).name)
            self.list.editItem(editing)

    def _label(self, collection: Collection) -> str:
        return f"{collection.name}  ({collection.count})"

    def names(self) -> list[str]:
        return [c.name for c in self._collections]

    # -- actions ------------------------------------------------------------------------------

    def create_collection(self) -> None:
        ws = self._session.workspace_id
        store = self._catalog.store_now()
        if ws is None or store is None:
            return
        base = self.tr("New collection")
        name, n = base, 2
        while name in self.names():
            name, n = f"{base} {n}", n + 1
        self._rename_next = name
        self._after(store.create_collection(ws, name))

    def rename(self, collection: Collection, name: str) -> None:
        store = self._catalog.store_now()
        name = name.strip()
        if store is None or not name or name == collection.name:
            self._reload()
            return
        self._after(store.rename_collection(collection.id, name))

    def delete(self, collection: Collection) -> None:
        store = self._catalog.store_now()
        if store is None:
            return
        chosen = self._chips.state.collection
        if chosen is not None and chosen.id == collection.id:
            self._chips.show_collection(None)
        self._after(store.delete_collection(collection.id))

    def add_selection_to(self, collection: Collection) -> None:
        """Add the grid's selected images to ``collection`` (a drop, or the Image menu)."""
        store = self._catalog.store_now()
        ids = [item.image_id for item in self._grid.selected_items()]
        if store is None or not ids:
            return
        self._after(store.add_to_collection(collection.id, ids))

    def _after(self, future: Future[Any]) -> None:
        self._session.spawn(self._wait_then_reload(future))

    async def _wait_then_reload(self, future: Future[Any]) -> None:
        try:
            await asyncio.wrap_future(future)
        except Exception:
            log.warning("Changing a collection failed", exc_info=True)
        self._reload()

    # -- list events --------------------------------------------------------------------------

    def _clicked(self, item: QListWidgetItem) -> None:
        collection: Collection = item.data(CollectionRole)
        chosen = self._chips.state.collection
        if chosen is not None and chosen.id == collection.id:
            self._chips.show_collection(None)  # a second click shows everything again
            self.list.clearSelection()
        else:
            self._chips.show_collection(collection)

    def _renamed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        collection: Collection = item.data(CollectionRole)
        text = item.text()
        if text == self._label(collection):
            return
        text = text.removesuffix(f"  ({collection.count})")  # edited with its count shown
        self.rename(collection, text)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        collection: Collection = item.data(CollectionRole)
        menu = QMenu(self)
        rename = QAction(self.tr("Rename"), menu)
        rename.triggered.connect(lambda: self._start_rename(item))
        delete = QAction(self.tr("Delete Collection"), menu)
        delete.triggered.connect(lambda: self.delete(collection))
        menu.addActions([rename, delete])
        menu.popup(self.list.viewport().mapToGlobal(pos))

    def _start_rename(self, item: QListWidgetItem) -> None:
        self._filling = True
        item.setText(item.data(CollectionRole).name)
        self._filling = False
        self.list.editItem(item)

    def _fill_add_menu(self) -> None:
        self.add_menu.clear()
        has_selection = bool(self._grid.selected_items())
        for collection in self._collections:
            action = self.add_menu.addAction(collection.name)
            action.setEnabled(has_selection)
            action.triggered.connect(lambda _c=False, c=collection: self.add_selection_to(c))
        self.add_menu.addSeparator()
        self.add_menu.addAction(self.tr("New Collection"), self.create_collection)


def _list_height(rows: int) -> int:
    """Room for up to six rows (then it scrolls); an empty list is one row (the drop hint)."""
    return min(max(1, rows), 6) * 24 + 6
