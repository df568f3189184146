"""Where the app keeps caches, logs and drag-out files, from QStandardPaths (or a test root)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

APP_DIR_NAME = "neuroflash-desktop"


def _standard(location: QStandardPaths.StandardLocation, fallback: Path) -> Path:
    """Qt appends org/app names only once they are set; otherwise use our own sub-folder
    so we never scatter files straight into ~/.cache or ~/.local/share."""
    found = QStandardPaths.writableLocation(location)
    if not found:
        return fallback
    base = Path(found)
    return base if QCoreApplication.applicationName() else base / APP_DIR_NAME


class AppPaths:
    """Directories are created on first access, so constructing this touches nothing on disk."""

    def __init__(self, root: Path | None = None) -> None:
        self._root = Path(root) if root is not None else None

    def _cache_base(self) -> Path:
        if self._root is not None:
            return self._root / "cache"
        return _standard(
            QStandardPaths.StandardLocation.CacheLocation, Path.home() / ".cache" / APP_DIR_NAME
        )

    def _data_base(self) -> Path:
        if self._root is not None:
            return self._root / "data"
        return _standard(
            QStandardPaths.StandardLocation.AppLocalDataLocation,
            Path.home() / ".local" / "share" / APP_DIR_NAME,
        )

    @staticmethod
    def _ensure(path: Path) -> Path:
        path.mkdir(parents=True, exist_ok=True)
        return path

    @property
    def cache_dir(self) -> Path:
        return self._ensure(self._cache_base())

    @property
    def thumbnail_dir(self) -> Path:
        return self._ensure(self._cache_base() / "thumbnails")

    @property
    def originals_dir(self) -> Path:
        return self._ensure(self._cache_base() / "originals")

    @property
    def data_dir(self) -> Path:
        """What the app records and cannot fetch again (for example where edits came from)."""
        return self._ensure(self._data_base())

    @property
    def log_dir(self) -> Path:
        return self._ensure(self._data_base() / "logs")

    @property
    def drag_dir(self) -> Path:
        """Files handed to other apps on drag-out. Per-user (inside the cache, not a shared
        /tmp folder another user could pre-create); emptied with clear_drag_dir()."""
        return self._ensure(self._cache_base() / "drag")

    def clear_drag_dir(self) -> None:
        """Remove leftover drag-out files (call at start-up or quit); errors are ignored."""
        shutil.rmtree(self._cache_base() / "drag", ignore_errors=True)
