"""Proxies and untrusted certificates: how sessions pick a proxy, and what to tell the designer
when the proxy or the certificate stops a connection.

Without a proxy in Settings, requests does what every office tool does: HTTPS_PROXY,
HTTP_PROXY and NO_PROXY from the environment, and on Windows and macOS the system's proxy
settings (urllib.request.getproxies); on Linux, GNOME's manual proxy (system_proxy.py).
A proxy from Settings wins over all of those, except for the hosts in its bypass list
(loopback by default) and NO_PROXY. Demo mode (``ApiSettings.direct``) uses no proxy at all.
TLS is always verified; nothing here ever turns verification off.
"""

from __future__ import annotations

from typing import Any

import requests
from requests.utils import should_bypass_proxies

from desktop.api.errors import NetworkError
from desktop.api.models import ProxySettings
from desktop.api.texts import QT_TRANSLATE_NOOP

PROXY_AUTH_REQUIRED = QT_TRANSLATE_NOOP(
    "Errors",
    "The proxy server asks for a user name and password. Enter the ones your IT department "
    "gave you in Settings, under Proxy.",
)
PROXY_AUTH_REFUSED = QT_TRANSLATE_NOOP(
    "Errors",
    "The proxy server did not accept your user name and password. Check them in Settings, "
    "under Proxy, or ask your IT department.",
)
PROXY_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Errors",
    "Can't reach the proxy server. Check the proxy in Settings (or your system's proxy "
    "settings) and your connection.",
)
CERTIFICATE_NOT_TRUSTED = QT_TRANSLATE_NOOP(
    "Errors",
    "The certificate of the neuroflash server is not trusted by this computer, so the app did "
    "not connect. If your company checks secure connections, ask your IT department to add its "
    "certificate to the system's certificate store. Otherwise the network may be intercepting "
    "the connection: try another one.",
)
SECURE_CONNECTION_FAILED = QT_TRANSLATE_NOOP(
    "Errors",
    "The secure connection to neuroflash could not be verified. Check your network or proxy "
    "settings.",
)


class ProxySession(requests.Session):
    """A session that sends everything through the proxy from Settings, apart from the
    bypass list and NO_PROXY. The environment's own proxies only fill in what is unset,
    so they can never override the choice made in Settings."""

    def __init__(self, proxy: ProxySettings) -> None:
        super().__init__()
        self._proxy_url = proxy.requests_url()
        self._bypass = proxy.bypass

    def merge_environment_settings(
        self, url: Any, proxies: Any, stream: Any, verify: Any, cert: Any
    ) -> dict[str, Any]:
        if _bypassed(str(url), self._bypass):
            proxies = {"http": None, "https": None, "all": None}  # None: dropped, direct
        else:
            proxies = {"http": self._proxy_url, "https": self._proxy_url}
        return super().merge_environment_settings(url, proxies, stream, verify, cert)


class ConnectionSetupError(NetworkError):
    """The proxy or the trust store stopped the connection: the network is there, but a
    setting needs attention. Not "offline", so the UI shows the message itself."""


def _bypassed(url: str, bypass: str) -> bool:
    if bypass.strip() and should_bypass_proxies(url, no_proxy=bypass):
        return True
    return should_bypass_proxies(url, no_proxy=None)  # NO_PROXY from the environment


def new_session(proxy: ProxySettings | None, direct: bool = False) -> requests.Session:
    """A plain session (environment and system proxies), one bound to the Settings proxy, or
    with ``direct`` one that ignores every proxy (demo mode: an office HTTP_PROXY without
    NO_PROXY=localhost would otherwise receive the calls meant for this computer)."""
    if direct:
        session = requests.Session()
        session.trust_env = False  # no proxies from the environment or the system
        return session
    if proxy is None or not proxy.url.strip():
        from desktop.api.system_proxy import desktop_proxy, environment_names_a_proxy

        # Windows and macOS: urllib hands requests the system proxy. Linux: the desktop's.
        proxy = None if environment_names_a_proxy() else desktop_proxy()
    return requests.Session() if proxy is None else ProxySession(proxy)


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    stack: list[Any] = [exc]
    while stack:
        node = stack.pop()
        if not isinstance(node, BaseException) or any(node is s for s in seen):
            continue
        seen.append(node)
        stack.extend([getattr(node, "reason", None), node.__cause__, node.__context__])
        stack.extend(a for a in getattr(node, "args", ()) if isinstance(a, BaseException))
    return seen


def is_proxy_failure(exc: BaseException) -> bool:
    """The proxy stopped the request before it was forwarded (urllib3 raises ProxyError only
    until the connection to the proxy, or its tunnel, is up): it never reached neuroflash."""
    return isinstance(exc, requests.exceptions.ProxyError)


def is_setup_failure(exc: BaseException) -> bool:
    """A refused proxy password or an untrusted certificate: trying again cannot help, and
    repeating a wrong password can lock the designer's account at the proxy."""
    message = failure_message(exc, None)
    return message is not None and message != PROXY_UNREACHABLE


def failure_error(
    exc: BaseException, proxy: ProxySettings | None, method: str, url: str
) -> ConnectionSetupError | None:
    """A NetworkError for a proxy or certificate failure, else None. Neither reached
    neuroflash, yet neither is "offline": the message must show, since it says what to fix."""
    message = failure_message(exc, proxy)
    if message is None:
        return None
    detail = f"{method} {url.split('?', 1)[0]}: {type(exc).__name__}: {exc}"
    return ConnectionSetupError(message, detail=detail)


def failure_message(exc: BaseException, proxy: ProxySettings | None) -> str | None:
    """The designer's words for a proxy or certificate failure; None for any other failure."""
    if is_proxy_failure(exc):
        if any("407" in str(node) for node in _chain(exc)):
            return PROXY_AUTH_REFUSED if proxy and proxy.username else PROXY_AUTH_REQUIRED
        return PROXY_UNREACHABLE
    if isinstance(exc, requests.exceptions.SSLError):
        for node in _chain(exc):
            if getattr(node, "verify_code", None) or "CERTIFICATE_VERIFY_FAILED" in str(node):
                return CERTIFICATE_NOT_TRUSTED
        return SECURE_CONNECTION_FAILED
    return None


def proxy_status_error(
    response: requests.Response, proxy: ProxySettings | None, method: str, url: str
) -> ConnectionSetupError | None:
    """A plain-HTTP request answered 407 by the proxy itself (HTTPS gets a ProxyError)."""
    if response.status_code != 407:
        return None
    response.close()
    message = PROXY_AUTH_REFUSED if proxy and proxy.username else PROXY_AUTH_REQUIRED
    detail = f"{method} {url.split('?', 1)[0]}: proxy answered 407"
    return ConnectionSetupError(message, detail=detail)  # never reached neuroflash
