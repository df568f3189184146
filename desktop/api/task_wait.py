"""Wait for an image-service task's pending images: poll each until it is done or failed,
with growing pauses, a total time limit and a cancel the caller holds. Polls are plain GETs
(retried by the transport); the task itself is never sent again."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

from desktop.api.errors import (
    NetworkError,
    NotFoundError,
    RateLimitedError,
    ServiceError,
    TaskCancelledError,
    TaskTimedOutError,
    UnexpectedResponseError,
)
from desktop.api.models import FAILED, PENDING, ServiceImage
from desktop.api.texts import QT_TRANSLATE_NOOP

Cancel = threading.Event | Callable[[], bool] | None
_SLICE_S = 0.05  # how often a callable cancel is asked during a pause
GONE_AFTER = 4  # consecutive 404s before an image counts as failed (one is a glitch)
OFFLINE_WHILE_WAITING = QT_TRANSLATE_NOOP(
    "Errors",
    "Can't reach neuroflash to check on your images. They will appear when they are ready: "
    "refresh once you are back online.",
)


def is_cancelled(cancel: Cancel) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


def pause(seconds: float, cancel: Cancel) -> bool:
    """Sleep up to `seconds`; True as soon as `cancel` says stop."""
    if seconds <= 0:
        return is_cancelled(cancel)
    if isinstance(cancel, threading.Event):
        return cancel.wait(seconds)
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        if is_cancelled(cancel):
            return True
        time.sleep(min(_SLICE_S, left))
    return is_cancelled(cancel)


def wait_for_images(
    fetch: Callable[[str], ServiceImage],
    images: Sequence[ServiceImage],
    *,
    cancel: Cancel = None,
    time_limit: float = 600.0,
    first_delay: float = 0.5,
    max_delay: float = 5.0,
    factor: float = 1.6,
) -> tuple[list[ServiceImage], list[str]]:
    """(ready images in the task's order, failed ids). Raises TaskCancelledError or
    TaskTimedOutError (with what is ready and what is still pending) when the wait ends early.
    A poll that fails for a passing reason (network, 5xx, 429, unreadable) is tried again at
    the next pause; an image that stays gone (404 on GONE_AFTER polls in a row) counts as
    failed."""
    order = [image.id for image in images]
    known: dict[str, ServiceImage] = {image.id: image for image in images}
    failed: set[str] = {image.id for image in images if image.status == FAILED}
    deadline = time.monotonic() + max(0.0, time_limit)
    delay = max(0.01, first_delay)
    missing: dict[str, int] = {}
    offline = False

    def pending() -> list[str]:
        return [i for i in order if i not in failed and known[i].status == PENDING]

    def ready() -> list[ServiceImage]:
        return [known[i] for i in order if i not in failed and known[i].status != PENDING]

    while pending():
        wait = min(delay, max(0.0, deadline - time.monotonic()))
        if pause(wait, cancel):
            raise TaskCancelledError(ready=tuple(ready()), pending_ids=tuple(pending()))
        if time.monotonic() >= deadline:
            raise TaskTimedOutError(
                OFFLINE_WHILE_WAITING if offline else None,
                ready=tuple(ready()),
                pending_ids=tuple(pending()),
                detail=f"{len(pending())} image(s) pending after {time_limit:.0f} s",
            )
        offline = False
        for image_id in pending():
            try:
                image = fetch(image_id)
            except NotFoundError:
                missing[image_id] = missing.get(image_id, 0) + 1
                if missing[image_id] >= GONE_AFTER:
                    failed.add(image_id)
                continue
            except RateLimitedError as exc:
                delay = max(delay, min(max_delay, exc.retry_after or delay))
                break
            except NetworkError:
                offline = True
                break  # passing trouble: ask again after the next pause
            except (ServiceError, UnexpectedResponseError):
                break
            missing.pop(image_id, None)
            if image.id != image_id:  # a server that answers another image: keep waiting
                continue
            known[image_id] = image
            if image.status == FAILED:
                failed.add(image_id)
        delay = min(max_delay, delay * factor)
    return ready(), [i for i in order if i in failed]
