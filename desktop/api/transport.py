"""HTTP plumbing: one verified-TLS session per thread, timeouts, and the retry rules.

Retry rules: idempotent calls retry 502/503/504 and connection failures with exponential
backoff + jitter. Calls that spend credits (generate, edit) retry only when the connection
was never made, so a request that may have reached the server is never sent twice.
"""

from __future__ import annotations

import random
import ssl
import threading
import time
from collections.abc import Callable
from enum import Enum
from typing import Any

import requests
from urllib3.exceptions import (
    DecodeError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
)
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import SSLError as Urllib3SSLError

from desktop.api.deadline import DeadlineWatchdog, WatchedCall
from desktop.api.error_body import MAX_ERROR_BODY
from desktop.api.errors import DownloadCancelledError, NetworkError, UnexpectedResponseError
from desktop.api.models import ApiSettings
from desktop.api.proxy import (
    failure_error,
    is_proxy_failure,
    is_setup_failure,
    new_session,
    proxy_status_error,
)
from desktop.api.texts import QT_TRANSLATE_NOOP
from desktop.api.watched_pool import WatchedAdapter

RETRY_STATUSES = frozenset({502, 503, 504})
_CHUNK = 256 * 1024
MAYBE_DELIVERED = QT_TRANSLATE_NOOP(
    "Errors",
    "The connection dropped after neuroflash received the request. Your images may still "
    "arrive: refresh in a moment.",
)
# A credit-spending request that got no answer in time: the server may still be working on it.
SLOW_MAYBE_DELIVERED = QT_TRANSLATE_NOOP(
    "Errors",
    "neuroflash took too long to answer. Your images may still arrive: refresh in a moment.",
)
MAYBE_DONE = QT_TRANSLATE_NOOP(
    "Errors",
    "The connection dropped before neuroflash answered. Refresh to see whether it went through.",
)
TOO_LARGE = QT_TRANSLATE_NOOP(
    "Errors", "neuroflash sent far more data than expected, so the app stopped reading it."
)


class BodyTooLargeError(UnexpectedResponseError):
    """The answer is bigger than any real one: we stop reading rather than fill memory."""

    default_message = TOO_LARGE


class DeadlineExceeded(requests.exceptions.ReadTimeout):
    """The whole call took longer than its deadline (a server trickling its answer)."""


class Retry(Enum):
    IDEMPOTENT = "idempotent"  # GET: retry 502/503/504 and any connection failure
    CONNECT_ONLY = "connect_only"  # POST/DELETE: retry only if the request never left


def build_ssl_context() -> ssl.SSLContext:
    """The OS trust store when truststore is available (corporate CAs work), else certifi."""
    try:
        import truststore

        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except Exception:  # any failure means: fall back to certifi
        import certifi

        return ssl.create_default_context(cafile=certifi.where())


class VerifiedAdapter(WatchedAdapter):
    """An adapter whose pools use our SSLContext (verification on, hostname checked)."""

    def __init__(self, ssl_context: ssl.SSLContext, **kwargs: Any) -> None:
        self._ssl_context = ssl_context
        super().__init__(max_retries=0, **kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._ssl_context
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        # requests builds proxy pools without init_poolmanager's kwargs: without this, HTTPS
        # through a proxy verified against certifi alone, and a company's CA (the usual
        # reason for the proxy) was not trusted there.
        proxy_kwargs["ssl_context"] = self._ssl_context
        return super().proxy_manager_for(proxy, **proxy_kwargs)


def is_connect_failure(exc: BaseException) -> bool:
    """True when the request surely never reached the server (refused, DNS, connect timeout)."""
    if isinstance(exc, requests.exceptions.ConnectTimeout) or is_proxy_failure(exc):
        return True
    if not isinstance(exc, requests.exceptions.ConnectionError):
        return False
    seen: set[int] = set()
    stack: list[Any] = [exc]
    while stack:
        node = stack.pop()
        if not isinstance(node, BaseException) or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, NewConnectionError):
            return True
        stack.extend([getattr(node, "reason", None), node.__cause__, node.__context__])
        stack.extend(a for a in getattr(node, "args", ()) if isinstance(a, BaseException))
    return False


