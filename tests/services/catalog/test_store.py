"""The catalogue keeps every field, the designer's marks, and survives restarts and damage."""

from __future__ import annotations

import sqlite3
import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from desktop.api import HistoryItem, Workspace, view_path
from desktop.services.catalog import (
    DAMAGED_MESSAGE,
    DAMAGED_NOW_MESSAGE,
    CatalogClosedError,
    CatalogDamagedError,
    CatalogQuery,
    CatalogStore,
    Kind,
)
from desktop.services.catalog.schema import MIGRATIONS, SCHEMA_VERSION, migrate, schema_version
from tests.services.catalog.conftest import T0, item, items


def test_every_history_field_round_trips_and_order_is_newest_first(store: CatalogStore) -> None:
    edit = HistoryItem(
        image_id="e/1 ü",
        image_url=view_path("e/1 ü"),
        batch_id="b1",
        prompt="make it blue",
        model="nano-banana-2",
        aspect_ratio="16:9",
        output_format="webp",
        content_type="image/webp",
        width=1344,
        height=768,
        file_size=12345,
        created_at=T0,
        kind="image2image",
        input_image_urls=(view_path("src 1"),),
    )
    listed = [edit, *items(5, start=1)]
    assert store.add_items("ws", listed).result() == [i.image_id for i in listed]
    assert store.history("ws") == listed
    entry = store.entry("ws", "e/1 ü")
    assert entry is not None
    assert entry.kind is Kind.EDITED and entry.source_image_id == "src 1"


def test_a_batch_sharing_one_timestamp_keeps_the_servers_order(store: CatalogStore) -> None:
    batch = [item(n, minutes_ago=0) for n in range(6)]
    store.add_items("ws", batch[:3]).result()
    store.add_items("ws", batch[3:]).result()  # the batch continued on the next page
    assert [i.image_id for i in store.history("ws")] == [i.image_id for i in batch]


def test_known_items_are_updated_without_touching_the_designers_marks(
    store: CatalogStore,
) -> None:
    store.add_items("ws", [item(1)]).result()
    store.set_favourite("ws", ["img-1"], True).result()
    store.set_rating("ws", ["img-1"], 4).result()
    assert store.add_items("ws", [item(1, file_size=999)]).result() == []
    entry = store.entry("ws", "img-1")
    assert entry is not None
    assert entry.item.file_size == 999 and entry.favourite and entry.rating == 4


def test_workspaces_and_credits_are_kept(catalog_path: Path) -> None:
    with CatalogStore(catalog_path) as store:
        store.save_workspaces([Workspace("w1", "One"), Workspace("w2", "Two")])
        store.add_items("w1", [item(1), item(2)], credits_spent={"img-1": 2}).result()
        store.set_credits_spent("w1", {"img-2": 1}).result()
    with CatalogStore(catalog_path) as store:
        assert store.workspaces() == [Workspace("w1", "One"), Workspace("w2", "Two")]
        credits = [store.entry("w1", f"img-{n}") for n in (1, 2)]
        assert [e.credits_spent for e in credits if e] == [2, 1]


def test_rating_outside_0_to_5_is_refused(store: CatalogStore) -> None:
    with pytest.raises(ValueError):
        store.set_rating("ws", ["img-1"], 6)


def test_origin_can_be_set_for_upscaled_and_imported_images(store: CatalogStore) -> None:
    store.add_items("ws", [item(1), item(2)]).result()
    store.set_origin("ws", "img-1", Kind.UPSCALED, "img-2").result()
    entry = store.entry("ws", "img-1")
    assert entry is not None and entry.kind is Kind.UPSCALED and entry.source_image_id == "img-2"
    store.add_items("ws", [item(3)], kind=Kind.IMPORTED).result()
    found = store.search_ids(CatalogQuery("ws", kinds=(Kind.IMPORTED,)))
    assert found == ["img-3"]


def test_an_old_version_database_is_upgraded_and_keeps_its_rows(catalog_path: Path) -> None:
    conn = sqlite3.connect(catalog_path, isolation_level=None)
    migrate(conn, target=1)  # the file as the first catalogue release wrote it
    conn.execute(
        "INSERT INTO images (sort_key, workspace_id, image_id, image_url, prompt, api_kind, "
        "input_image_urls, added_at, created_at) VALUES (?, 'ws', 'old-1', '/v', "
        "'an old robot', 'image2image', '[\"/api/ds-prototypes/image_generation/s9/view\"]', "
        "0, ?)",
        (10_000_000, T0.isoformat()),
    )
    conn.close()
    with CatalogStore(catalog_path) as store:
        assert store.damage is None
        assert store.search_ids(CatalogQuery("ws", text="robot")) == ["old-1"]
        entry = store.entry("ws", "old-1")
        assert entry is not None and entry.kind is Kind.EDITED and entry.rating == 0
        store.set_favourite("ws", ["old-1"], True).result()  # the new columns work
    check = sqlite3.connect(catalog_path)
    assert schema_version(check) == SCHEMA_VERSION == len(MIGRATIONS)
    check.close()


