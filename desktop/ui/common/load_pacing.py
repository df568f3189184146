"""How fast the thumbnail loader may spend the network, from how the grid moves and how
fast the line is: a couple of loads at a time while the grid scrolls or lays out, none
while it flies past on a slow line, all of them once it rests.

Kept apart from the loader's queue (thumbnail_loader.py): this is the pacing policy and its
state (two timers, the recent scroll positions, the line's measured rate); the loader asks
it how many loads may run and whether a fling holds the network.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

SCROLLING_CONCURRENCY = 2
SCROLL_REST_MS = 250
FLING_WINDOW_S = 0.15  # a screen or more scrolled within this is a fling: hold the network
FLING_HOLD_MS = 100  # ... until the grid has been still this long
FAST_LINE_BPS = 50_000_000  # bytes/s per download: above this a fling need not be held


class LoadPacing:
    """The grid's motion and the line's speed; ``resume`` runs when a hold or a busy spell ends."""

    def __init__(self, owner: QObject, resume: Callable[[], None]) -> None:
        self.scrolling = QTimer(owner)  # active: the grid moved or laid out just now
        self.scrolling.setSingleShot(True)
        self.scrolling.setInterval(SCROLL_REST_MS)
        self.scrolling.timeout.connect(resume)
        self._recent_scrolls: deque[tuple[float, int]] = deque()  # (time, scroll value)
        self._line_bps: float | None = None  # recent downloads' body rate (set by workers)
        self.fling = QTimer(owner)  # active: a fling holds the network
        self.fling.setSingleShot(True)
        self.fling.setInterval(FLING_HOLD_MS)
        self.fling.timeout.connect(resume)

    def note_grid_busy(self, *_args: object) -> None:
        """The grid is scrolling or laying out its rows again: run only a couple of loads
        until it rests for a moment.

        Every finished load needs the GIL (HTTP parsing, cache writes) and a slice of the
        GUI thread; eight at once made scrolling frames miss 16 ms on two cores. Rows that
        fly past are dropped from the queue anyway, so little is lost by waiting.
        """
        self.scrolling.start()

    def note_scrolled(self, value: int, page: int) -> None:
        """The grid scrolled to ``value`` (``page`` = the viewport's height): busy as above,
        and when it moved a screen or more within 150 ms (a fling, dragging the scroll bar,
        a burst of Page Down) no download starts until it rests, since every image it flies
        past would be stale before it arrived. A single jump (End, one Page Down) downloads
        its new screen at once; so does slow wheel scrolling. On a fast line (bodies
        arriving at over 50 MB/s, e.g. a nearby server) loads go on at two at a time instead,
        as they do before the line's speed is known."""
        self.note_grid_busy()
        now = time.monotonic()
        recent = self._recent_scrolls
        while recent and now - recent[0][0] > FLING_WINDOW_S:
            recent.popleft()
        rate = self._line_bps
        slow_line = rate is not None and rate < FAST_LINE_BPS
        if slow_line and recent and max(abs(value - v) for _t, v in recent) >= max(1, page):
            self.fling.start()
        recent.append((now, value))

    def limit(self, max_concurrent: int) -> int:
        """How many loads may run now, of ``max_concurrent``."""
        if self.scrolling.isActive():
            return min(SCROLLING_CONCURRENCY, max_concurrent)
        return max_concurrent

    def note_rate(self, size: int, checks: list[float]) -> None:
        """The body's rate, from the first chunk check to the last (latency left out: it is
        the line's bandwidth that decides whether a fling can be kept up with)."""
        if len(checks) < 3:
            return
        took = checks[-1] - checks[1]
        rate = size / took if took > 0.001 else float(FAST_LINE_BPS * 10)
        known = self._line_bps  # one float written at a time: no lock needed
        self._line_bps = rate if known is None else 0.7 * known + 0.3 * rate
