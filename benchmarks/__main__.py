"""``python -m benchmarks [--quick]``: every figure of the performance issue, one table.

Each part starts the built-in server in its own process with the latency and history size
it needs, drives the real app (offscreen) or the client, and compares against a baseline
measured in the same run. The last line printed is one JSON object with every figure.
``--quick`` shrinks every part (CI smoke test, no thresholds); the full run is by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import Any

from benchmarks import api_overhead, startup
from benchmarks.server import start

FIGURES = (
    "stall_max_ms",
    "stall_p99_ms",
    "first_screen_s",
    "thumbs_requested",
    "rss_mb",
    "rss_second_pass_mb",
    "thumbs_speedup",
    "cached_image_requests",
    "startup_ratio",
    "api_overhead_ratio",
    "photo_stall_max_ms",
    "photo_stall_p99_ms",
    "jump_fill_ratio",
    "wasted_download_share",
    "photo_first_screen_s",
    "catalog_first_screen_100k_s",
    "catalog_search_p99_ms",
    "catalog_stall_max_ms",
    "catalog_stall_p99_ms",
    "catalog_rss_mb",
    "sync_requests_unchanged",
)
CATALOG_IMAGES = {False: 100_000, True: 5_000}  # full, quick


@dataclass(frozen=True)
class Plan:
    history_size: int
    gui_latency_ms: float
    dwell_ms: float
    thumbs: int
    thumbs_latency_ms: float
    startup_rounds: int
    api_rounds: int
    photo_history: int = 10_000  # the real line: photos, 100 Mbit/s, 30 ms
    fling_images: int = 2000
    read_screens: int = 5


FULL = Plan(10_000, 30, 60, 200, 50, 7, 60)
QUICK = Plan(600, 30, 5, 40, 50, 1, 5, photo_history=600, fling_images=200, read_screens=1)
LINE_MBPS, LINE_LATENCY_MS = 100, 30


def _child(module: str, *args: str, timeout: float) -> dict[str, Any]:
    """Run ``python -m module args`` and return its last stdout line as JSON."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = subprocess.run(
        [sys.executable, "-m", module, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
    lines = out.stdout.strip().splitlines()
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"{module} failed ({out.returncode}): {out.stderr[-3000:]}")
    return json.loads(lines[-1])


def gui_part(plan: Plan, log: Any) -> dict[str, Any]:
    """The scenario launch, then a second launch on the same profile (disk cache)."""
    server = start(plan.gui_latency_ms, plan.history_size)
    profile = tempfile.mkdtemp(prefix="nf-bench-profile-")
    common = [
        "--api",
        server.api_url,
        "--token",
        server.token_url,
        "--stats",
        server.stats_url,
        "--profile",
        profile,
        "--history-size",
        str(plan.history_size),
    ]
    try:
        log(f"GUI scenario: {plan.history_size} images, {plan.gui_latency_ms:.0f} ms latency")
        first = _child(
            "benchmarks.gui_run", *common, "--dwell-ms", str(plan.dwell_ms), timeout=1800
        )
        log("second launch (disk cache)")
        second = _child("benchmarks.gui_run", *common, "--cached", timeout=300)
    finally:
        server.stop()
    first["cached_image_requests"] = second["thumbs_requested"]
    first["cached_first_screen_s"] = second["first_screen_s"]
    return first


def photo_part(plan: Plan, log: Any) -> dict[str, Any]:
    """The app on a real line: photographic images through a shared 100 Mbit/s link."""
    log(
        f"real line: {plan.photo_history} photographic images, {LINE_MBPS} Mbit/s, "
        f"{LINE_LATENCY_MS} ms latency"
    )
    server = start(
        LINE_LATENCY_MS, plan.photo_history, "--photo-images", "--bandwidth-mbps", str(LINE_MBPS)
    )
    profile = tempfile.mkdtemp(prefix="nf-bench-photo-")
    try:
        return _child(
            "benchmarks.photo_run",
            "--api",
            server.api_url,
            "--token",
            server.token_url,
            "--stats",
            server.stats_url,
            "--profile",
            profile,
            "--history-size",
            str(plan.photo_history),
            "--bandwidth-mbps",
            str(LINE_MBPS),
            "--latency-ms",
            str(LINE_LATENCY_MS),
            "--fling-images",
            str(plan.fling_images),
            "--read-screens",
            str(plan.read_screens),
            timeout=900,
        )
    finally:
        server.stop()


