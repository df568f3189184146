"""Bring the catalogue up to date with the server: ask only for what is new, and find what
was deleted elsewhere in a separate, slower walk. Pure logic: no Qt and no HTTP of its own;
the caller passes ``fetch_page(page, size)`` (``NeuroflashClient.history_page`` bound to a
workspace) and runs these on a worker thread.

What this assumes of the API, and what happens when it does not hold, is written down in
docs/api-contract.md ("History sync").
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from desktop.api import HistoryItem, HistoryPage
from desktop.services.catalog.store import CatalogStore

log = logging.getLogger(__name__)

FetchPage = Callable[[int, int], HistoryPage]  # (1-based page, size) -> one page, newest first

SYNC_PAGE_SIZE = 50  # small: when nothing changed, one small request is the whole sync
RECONCILE_PAGE_SIZE = 200  # the API's maximum: fewest requests for the full walk
COMPACT_AFTER = 5_000  # images added by one full walk before the file is rewritten tightly
MAX_PAGES = 10_000  # 2 million images at 200 a page; a server that never ends is stopped


class Stop:
    """Why a walk ended."""

    KNOWN = "known"  # a page held only images the catalogue already had
    END = "end"  # the last page of the history
    REPEATED_PAGE = "repeated_page"  # the server sent the same page again: it ignores paging
    LIMIT = "limit"  # MAX_PAGES reached


@dataclass(frozen=True)
class SyncReport:
    requests: int
    new_ids: tuple[str, ...]
    stopped: str  # a Stop value
    history_complete: bool  # the catalogue now holds the whole history

    @property
    def server_ignores_paging(self) -> bool:
        return self.stopped == Stop.REPEATED_PAGE


@dataclass(frozen=True)
class ReconcileReport:
    requests: int
    seen: int  # images the server listed
    new_ids: tuple[str, ...]  # listed but missing here (added too)
    removed_ids: tuple[str, ...]  # here but deleted elsewhere (removed)
    unsure_ids: tuple[str, ...]  # missing at a page boundary, could not be confirmed: kept
    stopped: str
    complete: bool  # False: the walk did not reach a trustworthy end, nothing was removed

    @property
    def server_ignores_paging(self) -> bool:
        return self.stopped == Stop.REPEATED_PAGE


@dataclass
class _Walk:
    """How a walk over the pages went: filled in by ``_pages`` as it goes."""

    requests: int = 0
    stopped: str = Stop.LIMIT


def _pages(fetch_page: FetchPage, page_size: int, walk: _Walk) -> Iterator[HistoryPage]:
    """The history's pages, newest first, until the end is certain: ``pages`` says so, or a
    page is empty. A short page alone is not trusted when ``pages`` is missing (a server may
    cap ``size`` below what was asked), so one more page is asked for; if that one repeats the
    short page (a server that clamps ``page`` to the last one), the end is reached too. Any
    other repeated page means the server ignores paging."""
    previous: tuple[str, ...] | None = None
    previous_short = False
    for number in range(1, MAX_PAGES + 1):
        page = fetch_page(number, page_size)
        walk.requests += 1
        ids = tuple(item.image_id for item in page.items)
        if not ids:
            walk.stopped = Stop.END
            return
        if ids == previous:
            walk.stopped = Stop.END if previous_short else Stop.REPEATED_PAGE
            if not previous_short:
                log.warning(
                    "History page %d repeated page %d: the server ignores paging",
                    number,
                    number - 1,
                )
            return
        yield page
        if page.pages is not None and number >= page.pages:
            walk.stopped = Stop.END
            return
        previous = ids
        previous_short = page.pages is None and len(ids) < page_size


def _store_page(store: CatalogStore, workspace_id: str, page: HistoryPage) -> list[HistoryItem]:
    """Add the page's new items and refresh changed fields of known ones (a row is written
    only when something differs, e.g. ``file_size`` once rendered, or the server's own
    values for an image the app stored the moment it was made). Returns the new items."""
    if not page.items:
        return []
    added = set(store.add_items(workspace_id, page.items).result())
    return [item for item in page.items if item.image_id in added]


def sync_new(
    store: CatalogStore,
    workspace_id: str,
    fetch_page: FetchPage,
    page_size: int | None = None,
    on_new: Callable[[list[HistoryItem]], None] | None = None,
) -> SyncReport:
    """Fetch pages newest first and add the new images, stopping at the first page whose ids
    are all known, once the catalogue is known to hold the whole history (otherwise, e.g.
    after an interrupted first sync or the JSON import, it walks on to the end).

    When nothing changed this is one request. A server that answers the same page twice is
    taken to ignore paging: the walk stops there (reported) instead of looping.
    ``page_size`` None: 50 when the history is complete (a small first page), else 200 (the
    fewest requests for a full walk). ``on_new`` gets each page's new items once stored, newest
    first, so the grid can grow while a long first sync runs."""
    complete = store.history_complete(workspace_id)
    if page_size is None:
        page_size = SYNC_PAGE_SIZE if complete else RECONCILE_PAGE_SIZE
    new_ids: list[str] = []
    walk = _Walk()
    for page in _pages(fetch_page, page_size, walk):
        fresh = _store_page(store, workspace_id, page)
        new_ids.extend(i.image_id for i in fresh)
        if on_new is not None and fresh:
            on_new(fresh)
        if complete and not fresh:
            walk.stopped = Stop.KNOWN
            break
    stopped = walk.stopped
    if stopped == Stop.END and not complete:
        store.set_history_complete(workspace_id).result()
        complete = True
        if len(new_ids) >= COMPACT_AFTER:
            store.compact().result()
    return SyncReport(
        requests=walk.requests, new_ids=tuple(new_ids), stopped=stopped, history_complete=complete
    )


def _absent(order: list[str], page_of: dict[str, int]) -> tuple[list[str], list[str]]:
    """The ids of ``order`` (the catalogue, newest first) the walk did not list, split into
    certainly gone and unsure. Pages are slices of one newest-first list, so an id between
    two ids of the same page would have been on that page. One between the last id of a page
    and the first of the next may have been skipped: a delete elsewhere during the walk
    shifts the next page up by one."""
    before: list[int | None] = []
    last: int | None = None
    for image_id in order:
        last = page_of.get(image_id, last)
        before.append(last)
    certain: list[str] = []
    unsure: list[str] = []
    after: int | None = None
    for index in range(len(order) - 1, -1, -1):
        image_id = order[index]
        if image_id in page_of:
            after = page_of[image_id]
            continue
        prev = before[index]
        if prev is None or after is None or prev == after:
            certain.append(image_id)
        else:
            unsure.append(image_id)
    return certain[::-1], unsure[::-1]


def reconcile(
    store: CatalogStore,
    workspace_id: str,
    fetch_page: FetchPage,
    page_size: int = RECONCILE_PAGE_SIZE,
    pause: float = 0.0,
    confirm_gone: Callable[[str], bool] | None = None,
) -> ReconcileReport:
    """Walk the whole history; add what is missing here and remove what the server no longer
    lists. Rows are removed only after a walk that reached the last page, never pending
    deletes, and never rows added after the walk began. An image missing just at a page
    boundary is removed only when ``confirm_gone(image_id)`` says so (e.g. the single-item
    endpoint answers 404); without it, it is kept for the next walk. ``pause`` seconds
    between pages keep it gentle in the background."""
    started = time.time()
    page_of: dict[str, int] = {}
    new_ids: list[str] = []
    walk = _Walk()
    for number, page in enumerate(_pages(fetch_page, page_size, walk), start=1):
        for image_id in (item.image_id for item in page.items):
            page_of.setdefault(image_id, number)
        new_ids.extend(i.image_id for i in _store_page(store, workspace_id, page))
        if pause > 0:
            time.sleep(pause)
    stopped, requests = walk.stopped, walk.requests
    complete = stopped == Stop.END
    removed: list[str] = []
    kept: list[str] = []
    if complete:
        _, unsure = _absent(store.ordered_ids(workspace_id), page_of)
        kept = [i for i in unsure if confirm_gone is None or not confirm_gone(i)]
        removed = store.remove_absent(workspace_id, set(page_of) | set(kept), started).result()
        store.set_history_complete(workspace_id).result()
    else:
        log.warning(
            "History reconcile of %s ended early (%s after %d images); nothing removed",
            workspace_id,
            stopped,
            len(page_of),
        )
    return ReconcileReport(
        requests=requests,
        seen=len(page_of),
        new_ids=tuple(new_ids),
        removed_ids=tuple(removed),
        unsure_ids=tuple(kept),
        stopped=stopped,
        complete=complete,
    )
