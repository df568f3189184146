"""Request counts by kind, so benchmarks and tests can see what a client really asked for
(e.g. "a second launch fetched zero images") at the server instead of trusting the client."""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any

KINDS = ("token", "history", "image", "generate", "other")


def request_kind(method: str, path: str) -> str:
    """Coarse kind of one request: image bytes, history pages, generate/edit, token, other."""
    if path.startswith("/storage/") or (path.endswith("/view") and "/image_generation/" in path):
        return "image"
    if "/image-service/" in path and path.endswith("/content"):
        return "image"
    if method == "POST" and "/image-service/" in path and path.endswith("-tasks"):
        return "generate"
    if "/history" in path and method == "GET":
        return "history"
    if method == "POST" and "/ds-prototypes/" in path:
        return "generate"
    if path.startswith("/oauth/"):
        return "token"
    return "other"


class RequestCounts:
    """A thread-safe Counter of request kinds; ``snapshot`` copies, ``reset`` starts over."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()

    def add(self, kind: str) -> None:
        with self._lock:
            self._counts[kind] += 1

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return {kind: self._counts.get(kind, 0) for kind in KINDS}

    def reset(self) -> None:
        with self._lock:
            self._counts.clear()


class CountingMiddleware:
    """Pure ASGI wrapper that counts every HTTP request before anything else sees it."""

    def __init__(self, app: Any, counts: RequestCounts) -> None:
        self.app = app
        self.counts = counts

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            self.counts.add(request_kind(scope["method"], scope["path"]))
        await self.app(scope, receive, send)
