"""Keeps the history on screen in step with the catalogue (desktop/app/catalog_session.py).

The session shows the saved workspaces and history before the network answers, a slice at a
time; after each sync it puts the images found on top (or shows the catalogue again), and it
takes out images deleted elsewhere: deletes whose answer was lost, downloads that said "not
found", and what the hourly reconcile walk finds. That is one job with its own state (the
suspects, their batching timer, the count of history resets), so it lives here; the
``Session`` keeps the signals and forwards ``check_gone`` / ``delete_unconfirmed``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from desktop.api import HistoryItem
from desktop.app.background import BackgroundRunner
from desktop.app.catalog_session import HistorySlices
from desktop.app.history_placement import HistoryPlacement

if TYPE_CHECKING:
    from desktop.api import NeuroflashClient
    from desktop.app.session import Session
    from desktop.services.catalog import CatalogStore, SyncReport

log = logging.getLogger(__name__)

GONE_CHECK_DELAY_MS = 1000  # "not found" downloads are confirmed together, a second later
PREPEND_SYNCED_AT_MOST = 2000  # more new images than this: the catalogue is shown again


class CatalogSync:
    """The catalogue side of a session's history; emits through the session's signals."""

    def __init__(
        self,
        session: Session,
        runner: BackgroundRunner,
        placement: HistoryPlacement,
        client: Callable[[], NeuroflashClient | None],
    ) -> None:
        self._session = session
        self._runner = runner
        self._placement = placement
        self._client = client  # the signed-in client, None when signed out
        self.maybe_gone: set[str] = set()  # deletes whose answer was lost: checked at sync
        self._gone_check = QTimer(session)  # images whose download said "not found", batched
        self._gone_check.setSingleShot(True)
        self._gone_check.setInterval(GONE_CHECK_DELAY_MS)
        self._gone_check.timeout.connect(lambda: session.spawn(self._check_gone_now()))
        self._resets = 0  # historyReset emissions: a slower saved-history read stops at one
        session.historyReset.connect(self._count_reset)

    def _count_reset(self, _items: object) -> None:
        self._resets += 1

    async def show_saved_workspaces(self) -> None:
        session = self._session
        assert session.catalog is not None
        saved = await session.catalog.workspaces()
        if not session.workspaces and saved:
            session.workspaces = saved
            session.workspacesChanged.emit(saved)

    async def show_saved_history(self, workspace_id: str, replace: bool = False) -> None:
        """The whole saved history, before (or without) the network: the newest slice at
        once, the rest appended below it in the background a slice at a time
        (``historyExtended``), until the workspace changes or a newer history replaces it.
        ``replace``: also when a history is shown (a sync found new images)."""
        session = self._session
        assert session.catalog is not None
        slices = session.catalog.history_slices(workspace_id)
        saved = await slices.next() or []
        shown = session.history and not replace
        if replace and not saved and workspace_id == session.workspace_id:
            session.history = []  # an empty workspace: the grid says so instead of "Loading…"
            session.historyReset.emit([])
        if workspace_id != session.workspace_id or shown or not saved:
            return  # another workspace, or the network answered first
        session.history = saved
        session.historyReset.emit(saved)
        session.spawn(self._append_saved(workspace_id, slices, self._resets))

    async def _append_saved(self, workspace_id: str, slices: HistorySlices, resets: int) -> None:
        session = self._session
        while (saved := await slices.next()) is not None:
            if workspace_id != session.workspace_id or resets != self._resets:
                return  # replaced meanwhile (a sync, another workspace)
            # Keyed slices never repeat one another; the grid's model skips any image it
            # got meanwhile from elsewhere.
            session.history = [*session.history, *saved]
            session.historyExtended.emit(saved)

    async def synced(
        self, ws: str, client: NeuroflashClient, result: tuple[SyncReport, bool]
    ) -> None:
        """Show what a sync of ``ws`` found (``CatalogSession.sync``'s answer)."""
        session = self._session
        report, reconcile_due = result
        if self.maybe_gone:
            await self._check_maybe_gone(ws, client)
        if report.new_ids and session.history and await self._prepend_synced(ws, report.new_ids):
            pass  # on top of what is shown: the grid keeps its place
        elif report.new_ids or not session.history:
            # a slice at a time, as at start: one reset with 100,000 images froze the window
            await self.show_saved_history(ws, replace=True)
        if reconcile_due:
            session.spawn(self._reconcile_history(ws, client))

    async def _prepend_synced(self, ws: str, new_ids: Sequence[str]) -> bool:
        """Images a sync found (made on another device, or while away) go on top of the
        grid as a generation's do: the designer keeps their place and is offered "New
        images ↑" instead of being thrown back to the top. Only when they are the newest
        images of all; a gap filled lower down, or thousands at once, returns False and the
        caller shows the catalogue again."""
        session = self._session
        assert session.catalog is not None
        if len(new_ids) > PREPEND_SYNCED_AT_MOST:
            return False
        try:
            store = await session.catalog.store()
            items = await self._runner.run(_newest_saved, store, ws, len(new_ids))
        except Exception:
            log.warning("Could not read the new images from the catalogue", exc_info=True)
            return False
        if ws != session.workspace_id or {item.image_id for item in items} != set(new_ids):
            return False
        fresh = self._placement.not_shown(items)
        newest_shown = next((i.created_at for i in session.history if i.created_at), None)
        if newest_shown is not None and any(
            item.created_at is not None and item.created_at < newest_shown for item in fresh
        ):
            return False  # older than images on screen (a generate's answer was lost)
        self._placement.put_on_top(fresh, select=False)
        session.historySynced.emit(fresh)  # e.g. the images of a generate whose answer was lost
        return True

    def delete_unconfirmed(self, image_id: str) -> None:
        """A delete failed, but its answer may have been lost: the next sync asks about it."""
        if self._session.catalog is not None:
            self.maybe_gone.add(image_id)

    def check_gone(self, image_id: str) -> None:
        """The server answered "not found" for this image's download: most likely it was
        deleted elsewhere (another device, a colleague, a fresh demo server) since the last
        full reconcile. Asked about shortly, in one batch, and taken out of the catalogue
        and the grid once the server confirms, instead of staying as a broken tile."""
        if self._session.catalog is None:
            return
        self.maybe_gone.add(image_id)
        self._gone_check.start()

    async def _check_gone_now(self) -> None:
        ws, client = self._session.workspace_id, self._client()
        if ws is not None and client is not None and self.maybe_gone:
            await self._check_maybe_gone(ws, client)

    async def _check_maybe_gone(self, ws: str, client: NeuroflashClient) -> None:
        """A delete that failed may still have happened (the answer was lost): sync only
        looks for new images, so ask about these one by one."""
        session = self._session
        assert session.catalog is not None
        suspects, self.maybe_gone = sorted(self.maybe_gone), set()
        try:
            gone = await self._runner.run(session.catalog.confirm_gone, ws, client, suspects)
        except Exception:
            log.warning("Checking deletes with lost answers failed", exc_info=True)
            return
        if gone and ws == session.workspace_id:
            removed = set(gone)
            session.history = [item for item in session.history if item.image_id not in removed]
            session.historyRemoved.emit(gone)

    async def _reconcile_history(self, ws: str, client: NeuroflashClient) -> None:
        """Deletions (and missed images) from elsewhere, found by a slow background walk."""
        session = self._session
        assert session.catalog is not None
        try:
            report = await self._runner.run(session.catalog.reconcile, ws, client)
        except Exception:
            log.warning("History reconcile failed", exc_info=True)
            return
        if ws != session.workspace_id:
            return
        if report.new_ids:
            session.history = await self._runner.run(session.catalog.history_now, ws)
            session.historyReset.emit(session.history)
        elif report.removed_ids:
            gone = set(report.removed_ids)
            session.history = [item for item in session.history if item.image_id not in gone]
            session.historyRemoved.emit(list(report.removed_ids))


def _newest_saved(store: CatalogStore, workspace_id: str, count: int) -> list[HistoryItem]:
    """The ``count`` newest images of the catalogue once the writes queued so far are in
    (images just generated are queued, and are newer than what a sync found)."""
    store.flush()
    return store.history_slice(workspace_id, count, None)[0]
