"""Fetches, scales and disk-caches history thumbnails off the GUI thread.

Only what the grid asks for is loaded (visible rows plus a margin), at most ``max_concurrent``
at a time, and fewer while the grid scrolls or lays out (see ``note_grid_busy``). The disk
cache is checked first, so a second launch shows the grid with no network traffic. Results
arrive as QImages through signals; the model turns them into QPixmaps.

On a real line the grid is bandwidth-bound (each thumbnail is a 0.2-2 MB download), so the
network is spent where the designer looks: visible images download before the margin's,
nothing new downloads while the grid flies past, and a download whose image is no longer
wanted stops mid-way (its connection closed) instead of finishing. Decoding and scaling
are image_decode's job.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from desktop.api.errors import DownloadCancelledError, NotFoundError
from desktop.app.background import BackgroundRunner
from desktop.app.image_operations import OFFLINE_NOT_SAVED
from desktop.app.tasks import TaskSet
from desktop.ui.common.image_decode import make_thumbnail_from_file
from desktop.ui.common.load_pacing import LoadPacing

if TYPE_CHECKING:
    from desktop.api import HistoryItem, ImageData
    from desktop.services.disk_cache import ImageCache

log = logging.getLogger(__name__)

FetchImage = Callable[["HistoryItem"], "ImageData"]


def error_message(err: BaseException) -> str:
    """A sentence for the user: the API's own message, an OS error explained, or the text."""
    message = getattr(err, "message", None)
    if isinstance(message, str) and message:
        return message
    if isinstance(err, OSError):
        try:
            from desktop.services.export import describe_os_error

            return describe_os_error(err)
        except ImportError:
            pass
    return str(err) or type(err).__name__


def _takes_cancelled(fetch: Callable[..., Any]) -> bool:
    """Whether ``fetch`` accepts a second argument: a ``cancelled()`` callable."""
    try:
        params = list(inspect.signature(fetch).parameters.values())
    except (TypeError, ValueError):
        return False
    return len(params) >= 2 or any(p.kind is p.VAR_POSITIONAL for p in params)


