"""One launch of the real app, offscreen, driven through the issue's scenario and measured.

``python -m benchmarks.gui_run --api URL --token URL --stats URL --profile DIR [--cached]``
prints one JSON line. Full scenario: sign in, load the history, first screen of thumbnails,
scroll the whole grid top to bottom twice, generate 4 images, switch workspaces and back,
with a 5 ms heartbeat on the GUI thread the whole time. ``--cached`` is the second launch:
sign in and show the first screen (from the disk cache), nothing else.
"""

from __future__ import annotations

import argparse
import asyncio
import faulthandler
import json
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

from benchmarks.measure import GcPauses, Heartbeat, rss_mb
from benchmarks.server import stats_counts


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks.gui_run")
    p.add_argument("--api", required=True)
    p.add_argument("--token", required=True)
    p.add_argument("--stats", required=True)
    p.add_argument("--profile", required=True)
    p.add_argument("--history-size", type=int, required=True)
    p.add_argument("--dwell-ms", type=float, default=60, help="pause per scrolled screen")
    p.add_argument("--cached", action="store_true", help="second launch: first screen only")
    p.add_argument("--width", type=int, default=1600)
    p.add_argument("--height", type=int, default=1000)
    p.add_argument("--trace-stalls", action="store_true", help="print what stalled (stderr)")
    return p.parse_args(argv)


async def wait_for(predicate: Callable[[], object], timeout: float, what: str) -> float:
    """Poll ``predicate`` every 10 ms; the monotonic time it first held."""
    deadline = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(0.01)
    return time.perf_counter()


