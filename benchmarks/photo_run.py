"""The app on a real line: photographic images, a shared 100 Mbit/s link, 30 ms latency.

``python -m benchmarks.photo_run --api URL --token URL --stats URL --profile DIR
--history-size N --bandwidth-mbps 100 --latency-ms 30 [--fling-images 2000]`` prints one
JSON line. With a 5 ms heartbeat throughout: sign-in and the first screen, a few screens of
reading, a jump to the middle (timed against the line's physical bound), End, a burst of
Page Down, a fling through ``--fling-images`` images (bytes wasted on images never seen),
and a generation of 4 images.
"""

from __future__ import annotations

import argparse
import asyncio
import threading
import time
from typing import Any

from benchmarks.gui_run import Scenario, main, progress, wait_for
from benchmarks.server import stats_counts


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks.photo_run")
    for name in ("--api", "--token", "--stats", "--profile"):
        p.add_argument(name, required=True)
    p.add_argument("--history-size", type=int, required=True)
    p.add_argument("--bandwidth-mbps", type=float, required=True)
    p.add_argument("--latency-ms", type=float, required=True)
    p.add_argument("--fling-images", type=int, default=2000)
    p.add_argument("--read-screens", type=int, default=5)
    p.add_argument("--width", type=int, default=1600)
    p.add_argument("--height", type=int, default=1000)
    p.add_argument("--trace-stalls", action="store_true")
    args = p.parse_args(argv)
    args.cached, args.dwell_ms = False, 0.0  # what the base scenario reads
    return args


