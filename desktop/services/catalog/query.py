"""What the designer is looking for, and the SQL that finds it newest first.

A query is one immutable value the UI builds from the search field and its filter chips; every
filter given narrows the result (AND), several values of one filter widen it (OR).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.services.catalog.fts_query import match_expression
from desktop.services.catalog.rows import sort_key_of_time


@dataclass(frozen=True)
class CatalogQuery:
    workspace_id: str
    text: str = ""  # words in the prompt, each matched as a prefix ("rob neo" finds "robot neon")
    models: tuple[str, ...] = ()
    aspect_ratios: tuple[str, ...] = ()
    output_formats: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # rows.Kind values
    created_from: datetime | None = None  # inclusive
    created_before: datetime | None = None  # exclusive
    favourites_only: bool = False
    min_rating: int = 0  # 1-5; 0 = any
    collection_id: int | None = None


@dataclass(frozen=True)
class Sql:
    """``FROM ... WHERE ...`` for a query; ``order`` is the newest-first column."""

    source: str
    where: str
    params: tuple[Any, ...]
    order: str


def _in(column: str, values: tuple[str, ...], clauses: list[str], params: list[Any]) -> None:
    if values:
        clauses.append(f"{column} IN ({','.join('?' * len(values))})")
        params.extend(values)


def build(query: CatalogQuery) -> Sql:
    """The FROM/WHERE of ``query``: driven by the full-text index when there is text (it walks
    in sort-key order, so LIMIT stops early), else by the images table."""
    clauses = ["i.workspace_id = ?", "i.delete_due IS NULL"]
    params: list[Any] = [query.workspace_id]
    match = match_expression(query.text)
    # A sparse filter (a collection, favourites, ratings) finds few rows: start from those and
    # look the text up in one set. Otherwise walk the text index newest first: a screenful of
    # hits comes long before its end, even for a one-letter prefix that matches everything.
    sparse = query.collection_id is not None or query.favourites_only or query.min_rating > 0
    if match is not None and not sparse:
        source = (
            "images_fts f CROSS JOIN images i INDEXED BY images_visible ON i.sort_key = f.rowid"
        )
        key = "f.rowid"
        clauses.insert(0, "images_fts MATCH ?")
        params.insert(0, match)
    else:
        source = "images i"
        key = "i.sort_key"
    _in("i.model", query.models, clauses, params)
    _in("i.aspect_ratio", query.aspect_ratios, clauses, params)
    _in("i.output_format", query.output_formats, clauses, params)
    _in("i.kind", tuple(str(k) for k in query.kinds), clauses, params)
    if query.created_from is not None:
        clauses.append(f"{key} >= ?")
        params.append(sort_key_of_time(query.created_from))
    if query.created_before is not None:
        clauses.append(f"{key} < ?")
        params.append(sort_key_of_time(query.created_before))
    if query.favourites_only:
        clauses.append("i.favourite = 1")
    if query.min_rating > 0:
        clauses.append("i.rating > 0 AND i.rating >= ?")  # "> 0" lets it use the index
        params.append(min(5, int(query.min_rating)))
    if query.collection_id is not None:
        clauses.append(
            "i.sort_key IN (SELECT image_key FROM collection_items WHERE collection_id = ?)"
        )
        params.append(int(query.collection_id))
    if match is not None and sparse:
        clauses.append("+i.sort_key IN (SELECT rowid FROM images_fts WHERE images_fts MATCH ?)")
        params.append(match)
    return Sql(source, " AND ".join(clauses), tuple(params), key)
