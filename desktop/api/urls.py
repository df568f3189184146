"""URL rules in one place: which hosts may see plain http, origins, and view paths for /edit."""

from __future__ import annotations

import ipaddress
from urllib.parse import quote, urlsplit

from desktop.api.errors import InsecureSettingsError, InvalidRequestError
from desktop.api.models import view_path
from desktop.api.texts import QT_TRANSLATE_NOOP


def is_loopback_host(host: str | None) -> bool:
    if not host:
        return False
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_allowed_url(url: str) -> bool:
    """https anywhere; plain http only to this computer (the built-in server)."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return True
    return parts.scheme == "http" and is_loopback_host(parts.hostname)


def require_secure(url: str, what: str) -> str:
    if not is_allowed_url(url):
        raise InsecureSettingsError(
            f"The {what} must start with https:// (plain http only to this computer).",
            detail=f"Refused {what}: {url!r}",
        )
    return url.rstrip("/")


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) with default ports filled in, for same-origin checks."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or {"http": 80, "https": 443}.get(scheme)
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port


def origin_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def quote_segment(value: str, what: str = "id") -> str:
    """Quote an id for one path segment; ids that could traverse ('..', '.', empty) are refused."""
    text = str(value).strip()
    if text in ("", ".", ".."):
        raise InvalidRequestError(
            f"That {what} is not valid.", detail=f"Refused path segment {value!r}"
        )
    return quote(text, safe="")


def edit_source_path(value: str) -> str:
    """What /edit wants: a relative view path. Absolute URLs lose their origin (they make the
    service answer 500); a bare image id becomes its view path."""
    text = str(value).strip()
    if not text:
        raise InvalidRequestError(
            QT_TRANSLATE_NOOP("Errors", "Pick an image to edit first."),
            detail="Empty image URL",
        )
    parts = urlsplit(text)
    if parts.scheme or parts.netloc:
        path = parts.path or "/"
        return f"{path}?{parts.query}" if parts.query else path
    if text.startswith("/"):
        return text
    return view_path(text)
