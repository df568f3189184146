"""URL rules in one place: which hosts may see plain http, origins, and view paths for /edit.

Origins are decided from the URL exactly as requests/urllib3 will connect to it (not as
``urlsplit`` reads it: the two disagree about backslashes, for one), and URLs whose host part
is ambiguous (backslashes, userinfo, percent-escapes, control characters) are refused outright.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import quote, urlsplit

from requests.exceptions import RequestException
from requests.models import PreparedRequest
from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url

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


Origin = tuple[str, str, int | None]
_NO_ORIGIN: Origin = ("", "", None)  # never equal to a real origin
_DEFAULT_PORTS = {"http": 80, "https": 443}


def wire_origin(url: str) -> Origin:
    """(scheme, host, port) the HTTP library will really connect to, default port filled in.

    The URL goes through requests' own preparation (IDNA, percent-escapes) and urllib3's parser,
    the same two steps a request takes. Anything they refuse has no origin."""
    try:
        prepared = PreparedRequest()
        prepared.prepare_url(str(url), None)
        parts = parse_url(prepared.url or "")
    except (RequestException, LocationParseError, ValueError, UnicodeError):
        return _NO_ORIGIN
    scheme = (parts.scheme or "").lower()
    host = (parts.host or "").lower()
    if not scheme or not host:
        return _NO_ORIGIN
    return scheme, host, parts.port or _DEFAULT_PORTS.get(scheme)


def is_unambiguous_url(url: str) -> bool:
    """False for URLs that parsers read differently: backslashes, control characters or
    spaces, userinfo (``user@host``), percent-escapes in the host part, or a scheme-relative
    start. Such a URL is never fetched, and never gets a token."""
    text = str(url)
    if "\\" in text or any(ord(c) < 33 or ord(c) == 127 for c in text):
        return False
    if text.startswith("//"):
        return False
    try:
        netloc = urlsplit(text).netloc
    except ValueError:
        return False
    if "@" in netloc or "%" in netloc:
        return False
    # The plain reading and the wire reading must agree on where this goes.
    return _split_origin(text) == wire_origin(text)


def _split_origin(url: str) -> Origin:
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        port = parts.port or _DEFAULT_PORTS.get(scheme)
        host = parts.hostname or ""
    except ValueError:
        return _NO_ORIGIN
    try:
        host = host.encode("idna").decode("ascii") if host and not host.isascii() else host
    except UnicodeError:
        return _NO_ORIGIN
    if ":" in host:
        host = f"[{host}]"  # urllib3 keeps IPv6 literals in brackets
    return (scheme, host.lower(), port) if scheme and host else _NO_ORIGIN


def is_allowed_url(url: str) -> bool:
    """https anywhere; plain http only to this computer (the built-in server); never a URL
    whose destination is ambiguous (see is_unambiguous_url)."""
    if not is_unambiguous_url(url):
        return False
    scheme, host, _port = wire_origin(url)
    if scheme == "https" and host:
        return True
    return scheme == "http" and is_loopback_host(host)


def require_secure(url: str, what: str) -> str:
    if not is_allowed_url(url):
        raise InsecureSettingsError(
            f"The {what} must start with https:// (plain http only to this computer).",
            detail=f"Refused {what}: {url!r}",
        )
    return url.rstrip("/")


def origin(url: str) -> Origin:
    """The origin for same-origin checks: where the request will really go, or no origin at
    all for an ambiguous URL (so it never matches the API's and never gets the token)."""
    return wire_origin(url) if is_unambiguous_url(url) else _NO_ORIGIN


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
    if text.startswith("/") and not text.startswith("//") and "\\" not in text:
        return text
    return view_path(text)
