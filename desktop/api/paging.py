"""Walking a paged list (the history, the image service's images) to its end, with caps: a
server that kept sending new items on every page once filled memory until MemoryError."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

MAX_PAGES = 500
MAX_ITEMS = 20_000

X = TypeVar("X")


def walk_pages(
    fetch: Callable[[int], tuple[Sequence[X], int | None, int]], key: Callable[[X], str]
) -> list[X]:
    """Every item, in page order, each once (by ``key``). ``fetch(n)`` returns page n's
    items, the number of pages if the server said it, and the page size asked for. Stops
    at the last page, at a page with nothing new, or at MAX_PAGES / MAX_ITEMS."""
    items: list[X] = []
    seen: set[str] = set()
    for number in range(1, MAX_PAGES + 1):
        page, pages, size = fetch(number)
        fresh = [i for i in page if key(i) not in seen][: MAX_ITEMS - len(items)]
        seen.update(key(i) for i in fresh)
        items.extend(fresh)
        if not fresh or len(items) >= MAX_ITEMS:
            break
        if pages is not None and number >= pages:
            break
        if pages is None and len(page) < size:
            break
    return items