class Transport:
    """Sends requests with per-thread sessions; converts network failures to NetworkError."""

    def __init__(self, settings: ApiSettings, sleep: Callable[[float], None] = time.sleep) -> None:
        self._settings = settings
        self._sleep = sleep
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._lock = threading.Lock()
        self._ssl_context = build_ssl_context()
        self._closed = False
        self._watchdog = DeadlineWatchdog()

    def session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = new_session(self._settings.proxy, self._settings.direct)
            adapter = VerifiedAdapter(self._ssl_context)
            session.mount("https://", adapter)
            session.mount("http://", WatchedAdapter(max_retries=0))
            session.headers["User-Agent"] = "neuroflash-desktop"
            with self._lock:
                self._sessions.append(session)
            self._local.session = session
        return session

    def send(
        self,
        method: str,
        url: str,
        *,
        retry: Retry,
        read_timeout: float | None = None,
        max_body: int | None = None,
        cancelled: Callable[[], bool] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        """One logical request with retries; the caller handles the status code.

        The body is read here, at most ``max_body`` bytes, so a connection that dies mid-body
        is retried like any other network failure (for idempotent calls only). When
        ``cancelled()`` turns true the body stops being read and the connection is closed
        (DownloadCancelledError): a thumbnail scrolled far away is not worth its megabytes."""
        limit = max_body or self._settings.max_json_bytes
        read_s = read_timeout or self._settings.read_timeout
        # The read timeout is per socket read; the deadline bounds the whole call, retries too.
        deadline = time.monotonic() + max(
            self._settings.total_timeout, read_s + self._settings.connect_timeout
        )
        # The watchdog shuts the socket at the deadline, even while requests is still reading
        # the status line and headers (where no check of ours can run).
        with self._watchdog.watch(deadline) as watched:
            return self._attempts(
                method, url, retry, read_s, limit, deadline, watched, cancelled, kwargs
            )

    def _attempts(
        self,
        method: str,
        url: str,
        retry: Retry,
        read_s: float,
        limit: int,
        deadline: float,
        watched: WatchedCall,
        cancelled: Callable[[], bool] | None,
        kwargs: dict[str, Any],
    ) -> requests.Response:
        attempts = 1 + max(0, self._settings.max_retries)
        for attempt in range(attempts):
            # Past the deadline, this attempt is the last: its failure (or 5xx) is the answer.
            last = attempt == attempts - 1 or time.monotonic() >= deadline
            if cancelled is not None and cancelled():
                raise DownloadCancelledError(detail=f"{method} {url.split('?', 1)[0]}: cancelled")
            try:
                left = max(0.01, deadline - time.monotonic())
                timeout = (self._settings.connect_timeout, min(read_s, left))
                response = self.session().request(
                    method,
                    url,
                    timeout=timeout,
                    verify=True,
                    allow_redirects=False,
                    stream=True,
                    **kwargs,
                )
                _read_limited(response, limit, method, url, deadline, cancelled)
                if refused := proxy_status_error(response, self._settings.proxy, method, url):
                    raise refused
            except requests.exceptions.RequestException as caught:
                # Cut off by the watchdog: whatever the broken socket looked like, too long.
                exc = _deadline_error(method, url) if watched.expired else caught
                retriable = not is_setup_failure(exc) and (
                    is_connect_failure(exc)
                    or (
                        retry is Retry.IDEMPOTENT
                        and not isinstance(exc, requests.exceptions.Timeout)
                    )
                )
                if last or not retriable:
                    special = failure_error(exc, self._settings.proxy, method, url)
                    raise special or self._network_error(exc, method, url, retry) from caught
                self._backoff(attempt)
                continue
            if retry is Retry.IDEMPOTENT and response.status_code in RETRY_STATUSES and not last:
                response.close()
                self._backoff(attempt)
                continue
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _backoff(self, attempt: int) -> None:
        base = self._settings.retry_base_delay * (2**attempt)
        delay = min(self._settings.retry_max_delay, base) * (0.5 + random.random() / 2)
        if delay > 0:
            self._sleep(delay)

    @staticmethod
    def _network_error(
        exc: Exception, method: str, url: str, retry: Retry = Retry.IDEMPOTENT
    ) -> NetworkError:
        sent = retry is Retry.CONNECT_ONLY and not is_connect_failure(exc)
        timed_out = _timed_out(exc)
        if sent and method == "POST":
            # It may have reached the server: say so, and never send it again by ourselves.
            # A timeout is not a dropped connection, so the words say which one happened.
            message: str | None = SLOW_MAYBE_DELIVERED if timed_out else MAYBE_DELIVERED
        elif sent:
            message = MAYBE_DONE
        elif timed_out:
            message = QT_TRANSLATE_NOOP(
                "Errors", "neuroflash took too long to answer. Check your connection and try again."
            )
        elif isinstance(exc, requests.exceptions.SSLError):
            message = QT_TRANSLATE_NOOP(
                "Errors",
                "The secure connection to neuroflash could not be verified. Check your network "
                "or proxy settings.",
            )
        else:
            message = None
        path = url.split("?", 1)[0]
        error = NetworkError(message, detail=f"{method} {path}: {type(exc).__name__}: {exc}")
        error.connect_failure = is_connect_failure(exc)
        error.maybe_delivered = message in (MAYBE_DELIVERED, SLOW_MAYBE_DELIVERED)
        return error

    def close(self) -> None:
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()
        self._local = threading.local()


def _deadline_error(method: str, url: str) -> DeadlineExceeded:
    return DeadlineExceeded(f"{method} {url.split('?', 1)[0]}: past the deadline")


def _timed_out(exc: BaseException) -> bool:
    """A read timeout, also when requests wrapped it in a ConnectionError (mid-body stalls)."""
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return True
    seen: set[int] = set()
    stack: list[Any] = [exc]
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ReadTimeoutError | TimeoutError):
            return True
        stack.extend([node.__cause__, node.__context__])
        stack.extend(a for a in getattr(node, "args", ()) if isinstance(a, BaseException))
    return False


