"""Injected failures (and latency) at the ASGI level, so clients meet what real networks do."""

from __future__ import annotations

import asyncio
import json
import random
import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.emulator.state import EmulatorState

FAULT_KINDS = (
    "429",
    "429-bare",
    "401",
    "403",
    "404",
    "500",
    "502",
    "503",
    "504",
    "drop",
    "malformed",
    "html",
    "timeout",
    "wrong-type",
    "truncated",
    "oversized",
)
# Kinds that let the real route run first, so its side effects (credits spent, images stored,
# an image deleted) happen exactly as if the network, not the server, had failed.
AFTER_APP = frozenset({"drop", "malformed", "wrong-type", "truncated"})

_HTML_502 = (
    b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>"
    b"<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>"
    b"</body></html>"
)


@dataclass
class _Scheduled:
    kind: str
    path: re.Pattern[str]
    count: int
    method: str | None


class FaultInjector:
    """Decides per request whether to fail it: a schedule of the next N matches, or a share."""

    def __init__(self, seed: int = 1) -> None:
        self._lock = threading.Lock()
        self._rng = random.Random(seed)
        self._schedule: list[_Scheduled] = []
        self._share = 0.0
        self._share_kinds: list[str] = []
        self._share_path = re.compile(".*")
        self.injected: list[tuple[str, str]] = []  # (kind, path), for tests and logs
        self.requests_seen = 0  # every HTTP request that reached the server

    @staticmethod
    def _check(kinds: list[str]) -> None:
        bad = [k for k in kinds if k not in FAULT_KINDS]
        if bad:
            raise ValueError(f"unknown fault kind(s) {bad}; known: {FAULT_KINDS}")

    def schedule(
        self, kind: str, path: str = r".*", count: int = 1, method: str | None = None
    ) -> None:
        """Fail the next `count` requests whose path matches the regex `path` (re.search)."""
        self._check([kind])
        with self._lock:
            self._schedule.append(
                _Scheduled(kind, re.compile(path), count, method.upper() if method else None)
            )

    def set_share(self, share: float, kinds: list[str], path: str = r".*") -> None:
        """Fail about `share` (0..1) of matching requests with a random kind from `kinds`."""
        self._check(kinds)
        with self._lock:
            self._share, self._share_kinds = share, list(kinds)
            self._share_path = re.compile(path)

    def clear(self) -> None:
        with self._lock:
            self._schedule.clear()
            self._share, self._share_kinds = 0.0, []

    def pick(self, method: str, path: str) -> str | None:
        """The fault for this request, if any (consumes one scheduled count)."""
        with self._lock:
            self.requests_seen += 1
            for entry in self._schedule:
                if (
                    entry.count > 0
                    and entry.path.search(path)
                    and (entry.method is None or entry.method == method)
                ):
                    entry.count -= 1
                    self._schedule = [e for e in self._schedule if e.count > 0]
                    self.injected.append((entry.kind, path))
                    return entry.kind
            if (
                self._share > 0
                and self._share_kinds
                and self._share_path.search(path)
                and (self._rng.random() < self._share)
            ):
                kind = self._rng.choice(self._share_kinds)
                self.injected.append((kind, path))
                return kind
        return None


