"""Thumbnail loading against the built-in server: only what is asked, cached, offline next run."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

import PySide6  # noqa: F401  (Qt binding first, then qasync)
import pytest
from PySide6.QtCore import QSize

from desktop.api import ApiSettings, Credentials, HistoryItem, ImageData, NeuroflashClient
from desktop.app.background import BackgroundRunner
from desktop.services.disk_cache import DiskCache
from desktop.ui.common.thumbnail_loader import ThumbnailLoader

THUMB = 96


class CountingFetch:
    """The real download through the API client, counting calls (thread-safe)."""

    def __init__(self, client: NeuroflashClient, workspace_id: str) -> None:
        self._client = client
        self._workspace_id = workspace_id
        self._lock = threading.Lock()
        self.calls: list[str] = []

    def __call__(self, item: HistoryItem) -> ImageData:
        with self._lock:
            self.calls.append(item.image_id)
        return self._client.download_image(self._workspace_id, item.image_url)


@pytest.fixture
def runner():
    r = BackgroundRunner(max_workers=4)
    yield r
    r.shutdown()


@pytest.fixture
def api(emulator):
    from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

    client = NeuroflashClient(
        Credentials(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
        ApiSettings(base_url=emulator.api_url, token_url=emulator.token_url),
    )
    workspace = client.workspaces()[0].id
    items = client.history(workspace)
    yield client, workspace, items
    client.close()


class ConcurrencyMeter:
    """Wraps a fetch: holds every call ``delay`` s and records how many ran at once, overall
    and among calls that started before ``early_until`` (a monotonic time)."""

    def __init__(self, fetch: Callable, delay: float) -> None:
        self._fetch = fetch
        self._delay = delay
        self._lock = threading.Lock()
        self.now = self.max = self.max_early = 0
        self.early_until = 0.0

    def __call__(self, item: HistoryItem) -> ImageData:
        with self._lock:
            self.now += 1
            self.max = max(self.max, self.now)
            if time.monotonic() < self.early_until:
                self.max_early = max(self.max_early, self.now)
        time.sleep(self._delay)
        try:
            return self._fetch(item)
        finally:
            with self._lock:
                self.now -= 1


@pytest.fixture
def make_loader(runner, api, tmp_path):
    client, workspace, _items = api

    def make(fetch: Callable | None = None, **kwargs) -> tuple[ThumbnailLoader, CountingFetch]:
        counting = CountingFetch(client, workspace)
        loader = ThumbnailLoader(
            runner,
            fetch or counting,
            DiskCache(tmp_path / "thumbs", 50_000_000),
            DiskCache(tmp_path / "originals", 200_000_000),
            workspace,
            thumb_size=THUMB,
            **kwargs,
        )
        return loader, counting

    return make


@pytest.fixture
def make_slow_loader(make_loader, api):
    """A loader whose real downloads each take ``delay`` s longer, with their meter."""
    client, workspace, _items = api

    def make(delay: float, **kwargs) -> tuple[ThumbnailLoader, ConcurrencyMeter]:
        meter = ConcurrencyMeter(CountingFetch(client, workspace), delay)
        loader, _counting = make_loader(meter, **kwargs)
        return loader, meter

    return make


def run_until(loop, condition: Callable[[], bool], timeout: float = 15.0) -> None:
    """Spin the qasync loop until ``condition`` holds (fails the test on timeout)."""

    async def wait() -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, "timed out waiting"
            await asyncio.sleep(0.01)

    loop.run_until_complete(wait())


def collect(loader: ThumbnailLoader) -> tuple[dict, dict]:
    ready: dict = {}
    failed: dict = {}
    loader.thumbnailReady.connect(lambda image_id, image: ready.__setitem__(image_id, image))
    loader.thumbnailFailed.connect(lambda image_id, msg: failed.__setitem__(image_id, msg))
    return ready, failed


def test_fetches_only_requested_then_second_run_is_offline(loop, api, make_loader):
    _client, _workspace, items = api
    assert len(items) >= 4
    loader, fetch = make_loader()
    ready, failed = collect(loader)
    wanted = items[:3]
    loader.request(wanted)
    loader.request(wanted)  # duplicate while in flight: no second download
    run_until(loop, lambda: len(ready) == 3)
    assert not failed
    assert sorted(fetch.calls) == sorted(i.image_id for i in wanted)
    for image in ready.values():
        assert max(image.width(), image.height()) <= THUMB and not image.isNull()
    assert loader.original_path(wanted[0]) is not None  # original kept for drag/preview

    # A second launch: fresh loader and caches over the same folders → zero network requests.
    second, second_fetch = make_loader()
    ready2, _ = collect(second)
    second.request(wanted)
    run_until(loop, lambda: len(ready2) == 3)
    assert second_fetch.calls == []
    assert ready2[wanted[0].image_id].size() == ready[wanted[0].image_id].size()


def test_concurrency_is_bounded(loop, api, make_slow_loader):
    _client, _workspace, items = api
    loader, meter = make_slow_loader(0.05, max_concurrent=2)
    ready, _ = collect(loader)
    loader.request(items)
    run_until(loop, lambda: len(ready) == len(items))
    assert meter.max <= 2


def test_scrolling_holds_loads_to_a_couple_until_the_grid_rests(loop, api, make_slow_loader):
    """While the grid moves, at most two downloads run (frames stay smooth); once it rests,
    the full width of eight comes back without anything having to ask again."""
    _client, _workspace, items = api
    assert len(items) >= 6
    # each load outlasts the 250 ms rest, so loads overlap once it is over
    loader, meter = make_slow_loader(0.5, max_concurrent=8)
    ready, _ = collect(loader)

    def scrolled_until(count: int) -> bool:
        loader.note_grid_busy()  # the user keeps scrolling while we wait
        return len(ready) >= count

    loader.note_grid_busy()
    loader.request(items[:6])
    run_until(loop, lambda: scrolled_until(2))
    assert meter.max <= 2
    run_until(loop, lambda: len(ready) == 6)  # nobody asks again: the queue resumes at rest
    assert meter.max == 4  # two still loading when it rested, plus the last two


def test_a_new_history_is_laid_out_before_loads_run_at_full_width(loop, api, make_slow_loader):
    """Showing a new list re-lays out every row of the grid (a call into Python per row), so
    loads stay at two for a moment, as while scrolling, then widen."""
    from desktop.ui.history.model import HistoryModel
    from desktop.ui.history.thumbnail_requests import connect_thumbnails
    from desktop.ui.history.view import HistoryView

    _client, _workspace, items = api
    loader, meter = make_slow_loader(0.4, max_concurrent=8)
    model, view = HistoryModel(thumb_size=THUMB), HistoryView(thumb_size=THUMB)
    view.setModel(model)
    view.resize(900, 700)
    view.show()
    connect_thumbnails(model, view, loader)
    ready, _ = collect(loader)
    meter.early_until = time.monotonic() + 0.2
    model.set_items(items)
    run_until(loop, lambda: len(ready) == len(items))
    assert meter.max_early <= 2
    assert meter.max > 2
    view.close()


def test_older_images_appended_below_do_not_hold_back_the_screens_loads(
    loop, api, make_slow_loader
):
    """The saved history arrives a slice at a time below what is on screen: unlike a new
    list, an append moves no visible cell, so the first screen loads at full width."""
    from desktop.ui.history.model import HistoryModel
    from desktop.ui.history.thumbnail_requests import connect_thumbnails
    from desktop.ui.history.view import HistoryView

    _client, _workspace, items = api
    loader, meter = make_slow_loader(0.4, max_concurrent=8)
    model, view = HistoryModel(thumb_size=THUMB), HistoryView(thumb_size=THUMB)
    view.setModel(model)
    view.resize(900, 700)
    view.show()
    connect_thumbnails(model, view, loader)
    ready, _ = collect(loader)
    model.set_items(items[:1])
    run_until(loop, lambda: len(ready) == 1 and not loader.pacing.scrolling.isActive())
    meter.early_until = time.monotonic() + 0.2
    model.extend(items[1:])  # below the first image: nothing on screen moves
    run_until(loop, lambda: len(ready) == len(items))
    assert meter.max_early > 2
    view.close()


def test_failure_reports_a_message_and_cancel_drops_queue(loop, api, make_loader):
    _client, _workspace, items = api
    loader, fetch = make_loader(max_concurrent=1)
    ready, failed = collect(loader)
    broken = HistoryItem(image_id="gone", image_url="/api/ds-prototypes/image_generation/gone/view")
    loader.request([broken])
    run_until(loop, lambda: "gone" in failed)
    assert failed["gone"] and "Traceback" not in failed["gone"]

    loader.request(items)
    loader.cancel_pending()  # workspace switch: queued work dropped, running result ignored
    assert loader.pending_count() == 0
    run_until(loop, lambda: loader.active_count() == 0)  # let the in-flight one finish
    assert ready == {}
    assert len(fetch.calls) <= 2  # 'gone' plus at most the one already running


def test_ensure_original_downloads_once(loop, api, make_loader):
    client, workspace, items = api
    loader, fetch = make_loader()

    async def both():
        return await asyncio.gather(
            loader.ensure_original(items[0]), loader.ensure_original(items[0])
        )

    first, second = loop.run_until_complete(both())
    assert first == second and first.is_file()
    assert first.read_bytes() == client.download_image(workspace, items[0].image_url).content
    assert fetch.calls == [items[0].image_id]
    assert loop.run_until_complete(loader.ensure_original(items[0])) == first
    assert fetch.calls == [items[0].image_id]


def test_thumbnail_keeps_aspect_ratio(loop, runner, tmp_path):
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (1024, 576), "teal").save(buffer, "PNG")
    data = ImageData(content=buffer.getvalue(), content_type="image/png")
    loader = ThumbnailLoader(
        runner,
        lambda _item: data,
        DiskCache(tmp_path / "t", 10_000_000),
        DiskCache(tmp_path / "o", 10_000_000),
        lambda: "ws",
        thumb_size=192,
    )
    ready, _ = collect(loader)
    loader.request([HistoryItem(image_id="wide", image_url="/v/wide")])
    run_until(loop, lambda: "wide" in ready)
    assert ready["wide"].size() == QSize(192, 108)


def test_on_a_fast_line_a_fling_keeps_loading(loop, api, make_loader):
    """Downloads that take a few ms (a nearby server) keep up with a fling, so it is not held
    back as on a slow line: thumbnails appear while the grid still moves."""
    _client, _workspace, items = api
    calls: list[str] = []

    def fetch(item: HistoryItem, cancelled=None) -> ImageData:
        calls.append(item.image_id)
        return _client.download_image(_workspace, item.image_url, cancelled)

    loader, _fetch = make_loader(fetch)
    ready, _ = collect(loader)
    for n in range(3):  # one at a time: the line's speed is measured, fast
        loader.request(items[n : n + 1])
        run_until(loop, lambda n=n: len(ready) == n + 1)
    loader.note_scrolled(700, 700)
    for step in range(2, 10):  # a screen per 20 ms from here on
        loader.note_scrolled(700 * step, 700)
        loader.request(items[3:5], replace_queue=True, visible=2)
        loop.run_until_complete(asyncio.sleep(0.02))
    assert len(calls) >= 4  # loaded mid-fling, not held until it rested
