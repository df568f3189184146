"""The queue of generations and edits: submitted one after another, run a few at a time.

Each job shows its status and elapsed time. A queued job (not sent yet) can be cancelled and
costs nothing; for a running one the app can only stop waiting: the request already reached
neuroflash, so its images still arrive in the history and are charged. A failed
job can be retried, and a retry is a new job (it costs credits again), shown as such.
Credits are checked against the whole queue before a job is accepted.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from desktop.api import EditRequest, GenerationRequest, GenerationResult, HistoryItem
from desktop.api.errors import NeuroflashError
from desktop.api.texts import QT_TRANSLATE_NOOP
from desktop.app.i18n import translate_message
from desktop.app.image_operations import UNREADABLE_SPEND
from desktop.app.tasks import TaskSet

translate = QCoreApplication.translate  # the name lupdate looks for
log = logging.getLogger(__name__)
JobRole = Qt.ItemDataRole.UserRole + 1
MAX_RUNNING = 2
_AnyIndex = QModelIndex | QPersistentModelIndex


class JobStatus(Enum):
    QUEUED = QT_TRANSLATE_NOOP("JobStatus", "Waiting")
    RUNNING = QT_TRANSLATE_NOOP("JobStatus", "Running")
    DONE = QT_TRANSLATE_NOOP("JobStatus", "Done")
    FAILED = QT_TRANSLATE_NOOP("JobStatus", "Failed")
    CANCELLED = QT_TRANSLATE_NOOP("JobStatus", "Stopped waiting")

    def label(self) -> str:
        """The status in the current language."""
        return translate("JobStatus", self.value)


def _images(count: int) -> str:
    """ "1 image" / "3 images" (lupdate reads no plural forms from translate() in Python)."""
    if count == 1:
        return translate("Job", "1 image")
    return translate("Job", "{count} images").format(count=count)


@dataclass
class Job:
    """One generate or edit request and what became of it."""

    number: int
    prompt: str
    images: int
    request: GenerationRequest | EditRequest | None = None
    source: HistoryItem | None = None
    retry_of: int | None = None
    workspace_id: str | None = None  # where it was asked for: its credits come from there
    status: JobStatus = JobStatus.QUEUED
    message: str = ""
    started: float | None = None
    finished: float | None = None
    made: int = 0
    arrived_late: bool = False  # failed, then its images turned up in the history
    error: NeuroflashError | None = field(default=None, repr=False)
    result: GenerationResult | None = field(default=None, repr=False)
    task: asyncio.Future[Any] | None = field(default=None, repr=False)
    # Import, upscale and masked edit (issue 14): the job runs this instead of generate/edit.
    run: Callable[[], Awaitable[Any]] | None = field(default=None, repr=False)
    label: str = ""  # their kind, e.g. "Upscale 2×", already translated

    @property
    def kind(self) -> str:
        """ "Edit" or "Generate", in the current language."""
        if self.label:
            return self.label
        return translate("Job", "Edit") if self.source is not None else translate("Job", "Generate")

    @property
    def active(self) -> bool:
        return self.status in (JobStatus.QUEUED, JobStatus.RUNNING)

    @property
    def maybe_charged(self) -> bool:
        """Failed, but the request may have reached neuroflash: its images may exist (and be
        charged), so a retry could pay twice."""
        if self.status is not JobStatus.FAILED:
            return False
        return bool(getattr(self.error, "maybe_delivered", False)) or (
            self.message == UNREADABLE_SPEND
        )

    def late_text(self) -> str:
        """Why a job that looked failed is done after all, in the words of what went wrong."""
        if getattr(self.error, "maybe_delivered", False):
            # Here, not at the top: it imports requests, which the window builds without.
            from desktop.api.transport import SLOW_MAYBE_DELIVERED

            if self.error is not None and self.error.message == SLOW_MAYBE_DELIVERED:
                return translate("Job", "Done: the images arrived after a slow answer.")
            return translate("Job", "Done: the images arrived after the connection dropped.")
        return translate("Job", "Done: the images arrived after all.")

    def elapsed(self, now: float | None = None) -> float:
        if self.started is None:
            return 0.0
        return (self.finished or now or time.monotonic()) - self.started

    def title(self) -> str:
        images = _images(self.images) if self.images or not self.label else self.prompt
        prefix = ""
        if self.retry_of:
            prefix = translate("Job", "Retry of #{number} · ").format(number=self.retry_of)
        return f"#{self.number} {prefix}{self.kind} · {images}"

    def status_text(self) -> str:
        seconds = int(self.elapsed())
        if self.status is JobStatus.RUNNING:
            # Said on the job itself, before anyone reaches for "Stop waiting" (issue 11.2).
            text = translate("Job", "Running · {seconds} s · charged even if you stop waiting")
            return text.format(seconds=seconds)
        if self.status is JobStatus.DONE and self.arrived_late:
            return self.late_text().rstrip(".")
        if self.status is JobStatus.DONE:
            got = _images(self.made)
            text = translate("Job", "Done · {images} in {seconds} s")
            return text.format(images=got, seconds=seconds)
        if self.status is JobStatus.FAILED:
            text = translate("Job", "Failed · {message}")
            return text.format(message=translate_message(self.message))
        if self.status is JobStatus.CANCELLED:
            if self.started is None:
                return translate("Job", "Cancelled · nothing was sent, no credits used")
            if self.result is not None:
                text = translate("Job", "Stopped waiting · {images} arrived in your history")
                return text.format(images=_images(self.made))
            return translate("Job", "Stopped waiting · the images still arrive and are charged")
        return self.status.label()


Runner = Callable[[Job], Awaitable[GenerationResult]]


class JobQueue(QAbstractListModel):
    """Jobs newest first; runs up to ``max_running`` at once through ``run_job``."""

    jobFinished = Signal(object)  # Job
    jobFailed = Signal(object)  # Job

    def __init__(self, run_job: Runner, max_running: int = MAX_RUNNING, parent: Any = None):
        super().__init__(parent)
        self._run_job = run_job
        self._max_running = max_running
        self._jobs: list[Job] = []
        self._tasks = TaskSet()
        self._numbers = itertools.count(1)
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._refresh_running)

    # -- submitting -----------------------------------------------------------------------------

    def credits_needed(self, workspace_id: str | None = None) -> int:
        """Images that queued and running jobs of ``workspace_id`` will still charge.

        Only that workspace's: a job still running in Studio spends none of Side Project's
        credits, and counting it refused a request the Create panel had just called fine."""
        return sum(
            job.images
            for job in self._jobs
            if job.active and (workspace_id is None or job.workspace_id in (None, workspace_id))
        )

    def check_credits(
        self, images: int, remaining: int | None, workspace_id: str | None = None
    ) -> str | None:
        """Why a job for ``images`` in ``workspace_id`` can't be accepted now, or None."""
        if remaining is None:
            return None
        pending = self.credits_needed(workspace_id)
        if pending + images <= remaining:
            return None
        if pending:
            return self.tr(
                "Not enough credits for this and the queued jobs: {left} left, {needed} needed."
            ).format(left=remaining, needed=pending + images)
        return self.tr("Not enough credits: {left} left, {needed} needed.").format(
            left=remaining, needed=images
        )

    def submit_generation(self, request: GenerationRequest, workspace_id: str | None = None) -> Job:
        job = Job(next(self._numbers), request.prompt, request.num_images, request)
        job.workspace_id = workspace_id
        return self._add(job)

    def submit_edit(
        self,
        source: HistoryItem,
        prompt: str,
        options: EditRequest | None = None,
        workspace_id: str | None = None,
    ) -> Job:
        """An edit of ``source``; ``options`` (model, count, ratio, format) go with it."""
        images = options.num_images if options else 1
        job = Job(next(self._numbers), prompt, images, options, source=source)
        job.workspace_id = workspace_id
        return self._add(job)

    def retry(self, job: Job) -> Job:
        """A new job with the same request; the old one stays in the list as it was."""
        again = replace(
            job,
            number=next(self._numbers),
            retry_of=job.number,
            status=JobStatus.QUEUED,
            message="",
            started=None,
            finished=None,
            made=0,
            task=None,
        )
        return self._add(again)

    def cancel(self, job: Job) -> None:
        """Cancel a queued job (it never starts, nothing is charged), or stop waiting for a
        running one (it finishes on the server, is charged, and its images still arrive)."""
        if not job.active:
            return
        was_running = job.status is JobStatus.RUNNING
        job.status = JobStatus.CANCELLED
        job.finished = time.monotonic()
        job.message = self.tr("Its images will still appear in the history.") if was_running else ""
        self._changed(job)
        self._start_next()

    def mark_arrived(self, job: Job, made: int) -> None:
        """A failed job's images were found in the history after all: it is done, not failed
        (and nothing invites a second, charged attempt)."""
        if job.status is not JobStatus.FAILED:
            return
        job.status, job.made, job.arrived_late = JobStatus.DONE, made, True
        job.message = ""
        self._changed(job)

    def clear_finished(self) -> None:
        keep = [job for job in self._jobs if job.active]
        if len(keep) != len(self._jobs):
            self.beginResetModel()
            self._jobs = keep
            self.endResetModel()

    def submit_job(self, job: Job) -> Job:
        """A job built elsewhere (import, upscale, masked edit: ``job.run`` does the work),
        numbered and queued like every other."""
        job.number = next(self._numbers)
        return self._add(job)

    def _add(self, job: Job) -> Job:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._jobs.insert(0, job)
        self.endInsertRows()
        self._start_next()
        return job

    # -- running --------------------------------------------------------------------------------

    def running_count(self) -> int:
        return sum(1 for job in self._jobs if job.status is JobStatus.RUNNING)

    def _start_next(self) -> None:
        waiting = [job for job in reversed(self._jobs) if job.status is JobStatus.QUEUED]
        for job in waiting[: max(0, self._max_running - self.running_count())]:
            job.status = JobStatus.RUNNING
            job.started = time.monotonic()
            job.task = self._tasks.spawn(self._run(job))
            self._changed(job)
        if self.running_count():
            self._tick.start()
        else:
            self._tick.stop()

    async def _run(self, job: Job) -> None:
        try:
            result = await self._run_job(job)
        except asyncio.CancelledError:
            raise
        except NeuroflashError as error:
            job.error = error
            self._finish(job, JobStatus.FAILED, error.message)
            return
        except Exception as error:  # a job must never take the app down
            log.exception("Job #%s failed unexpectedly", job.number)
            self._finish(
                job,
                JobStatus.FAILED,
                self.tr("Something went wrong ({error}).").format(error=type(error).__name__),
            )
            return
        job.result = result
        job.made = len(result.images)
        message = result.detail or ""
        if not message and job.made < job.images:
            message = self.tr("Only {made} of {wanted} images were generated.").format(
                made=job.made, wanted=job.images
            )
        self._finish(job, JobStatus.DONE, message)

    def _finish(self, job: Job, status: JobStatus, message: str) -> None:
        cancelled = job.status is JobStatus.CANCELLED
        job.finished = job.finished or time.monotonic()
        if cancelled and job.result is not None:
            self._changed(job)  # "Stopped waiting · 2 images arrived in your history"
        if not cancelled:
            job.status, job.message = status, message
            self._changed(job)
            (self.jobFailed if status is JobStatus.FAILED else self.jobFinished).emit(job)
        self._start_next()

    # -- model ----------------------------------------------------------------------------------

    def jobs(self) -> list[Job]:
        return list(self._jobs)

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._jobs)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._jobs):
            return None
        job = self._jobs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{job.title()}\n{job.status_text()}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            details = f"{job.title()}: {job.status_text()}"
            message = translate_message(job.message) if job.message else ""
            return f"{details}\n{job.prompt}" + (f"\n{message}" if message else "")
        if role == JobRole:
            return job
        return None

    def _changed(self, job: Job) -> None:
        if job in self._jobs:
            index = self.index(self._jobs.index(job), 0)
            self.dataChanged.emit(index, index)

    def _refresh_running(self) -> None:
        for job in self._jobs:
            if job.status is JobStatus.RUNNING:
                self._changed(job)
