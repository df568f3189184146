"""Non-secret preferences (window layout, last workspace, endpoints, and per workspace the
generate choices last used) kept in QSettings.

There is deliberately no field for a secret: credentials belong to CredentialStore.

Changes are written by a thread of their own: QSettings saves atomically, and its fsync took
40 ms and more on the GUI thread while the disk was busy with thumbnails (the first
generation of a session froze the window that long, to save the new recent prompt). Reads
see this session's changes at once; ``sync`` waits for the writes (quitting, dialogs).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:  # concurrent.futures loads on the first write, after the first paint
    from concurrent.futures import Future, ThreadPoolExecutor

ORGANIZATION = "neuroflash"
APPLICATION = "neuroflash Desktop"
_REMOVED = object()
SYNC_TIMEOUT_S = 10
GENERATE_CHOICES = ("model", "images", "aspect_ratio", "output_format")


class AppSettings:
    """Typed access to QSettings; pass a QSettings or an .ini path in tests."""

    def __init__(self, source: QSettings | Path | str | None = None) -> None:
        if isinstance(source, QSettings):
            self._s = source
        elif source is not None:
            self._s = QSettings(str(source), QSettings.Format.IniFormat)
        else:
            self._s = QSettings(ORGANIZATION, APPLICATION)
        self._changed: dict[str, Any] = {}  # this session's writes, newest value per key
        self._writer: ThreadPoolExecutor | None = None
        self._writer_settings: QSettings | None = None  # made and used on the writer thread
        self._last_write: Future[None] | None = None

    @property
    def qsettings(self) -> QSettings:
        return self._s

    def value(self, key: str, default: Any = None) -> Any:
        """The stored value, or this session's newer one while its write is under way."""
        if key in self._changed:
            value = self._changed[key]
            return default if value is _REMOVED else value
        return self._s.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self._changed[key] = value
        if self._writer is None:
            from concurrent.futures import ThreadPoolExecutor

            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="settings-writer")
        self._last_write = self._writer.submit(self._write, key, value)

    def remove(self, key: str) -> None:
        self.set_value(key, _REMOVED)

    def sync(self) -> None:
        """Wait until every change is on disk, then re-read what other instances wrote."""
        if self._last_write is not None:
            self._last_write.result(timeout=SYNC_TIMEOUT_S)
        self._s.sync()

    def _write(self, key: str, value: Any) -> None:
        """Writer thread only: its own QSettings on the same file, as Qt allows per thread."""
        if self._writer_settings is None:
            self._writer_settings = QSettings(self._s.fileName(), self._s.format())
        if value is _REMOVED:
            self._writer_settings.remove(key)
        else:
            self._writer_settings.setValue(key, value)
        self._writer_settings.sync()

    # -- helpers -----------------------------------------------------------------------------
    def _get_str(self, key: str) -> str | None:
        value = self.value(key)
        if value is None:
            return None
        text = str(value)
        return text or None

    def _set_str(self, key: str, value: str | None) -> None:
        if value:
            self.set_value(key, str(value))
        else:
            self.remove(key)

    def _get_bytes(self, key: str) -> bytes | None:
        value = self.value(key)
        if isinstance(value, QByteArray):
            data = bytes(value.data())
        elif isinstance(value, (bytes, bytearray)):
            data = bytes(value)
        else:
            return None
        return data or None

    def _set_bytes(self, key: str, value: bytes | None) -> None:
        if value:
            self.set_value(key, QByteArray(bytes(value)))
        else:
            self.remove(key)

    # -- fields ------------------------------------------------------------------------------
    @property
    def last_workspace_id(self) -> str | None:
        return self._get_str("workspace/last_id")

    @last_workspace_id.setter
    def last_workspace_id(self, value: str | None) -> None:
        self._set_str("workspace/last_id", value)

    @property
    def window_geometry(self) -> bytes | None:
        return self._get_bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: bytes | None) -> None:
        self._set_bytes("window/geometry", value)

    @property
    def window_state(self) -> bytes | None:
        return self._get_bytes("window/state")

    @window_state.setter
    def window_state(self, value: bytes | None) -> None:
        self._set_bytes("window/state", value)

    @property
    def splitter_state(self) -> bytes | None:
        return self._get_bytes("window/splitter")

    @splitter_state.setter
    def splitter_state(self, value: bytes | None) -> None:
        self._set_bytes("window/splitter", value)

    @property
    def api_url(self) -> str | None:
        return self._get_str("api/url")

    @api_url.setter
    def api_url(self, value: str | None) -> None:
        self._set_str("api/url", value)

    @property
    def token_url(self) -> str | None:
        return self._get_str("api/token_url")

    @token_url.setter
    def token_url(self, value: str | None) -> None:
        self._set_str("api/token_url", value)

    @property
    def language(self) -> str | None:
        """The language the designer picked ("en", "de"); None follows the system."""
        return self._get_str("ui/language")

    @language.setter
    def language(self, value: str | None) -> None:
        self._set_str("ui/language", value)

    @property
    def remember_credentials(self) -> bool:
        value = self.value("credentials/remember", True)
        if isinstance(value, str):
            return value.strip().lower() in {"true", "1", "yes"}
        return bool(value)

    @remember_credentials.setter
    def remember_credentials(self, value: bool) -> None:
        self.set_value("credentials/remember", bool(value))

    # -- proxy (the password is in the keychain: CredentialStore.save_proxy_password) ----------
    @property
    def proxy_url(self) -> str | None:
        """The proxy from Settings, e.g. "http://proxy.example.com:8080"; None: the system's."""
        return self._get_str("proxy/url")

    @proxy_url.setter
    def proxy_url(self, value: str | None) -> None:
        self._set_str("proxy/url", value.strip() if value else None)

    @property
    def proxy_username(self) -> str | None:
        return self._get_str("proxy/username")

    @proxy_username.setter
    def proxy_username(self, value: str | None) -> None:
        self._set_str("proxy/username", value.strip() if value else None)

    @property
    def proxy_bypass(self) -> str | None:
        """Hosts that go direct (comma-separated, like NO_PROXY); None: loopback only."""
        return self._get_str("proxy/bypass")

    @proxy_bypass.setter
    def proxy_bypass(self, value: str | None) -> None:
        self._set_str("proxy/bypass", value.strip() if value else None)

    # -- per workspace -----------------------------------------------------------------------
    @staticmethod
    def _workspace_key(workspace_id: str, name: str) -> str:
        from urllib.parse import quote  # loaded on first use, after the first paint

        return f"workspaces/{quote(workspace_id, safe='')}/{name}"

    def generate_choices(self, workspace_id: str) -> dict[str, str]:
        """The model, image count, aspect ratio and format last used in a workspace
        (``model``, ``images``, ``aspect_ratio``, ``output_format``; missing ones absent)."""
        choices = {}
        for name in GENERATE_CHOICES:
            value = self._get_str(self._workspace_key(workspace_id, name))
            if value:
                choices[name] = value
        return choices

    def set_generate_choices(self, workspace_id: str, choices: dict[str, str]) -> None:
        for name in GENERATE_CHOICES:
            key = self._workspace_key(workspace_id, name)
            if str(self.value(key, "") or "") != str(choices.get(name) or ""):
                self._set_str(key, choices.get(name))
