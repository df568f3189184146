"""The old JSON offline copy moves into the catalogue once; after that it is not read again."""

from __future__ import annotations

from pathlib import Path

from desktop.api import Workspace
from desktop.services.catalog import CatalogStore, import_json_once
from desktop.services.history_store import HistoryStore
from tests.services.catalog.conftest import item, items


def test_the_json_copy_is_imported_once_with_every_field(tmp_path: Path) -> None:
    old = HistoryStore(tmp_path / "json")
    old.save_workspaces([Workspace("w1", "Studio"), Workspace("w2", "Empty")])
    saved = [
        item(
            0,
            "edit",
            kind="image2image",
            input_image_urls=("/api/ds-prototypes/image_generation/img-1/view",),
            batch_id="b",
            width=10,
            height=20,
            file_size=30,
            content_type="image/png",
        ),
        *items(30, start=1),
    ]
    old.save_history("w1", saved)
    with CatalogStore(tmp_path / "catalog.sqlite3") as store:
        assert import_json_once(store, tmp_path / "json") == 31
        assert store.workspaces() == [Workspace("w1", "Studio"), Workspace("w2", "Empty")]
        assert store.history("w1") == saved
        assert not store.history_complete("w1")  # the copy was capped: the next sync walks on
        old.save_history("w1", items(5, start=100))  # an old app version wrote again
        assert import_json_once(store, tmp_path / "json") == 0
        assert store.image_count("w1") == 31
    with CatalogStore(tmp_path / "catalog.sqlite3") as store:
        assert import_json_once(store, tmp_path / "json") == 0  # also after a restart


def test_no_json_copy_is_fine(tmp_path: Path) -> None:
    with CatalogStore(tmp_path / "catalog.sqlite3") as store:
        assert import_json_once(store, tmp_path / "nothing-here") == 0
        assert store.workspaces() == []


def test_a_rebuilt_catalogue_does_not_import_the_stale_copy(tmp_path: Path) -> None:
    old = HistoryStore(tmp_path / "json")
    old.save_workspaces([Workspace("w1", "Studio")])
    old.save_history("w1", items(3))
    path = tmp_path / "catalog.sqlite3"
    path.write_bytes(b"this is not a database, it is a shopping list" * 100)
    with CatalogStore(path) as store:
        assert store.damage is not None
        assert import_json_once(store, tmp_path / "json") == 0
        assert store.history("w1") == []
