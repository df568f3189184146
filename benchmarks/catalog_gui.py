"""``python -m benchmarks.catalog_gui [--images N]``: the real app over a 100,000-image catalogue.

Judges the catalogue where the designer feels it: in the window, started OFFLINE.

Setup (this process): a fresh profile whose catalogue already holds N images of one
workspace, filled through the store API (``benchmarks.catalog.history``: prompts of eight words
from a 240-word vocabulary, three models, five ratios with sizes to match, three formats,
edits, favourites, ratings, a collection), and the originals of the newest 200 images in the
app's disk cache. Then two launches of the real app, each a fresh process on that profile,
with the API pointing at a loopback port nobody listens on (connection refused: the app is
offline at once and shows the catalogue; an API that hangs instead would delay it by the
sign-in timeout, see docs/catalog.md):

1. an unmeasured "earlier session": start, first screen (its thumbnails are made from the
   cached originals and written to the thumbnail cache, as a real earlier session leaves
   them), quit;
2. the measured launch, with the 5 ms GUI heartbeat from the first paint:
   * ``catalog_first_screen_100k_s``: process spawn -> every visible cell has its thumbnail
     (interpreter start, imports, catalogue open, the offline sign-in attempt included);
   * then the whole history in the grid, a search typed letter by letter without chips
     ("robot neon"), cleared, a chip (one model) plus typed words ("fox lake"), cleared, and a
     scroll through the whole grid (evenly spaced jumps, then screen by screen);
   * ``catalog_stall_max_ms`` / ``catalog_stall_p99_ms``: the heartbeat's gaps over all of it;
   * ``catalog_rss_mb``: the app process's resident memory after the scroll.

The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from benchmarks.gui_run import progress, run_and_report, wait_for
from benchmarks.measure import GcPauses, Heartbeat, rss_mb

WORKSPACE = "ws-catalog"
CACHED_ORIGINALS = 200
SIZES = {"1:1": (1024, 1024), "16:9": (1344, 768), "9:16": (768, 1344), "4:3": (1152, 896)}
SIZES["3:4"] = (896, 1152)
SEARCH = "robot neon"
CHIP_SEARCH = "fox lake"
CHIP_MODEL = "flux-pro"
KEY_MS = 110  # between keystrokes: a fast typist


# -- setup ---------------------------------------------------------------------------------------


def fill_profile(profile: Path, images: int) -> dict[str, float]:
    """The catalogue of ``images`` images and the newest originals in the disk cache."""
    from benchmarks.catalog import build, history
    from desktop.api import Workspace
    from desktop.services.catalog import CatalogStore
    from desktop.services.disk_cache import DiskCache
    from desktop.services.paths import AppPaths

    paths = AppPaths(profile)
    began = time.perf_counter()
    items = [
        replace(item, width=w, height=h)
        for item in history(images)
        for w, h in [SIZES[item.aspect_ratio or "1:1"]]
    ]
    with CatalogStore.in_folder(paths.data_dir) as store:
        store.save_workspaces([Workspace(WORKSPACE, "Studio")])
        build(store, WORKSPACE, items)
        store.flush()
    build_s = time.perf_counter() - began
    originals = DiskCache(paths.originals_dir, 2 * 1024**3)
    for n, item in enumerate(items[:CACHED_ORIGINALS]):
        image = _jpeg(n, item.width or 1024, item.height or 1024)
        originals.put(f"{WORKSPACE}/{item.image_id}", image)
    return {"catalog_gui_build_s": round(build_s, 2)}


def _jpeg(n: int, width: int, height: int) -> bytes:
    """A smooth, distinct image of the item's size (decoding cost like a real original's)."""
    import io

    from PIL import Image

    image = Image.linear_gradient("L").resize((width, height))
    tint = Image.new("RGB", (width, height), ((n * 53) % 256, (n * 97) % 256, (n * 31) % 256))
    out = io.BytesIO()
    Image.merge("RGB", (image, tint.getchannel(1), tint.getchannel(2))).save(
        out, "JPEG", quality=85
    )
    return out.getvalue()


def refused_url() -> str:
    """A loopback port with nobody listening: every connection is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def launch(
    profile: Path, images: int, api: str, quick: bool, warm: bool, trace: bool
) -> dict[str, Any]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["NEUROFLASH_BENCH_SPAWNED_AT"] = repr(time.time())
    args = [sys.executable, "-m", "benchmarks.catalog_gui", "--launch", "--profile", str(profile)]
    args += ["--images", str(images)]
    args += ["--api", api] + (["--quick"] if quick else []) + (["--warm"] if warm else [])
    args += ["--trace-stalls"] if trace else []
    out = subprocess.run(args, capture_output=True, text=True, timeout=900, env=env)
    if trace:
        sys.stderr.write(out.stderr)
    lines = out.stdout.strip().splitlines()
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"catalog_gui launch failed ({out.returncode}): {out.stderr[-3000:]}")
    return json.loads(lines[-1])