def thumbs_part(plan: Plan, log: Any) -> dict[str, Any]:
    log(f"thumbnail pipeline: {plan.thumbs} images, {plan.thumbs_latency_ms:.0f} ms latency")
    server = start(plan.thumbs_latency_ms, max(plan.thumbs, 24))
    try:
        return _child(
            "benchmarks.thumbs",
            "--api",
            server.api_url,
            "--token",
            server.token_url,
            "--count",
            str(plan.thumbs),
            timeout=900,
        )
    finally:
        server.stop()


def api_part(plan: Plan, log: Any) -> dict[str, Any]:
    log("API overhead: generate round trips at zero latency")
    server = start(0, 24)
    try:
        return api_overhead.measure(server.api_url, server.token_url, plan.api_rounds)
    finally:
        server.stop()


def catalog_part(quick: bool, log: Any) -> dict[str, Any]:
    """The SQLite catalogue (issue 15) at 100,000 images: at the store level (search p99, the
    requests of a sync when nothing changed) and in the real window (``catalog_gui``: an
    offline start to a full first screen, the heartbeat while typing a search and scrolling,
    the app's RSS)."""
    images = CATALOG_IMAGES[quick]
    log(f"catalogue: {images} images, store level")
    r = _child("benchmarks.catalog", "--images", str(images), timeout=1800)
    log(f"catalogue: {images} images in the real window, offline start")
    gui = _child(
        "benchmarks.catalog_gui",
        "--images",
        str(images),
        *(["--quick"] if quick else []),
        timeout=1800,
    )
    return {
        "catalog_first_screen_100k_s": gui["catalog_first_screen_100k_s"],
        "catalog_search_p99_ms": r["catalog_search_p99_ms"],
        "catalog_stall_max_ms": gui["catalog_stall_max_ms"],
        "catalog_stall_p99_ms": gui["catalog_stall_p99_ms"],
        "catalog_rss_mb": gui["catalog_rss_mb"],
        "sync_requests_unchanged": r["sync_requests_unchanged"],
        "catalog_images": images,
        "catalog_store_first_screen_s": r["catalog_open_first_screen_s"],
        "catalog_worst_gap_phase": gui["catalog_worst_gap_phase"],
        "catalog_panels_painted_s": gui["catalog_panels_painted_s"],
    }


Row = tuple[str, Any, str, bool, str]


def at_most(r: dict[str, Any], key: str, limit: str, context: str = "") -> Row:
    """A figure whose target is an upper bound (``limit`` as printed, e.g. "1.10")."""
    return (key, r[key], f"<= {limit}", r[key] <= float(limit), context)


def catalog_rows(r: dict[str, Any]) -> list[Row]:
    n = r["catalog_images"]
    return [
        at_most(
            r,
            "catalog_first_screen_100k_s",
            "1.0",
            f"offline start, {n} images (panels painted at {r['catalog_panels_painted_s']} s;"
            f" store alone {r['catalog_store_first_screen_s']} s)",
        ),
        at_most(r, "catalog_search_p99_ms", "16", f"text + every filter, {n} images (store level)"),
        at_most(
            r,
            "catalog_stall_max_ms",
            "50",
            f"typing, chips, scrolling {n} images; worst during {r['catalog_worst_gap_phase']}",
        ),
        at_most(r, "catalog_stall_p99_ms", "16"),
        at_most(r, "catalog_rss_mb", "400", "the app after the scroll"),
        at_most(
            r, "sync_requests_unchanged", "3", "history pages a sync asks when nothing changed"
        ),
    ]


