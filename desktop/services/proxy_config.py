"""The proxy from Settings as the client wants it: address and user from AppSettings, the
password from the keychain (never from settings, never logged)."""

from __future__ import annotations

import os
from urllib.parse import quote, unquote, urlsplit

from desktop.api.models import DEFAULT_PROXY_BYPASS, ProxySettings
from desktop.services.credentials import CredentialStore
from desktop.services.log_setup import SecretRedactor
from desktop.services.settings import AppSettings


def proxy_from_settings(
    settings: AppSettings, store: CredentialStore, redactor: SecretRedactor | None = None
) -> ProxySettings | None:
    """None when no proxy is set (the environment's or the system's proxy applies). Reads the
    keychain only when a proxy user name is set. The password is registered with the log's
    redactor, as typed and as it appears percent-encoded in a proxy URL."""
    url = settings.proxy_url
    if not url:
        return None
    username = settings.proxy_username or ""
    password = store.load_proxy_password() if username else ""
    if redactor is not None and password:
        redactor.add(password)
        redactor.add(quote(password, safe=""))
    return ProxySettings(url, username, password, settings.proxy_bypass or DEFAULT_PROXY_BYPASS)


def mask_environment_proxy_passwords(redactor: SecretRedactor) -> None:
    """HTTPS_PROXY and friends may carry user:password@; mask those passwords in the log."""
    for name, value in os.environ.items():
        if not name.lower().endswith("_proxy") or "@" not in value:
            continue
        try:
            password = urlsplit(value if "://" in value else "http://" + value).password
        except ValueError:
            continue
        if password:
            redactor.add(password)
            redactor.add(unquote(password))
