"""A watchdog that ends a call at its total deadline, status line and headers included.

urllib3's timeouts bound each socket operation, not the call: even ``Timeout(total=...)``
only sets the per-read timeout to what is left after connecting (urllib3 2.x says so in
util/timeout.py: a server that "streams one byte every fifteen seconds" never trips it). Our
own deadline check in the body loop cannot run while requests is still reading the status
line and headers inside ``session.request()``, so a server that trickles its headers held a
call forever. urllib3's ``HTTPResponse.shutdown()`` only exists once the headers are in.

So each Transport owns one watchdog thread (started when a call is in flight, gone when idle)
that knows every in-flight call's deadline. The connections (watched_pool.py) hand it their
socket when they connect or are reused; when a deadline passes the watchdog shuts those
sockets down, the blocked read returns at once, and Transport reports DeadlineExceeded.
No thread per request.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

# How long the idle watchdog thread waits for another call before it ends.
_LINGER_S = 5.0

# The call the current thread is making, read by the connections as they pick their socket.
_CURRENT: ContextVar[tuple[DeadlineWatchdog, WatchedCall] | None] = ContextVar(
    "neuroflash_watched_call", default=None
)


class WatchedCall:
    """One call's deadline and the sockets it uses (duplicates of them: see ``attach``)."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.expired = False
        self.sockets: list[socket.socket] = []

    def expire(self) -> None:
        """Past the deadline: every read or write on the call's sockets ends now."""
        self.expired = True
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class DeadlineWatchdog:
    """Shuts down the sockets of calls that outlive their deadline."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._calls: set[WatchedCall] = set()
        self._thread: threading.Thread | None = None

    @contextlib.contextmanager
    def watch(self, deadline: float) -> Iterator[WatchedCall]:
        """Watch the requests this thread sends inside the block; ``.expired`` says whether
        the watchdog cut them off (then any error they raised means "took too long")."""
        call = WatchedCall(deadline)
        with self._cond:
            self._calls.add(call)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="neuroflash-deadlines", daemon=True
                )
                self._thread.start()
            self._cond.notify()
        token = _CURRENT.set((self, call))
        try:
            yield call
        finally:
            _CURRENT.reset(token)
            with self._cond:
                self._calls.discard(call)
                sockets, call.sockets = call.sockets, []
            for sock in sockets:
                sock.close()

    def attach(self, call: WatchedCall, sock: Any) -> None:
        """Let the watchdog end ``sock``'s reads at ``call``'s deadline.

        It keeps a duplicate of the descriptor, not the object: the duplicate still names the
        same connection after TLS wrapping detaches the plain socket, and can never be a
        reused descriptor of some other connection when the watchdog shuts it down."""
        try:
            dup = socket.fromfd(sock.fileno(), sock.family, sock.type)
        except (OSError, ValueError, AttributeError):
            return  # already closed: nothing left to cut off
        with self._cond:
            if call in self._calls and not call.expired:
                call.sockets.append(dup)
                return
            expired = call.expired
        if expired:  # a retry started after the deadline: it ends at once
            with contextlib.suppress(OSError):
                dup.shutdown(socket.SHUT_RDWR)
        dup.close()

    def _run(self) -> None:
        idle = False
        with self._cond:
            while True:
                now = time.monotonic()
                waiting: list[float] = []
                for call in self._calls:
                    if call.expired:
                        continue
                    if call.deadline <= now:
                        call.expire()
                    else:
                        waiting.append(call.deadline)
                if waiting:
                    idle = False
                    self._cond.wait(min(waiting) - now)
                elif idle:
                    self._thread = None
                    return
                else:
                    idle = True
                    self._cond.wait(_LINGER_S)


def watch_socket(sock: Any) -> None:
    """Called by a connection with the socket it is about to use for the current call."""
    current = _CURRENT.get()
    if current is not None and sock is not None:
        watchdog, call = current
        watchdog.attach(call, sock)
