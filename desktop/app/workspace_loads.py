"""Loading the chosen workspace's credits, models and history from neuroflash.

Each load shows its busy flag (``loadingChanged``), reports a failure with a retry, and
drops an answer that arrives after the designer switched workspace. With a catalogue the
history load is a sync that asks only for what is new; ``CatalogSync`` shows what changed.
The ``Session`` keeps refresh_all/refresh_quota/refresh_models/refresh_history and forwards.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop.app.catalog_sync import CatalogSync

if TYPE_CHECKING:
    from desktop.api import NeuroflashClient
    from desktop.app.session import Session

FAILED = object()  # a load that failed or went stale; distinct from a real None answer


class WorkspaceLoads:
    """The session's loads for its current workspace; results go into the session."""

    def __init__(
        self,
        session: Session,
        catalog_sync: CatalogSync,
        client: Callable[[], NeuroflashClient],
    ) -> None:
        self._session = session
        self._catalog_sync = catalog_sync
        self._client = client  # the signed-in client; AuthenticationError when signed out

    async def refresh_workspace(self) -> None:
        await asyncio.gather(self.refresh_quota(), self.refresh_models(), self.refresh_history())

    async def refresh_all(self) -> None:
        session = self._session
        try:
            workspaces = await session.call(self._client().workspaces)
        except Exception as error:
            session.report(error, self.refresh_all)
            return
        session.workspaces = workspaces
        session.workspacesChanged.emit(workspaces)
        if session.workspace_id:
            await asyncio.gather(
                self.refresh_quota(), self.refresh_models(), self.refresh_history()
            )

    async def _load(self, what: str, fn: Callable[..., Any], *args: Any) -> Any:
        """One load with its busy flag and error report; FAILED when it failed or is stale."""
        session = self._session
        workspace = session.workspace_id
        session.loadingChanged.emit(what, True)
        try:
            result = await session.call(fn, *args)
        except asyncio.CancelledError:
            raise
        except Exception as error:
            session.report(error, lambda: self._reload(what))
            return FAILED
        finally:
            session.loadingChanged.emit(what, False)
        if workspace != session.workspace_id:
            return FAILED  # the user switched workspace meanwhile; this answer is stale
        return result

    async def _reload(self, what: str) -> None:
        loaders = {"quota": self.refresh_quota, "models": self.refresh_models}
        await loaders.get(what, self.refresh_history)()

    async def refresh_quota(self) -> None:
        session = self._session
        if not session.workspace_id:
            return
        quota = await self._load("quota", self._client().image_quota, session.workspace_id)
        if quota is not FAILED:
            session.quota = quota
            session.quotaChanged.emit(quota)

    async def refresh_models(self) -> None:
        session = self._session
        if not session.workspace_id:
            return
        models = await self._load("models", self._client().models, session.workspace_id)
        if models is not FAILED:
            session.models = models
            session.modelsChanged.emit(models)

    async def refresh_history(self) -> None:
        session = self._session
        if not session.workspace_id:
            return
        if session.catalog is not None:
            await self._sync_history()
            return
        items = await self._load("history", self._client().history, session.workspace_id)
        if items is not FAILED:
            session.history = items
            session.historyReset.emit(items)
            session.persist_history()

    async def _sync_history(self) -> None:
        """Ask only for what is new; ``CatalogSync`` shows what changed."""
        session = self._session
        assert session.catalog is not None
        ws = session.workspace_id
        client = self._client()
        await session.catalog.store()
        result = await self._load("history", session.catalog.sync, ws, client)
        if result is FAILED or ws is None:
            return
        await self._catalog_sync.synced(ws, client, result)
