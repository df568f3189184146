"""The image operations of a session: generate, edit, delete and download.

They get what they need of the session through their constructor, as the small ``SessionPort``
below, so they can be tried against a fake (tests/app/test_image_operations.py).
Credit-spending calls are never repeated by the app.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

from desktop.api import (
    EditRequest,
    GeneratedImage,
    GenerationRequest,
    GenerationResult,
    HistoryItem,
    ImageData,
    view_path,
)
from desktop.api.errors import AuthenticationError, NetworkError, UnexpectedResponseError
from desktop.api.models import EditTaskRequest, ImageTaskResult, ServiceImage, UpscaleTaskRequest
from desktop.api.task_wait import Cancel
from desktop.api.texts import QT_TRANSLATE_NOOP
from desktop.api.uploads import UploadSource
from desktop.app.edit_provenance import EditProvenance
from desktop.services.edit_origins import EditOrigin

T = TypeVar("T")

REFRESH_AFTER_DROP_S = 3.0  # a dropped generate/edit: look for its images this much later
UNREADABLE_SPEND = QT_TRANSLATE_NOOP(
    "Errors",
    "neuroflash answered, but the app could not read the answer. Your images may still "
    "arrive: refresh in a moment.",
)
OFFLINE_NOT_SAVED = QT_TRANSLATE_NOOP(
    "Errors", "You're offline, and this image isn't saved on this computer."
)


class ImageClient(Protocol):
    """The calls of the neuroflash client that make, delete and fetch images (blocking)."""

    def generate(self, workspace_id: str, request: GenerationRequest) -> GenerationResult: ...
    def edit(self, workspace_id: str, request: EditRequest) -> GenerationResult: ...
    def delete_image(self, workspace_id: str, output_image_id: str) -> None: ...
    def download_image(
        self, workspace_id: str, url: str, cancelled: Callable[[], bool] | None = None
    ) -> ImageData: ...


class ImageServiceClient(ImageClient, Protocol):
    """ImageClient plus the image-service calls that bring your own image (byo_jobs.py)."""

    def upload_image(
        self, workspace_id: str, source: UploadSource, name: str = ""
    ) -> ServiceImage: ...
    def upscale_image(
        self,
        workspace_id: str,
        request: UpscaleTaskRequest,
        *,
        cancel: Cancel = None,
        time_limit: float | None = None,
    ) -> ImageTaskResult: ...
    def edit_image(
        self,
        workspace_id: str,
        request: EditTaskRequest,
        *,
        cancel: Cancel = None,
        time_limit: float | None = None,
    ) -> ImageTaskResult: ...


class SessionPort(Protocol):
    """What the image operations need of the session."""

    @property
    def workspace_id(self) -> str | None: ...
    @property
    def offline(self) -> bool: ...
    @property
    def history(self) -> Sequence[HistoryItem]: ...

    def image_client(self) -> ImageClient:
        """The signed-in client; raises AuthenticationError when signed out."""
        ...

    def require_workspace(self) -> str: ...
    async def call(self, fn: Callable[..., T], *args: Any) -> T: ...
    def spawn(self, coro: Awaitable[T]) -> asyncio.Future[T]: ...
    def set_offline(self, offline: bool) -> None: ...
    def report(self, error: Exception, retry: Callable[[], Awaitable[Any]] | None) -> None: ...
    def show_notice(self, text: str) -> None: ...
    def add_to_history(
        self, workspace_id: str, items: Sequence[HistoryItem], select: bool
    ) -> None: ...
    def remove_from_history(self, workspace_id: str, image_ids: Sequence[str]) -> None: ...
    def delete_unconfirmed(self, image_id: str) -> None: ...
    async def refresh_history(self) -> None: ...
    async def refresh_quota(self) -> None: ...


class ImageOperations:
    """Makes, changes and fetches images for one session."""

    def __init__(self, session: SessionPort, provenance: EditProvenance) -> None:
        self._session = session
        self._provenance = provenance

    async def generate(
        self, request: GenerationRequest, workspace_id: str | None = None
    ) -> GenerationResult:
        """Generate images in ``workspace_id`` (default: the current one; a queued job keeps
        the workspace it was asked in); raises NeuroflashError for the panel to show."""
        ws = workspace_id or self._session.require_workspace()
        client = self._session.image_client()
        result = await self.spend(client.generate, ws, request)
        self.absorb_result(ws, result, request.model, request.aspect_ratio, select=True)
        return result

    async def edit(
        self,
        source: HistoryItem,
        prompt: str,
        options: EditRequest | None = None,
        workspace_id: str | None = None,
    ) -> GenerationResult:
        """Edit ``source`` with the instruction ``prompt`` in ``workspace_id`` (default: the
        current one); ``options`` carries the model, count, ratio and format chosen in the
        dialog (the server's defaults otherwise). Where the new images came from is recorded,
        so their prompt chain survives."""
        ws = workspace_id or self._session.require_workspace()
        request = replace(
            options or EditRequest(prompt, ()), prompt=prompt, image_urls=[source.image_url]
        )
        client = self._session.image_client()
        result = await self.spend(client.edit, ws, request)
        self._provenance.record(
            [image.image_id for image in result.images],
            EditOrigin(source.image_id, source.prompt, prompt),
        )
        self.absorb_result(
            ws,
            result,
            request.model or source.model,
            request.aspect_ratio or source.aspect_ratio,
            select=True,
            source=source,
        )
        return result

    def find_item(self, image_id: str) -> HistoryItem | None:
        """The loaded history's item with this id, or None."""
        return next((item for item in self._session.history if item.image_id == image_id), None)

    async def spend(self, fn: Callable[..., T], *args: Any) -> T:
        """A credit-spending call: never repeated; a drop after sending refreshes history soon,
        so images the server made anyway appear without the designer asking twice."""
        try:
            return await self._session.call(fn, *args)
        except NetworkError as error:
            if error.maybe_delivered:
                self._session.spawn(self.refresh_later(REFRESH_AFTER_DROP_S))
            elif error.connect_failure:
                self._session.set_offline(True)
            raise
        except UnexpectedResponseError as error:
            if error.status is None or 200 <= error.status < 300:
                # The server may well have made (and charged) the images: never suggest
                # "try again"; look for them instead.
                error.message = UNREADABLE_SPEND
                self._session.spawn(self.refresh_later(REFRESH_AFTER_DROP_S))
            raise

    async def refresh_later(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
        await self._session.refresh_history()
        await self._session.refresh_quota()

    def absorb_result(
        self,
        workspace_id: str,
        result: GenerationResult,
        model: str | None,
        aspect_ratio: str | None,
        select: bool,
        source: HistoryItem | None = None,
    ) -> None:
        """Put freshly made images at the top of the grid and refresh the credits."""
        if result.detail:
            self._session.show_notice(result.detail)
        fresh = [
            _item_from_result(result, image, model, aspect_ratio, source) for image in result.images
        ]
        self._session.add_to_history(workspace_id, fresh, select)
        self._session.spawn(self._session.refresh_quota())

    async def delete(self, items: list[HistoryItem]) -> list[str]:
        """Delete images one by one; returns the ids that are gone. Failures are reported."""
        ws = self._session.require_workspace()
        client = self._session.image_client()
        gone: list[str] = []
        failure: Exception | None = None
        for item in items:
            try:
                await self._session.call(client.delete_image, ws, item.image_id)
            except Exception as error:
                failure = error
                self._session.delete_unconfirmed(item.image_id)  # the next sync asks about it
                continue
            gone.append(item.image_id)
        if gone:
            self._session.remove_from_history(ws, gone)
        if failure is not None:
            left = [item for item in items if item.image_id not in gone]
            self._session.report(failure, lambda: self.delete(left))
        self._session.spawn(self._session.refresh_quota())
        return gone

    def fetch_image(
        self, item: HistoryItem, cancelled: Callable[[], bool] | None = None
    ) -> ImageData:
        """Blocking download of one history image; for worker threads only. It stops
        mid-way once ``cancelled()`` is true (the thumbnail scrolled far away)."""
        try:
            client = self._session.image_client()
        except AuthenticationError:
            if self._session.offline:
                raise NetworkError(OFFLINE_NOT_SAVED) from None
            raise
        workspace = self._session.workspace_id or ""
        return client.download_image(workspace, item.image_url, cancelled)


def _item_from_result(
    result: GenerationResult,
    image: GeneratedImage,
    model: str | None,
    aspect_ratio: str | None,
    source: HistoryItem | None = None,
) -> HistoryItem:
    """A history row for a just-made image, so it shows before the next history refresh."""
    return HistoryItem(
        image_id=image.image_id,
        image_url=view_path(image.image_id),
        batch_id=result.batch_id,
        prompt=result.prompt,
        model=model,
        aspect_ratio=aspect_ratio,
        output_format=(image.content_type or "").removeprefix("image/") or None,
        content_type=image.content_type,
        width=image.width,
        height=image.height,
        file_size=image.file_size,
        created_at=datetime.now(UTC),
        kind="image2image" if source is not None else "text2image",
        input_image_urls=(source.image_url,) if source is not None else (),
    )
