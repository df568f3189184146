"""The client id and secret live in the OS keychain, or (without one) in memory for this session.

Secrets are never written to settings, logs or files: a machine without a keychain simply
asks again next launch.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

CLIENT_ID_KEY = "client-id"
CLIENT_SECRET_KEY = "client-secret"
PROXY_PASSWORD_KEY = "proxy-password"


@dataclass(frozen=True)
class _FallbackCredentials:
    """Used only if desktop.api is unavailable; same shape as desktop.api.models.Credentials."""

    client_id: str
    client_secret: str

    def __repr__(self) -> str:
        return f"Credentials(client_id={self.client_id!r}, client_secret='***')"


def _make_credentials(client_id: str, client_secret: str) -> Any:
    try:
        from desktop.api.models import Credentials
    except ImportError:
        return _FallbackCredentials(client_id, client_secret)
    return Credentials(client_id=client_id, client_secret=client_secret)


def _backend_usable() -> bool:
    """A backend of priority <= 0 (keyring's fail/null backends) cannot store anything."""
    import keyring.errors  # imported on first use: ~30 ms the first paint does not need

    try:
        backend = keyring.get_keyring()
        priority = getattr(backend, "priority", 1)
        return not (isinstance(priority, (int, float)) and priority <= 0)
    except Exception:  # keyring can raise almost anything while probing backends
        return False


class CredentialStore:
    """Loads, saves and forgets the credentials; without a keychain they live in memory only."""

    def __init__(self, service: str = "neuroflash-desktop") -> None:
        self._service = service
        self._lock = threading.Lock()
        self._memory: Any | None = None
        self._proxy_memory: str | None = None  # the proxy password without a keychain
        self._keychain_failed = False

    @property
    def keychain_available(self) -> bool:
        return not self._keychain_failed and _backend_usable()

    def load(self) -> Any | None:
        """Credentials from this session's memory first, then from the keychain; None if none."""
        import keyring.errors  # on first use (start-up speed)

        with self._lock:
            if self._memory is not None:
                return self._memory
            if not self.keychain_available:
                return None
            try:
                client_id = keyring.get_password(self._service, CLIENT_ID_KEY)
                secret = keyring.get_password(self._service, CLIENT_SECRET_KEY)
            except keyring.errors.NoKeyringError:
                self._keychain_failed = True
                log.warning("No keychain available; credentials are kept for this session only")
                return None
            except Exception as err:  # backends raise KeyringError, DBus, OS errors...
                log.warning("Could not read credentials from the keychain (%s)", type(err).__name__)
                return None
            if not client_id or not secret:
                return None
            return _make_credentials(client_id, secret)

    def save(self, creds: Any) -> bool:
        """True if stored in the keychain; False if kept in memory for this session only."""
        import keyring.errors  # on first use (start-up speed)

        client_id, secret = str(creds.client_id), str(creds.client_secret)
        with self._lock:
            self._memory = None
            if self.keychain_available:
                try:
                    keyring.set_password(self._service, CLIENT_ID_KEY, client_id)
                    keyring.set_password(self._service, CLIENT_SECRET_KEY, secret)
                    return True
                except keyring.errors.NoKeyringError:
                    self._keychain_failed = True
                except Exception as err:
                    log.warning(
                        "Could not store credentials in the keychain (%s); keeping them for "
                        "this session only",
                        type(err).__name__,
                    )
                self._delete_quietly()
            self._memory = _make_credentials(client_id, secret)
            return False

    def keep_for_session(self, creds: Any) -> None:
        """For "don't remember me": use these until quit and clear any keychain copy."""
        with self._lock:
            if self.keychain_available:
                self._delete_quietly()
            self._memory = _make_credentials(str(creds.client_id), str(creds.client_secret))

    def forget(self) -> None:
        """Remove the credentials from memory and the keychain (missing entries are fine)."""
        with self._lock:
            self._memory = None
            if self.keychain_available:
                self._delete_quietly()

    def _delete_quietly(self) -> None:
        import keyring.errors  # on first use (start-up speed)

        for key in (CLIENT_ID_KEY, CLIENT_SECRET_KEY):
            try:
                keyring.delete_password(self._service, key)
            except keyring.errors.PasswordDeleteError:
                pass  # nothing stored under this key
            except keyring.errors.NoKeyringError:
                self._keychain_failed = True
                return
            except Exception as err:
                log.warning("Could not remove credentials from keychain (%s)", type(err).__name__)

    # -- the proxy password (Settings, Proxy) ------------------------------------------------
    def load_proxy_password(self) -> str:
        """The proxy password from this session's memory or the keychain; "" if none."""
        import keyring.errors  # on first use (start-up speed)

        with self._lock:
            if self._proxy_memory is not None:
                return self._proxy_memory
            if not self.keychain_available:
                return ""
            try:
                return keyring.get_password(self._service, PROXY_PASSWORD_KEY) or ""
            except keyring.errors.NoKeyringError:
                self._keychain_failed = True
            except Exception as err:
                log.warning("Could not read the proxy password (%s)", type(err).__name__)
            return ""

    def save_proxy_password(self, password: str) -> bool:
        """True if stored in the keychain; False if kept in memory for this session only.
        An empty password removes it."""
        import keyring.errors  # on first use (start-up speed)

        with self._lock:
            self._proxy_memory = None
            if self.keychain_available:
                try:
                    if password:
                        keyring.set_password(self._service, PROXY_PASSWORD_KEY, password)
                    else:
                        keyring.delete_password(self._service, PROXY_PASSWORD_KEY)
                    return True
                except keyring.errors.PasswordDeleteError:
                    return True  # nothing was stored
                except keyring.errors.NoKeyringError:
                    self._keychain_failed = True
                except Exception as err:
                    log.warning(
                        "Could not store the proxy password (%s); keeping it for this session only",
                        type(err).__name__,
                    )
            self._proxy_memory = password
            return False
