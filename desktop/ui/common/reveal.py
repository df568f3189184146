"""'Show in folder': open the system file manager with a saved file selected where the
system can do that (Finder, Explorer, freedesktop file managers), else open its folder."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QProcess, QUrl
from PySide6.QtGui import QDesktopServices


def reveal_command(path: Path, platform: str = sys.platform) -> tuple[str, list[str]] | None:
    """The program that shows ``path`` selected, or None to just open its folder."""
    if platform == "darwin":
        return "open", ["-R", str(path)]
    if platform.startswith("win"):
        return "explorer", [f"/select,{path}"]
    return None


def reveal_in_folder(path: Path) -> bool:
    """Show the file in the file manager; returns False if nothing could be started."""
    path = Path(path)
    command = reveal_command(path)
    if command is not None and QProcess.startDetached(*command)[0]:
        return True
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
