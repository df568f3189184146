"""One way to run coroutines in the background from the GUI thread.

``TaskSet.spawn`` keeps a reference to each task until it finishes (asyncio holds only a weak
one, so an unkept task can be collected mid-flight) and ``cancel_all`` stops them on close.
``TaskSet.run`` adds the success and error handling: ``on_success`` gets the result; an
error goes to ``on_error`` when the caller handles it, else to the set's ``report`` (the
session's, whose errors end in the message bar, with ``retry`` offered there).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
Retry = Callable[[], Awaitable[Any]] | None
Report = Callable[[Exception, Retry], None]
Spawn = Callable[[Coroutine[Any, Any, Any]], "asyncio.Future[Any]"]
"""What helpers get to start background work with (``Session.spawn``, ``TaskSet.spawn``)."""


class TaskSet:
    """The running background tasks of one owner (session, loader, window)."""

    def __init__(self, report: Report | None = None) -> None:
        self._tasks: set[asyncio.Future[Any]] = set()
        self._report = report

    def spawn(self, work: Awaitable[T]) -> asyncio.Future[T]:
        """Start ``work`` (a coroutine or future) and keep it until it is done."""
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def run(
        self,
        work: Awaitable[T],
        on_success: Callable[[T], object] | None = None,
        on_error: Callable[[Exception], object] | None = None,
        retry: Retry = None,
    ) -> asyncio.Future[None]:
        """Spawn ``work`` with its outcome handled (see the module docstring)."""
        return self.spawn(self._outcome(work, on_success, on_error, retry))

    async def _outcome(
        self,
        work: Awaitable[T],
        on_success: Callable[[T], object] | None,
        on_error: Callable[[Exception], object] | None,
        retry: Retry,
    ) -> None:
        try:
            result = await work
        except asyncio.CancelledError:
            raise
        except Exception as error:
            if on_error is not None:
                on_error(error)
            elif self._report is not None:
                self._report(error, retry)
            else:
                log.exception("background work failed", exc_info=error)
            return
        if on_success is not None:
            on_success(result)

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def __len__(self) -> int:
        return len(self._tasks)

    def __iter__(self) -> Iterator[asyncio.Future[Any]]:
        return iter(list(self._tasks))
