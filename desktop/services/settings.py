"""Non-secret preferences (window layout, last workspace, endpoints) kept in QSettings.

There is deliberately no field for a secret: credentials belong to CredentialStore.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "neuroflash"
APPLICATION = "neuroflash Desktop"


class AppSettings:
    """Typed access to QSettings; pass a QSettings or an .ini path in tests."""

    def __init__(self, source: QSettings | Path | str | None = None) -> None:
        if isinstance(source, QSettings):
            self._s = source
        elif source is not None:
            self._s = QSettings(str(source), QSettings.Format.IniFormat)
        else:
            self._s = QSettings(ORGANIZATION, APPLICATION)

    @property
    def qsettings(self) -> QSettings:
        return self._s

    def sync(self) -> None:
        self._s.sync()

    # -- helpers -----------------------------------------------------------------------------
    def _get_str(self, key: str) -> str | None:
        value = self._s.value(key)
        if value is None:
            return None
        text = str(value)
        return text or None

    def _set_str(self, key: str, value: str | None) -> None:
        if value:
            self._s.setValue(key, str(value))
        else:
            self._s.remove(key)

    def _get_bytes(self, key: str) -> bytes | None:
        value = self._s.value(key)
        if isinstance(value, QByteArray):
            data = value.data()
        elif isinstance(value, (bytes, bytearray)):
            data = bytes(value)
        else:
            return None
        return data or None

    def _set_bytes(self, key: str, value: bytes | None) -> None:
        if value:
            self._s.setValue(key, QByteArray(bytes(value)))
        else:
            self._s.remove(key)

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
        value = self._s.value("credentials/remember", True)
        if isinstance(value, str):
            return value.strip().lower() in {"true", "1", "yes"}
        return bool(value)

    @remember_credentials.setter
    def remember_credentials(self, value: bool) -> None:
        self._s.setValue("credentials/remember", bool(value))
