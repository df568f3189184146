"""Jobs whose connection dropped after sending: find their images when the history shows them.

The app never resends a credit-spending request; it refreshes the history a few seconds later
instead (``image_operations``). When that (or any later) refresh brings new images with the
failed job's prompt, the job is done after all, and must stop saying "Failed" next to a Retry
that would charge a second time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from desktop.api import HistoryItem
from desktop.app.job_queue import Job, JobQueue, JobStatus

WATCH_S = 600.0  # longer than any generate may take: after that, new images are someone else's


class LateArrivals:
    """Remembers failed maybe-charged jobs and what the history held when they failed."""

    def __init__(self, queue: JobQueue, on_found: Callable[[Job], None]) -> None:
        self._queue = queue
        self._on_found = on_found
        self._watching: dict[int, tuple[Job, str | None, frozenset[str], float]] = {}
        self._claimed: set[str] = set()  # images already given to a job that arrived late

    def watch(self, job: Job, workspace_id: str | None, history: Iterable[HistoryItem]) -> None:
        """``job`` failed but may have made images in ``workspace_id``, whose history held
        ``history`` when it failed."""
        if job.maybe_charged:
            known = frozenset(item.image_id for item in history)
            self._watching[job.number] = (job, workspace_id, known, time.monotonic())

    def history_changed(self, items: list[HistoryItem], workspace_id: str | None) -> None:
        """Look for the watched jobs' images among the new items of ``workspace_id``."""
        claimed = self._claimed | {
            image.image_id
            for job in self._queue.jobs()
            if job.result is not None
            for image in job.result.images
        }
        now = time.monotonic()
        # Newest first: with the same prompt failing twice, the latest images are the latest
        # job's; an older job that never made any must not take them.
        for number in sorted(self._watching, reverse=True):
            job, workspace, known, since = self._watching[number]
            settled = job.status is not JobStatus.FAILED or job not in self._queue.jobs()
            if settled or now - since > WATCH_S:
                del self._watching[number]  # retried, cleared, or too long ago to tell
                continue
            if workspace != workspace_id:
                continue
            found = [
                item.image_id
                for item in items
                if item.image_id not in known
                and item.image_id not in claimed
                and item.prompt == job.prompt
            ][: job.images]
            if found:
                del self._watching[number]
                claimed.update(found)
                self._claimed.update(found)
                self._queue.mark_arrived(job, len(found))
                self._on_found(job)
