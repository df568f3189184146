"""The session's catalogue: opens the SQLite history on a worker, shows it before the network
answers, syncs only what is new and reconciles deletions made elsewhere in the background.

It replaces the JSON offline copy (``HistorySaver``): the old copy is imported once when the
catalogue opens. Every blocking call runs off the GUI thread: opening on its own thread,
reads and syncs on the app's ``BackgroundRunner``, writes on the store's writer thread.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.api import HistoryItem, Workspace
from desktop.api.errors import NotFoundError
from desktop.app.background import BackgroundRunner
from desktop.services.catalog import (
    CATALOG_CONTEXT,
    CatalogStore,
    DeleteReport,
    ReconcileReport,
    SyncReport,
    import_json_once,
    reconcile,
    send_due_deletes,
    sync_new,
)

if TYPE_CHECKING:
    from desktop.api import NeuroflashClient

log = logging.getLogger(__name__)

RECONCILE_EVERY_S = 3600.0  # the full walk for deletions elsewhere: at most hourly per workspace
RECONCILE_PAUSE_S = 0.2  # between its pages: gentle on the server and the GIL
FIRST_SLICE = 600  # saved images shown at once: a screenful at any window size, and then some
NEXT_SLICE = 2000  # per later slice: a few ms of the GUI thread each to append to the grid
# Between slices: each appended slice lays the grid out again, which restarts its thumbnail
# request's debounce, and each read builds thousands of items under the GIL.
FIRST_SLICE_PAUSE_S = 0.5
SLICE_PAUSE_S = 0.04
_RECONCILED = "reconciled_at:"  # meta key prefix, per workspace


class CatalogSession(QObject):
    """The catalogue as the session uses it; emits ``damaged`` with a translated message."""

    damaged = Signal(str)

    def __init__(
        self,
        folder: Path,
        runner: BackgroundRunner,
        json_root: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder = Path(folder)
        self._json_root = json_root
        self._runner = runner
        self._opened: Future[CatalogStore] = Future()
        self._started = False
        self._closed = False
        self._reconciling: set[str] = set()

    @property
    def runner(self) -> BackgroundRunner:
        return self._runner

    # -- opening and closing ----------------------------------------------------------------

    def open(self) -> None:
        """Start opening the file on its own thread (it migrates, checks, may set a damaged
        file aside and import the old JSON copy): the window shows meanwhile."""
        if self._started:
            return
        self._started = True
        threading.Thread(target=self._open, name="catalog-open", daemon=True).start()

    def _open(self) -> None:
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            store = CatalogStore.in_folder(self._folder)
            if self._json_root is not None:
                imported = import_json_once(store, self._json_root)
                if imported:
                    log.info("Imported %d images from the old offline copy", imported)
        except BaseException as err:
            log.exception("The image catalogue could not be opened")
            self._opened.set_exception(err)
            return
        if store.damage is not None:
            log.warning("Catalogue was damaged and set aside: %s", store.damage)
            self.damaged.emit(QCoreApplication.translate(CATALOG_CONTEXT, store.damage.message))
        self._opened.set_result(store)

    async def store(self) -> CatalogStore:
        """The open store (waits for the opening thread); raises if it could not be opened."""
        self.open()
        if self._opened.done():  # the usual case: no hop through the loop's thread-safe queue
            return self._opened.result()
        return await asyncio.wrap_future(self._opened)

    def store_now(self) -> CatalogStore | None:
        """The store if it is open already, else None (for fire-and-forget writes)."""
        if self._opened.done() and self._opened.exception() is None and not self._closed:
            return self._opened.result()
        return None

    def close(self) -> None:
        """Finish the queued writes and close the file (quitting)."""
        self._closed = True
        if self._opened.done() and self._opened.exception() is None:
            self._opened.result().close()

    # -- reads (on a worker) ----------------------------------------------------------------

    async def workspaces(self) -> list[Workspace]:
        try:
            store = await self.store()
            return await self._runner.run(store.workspaces)
        except Exception:
            log.warning("Could not read the saved workspaces", exc_info=True)
            return []

    async def history(self, workspace_id: str) -> list[HistoryItem]:
        """The workspace's whole saved history, newest first, uncapped."""
        try:
            store = await self.store()
            return await self._runner.run(store.history, workspace_id)
        except Exception:
            log.warning("Could not read the saved history", exc_info=True)
            return []

    def history_slices(
        self, workspace_id: str, first: int = FIRST_SLICE, size: int = NEXT_SLICE
    ) -> HistorySlices:
        """The saved history newest first, a slice at a time (read on a worker): a first
        screenful at once, then the rest in slices the grid takes between frames. Reading and
        showing 100,000 images at once kept the window blank and then froze it for ~1 s."""
        return HistorySlices(self, workspace_id, first, size)

    # -- writes (the store's writer thread; never awaited by the GUI) ------------------------

    def save_workspaces(self, workspaces: list[Workspace]) -> None:
        store = self.store_now()
        if store is not None:
            store.save_workspaces(workspaces)

    def add_items(
        self,
        workspace_id: str,
        items: list[HistoryItem],
        credits_spent: dict[str, int] | None = None,
    ) -> None:
        """Images made just now: in the catalogue at once (the next sync fills in the rest)."""
        store = self.store_now()
        if store is not None and items:
            store.add_items(workspace_id, items, credits_spent=credits_spent)

    def confirm_deleted(self, workspace_id: str, ids: Iterable[str]) -> None:
        store = self.store_now()
        if store is not None:
            store.confirm_deleted(workspace_id, list(ids))

    # -- sync (blocking; the session runs these on its runner) --------------------------------

    def sync(self, workspace_id: str, client: NeuroflashClient) -> tuple[SyncReport, bool]:
        """Ask the server only for what is new. Returns the report and whether a full
        reconcile walk is due now (never right after a first sync that walked everything)."""
        store = self._opened.result()
        complete_before = store.history_complete(workspace_id)
        report = sync_new(store, workspace_id, partial(client.history_page, workspace_id))
        if report.history_complete and not complete_before:
            store.set_meta(_RECONCILED + workspace_id, str(time.time()))  # that walk was full
            return report, False
        last = store.meta(_RECONCILED + workspace_id)
        due = last is None or time.time() - float(last) >= RECONCILE_EVERY_S
        return report, due and workspace_id not in self._reconciling

    def reconcile(self, workspace_id: str, client: NeuroflashClient) -> ReconcileReport:
        """The full walk that finds images deleted elsewhere (slow, gentle, background)."""
        store = self._opened.result()
        self._reconciling.add(workspace_id)
        try:
            report = reconcile(
                store,
                workspace_id,
                partial(client.history_page, workspace_id),
                pause=RECONCILE_PAUSE_S,
                confirm_gone=partial(_gone, client, workspace_id),
            )
            if report.complete:
                store.set_meta(_RECONCILED + workspace_id, str(time.time()))
            return report
        finally:
            self._reconciling.discard(workspace_id)

    def confirm_gone(
        self, workspace_id: str, client: NeuroflashClient, ids: Iterable[str]
    ) -> list[str]:
        """Of ``ids`` (e.g. deletes whose answer was lost), those the server no longer has,
        removed from the catalogue too (blocking; one request each)."""
        store = self._opened.result()
        gone = [i for i in ids if _gone(client, workspace_id, i)]
        if gone:
            store.confirm_deleted(workspace_id, gone).result()
        return gone

    def history_now(self, workspace_id: str) -> list[HistoryItem]:
        """Blocking read of the whole history (for a worker)."""
        return self._opened.result().history(workspace_id)

    def send_due_deletes(self, client: NeuroflashClient) -> DeleteReport | None:
        """Send the deletes whose undo time has passed (also those left from the last run)."""
        store = self.store_now()
        if store is None:
            return None
        return send_due_deletes(store, client.delete_image)


