"""Small measuring tools shared by the benchmarks: heartbeat, percentiles, resident memory."""

from __future__ import annotations

import sys
import time


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


def rss_mb() -> float:
    """Resident memory of this process now (Linux: VmRSS; elsewhere the peak, which is an
    upper bound)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class Heartbeat:
    """A 5 ms timer on the GUI thread; the gaps between its beats are how long the thread was
    busy. Created lazily inside a running QApplication."""

    def __init__(self, interval_ms: int = 5) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._beat)
        self.last = time.perf_counter()
        self.gaps: list[float] = []
        self.by_phase: dict[str, list[float]] = {}
        self.worst_at = ""
        self.phase = ""
        self._long: list[tuple[float, float, str]] = []  # (gap, when it ended, phase)

    def _beat(self) -> None:
        now = time.perf_counter()
        gap = now - self.last
        if not self.gaps or gap > max(self.gaps):
            self.worst_at = self.phase
        self.gaps.append(gap)
        self.by_phase.setdefault(self.phase, []).append(gap)
        if gap > 0.03:
            self._long.append((gap, now, self.phase))
        self.last = now

    def longest(self, count: int) -> list[tuple[float, float, str]]:
        """The ``count`` longest gaps over 30 ms: (seconds, perf_counter at its end, phase)."""
        return sorted(self._long, reverse=True)[:count]

    def start(self) -> None:
        self.last = time.perf_counter()
        self.gaps.clear()
        self.by_phase.clear()
        self._long.clear()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def summary(self) -> dict[str, float]:
        ms = [g * 1000 for g in self.gaps]
        return {
            "stall_max_ms": round(max(ms, default=0.0), 1),
            "stall_p99_ms": round(percentile(ms, 0.99), 1),
            "beats": len(ms),
        }

    def phase_summary(self) -> dict[str, list[float]]:
        """Per phase: [max ms, p99 ms, beats], to find where the GUI thread was busy."""
        return {
            phase: [round(max(g) * 1000, 1), round(percentile(g, 0.99) * 1000, 1), len(g)]
            for phase, g in self.by_phase.items()
        }


class GcPauses:
    """Longest garbage-collection pause per generation (any thread: it holds the GIL)."""

    def __init__(self) -> None:
        self.longest = [0.0, 0.0, 0.0]
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            gen = info.get("generation", 0)
            self.longest[gen] = max(self.longest[gen], time.perf_counter() - self._started)

    def install(self) -> None:
        import gc

        gc.callbacks.append(self)

    def summary(self) -> list[float]:
        return [round(s * 1000, 1) for s in self.longest]
