"""A raw socket server on loopback that answers as slowly as a test wants: a status line and
headers a byte at a time, a body in small pieces, or silence (the hostile-server tests)."""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class Plan:
    """What the server does with the n-th request: trickle `slow` a byte at a time, then
    send `fast` at once, then `body` in `chunk`-sized pieces (one every `every` seconds)."""

    slow: bytes
    fast: bytes
    body: bytes
    chunk: int = 1 << 20
    every: float = 0.02  # seconds between the pieces of `slow` and of `body`


@dataclass
class Trickler:
    url: str
    requests: list[bytes] = field(default_factory=list)
    trickles_finished: int = 0  # how many slow parts went out whole

    def still_trickling(self) -> bool:
        """The client gave up while the server was still sending the slow part (before the
        fix, the client only noticed the deadline once all headers were in)."""
        return self.trickles_finished == 0


@contextlib.contextmanager
def trickler(*plans: Plan, tls: ssl.SSLContext | None = None) -> Iterator[Trickler]:
    """Answers request n with plans[n] (the last plan for any later one), keep-alive; over
    TLS with the server context ``tls`` (https:// then)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()
    scheme = "https" if tls else "http"
    server = Trickler(f"{scheme}://127.0.0.1:{listener.getsockname()[1]}")

    def send_slowly(conn: socket.socket, data: bytes, size: int, every: float) -> None:
        for i in range(0, len(data), size):
            if stop.wait(every):
                raise OSError("test over")
            conn.sendall(data[i : i + size])

    def serve(conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            conn = tls.wrap_socket(conn, server_side=True) if tls else conn  # the handshake
        with conn, contextlib.suppress(OSError):
            while request := conn.recv(65536):
                plan = plans[min(len(server.requests), len(plans) - 1)]
                server.requests.append(request)
                send_slowly(conn, plan.slow, 1, plan.every)
                server.trickles_finished += bool(plan.slow)
                conn.sendall(plan.fast)
                send_slowly(conn, plan.body, plan.chunk, plan.every)

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield server
    finally:
        stop.set()
        listener.close()
