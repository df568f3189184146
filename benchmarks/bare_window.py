"""The start-up baseline: a bare PySide6 QMainWindow, shown and painted once, then exit."""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, _report)
        return False


def _report() -> None:
    print(f"first-paint {time.time():.6f}", flush=True)
    os._exit(0)


def main() -> None:
    app = QApplication([])
    window = QMainWindow()
    window.setWindowTitle("baseline")
    window.resize(1280, 800)
    window.installEventFilter(_FirstPaint(window))
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