def progress(text: str) -> None:
    """Where the run is (stderr), so a slow or stuck phase is visible."""
    print(f"[gui_run {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


class Scenario:
    """The measured run; every step updates ``heartbeat.phase`` so the worst gap is located."""

    def __init__(self, args: argparse.Namespace, components: Any) -> None:
        self.args = args
        self.c = components
        self.window = components.window
        self.view = self.window.history_view
        self.model = self.window.history_model
        self.heartbeat = Heartbeat()
        self.gc_pauses = GcPauses()
        self.gc_pauses.install()
        self.result: dict[str, Any] = {}
        self.first_rows_at: float | None = None
        self.model.modelReset.connect(self._rows_arrived)
        self.model.rowsInserted.connect(self._rows_arrived)

    def _rows_arrived(self, *_args: object) -> None:
        if self.first_rows_at is None and self.model.rowCount() > 0:
            self.first_rows_at = time.perf_counter()

    def visible_rows(self) -> list[int]:
        """Rows whose cell intersects the viewport (what a designer actually sees)."""
        first, last = self.view.visible_rows()
        area = self.view.viewport().rect()
        shown = self.view.model()  # the grid's proxy (filter and grouping)
        return [
            r
            for r in range(first, last + 1)
            if self.view.visualRect(shown.index(r, 0)).intersects(area)
        ]

    def screen_complete(self) -> bool:
        rows = self.visible_rows()
        shown = self.view.model()
        items = [item for r in rows if (item := shown.item_at(r)) is not None]
        return bool(items) and all(self.model.has_thumbnail(item.image_id) for item in items)

    async def settle(self, timeout: float = 30) -> None:
        """Until the loader has nothing queued or running for 200 ms."""
        quiet_since = None
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            busy = (
                self.window.loader.pending_count()
                or self.view.thumbnail_requests.request_timer.isActive()
            )
            now = time.perf_counter()
            if busy:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = now
            elif now - quiet_since > 0.2:
                return
            await asyncio.sleep(0.01)

    async def sign_in_first_screen(self) -> None:
        hb = self.heartbeat
        hb.phase = "sign-in"
        before = stats_counts(self.args.stats)["image"]
        self.c.session.spawn(self.c.flow.start(demo=False))
        await wait_for(lambda: self.first_rows_at is not None, 60, "the history answer")
        hb.phase = "first screen"
        progress(f"history answer: {self.model.rowCount()} rows")
        done = await wait_for(self.screen_complete, 30, "the first screen of thumbnails")
        assert self.first_rows_at is not None
        self.result["first_screen_s"] = round(done - self.first_rows_at, 3)
        self.result["visible_thumbs"] = len(self.visible_rows())
        await self.settle()
        self.result["thumbs_requested"] = stats_counts(self.args.stats)["image"] - before

    async def load_all(self) -> None:
        self.heartbeat.phase = "history load"
        size = self.args.history_size
        done = await wait_for(lambda: self.model.rowCount() >= size, 120, "the whole history")
        assert self.first_rows_at is not None
        self.result["history_all_s"] = round(done - self.first_rows_at, 3)

    async def scroll_pass(self, label: str) -> None:
        """Top to bottom, one screen per step, pausing ``dwell`` per step like a fast reader."""
        self.heartbeat.phase = f"scroll {label}"
        progress(f"scroll {label}: {self.model.rowCount()} rows")
        bar = self.view.verticalScrollBar()
        bar.setValue(0)
        step = max(1, self.view.viewport().height())
        loaded_before = stats_counts(self.args.stats)["image"]
        steps = 0
        value = 0
        while value < bar.maximum() and steps < 100_000:
            value = min(bar.maximum(), value + step)
            bar.setValue(value)
            steps += 1
            if steps % 100 == 0:
                progress(f"  step {steps}: {value}/{bar.maximum()}")
            await asyncio.sleep(self.args.dwell_ms / 1000)
        progress(f"  scrolled {steps} steps; settling")
        await self.settle()
        self.result[f"scroll_steps_{label}"] = steps
        loaded = stats_counts(self.args.stats)["image"] - loaded_before
        self.result[f"thumbs_loaded_{label}"] = loaded
        self.result[f"pixmaps_{label}"] = self.model.pixmap_count()

    async def generate(self) -> None:
        self.heartbeat.phase = "generate"
        progress("generate")
        panel = self.window.generate_panel
        await wait_for(lambda: panel.model_combo.count() > 0, 30, "the models")
        rows = self.model.rowCount()
        panel.prompt_edit.setPlainText("A glass house in a pine forest")
        panel.num_images_spin.setValue(4)
        panel.generate_button.click()
        await wait_for(lambda: self.model.rowCount() >= rows + 4, 60, "4 new images")
        await wait_for(
            lambda: self.model.has_thumbnail(self.model.item(0).image_id), 30, "the new thumbnail"
        )

    async def switch_workspaces(self) -> None:
        size = self.args.history_size
        home = self.c.session.workspace_id
        other = next(w.id for w in self.c.session.workspaces if w.id != home)
        for n, workspace in enumerate((other, home)):
            self.heartbeat.phase = "switch " + ("away" if n == 0 else "back")
            progress(self.heartbeat.phase)
            self.window.choose_workspace(workspace)
            await wait_for(lambda w=workspace: self.c.session.workspace_id == w, 10, "switch")
            await wait_for(lambda: self.model.rowCount() >= size, 120, "the other history")
            await wait_for(self.screen_complete, 30, "the other first screen")

    async def run(self) -> dict[str, Any]:
        painted: list[bool] = []
        from desktop.ui.shell.first_paint import after_first_paint

        after_first_paint(self.window, lambda: painted.append(True), fallback_ms=-1)
        await wait_for(lambda: painted, 30, "the first paint")
        await asyncio.sleep(0.05)  # let the first frame's follow-up events drain
        self.heartbeat.start()  # from here on, as in the app: sign-in starts after first paint
        await self.sign_in_first_screen()
        if self.args.cached:
            self.heartbeat.stop()
            return self.result
        await self.load_all()
        await self.scroll_pass("first")
        self.result["rss_mb"] = round(rss_mb(), 1)
        await self.scroll_pass("second")
        self.result["rss_second_pass_mb"] = round(rss_mb(), 1)
        self.view.scrollToTop()
        await self.generate()
        await self.switch_workspaces()
        self.heartbeat.stop()
        self.result.update(self.heartbeat.summary())
        self.result["worst_gap_phase"] = self.heartbeat.worst_at
        self.result["phases"] = self.heartbeat.phase_summary()
        self.result["gc_longest_ms_by_generation"] = self.gc_pauses.summary()
        return self.result


def main(
    argv: list[str] | None = None,
    scenario_class: type[Scenario] | None = None,
    parse: Callable[[list[str] | None], argparse.Namespace] = parse_args,
) -> None:
    """Run one scenario (this module's, or another benchmark's subclass) and print its JSON."""
    args = parse(argv)
    if hasattr(faulthandler, "register"):  # kill -USR1 <pid> prints every thread's stack
        faulthandler.register(signal.SIGUSR1)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["NEUROFLASH_CLIENT_ID"] = "demo-client-id"
    os.environ["NEUROFLASH_CLIENT_SECRET"] = "demo-client-secret"
    from desktop.ui.shell.app import create_application

    app = create_application(["neuroflash-benchmark"])
    import qasync

    from desktop.ui.shell.app import Components

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    components = Components(
        argparse.Namespace(demo=False, api_url=args.api, token_url=args.token, profile=args.profile)
    )
    window = components.window
    window.resize(args.width, args.height)
    window.show()
    scenario = (scenario_class or Scenario)(args, components)
    run_and_report(loop, scenario, components, args.trace_stalls)


def run_and_report(loop: Any, scenario: Any, components: Any, trace_stalls: bool) -> None:
    """Run ``scenario`` (with the stall tracer when asked), close the app, print the JSON
    line and leave at once: worker threads may still wait on the network, nothing is left
    to save."""
    tracer = None
    if trace_stalls:
        from benchmarks.stall_trace import StallTracer

        tracer = StallTracer(scenario.heartbeat)
        tracer.start()
    try:
        result = loop.run_until_complete(scenario.run())
    finally:
        if tracer is not None:
            tracer.stop()
            tracer.report()
        components.close()
        components.logging.close()
    print(json.dumps(result), flush=True)
    os._exit(0)


if __name__ == "__main__":
    main()
