"""A fresh catalogue per test and small history builders."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.api import HistoryItem, view_path
from desktop.services.catalog import CatalogStore
from tests.api.conftest import make_client, make_server  # noqa: F401  (the built-in server)

T0 = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def item(
    n: int, prompt: str = "", minutes_ago: float | None = None, **fields: object
) -> HistoryItem:
    """History item ``img-n``, ``n`` minutes older than T0 unless told otherwise."""
    ago = n if minutes_ago is None else minutes_ago
    values: dict[str, object] = {
        "image_id": f"img-{n}",
        "image_url": view_path(f"img-{n}"),
        "prompt": prompt or f"image number {n}",
        "created_at": T0 - timedelta(minutes=ago),
        "model": "flux-pro",
        "aspect_ratio": "1:1",
        "output_format": "png",
    }
    values.update(fields)
    return HistoryItem(**values)  # type: ignore[arg-type]


def items(count: int, start: int = 0) -> list[HistoryItem]:
    """``count`` items newest first, as the server lists them."""
    return [item(n) for n in range(start, start + count)]


@pytest.fixture
def catalog_path(tmp_path: Path) -> Path:
    return tmp_path / "catalog.sqlite3"


@pytest.fixture
def store(catalog_path: Path) -> Iterator[CatalogStore]:
    with CatalogStore(catalog_path) as opened:
        yield opened
