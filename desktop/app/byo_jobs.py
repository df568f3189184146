"""Bring your own image (issue 14): import, upscale and masked edit as jobs of today's queue.

Each action becomes a Job whose ``run`` does the family-B calls on a worker (through the
session, so the GUI thread never waits), puts the new image into the grid and refreshes the
credits. Uploads are free; upscale and masked edit spend credits, so like generate they are
sent once and never repeated by the app (a Retry is the designer's choice, a new job).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.api import HistoryItem
from desktop.api.capabilities import WorkspaceCapabilities
from desktop.api.models import EditTaskRequest, ServiceImage, UpscaleTaskRequest
from desktop.app.image_operations import REFRESH_AFTER_DROP_S
from desktop.app.job_queue import Job, JobQueue, JobStatus
from desktop.app.session import Session
from desktop.services.edit_origins import EditOrigin

translate = QCoreApplication.translate


@dataclass
class ByoResult:
    """What the queue reads of a finished job: the grid items it made and the server's note.
    (Shaped like GenerationResult: ``images`` have ``image_id``.)"""

    images: tuple[HistoryItem, ...]
    detail: str | None = None


def upscale_label(scale: int) -> str:
    return translate("ByoJobs", "Upscale {scale}×").format(scale=scale)


class ByoJobs(QObject):
    """Submits import, upscale and masked-edit jobs and reports how they ended."""

    imported = Signal(object)  # HistoryItem
    upscaled = Signal(object, object)  # result HistoryItem, source HistoryItem
    failed = Signal(str, object)  # message, Job
    finished = Signal(object)  # Job

    def __init__(self, session: Session, queue: JobQueue, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._queue = queue
        self._cancels: dict[int, tuple[Job, threading.Event]] = {}
        queue.dataChanged.connect(self._stop_cancelled)
        queue.jobFinished.connect(self._on_finished)
        queue.jobFailed.connect(self._on_failed)

    def capabilities(self) -> WorkspaceCapabilities:
        return WorkspaceCapabilities.from_models(self._session.models)

    # -- submitting ---------------------------------------------------------------------------

    def submit_import(self, source: Path | bytes, name: str = "") -> Job:
        """Upload one file (a path) or pasted bytes; free of credits."""
        pasted = translate("ByoJobs", "Pasted image")
        shown = name or (source.name if isinstance(source, Path) else pasted)
        job = self._job(translate("ByoJobs", "Import"), shown, 0)

        async def run() -> ByoResult:
            ws = job.workspace_id or self._session.require_workspace()
            client = self._session.image_client()
            image = await self._session.call(client.upload_image, ws, source, name)
            item = image.as_history_item()
            self._add(ws, [item])
            self.imported.emit(item)
            return ByoResult((item,))

        job.run = run
        return self._add_job(job)

    def upscale_problem(self, items: list[HistoryItem], scale: int) -> str | None:
        """Why these can't be upscaled by ``scale`` now, or None."""
        caps = self.capabilities()
        if reason := caps.upscale_reason(scale):
            return reason
        quota = self._session.quota
        remaining = quota.remaining if quota else None
        return self._queue.check_credits(len(items), remaining, self._session.workspace_id)

    def submit_upscale(self, source: HistoryItem, scale: int) -> Job:
        """One upscale job (1 credit); the result lands next to the source in the grid and
        remembers its source, so the viewer's Before toggle compares the two."""
        model = self.capabilities().upscale_model(scale)
        job = self._job(upscale_label(scale), source.prompt or source.image_id, 1, source)
        request = UpscaleTaskRequest(source.image_id, scale, model_id=model)
        stop = threading.Event()

        async def run() -> ByoResult:
            ws = job.workspace_id or self._session.require_workspace()
            client = self._session.image_client()
            result = await self._session.images.spend(
                lambda: client.upscale_image(ws, request, cancel=stop)
            )
            items = self._absorb(ws, result.images, source, upscale_label(scale))
            for item in items:
                self.upscaled.emit(item, source)
            return ByoResult(tuple(items), result.detail)

        job.run = run
        added = self._add_job(job)
        self._cancels[added.number] = (added, stop)
        return added

    def submit_masked_edit(
        self, source: HistoryItem, mask_png: bytes, prompt: str, num_images: int = 1
    ) -> Job:
        """Upload the mask (white where the image may change), then the edit task."""
        model = next(iter(self.capabilities().masked_edit_models), None)
        job = self._job(translate("ByoJobs", "Masked edit"), prompt, num_images, source)

        async def run() -> ByoResult:
            ws = job.workspace_id or self._session.require_workspace()
            client = self._session.image_client()
            mask = await self._session.call(client.upload_image, ws, mask_png, "mask.png")
            request = EditTaskRequest(source.image_id, prompt, mask.id, model, num_images)
            result = await self._session.images.spend(lambda: client.edit_image(ws, request))
            items = self._absorb(ws, result.images, source, prompt)
            return ByoResult(tuple(items), result.detail)

        job.run = run
        return self._add_job(job)

    def _stop_cancelled(self, *_args: object) -> None:
        """ "Stop waiting" on a running upscale: stop polling (the server still finishes it,
        and the image appears in the history with the next refresh)."""
        for number, (job, stop) in list(self._cancels.items()):
            if job.status is JobStatus.CANCELLED:
                stop.set()
                del self._cancels[number]
                # It still finishes on the server: look for it in a moment.
                self._session.spawn(self._session.images.refresh_later(REFRESH_AFTER_DROP_S))

    # -- plumbing -----------------------------------------------------------------------------

    def _job(self, label: str, text: str, images: int, source: HistoryItem | None = None) -> Job:
        job = Job(0, text, images, None, source=source)
        job.label = label
        job.workspace_id = self._session.workspace_id
        return job

    def _add_job(self, job: Job) -> Job:
        return self._queue.submit_job(job)

    def _absorb(
        self, ws: str, images: tuple[ServiceImage, ...], source: HistoryItem, instruction: str
    ) -> list[HistoryItem]:
        # An upscale has no prompt of its own: it shows (and copies) its source's.
        items = [
            item if item.prompt else replace(item, prompt=source.prompt)
            for item in (image.as_history_item() for image in images)
        ]
        self._session.provenance.record(
            [item.image_id for item in items],
            EditOrigin(source.image_id, source.prompt, instruction),
        )
        self._add(ws, items)
        return items

    def _add(self, ws: str, items: list[HistoryItem]) -> None:
        """Into the history and the grid (the session keeps each image once); then credits."""
        self._session.add_to_history(ws, items, select=True)
        self._session.spawn(self._session.refresh_quota())

    def _on_finished(self, job: Job) -> None:
        if job.run is not None:
            self._cancels.pop(job.number, None)
            self.finished.emit(job)

    def _on_failed(self, job: Job) -> None:
        if job.run is not None:
            self._cancels.pop(job.number, None)
            self.failed.emit(job.message, job)
