"""Find in the catalogue without blocking: each query runs on a worker, and an answer that
arrives after a newer question was asked is dropped, so typing fast never shows a stale grid.

The answer is the set of matching image ids (the grid's proxy keeps only those), or None when
the query filters nothing. Chip choices (facets) and the collections come the same way.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.app.background import BackgroundRunner
from desktop.app.catalog_session import CatalogSession
from desktop.services.catalog import CatalogQuery, CatalogStore

log = logging.getLogger(__name__)

Spawn = Callable[[Coroutine[Any, Any, Any]], "asyncio.Future[Any]"]


def filters_nothing(query: CatalogQuery) -> bool:
    """True when ``query`` names only its workspace: every image matches."""
    return query == CatalogQuery(query.workspace_id)


class CatalogFinder(QObject):
    """Runs the designer's current query; emits ``found`` (frozenset of ids, or None)."""

    found = Signal(object)
    failed = Signal()  # a search could not be answered (the catalogue is unusable)
    facetsReady = Signal(object)  # Facets of the whole workspace
    collectionsReady = Signal(list)  # list[Collection]

    def __init__(
        self,
        catalog: CatalogSession,
        runner: BackgroundRunner,
        spawn: Spawn,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._runner = runner
        self._spawn = spawn
        self._asked = 0  # number of the newest question; older answers are dropped
        self.query: CatalogQuery | None = None

    def find(self, query: CatalogQuery | None) -> None:
        """Ask for ``query``'s ids (None or a query that filters nothing: everything)."""
        self._asked += 1
        self.query = query
        if query is None or filters_nothing(query):
            self.found.emit(None)
            return
        self._spawn(self._find(self._asked, query))

    def refind(self) -> None:
        """Ask the current question again (the catalogue changed: marks, collections)."""
        self.find(self.query)

    async def _find(self, number: int, query: CatalogQuery) -> None:
        try:
            store = await self._catalog.store()
            ids = await self._runner.run(_ids, store, query)
        except Exception:
            log.warning("Catalogue search failed", exc_info=True)
            if number == self._asked:
                self.failed.emit()
            return
        if number == self._asked:
            self.found.emit(ids)

    def load_choices(self, workspace_id: str) -> None:
        """Chip choices with counts and the collections of ``workspace_id``, on a worker."""
        self._spawn(self._load_choices(workspace_id))

    async def _load_choices(self, workspace_id: str) -> None:
        try:
            store = await self._catalog.store()
            facets = await self._runner.run(store.facets, CatalogQuery(workspace_id))
            collections = await self._runner.run(store.collections, workspace_id)
        except Exception:
            log.warning("Reading the filter choices failed", exc_info=True)
            return
        self.facetsReady.emit(facets)
        self.collectionsReady.emit(collections)

    def with_workspace(self, workspace_id: str) -> CatalogQuery | None:
        """The current question moved to another workspace (filters kept, collection not)."""
        if self.query is None:
            return None
        return replace(self.query, workspace_id=workspace_id, collection_id=None)


class FoundIds(frozenset[str]):
    """The ids a query found (a frozenset), also in the catalogue's order, newest first: the
    grid looks up its rows in that order, which is nearly its own, so sorting them is cheap."""

    newest_first: tuple[str, ...] = ()


def _ids(store: CatalogStore, query: CatalogQuery) -> FoundIds:
    ordered = tuple(store.search_ids(query))
    found = FoundIds(ordered)
    found.newest_first = ordered
    return found