class HistorySlices:
    """One walk through a workspace's saved history; ``await next()`` gives the next slice,
    None at the end (or when the catalogue cannot be read). A plain object rather than an
    async generator: a generator left unfinished at quit is closed later by its event loop's
    finaliser, which ran a step of the closed loop inside the next one."""

    def __init__(self, catalog: CatalogSession, workspace_id: str, first: int, size: int):
        self._catalog = catalog
        self._workspace_id = workspace_id
        self._first = first
        self._size = size
        self._before: int | None = None  # sort key to continue below
        self._read = 0  # slices read so far
        self._done = False

    async def next(self) -> list[HistoryItem] | None:
        if self._done:
            return None
        try:
            store = await self._catalog.store()
            if self._read:  # the first screen's thumbnails, then the grid, get room
                await asyncio.sleep(FIRST_SLICE_PAUSE_S if self._read == 1 else SLICE_PAUSE_S)
            limit = self._size if self._read else self._first
            items, self._before = await self._catalog.runner.run(
                store.history_slice, self._workspace_id, limit, self._before
            )
        except Exception:
            log.warning("Could not read the saved history", exc_info=True)
            self._done = True
            return None
        self._read += 1
        self._done = self._before is None
        return items


def _gone(client: Any, workspace_id: str, image_id: str) -> bool:
    """True when the server says this image no longer exists."""
    try:
        client.history_item(workspace_id, image_id)
    except NotFoundError:
        return True
    except Exception:
        return False
    return False
