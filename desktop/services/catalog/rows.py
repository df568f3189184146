"""The values the catalogue hands out, and how a HistoryItem becomes a row and back.

No SQL runs here: only conversions, so they are easy to test and cheap to call.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from urllib.parse import unquote

from desktop.api import HistoryItem


class Kind(StrEnum):
    """How an image came to be, as the designer filters by it."""

    GENERATED = "generated"
    EDITED = "edited"
    IMPORTED = "imported"
    UPSCALED = "upscaled"


SLOTS_PER_MS = 4096  # images sharing one millisecond (a batch) get neighbouring sort keys
_MID_SLOT = SLOTS_PER_MS // 2


def sort_key_base(created_at: datetime | None) -> int:
    """The middle sort key of ``created_at``'s millisecond; unknown times sort oldest."""
    if created_at is None:
        return _MID_SLOT
    if created_at.tzinfo is None:
        created_at = created_at.replace(tzinfo=UTC)
    return int(created_at.timestamp() * 1000) * SLOTS_PER_MS + _MID_SLOT


def sort_key_range(created_at: datetime | None) -> tuple[int, int]:
    """Every sort key ``created_at``'s millisecond may use, inclusive."""
    base = sort_key_base(created_at)
    return base - _MID_SLOT, base + _MID_SLOT - 1


def sort_key_of_time(moment: datetime) -> int:
    """The first sort key of ``moment``'s millisecond: for date-range filters."""
    return sort_key_range(moment)[0]


def default_kind(item: HistoryItem) -> Kind:
    """The kind from the server's own word (text2image, image2image, upload, upscale): one
    mapping for the whole app, desktop.api.kinds."""
    return Kind(item.image_kind)


def source_id_from_urls(urls: Sequence[str]) -> str | None:
    """The image id in the first input view path (``.../image_generation/{id}/view``)."""
    for url in urls:
        if url and "/" not in url:
            return url  # a bare image id
        parts = [p for p in url.split("?")[0].split("/") if p]
        if len(parts) >= 2 and parts[-1] == "view":
            return unquote(parts[-2])
    return None


# The API columns, in HistoryItem's order; the row's own columns come after them.
API_COLUMNS = (
    "image_id",
    "image_url",
    "batch_id",
    "prompt",
    "model",
    "aspect_ratio",
    "output_format",
    "content_type",
    "width",
    "height",
    "file_size",
    "created_at",
    "api_kind",
    "input_image_urls",
)


def api_values(item: HistoryItem) -> tuple[Any, ...]:
    """``item`` as the values of API_COLUMNS."""
    created = item.created_at.isoformat() if item.created_at is not None else None
    return (
        item.image_id,
        item.image_url,
        item.batch_id,
        item.prompt or "",
        item.model,
        item.aspect_ratio,
        item.output_format,
        item.content_type,
        item.width,
        item.height,
        item.file_size,
        created,
        item.kind or "text2image",
        json.dumps(list(item.input_image_urls)),
    )


def item_from_row(row: sqlite3.Row | Sequence[Any]) -> HistoryItem:
    """The HistoryItem of a row whose first columns are API_COLUMNS."""
    created = datetime.fromisoformat(row[11]) if row[11] else None
    try:
        inputs = tuple(str(u) for u in json.loads(row[13] or "[]"))
    except ValueError:
        inputs = ()
    return HistoryItem(
        image_id=row[0],
        image_url=row[1],
        batch_id=row[2],
        prompt=row[3] or "",
        model=row[4],
        aspect_ratio=row[5],
        output_format=row[6],
        content_type=row[7],
        width=row[8],
        height=row[9],
        file_size=row[10],
        created_at=created,
        kind=row[12] or "text2image",
        input_image_urls=inputs,
    )


@dataclass(frozen=True)
class CatalogRow:
    """What a grid tile needs: light enough to fetch a screenful per keystroke."""

    image_id: str
    image_url: str
    batch_id: str | None
    prompt: str
    model: str | None
    aspect_ratio: str | None
    output_format: str | None
    width: int | None
    height: int | None
    created_at: datetime | None
    kind: Kind
    favourite: bool
    rating: int


ROW_COLUMNS = (
    "image_id, image_url, batch_id, prompt, model, aspect_ratio, output_format, width, height, "
    "created_at, kind, favourite, rating"
)


def catalog_row(row: Sequence[Any]) -> CatalogRow:
    return CatalogRow(
        image_id=row[0],
        image_url=row[1],
        batch_id=row[2],
        prompt=row[3] or "",
        model=row[4],
        aspect_ratio=row[5],
        output_format=row[6],
        width=row[7],
        height=row[8],
        created_at=datetime.fromisoformat(row[9]) if row[9] else None,
        kind=_kind(row[10]),
        favourite=bool(row[11]),
        rating=int(row[12]),
    )


def _kind(value: Any) -> Kind:
    try:
        return Kind(value)
    except ValueError:
        return Kind.GENERATED


@dataclass(frozen=True)
class CatalogEntry:
    """Everything the details panel shows about one image."""

    item: HistoryItem
    kind: Kind
    source_image_id: str | None
    favourite: bool
    rating: int
    credits_spent: int | None
    delete_due: float | None
    collections: tuple[Collection, ...] = ()


ENTRY_EXTRA_COLUMNS = "kind, source_image_id, favourite, rating, credits_spent, delete_due"


def catalog_entry(row: Sequence[Any], collections: tuple[Collection, ...]) -> CatalogEntry:
    n = len(API_COLUMNS)
    return CatalogEntry(
        item=item_from_row(row),
        kind=_kind(row[n]),
        source_image_id=row[n + 1],
        favourite=bool(row[n + 2]),
        rating=int(row[n + 3]),
        credits_spent=row[n + 4],
        delete_due=row[n + 5],
        collections=collections,
    )


@dataclass(frozen=True)
class Collection:
    """A set of images the designer put together (for a client, a campaign...)."""

    id: int
    workspace_id: str
    name: str
    count: int = 0


@dataclass(frozen=True)
class Facets:
    """How many visible images each value of a filter has: the choices for filter chips."""

    total: int = 0
    models: dict[str, int] = field(default_factory=dict)
    aspect_ratios: dict[str, int] = field(default_factory=dict)
    output_formats: dict[str, int] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)
    favourites: int = 0


@dataclass(frozen=True)
class PendingDelete:
    workspace_id: str
    image_id: str
    due: float
