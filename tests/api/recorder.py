"""A tiny HTTP server on loopback that records every request it gets (method, raw path,
headers, body) and answers from a routing function: "another host" for the secret tests, or a
stand-in API whose raw request paths show exactly what the client put on the wire."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32 + b"\x00\x00\x00\x00IEND\xaeB`\x82"
MAX_BODY = 1 << 20  # bounded: the recorder never reads more than this of any request


@dataclass
class Seen:
    method: str
    path: str  # raw, as sent: percent-escapes are not decoded
    headers: dict[str, str]
    body: bytes

    def text(self) -> str:
        """Everything the request carried, for "does the secret appear anywhere" checks."""
        head = "\n".join(f"{k}: {v}" for k, v in self.headers.items())
        return f"{self.method} {self.path}\n{head}\n\n{self.body.decode('latin-1')}"


# (status, headers, body)
Answer = tuple[int, dict[str, str], bytes]
Route = Callable[[Seen], Answer]


def png_or_empty(seen: Seen) -> Answer:
    """The default answer: an image for GET, 204 for anything else."""
    if seen.method == "GET":
        return 200, {"Content-Type": "image/png"}, PNG
    return 204, {}, b""


@dataclass
class Recorder:
    url: str
    seen: list[Seen] = field(default_factory=list)


@contextmanager
def recorder(route: Route = png_or_empty) -> Iterator[Recorder]:
    """Serve on 127.0.0.1 (a free port) until the block ends."""
    rec = Recorder(url="")

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _handle(self) -> None:
            length = min(int(self.headers.get("Content-Length") or 0), MAX_BODY)
            seen = Seen(
                self.command,
                self.path,
                {k.lower(): v for k, v in self.headers.items()},
                self.rfile.read(length) if length else b"",
            )
            rec.seen.append(seen)
            status, headers, body = route(seen)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_DELETE = do_PUT = _handle

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    rec.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield rec
    finally:
        httpd.shutdown()
        httpd.server_close()