def test_a_database_from_a_newer_app_is_set_aside_not_misread(catalog_path: Path) -> None:
    conn = sqlite3.connect(catalog_path, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with CatalogStore(catalog_path) as store:
        assert store.damage is not None and "newer" in store.damage.reason


def test_a_damaged_file_is_set_aside_and_a_fresh_catalogue_works(catalog_path: Path) -> None:
    with CatalogStore(catalog_path) as store:
        store.add_items("ws", items(3)).result()
    data = bytearray(catalog_path.read_bytes())
    data[0:100] = b"\x00garbage" * 12 + b"junk"  # the header: SQLite cannot read this file
    catalog_path.write_bytes(bytes(data))
    with CatalogStore(catalog_path) as store:
        assert store.damage is not None
        assert store.damage.message == DAMAGED_MESSAGE
        aside = store.damage.set_aside_as
        assert aside is not None and aside.exists() and "damaged-" in aside.name
        assert aside.read_bytes()[:8] == b"\x00garbage"  # kept as it was, for support
        assert store.history("ws") == []
        store.add_items("ws", items(2)).result()
        assert len(store.history("ws")) == 2
    with CatalogStore(catalog_path) as store:
        assert store.damage is None  # the new file is healthy


def test_a_file_with_corrupt_pages_is_set_aside(catalog_path: Path) -> None:
    with CatalogStore(catalog_path) as store:
        store.add_items("ws", [item(n, prompt="word " * 200) for n in range(300)]).result()
    size = catalog_path.stat().st_size
    with catalog_path.open("r+b") as f:  # scribble over pages in the middle of the file
        f.seek(size // 2)
        f.write(b"\xff" * 8192)
    with CatalogStore(catalog_path) as store:
        assert store.damage is not None
        assert store.history("ws") == []


def test_writes_from_two_threads_at_once_all_land(store: CatalogStore) -> None:
    store.add_items("ws", items(400)).result()
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def writer(first: int) -> None:
        try:
            barrier.wait()
            futures: list[Future[Any]] = []
            for n in range(first, 400, 2):
                futures.append(store.set_rating("ws", [f"img-{n}"], 1 + n % 5))
                futures.append(store.add_items("ws", [item(1000 + n)]))
            for future in futures:
                future.result()
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=writer, args=(k,)) for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.image_count("ws") == 800
    for n in (0, 1, 2, 397, 398, 399):
        entry = store.entry("ws", f"img-{n}")
        assert entry is not None and entry.rating == 1 + n % 5


def test_writes_run_on_the_writer_thread_not_the_callers(store: CatalogStore) -> None:
    caller = threading.get_ident()
    ran_on = store._write(lambda conn: threading.get_ident()).result()
    assert ran_on != caller


def test_a_failed_write_changes_nothing(store: CatalogStore) -> None:
    store.add_items("ws", [item(1)]).result()

    def half_then_fail(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE images SET rating = 5")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        store._write(half_then_fail).result()
    entry = store.entry("ws", "img-1")
    assert entry is not None and entry.rating == 0
    store.set_rating("ws", ["img-1"], 2).result()  # the writer still works


def test_the_file_is_in_wal_mode(store: CatalogStore, catalog_path: Path) -> None:
    conn = sqlite3.connect(catalog_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_reads_on_other_threads_go_on_while_the_writer_writes(store: CatalogStore) -> None:
    store.add_items("ws", items(50)).result()
    stop = threading.Event()
    errors: list[BaseException] = []
    seen: list[int] = []

    def reader() -> None:
        try:
            while not stop.is_set():
                seen.append(store.count(CatalogQuery("ws", text="number")))
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    readers = [threading.Thread(target=reader) for _ in range(3)]
    for t in readers:
        t.start()
    for start in range(1000, 1600, 20):
        store.add_items("ws", items(20, start=start))
    store.flush()
    stop.set()
    for t in readers:
        t.join()
    assert errors == [] and seen and min(seen) >= 50 and max(seen) <= 650
    assert store.count(CatalogQuery("ws")) == 650


def test_a_closed_store_refuses_work_instead_of_losing_it(catalog_path: Path) -> None:
    store = CatalogStore(catalog_path)
    store.close()
    store.close()  # twice is fine
    with pytest.raises(RuntimeError):
        store.set_rating("ws", ["img-1"], 1)
    with pytest.raises(RuntimeError):
        store.history("ws")


def test_the_catalogue_imports_no_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, desktop.services.catalog, desktop.services.catalog.sync, "
        "desktop.services.catalog.presets; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'desktop.ui'))]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_damage_found_while_running_is_reported_and_fixed_at_the_next_start(
    catalog_path: Path,
) -> None:
    with CatalogStore(catalog_path) as store:
        store.add_items("ws", [item(n, prompt="word " * 200) for n in range(300)]).result()
    store = CatalogStore(catalog_path)  # healthy when opened
    assert store.damage is None
    size = catalog_path.stat().st_size
    with catalog_path.open("r+b") as f:  # then the disk goes bad under it
        f.seek(size // 2)
        f.write(b"\xff" * 8192)
    with pytest.raises(CatalogDamagedError) as caught:
        store.history("ws")
    assert caught.value.message == DAMAGED_NOW_MESSAGE and store.damaged_now
    store.close()
    with CatalogStore(catalog_path) as store:
        assert store.damage is not None and "while in use" in store.damage.reason
        assert store.history("ws") == []
    with CatalogStore(catalog_path) as store:
        assert store.damage is None  # once


def test_a_busy_or_wrong_statement_is_not_taken_for_damage(store: CatalogStore) -> None:
    with pytest.raises(sqlite3.OperationalError):
        store._write(lambda conn: conn.execute("SELECT * FROM no_such_table")).result()
    assert not store.damaged_now


def test_a_commit_that_fails_leaves_the_writer_usable(store: CatalogStore) -> None:
    store.add_items("ws", [item(1)]).result()

    def fails_at_commit(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA defer_foreign_keys = ON")  # checked at COMMIT, like a full disk
        conn.execute("INSERT INTO collection_items (collection_id, image_key) VALUES (99, 1)")

    with pytest.raises(sqlite3.IntegrityError):
        store._write(fails_at_commit).result()
    assert store.set_rating("ws", ["img-1"], 3).result() == 1
    entry = store.entry("ws", "img-1")
    assert entry is not None and entry.rating == 3


def test_compact_keeps_everything_and_shrinks_a_file_filled_newest_first(
    store: CatalogStore,
    catalog_path: Path,
) -> None:
    for start in range(0, 3000, 200):  # pages of a first sync: ever older images
        store.add_items("ws", items(200, start=start)).result()
    store.set_favourite("ws", ["img-7"], True).result()
    before = store.search_ids(CatalogQuery("ws", text="number 7"))

    def file_pages() -> int:
        conn = sqlite3.connect(catalog_path)
        try:
            return int(conn.execute("PRAGMA page_count").fetchone()[0])
        finally:
            conn.close()

    loose = file_pages()
    store.compact().result()
    assert file_pages() < loose
    assert store.search_ids(CatalogQuery("ws", text="number 7")) == before
    assert store.search_ids(CatalogQuery("ws", favourites_only=True)) == ["img-7"]


def test_the_kind_of_a_synced_image_follows_the_servers_word() -> None:
    """Imports and upscales synced from the history are filtered as such, not as generated."""
    from desktop.api import HistoryItem
    from desktop.services.catalog.rows import Kind, default_kind

    words = {
        "text2image": Kind.GENERATED,
        "image2image": Kind.EDITED,
        "upload": Kind.IMPORTED,
        "upscale": Kind.UPSCALED,
    }
    for word, kind in words.items():
        assert default_kind(HistoryItem("id", "url", kind=word)) is kind


def test_history_slices_neither_repeat_nor_skip_while_images_come_and_go(
    store: CatalogStore,
) -> None:
    """The app shows the saved history a slice at a time; images made or deleted between two
    slices must not shift the next one (as an offset would)."""
    store.add_items("ws", items(10)).result()
    first, key = store.history_slice("ws", 4)
    assert [i.image_id for i in first] == ["img-0", "img-1", "img-2", "img-3"]
    store.add_items("ws", [item(100, minutes_ago=-5)]).result()  # newer: above the slices
    store.mark_deleted("ws", ["img-1", "img-5"], due=time.time() + 10).result()
    second, key = store.history_slice("ws", 4, key)
    assert [i.image_id for i in second] == ["img-4", "img-6", "img-7", "img-8"]
    last, key = store.history_slice("ws", 4, key)
    assert [i.image_id for i in last] == ["img-9"] and key is None


def test_closing_while_a_worker_reads_lets_the_read_finish(catalog_path: Path) -> None:
    """Quitting right after start, while the saved history is still read a slice at a time:
    the read finishes and its connection closes after it, never under it."""
    store = CatalogStore(catalog_path)
    store.add_items("ws", items(5)).result()
    reading = threading.Event()
    results: list[Any] = []

    def slow_read(conn: sqlite3.Connection) -> int:
        reading.set()
        time.sleep(0.3)  # the store closes meanwhile
        return int(conn.execute("SELECT count(*) FROM images").fetchone()[0])

    def worker() -> None:
        try:
            results.append(store._read(slow_read))
        except Exception as err:  # what the old code did: "closed database"
            results.append(err)

    thread = threading.Thread(target=worker)
    thread.start()
    reading.wait(5)
    store.close()
    thread.join(5)
    assert results == [5]
    with pytest.raises(CatalogClosedError):
        store.history("ws")
