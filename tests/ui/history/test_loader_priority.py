"""On a real line: visible thumbnails download before the margin's, and after a jump the
downloads of images now far away are stopped, not finished."""

from __future__ import annotations

import asyncio
import threading
import time

import PySide6  # noqa: F401  (Qt binding first, then qasync)
import pytest

from desktop.api import ApiSettings, Credentials, HistoryItem, ImageData, NeuroflashClient
from desktop.api.errors import DownloadCancelledError
from desktop.services.disk_cache import DiskCache
from desktop.ui.common import load_pacing
from desktop.ui.common.thumbnail_loader import ThumbnailLoader
from tests.ui.history.test_loader import THUMB, collect, run_until


class Recorder:
    """The real download, recording when each started, finished or was stopped."""

    def __init__(self, client: NeuroflashClient, workspace: str) -> None:
        self.client, self.workspace = client, workspace
        self.lock = threading.Lock()
        self.started: dict[str, float] = {}
        self.finished: dict[str, float] = {}
        self.stopped: set[str] = set()

    def __call__(self, item: HistoryItem, cancelled=None) -> ImageData:
        with self.lock:
            self.started[item.image_id] = time.monotonic()
        try:
            data = self.client.download_image(self.workspace, item.image_url, cancelled)
        except DownloadCancelledError:
            with self.lock:
                self.stopped.add(item.image_id)
            raise
        with self.lock:
            self.finished[item.image_id] = time.monotonic()
        return data


@pytest.fixture
def line(make_line_server, runner, tmp_path):
    """A slow shared line (photo-sized images) and a loader with fresh caches."""
    from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

    server = make_line_server()
    client = NeuroflashClient(
        Credentials(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
        ApiSettings(base_url=server.api_url, token_url=server.token_url),
    )
    workspace = client.workspaces()[0].id
    items = client.history(workspace)
    recorder = Recorder(client, workspace)
    loader = ThumbnailLoader(
        runner,
        recorder,
        DiskCache(tmp_path / "t", 50_000_000),
        DiskCache(tmp_path / "o", 200_000_000),
        workspace,
        thumb_size=THUMB,
        max_concurrent=8,
    )
    yield server, loader, recorder, items
    loader.shutdown()
    client.close()


@pytest.fixture
def make_line_server():
    from desktop.emulator import EmulatorConfig, start_server

    servers = []

    def make():
        server = start_server(
            EmulatorConfig(
                history_size=12, rate_limit_per_minute=0, photo_images=True, bandwidth_mbps=8.0
            )
        )
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()


@pytest.fixture
def runner():
    from desktop.app.background import BackgroundRunner

    r = BackgroundRunner(max_workers=8)
    yield r
    r.shutdown()


def test_visible_images_download_before_the_margin(loop, line):
    _server, loader, recorder, items = line
    ready, failed = collect(loader)
    visible, margin = items[:3], items[3:7]
    loader.request(visible + margin, replace_queue=True, visible=len(visible))
    run_until(loop, lambda: len(ready) == 7, timeout=30)
    assert not failed
    last_visible = max(recorder.finished[i.image_id] for i in visible)
    first_margin = min(recorder.started[i.image_id] for i in margin)
    assert first_margin >= last_visible  # the line was the visible images' alone


def test_a_jump_stops_downloads_far_away_and_loads_the_new_screen(loop, line):
    _server, loader, recorder, items = line
    ready, failed = collect(loader)
    before, after = items[:4], items[6:9]
    loader.request(before, replace_queue=True, visible=len(before))
    run_until(loop, lambda: len(recorder.started) == len(before))
    time.sleep(0.1)  # bytes are flowing for the old screen
    loader.note_scrolled(20_000, 700)  # the jump (End): one long scroll step
    loader.request(after, replace_queue=True, visible=len(after))
    run_until(loop, lambda: all(i.image_id in ready for i in after), timeout=30)
    assert not failed
    far = {i.image_id for i in before}
    assert recorder.stopped == far  # every old download stopped mid-way ...
    assert not far & set(ready)  # ... and none of them was finished and shown
    assert set(recorder.finished) == {i.image_id for i in after}


def test_a_fling_downloads_nothing_until_it_rests(loop, line, monkeypatch):
    """On a slow line, screens flying past at a screen per 50 ms download nothing (each image
    would be stale before it arrived); once the grid rests, the screen it stopped on loads."""
    _server, loader, recorder, items = line
    # A loaded CI machine can take longer than the 100 ms hold between two steps of this
    # loop, which the app would rightly read as a rest: widen the windows, not the behaviour.
    monkeypatch.setattr(load_pacing, "FLING_WINDOW_S", 1.0)
    loader.pacing.fling.setInterval(1000)
    ready, _failed = collect(loader)
    primer = next(i for i in items if i.output_format == "png")  # ~1.3 MB: ~1.3 s
    others = [i for i in items if i is not primer]
    loader.request([primer])
    run_until(loop, lambda: len(ready) == 1, timeout=30)  # the line's speed is measured
    loader.note_scrolled(700, 700)
    for n in range(5):
        loader.note_scrolled(700 * (n + 2), 700)
        screen = others[n : n + 2]
        loader.request(screen, replace_queue=True, visible=len(screen))
        loop.run_until_complete(asyncio.sleep(0.02))  # a frame or so: workers could start
        assert recorder.started.keys() == {primer.image_id}, n
    last = others[4:6]
    run_until(loop, lambda: all(i.image_id in ready for i in last), timeout=30)
