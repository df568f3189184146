"""Where images go in the shown history: new ones on top, deleted ones out, each image once.

The one place the history on screen is de-duplicated, so the grid's model inserts what it is
given. Generated, edited, imported and synced images all come through here; the session
forwards its ``add_to_history`` / ``remove_from_history`` (its ``SessionPort``) to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.api import HistoryItem

if TYPE_CHECKING:
    from desktop.app.session import Session


class HistoryPlacement:
    """Adds to and removes from ``Session.history``, emitting the session's signals."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, workspace_id: str, items: Sequence[HistoryItem], select: bool) -> None:
        """New images at the top of the current workspace's history, each image once.

        ``historyAdded`` carries only images the history did not have. The catalogue keeps
        them whichever workspace is on screen.
        """
        session = self._session
        if session.catalog is not None:
            session.catalog.add_items(workspace_id, list(items))
        if workspace_id == session.workspace_id:
            self.put_on_top(self.not_shown(items), select)

    def not_shown(self, items: Sequence[HistoryItem]) -> list[HistoryItem]:
        """``items`` without the images the history has already (and without repeats)."""
        known = {item.image_id for item in self._session.history}
        fresh: list[HistoryItem] = []
        for item in items:
            if item.image_id not in known:
                known.add(item.image_id)
                fresh.append(item)
        return fresh

    def put_on_top(self, fresh: list[HistoryItem], select: bool) -> None:
        session = self._session
        session.history[:0] = fresh
        session.historyAdded.emit(fresh, select)
        session.persist_history()

    def remove(self, workspace_id: str, image_ids: Sequence[str]) -> None:
        """Images the server deleted: out of the catalogue, and out of the grid when their
        workspace is on screen."""
        session = self._session
        if image_ids and session.catalog is not None:
            session.catalog.confirm_deleted(workspace_id, list(image_ids))
        if not image_ids or workspace_id != session.workspace_id:
            return
        gone = set(image_ids)
        session.history = [item for item in session.history if item.image_id not in gone]
        session.historyRemoved.emit(list(image_ids))
        session.persist_history()
