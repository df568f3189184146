"""Delete with undo: hidden at once, sent when due, never sent when undone, kept over a quit."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desktop.api.errors import NetworkError, NotFoundError, ServiceError
from desktop.services.catalog import CatalogQuery, CatalogStore, PendingDelete, send_due_deletes
from desktop.services.catalog.deletes import RETRY_AFTER_S
from tests.services.catalog.conftest import items


def test_marked_images_are_hidden_and_listed_when_due(store: CatalogStore) -> None:
    store.add_items("ws", items(4)).result()
    store.mark_deleted("ws", ["img-1", "img-2"], due=1000.0).result()
    assert store.search_ids(CatalogQuery("ws")) == ["img-0", "img-3"]
    assert store.count(CatalogQuery("ws", text="number")) == 2
    assert [i.image_id for i in store.history("ws")] == ["img-0", "img-3"]
    assert store.due_deletes(999.0) == []
    assert store.due_deletes(1000.0) == [
        PendingDelete("ws", "img-1", 1000.0),
        PendingDelete("ws", "img-2", 1000.0),
    ]
    assert store.due_deletes(datetime.fromtimestamp(2000, UTC)) == store.due_deletes(2000.0)
    entry = store.entry("ws", "img-1")
    assert entry is not None and entry.delete_due == 1000.0  # still known to sync


def test_undo_brings_them_back_and_they_are_never_sent(store: CatalogStore) -> None:
    store.add_items("ws", items(3)).result()
    store.mark_deleted("ws", ["img-0", "img-1"], due=10.0).result()
    assert store.undo_delete("ws", ["img-0", "img-1"]).result() == 2
    assert store.search_ids(CatalogQuery("ws")) == ["img-0", "img-1", "img-2"]
    assert store.due_deletes(10**12) == []


def test_confirmed_deletes_remove_the_rows(store: CatalogStore) -> None:
    store.add_items("ws", items(3)).result()
    store.mark_deleted("ws", ["img-0"], due=5.0).result()
    store.confirm_deleted("ws", ["img-0"]).result()
    assert store.due_deletes(10.0) == [] and store.entry("ws", "img-0") is None
    assert store.image_count("ws") == 2


def test_pending_deletes_survive_a_restart(catalog_path: Path) -> None:
    with CatalogStore(catalog_path) as store:
        store.add_items("ws", items(3)).result()
        store.mark_deleted("ws", ["img-2"], due=50.0)  # quit right after, not awaited
    with CatalogStore(catalog_path) as store:
        assert store.pending_deletes("ws") == [PendingDelete("ws", "img-2", 50.0)]
        assert store.search_ids(CatalogQuery("ws")) == ["img-0", "img-1"]
        assert [d.image_id for d in store.due_deletes(60.0)] == ["img-2"]


class Server:
    """Records DELETE calls; answers with the error planned for an id, if any."""

    def __init__(self, errors: dict[str, Exception] | None = None) -> None:
        self.sent: list[tuple[str, str]] = []
        self.errors = errors or {}

    def delete(self, workspace_id: str, image_id: str) -> None:
        self.sent.append((workspace_id, image_id))
        if image_id in self.errors:
            raise self.errors[image_id]


def test_due_deletes_are_sent_once_and_undone_ones_never(store: CatalogStore) -> None:
    store.add_items("ws", items(5)).result()
    store.mark_deleted("ws", ["img-0", "img-1", "img-2"], due=100.0).result()
    store.mark_deleted("ws", ["img-3"], due=500.0).result()  # undo time not over yet
    store.undo_delete("ws", ["img-1"]).result()
    server = Server()
    report = send_due_deletes(store, server.delete, now=200.0)
    assert server.sent == [("ws", "img-0"), ("ws", "img-2")]
    assert [d.image_id for d in report.deleted] == ["img-0", "img-2"] and report.error is None
    assert store.entry("ws", "img-0") is None and store.entry("ws", "img-1") is not None
    assert send_due_deletes(store, server.delete, now=200.0).deleted == ()  # nothing twice
    assert [d.image_id for d in store.pending_deletes("ws")] == ["img-3"]


def test_a_delete_already_gone_counts_as_done_and_failures_stay_pending(
    store: CatalogStore,
) -> None:
    store.add_items("ws", items(4)).result()
    store.mark_deleted("ws", ["img-0", "img-1", "img-2", "img-3"], due=1.0).result()
    server = Server(
        {
            "img-0": NotFoundError("gone"),
            "img-1": ServiceError("500"),
            "img-2": NetworkError("offline"),
        }
    )
    report = send_due_deletes(store, server.delete, now=10.0)
    assert [d.image_id for d in report.deleted] == ["img-0"]
    assert [d.image_id for d in report.failed] == ["img-1", "img-2", "img-3"]
    assert isinstance(report.error, ServiceError)
    assert ("ws", "img-3") not in server.sent  # offline: the rest waits
    pending = {d.image_id: d.due for d in store.pending_deletes("ws")}
    assert pending == {"img-1": 10.0 + RETRY_AFTER_S, "img-2": 1.0, "img-3": 1.0}
    assert store.search_ids(CatalogQuery("ws")) == []  # all still hidden
