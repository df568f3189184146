"""The signed-in session: the client, the chosen workspace and what the UI shows of it.

Widgets call its coroutines and listen to its signals; it is the only object that talks to the
API, always through the BackgroundRunner, so the GUI thread never waits on the network.
Every failure goes out through ``errorRaised`` with an optional retry, to one place that
shows it. Making, editing, deleting and fetching images is ``ImageOperations``' job; the session
hands it the small ``SessionPort`` it needs and forwards the calls. Where images go in the
shown history is ``HistoryPlacement``'s job, keeping it in step with the catalogue
``CatalogSync``'s, loading the workspace's credits, models and history ``WorkspaceLoads``';
the session keeps the signals and forwards to them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

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
    Workspace,
)
from desktop.api.errors import AuthenticationError, NetworkError, NeuroflashError
from desktop.api.texts import QT_TRANSLATE_NOOP
from desktop.app.background import BackgroundRunner
from desktop.app.catalog_session import CatalogSession
from desktop.app.catalog_sync import CatalogSync
from desktop.app.edit_provenance import EditProvenance
from desktop.app.history_placement import HistoryPlacement
from desktop.app.history_saver import HistorySaver
from desktop.app.image_operations import ImageOperations, ImageServiceClient
from desktop.app.offline import Reconnector
from desktop.app.tasks import TaskSet
from desktop.app.undoable_deletes import UndoableDeletes
from desktop.app.workspace_loads import WorkspaceLoads
from desktop.services.history_store import HistoryStore

if TYPE_CHECKING:
    from desktop.api import NeuroflashClient  # imported on sign-in: requests is slow to load

log = logging.getLogger(__name__)

Retry = Callable[[], Awaitable[Any]] | None
Login = Callable[[], Awaitable[bool]]

T = TypeVar("T")


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
    historyExtended = Signal(list)  # older saved images, appended at the bottom
    historySynced = Signal(list)  # images a sync found, put on top (after historyAdded)
    loadingChanged = Signal(str, bool)
    errorRaised = Signal(object, object)
    notice = Signal(str)
    offlineChanged = Signal(bool)

    def __init__(
        self,
        runner: BackgroundRunner,
        settings: ApiSettings,
        parent: QObject | None = None,
        store: HistoryStore | None = None,
        origins_path: Path | None = None,
        catalog: CatalogSession | None = None,
    ):
        super().__init__(parent)
        self._runner = runner
        self._settings = settings
        self._client: NeuroflashClient | None = None
        self._store = store
        self._login: Login | None = None
        self.offline = False
        self.reconnector = Reconnector(self.reconnect, self.spawn, parent=self)
        self._tasks = TaskSet(report=self.report)
        self.workspaces: list[Workspace] = []
        self.workspace_id: str | None = None
        self.quota: ImageQuota | None = None
        self.models: list[ImageModel] = []
        self.history: list[HistoryItem] = []
        self.history_saver = (
            HistorySaver(store, runner, self.spawn, parent=self) if store is not None else None
        )
        self.provenance = EditProvenance(origins_path, runner, self.spawn)
        self.images = ImageOperations(self, self.provenance)
        self.placement = HistoryPlacement(self)
        self.catalog = catalog  # replaces the JSON copy (store, history_saver) when given
        self.undoable_deletes = UndoableDeletes(self) if catalog is not None else None
        self._saved_only = False  # the workspace shows only the saved copy: refresh on sign-in
        self.catalog_sync = CatalogSync(self, runner, self.placement, lambda: self._client)
        self.loads = WorkspaceLoads(self, self.catalog_sync, self._client_or_raise)

    # -- images (ImageOperations does the work) -----------------------------------------------

    async def generate(
        self, request: GenerationRequest, workspace_id: str | None = None
    ) -> GenerationResult:
        return await self.images.generate(request, workspace_id)

    async def edit(
        self,
        source: HistoryItem,
        prompt: str,
        options: EditRequest | None = None,
        workspace_id: str | None = None,
    ) -> GenerationResult:
        return await self.images.edit(source, prompt, options, workspace_id)

    async def delete(self, items: list[HistoryItem]) -> list[str]:
        return await self.images.delete(items)

    def fetch_image(
        self, item: HistoryItem, cancelled: Callable[[], bool] | None = None
    ) -> ImageData:
        return self.images.fetch_image(item, cancelled)

    def find_item(self, image_id: str) -> HistoryItem | None:
        return self.images.find_item(image_id)

    # -- the SessionPort the image operations use ---------------------------------------------

    def image_client(self) -> ImageServiceClient:
        """The signed-in client (also for bring-your-own-image jobs); AuthenticationError
        when signed out."""
        return self._client_or_raise()

    def show_notice(self, text: str) -> None:
        self.notice.emit(text)

    def add_to_history(self, workspace_id: str, items: Sequence[HistoryItem], select: bool) -> None:
        """New images at the top of the current workspace's history, each image once."""
        self.placement.add(workspace_id, items, select)

    def remove_from_history(self, workspace_id: str, image_ids: Sequence[str]) -> None:
        """Images the server deleted: out of the catalogue, and out of the grid when their
        workspace is on screen."""
        self.placement.remove(workspace_id, image_ids)

    def delete_unconfirmed(self, image_id: str) -> None:
        """A delete failed, but its answer may have been lost: the next sync asks about it."""
        self.catalog_sync.delete_unconfirmed(image_id)

    def check_gone(self, image_id: str) -> None:
        """The server answered "not found" for this image's download: asked about shortly,
        and taken out of the catalogue and the grid once the server confirms."""
        self.catalog_sync.check_gone(image_id)

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def api_settings(self) -> ApiSettings:
        return self._settings

    def spawn(self, coro: Awaitable[T]) -> asyncio.Future[T]:
        """Run a coroutine in the background, kept until it is done (``TaskSet``)."""
        return self._tasks.spawn(coro)

    def run(
        self,
        work: Awaitable[T],
        on_success: Callable[[T], object] | None = None,
        on_error: Callable[[Exception], object] | None = None,
        retry: Retry = None,
    ) -> asyncio.Future[None]:
        """Run ``work`` in the background; an error the caller does not handle with
        ``on_error`` is reported like every session error (the message bar, with ``retry``)."""
        return self._tasks.run(work, on_success, on_error, retry)

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        if self._client is None:
            raise AuthenticationError(QT_TRANSLATE_NOOP("Errors", "You are not signed in."))
        return await self._runner.run(fn, *args)

    def report(self, error: Exception, retry: Retry) -> None:
        if not isinstance(error, NeuroflashError):
            log.exception("Unexpected failure", exc_info=error)
            error = NeuroflashError(
                QT_TRANSLATE_NOOP("Errors", "Something went wrong. Try again."), detail=repr(error)
            )
        elif isinstance(error, AuthenticationError):
            self.authenticationFailed.emit(error.message)
            return
        elif isinstance(error, NetworkError) and error.connect_failure:
            self.set_offline(True)  # one plain "you're offline" instead of an error per call
            return
        log.warning("%s (%s)", error.message, error.detail or error.status)
        self.errorRaised.emit(error, retry)

    # -- sign-in and workspaces -------------------------------------------------------------

    async def sign_in(self, credentials: Credentials, settings: ApiSettings | None = None) -> None:
        """Sign in and load the workspaces; raises NeuroflashError for the dialog to show."""
        if settings is not None:
            self._settings = settings
        # Built on a worker: the first one imports requests (~100 ms of GIL-holding imports).
        client = await self._runner.run(_new_client, credentials, self._settings)
        try:
            await self._runner.run(client.sign_in)
            workspaces = await self._runner.run(client.workspaces)
        except BaseException:
            client.close()
            raise
        self._replace_client(client)
        was_offline, self._login = self.offline, None
        self.set_offline(False)
        self.workspaces = workspaces
        self._save(self._store.save_workspaces if self._store else None, workspaces)
        if self.catalog is not None:
            self.catalog.save_workspaces(workspaces)
            self.spawn(self.send_due_deletes())
            if self.undoable_deletes is not None:
                self.spawn(self.undoable_deletes.schedule_pending())
        self.workspacesChanged.emit(workspaces)
        self.signedIn.emit()
        saved_only, self._saved_only = self._saved_only, False
        if (was_offline or saved_only) and self.workspace_id in {w.id for w in workspaces}:
            self.spawn(self.loads.refresh_workspace())  # replace the saved view with live data

    # -- offline ------------------------------------------------------------------------------

    def show_saved(self) -> None:
        """Show the catalogue's workspaces and history now, before sign-in answers (saved
        credentials: the designer sees their images at once, online or not)."""
        if self.catalog is not None and not self.workspaces:
            self.spawn(self.catalog_sync.show_saved_workspaces())

    def go_offline(self, login: Login) -> None:
        """Sign-in could not reach neuroflash: show what was saved, and keep trying ``login``."""
        first = self._login is None
        self._login = login
        self.set_offline(True)
        if first and self.catalog is not None:
            self.spawn(self.catalog_sync.show_saved_workspaces())
        elif first and self._store is not None:
            self.workspaces = self._store.workspaces()
            self.workspacesChanged.emit(self.workspaces)

    def set_offline(self, offline: bool) -> None:
        if offline == self.offline:
            return
        self.offline = offline
        if offline:
            self.reconnector.start()
        else:
            self.reconnector.stop()
        self.offlineChanged.emit(offline)

    async def reconnect(self) -> bool:
        """One probe while offline; True when neuroflash answered (and the view is refreshed)."""
        if self._client is None:
            return self._login is not None and await self._login()
        try:
            await self.call(self._client.workspaces)
        except NetworkError:
            return False
        except NeuroflashError:
            pass  # reachable; refresh_all reports what is wrong
        self.set_offline(False)
        await self.refresh_all()
        return True

    def _save(self, fn: Callable[..., Any] | None, *args: Any) -> None:
        """Persist off the GUI thread; best effort (the store logs its own failures)."""
        if fn:
            self.spawn(self._runner.run(fn, *args))

    def persist_history(self) -> None:
        """The shown history into the JSON offline copy (when there is one), soon."""
        if self.history_saver is not None and self.workspace_id:
            self.history_saver.changed(self.workspace_id, self.history)

    def sign_out(self) -> None:
        if self.history_saver is not None:
            self.history_saver.save_now()  # the last changes still belong in the offline copy
        self._login = None
        self._saved_only = False
        self.set_offline(False)
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
        self.provenance.load_soon()
        self.quota, self.models, self.history = None, [], []
        self.workspaceChanged.emit(workspace_id)
        self.historyReset.emit([])
        if self.catalog is not None:
            await self.catalog_sync.show_saved_history(workspace_id)
            if self._client is None:  # offline, or signing in (sign_in refreshes after)
                self._saved_only = True
                return
        elif self._client is None and self.offline and self._store is not None:
            self.history = await self._runner.run(self._store.history, workspace_id)
            self.historyReset.emit(self.history)
            return
        await self.loads.refresh_workspace()

    async def refresh_all(self) -> None:
        """The workspace list, then the chosen workspace's loads (``WorkspaceLoads``)."""
        await self.loads.refresh_all()

    async def refresh_quota(self) -> None:
        await self.loads.refresh_quota()

    async def refresh_models(self) -> None:
        await self.loads.refresh_models()

    async def refresh_history(self) -> None:
        await self.loads.refresh_history()

    def _client_or_raise(self) -> NeuroflashClient:
        if self._client is None:
            raise AuthenticationError(QT_TRANSLATE_NOOP("Errors", "You are not signed in."))
        return self._client

    async def quota_of(self, workspace_id: str) -> ImageQuota | None:
        """Another workspace's credits (to suggest one that has some); raises on failure."""
        return await self.call(self._client_or_raise().image_quota, workspace_id)

    # -- the catalogue (desktop/app/catalog_session.py) -------------------------------------

    async def send_due_deletes(self) -> None:
        """Deletes whose undo time passed, also those a quit left pending."""
        if self.catalog is None or self._client is None:
            return
        await self.catalog.store()
        try:
            report = await self._runner.run(self.catalog.send_due_deletes, self._client)
        except Exception:
            log.warning("Sending pending deletes failed", exc_info=True)
            return
        if report is not None and report.error is not None:
            self.report(report.error, None)  # they stay pending and are tried again later

    def require_workspace(self) -> str:
        if not self.workspace_id:
            raise NeuroflashError(QT_TRANSLATE_NOOP("Errors", "Choose a workspace first."))
        return self.workspace_id

    def close(self) -> None:
        if self.history_saver is not None:
            self.history_saver.flush()
        if self.undoable_deletes is not None:
            self.undoable_deletes.stop()
        if self.catalog is not None:
            self.catalog.close()  # finishes the queued writes (pending deletes stay pending)
        self.reconnector.stop()
        self._tasks.cancel_all()
        self._replace_client(None)


def _new_client(credentials: Credentials, settings: ApiSettings) -> NeuroflashClient:
    from desktop.api import NeuroflashClient

    return NeuroflashClient(credentials, settings)
