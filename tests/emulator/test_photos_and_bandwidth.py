"""--photo-images weigh what the real service's images weigh; --bandwidth-mbps is one shared
line for all connections; a client that stops reading stops the sending."""

from __future__ import annotations

import io
import socket
import threading
import time

import pytest
import requests
from PIL import Image

from desktop.emulator.demo_data import STUDIO_WORKSPACE_ID
from desktop.emulator.images import ImageCache, RenderSpec
from desktop.emulator.photos import PhotoPool
from tests.emulator.conftest import Api, get_token

KB, MB = 1024, 1024 * 1024
RANGES = {"png": (1 * MB, 2 * MB), "jpeg": (150 * KB, 400 * KB), "webp": (100 * KB, 300 * KB)}


@pytest.mark.parametrize("fmt", ["png", "jpeg", "webp"])
def test_photo_sizes_match_the_real_service(fmt: str) -> None:
    cache = ImageCache(photos=PhotoPool())
    sizes = []
    for index in range(3):
        data = cache.get(RenderSpec("a fox", "m", index, 1024, 1024, fmt))
        with Image.open(io.BytesIO(data)) as img:
            img.load()  # a valid picture, comment and all
            assert img.size == (1024, 1024)
        sizes.append(len(data))
    low, high = RANGES[fmt]
    assert all(low <= size <= high for size in sizes), sizes


def test_photo_mode_changes_what_history_serves(make_server) -> None:
    flat = make_server(history_size=30)
    photo = make_server(history_size=30, photo_images=True)
    sizes = []
    for server in (flat, photo):
        api = Api(server, get_token(server))
        items = api.get("/ds-prototypes/history").json()["items"]
        png = next(i for i in items if i["output_format"] == "png")
        sizes.append(len(api.get(png["output_image_url"].removeprefix("/api")).content))
    assert sizes[0] < 300 * KB < 900 * KB < sizes[1]


def _image_paths(server, count: int) -> tuple[Api, list[str]]:
    api = Api(server, get_token(server))
    items = api.get("/ds-prototypes/history", params={"size": 50}).json()["items"]
    pngs = [
        i["output_image_url"].removeprefix("/api") for i in items if i["output_format"] == "png"
    ]
    assert len(pngs) >= count
    for path in pngs[:count]:  # rendered before the clock starts
        server.state.images.get(server.state.record(STUDIO_WORKSPACE_ID, path.split("/")[-2]).spec)
    return api, pngs[:count]


def test_bandwidth_is_shared_across_connections(make_server) -> None:
    mbps = 40.0
    server = make_server(history_size=30, photo_images=True, bandwidth_mbps=mbps)
    api, paths = _image_paths(server, 3)
    received = [0, 0, 0]

    def fetch(n: int) -> None:
        received[n] = len(api.get(paths[n]).content)

    threads = [threading.Thread(target=fetch, args=(n,)) for n in range(3)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    elapsed = time.monotonic() - started
    rate_mbps = sum(received) * 8 / 1_000_000 / elapsed
    # three connections together, not each: near 40 Mbit/s, far from 120 (loose margins)
    assert 0.6 * mbps < rate_mbps < 1.3 * mbps, rate_mbps


def test_a_dropped_download_stops_the_sending(make_server) -> None:
    server = make_server(history_size=30, photo_images=True, bandwidth_mbps=20.0)
    api, paths = _image_paths(server, 1)
    link = server.state.link
    before = link.bytes_sent
    response = requests.get(server.api_url + paths[0], headers=api.headers, stream=True, timeout=10)
    size = int(response.headers["Content-Length"])
    assert size > MB
    next(response.iter_content(64 * KB))
    # closing the socket outright, as a cancelled download does
    response.raw._fp.fp.raw._sock.shutdown(socket.SHUT_RDWR)
    response.close()
    time.sleep(1.0)  # 20 Mbit/s would have sent the rest (~1.5 MB) in ~0.6 s more
    sent = link.bytes_sent - before
    time.sleep(0.3)
    assert link.bytes_sent - before == sent  # nothing more goes out
    assert sent < size * 0.8, (sent, size)