def _read_chunk(response: requests.Response) -> bytes:
    """What has arrived (at most one chunk): one socket read, so the deadline is checked often.
    urllib3's errors become the requests errors iter_content would raise."""
    try:
        return response.raw.read1(_CHUNK, decode_content=True)
    except ReadTimeoutError as exc:
        raise requests.exceptions.ConnectionError(exc) from exc
    except Urllib3SSLError as exc:
        raise requests.exceptions.SSLError(exc) from exc
    except ProtocolError as exc:
        raise requests.exceptions.ChunkedEncodingError(exc) from exc
    except DecodeError as exc:
        raise requests.exceptions.ContentDecodingError(exc) from exc
    except (Urllib3Error, OSError) as exc:
        raise requests.exceptions.ConnectionError(exc) from exc


def _read_limited(
    response: requests.Response,
    limit: int,
    method: str,
    url: str,
    deadline: float,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Read the whole body into ``response`` (as requests would), refusing more than limit and
    giving up at the deadline. Of an error answer only the first MAX_ERROR_BODY bytes are read:
    that is where its message is, and a 1 MB error page is not worth waiting for."""
    where = url.split("?", 1)[0]
    is_error = response.status_code >= 400
    declared = response.headers.get("Content-Length", "")
    if not is_error and declared.isdigit() and int(declared) > limit:
        response.close()
        raise BodyTooLargeError(
            detail=f"{method} {where}: declares {declared} bytes, limit {limit}"
        )
    parts: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            response.close()
            raise DeadlineExceeded(f"{method} {where}: body not complete by the deadline")
        if cancelled is not None and cancelled():
            response.close()  # closes the connection: the server stops sending
            raise DownloadCancelledError(detail=f"{method} {where}: cancelled after {size} bytes")
        chunk = _read_chunk(response)
        if not chunk:
            break
        size += len(chunk)
        parts.append(chunk)
        if is_error and size >= MAX_ERROR_BODY:
            response.close()  # enough to read the message; the rest is never read
            break
        if size > limit:
            response.close()
            raise BodyTooLargeError(detail=f"{method} {where}: over {limit} bytes")
    response._content = b"".join(parts)  # what requests itself does for a non-streamed body
    response._content_consumed = True