# -- the measured launch -------------------------------------------------------------------------


class CatalogScenario:
    def __init__(self, args: argparse.Namespace, components: Any, spawned_at: float) -> None:
        self.args = args
        self.c = components
        self.window = components.window
        self.view = self.window.history_view
        self.model = self.window.history_model
        self.proxy = self.window.history_proxy
        self.spawned_at = spawned_at
        self.heartbeat = Heartbeat()
        self.gc_pauses = GcPauses()
        self.gc_pauses.install()
        self.result: dict[str, Any] = {}

    def visible_rows(self) -> list[int]:
        first, last = self.view.visible_rows()
        area = self.view.viewport().rect()
        shown = self.view.model()
        return [
            r
            for r in range(first, last + 1)
            if self.view.visualRect(shown.index(r, 0)).intersects(area)
        ]

    def screen_complete(self) -> bool:
        shown = self.view.model()
        items = [item for r in self.visible_rows() if (item := shown.item_at(r)) is not None]
        return bool(items) and all(self.model.has_thumbnail(item.image_id) for item in items)

    async def type_text(self, text: str) -> None:
        edit = self.window.history_toolbar.filter_edit
        for n in range(1, len(text) + 1):
            edit.setText(text[:n])  # what a key press does to the field
            await asyncio.sleep(KEY_MS / 1000)

    async def found(self, expected: int | None, what: str) -> float:
        """Until the grid shows ``expected`` images (None: fewer than all), then 0.3 s more."""
        total = self.model.rowCount()

        def shown() -> bool:
            n = self.proxy.image_count()
            return n == expected if expected is not None else n < total

        done = await wait_for(shown, 30, what)
        await asyncio.sleep(0.3)
        return done

    async def run(self) -> dict[str, Any]:
        from desktop.ui.shell.first_paint import after_first_paint

        painted: list[bool] = []
        after_first_paint(self.window, lambda: painted.append(True), fallback_ms=-1)
        await wait_for(lambda: painted, 30, "the first paint")
        self.result["catalog_panels_painted_s"] = round(time.time() - self.spawned_at, 3)
        hb = self.heartbeat
        hb.start()
        hb.phase = "offline start"
        self.c.session.spawn(self.c.flow.start(demo=False))
        marks: dict[str, float] = {}
        checks = {
            "store": lambda: self.c.session.catalog.store_now() is not None,
            "workspaces": lambda: bool(self.c.session.workspaces),
            "workspace": lambda: self.c.session.workspace_id is not None,
        }

        def rows_or_mark() -> bool:
            for name, check in checks.items():
                if name not in marks and check():
                    marks[name] = round(time.time() - self.spawned_at, 3)
            return self.model.rowCount() > 0

        await wait_for(rows_or_mark, 60, "the saved history")
        self.result["catalog_start_marks_s"] = marks
        rows_at = time.time()
        hb.phase = "first screen"
        await wait_for(self.screen_complete, 60, "the first screen of thumbnails")
        self.result["catalog_first_screen_100k_s"] = round(time.time() - self.spawned_at, 3)
        self.result["catalog_first_rows_s"] = round(rows_at - self.spawned_at, 3)
        self.result["catalog_offline"] = bool(self.c.session.offline)
        if self.args.warm:
            await asyncio.sleep(0.5)  # the thumbnail cache writes finish
            hb.stop()
            return self.result
        hb.phase = "history load"
        await wait_for(lambda: self.model.rowCount() >= self.args.images, 120, "the whole history")
        self.result["catalog_all_rows_s"] = round(time.time() - self.spawned_at, 3)
        await asyncio.sleep(0.5)  # warm-up slices, chip counts: part of a normal start
        total = self.model.rowCount()
        progress(f"{total} rows; typing")
        self.view.setFocus()

        hb.phase = "type search"
        await self.type_text(SEARCH)
        last_key = time.perf_counter() - KEY_MS / 1000
        done = await self.found(None, "the search result")
        self.result["catalog_search_after_last_key_s"] = round(done - last_key, 3)
        self.result["catalog_search_images"] = self.proxy.image_count()
        hb.phase = "clear search"
        self.window.history_toolbar.filter_edit.clear()
        await self.found(total, "everything again")

        hb.phase = "chip + type"
        from desktop.ui.history.filter_chips import FilterState

        self.window.filter_chips.set_state(FilterState(models=(CHIP_MODEL,)))
        await self.found(None, "the chip's images")
        await self.type_text(CHIP_SEARCH)
        await wait_for(lambda: self.proxy.image_count() < total // 3 - 100, 30, "chip + words")
        await asyncio.sleep(0.5)
        self.result["catalog_chip_search_images"] = self.proxy.image_count()
        hb.phase = "clear chip"
        self.window.history_toolbar.filter_edit.clear()
        self.window.filter_chips.clear()
        await self.found(total, "everything after the chip")

        hb.phase = "scroll"
        bar = self.view.verticalScrollBar()
        jumps = 20 if self.args.quick else 200
        dwell = 0.005 if self.args.quick else 0.06
        for n in range(1, jumps + 1):
            bar.setValue(bar.maximum() * n // jumps)
            await asyncio.sleep(dwell)
        step = max(1, self.view.viewport().height())
        bar.setValue(bar.maximum() // 2)
        for _ in range(10 if self.args.quick else 60):
            bar.setValue(min(bar.maximum(), bar.value() + step))
            await asyncio.sleep(dwell)
        await asyncio.sleep(0.5)
        self.result["catalog_rss_mb"] = round(rss_mb(), 1)
        hb.stop()
        summary = hb.summary()
        self.result["catalog_stall_max_ms"] = summary["stall_max_ms"]
        self.result["catalog_stall_p99_ms"] = summary["stall_p99_ms"]
        self.result["catalog_beats"] = summary["beats"]
        self.result["catalog_worst_gap_phase"] = hb.worst_at
        self.result["catalog_phases"] = hb.phase_summary()
        self.result["catalog_gc_longest_ms"] = self.gc_pauses.summary()
        return self.result


def run_launch(args: argparse.Namespace) -> None:
    """The app as ``run_app`` starts it: the window frame painted first, then the panels
    built into it, then sign-in once they have painted (the scenario starts it)."""
    spawned_at = float(os.environ.get("NEUROFLASH_BENCH_SPAWNED_AT", time.time()))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["NEUROFLASH_CLIENT_ID"] = "demo-client-id"
    os.environ["NEUROFLASH_CLIENT_SECRET"] = "demo-client-secret"
    from desktop.ui.shell.app import Basics, create_application, paint_now
    from desktop.ui.shell.main_window import MainWindow

    app = create_application(["neuroflash-benchmark"])
    options = argparse.Namespace(
        demo=False,
        api_url=args.api + "/api",
        token_url=args.api + "/oauth/v2/token",
        profile=args.profile,
    )
    basics = Basics.load(options)
    window = MainWindow.shell(basics.settings)
    window.resize(1600, 1000)
    window.show()
    paint_now(window)
    frame_at = time.time()
    import qasync

    from desktop.ui.shell.app import Components

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    components = Components(options, basics, window)
    scenario = CatalogScenario(args, components, spawned_at)
    scenario.result["catalog_frame_painted_s"] = round(frame_at - spawned_at, 3)
    run_and_report(loop, scenario, components, args.trace_stalls)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.catalog_gui", description=__doc__)
    p.add_argument("--images", type=int, default=100_000)
    p.add_argument("--quick", action="store_true", help="shorter scroll (CI smoke run)")
    p.add_argument("--trace-stalls", action="store_true", help="print what stalled (stderr)")
    p.add_argument("--keep", metavar="DIR", help="build the profile here and keep it")
    p.add_argument("--reuse", metavar="DIR", help="a profile --keep built: skip the setup")
    p.add_argument("--launch", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--warm", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--profile", help=argparse.SUPPRESS)
    p.add_argument("--api", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.launch:
        run_launch(args)
        return 0
    result: dict[str, Any] = {"catalog_gui_images": args.images}
    if args.reuse:
        profile = Path(args.reuse)
    else:
        profile = Path(args.keep or tempfile.mkdtemp(prefix="nf-bench-catalog-gui-"))
        progress(f"filling a catalogue of {args.images} images")
        result.update(fill_profile(profile, args.images))
    api = refused_url()
    try:
        progress("earlier session (warms the thumbnail cache)")
        launch(profile, args.images, api, args.quick, warm=True, trace=False)
        progress("measured launch")
        trace = args.trace_stalls
        measured = launch(profile, args.images, api, args.quick, warm=False, trace=trace)
        result.update(measured)
    finally:
        if not (args.keep or args.reuse):
            shutil.rmtree(profile, ignore_errors=True)
    for key, value in result.items():
        print(f"{key}: {value}")
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
