"""Every question the UI asks the catalogue, as functions of a read connection."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from desktop.api import HistoryItem, Workspace
from desktop.services.catalog.fts_query import match_expression
from desktop.services.catalog.query import CatalogQuery, build
from desktop.services.catalog.rows import (
    API_COLUMNS,
    ENTRY_EXTRA_COLUMNS,
    ROW_COLUMNS,
    CatalogEntry,
    CatalogRow,
    Collection,
    Facets,
    PendingDelete,
    catalog_entry,
    catalog_row,
    item_from_row,
)

_API = ", ".join(API_COLUMNS)


def workspaces(conn: sqlite3.Connection) -> list[Workspace]:
    """The workspaces the server listed last, in its order."""
    return [
        Workspace(id=ws_id, name=name)
        for ws_id, name in conn.execute(
            "SELECT id, name FROM workspaces WHERE position >= 0 ORDER BY position"
        )
    ]


def history(conn: sqlite3.Connection, workspace_id: str) -> list[HistoryItem]:
    """The whole visible history of a workspace, newest first (pending deletes left out)."""
    return [
        item_from_row(row)
        for row in conn.execute(
            f"SELECT {_API} FROM images WHERE workspace_id = ? AND delete_due IS NULL "
            "ORDER BY sort_key DESC",
            (workspace_id,),
        )
    ]


def history_slice(
    conn: sqlite3.Connection, workspace_id: str, limit: int, before: int | None
) -> tuple[list[HistoryItem], int | None]:
    """Up to ``limit`` images older than sort key ``before`` (None: from the newest), and the
    key to continue from (None at the end). Keyed, not offset: images added or deleted
    meanwhile neither repeat nor skip one."""
    rows = conn.execute(
        f"SELECT sort_key, {_API} FROM images WHERE workspace_id = ? AND delete_due IS NULL "
        "AND sort_key < ? ORDER BY sort_key DESC LIMIT ?",
        (workspace_id, (1 << 63) - 1 if before is None else before, limit),
    ).fetchall()
    items = [item_from_row(row[1:]) for row in rows]
    return items, (rows[-1][0] if len(rows) == limit else None)


def _page(sql_limit: int | None, offset: int) -> tuple[str, tuple[int, ...]]:
    if sql_limit is None:
        return " LIMIT -1 OFFSET ?", (max(0, offset),)
    return " LIMIT ? OFFSET ?", (max(0, sql_limit), max(0, offset))


def search_rows(
    conn: sqlite3.Connection, query: CatalogQuery, limit: int | None, offset: int
) -> list[CatalogRow]:
    sql = build(query)
    tail, page = _page(limit, offset)
    columns = ", ".join(f"i.{c.strip()}" for c in ROW_COLUMNS.split(","))
    return [
        catalog_row(row)
        for row in conn.execute(
            f"SELECT {columns} FROM {sql.source} WHERE {sql.where} ORDER BY {sql.order} DESC"
            + tail,
            (*sql.params, *page),
        )
    ]


def search_ids(
    conn: sqlite3.Connection, query: CatalogQuery, limit: int | None, offset: int
) -> list[str]:
    sql = build(query)
    tail, page = _page(limit, offset)
    return [
        image_id
        for (image_id,) in conn.execute(
            f"SELECT i.image_id FROM {sql.source} WHERE {sql.where} ORDER BY {sql.order} DESC"
            + tail,
            (*sql.params, *page),
        )
    ]


def count(conn: sqlite3.Connection, query: CatalogQuery) -> int:
    sql = build(query)
    return int(
        conn.execute(f"SELECT count(*) FROM {sql.source} WHERE {sql.where}", sql.params).fetchone()[
            0
        ]
    )


_FACET_COLUMNS = ("model", "aspect_ratio", "output_format", "kind")


def facets(conn: sqlite3.Connection, query: CatalogQuery) -> Facets:
    """Counts per model, ratio, format and kind among the images ``query`` finds. Without
    text each is its own GROUP BY over a small index; with text one pass over the matches."""
    sql = build(query)
    by: dict[str, dict[str, int]] = {c: {} for c in _FACET_COLUMNS}
    if match_expression(query.text) is None:
        for column in _FACET_COLUMNS:
            for value, n in conn.execute(
                f"SELECT i.{column}, count(*) FROM {sql.source} WHERE {sql.where} "
                f"GROUP BY i.{column}",
                sql.params,
            ):
                if value is not None:
                    by[column][value] = n
        total = count(conn, query)
        favourites = int(
            conn.execute(
                f"SELECT count(*) FROM {sql.source} WHERE {sql.where} AND i.favourite = 1",
                sql.params,
            ).fetchone()[0]
        )
    else:
        total = favourites = 0
        for *values, fav, n in conn.execute(
            f"SELECT {', '.join('i.' + c for c in _FACET_COLUMNS)}, i.favourite, count(*) "
            f"FROM {sql.source} WHERE {sql.where} "
            f"GROUP BY {', '.join('i.' + c for c in _FACET_COLUMNS)}, i.favourite",
            sql.params,
        ):
            total += n
            favourites += n if fav else 0
            for column, value in zip(_FACET_COLUMNS, values, strict=True):
                if value is not None:
                    by[column][value] = by[column].get(value, 0) + n
    return Facets(
        total=total,
        models=by["model"],
        aspect_ratios=by["aspect_ratio"],
        output_formats=by["output_format"],
        kinds=by["kind"],
        favourites=favourites,
    )


def collections(conn: sqlite3.Connection, workspace_id: str) -> list[Collection]:
    """The workspace's collections by name, each with how many visible images it holds."""
    return [
        Collection(id=cid, workspace_id=workspace_id, name=name, count=n)
        for cid, name, n in conn.execute(
            "SELECT c.id, c.name, count(i.sort_key) FROM collections c "
            "LEFT JOIN collection_items ci ON ci.collection_id = c.id "
            "LEFT JOIN images i ON i.sort_key = ci.image_key AND i.delete_due IS NULL "
            "WHERE c.workspace_id = ? GROUP BY c.id ORDER BY c.name COLLATE NOCASE, c.id",
            (workspace_id,),
        )
    ]


