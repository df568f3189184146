"""The image half of the session: generate, edit, delete and download.

A mixin of ``Session`` (it uses the session's client, runner, signals and history), split out
so each file stays small. Credit-spending calls are never repeated by the app.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from desktop.api import (
    EditRequest,
    GenerationRequest,
    GenerationResult,
    HistoryItem,
    ImageData,
    view_path,
)
from desktop.api.errors import NetworkError, UnexpectedResponseError
from desktop.api.texts import QT_TRANSLATE_NOOP
from desktop.app.edit_provenance import EditProvenance
from desktop.services.edit_origins import EditOrigin

REFRESH_AFTER_DROP_S = 3.0  # a dropped generate/edit: look for its images this much later
UNREADABLE_SPEND = QT_TRANSLATE_NOOP(
    "Errors",
    "neuroflash answered, but the app could not read the answer. Your images may still "
    "arrive: refresh in a moment.",
)


class SessionImages:
    """Methods of Session that make, change and fetch images."""

    # Provided by Session:
    history: list[HistoryItem]
    workspace_id: str | None
    offline: bool
    provenance: EditProvenance
    _client: Any

    async def generate(
        self, request: GenerationRequest, workspace_id: str | None = None
    ) -> GenerationResult:
        """Generate images in ``workspace_id`` (default: the current one; a queued job keeps
        the workspace it was asked in); raises NeuroflashError for the panel to show."""
        ws = workspace_id or self._require_workspace()
        result: GenerationResult = await self._spend(self._client_or_raise().generate, ws, request)
        await self.absorb_result(ws, result, request.model, request.aspect_ratio, select=True)
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
        ws = workspace_id or self._require_workspace()
        request = replace(options or EditRequest(prompt, ()), prompt=prompt,
                          image_urls=[source.image_url])
        result: GenerationResult = await self._spend(self._client_or_raise().edit, ws, request)
        self.provenance.record(
            [image.image_id for image in result.images],
            EditOrigin(source.image_id, source.prompt, prompt),
        )
        await self.absorb_result(
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
        return next((item for item in self.history if item.image_id == image_id), None)

    async def _spend(self, fn: Callable[..., Any], *args: Any) -> Any:
        """A credit-spending call: never repeated; a drop after sending refreshes history soon,
        so images the server made anyway appear without the designer asking twice."""
        try:
            return await self._call(fn, *args)
        except NetworkError as error:
            if error.maybe_delivered:
                self.spawn(self._refresh_later(REFRESH_AFTER_DROP_S))
            elif error.connect_failure:
                self._set_offline(True)
            raise
        except UnexpectedResponseError as error:
            if error.status is None or 200 <= error.status < 300:
                # The server may well have made (and charged) the images: never suggest
                # "try again"; look for them instead.
                error.message = UNREADABLE_SPEND
                self.spawn(self._refresh_later(REFRESH_AFTER_DROP_S))
            raise

    async def _refresh_later(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
        await self.refresh_history()
        await self.refresh_quota()

    async def absorb_result(
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
            self.notice.emit(result.detail)
        if workspace_id == self.workspace_id:
            known = {item.image_id for item in self.history}
            fresh = [
                _item_from_result(result, image, model, aspect_ratio, source)
                for image in result.images
                if image.image_id not in known
            ]
            self.history[:0] = fresh
            self.historyAdded.emit(fresh, select)
            self._persist_history()
        self.spawn(self.refresh_quota())

    async def delete(self, items: list[HistoryItem]) -> list[str]:
        """Delete images one by one; returns the ids that are gone. Failures are reported."""
        ws = self._require_workspace()
        client = self._client_or_raise()
        gone: list[str] = []
        failure: Exception | None = None
        for item in items:
            try:
                await self._call(client.delete_image, ws, item.image_id)
            except Exception as error:
                failure = error
                continue
            gone.append(item.image_id)
        if gone and ws == self.workspace_id:
            self.history = [item for item in self.history if item.image_id not in set(gone)]
            self.historyRemoved.emit(gone)
            self._persist_history()
        if failure is not None:
            left = [item for item in items if item.image_id not in gone]
            self._report(failure, lambda: self.delete(left))
        self.spawn(self.refresh_quota())
        return gone

    def fetch_image(
        self, item: HistoryItem, cancelled: Callable[[], bool] | None = None
    ) -> ImageData:
        """Blocking download of one history image; for worker threads only. It stops
        mid-way once ``cancelled()`` is true (the thumbnail scrolled far away)."""
        if self._client is None and self.offline:
            raise NetworkError(
                QT_TRANSLATE_NOOP(
                    "Errors", "You're offline, and this image isn't saved on this computer."
                )
            )
        client = self._client_or_raise()
        workspace = self.workspace_id or ""
        return client.download_image(workspace, item.image_url, cancelled)


def _item_from_result(
    result: GenerationResult,
    image: Any,
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
