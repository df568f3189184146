"""Run something right after the main window's first paint.

Start-up work that the first screen does not need (sign-in, the demo server, which imports
FastAPI and Pillow) waits for the first paint, so the window appears as fast as a bare Qt
window would. With NEUROFLASH_BENCHMARK_FIRST_PAINT=1 in the environment the app prints the
time of its first paint and exits: benchmarks/startup.py times it against a bare window.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV_VAR = "NEUROFLASH_BENCHMARK_FIRST_PAINT"
FALLBACK_MS = 1000  # a window that is never painted (started minimised) still signs in


class _AfterFirstPaint(QObject):
    """Event filter on the window: after its first Paint event (or the fallback), run once."""

    def __init__(self, window: QWidget, callback: Callable[[], object], fallback_ms: int):
        super().__init__(window)
        self._callback = callback
        self._done = False
        window.installEventFilter(self)
        if fallback_ms >= 0:
            QTimer.singleShot(fallback_ms, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._run)  # after this paint has reached the screen
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        if (window := self.parent()) is not None:
            window.removeEventFilter(self)
        self._callback()


def after_first_paint(
    window: QWidget, callback: Callable[[], object], fallback_ms: int = FALLBACK_MS
) -> None:
    """Call ``callback`` once, just after ``window`` is first painted."""
    _AfterFirstPaint(window, callback, fallback_ms)


def benchmark_requested() -> bool:
    return bool(os.environ.get(ENV_VAR))


def report_and_exit() -> None:
    """Print the wall-clock time of the first paint and leave at once (benchmark mode)."""
    print(f"first-paint {time.time():.6f}", flush=True)
    os._exit(0)
