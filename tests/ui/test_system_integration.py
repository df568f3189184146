"""Clipboard, notifications and 'Show in folder'."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow

from desktop.ui.common.notifier import Notifier
from desktop.ui.common.reveal import reveal_command, reveal_in_folder


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot("QUrl")
    def open(self, url) -> None:
        self.urls.append(url.toLocalFile())


def test_show_in_folder_selects_the_file_where_the_system_can(tmp_path):
    target = tmp_path / "saved.png"
    assert reveal_command(target, "darwin") == ("open", ["-R", str(target)])
    assert reveal_command(target, "win32") == ("explorer", [f"/select,{target}"])
    assert reveal_command(target, "linux") is None


def test_show_in_folder_on_linux_opens_the_folder(tmp_path, qapp):
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        assert reveal_in_folder(tmp_path / "saved.png")
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(u) for u in catcher.urls] == [tmp_path]


def test_notification_only_for_long_jobs_in_the_background(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    notifier = Notifier(window, long_job_s=3)
    assert notifier.in_background(), "a window that was never shown is not in front"
    assert not notifier.job_finished("Done", "2 images", elapsed_s=1.0)
    assert notifier.job_finished("Done", "2 images", elapsed_s=12.0)
    assert notifier.last == ("Done", "2 images")
