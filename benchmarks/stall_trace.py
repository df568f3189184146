"""Diagnostics: what the GUI thread, and every other thread, ran while the heartbeat was late.

A sampler thread looks at all Python stacks every few milliseconds while the heartbeat is
late. ``report`` prints the most common GUI-thread frames, then the longest gaps one by one
with what each thread was doing during them. A worker that holds the GIL shows up there as a
busy Python frame. Sampling needs the GIL itself, so C++ work shows as its Python caller.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections import Counter
from typing import Any

IDLE = ("wait", "_worker", "select", "get", "sleep", "_recv", "readinto", "recv_into")


def _where(frame: Any, depth: int) -> str:
    stack = traceback.extract_stack(frame)[-depth:]
    return " <- ".join(
        f"{s.name}@{s.filename.rsplit('/', 1)[-1]}:{s.lineno}" for s in reversed(stack)
    )


class StallTracer:
    def __init__(self, heartbeat: Any, late_s: float = 0.02, every_s: float = 0.003) -> None:
        self._heartbeat = heartbeat
        self._late = late_s
        self._every = every_s
        self._main = threading.main_thread().ident
        self.samples: Counter[str] = Counter()
        self.timeline: list[tuple[float, str, list[str]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-tracer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        me = threading.get_ident()
        while not self._stop.wait(self._every):
            now = time.perf_counter()
            if now - self._heartbeat.last < self._late:
                continue
            frames = sys._current_frames()
            main = frames.get(self._main)
            if main is None:
                continue
            key = _where(main, 4)
            self.samples[f"[{self._heartbeat.phase}] {key}"] += 1
            others = [
                _where(f, 3)
                for ident, f in frames.items()
                if ident not in (self._main, me) and f.f_code.co_name not in IDLE
            ]
            self.timeline.append((now, key, others))

    def report(self, top: int = 25, gaps: int = 6) -> None:
        for key, count in self.samples.most_common(top):
            print(f"{count:5d}  {key}", file=sys.stderr)
        for gap, end, phase in self._heartbeat.longest(gaps):
            print(
                f"\n--- gap {gap * 1000:.0f} ms during {phase} (monotonic {end - gap:.3f}"
                f" to {end:.3f})",
                file=sys.stderr,
            )
            during = [s for s in self.timeline if end - gap <= s[0] <= end]
            mains = Counter(s[1] for s in during)
            others = Counter(o for s in during for o in s[2])
            for key, count in mains.most_common(4):
                print(f"  gui {count:3d}  {key}", file=sys.stderr)
            for key, count in others.most_common(6):
                print(f"  bg  {count:3d}  {key}", file=sys.stderr)
