"""Generations and edits as queued jobs: the panel's requests go through the JobQueue, which
runs a few at a time. Progress and elapsed time show in the panel while any job runs;
Cancel only stops waiting (the images still land in history when the server finishes).

A generate or edit POST is never repeated automatically: it costs credits. Retry is the
designer's choice, checked against the credits, and queued as a new job.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from desktop.api import EditRequest, GenerationRequest, GenerationResult, HistoryItem
from desktop.api.errors import RateLimitedError
from desktop.app.i18n import translate_message
from desktop.app.job_queue import Job, JobQueue, JobStatus
from desktop.app.late_arrivals import LateArrivals
from desktop.app.session import Session
from desktop.services.recent_prompts import RecentPrompts
from desktop.ui.common.formatting import image_count
from desktop.ui.common.message_bar import MessageBar
from desktop.ui.common.notifier import Notifier
from desktop.ui.generate.panel import GeneratePanel

log = logging.getLogger(__name__)
DEFAULT_COOLDOWN_S = 10.0  # a 429 without Retry-After


class GenerationJob(QObject):
    """Feeds the job queue from the panel and the edit dialog, and reports back."""

    finished = Signal(object)  # GenerationResult or None, per job

    def __init__(
        self,
        session: Session,
        panel: GeneratePanel,
        messages: MessageBar,
        parent: QObject,
        recent: RecentPrompts | None = None,
        notifier: Notifier | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._panel = panel
        self._messages = messages
        self._recent = recent
        self._notifier = notifier
        self.queue = JobQueue(self._run_job, parent=self)
        self.queue.jobFinished.connect(self._on_finished)
        self.queue.jobFailed.connect(self._on_failed)
        self.queue.dataChanged.connect(self._update_panel)
        self.queue.rowsInserted.connect(self._update_panel)
        self.late = LateArrivals(self.queue, self._on_arrived_late)
        for shown in (session.historyReset, session.historySynced):
            shown.connect(lambda items: self.late.history_changed(items, session.workspace_id))
        session.workspaceChanged.connect(self._update_panel)
        panel.generateRequested.connect(self.start)
        panel.cancelRequested.connect(self.cancel)

    @property
    def running(self) -> bool:
        return any(job.active for job in self.queue.jobs())

    # -- submitting -----------------------------------------------------------------------------

    def _credit_problem(self, images: int) -> str | None:
        quota = self._session.quota
        remaining = quota.remaining if quota else None
        return self.queue.check_credits(images, remaining, self._session.workspace_id)

    def start(self, request: GenerationRequest) -> Job | None:
        if problem := self._credit_problem(request.num_images):
            self._panel.show_message(problem)
            return None
        if self._recent is not None:
            self._recent.add(request.prompt)
        return self.queue.submit_generation(request, self._session.workspace_id)

    def submit_edit(
        self, source: HistoryItem, prompt: str, options: EditRequest | None = None
    ) -> Job | None:
        if problem := self._credit_problem(options.num_images if options else 1):
            self._messages.show_error(problem)
            return None
        return self.queue.submit_edit(source, prompt, options, self._session.workspace_id)

    def retry(self, job: Job) -> Job | None:
        """A new request (it costs credits again), queued only if the credits allow it."""
        if problem := self._credit_problem(job.images):
            self._messages.show_error(problem)
            return None
        self._messages.dismiss()
        return self.queue.retry(job)

    def cancel(self) -> None:
        """Stop waiting for every running job (their images still arrive and are charged) and
        cancel the queued ones (never sent, never charged)."""
        active = [job for job in self.queue.jobs() if job.active]
        sent = any(job.status is JobStatus.RUNNING for job in active)
        for job in active:
            self.queue.cancel(job)
        if sent:
            self._messages.show_note(
                self.tr(
                    "Stopped waiting. The images will still appear in your history when they "
                    "are ready, and they are charged."
                ),
                seconds=10,
            )

    async def _run_job(self, job: Job) -> GenerationResult:
        # In the workspace it was asked in: switching while it waits must not charge another.
        if job.run is not None:  # import / upscale / masked edit: reported by their own owner
            return await job.run()
        if job.source is not None:
            options = job.request if isinstance(job.request, EditRequest) else None
            return await self._session.edit(job.source, job.prompt, options, job.workspace_id)
        # Only an edit has a source, so a job without one always carries a GenerationRequest.
        assert isinstance(job.request, GenerationRequest)
        return await self._session.generate(job.request, job.workspace_id)

    # -- reporting ------------------------------------------------------------------------------

    def _update_panel(self, *_args: object) -> None:
        self._panel.set_pending_credits(self.queue.credits_needed(self._session.workspace_id))
        running = [job for job in self.queue.jobs() if job.status is JobStatus.RUNNING]
        waiting = sum(1 for job in self.queue.jobs() if job.status is JobStatus.QUEUED)
        if not running and not waiting:
            self._panel.set_running(False)
            return
        if len(running) == 1 and not waiting:
            job = running[0]
            if job.images > 1:
                what = (
                    self.tr("Editing {count} images")
                    if job.source
                    else self.tr("Generating {count} images")
                ).format(count=job.images)
            else:
                what = self.tr("Editing") if job.source else self.tr("Generating")
        else:
            what = self.tr("{running} running, {waiting} waiting").format(
                running=len(running), waiting=waiting
            )
        oldest = min((job.started for job in running if job.started is not None), default=None)
        self._panel.set_running(True, what, oldest)

    def _on_finished(self, job: Job) -> None:
        if job.run is not None:
            return
        result = job.result
        if result is not None and job.made < job.images:
            self._panel.show_message(
                result.detail
                or self.tr("Only {made} of {wanted} images were generated.").format(
                    made=job.made, wanted=job.images
                ),
                error=False,
            )
        elif job.source is not None:
            self._messages.show_note(self.tr("Edited image added to your history."))
        if self._notifier is not None:
            title = self.tr("Edit finished") if job.source else self.tr("Generate finished")
            images = image_count(job.made)
            self._notifier.job_finished(title, f"{images}: {job.prompt[:80]}", job.elapsed())
        self.finished.emit(result)

    def _on_arrived_late(self, job: Job) -> None:
        text = job.late_text()
        if job.source is not None:
            self._messages.show_note(text, seconds=12)
        else:
            self._panel.show_message(text, error=False)

    def _on_failed(self, job: Job) -> None:
        if job.run is not None:
            return
        error = job.error
        self.late.watch(job, self._session.workspace_id, self._session.history)
        if job.source is not None and job.maybe_charged:
            # No Retry here: its image may exist already; the job list's Retry warns first.
            self._messages.show_error(job.message)
        elif job.source is not None:
            self._messages.show_error(job.message, lambda: self.retry(job))
        elif isinstance(error, RateLimitedError):
            # The server said how long to wait (or we assume a short pause): count it down.
            self._panel.start_cooldown(error.retry_after or DEFAULT_COOLDOWN_S)
        else:
            self._panel.show_message(job.message)
        if self._notifier is not None:
            title = self.tr("Edit failed") if job.source else self.tr("Generate failed")
            self._notifier.job_finished(title, translate_message(job.message), job.elapsed())
        self.finished.emit(None)