class PhotoScenario(Scenario):
    """The base scenario's helpers, driven through the real-line steps."""

    def __init__(self, args: argparse.Namespace, components: Any) -> None:
        super().__init__(args, components)
        self.line_bytes_per_s = args.bandwidth_mbps * 1_000_000 / 8
        self.rtt_s = args.latency_ms / 1000
        self.sizes: dict[str, int] = {}  # image id -> bytes downloaded whole
        self.fresh: set[str] = set()  # downloaded, not yet shown (disk-cache hits are not)
        self._sizes_lock = threading.Lock()
        loader = self.window.loader
        fetch = loader._fetch

        def measured(item: Any, cancelled: Any = None) -> Any:
            data = fetch(item, cancelled)
            with self._sizes_lock:
                self.sizes[item.image_id] = len(data.content)
                self.fresh.add(item.image_id)
            return data

        loader._fetch, loader._fetch_cancellable = measured, True
        self.useful_bytes = 0  # bytes of images that were on screen when they arrived
        loader.thumbnailReady.connect(self._arrived)

    def _visible_ids(self) -> set[str]:
        shown = self.view.model()
        return {item.image_id for r in self.visible_rows() if (item := shown.item_at(r))}

    def _arrived(self, image_id: str, _image: object) -> None:
        with self._sizes_lock:
            downloaded = image_id in self.fresh
            self.fresh.discard(image_id)
        if downloaded and image_id in self._visible_ids():
            self.useful_bytes += self.sizes.get(image_id, 0)

    def bytes_sent(self) -> int:
        return int(stats_counts(self.args.stats).get("bytes_sent", 0))

    def bound_s(self) -> float:
        """The line's physical bound for the visible screen: its bytes ÷ bandwidth + a round
        trip (every visible image was downloaded, so its size is known)."""
        ids = self._visible_ids()
        with self._sizes_lock:
            total = sum(self.sizes.get(i, 0) for i in ids)
        return total / self.line_bytes_per_s + self.rtt_s

    async def first_screen(self) -> None:
        self.heartbeat.phase = "sign-in"
        self.c.session.spawn(self.c.flow.start(demo=False))
        await wait_for(lambda: self.first_rows_at is not None, 60, "the history answer")
        self.heartbeat.phase = "first screen"
        done = await wait_for(self.screen_complete, 60, "the first screen")
        assert self.first_rows_at is not None
        self.result["photo_first_screen_s"] = round(done - self.first_rows_at, 3)
        self.result["photo_first_screen_bound_s"] = round(self.bound_s(), 3)
        self.result["photo_visible_thumbs"] = len(self.visible_rows())

    async def read(self, screens: int) -> None:
        """Page down a screen at a time, waiting for each to fill, as a designer reads."""
        self.heartbeat.phase = "reading"
        bar = self.view.verticalScrollBar()
        for _ in range(screens):
            bar.setValue(bar.value() + self.view.viewport().height())
            await wait_for(self.screen_complete, 60, "a read screen")
            await asyncio.sleep(0.2)

    async def jump_to_middle(self) -> None:
        self.heartbeat.phase = "jump"
        bar = self.view.verticalScrollBar()
        started = time.perf_counter()
        bar.setValue(bar.maximum() // 2)
        done = await wait_for(self.screen_complete, 60, "the middle screen")
        took, bound = done - started, self.bound_s()
        self.result["jump_fill_s"] = round(took, 3)
        self.result["jump_bound_s"] = round(bound, 3)
        self.result["jump_fill_ratio"] = round(took / bound, 3)

    async def keys(self) -> None:
        """End, then a burst of five Page Downs from the top, each screen left to fill."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        self.heartbeat.phase = "End"
        self.view.setFocus()
        QTest.keyClick(self.view, Qt.Key.Key_End)
        await wait_for(self.screen_complete, 60, "the last screen")
        self.heartbeat.phase = "Page Down burst"
        self.view.scrollToTop()
        await wait_for(self.screen_complete, 60, "the top screen")
        for _ in range(5):
            QTest.keyClick(self.view, Qt.Key.Key_PageDown)
            await asyncio.sleep(0.03)
        await wait_for(self.screen_complete, 60, "the screen after the burst")

    async def fling(self, images: int) -> None:
        """Through ``images`` images a screen per frame (16 ms), until the screen is full."""
        self.heartbeat.phase = "fling"
        bar = self.view.verticalScrollBar()
        per_screen = max(1, len(self.visible_rows()))
        screens = max(1, images // per_screen)
        await self.settle(60)  # the previous screen's margin finishes first
        sent_before, useful_before = self.bytes_sent(), self.useful_bytes
        # from a twentieth of the way down: a stretch no earlier step has loaded
        start = min(
            bar.maximum() // 20, max(0, bar.maximum() - screens * self.view.viewport().height())
        )
        bar.setValue(start)
        for _ in range(screens):
            bar.setValue(bar.value() + self.view.viewport().height())
            await asyncio.sleep(0.016)
        await wait_for(self.screen_complete, 60, "the screen after the fling")
        sent = self.bytes_sent() - sent_before
        useful = self.useful_bytes - useful_before
        self.result["fling_screens"] = screens
        self.result["fling_mb_sent"] = round(sent / 1e6, 2)
        self.result["fling_mb_useful"] = round(useful / 1e6, 2)
        self.result["wasted_download_share"] = round(max(0, sent - useful) / max(1, sent), 3)

    async def run(self) -> dict[str, Any]:
        painted: list[bool] = []
        from desktop.ui.shell.first_paint import after_first_paint

        after_first_paint(self.window, lambda: painted.append(True), fallback_ms=-1)
        await wait_for(lambda: painted, 30, "the first paint")
        await asyncio.sleep(0.05)
        self.heartbeat.start()
        await self.first_screen()
        progress(f"first screen {self.result['photo_first_screen_s']} s")
        await self.load_all()
        await self.read(self.args.read_screens)
        await self.jump_to_middle()
        progress(f"jump {self.result['jump_fill_s']} s, bound {self.result['jump_bound_s']} s")
        await self.keys()
        await self.fling(self.args.fling_images)
        progress(
            f"fling: {self.result['fling_mb_sent']} MB, "
            f"wasted {self.result['wasted_download_share']}"
        )
        self.view.scrollToTop()
        await self.generate()
        self.heartbeat.stop()
        summary = self.heartbeat.summary()
        self.result["photo_stall_max_ms"] = summary["stall_max_ms"]
        self.result["photo_stall_p99_ms"] = summary["stall_p99_ms"]
        self.result["photo_beats"] = summary.get("beats")
        self.result["photo_worst_gap_phase"] = self.heartbeat.worst_at
        self.result["photo_phases"] = self.heartbeat.phase_summary()
        return self.result


if __name__ == "__main__":
    main(scenario_class=PhotoScenario, parse=parse_args)
