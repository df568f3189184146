"""The built-in server in its own process, as the real service is remote: its Pillow
rendering must not compete with the measured app for one GIL.

``python -m benchmarks.server --latency-ms N --history-size N`` prints three lines: the API
URL, the token URL and a stats URL (GET: request counts by kind as JSON; POST: reset them).
Quotas are raised and the rate limit is off, so benchmark loops never hit a credit wall.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import threading
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

BIG = 10_000_000


def _stats_server(counts: Any, link: Any = None) -> ThreadingHTTPServer:
    """Request counts by kind, plus ``bytes_sent`` through the throttled line when there is
    one (what a real line carried, cancelled downloads' partial bytes included)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._answer(counts.snapshot())

        def do_POST(self) -> None:
            counts.reset()
            self._answer(counts.snapshot())

        def _answer(self, data: dict[str, int]) -> None:
            if link is not None:
                data = {**data, "bytes_sent": link.bytes_sent}
            body = json.dumps(data).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: Any) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> None:
    from desktop.emulator.config import EmulatorConfig
    from desktop.emulator.server import start_server

    p = argparse.ArgumentParser(prog="python -m benchmarks.server")
    p.add_argument("--latency-ms", type=float, default=0.0)
    p.add_argument("--history-size", type=int, default=24)
    p.add_argument("--image-cache-items", type=int, default=512)
    p.add_argument("--photo-images", action="store_true")
    p.add_argument("--bandwidth-mbps", type=float, default=0.0)
    args = p.parse_args(argv)
    config = EmulatorConfig(
        latency_s=args.latency_ms / 1000,
        history_size=args.history_size,
        rate_limit_per_minute=0,
        image_cache_items=args.image_cache_items,
        photo_images=args.photo_images,
        bandwidth_mbps=args.bandwidth_mbps,
    )
    server = start_server(config)
    for ws in server.state.workspaces:
        if server.state.workspaces[ws].quota is not None:
            server.state.set_quota(ws, limit=BIG, used=0, limit_daily=BIG, used_daily=0)
    if server.photos_warm is not None:
        server.photos_warm.join()  # the real service does not paint while we measure
    stats = _stats_server(server.state.request_counts, server.state.link)
    print(server.api_url)
    print(server.token_url)
    print(f"http://127.0.0.1:{stats.server_address[1]}/stats", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        sys.stdin.read()  # until the parent closes our stdin or goes away
    stats.shutdown()
    server.stop()


@dataclass
class ServerProcess:
    """A running benchmark server: its URLs and how to read or reset its request counts."""

    api_url: str
    token_url: str
    stats_url: str
    process: subprocess.Popen[str]

    def counts(self) -> dict[str, int]:
        with urllib.request.urlopen(self.stats_url, timeout=10) as r:
            return json.loads(r.read())

    def reset_counts(self) -> None:
        urllib.request.urlopen(
            urllib.request.Request(self.stats_url, data=b"", method="POST"), timeout=10
        ).close()

    def stop(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start(latency_ms: float, history_size: int, *extra: str) -> ServerProcess:
    """Start ``python -m benchmarks.server`` and wait for its three URL lines."""
    command = [
        sys.executable,
        "-m",
        "benchmarks.server",
        "--latency-ms",
        str(latency_ms),
        "--history-size",
        str(history_size),
        *extra,
    ]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    lines = [process.stdout.readline().strip() for _ in range(3)]
    if not all(lines):
        process.kill()
        raise RuntimeError(f"benchmark server did not start: {lines}")
    return ServerProcess(lines[0], lines[1], lines[2], process)


def stats_counts(stats_url: str) -> dict[str, int]:
    """Counts from another process that only knows the stats URL."""
    with urllib.request.urlopen(stats_url, timeout=10) as r:
        return json.loads(r.read())


if __name__ == "__main__":
    main()
