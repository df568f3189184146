"""The last history list per workspace (and the workspace list), kept on disk as JSON so the
app can show saved images when it starts without a network. Thumbnails live in the disk cache.

Writes are atomic (temp file + rename); a damaged or foreign file reads as "nothing saved".
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.api import HistoryItem, Workspace
from desktop.services.atomic_write import write_atomic

log = logging.getLogger(__name__)
_VERSION = 1
MAX_SAVED_ITEMS = 2000  # enough to fill the grid offline; keeps the file small


_FIELDS = frozenset(f.name for f in dataclasses.fields(HistoryItem))


def _json_value(value: Any) -> Any:
    """What json cannot encode by itself: the creation time."""
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _item_from_json(data: dict[str, Any]) -> HistoryItem:
    values = {k: v for k, v in data.items() if k in _FIELDS}
    if values.get("created_at"):
        values["created_at"] = datetime.fromisoformat(values["created_at"])
    values["input_image_urls"] = tuple(values.get("input_image_urls") or ())
    return HistoryItem(**values)


def _encode_items(items: list[HistoryItem], chunk: int = 100) -> str:
    """A JSON array of the items, encoded a slice at a time: json.dumps runs in C without
    letting go of the GIL, ~10 ms for 2,000 items, and the GUI thread would wait that long."""
    # vars(): the item's own field dict, no copy (dataclasses.asdict deep-copied every field)
    parts = (
        json.dumps([vars(i) for i in items[n : n + chunk]], default=_json_value)[1:-1]
        for n in range(0, len(items), chunk)
    )
    return "[" + ",".join(parts) + "]"


class HistoryStore:
    """One JSON file per workspace plus ``workspaces.json`` in ``root``."""

    def __init__(self, root: Path) -> None:
        self._root = Path(root)

    def _file(self, workspace_id: str) -> Path:
        digest = hashlib.sha256(workspace_id.encode("utf-8", "surrogatepass")).hexdigest()
        return self._root / f"history-{digest[:32]}.json"

    def _write(self, path: Path, payload: Any, encoded: str | None = None) -> None:
        """Save ``payload`` (or its ready-made JSON text ``encoded``) in the versioned envelope."""
        try:
            self._root.mkdir(parents=True, exist_ok=True)
            data = json.dumps(payload) if encoded is None else encoded
            write_atomic(path, f'{{"version": {_VERSION}, "data": {data}}}'.encode())
        except OSError as err:  # a full disk must not break the session; offline view is a bonus
            log.warning("Could not save %s: %s", path.name, err)

    def _read(self, path: Path) -> Any:
        try:
            doc = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as err:
            log.warning("Ignoring unreadable %s: %s", path.name, err)
            return None
        return doc.get("data") if isinstance(doc, dict) and doc.get("version") == _VERSION else None

    def save_workspaces(self, workspaces: list[Workspace]) -> None:
        self._write(
            self._root / "workspaces.json", [{"id": w.id, "name": w.name} for w in workspaces]
        )

    def workspaces(self) -> list[Workspace]:
        data = self._read(self._root / "workspaces.json") or []
        try:
            return [Workspace(id=str(w["id"]), name=str(w["name"])) for w in data]
        except (KeyError, TypeError):
            return []

    def save_history(self, workspace_id: str, items: list[HistoryItem]) -> None:
        encoded = _encode_items(items[:MAX_SAVED_ITEMS])
        self._write(
            self._file(workspace_id),
            None,
            f'{{"workspace_id": {json.dumps(workspace_id)}, "items": {encoded}}}',
        )

    def history(self, workspace_id: str) -> list[HistoryItem]:
        data = self._read(self._file(workspace_id))
        if not isinstance(data, dict) or data.get("workspace_id") != workspace_id:
            return []
        try:
            return [_item_from_json(d) for d in data.get("items", [])]
        except (TypeError, ValueError) as err:
            log.warning("Ignoring saved history of %s: %s", workspace_id, err)
            return []
