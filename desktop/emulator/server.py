"""Runs the app with uvicorn in a daemon thread on a socket we bind, so port 0 just works."""

from __future__ import annotations

import socket
import threading
import time

import uvicorn

from desktop.emulator.app import create_app
from desktop.emulator.config import EmulatorConfig
from desktop.emulator.demo_data import ALL_RATIOS
from desktop.emulator.images import CONTENT_TYPES, size_for_ratio, warm_up
from desktop.emulator.state import EmulatorState


class _ThreadServer(uvicorn.Server):
    """uvicorn without signal handlers: it is not in the main thread and must not own Ctrl+C."""

    def install_signal_handlers(self) -> None:  # older uvicorn
        return None


class EmulatorServer:
    """A running built-in server: its URLs, its state, and stop()."""

    def __init__(
        self,
        state: EmulatorState,
        host: str,
        port: int,
        server: uvicorn.Server,
        thread: threading.Thread,
        sock: socket.socket,
        scheme: str = "http",
    ) -> None:
        self.state = state
        self.host = host
        self.port = port
        api_host = "127.0.0.1" if host in ("", "0.0.0.0") else host
        storage_host = "127.0.0.1" if api_host == "localhost" else "localhost"
        self.base_origin = f"{scheme}://{api_host}:{port}"
        self.api_url = f"{self.base_origin}/api"
        self.token_url = f"{self.base_origin}/oauth/v2/token"
        self.storage_origin = f"{scheme}://{storage_host}:{port}"
        self._server = server
        self._thread = thread
        self._sock = sock
        self.photos_warm: threading.Thread | None = None  # --photo-images: drawing the pool

    def stop(self, timeout: float = 1.0) -> None:
        """Stop serving; held (timeout-fault) answers are abandoned so this takes ~1 s at most."""
        self.state.stopping.set()
        self._server.should_exit = True
        self._thread.join(timeout * 0.6)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(timeout * 0.4)
        self._sock.close()

    def __enter__(self) -> EmulatorServer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def start_server(
    config: EmulatorConfig | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    log_level: str = "warning",
    *,
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
) -> EmulatorServer:
    """Bind, start uvicorn in a daemon thread, and return once connections are accepted.
    With ``ssl_certfile``/``ssl_keyfile`` (PEM) it serves HTTPS, as behind a corporate CA."""
    state = EmulatorState(config or EmulatorConfig())
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit this on Linux: without it Nagle holds each answer's
    # body until the client's delayed ACK, ~40 ms per request on loopback.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.setblocking(False)
    bound_port = sock.getsockname()[1]
    uv_config = uvicorn.Config(
        create_app(state),
        log_level=log_level,
        lifespan="off",
        access_log=False,
        timeout_graceful_shutdown=1,
        timeout_keep_alive=5,
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
    )
    server = _ThreadServer(uv_config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name=f"emulator-{bound_port}", daemon=True
    )
    scheme = "https" if ssl_certfile else "http"
    emulator = EmulatorServer(state, host, bound_port, server, thread, sock, scheme)
    state.storage_origin = emulator.storage_origin
    thread.start()
    threading.Thread(
        target=warm_up, args=(ALL_RATIOS,), name="emulator-warm-up", daemon=True
    ).start()
    if state.photos is not None:
        emulator.photos_warm = threading.Thread(
            target=state.photos.warm,
            args=([size_for_ratio(r) for r in ALL_RATIOS], tuple(CONTENT_TYPES)),
            name="emulator-photo-warm-up",
            daemon=True,
        )
        emulator.photos_warm.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            sock.close()
            raise RuntimeError("the built-in server did not start")
        time.sleep(0.01)
    return emulator