def entry(conn: sqlite3.Connection, workspace_id: str, image_id: str) -> CatalogEntry | None:
    row = conn.execute(
        f"SELECT {_API}, {ENTRY_EXTRA_COLUMNS}, sort_key FROM images "
        "WHERE workspace_id = ? AND image_id = ?",
        (workspace_id, image_id),
    ).fetchone()
    if row is None:
        return None
    member_of = tuple(
        Collection(id=cid, workspace_id=workspace_id, name=name)
        for cid, name in conn.execute(
            "SELECT c.id, c.name FROM collection_items ci JOIN collections c "
            "ON c.id = ci.collection_id WHERE ci.image_key = ? ORDER BY c.name COLLATE NOCASE",
            (row[-1],),
        )
    )
    return catalog_entry(row, member_of)


def known_ids(conn: sqlite3.Connection, workspace_id: str, ids: Sequence[str]) -> set[str]:
    """Which of ``ids`` the catalogue holds (pending deletes included)."""
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        found.update(
            image_id
            for (image_id,) in conn.execute(
                f"SELECT image_id FROM images WHERE workspace_id = ? "
                f"AND image_id IN ({','.join('?' * len(chunk))})",
                (workspace_id, *chunk),
            )
        )
    return found


def ordered_ids(conn: sqlite3.Connection, workspace_id: str) -> list[str]:
    """Every image id of the workspace newest first, pending deletes included."""
    return [
        image_id
        for (image_id,) in conn.execute(
            "SELECT image_id FROM images WHERE workspace_id = ? ORDER BY sort_key DESC",
            (workspace_id,),
        )
    ]


def image_count(conn: sqlite3.Connection, workspace_id: str) -> int:
    """Rows of the workspace, pending deletes included."""
    return int(
        conn.execute(
            "SELECT count(*) FROM images WHERE workspace_id = ?", (workspace_id,)
        ).fetchone()[0]
    )


def pending_deletes(
    conn: sqlite3.Connection, workspace_id: str | None = None, due_by: float | None = None
) -> list[PendingDelete]:
    clauses: list[str] = ["delete_due IS NOT NULL"]
    params: list[object] = []
    if workspace_id is not None:
        clauses.append("workspace_id = ?")
        params.append(workspace_id)
    if due_by is not None:
        clauses.append("delete_due <= ?")
        params.append(due_by)
    return [
        PendingDelete(workspace_id=ws, image_id=image_id, due=due)
        for ws, image_id, due in conn.execute(
            f"SELECT workspace_id, image_id, delete_due FROM images WHERE {' AND '.join(clauses)} "
            "ORDER BY delete_due, sort_key DESC",
            params,
        )
    ]


def history_complete(conn: sqlite3.Connection, workspace_id: str) -> bool:
    row = conn.execute(
        "SELECT history_complete FROM workspaces WHERE id = ?", (workspace_id,)
    ).fetchone()
    return bool(row and row[0])


def meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def presets(conn: sqlite3.Connection) -> list[tuple[str, str, dict[str, Any]]]:
    out: list[tuple[str, str, dict[str, Any]]] = []
    for name, template, parameters in conn.execute(
        "SELECT name, template, parameters FROM style_presets ORDER BY name COLLATE NOCASE"
    ):
        try:
            params = json.loads(parameters)
        except ValueError:
            params = {}
        out.append((name, template, params if isinstance(params, dict) else {}))
    return out
