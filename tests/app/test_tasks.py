"""TaskSet: tasks are kept until done, cancelled together, and an unhandled error is reported."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Awaitable, Callable
from typing import Any

from desktop.app.tasks import TaskSet


async def _fail() -> None:
    raise ValueError("broken")


async def _answer() -> int:
    await asyncio.sleep(0)
    return 42


def test_an_error_nobody_handles_goes_to_the_report_with_its_retry():
    reported: list[tuple[Exception, Callable[[], Awaitable[Any]] | None]] = []
    tasks = TaskSet(report=lambda error, retry: reported.append((error, retry)))

    async def go() -> None:
        await tasks.run(_fail(), retry=_answer)

    asyncio.run(go())
    ((error, retry),) = reported
    assert isinstance(error, ValueError) and retry is _answer


def test_the_caller_can_handle_the_error_and_gets_the_result():
    reported: list[Exception] = []
    handled: list[Exception] = []
    results: list[int] = []
    tasks = TaskSet(report=lambda error, retry: reported.append(error))

    async def go() -> None:
        await tasks.run(_fail(), on_error=handled.append)
        await tasks.run(_answer(), on_success=results.append)

    asyncio.run(go())
    assert reported == [] and len(handled) == 1 and results == [42]


def test_spawned_tasks_are_kept_until_done_and_cancelled_together():
    tasks = TaskSet()

    async def go() -> list[bool]:
        started = [tasks.spawn(asyncio.sleep(10)) for _ in range(3)]
        del started
        gc.collect()
        await asyncio.sleep(0)
        assert len(tasks) == 3  # kept although nobody else holds them
        kept = list(tasks)
        tasks.cancel_all()
        await asyncio.gather(*kept, return_exceptions=True)
        return [task.cancelled() for task in kept]

    assert asyncio.run(go()) == [True, True, True]
    assert len(tasks) == 0
