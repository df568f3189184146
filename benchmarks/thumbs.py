"""Thumbnail pipeline against the guide's loop, side by side on the same images and server.

``python -m benchmarks.thumbs --api URL --token URL --count 200`` prints one JSON line.
The guide's way: one ``requests.get`` per image, then decode and shrink it with Pillow, one
after another. The app's way: ThumbnailLoader on the app's worker pool (bounded concurrency,
scaled decode, disk caches written). The server's render cache is warmed first, so both
measure the client, not the first render of each image.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

THUMB = 192


def guide_loop(api_url: str, token_url: str, workspace: str, urls: list[str]) -> float:
    """The guide's one-at-a-time loop; seconds for all images."""
    import requests
    from PIL import Image

    token = requests.post(
        token_url,
        data={
            "grant_type": "client_credentials",
            "client_id": "demo-client-id",
            "client_secret": "demo-client-secret",
            "scope": "openid",
        },
    ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}", "x-workspace-id": workspace}
    origin = api_url.rsplit("/api", 1)[0]
    start = time.perf_counter()
    for url in urls:
        response = requests.get(origin + url, headers=headers, timeout=30)
        response.raise_for_status()
        with Image.open(io.BytesIO(response.content)) as image:
            image.thumbnail((THUMB, THUMB))
    return time.perf_counter() - start


def app_pipeline(client: Any, workspace: str, items: list[Any]) -> tuple[float, int]:
    """The app's loader with fresh caches; (seconds for all images, images that failed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.ui.shell.app import create_application

    app = create_application(["neuroflash-benchmark"])
    import qasync

    from desktop.app.background import BackgroundRunner
    from desktop.services.disk_cache import DiskCache
    from desktop.ui.common.thumbnail_loader import ThumbnailLoader

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    root = Path(tempfile.mkdtemp(prefix="nf-thumbs-"))
    runner = BackgroundRunner()
    loader = ThumbnailLoader(
        runner,
        lambda item: client.download_image(workspace, item.image_url),
        DiskCache(root / "thumbs", 1 << 30),
        DiskCache(root / "originals", 1 << 30),
        workspace,
    )
    done: set[str] = set()
    failed: set[str] = set()
    loader.thumbnailReady.connect(lambda image_id, _image: done.add(image_id))
    loader.thumbnailFailed.connect(lambda image_id, _msg: failed.add(image_id))

    async def run() -> float:
        cpu[0] = time.process_time()
        start = time.perf_counter()
        loader.request(items)
        deadline = start + 120
        while len(done) + len(failed) < len(items) and time.perf_counter() < deadline:
            await asyncio.sleep(0.002)
        cpu[0] = time.process_time() - cpu[0]
        return time.perf_counter() - start

    cpu = [0.0]
    seconds = loop.run_until_complete(run())
    runner.shutdown()
    print(f"app pipeline: {seconds:.2f} s wall, {cpu[0]:.2f} s CPU", file=sys.stderr)
    return seconds, len(items) - len(done)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m benchmarks.thumbs")
    p.add_argument("--api", required=True)
    p.add_argument("--token", required=True)
    p.add_argument("--count", type=int, default=200)
    args = p.parse_args(argv)
    from desktop.api import ApiSettings, Credentials, NeuroflashClient

    client = NeuroflashClient(
        Credentials("demo-client-id", "demo-client-secret"),
        ApiSettings(base_url=args.api, token_url=args.token),
    )
    workspace = client.workspaces()[0].id
    items = client.history_page(workspace, 1, min(200, args.count)).items[: args.count]
    with ThreadPoolExecutor(8) as pool:  # warm the server's render cache, untimed
        list(pool.map(lambda item: client.download_image(workspace, item.image_url), items))
    guide_s = guide_loop(args.api, args.token, workspace, [i.image_url for i in items])
    app_s, failures = app_pipeline(client, workspace, items)
    print(
        json.dumps(
            {
                "thumbs_count": len(items),
                "thumbs_guide_s": round(guide_s, 3),
                "thumbs_app_s": round(app_s, 3),
                "thumbs_failed": failures,
                "thumbs_speedup": round(guide_s / app_s, 2),
            }
        ),
        flush=True,
    )
    os._exit(0)


if __name__ == "__main__":
    main()
