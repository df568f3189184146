"""The signed-in session: the client, the chosen workspace and what the UI shows of it.

Widgets call its coroutines and listen to its signals; it is the only object that talks to the
API, always through the BackgroundRunner, so the GUI thread never waits on the network.
Every failure goes out through ``errorRaised`` with an optional retry, to one place that
shows it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.api import (
    ApiSettings,
    Credentials,
    EditRequest,
    GenerationRequest,
    GenerationResult,
    HistoryItem,
    ImageData,
    ImageModel,
    ImageQuota,
    NeuroflashClient,
    Workspace,
    view_path,
)
from desktop.api.errors import AuthenticationError, NeuroflashError
from desktop.ui.background import BackgroundRunner

log = logging.getLogger(__name__)

Retry = Callable[[], Awaitable[Any]] | None
_FAILED = object()  # a load that failed or went stale; distinct from a real None answer


class Session(QObject):
    """Observable state of one signed-in account; emits, never touches widgets."""

    signedIn = Signal()
    authenticationFailed = Signal(str)
    workspacesChanged = Signal(list)
    workspaceChanged = Signal(str)
    quotaChanged = Signal(object)
    modelsChanged = Signal(list)
    historyReset = Signal(list)
    historyAdded = Signal(list, bool)
    historyRemoved = Signal(list)
    loadingChanged = Signal(str, bool)
    errorRaised = Signal(object, object)
    notice = Signal(str)

    def __init__(
        self, runner: BackgroundRunner, settings: ApiSettings, parent: QObject | None = None
    ):
        super().__init__(parent)
        self._runner = runner
        self._settings = settings
        self._client: NeuroflashClient | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self.workspaces: list[Workspace] = []
        self.workspace_id: str | None = None
        self.quota: ImageQuota | None = None
        self.models: list[ImageModel] = []
        self.history: list[HistoryItem] = []

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def api_settings(self) -> ApiSettings:
        return self._settings

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run a coroutine in the background, keeping a reference so it is not collected."""
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _call(self, fn: Callable[..., Any], *args: Any) -> Any:
        if self._client is None:
            raise AuthenticationError("You are not signed in.")
        return await self._runner.run(fn, *args)

    def _report(self, error: Exception, retry: Retry) -> None:
        if not isinstance(error, NeuroflashError):
            log.exception("Unexpected failure", exc_info=error)
            error = NeuroflashError("Something went wrong. Try again.", detail=repr(error))
        elif isinstance(error, AuthenticationError):
            self.authenticationFailed.emit(error.message)
            return
        log.warning("%s (%s)", error.message, error.detail or error.status)
        self.errorRaised.emit(error, retry)

    # -- sign-in and workspaces -------------------------------------------------------------

    async def sign_in(self, credentials: Credentials, settings: ApiSettings | None = None) -> None:
        """Sign in and load the workspaces; raises NeuroflashError for the dialog to show."""
        if settings is not None:
            self._settings = settings
        client = NeuroflashClient(credentials, self._settings)
        try:
            await self._runner.run(client.sign_in)
            workspaces = await self._runner.run(client.workspaces)
        except BaseException:
            client.close()
            raise
        self._replace_client(client)
        self.workspaces = workspaces
        self.workspacesChanged.emit(workspaces)
        self.signedIn.emit()

    def sign_out(self) -> None:
        self._replace_client(None)
        self.workspaces, self.workspace_id, self.quota = [], None, None
        self.models, self.history = [], []

    def _replace_client(self, client: NeuroflashClient | None) -> None:
        old, self._client = self._client, client
        if old is not None:
            old.close()

    async def select_workspace(self, workspace_id: str) -> None:
        """Switch quota, models and history to another workspace."""
        self.workspace_id = workspace_id
        self.quota, self.models, self.history = None, [], []
        self.workspaceChanged.emit(workspace_id)
        self.historyReset.emit([])
        await asyncio.gather(self.refresh_quota(), self.refresh_models(), self.refresh_history())

    async def refresh_all(self) -> None:
        try:
            workspaces = await self._call(self._client_or_raise().workspaces)
        except Exception as error:
            self._report(error, self.refresh_all)
            return
        self.workspaces = workspaces
        self.workspacesChanged.emit(workspaces)
        if self.workspace_id:
            await asyncio.gather(
                self.refresh_quota(), self.refresh_models(), self.refresh_history()
            )

    def _client_or_raise(self) -> NeuroflashClient:
        if self._client is None:
            raise AuthenticationError("You are not signed in.")
        return self._client

    async def _load(self, what: str, fn: Callable[..., Any], *args: Any) -> Any:
        """One load with its busy flag and error report; _FAILED when it failed or is stale."""
        workspace = self.workspace_id
        self.loadingChanged.emit(what, True)
        try:
            result = await self._call(fn, *args)
        except asyncio.CancelledError:
            raise
        except Exception as error:
            self._report(error, lambda: self._reload(what))
            return _FAILED
        finally:
            self.loadingChanged.emit(what, False)
        if workspace != self.workspace_id:
            return _FAILED  # the user switched workspace meanwhile; this answer is stale
        return result

    async def _reload(self, what: str) -> None:
        loaders = {"quota": self.refresh_quota, "models": self.refresh_models}
        await loaders.get(what, self.refresh_history)()

    async def refresh_quota(self) -> None:
        if not self.workspace_id:
            return
        quota = await self._load("quota", self._client_or_raise().image_quota, self.workspace_id)
        if quota is not _FAILED:
            self.quota = quota
            self.quotaChanged.emit(quota)

    async def refresh_models(self) -> None:
        if not self.workspace_id:
            return
        models = await self._load("models", self._client_or_raise().models, self.workspace_id)
        if models is not _FAILED:
            self.models = models
            self.modelsChanged.emit(models)

    async def refresh_history(self) -> None:
        if not self.workspace_id:
            return
        items = await self._load("history", self._client_or_raise().history, self.workspace_id)
        if items is not _FAILED:
            self.history = items
            self.historyReset.emit(items)

    # -- images -------------------------------------------------------------------------------

    async def generate(self, request: GenerationRequest) -> GenerationResult:
        """Generate images; raises NeuroflashError so the panel can show it next to the prompt."""
        ws = self._require_workspace()
        result: GenerationResult = await self._call(self._client_or_raise().generate, ws, request)
        await self.absorb_result(ws, result, request.model, request.aspect_ratio, select=True)
        return result

    async def edit(self, source: HistoryItem, prompt: str) -> GenerationResult:
        ws = self._require_workspace()
        request = EditRequest(prompt=prompt, image_urls=[source.image_url])
        result: GenerationResult = await self._call(self._client_or_raise().edit, ws, request)
        await self.absorb_result(ws, result, source.model, source.aspect_ratio, select=True)
        return result

    async def absorb_result(
        self,
        workspace_id: str,
        result: GenerationResult,
        model: str | None,
        aspect_ratio: str | None,
        select: bool,
    ) -> None:
        """Put freshly made images at the top of the grid and refresh the credits."""
        if result.detail:
            self.notice.emit(result.detail)
        if workspace_id == self.workspace_id:
            known = {item.image_id for item in self.history}
            fresh = [
                _item_from_result(result, image, model, aspect_ratio)
                for image in result.images
                if image.image_id not in known
            ]
            self.history[:0] = fresh
            self.historyAdded.emit(fresh, select)
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
        if failure is not None:
            left = [item for item in items if item.image_id not in gone]
            self._report(failure, lambda: self.delete(left))
        self.spawn(self.refresh_quota())
        return gone

    def fetch_image(self, item: HistoryItem) -> ImageData:
        """Blocking download of one history image; for worker threads only."""
        client = self._client_or_raise()
        workspace = self.workspace_id or ""
        return client.download_image(workspace, item.image_url)

    def _require_workspace(self) -> str:
        if not self.workspace_id:
            raise NeuroflashError("Choose a workspace first.")
        return self.workspace_id

    def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        self._replace_client(None)


def _item_from_result(
    result: GenerationResult, image: Any, model: str | None, aspect_ratio: str | None
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
        kind="text2image",
        input_image_urls=(),
    )
