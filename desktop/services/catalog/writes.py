"""Every change to the catalogue, as functions of the writer connection.

Each touches only the rows that change (one statement per image, never a rewrite of the
table). They run inside the transaction ``CatalogStore`` opens on its writer thread; nothing
here may be called from anywhere else.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime

from desktop.api import HistoryItem, Workspace
from desktop.services.catalog.rows import (
    API_COLUMNS,
    SLOTS_PER_MS,
    Collection,
    Kind,
    api_values,
    default_kind,
    sort_key_range,
    source_id_from_urls,
)

_INSERT = (
    f"INSERT INTO images (sort_key, workspace_id, {', '.join(API_COLUMNS)}, added_at, kind, "
    f"source_image_id, credits_spent) "
    f"VALUES ({', '.join('?' * (len(API_COLUMNS) + 6))})"
)
_UPDATE = (
    f"UPDATE images SET {', '.join(f'{c} = ?' for c in API_COLUMNS[1:])} "
    f"WHERE workspace_id = ? AND image_id = ? AND NOT "
    f"({' AND '.join(f'{c} IS ?' for c in API_COLUMNS[1:])})"
)


def save_workspaces(conn: sqlite3.Connection, workspaces: Sequence[Workspace]) -> None:
    """The workspace list as the server gave it; rows of vanished workspaces stay (offline)."""
    for position, ws in enumerate(workspaces):
        conn.execute(
            "INSERT INTO workspaces (id, name, position) VALUES (?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position "
            "WHERE name IS NOT excluded.name OR position IS NOT excluded.position",
            (ws.id, ws.name, position),
        )
    keep = [ws.id for ws in workspaces]
    conn.execute(
        f"UPDATE workspaces SET position = -1 WHERE id NOT IN ({','.join('?' * len(keep))})",
        keep,
    )


def _free_sort_key(conn: sqlite3.Connection, created_at: datetime | None) -> int:
    """A free key in ``created_at``'s millisecond, below the ones already taken there (a
    page lists newest first, so each later image of a batch sorts after the earlier)."""
    moment = created_at if created_at is not None else datetime.now(UTC)
    for _ in range(1000):
        lo, hi = sort_key_range(moment)
        low, high = conn.execute(
            "SELECT min(sort_key), max(sort_key) FROM images WHERE sort_key BETWEEN ? AND ?",
            (lo, hi),
        ).fetchone()
        if low is None:
            return lo + SLOTS_PER_MS // 2
        if low > lo:
            return int(low) - 1
        if high < hi:
            return int(high) + 1
        moment = datetime.fromtimestamp((lo // SLOTS_PER_MS - 1) / 1000, UTC)
    raise sqlite3.IntegrityError("no free sort key near this creation time")


def upsert_items(
    conn: sqlite3.Connection,
    workspace_id: str,
    items: Iterable[HistoryItem],
    kind: Kind | None = None,
    credits_spent: Mapping[str, int] | None = None,
) -> list[str]:
    """Add new items (in the server's newest-first order) and refresh changed API fields of
    known ones; the designer's marks are never touched. Returns the ids that were new."""
    added: list[str] = []
    now = time.time()
    credits = credits_spent or {}
    for item in items:
        values = api_values(item)
        if conn.execute(
            "SELECT 1 FROM images WHERE workspace_id = ? AND image_id = ?",
            (workspace_id, item.image_id),
        ).fetchone():
            rest = values[1:]
            conn.execute(_UPDATE, (*rest, workspace_id, item.image_id, *rest))
            continue
        conn.execute(
            _INSERT,
            (
                _free_sort_key(conn, item.created_at),
                workspace_id,
                *values,
                now,
                str(kind or default_kind(item)),
                source_id_from_urls(item.input_image_urls),
                credits.get(item.image_id),
            ),
        )
        added.append(item.image_id)
    return added


def _ids_clause(ids: Sequence[str]) -> str:
    return f"image_id IN ({','.join('?' * len(ids))})"


def _chunks(ids: Iterable[str], size: int = 500) -> Iterable[list[str]]:
    chunk: list[str] = []
    for image_id in ids:
        chunk.append(image_id)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def update_many(
    conn: sqlite3.Connection,
    workspace_id: str,
    ids: Iterable[str],
    assignment: str,
    params: Sequence[object],
    only_if: str = "1",
) -> int:
    """``UPDATE images SET assignment`` for ``ids`` of the workspace; returns rows changed."""
    changed = 0
    for chunk in _chunks(ids):
        cursor = conn.execute(
            f"UPDATE images SET {assignment} WHERE workspace_id = ? AND {_ids_clause(chunk)} "
            f"AND ({only_if})",
            (*params, workspace_id, *chunk),
        )
        changed += cursor.rowcount
    return changed


def set_credits(conn: sqlite3.Connection, workspace_id: str, spent: Mapping[str, int]) -> None:
    for image_id, credits in spent.items():
        conn.execute(
            "UPDATE images SET credits_spent = ? WHERE workspace_id = ? AND image_id = ?",
            (int(credits), workspace_id, image_id),
        )


def delete_rows(conn: sqlite3.Connection, workspace_id: str, ids: Iterable[str]) -> int:
    removed = 0
    for chunk in _chunks(ids):
        cursor = conn.execute(
            f"DELETE FROM images WHERE workspace_id = ? AND {_ids_clause(chunk)}",
            (workspace_id, *chunk),
        )
        removed += cursor.rowcount
    return removed


def remove_absent(
    conn: sqlite3.Connection, workspace_id: str, present: set[str], added_before: float
) -> list[str]:
    """Remove the rows the server no longer lists: not the ones added after the walk began
    (the server may not have listed them yet) and not pending deletes (the delete queue owns
    them). Returns the removed ids."""
    gone = [
        image_id
        for (image_id,) in conn.execute(
            "SELECT image_id FROM images WHERE workspace_id = ? AND added_at < ? "
            "AND delete_due IS NULL",
            (workspace_id, added_before),
        )
        if image_id not in present
    ]
    delete_rows(conn, workspace_id, gone)
    return gone


def set_history_complete(conn: sqlite3.Connection, workspace_id: str, complete: bool) -> None:
    conn.execute(
        "INSERT INTO workspaces (id, name, position, history_complete) VALUES (?, '', -1, ?) "
        "ON CONFLICT (id) DO UPDATE SET history_complete = excluded.history_complete",
        (workspace_id, int(complete)),
    )


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def create_collection(conn: sqlite3.Connection, workspace_id: str, name: str) -> Collection:
    cursor = conn.execute(
        "INSERT INTO collections (workspace_id, name, created_at) VALUES (?, ?, ?)",
        (workspace_id, name, time.time()),
    )
    return Collection(id=int(cursor.lastrowid or 0), workspace_id=workspace_id, name=name)


def rename_collection(conn: sqlite3.Connection, collection_id: int, name: str) -> None:
    conn.execute("UPDATE collections SET name = ? WHERE id = ?", (name, collection_id))


def delete_collection(conn: sqlite3.Connection, collection_id: int) -> None:
    """The collection goes; its images stay in the history."""
    conn.execute("DELETE FROM collections WHERE id = ?", (collection_id,))


def add_to_collection(conn: sqlite3.Connection, collection_id: int, ids: Iterable[str]) -> int:
    """Add the images (of the collection's own workspace) to it; returns how many were new."""
    added = 0
    for chunk in _chunks(ids):
        cursor = conn.execute(
            "INSERT OR IGNORE INTO collection_items (collection_id, image_key) "
            "SELECT c.id, i.sort_key FROM collections c JOIN images i "
            f"ON i.workspace_id = c.workspace_id WHERE c.id = ? AND i.{_ids_clause(chunk)}",
            (collection_id, *chunk),
        )
        added += cursor.rowcount
    return added


def remove_from_collection(conn: sqlite3.Connection, collection_id: int, ids: Iterable[str]) -> int:
    removed = 0
    for chunk in _chunks(ids):
        cursor = conn.execute(
            "DELETE FROM collection_items WHERE collection_id = ? AND image_key IN "
            "(SELECT i.sort_key FROM images i JOIN collections c "
            f"ON i.workspace_id = c.workspace_id WHERE c.id = ? AND i.{_ids_clause(chunk)})",
            (collection_id, collection_id, *chunk),
        )
        removed += cursor.rowcount
    return removed


def save_preset(
    conn: sqlite3.Connection, name: str, template: str, parameters: Mapping[str, object]
) -> None:
    conn.execute(
        "INSERT INTO style_presets (name, template, parameters) VALUES (?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET template = excluded.template, "
        "parameters = excluded.parameters",
        (name, template, json.dumps(dict(parameters), sort_keys=True)),
    )


def delete_preset(conn: sqlite3.Connection, name: str) -> None:
    conn.execute("DELETE FROM style_presets WHERE name = ?", (name,))
