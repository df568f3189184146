"""After a 429 the service said how long to wait: count it down, visibly, to zero."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal


def cooldown_prefix() -> str:
    """How every countdown message starts, so the panel can tell its own message apart."""
    return QCoreApplication.translate("Cooldown", "Too many requests.")


def cooldown_text(seconds: int) -> str:
    return QCoreApplication.translate(
        "Cooldown", "{prefix} You can try again in {seconds} s."
    ).format(prefix=cooldown_prefix(), seconds=seconds)


class Cooldown(QObject):
    """``tick(seconds_left)`` every quarter second until the wait is over (then ``tick(0)``)."""

    tick = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._until = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._on_timer)

    def start(self, seconds: float) -> None:
        self._until = time.monotonic() + max(1.0, seconds)
        self._timer.start()
        self._on_timer()

    def clear(self) -> None:
        """Forget the wait (the service is reachable again, or a test starts afresh)."""
        self._until = 0.0
        self._on_timer()

    def left(self) -> int:
        return max(0, math.ceil(self._until - time.monotonic()))

    def _on_timer(self) -> None:
        left = self.left()
        if left <= 0:
            self._timer.stop()
        self.tick.emit(left)