class ThumbnailLoader(QObject):
    """Queue + bounded concurrency + dedupe for thumbnails; also downloads originals on demand."""

    thumbnailReady = Signal(str, QImage)
    thumbnailFailed = Signal(str, str)
    thumbnailGone = Signal(str)  # the server answered "not found": deleted elsewhere, likely

    def __init__(
        self,
        runner: BackgroundRunner,
        fetch_image: FetchImage,
        thumbnails: ImageCache,
        originals: ImageCache,
        workspace: str | Callable[[], str],
        thumb_size: int = 192,
        max_concurrent: int = 8,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._fetch = fetch_image
        self.thumbnails = thumbnails
        self.originals = originals
        self._workspace = workspace
        self.thumb_size = thumb_size
        self.thumb_box: tuple[int, int] = (thumb_size, thumb_size)
        self._max_concurrent = max_concurrent
        self._queue: deque[HistoryItem] = deque()
        self._queued: set[str] = set()
        self._in_flight: set[str] = set()
        self._active = 0
        self._generation = 0
        self._tasks = TaskSet()
        self._originals_pending: dict[str, asyncio.Future[Path]] = {}
        self.pacing = LoadPacing(self, self._pump)  # fewer loads, or none, while the grid moves
        self._visible: set[str] = set()  # ids of the last request's visible cells
        self._wanted: set[str] = set()  # ids of the last request (visible + margin)
        self._cancel: dict[str, threading.Event] = {}  # in-flight id -> stop its download
        self._fetch_cancellable = _takes_cancelled(fetch_image)

    @property
    def runner(self) -> BackgroundRunner:
        """The runner this loader uses (shared with the preview's decode)."""
        return self._runner

    # --- keys ---------------------------------------------------------------------------------
    @property
    def workspace(self) -> str:
        return self._workspace() if callable(self._workspace) else self._workspace

    def set_workspace(self, workspace: str) -> None:
        """Switch workspace: drops queued work; results still in flight are ignored."""
        self.cancel_pending()
        self._workspace = workspace

    def cache_key(self, item: HistoryItem) -> str:
        return f"{self.workspace}/{item.image_id}"

    def thumbnail_key(self, item: HistoryItem) -> str:
        """Thumbnails are cached per size: a 2× screen's tiles must not reuse 1× files."""
        width, height = self.thumb_box
        if (width, height) == (self.thumb_size, self.thumb_size):
            return self.cache_key(item)
        return f"{self.cache_key(item)}@{width}x{height}"

    def set_box(self, width: int, height: int) -> None:
        """Make thumbnails at most ``width`` × ``height`` device pixels from now on (the
        grid's tile size × the screen's pixel ratio); loads of the old size are dropped."""
        box = (max(1, width), max(1, height))
        if box != self.thumb_box:
            self.cancel_pending()
            self.thumb_box = box

    def original_path(self, item: HistoryItem) -> Path | None:
        """Path of the cached full-size file, or None if it has not been downloaded."""
        return self.originals.path(self.cache_key(item))

    # --- thumbnails ---------------------------------------------------------------------------
    def request(
        self,
        items: Iterable[HistoryItem],
        *,
        replace_queue: bool = False,
        visible: int | None = None,
    ) -> None:
        """Queue thumbnails not already queued or loading, in the order given. With
        ``replace_queue`` the list is everything wanted now: requests for rows that scrolled
        away are dropped and their downloads stopped, so fast scrolling never builds a
        backlog. The first ``visible`` items are on screen: the rest (the margin) download
        only once those are done."""
        items = list(items)
        if replace_queue:
            self._queue.clear()
            self._queued.clear()
            self._wanted = {item.image_id for item in items}
            self._visible = {
                item.image_id for item in items[: len(items) if visible is None else visible]
            }
            for image_id, flag in self._cancel.items():
                if image_id in self._wanted:
                    flag.clear()  # wanted again before its worker noticed: keep going
                else:
                    flag.set()  # scrolled far away: stop downloading it
        for item in items:
            image_id = item.image_id
            if image_id in self._queued or image_id in self._in_flight:
                continue
            self._queue.append(item)
            self._queued.add(image_id)
        self._pump()

    def cancel_pending(self) -> None:
        """Forget queued requests and ignore results of the ones already running."""
        self._queue.clear()
        self._queued.clear()
        self._in_flight.clear()
        self._wanted.clear()
        self._visible.clear()
        for flag in self._cancel.values():
            flag.set()
        self._cancel = {}
        self._generation += 1

    def shutdown(self) -> None:
        """On quit: drop the queue and cancel running loads and original downloads."""
        self.cancel_pending()
        self._tasks.cancel_all()
        for task in list(self._originals_pending.values()):
            task.cancel()

    def pending_count(self) -> int:
        """Queued plus in-flight requests of the current workspace."""
        return len(self._queue) + len(self._in_flight)

    def active_count(self) -> int:
        """Downloads/decodes running right now (including ignored old-workspace ones)."""
        return self._active

    def note_grid_busy(self, *_args: object) -> None:
        """The grid is scrolling or laying out its rows again (``LoadPacing``)."""
        self.pacing.note_grid_busy()

    def note_scrolled(self, value: int, page: int) -> None:
        """The grid scrolled to ``value`` (``page`` = the viewport's height; ``LoadPacing``)."""
        self.pacing.note_scrolled(value, page)

    def _on_disk(self, item: HistoryItem) -> bool:
        """Whether the thumbnail or the original is cached (the caches' in-memory index)."""
        known = [getattr(cache, "known", None) for cache in (self.thumbnails, self.originals)]
        if known[0] is None or known[1] is None:
            return True  # a cache without an index: treat every load as cheap
        return bool(known[0](self.thumbnail_key(item)) or known[1](self.cache_key(item)))

    def _may_download(self, item: HistoryItem) -> bool:
        """The network goes to visible images first, and to nothing while the grid flies."""
        if self.pacing.fling.isActive():
            return False
        if item.image_id in self._visible:
            return True
        return not any(i in self._visible for i in self._in_flight) and not any(
            queued.image_id in self._visible for queued in self._queue
        )

    def _pump(self) -> None:
        limit = self.pacing.limit(self._max_concurrent)
        skipped: list[HistoryItem] = []
        while self._queue and self._active < limit:
            item = self._queue.popleft()
            if not self._may_download(item) and not self._on_disk(item):
                skipped.append(item)  # stays queued, in order, for when the network is free
                continue
            self._queued.discard(item.image_id)
            self._in_flight.add(item.image_id)
            self._active += 1
            flag = self._cancel[item.image_id] = threading.Event()
            self._tasks.spawn(self._load(item, self.cache_key(item), self._generation, flag))
        self._queue.extendleft(reversed(skipped))

    async def _load(
        self, item: HistoryItem, key: str, generation: int, flag: threading.Event | None = None
    ) -> None:
        stopped = gone = False
        try:
            image = await self._runner.run(self._load_blocking, item, key, flag)
        except asyncio.CancelledError:
            image, failure = None, None
        except DownloadCancelledError:
            image, failure, stopped = None, None, True
        except RuntimeError as err:
            # Resumed outside a running asyncio loop (a nested Qt loop, or quitting): not the
            # image's fault, so no error tile; the view asks again when it next needs it.
            log.debug("thumbnail %s not loaded: %s", item.image_id, err)
            text = str(err)
            quitting = "event loop" in text or "shutdown" in text
            image, failure = None, (None if quitting else error_message(err))
        except Exception as err:
            failure = error_message(err)
            gone = isinstance(err, NotFoundError)
            # Offline, every image scrolled past without a saved copy fails: expected, and a
            # log line each (file handler, GUI thread) cost a scroll of 100,000 images frames.
            expected = getattr(err, "message", None) == OFFLINE_NOT_SAVED
            (log.debug if expected else log.info)("thumbnail %s failed: %s", item.image_id, err)
            image = None
        else:
            failure = None
        finally:
            self._active -= 1
        if not shiboken6.isValid(self):
            return  # the window closed while this load ran
        if generation == self._generation:
            self._in_flight.discard(item.image_id)
            if self._cancel.get(item.image_id) is flag:
                del self._cancel[item.image_id]
            if stopped and item.image_id in self._wanted and item.image_id not in self._queued:
                # wanted again after it was stopped: ask once more, at the front
                self._queue.appendleft(item)
                self._queued.add(item.image_id)
            if image is not None:
                self.thumbnailReady.emit(item.image_id, image)
            elif failure is not None:
                self.thumbnailFailed.emit(item.image_id, failure)
                if gone:
                    self.thumbnailGone.emit(item.image_id)
        self._pump()

    def _load_blocking(
        self, item: HistoryItem, key: str, flag: threading.Event | None = None
    ) -> QImage:
        """Worker thread: disk thumbnail → cached original → network, then cache the result."""
        box, thumb_key = self.thumb_box, self.thumbnail_key(item)
        cached = self.thumbnails.get(thumb_key)
        if cached:
            image = QImage.fromData(cached)  # a small JPEG: far under a millisecond
            if not image.isNull():
                return image
        path = self.originals.path(key)
        if path is None:
            if flag is not None and self._fetch_cancellable:
                checks: list[float] = []  # when the client asked: before sending, per chunk

                def cancelled() -> bool:
                    checks.append(time.monotonic())
                    return flag.is_set()

                data = self._fetch(item, cancelled)  # type: ignore[call-arg]
                self.pacing.note_rate(len(data.content), checks)
            else:
                data = self._fetch(item)
            # the original goes to disk first: it is decoded from the file, without the GIL
            path = self.originals.put(key, data.content)
        image, encoded = make_thumbnail_from_file(path, box)
        self.thumbnails.put(thumb_key, encoded)
        return image

    # --- originals ----------------------------------------------------------------------------
    async def ensure_original(self, item: HistoryItem) -> Path:
        """Path of the full-size file, downloading it once if needed (concurrent calls share)."""
        key = self.cache_key(item)
        path = self.originals.path(key)
        if path is not None:
            return path
        pending = self._originals_pending.get(key)
        if pending is None:
            pending = asyncio.ensure_future(self._download_original(item, key))
            self._originals_pending[key] = pending
            pending.add_done_callback(lambda _f: self._originals_pending.pop(key, None))
        return await asyncio.shield(pending)

    async def _download_original(self, item: HistoryItem, key: str) -> Path:
        data = await self._runner.run(self._fetch, item)
        return await self._runner.run(self.originals.put, key, data.content)
