"""The one way the UI runs blocking work (HTTP, disk, image decoding) off the GUI thread.

Widgets ``await runner.run(fn, *args)`` inside qasync coroutines. The functions run on a
thread pool the app owns, so quitting can cancel queued work instead of waiting for it.
They must never touch widgets or create QPixmaps: return plain data or QImages.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class BackgroundRunner:
    """Owns the worker threads; every blocking call of the UI goes through ``run``."""

    def __init__(self, max_workers: int = 8, name: str = "neuroflash-worker") -> None:
        self._executor = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix=name)
        self._closed = False

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``fn`` on a worker thread and return its result to the awaiting coroutine."""
        if self._closed:
            raise asyncio.CancelledError("the app is shutting down")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    def shutdown(self) -> None:
        """Drop queued work and stop waiting for running calls, so quitting is instant."""
        self._closed = True
        self._executor.shutdown(wait=False, cancel_futures=True)
