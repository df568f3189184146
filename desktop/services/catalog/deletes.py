"""Sends the deletes whose undo time is over. Pure logic on a worker thread: the caller passes
``delete(workspace_id, image_id)`` (``NeuroflashClient.delete_image``).

An image is removed from the catalogue only when the server deleted it (or never had it: 404).
Anything else keeps it pending, so a delete that could not be sent goes out next time (also
after a restart); an undone delete is no longer pending and is never sent.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from desktop.api.errors import (
    AuthenticationError,
    NetworkError,
    NeuroflashError,
    NotFoundError,
    RateLimitedError,
)
from desktop.services.catalog.rows import PendingDelete
from desktop.services.catalog.store import CatalogStore

log = logging.getLogger(__name__)

Delete = Callable[[str, str], None]  # (workspace id, image id); raises NeuroflashError
RETRY_AFTER_S = 60.0  # a delete the server refused is tried again this much later

# No point sending the rest now: the network, the sign-in or the rate limit is the problem.
_STOP_ALL = (NetworkError, AuthenticationError, RateLimitedError)


@dataclass(frozen=True)
class DeleteReport:
    deleted: tuple[PendingDelete, ...]  # gone on the server and from the catalogue
    failed: tuple[PendingDelete, ...]  # still pending; retried later
    error: NeuroflashError | None  # the first error, for a message


def send_due_deletes(store: CatalogStore, delete: Delete, now: float | None = None) -> DeleteReport:
    """Send every delete due by ``now`` (default: the current time), oldest first."""
    moment = time.time() if now is None else now
    deleted: list[PendingDelete] = []
    failed: list[PendingDelete] = []
    error: NeuroflashError | None = None
    due = store.due_deletes(moment)
    for index, pending in enumerate(due):
        entry = store.entry(pending.workspace_id, pending.image_id)
        if entry is None or entry.delete_due is None:
            continue  # undone (or removed) since the list was read
        try:
            delete(pending.workspace_id, pending.image_id)
        except NotFoundError:
            pass  # already gone: that is what the designer wanted
        except NeuroflashError as err:
            error = error or err
            log.warning("Delete of %s failed: %s", pending.image_id, err)
            if isinstance(err, _STOP_ALL):
                failed.extend(due[index:])
                break
            failed.append(pending)
            store.mark_deleted(pending.workspace_id, [pending.image_id], moment + RETRY_AFTER_S)
            continue
        store.confirm_deleted(pending.workspace_id, [pending.image_id]).result()
        deleted.append(pending)
    store.flush()
    return DeleteReport(deleted=tuple(deleted), failed=tuple(failed), error=error)
