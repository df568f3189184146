"""Moves the old JSON offline copy (``HistoryStore``) into the catalogue, once.

After the import the catalogue is the offline copy; the JSON files are left on disk, unread
and unwritten (a downgrade still finds them). A catalogue that was rebuilt after damage skips
the import: the JSON copy is older than the catalogue was, the server is the better source.
"""

from __future__ import annotations

import logging
from pathlib import Path

from desktop.services.catalog.store import CatalogStore
from desktop.services.history_store import HistoryStore

log = logging.getLogger(__name__)

IMPORTED_KEY = "json_history_imported"


def import_json_once(store: CatalogStore, json_root: Path) -> int:
    """Import every workspace's saved history from ``json_root``; returns images added.
    Blocking: call from a worker. Does nothing after the first time."""
    if store.meta(IMPORTED_KEY) is not None:
        return 0
    added = 0
    if store.damage is None:
        old = HistoryStore(Path(json_root))
        workspaces = old.workspaces()
        if workspaces:
            store.save_workspaces(workspaces).result()
        for ws in workspaces:
            items = old.history(ws.id)  # newest first, as saved
            if items:
                added += len(store.add_items(ws.id, items).result())
        log.info(
            "Imported %d images of %d workspaces from the JSON offline copy", added, len(workspaces)
        )
    store.set_meta(IMPORTED_KEY, "1").result()
    return added
