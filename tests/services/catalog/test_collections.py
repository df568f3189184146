"""Collections: per workspace, an image in several, rename and delete without losing images."""

from __future__ import annotations

from desktop.services.catalog import CatalogQuery, CatalogStore
from tests.services.catalog.conftest import items


def test_create_add_filter_rename_delete(store: CatalogStore) -> None:
    store.add_items("ws", items(6)).result()
    client = store.create_collection("ws", "Client A").result()
    mood = store.create_collection("ws", "moodboard").result()
    assert store.add_to_collection(client.id, ["img-1", "img-3", "img-5"]).result() == 3
    assert store.add_to_collection(client.id, ["img-1"]).result() == 0  # already in it
    store.add_to_collection(mood.id, ["img-3", "img-4"]).result()  # img-3 in both

    assert store.search_ids(CatalogQuery("ws", collection_id=client.id)) == [
        "img-1",
        "img-3",
        "img-5",
    ]
    assert store.search_ids(CatalogQuery("ws", collection_id=mood.id, text="number 4")) == ["img-4"]
    assert [(c.name, c.count) for c in store.collections("ws")] == [
        ("Client A", 3),
        ("moodboard", 2),
    ]
    entry = store.entry("ws", "img-3")
    assert entry is not None and [c.name for c in entry.collections] == ["Client A", "moodboard"]

    store.rename_collection(client.id, "Zeta client").result()
    assert [c.name for c in store.collections("ws")] == ["moodboard", "Zeta client"]

    assert store.remove_from_collection(client.id, ["img-5"]).result() == 1
    assert store.search_ids(CatalogQuery("ws", collection_id=client.id)) == ["img-1", "img-3"]

    store.delete_collection(client.id).result()
    assert [c.name for c in store.collections("ws")] == ["moodboard"]
    assert store.image_count("ws") == 6  # the images stay
    assert store.search_ids(CatalogQuery("ws", collection_id=client.id)) == []


def test_collections_belong_to_their_workspace(store: CatalogStore) -> None:
    store.add_items("ws", items(2)).result()
    store.add_items("other", items(2)).result()  # the same ids in another workspace
    mine = store.create_collection("ws", "Mine").result()
    store.create_collection("other", "Theirs").result()
    store.add_to_collection(mine.id, ["img-0"]).result()
    assert [c.name for c in store.collections("ws")] == ["Mine"]
    assert store.search_ids(CatalogQuery("other", collection_id=mine.id)) == []
    other_entry = store.entry("other", "img-0")
    assert other_entry is not None and other_entry.collections == ()


def test_a_deleted_image_leaves_its_collections(store: CatalogStore) -> None:
    store.add_items("ws", items(3)).result()
    coll = store.create_collection("ws", "Set").result()
    store.add_to_collection(coll.id, ["img-0", "img-1"]).result()
    store.mark_deleted("ws", ["img-0"], due=0).result()
    assert store.collections("ws")[0].count == 1  # pending: hidden, not counted
    store.confirm_deleted("ws", ["img-0"]).result()
    store.undo_delete("ws", ["img-0"]).result()  # too late: nothing comes back
    assert store.search_ids(CatalogQuery("ws", collection_id=coll.id)) == ["img-1"]
