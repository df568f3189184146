"""Favourites and ratings, as in photo tools: "." stars the selected images (or unstars them
when all are starred), 1-5 rates them, 0 clears the rating. The tiles change at once; the
catalogue is written on its own thread; the marks of a workspace are read on a worker when
its history is shown.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.app.background import BackgroundRunner
from desktop.app.session import Session
from desktop.services.catalog import CatalogQuery, CatalogStore
from desktop.ui.history.model import HistoryModel
from desktop.ui.history.view import HistoryView

log = logging.getLogger(__name__)


def read_marks(store: CatalogStore, workspace_id: str) -> dict[str, tuple[bool, int]]:
    """(favourite, rating) of every marked image: two sparse index walks (for a worker),
    after the marks already queued for writing are in."""
    store.flush()
    rows = store.search(CatalogQuery(workspace_id, favourites_only=True), limit=None)
    rows += store.search(CatalogQuery(workspace_id, min_rating=1), limit=None)
    return {row.image_id: (row.favourite, row.rating) for row in rows}


class Curation(QObject):
    """The favourite and rating actions of the grid, and the marks on its tiles; ``marked``
    (the image ids) after each change, so a filter can keep them in sight (kept_in_sight.py)."""

    marked = Signal(list)

    def __init__(
        self,
        session: Session,
        runner: BackgroundRunner,
        view: HistoryView,
        model: HistoryModel,
        after_change: object = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        assert session.catalog is not None
        self._session = session
        self._catalog = session.catalog
        self._runner = runner
        self._view = view
        self._model = model
        self._after_change = after_change  # e.g. ask the chips' query again
        self._loaded_for: str | None = None
        self._changes = 0  # marks set here; a read that began before the last one is stale
        self.favourite_action = self._action(self.tr("Favourite"), ".", self.toggle_favourite)
        self.rate_actions = [
            self._action(
                self.tr("Rate {0}").format("★" * n) if n else self.tr("Clear Rating"),
                str(n),
                lambda _c=False, n=n: self.rate(n),
            )
            for n in range(6)
        ]
        self.rate_menu = QMenu(self.tr("Rating"))
        self.rate_menu.addActions([*self.rate_actions[1:], self.rate_actions[0]])
        session.historyReset.connect(self._history_reset)
        self._in_context_menu(view)
        view.selectionModel().selectionChanged.connect(self._update_enabled)
        if (grid := view.model()) is not None:  # a new filter drops the selection silently
            grid.modelReset.connect(self._update_enabled)
        self._update_enabled()

    def _action(self, text: str, key: str, slot: object) -> QAction:
        action = QAction(text, self._view)
        action.setShortcut(QKeySequence(key))
        # only while the grid has the focus: digits and "." belong to text fields elsewhere
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self._view.addAction(action)
        return action

    def menu_actions(self) -> list[QAction]:
        return [self.favourite_action, self.rate_menu.menuAction()]

    def _in_context_menu(self, view: HistoryView) -> None:
        """Favourite and Rating in the right-click menu too (after what the shell put there:
        upscale, masked edit), where a designer coming from photo tools looks for them."""
        view.add_menu_actions(lambda _items: self.menu_actions())

    def _update_enabled(self, *_args: object) -> None:
        has = self._view.selectionModel().hasSelection()
        for action in (self.favourite_action, *self.rate_actions):
            action.setEnabled(has)

    def _selected_ids(self) -> list[str]:
        return [item.image_id for item in self._view.selected_items()]

    def toggle_favourite(self) -> None:
        ids = self._selected_ids()
        ws = self._session.workspace_id
        store = self._catalog.store_now()
        if not ids or ws is None or store is None:
            return
        value = not all(self._model.marks_of(i)[0] for i in ids)
        self._model.update_marks(ids, favourite=value)
        self.marked.emit(ids)
        self._changes += 1
        self._written(store.set_favourite(ws, ids, value))

    def rate(self, rating: int) -> None:
        ids = self._selected_ids()
        ws = self._session.workspace_id
        store = self._catalog.store_now()
        if not ids or ws is None or store is None:
            return
        self._model.update_marks(ids, rating=rating)
        self.marked.emit(ids)
        self._changes += 1
        self._written(store.set_rating(ws, ids, rating))

    def _written(self, future: object) -> None:
        """Once the catalogue has it, a favourites or rating chip may show other images."""
        if self._after_change is not None:
            self._session.spawn(self._then(future))

    async def _then(self, future: object) -> None:
        import asyncio

        try:
            await asyncio.wrap_future(future)  # type: ignore[arg-type]
        except Exception:
            log.warning("Saving a mark failed", exc_info=True)
            return
        self._after_change()  # type: ignore[operator]

    def _history_reset(self, items: list) -> None:
        ws = self._session.workspace_id
        if ws is not None and items:
            self._session.spawn(self._load(ws))

    async def _load(self, workspace_id: str) -> None:
        """The workspace's marks from the catalogue. A star or rating given while the read
        ran would be undone by its older answer (the tile lost the rating just pressed), so
        that answer is dropped and the marks read again: the writes are queued before it."""
        changes = self._changes
        try:
            store = await self._catalog.store()
            marks = await self._runner.run(read_marks, store, workspace_id)
        except Exception:
            log.warning("Reading favourites and ratings failed", exc_info=True)
            return
        if workspace_id != self._session.workspace_id:
            return
        if changes != self._changes:
            self._session.spawn(self._load(workspace_id))
            return
        self._model.set_marks(marks)
