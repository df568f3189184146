"""Diagnostics: which GUI-thread code was running while the heartbeat could not beat.

A sampler thread looks at the main thread's Python stack every few milliseconds while the
heartbeat is late and counts the innermost frames; ``report`` prints the most common ones.
It needs the GIL itself, so it sees Python frames (a C++ paint shows as its Python caller).
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections import Counter
from typing import Any


class StallTracer:
    def __init__(self, heartbeat: Any, late_s: float = 0.02, every_s: float = 0.003) -> None:
        self._heartbeat = heartbeat
        self._late = late_s
        self._every = every_s
        self._main = threading.main_thread().ident
        self.samples: Counter[str] = Counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-tracer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            if time.perf_counter() - self._heartbeat.last < self._late:
                continue
            frame = sys._current_frames().get(self._main)
            if frame is None:
                continue
            stack = traceback.extract_stack(frame)[-4:]
            key = " <- ".join(f"{s.name}@{s.filename.rsplit('/', 1)[-1]}:{s.lineno}"
                              for s in reversed(stack))
            self.samples[f"[{self._heartbeat.phase}] {key}"] += 1

    def report(self, top: int = 25) -> None:
        for key, count in self.samples.most_common(top):
            print(f"{count:5d}  {key}", file=sys.stderr)
