"""``--bandwidth-mbps``: one shared link for everything the server sends.

A real office line carries ~12 MB/s at 100 Mbit/s in total, however many connections share
it. The bucket hands out send slots in turn: each chunk reserves its share of the line and
waits until then, so N parallel downloads each get ~1/N of the rate, and a client that stops
reading stops taking slots (the bytes it did not read are never sent).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

from fastapi import Response
from fastapi.responses import StreamingResponse

CHUNK = 16 * 1024
BURST_S = 0.02  # a line idle for a moment may send this much time's worth at once


class SharedLink:
    """A token bucket shared by all connections, ``bytes_per_s`` in total."""

    def __init__(
        self,
        mbps: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.bytes_per_s = max(1.0, mbps * 1_000_000 / 8)
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._free_at = 0.0  # when the line has sent everything reserved so far
        self.bytes_sent = 0

    def take(self, size: int) -> None:
        """Block until ``size`` bytes may go out on the shared line."""
        with self._lock:
            now = self._clock()
            start = max(self._free_at, now - BURST_S)
            self._free_at = start + size / self.bytes_per_s
            wait = self._free_at - now
            self.bytes_sent += size
        if wait > 0:
            self._sleep(wait)

    def stream(self, data: bytes, stopping: threading.Event | None = None) -> Iterator[bytes]:
        """``data`` in chunks, each sent only when the line has room for it."""
        for at in range(0, len(data), CHUNK):
            if stopping is not None and stopping.is_set():
                return
            part = data[at : at + CHUNK]
            self.take(len(part))
            yield part


def image_response(
    link: SharedLink | None,
    data: bytes,
    media_type: str,
    headers: dict[str, str],
    stopping: threading.Event | None = None,
) -> Response:
    """The bytes as one answer, or streamed through the shared link when it is throttled
    (with Content-Length, so the client still knows how much to expect)."""
    if link is None:
        return Response(data, media_type=media_type, headers=headers)
    return StreamingResponse(
        link.stream(data, stopping),
        media_type=media_type,
        headers={**headers, "Content-Length": str(len(data))},
    )
