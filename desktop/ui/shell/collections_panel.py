"""Collections in the sidebar, under the workspaces: sets of images for a client or a
project. "+" (always at the right of the heading) makes one, named in place; double-click, F2,
the "⋯" button or the context menu renames; Delete, "⋯" or the context menu deletes after a
question (the images stay); a click filters the grid to it (a second click shows all again),
and thumbnails dropped on one are added to it. The list takes the sidebar's spare height
(at least two rows) and says what to do while it is empty. The catalogue is written on its
own thread; the list is read again on a worker afterwards.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import (
    QAction,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app.session import Session
from desktop.services.catalog import Collection
from desktop.ui.history.filter_chips import FilterChips
from desktop.ui.history.view import HistoryView
from desktop.ui.shell.collection_list import CollectionList, CollectionRole, CountRole

log = logging.getLogger(__name__)


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
        self.new_button.setAutoRaise(True)
        self.new_button.setToolTip(self.tr("New collection"))
        self.new_button.setAccessibleName(self.tr("New collection"))
        self.new_button.clicked.connect(lambda: self.create_collection())
        self.more_button = QToolButton()
        self.more_button.setObjectName("collectionMoreButton")
        self.more_button.setText("⋯")
        self.more_button.setAutoRaise(True)
        self.more_button.setToolTip(self.tr("Rename or delete the selected collection"))
        self.more_button.setAccessibleName(self.tr("Collection actions"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.more_menu.aboutToShow.connect(self._fill_more_menu)
        self.more_button.setMenu(self.more_menu)
        for button in (self.new_button, self.more_button):
            button.setFixedWidth(26)  # the German heading needs the room
        self.list = CollectionList(grid)
        self.list.empty_text = self.tr(
            "No collections yet. Press + to make one, then drag images onto it."
        )
        self.list.itemClicked.connect(self._clicked)
        self.list.itemChanged.connect(self._renamed)
        self.list.imagesDropped.connect(self.add_selection_to)
        self.list.deleteRequested.connect(lambda item: self.ask_delete(item.data(CollectionRole)))
        self.list.itemSelectionChanged.connect(self._update_more)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.setToolTip(self.list.empty_text)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 4, 0)
        top.setSpacing(0)
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.more_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.confirm: QMessageBox | None = None
        self.add_menu = QMenu(self.tr("Add to Collection"), self)
        self.add_menu.aboutToShow.connect(self._fill_add_menu)
        # the right-click menu has it too, after Favourite and Rating, as the Image menu does
        grid.add_menu_actions(lambda _items: [self.add_menu.menuAction()], new_group=False)
        self._update_more()

    # -- showing ------------------------------------------------------------------------------

    def set_collections(self, collections: list[Collection]) -> None:
        self._collections = list(collections)
        self._filling = True
        chosen = self._chips.state.collection
        self.list.clear()
        editing: QListWidgetItem | None = None
        for collection in collections:
            item = QListWidgetItem(collection.name)
            item.setData(CollectionRole, collection)
            item.setData(CountRole, collection.count)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(
                self.tr(
                    "{0} ({1}): click to show its images, drop images on it to add them. "
                    "Double-click to rename; right-click to rename or delete."
                ).format(collection.name, collection.count)
            )
            self.list.addItem(item)
            if chosen is not None and chosen.id == collection.id:
                item.setSelected(True)
                self.list.setCurrentItem(item)
            if self._rename_next is not None and collection.name == self._rename_next:
                editing = item
        self._filling = False
        self.list.setToolTip("" if collections else self.list.empty_text)
        self._update_more()
        if editing is not None:
            self._rename_next = None
            self.list.setCurrentItem(editing)
            self.list.editItem(editing)

    def count_of(self, row: int) -> int:
        """The image count the list shows for a row."""
        item = self.list.item(row)
        return int(item.data(CountRole)) if item is not None else 0

    def names(self) -> list[str]:
        return [c.name for c in self._collections]

    # -- actions ------------------------------------------------------------------------------

    def create_collection(self, image_ids: list[str] | None = None) -> None:
        """A new collection, named in place; with ``image_ids`` in it (Add to Collection →
        New Collection adds the selected images, as its place in that menu says)."""
        ws = self._session.workspace_id
        store = self._catalog.store_now()
        if ws is None or store is None:
            return
        base = self.tr("New collection")
        name, n = base, 2
        while name in self.names():
            name, n = f"{base} {n}", n + 1
        self._rename_next = name
        created = store.create_collection(ws, name)
        if image_ids:
            self._session.spawn(self._add_when_created(created, image_ids))
        else:
            self._after(created)

    async def _add_when_created(self, created: Future[Collection], image_ids: list[str]) -> None:
        store = self._catalog.store_now()
        try:
            collection = await asyncio.wrap_future(created)
            if store is not None:
                await asyncio.wrap_future(store.add_to_collection(collection.id, image_ids))
        except Exception:
            log.warning("Making a collection of the selected images failed", exc_info=True)
        self._reload()

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

    def ask_delete(self, collection: Collection) -> QMessageBox:
        """Ask before deleting (non-blocking); the images themselves stay."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete Collection"),
            self.tr("Delete the collection “{name}”? Its images stay in your history.").format(
                name=collection.name
            ),
            QMessageBox.StandardButton.Cancel,
            self.window(),
        )
        delete = box.addButton(self.tr("Delete Collection"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        delete.clicked.connect(lambda: self.delete(collection))
        box.finished.connect(lambda _r: setattr(self, "confirm", None))
        self.confirm = box
        box.open()
        return box

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
            self.list.setCurrentItem(item)  # shown as chosen, also when not clicked with a mouse
            self._chips.show_collection(collection)

    def _renamed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        collection: Collection = item.data(CollectionRole)
        if item.text() != collection.name:
            self.rename(collection, item.text())

    def _context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        collection: Collection = item.data(CollectionRole)
        menu = QMenu(self)
        rename = QAction(self.tr("Rename"), menu)
        rename.triggered.connect(lambda: self._start_rename(item))
        delete = QAction(self.tr("Delete Collection…"), menu)
        delete.triggered.connect(lambda: self.ask_delete(collection))
        menu.addActions([rename, delete])
        menu.popup(self.list.viewport().mapToGlobal(pos))

    def _start_rename(self, item: QListWidgetItem) -> None:
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def _chosen_item(self) -> QListWidgetItem | None:
        """The highlighted collection (a second click on it lifts the highlight)."""
        items = self.list.selectedItems()
        return items[0] if items else None

    def _update_more(self) -> None:
        self.more_button.setEnabled(self._chosen_item() is not None)

    def _fill_more_menu(self) -> None:
        self.more_menu.clear()
        item = self._chosen_item()
        if item is None:
            return
        collection: Collection = item.data(CollectionRole)
        self.more_menu.addAction(self.tr("Rename"), lambda: self._start_rename(item))
        self.more_menu.addAction(self.tr("Delete Collection…"), lambda: self.ask_delete(collection))

    def _fill_add_menu(self) -> None:
        self.add_menu.clear()
        has_selection = bool(self._grid.selected_items())
        for collection in self._collections:
            action = self.add_menu.addAction(collection.name)
            action.setEnabled(has_selection)
            action.triggered.connect(lambda _c=False, c=collection: self.add_selection_to(c))
        self.add_menu.addSeparator()
        ids = [item.image_id for item in self._grid.selected_items()]
        self.add_menu.addAction(self.tr("New Collection"), lambda: self.create_collection(ids))
