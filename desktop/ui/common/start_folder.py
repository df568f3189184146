"""Where a file dialog opens: the folder used last for that kind of file, else the system's
Pictures (images) or Documents (styles) folder, else home. Without this Qt opens the app's
working directory: the repository in a checkout, ``/`` or ``C:\\Windows\\System32`` when
installed, never where a designer keeps files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

PICTURES = QStandardPaths.StandardLocation.PicturesLocation
DOCUMENTS = QStandardPaths.StandardLocation.DocumentsLocation


def start_folder(location: QStandardPaths.StandardLocation, last: Path | None = None) -> str:
    """``last`` if it still exists, else the system folder for ``location``, else home."""
    if last is not None and last.is_dir():
        return str(last)
    for found in QStandardPaths.standardLocations(location):
        if found and Path(found).is_dir():
            return found
    return str(Path.home())
