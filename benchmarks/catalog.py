"""``python -m benchmarks.catalog [--images N]``: the catalogue at 100,000 images.

Builds a catalogue of N images (three models, five ratios, three formats, prompts of eight
words from a 240-word vocabulary, a few favourites, ratings and a collection), then measures
on a read connection, as the UI's worker would:

* ``catalog_search_p99_ms``: one screenful (100 tiles, newest first) for a search typed letter
  by letter and combined with every filter (model, ratio, format, kind, date range,
  favourites, minimum rating, collection); target <= 16.
* ``catalog_count_p99_ms``: the matching-image count for the same queries (the UI can ask for
  it after the first screen is shown).
* ``catalog_open_first_screen_s``: opening the file (checks, migrations) and the first screen.
* ``catalog_facets_ms``: the chip counts (per model, ratio, format, kind) of the whole
  workspace; ``catalog_history_all_s``: every image as a HistoryItem (what the list-based
  grid loads today; a paged model does not need it).
* ``sync_requests_unchanged``: requests a second sync makes when nothing changed on the
  (in-process, paged) server; target <= 3.

The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.measure import percentile, rss_mb
from desktop.api import HistoryItem, HistoryPage, view_path
from desktop.services.catalog import CatalogQuery, CatalogStore, Kind, sync_new

MODELS = ("flux-pro", "nano-banana-2", "imagen-4")
RATIOS = ("1:1", "16:9", "9:16", "4:3", "3:4")
FORMATS = ("png", "jpeg", "webp")
TYPED = (
    "r",
    "ro",
    "rob",
    "robo",
    "robot",
    "robot n",
    "robot ne",
    "robot neo",
    "robot neon",
    "a",
    "fox",
    "fox l",
    "fox lake",
    'fox "lake',
    "xyzzy",
    "",
)


def _vocabulary() -> list[str]:
    base = [
        "robot",
        "neon",
        "fox",
        "lake",
        "city",
        "forest",
        "paper",
        "glass",
        "portrait",
        "studio",
        "vector",
        "pastel",
        "sunset",
        "mountain",
        "ocean",
        "coffee",
        "poster",
        "logo",
        "minimal",
        "retro",
        "cyberpunk",
        "watercolor",
        "sketch",
        "product",
    ]
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    extra = {"".join(rng.choice(letters) for _ in range(rng.randint(4, 9))) for _ in range(216)}
    return base + sorted(extra)


def history(count: int, seed: int = 1) -> list[HistoryItem]:
    rng = random.Random(seed)
    words = _vocabulary()
    start = datetime(2026, 12, 1, tzinfo=UTC)
    items = []
    for n in range(count):
        edited = n % 9 == 0
        items.append(
            HistoryItem(
                image_id=f"img-{n:06d}",
                image_url=view_path(f"img-{n:06d}"),
                batch_id=f"batch-{n // 4}",
                prompt=" ".join(rng.choice(words) for _ in range(8)),
                model=MODELS[n % 3],
                aspect_ratio=RATIOS[(n // 3) % 5],
                output_format=FORMATS[(n // 7) % 3],
                content_type="image/png",
                width=1024,
                height=1024,
                file_size=1_500_000,
                created_at=start - timedelta(seconds=97 * (n // 4)),
                kind="image2image" if edited else "text2image",
                input_image_urls=(view_path(f"img-{n + 1:06d}"),) if edited else (),
            )
        )
    return items


def build(store: CatalogStore, workspace: str, items: list[HistoryItem]) -> int:
    for start in range(0, len(items), 2000):
        store.add_items(workspace, items[start : start + 2000])
    ids = [i.image_id for i in items]
    store.set_favourite(workspace, ids[::37], True)
    for rating in range(1, 6):
        store.set_rating(workspace, ids[rating :: 53 + rating], rating)
    collection = store.create_collection(workspace, "Client A").result()
    store.add_to_collection(collection.id, ids[::211])
    store.flush()
    return collection.id


def queries(workspace: str, collection_id: int) -> list[CatalogQuery]:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    filters: list[dict[str, Any]] = [
        {},
        {"models": ("flux-pro",)},
        {"aspect_ratios": ("16:9",), "output_formats": ("png",)},
        {"kinds": (str(Kind.EDITED),)},
        {"favourites_only": True},
        {"min_rating": 3},
        {"collection_id": collection_id},
        {"created_from": now - timedelta(days=30), "created_before": now - timedelta(days=2)},
        {"models": ("imagen-4",), "aspect_ratios": ("1:1",), "favourites_only": True},
    ]
    return [CatalogQuery(workspace, text=text, **f) for f in filters for text in TYPED]


class PagedServer:
    """A history that pages like the API: newest first, ``page``/``size``, a total."""

    def __init__(self, items: list[HistoryItem]) -> None:
        self.items = items
        self.requests = 0

    def page(self, number: int, size: int) -> HistoryPage:
        self.requests += 1
        chunk = self.items[(number - 1) * size : number * size]
        pages = max(1, -(-len(self.items) // size))
        return HistoryPage(tuple(chunk), number, size, len(self.items), pages)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.catalog", description=__doc__)
    p.add_argument("--images", type=int, default=100_000)
    p.add_argument("--rounds", type=int, default=5)
    args = p.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="nf-bench-catalog-"))
    try:
        began = time.perf_counter()
        with CatalogStore.in_folder(folder) as store:
            collection_id = build(store, "ws", history(args.images))
        build_s = time.perf_counter() - began

        began = time.perf_counter()
        store = CatalogStore.in_folder(folder)
        first = store.search(CatalogQuery("ws"), limit=100)
        open_s = time.perf_counter() - began
        assert len(first) == min(100, args.images)

        search_ms: list[float] = []
        count_ms: list[float] = []
        for _ in range(args.rounds):
            for query in queries("ws", collection_id):
                t0 = time.perf_counter()
                store.search(query, limit=100)
                search_ms.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                store.count(query)
                count_ms.append((time.perf_counter() - t0) * 1000)
        worst = max(
            zip(search_ms, queries("ws", collection_id) * args.rounds, strict=True),
            key=lambda pair: pair[0],
        )

        t0 = time.perf_counter()
        facets = store.facets(CatalogQuery("ws"))
        facets_ms = (time.perf_counter() - t0) * 1000
        assert facets.total == args.images
        t0 = time.perf_counter()
        everything = store.history("ws")
        history_s = time.perf_counter() - t0
        assert len(everything) == args.images
        del everything

        server = PagedServer(history(3000, seed=2))
        first_sync = sync_new(store, "ws-sync", server.page)
        again = sync_new(store, "ws-sync", server.page)
        rss = rss_mb()
        store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    result = {
        "catalog_images": args.images,
        "catalog_build_s": round(build_s, 2),
        "catalog_open_first_screen_s": round(open_s, 3),
        "catalog_search_p99_ms": round(percentile(search_ms, 0.99), 2),
        "catalog_search_max_ms": round(max(search_ms), 2),
        "catalog_search_worst_query": repr(worst[1]),
        "catalog_count_p99_ms": round(percentile(count_ms, 0.99), 2),
        "catalog_facets_ms": round(facets_ms, 1),
        "catalog_history_all_s": round(history_s, 2),
        "catalog_bench_rss_mb": round(rss, 1),
        "sync_requests_first": first_sync.requests,
        "sync_requests_unchanged": again.requests,
    }
    for key, value in result.items():
        print(f"{key}: {value}")
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