async def _send_simple(
    send: Any,
    status: int,
    body: bytes,
    content_type: str,
    extra: list[tuple[bytes, bytes]] | None = None,
) -> None:
    headers = [
        (b"content-type", content_type.encode()),
        (b"content-length", str(len(body)).encode()),
        *(extra or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class FaultMiddleware:
    """Pure ASGI wrapper: adds the configured latency, then maybe replaces the answer."""

    def __init__(self, app: Any, state: EmulatorState) -> None:
        self.app = app
        self.state = state

    async def _sleep(self, seconds: float) -> None:
        """Sleep in slices so stopping the server is never held up by a held answer."""
        loop = asyncio.get_running_loop()
        end = loop.time() + seconds
        while not self.state.stopping.is_set() and loop.time() < end:
            await asyncio.sleep(min(0.1, end - loop.time()))

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.state.config.latency_s > 0:
            await self._sleep(self.state.config.latency_s)
        kind = self.state.faults.pick(scope["method"], scope["path"])
        if kind is None:
            await self.app(scope, receive, send)
        elif kind in AFTER_APP:
            status, headers, body = await _run_captured(self.app, scope, receive)
            await _send_after_app(send, kind, status, headers, body)
        elif kind == "timeout":
            await self._sleep(self.state.config.timeout_fault_s)
            await self.app(scope, receive, send)
        elif kind == "401":
            self.state.expire_tokens()  # the token the client holds has just run out
            await self.app(scope, receive, send)
        elif kind == "oversized":
            await self._send_oversized(send)
        else:
            await _send_canned(send, kind)

    async def _send_oversized(self, send: Any) -> None:
        """A 200 that never ends in time: more bytes than any answer should have (chunked)."""
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        chunk = b" " * 65536
        left = self.state.config.oversized_fault_bytes
        while left > 0 and not self.state.stopping.is_set():
            await send({"type": "http.response.body", "body": chunk[:left], "more_body": True})
            left -= len(chunk)
        await send({"type": "http.response.body", "body": b"{}"})


async def _run_captured(
    app: Any, scope: dict[str, Any], receive: Any
) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """Run the real route to completion and keep its answer instead of sending it."""
    start: dict[str, Any] = {}
    parts: list[bytes] = []

    async def capture(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            start.update(message)
        elif message["type"] == "http.response.body":
            parts.append(message.get("body", b""))

    await app(scope, receive, capture)
    return int(start.get("status", 500)), list(start.get("headers", [])), b"".join(parts)


async def _send_after_app(
    send: Any, kind: str, status: int, headers: list[tuple[bytes, bytes]], body: bytes
) -> None:
    """The route's answer, damaged the way `kind` says."""
    if kind == "drop":
        # The work is done (credits spent, images stored); the connection dies mid-body.
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(max(4096, len(body) + 1)).encode()),
                ],
            }
        )
        await send(
            {
                "type": "http.response.body",
                "body": body[: max(1, len(body) // 2)] or b'{"images": [{"url": "',
                "more_body": True,
            }
        )
        return  # an incomplete answer: uvicorn closes the connection
    if kind == "malformed":  # e.g. a proxy mangled the answer; the work is done all the same
        await _send_simple(send, 200, b'{"images": [{"url": "http://trunc', "application/json")
        return
    kept = [(k, v) for k, v in headers if k.lower() not in (b"content-type", b"content-length")]
    if kind == "wrong-type":
        wrong = (
            b"application/octet-stream"
            if status == 200 and not body.startswith((b"{", b"["))
            else b"text/html; charset=utf-8"
        )
        await _send_simple(send, status, body, wrong.decode(), kept)
        return
    original = dict(headers).get(b"content-type", b"application/octet-stream").decode()
    await _send_simple(send, status, body[: len(body) // 2], original, kept)  # truncated


async def _send_canned(send: Any, kind: str) -> None:
    """Answers that replace the route entirely."""
    if kind == "html":
        await _send_simple(send, 502, _HTML_502, "text/html; charset=utf-8")
    elif kind == "500":
        await _send_simple(send, 500, b"Internal Server Error", "text/plain; charset=utf-8")
    elif kind == "429":
        await _send_simple(
            send,
            429,
            b'{"detail": "Rate limit exceeded. Try again in 1 seconds."}',
            "application/json",
            [(b"retry-after", b"1")],
        )
    elif kind == "429-bare":
        await _send_simple(send, 429, b'{"detail": "Too Many Requests"}', "application/json")
    elif kind == "403":
        await _send_simple(send, 403, b'{"detail": "Forbidden"}', "application/json")
    elif kind == "404":
        await _send_simple(send, 404, b'{"detail": "Not Found"}', "application/json")
    else:
        names = {"502": "Bad Gateway", "503": "Service Unavailable", "504": "Gateway Timeout"}
        body = json.dumps({"detail": names[kind]}).encode()
        await _send_simple(send, int(kind), body, "application/json")
