"""Tell the designer when a long job finishes while they are working in another window:
a system notification where the desktop has a tray, otherwise the taskbar entry flashes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

LONG_JOB_S = 3.0


class Notifier(QObject):
    """Only speaks up when the app is in the background and the job took a while."""

    def __init__(self, window: QWidget, long_job_s: float = LONG_JOB_S) -> None:
        super().__init__(window)
        self._window = window
        self._long_job_s = long_job_s
        self._tray: QSystemTrayIcon | None = None
        self.last: tuple[str, str] | None = None

    def in_background(self) -> bool:
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        return not (active and self._window.isActiveWindow())

    def job_finished(self, title: str, message: str, elapsed_s: float) -> bool:
        """Notify if worth it; returns whether a notification was shown."""
        if elapsed_s < self._long_job_s or not self.in_background():
            return False
        self.last = (title, message)
        if QSystemTrayIcon.isSystemTrayAvailable():
            tray = self._tray_icon()
            tray.show()
            tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 8000)
        else:
            QApplication.alert(self._window, 0)
        return True

    def _tray_icon(self) -> QSystemTrayIcon:
        if self._tray is None:
            icon = QApplication.windowIcon()
            self._tray = QSystemTrayIcon(icon if not icon.isNull() else QIcon(), self)
            self._tray.setToolTip("neuroflash Desktop")
            self._tray.messageClicked.connect(self._bring_to_front)
        return self._tray

    def _bring_to_front(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()
