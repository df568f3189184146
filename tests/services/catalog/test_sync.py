"""Sync asks the server only for what is new; reconcile finds deletions made elsewhere; a
server that ignores paging is stopped, not looped over."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import pytest

from desktop.api import HistoryItem, HistoryPage, NeuroflashClient
from desktop.services.catalog import CatalogQuery, CatalogStore, reconcile, sync_new
from tests.services.catalog.conftest import item, items


class Server:
    """A history that pages like the API (newest first); ``ignore_paging`` always sends page 1;
    ``total`` can be left out as some APIs do."""

    def __init__(
        self, listed: list[HistoryItem], ignore_paging: bool = False, with_total: bool = True
    ) -> None:
        self.listed = listed
        self.ignore_paging = ignore_paging
        self.with_total = with_total
        self.requests = 0

    def page(self, number: int, size: int) -> HistoryPage:
        self.requests += 1
        start = 0 if self.ignore_paging else (number - 1) * size
        chunk = tuple(self.listed[start : start + size])
        if not self.with_total:
            return HistoryPage(chunk, number, size)
        pages = max(1, -(-len(self.listed) // size))
        return HistoryPage(chunk, number, size, len(self.listed), pages)


def visible(store: CatalogStore) -> list[str]:
    return store.search_ids(CatalogQuery("ws"))


def test_first_sync_fetches_everything_then_an_unchanged_server_costs_one_request(
    store: CatalogStore,
) -> None:
    server = Server(items(230))
    first = sync_new(store, "ws", server.page, page_size=50)
    assert (first.requests, len(first.new_ids), first.history_complete) == (5, 230, True)
    assert visible(store) == [i.image_id for i in server.listed]

    again = sync_new(store, "ws", server.page, page_size=50)
    assert again.requests <= 3 and again.requests == 1
    assert again.new_ids == () and again.stopped == "known"


def test_new_images_are_added_at_the_top_with_few_requests(store: CatalogStore) -> None:
    server = Server(items(200, start=100))
    sync_new(store, "ws", server.page, page_size=50)
    server.listed = [item(n) for n in range(70)] + server.listed  # 70 made elsewhere
    report = sync_new(store, "ws", server.page, page_size=50)
    assert report.new_ids == tuple(f"img-{n}" for n in range(70))
    assert report.requests == 3  # 50 new, then 20 new + 30 known, then all known
    assert visible(store) == [i.image_id for i in server.listed]


def test_an_interrupted_first_sync_is_finished_by_the_next(store: CatalogStore) -> None:
    server = Server(items(150))
    calls = 0

    def failing_on_page_3(number: int, size: int) -> HistoryPage:
        nonlocal calls
        calls += 1
        if number == 3:
            raise ConnectionError("network gone")
        return server.page(number, size)

    with pytest.raises(ConnectionError):
        sync_new(store, "ws", failing_on_page_3, page_size=50)
    assert store.image_count("ws") == 100 and not store.history_complete("ws")
    report = sync_new(store, "ws", server.page, page_size=50)  # page 1 is all known: go on
    assert report.history_complete and store.image_count("ws") == 150


def test_a_server_that_ignores_paging_is_stopped_and_reported(store: CatalogStore) -> None:
    server = Server(items(120), ignore_paging=True)
    report = sync_new(store, "ws", server.page, page_size=50)
    assert report.server_ignores_paging and report.requests == 2
    assert store.image_count("ws") == 50  # what it did send is kept
    assert not report.history_complete  # so the next sync walks on instead of trusting it
    recon = reconcile(store, "ws", server.page, page_size=50)
    assert recon.server_ignores_paging and not recon.complete and recon.removed_ids == ()
    assert store.image_count("ws") == 50


def test_page_size_follows_what_the_walk_needs_and_new_items_are_reported_per_page(
    store: CatalogStore,
) -> None:
    sizes: list[int] = []
    server = Server(items(450))

    def fetch(number: int, size: int) -> HistoryPage:
        sizes.append(size)
        return server.page(number, size)

    pages: list[list[str]] = []
    sync_new(store, "ws", fetch, on_new=lambda new: pages.append([i.image_id for i in new]))
    assert sizes == [200, 200, 200]  # a full walk: the API's largest pages
    assert [len(p) for p in pages] == [200, 200, 50] and pages[0][0] == "img-0"
    sizes.clear()
    sync_new(store, "ws", fetch)
    assert sizes == [50]  # complete: one small page says "nothing new"


def test_a_server_without_page_counts_ends_at_an_empty_page(store: CatalogStore) -> None:
    server = Server(items(120), with_total=False)
    report = sync_new(store, "ws", server.page, page_size=50)
    # 50, 50, 20, then an empty page: a short page alone may just be a capped size
    assert (report.requests, report.stopped, store.image_count("ws")) == (4, "end", 120)
    assert report.history_complete


def test_a_server_that_caps_the_page_size_is_walked_to_the_end(store: CatalogStore) -> None:
    listed = items(95)

    def capped(number: int, size: int) -> HistoryPage:  # answers 20 whatever was asked
        chunk = tuple(listed[(number - 1) * 20 : number * 20])
        return HistoryPage(chunk, number, size)

    report = sync_new(store, "ws", capped)
    assert store.image_count("ws") == 95 and report.history_complete
    recon = reconcile(store, "ws", capped)
    assert recon.complete and recon.removed_ids == ()


def test_a_server_that_clamps_the_page_number_ends_at_its_last_page(store: CatalogStore) -> None:
    listed = items(70)

    def clamped(number: int, size: int) -> HistoryPage:  # beyond the end: the last page again
        last = (len(listed) - 1) // size + 1
        n = min(number, last)
        return HistoryPage(tuple(listed[(n - 1) * size : n * size]), number, size)

    report = sync_new(store, "ws", clamped, page_size=50)
    assert (report.requests, report.stopped, report.history_complete) == (3, "end", True)
    listed.pop(10)  # deleted elsewhere
    recon = reconcile(store, "ws", clamped, page_size=50)
    assert recon.complete and recon.removed_ids == ("img-10",)


def test_reconcile_removes_images_deleted_elsewhere_but_not_pending_or_undone(
    store: CatalogStore,
) -> None:
    server = Server(items(120))
    sync_new(store, "ws", server.page, page_size=50)
    store.set_favourite("ws", ["img-5"], True).result()
    store.mark_deleted("ws", ["img-7"], due=10**12).result()  # a pending local delete
    store.mark_deleted("ws", ["img-9"], due=10**12).result()
    store.undo_delete("ws", ["img-9"]).result()  # undone: must stay
    gone = {"img-3", "img-7", "img-60", "img-119"}  # deleted in the browser
    server.listed = [i for i in server.listed if i.image_id not in gone]

    quick = sync_new(store, "ws", server.page, page_size=50)
    assert quick.requests == 1 and store.image_count("ws") == 120  # sync does not remove

    report = reconcile(store, "ws", server.page, page_size=50)
    assert report.complete and set(report.removed_ids) == {"img-3", "img-60", "img-119"}
    assert report.requests == 3
    ids = visible(store)
    assert "img-9" in ids and "img-5" in ids and "img-3" not in ids
    assert [d.image_id for d in store.pending_deletes("ws")] == ["img-7"]  # still queued
    entry = store.entry("ws", "img-5")
    assert entry is not None and entry.favourite  # marks of the others untouched


def test_reconcile_adds_what_a_sync_missed(store: CatalogStore) -> None:
    server = Server(items(100))
    sync_new(store, "ws", server.page, page_size=50)
    server.listed.insert(61, item(10_000, minutes_ago=60.5))  # appeared in the middle
    report = reconcile(store, "ws", server.page, page_size=50)
    assert report.new_ids == ("img-10000",) and report.removed_ids == ()
    assert visible(store)[60:62] == ["img-60", "img-10000"]


def test_an_image_skipped_at_a_page_boundary_is_kept_unless_confirmed_gone(
    store: CatalogStore,
) -> None:
    server = Server(items(100))
    sync_new(store, "ws", server.page, page_size=50)
    server.listed = [i for i in server.listed if i.image_id != "img-20"]  # deleted elsewhere

    def deleted_during_the_walk(number: int, size: int) -> HistoryPage:
        page = server.page(number, size)
        if number == 1:  # img-10 goes after page 1 came: page 2 starts one later
            server.listed = [i for i in server.listed if i.image_id != "img-10"]
        return page

    report = reconcile(store, "ws", deleted_during_the_walk, page_size=50)
    # img-51 moved up onto page 1 after it was read: missing at the boundary, but it exists
    assert report.complete and report.removed_ids == ("img-20",)
    assert report.unsure_ids == ("img-51",) and "img-51" in visible(store)

    server.listed.insert(0, item(-5, minutes_ago=-5))
    again = reconcile(store, "ws", server.page, page_size=50)
    assert again.removed_ids == ("img-10",) and again.unsure_ids == ()
    assert "img-51" in visible(store)


def test_a_boundary_image_is_removed_when_the_server_confirms_it_is_gone(
    store: CatalogStore,
) -> None:
    server = Server(items(100))
    sync_new(store, "ws", server.page, page_size=50)
    server.listed = [i for i in server.listed if i.image_id != "img-50"]  # 1st of page 2
    kept = reconcile(store, "ws", server.page, page_size=50)
    assert kept.unsure_ids == ("img-50",) and kept.removed_ids == ()
    asked: list[str] = []

    def confirm_gone(image_id: str) -> bool:  # e.g. GET /history/{id} answered 404
        asked.append(image_id)
        return image_id not in {i.image_id for i in server.listed}

    report = reconcile(store, "ws", server.page, page_size=50, confirm_gone=confirm_gone)
    assert asked == ["img-50"] and report.removed_ids == ("img-50",)
    assert "img-50" not in visible(store)


def test_rows_added_while_reconcile_walks_are_not_removed(store: CatalogStore) -> None:
    server = Server(items(60))
    sync_new(store, "ws", server.page, page_size=50)

    def generate_meanwhile(number: int, size: int) -> HistoryPage:
        if number == 2:  # the app stored a fresh image the walk has not listed
            store.add_items("ws", [item(-1, minutes_ago=-1)]).result()
        return server.page(number, size)

    reconcile(store, "ws", generate_meanwhile, page_size=50)
    assert "img--1" in visible(store)


def test_sync_through_the_real_client_and_built_in_server(
    store: CatalogStore,
    make_server: Callable[..., Any],
    make_client: Callable[..., NeuroflashClient],
) -> None:
    from desktop.api import GenerationRequest
    from desktop.emulator import demo_data

    ws = demo_data.STUDIO_WORKSPACE_ID
    server = make_server(history_size=120)
    client = make_client(server)
    fetch = partial(client.history_page, ws)
    first = sync_new(store, ws, fetch, page_size=50)
    assert first.history_complete and store.image_count(ws) == 120

    counts = server.state.request_counts
    counts.reset()
    unchanged = sync_new(store, ws, fetch, page_size=50)
    assert unchanged.requests == counts.snapshot()["history"] <= 3

    request = GenerationRequest("a new lighthouse", demo_data.NANO_BANANA_MODEL_ID)
    made = client.generate(ws, request)
    doomed = store.search_ids(CatalogQuery(ws))[40]
    client.delete_image(ws, doomed)
    report = sync_new(store, ws, fetch, page_size=50)
    assert report.new_ids == (made.images[0].image_id,)
    assert store.search_ids(CatalogQuery(ws, text="lighthouse"))[0] == made.images[0].image_id
    recon = reconcile(store, ws, fetch)
    assert recon.removed_ids == (doomed,)
    assert store.search_ids(CatalogQuery(ws)) == server.state.history_ids(ws)


def test_an_image_stored_when_made_gets_the_servers_fields_and_keeps_its_credits(
    store: CatalogStore,
) -> None:
    server = Server(items(10, start=1))
    sync_new(store, "ws", server.page)
    made_here = item(0, "fresh", file_size=None, output_format=None, minutes_ago=-0.1)
    store.add_items("ws", [made_here], credits_spent={"img-0": 1}).result()  # at generate
    server.listed.insert(0, item(0, "fresh", file_size=4321, output_format="png"))
    report = sync_new(store, "ws", server.page)
    assert report.new_ids == () and report.requests == 1
    entry = store.entry("ws", "img-0")
    assert entry is not None and entry.credits_spent == 1
    assert (entry.item.file_size, entry.item.output_format) == (4321, "png")
    assert visible(store)[0] == "img-0"


def test_a_long_first_walk_compacts_the_file_once(
    store: CatalogStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from concurrent.futures import Future

    from desktop.services.catalog import sync

    monkeypatch.setattr(sync, "COMPACT_AFTER", 100)
    calls: list[int] = []
    real = store.compact

    def counting() -> Future[None]:
        calls.append(1)
        return real()

    monkeypatch.setattr(store, "compact", counting)
    server = Server(items(150))
    sync_new(store, "ws", server.page)
    assert calls == [1]
    server.listed = items(120, start=1000) + server.listed
    sync_new(store, "ws", server.page)  # the history was complete already: no rewrite
    assert calls == [1] and store.image_count("ws") == 270
