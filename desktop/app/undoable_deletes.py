"""Delete with undo: deleted images leave the grid at once, and the DELETE calls go out only
after ``UNDO_SECONDS``. Until then the catalogue holds them as pending deletes (hidden from
every query), so quitting in between loses nothing: the next start sends them. Undo takes the
pending delete back; an undone image is never sent.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desktop.api import HistoryItem

if TYPE_CHECKING:
    from desktop.app.session import Session

log = logging.getLogger(__name__)

UNDO_SECONDS = 10.0
SEND_SLACK_MS = 250  # the timer fires a moment after the last delete fell due


class UndoableDeletes(QObject):
    """The session's delete-with-undo; ``restored`` says which ids came back."""

    restored = Signal(list)

    def __init__(self, session: Session, undo_seconds: float = UNDO_SECONDS) -> None:
        super().__init__(session)
        self._session = session
        self.undo_seconds = undo_seconds
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Qt's default coarse timers may fire up to 5 % early (0.5 s of 10 s), before the
        # delete is due: it was then never sent until the next start.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.send_due)

    def delete(self, items: list[HistoryItem]) -> list[str]:
        """Hide ``items`` now and send their DELETE later; returns the hidden ids ([] when
        the catalogue is not open, then the caller deletes at once)."""
        session = self._session
        catalog = session.catalog
        store = catalog.store_now() if catalog is not None else None
        ws = session.workspace_id
        if store is None or ws is None or not items:
            return []
        ids = [item.image_id for item in items]
        # The catalogue may not hold them yet (made before it opened, not synced since): a
        # pending delete needs its row, or the DELETE would silently never be sent.
        store.add_items(ws, items)
        store.mark_deleted(ws, ids, due=time.time() + self.undo_seconds)
        gone = set(ids)
        session.history = [item for item in session.history if item.image_id not in gone]
        session.historyRemoved.emit(ids)
        self._timer.start(int(self.undo_seconds * 1000) + SEND_SLACK_MS)
        return ids

    def undo(self, ids: list[str]) -> None:
        """Take the pending deletes back and show the images again where they were."""
        session = self._session
        catalog = session.catalog
        store = catalog.store_now() if catalog is not None else None
        ws = session.workspace_id
        if store is None or ws is None or catalog is None:
            return
        written = store.undo_delete(ws, ids)
        session.spawn(self._show_again(ws, ids, written))

    async def _show_again(self, ws: str, ids: list[str], written: object) -> None:
        session = self._session
        assert session.catalog is not None
        try:
            await asyncio.wrap_future(written)  # type: ignore[arg-type]
            items = await session._runner.run(session.catalog.history_now, ws)
        except Exception:
            log.warning("Undoing a delete failed", exc_info=True)
            return
        if ws == session.workspace_id:
            session.history = items
            session.historyReset.emit(items)
            self.restored.emit(ids)

    async def schedule_pending(self) -> None:
        """At start: deletes left pending by the last run that are not due yet go out
        when they fall due (due ones are sent by the sign-in)."""
        catalog = self._session.catalog
        if catalog is None:
            return
        try:
            store = await catalog.store()
            pending = await self._session._runner.run(store.pending_deletes)
        except Exception:
            log.warning("Reading pending deletes failed", exc_info=True)
            return
        wait = max((p.due for p in pending), default=0.0) - time.time()
        if wait > 0:  # due ones are sent by the sign-in (or were just tried)
            self._timer.start(int(wait * 1000) + SEND_SLACK_MS)

    def stop(self) -> None:
        """The session closes: nothing more is sent now (pending deletes stay pending and go
        out at the next start)."""
        self._timer.stop()

    def send_due(self) -> None:
        """Send every delete whose undo time has passed (also those left by the last run)."""
        self._session.spawn(self._send())

    async def _send(self) -> None:
        await self._session.send_due_deletes()
        await self.schedule_pending()  # any not due yet (an early timer, a later delete)
        await self._session.refresh_quota()