def table(r: dict[str, Any]) -> list[str]:
    """Figure, value, target, verdict; the baselines and context in the last column."""
    flat_limit = r["rss_mb"] * 1.10 + 10
    rows = [
        at_most(
            r, "stall_max_ms", "50", f"{r['beats']} beats; worst during {r['worst_gap_phase']}"
        ),
        at_most(r, "stall_p99_ms", "16"),
        at_most(r, "first_screen_s", "1.0", f"{r['visible_thumbs']} visible thumbnails"),
        (
            "thumbs_requested",
            r["thumbs_requested"],
            "visible + margin",
            True,
            f"{r['visible_thumbs']} visible",
        ),
        at_most(
            r,
            "rss_mb",
            "400",
            f"{r.get('thumbs_loaded_first', 0)} thumbnails loaded while scrolling",
        ),
        (
            "rss_second_pass_mb",
            r["rss_second_pass_mb"],
            "flat",
            r["rss_second_pass_mb"] <= flat_limit,
            f"{r.get('thumbs_loaded_second', 0)} loaded on the second pass",
        ),
        (
            "thumbs_speedup",
            r["thumbs_speedup"],
            ">= 6",
            r["thumbs_speedup"] >= 6,
            f"guide {r['thumbs_guide_s']} s, app {r['thumbs_app_s']} s",
        ),
        (
            "cached_image_requests",
            r["cached_image_requests"],
            "0",
            r["cached_image_requests"] == 0,
            f"first screen in {r['cached_first_screen_s']} s",
        ),
        at_most(
            r,
            "startup_ratio",
            "1.5",
            f"app {r['startup_app_s']} s, bare window {r['startup_bare_s']} s",
        ),
        at_most(
            r,
            "api_overhead_ratio",
            "1.10",
            f"client {r['api_client_ms']} ms, guide {r['api_guide_ms']} ms",
        ),
        at_most(
            r, "photo_stall_max_ms", "50", f"real line; worst during {r['photo_worst_gap_phase']}"
        ),
        at_most(r, "photo_stall_p99_ms", "16"),
        at_most(
            r, "jump_fill_ratio", "1.3", f"{r['jump_fill_s']} s vs bound {r['jump_bound_s']} s"
        ),
        at_most(
            r,
            "wasted_download_share",
            "0.15",
            f"{r['fling_mb_sent']} MB sent over a {r['fling_screens']}-screen fling",
        ),
        (
            "photo_first_screen_s",
            r["photo_first_screen_s"],
            "near its bound",
            r["photo_first_screen_s"] <= 1.3 * r["photo_first_screen_bound_s"] + 0.3,
            f"bound {r['photo_first_screen_bound_s']} s ({r['photo_visible_thumbs']} visible)",
        ),
    ]
    if "catalog_images" in r:
        rows += catalog_rows(r)
    lines = ["| figure | value | target | met | context |", "|---|---|---|---|---|"]
    lines += [
        f"| {name} | {value} | {target} | {'yes' if ok else 'NO'} | {context} |"
        for name, value, target, ok, context in rows
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    p.add_argument("--quick", action="store_true", help="small CI smoke run, no thresholds")
    args = p.parse_args(argv)
    plan = QUICK if args.quick else FULL
    began = time.perf_counter()

    def log(text: str) -> None:
        print(f"[{time.perf_counter() - began:6.1f} s] {text}", flush=True)

    results: dict[str, Any] = {}
    results.update(gui_part(plan, log))
    results.update(photo_part(plan, log))
    results.update(thumbs_part(plan, log))
    log("start-up: app vs bare PySide6 window")
    results.update(startup.measure(plan.startup_rounds))
    results.update(api_part(plan, log))
    results.update(catalog_part(args.quick, log))
    log(
        f"done; {platform.platform()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, {'quick' if args.quick else 'full'} mode"
    )
    for line in table(results):
        print(line)
    print(json.dumps({key: results[key] for key in FIGURES}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
