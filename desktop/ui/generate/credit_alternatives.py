"""When this workspace has no credits (or no image plan), look for one that has.

Only then, and once per quota answer: it asks neuroflash for the other workspaces' credits in
the background and offers the first with credits left through ``CreditWayOut``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from desktop.api import ImageQuota
from desktop.api.errors import NeuroflashError
from desktop.app.session import Session
from desktop.ui.generate.credit_way_out import CreditWayOut

log = logging.getLogger(__name__)


class OtherWorkspaceCredits(QObject):
    """Feeds ``way_out.offer_workspace`` from the session's quota answers."""

    def __init__(self, session: Session, way_out: CreditWayOut, parent: QObject) -> None:
        super().__init__(parent)
        self._session = session
        self._way_out = way_out
        session.quotaChanged.connect(self._on_quota)
        session.workspaceChanged.connect(lambda _id: way_out.offer_workspace(None))

    def _on_quota(self, quota: ImageQuota | None) -> None:
        if quota is not None and quota.remaining > 0:
            self._way_out.offer_workspace(None)
            return
        self._session.spawn(self._look(self._session.workspace_id))

    async def _look(self, current: str | None) -> None:
        for workspace in list(self._session.workspaces):
            if workspace.id == current:
                continue
            try:
                quota = await self._session.quota_of(workspace.id)
            except NeuroflashError as error:  # only a suggestion: never an error on screen
                log.info("Credits of another workspace unknown: %s", error.message)
                continue
            if current != self._session.workspace_id:
                return  # the designer moved on meanwhile
            if quota is not None and quota.remaining > 0:
                self._way_out.offer_workspace(workspace.id, workspace.name, quota.remaining)
                return
        self._way_out.offer_workspace(None)
