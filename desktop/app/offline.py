"""Getting back online by itself: while the network is down, probe with growing pauses
(2 s, 4 s, … up to 30 s) and stop as soon as a probe succeeds."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer


class Reconnector(QObject):
    """Calls ``probe()`` (True = back online) on a backoff schedule until it succeeds."""

    def __init__(
        self,
        probe: Callable[[], Awaitable[bool]],
        spawn: Callable[[Any], Any],
        first_delay: float = 2.0,
        max_delay: float = 30.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._probe = probe
        self._spawn = spawn
        self.first_delay = first_delay
        self.max_delay = max_delay
        self._delay = first_delay
        self._busy = False
        self.attempts = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)

    @property
    def active(self) -> bool:
        return self._timer.isActive() or self._busy

    def start(self) -> None:
        """Begin probing (no-op when already probing)."""
        if self.active:
            return
        self._delay = self.first_delay
        self._timer.start(int(self._delay * 1000))

    def stop(self) -> None:
        self._timer.stop()

    def _fire(self) -> None:
        self._busy = True
        self._spawn(self._attempt())

    async def _attempt(self) -> None:
        self.attempts += 1
        try:
            ok = await self._probe()
        except asyncio.CancelledError:
            raise
        except Exception:
            ok = False
        finally:
            self._busy = False
        if not ok:
            self._delay = min(self.max_delay, self._delay * 2)
            self._timer.start(int(self._delay * 1000))
