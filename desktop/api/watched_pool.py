"""urllib3 connections that show their socket to the deadline watchdog (deadline.py).

A new connection shows it as soon as it exists (before a proxy's CONNECT answer and the TLS
handshake are read); a kept-alive connection shows it when it sends the next request. The
adapter installs these pools on its pool managers, direct and through a proxy.
"""

from __future__ import annotations

import socket
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3 import HTTPConnectionPool, HTTPSConnectionPool, PoolManager
from urllib3 import poolmanager as urllib3_poolmanager
from urllib3.connection import HTTPConnection, HTTPSConnection

from desktop.api.deadline import watch_socket


class _WatchedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        watch_socket(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        watch_socket(self.sock)  # None for a new connection: _new_conn shows it instead
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        watch_socket(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        watch_socket(self.sock)
        super().request(*args, **kwargs)


class _WatchedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_WATCHED_POOLS: dict[str, type[HTTPConnectionPool]] = {
    "http": _WatchedHTTPConnectionPool,
    "https": _WatchedHTTPSConnectionPool,
}


def _use_watched_pools(manager: PoolManager) -> None:
    # A SOCKS manager brings pools of its own; only urllib3's default ones are replaced.
    if manager.pool_classes_by_scheme is urllib3_poolmanager.pool_classes_by_scheme:
        manager.pool_classes_by_scheme = _WATCHED_POOLS


class WatchedAdapter(HTTPAdapter):
    """An adapter whose connections, direct or through a proxy, obey the call's deadline."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        _use_watched_pools(self.poolmanager)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        _use_watched_pools(manager)
        return manager
