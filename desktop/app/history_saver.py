"""Keeps the offline copy of each workspace's history on disk, a moment after it changes.

Saving runs Python on a worker, and a worker running Python slows the GUI thread through
the GIL exactly while a new history or a generation is being shown; so the copy is written
``delay_ms`` after the last change, bursts of changes save once, and ``flush`` writes what
is still pending when the app quits. A copy stays pending until its write has finished, and
an older copy never overwrites a newer one, whichever thread finishes first.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from desktop.app.background import BackgroundRunner
from desktop.app.tasks import Spawn
from desktop.services.history_store import MAX_SAVED_ITEMS, HistoryStore

if TYPE_CHECKING:
    from desktop.api import HistoryItem

SAVE_DELAY_MS = 2000


class HistorySaver(QObject):
    def __init__(
        self,
        store: HistoryStore,
        runner: BackgroundRunner,
        spawn: Spawn,
        delay_ms: int = SAVE_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self._spawn = spawn
        self._version = 0
        self._pending: dict[str, tuple[int, list[HistoryItem]]] = {}  # workspace -> copy
        self._written: dict[str, int] = {}  # workspace -> version on disk
        self._lock = threading.Lock()  # one write at a time, worker or quitting GUI thread
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)

    def changed(self, workspace_id: str, history: list[HistoryItem]) -> None:
        """The workspace's history changed: save (a copy of) it after a quiet moment."""
        self._version += 1
        self._pending[workspace_id] = (self._version, history[:MAX_SAVED_ITEMS])
        self._timer.start()

    def pending(self) -> bool:
        return bool(self._pending)

    def save_now(self) -> None:
        """Start writing every pending copy on a worker (e.g. the timer fired, signing out)."""
        self._timer.stop()
        for workspace_id, (version, items) in list(self._pending.items()):
            self._spawn(self._write_in_background(workspace_id, version, items))

    def flush(self) -> None:
        """Write every pending copy now, on this thread (quitting: workers are going away)."""
        self._timer.stop()
        for workspace_id, (version, items) in list(self._pending.items()):
            self._write(workspace_id, version, items)
        self._pending.clear()

    async def _write_in_background(
        self, workspace_id: str, version: int, items: list[HistoryItem]
    ) -> None:
        await self._runner.run(self._write, workspace_id, version, items)
        if self._pending.get(workspace_id, (None,))[0] == version:
            del self._pending[workspace_id]

    def _write(self, workspace_id: str, version: int, items: list[HistoryItem]) -> None:
        with self._lock:
            if version <= self._written.get(workspace_id, 0):
                return  # a newer copy is on disk already
            self._store.save_history(workspace_id, items)
            self._written[workspace_id] = version
