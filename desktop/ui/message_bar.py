"""A non-modal strip that says what went wrong, with Retry where it helps.

It floats over the bottom of the grid (``float_over``) instead of taking a place in the layout:
a bar that pushed the grid down when it appeared moved every tile ~40 px under the pointer,
so a click meant for one image landed on another.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, QTimer
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from desktop.ui.i18n import translate_message

OVERLAY_MARGIN = 12


class MessageBar(QFrame):
    """Shows one message at a time; errors stay until dismissed, notes fade after a while."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAccessibleName(self.tr("Message"))
        self._retry: Callable[[], None] | None = None
        self.label = QLabel()
        self.label.setObjectName("messageText")
        self.label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("retryButton")
        self.retry_button.setAccessibleName(self.tr("Retry"))
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        layout.addWidget(self.close_button)
        self.retry_button.clicked.connect(self._on_retry)
        self.close_button.clicked.connect(self.dismiss)
        self._fade = QTimer(self)
        self._fade.setSingleShot(True)
        self._fade.timeout.connect(self.dismiss)
        self._host: QWidget | None = None
        self.hide()

    # --- floating over the grid -------------------------------------------------------------
    def float_over(self, host: QWidget) -> None:
        """Show messages over the bottom edge of ``host`` without changing its geometry."""
        self._host = host
        self.setParent(host)
        host.installEventFilter(self)
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return False

    def _place(self) -> None:
        host = self._host
        if host is None:
            return
        margin = OVERLAY_MARGIN
        viewport = host.viewport() if isinstance(host, QAbstractScrollArea) else host
        area = viewport.geometry() if viewport is not host else host.rect()
        width = max(0, area.width() - 2 * margin)
        height = self.heightForWidth(width) if self.hasHeightForWidth() else -1
        height = max(height, self.sizeHint().height())
        self.setGeometry(area.x() + margin, area.bottom() + 1 - height - margin, width, height)
        self.raise_()

    def paintEvent(self, event) -> None:
        if self._host is not None:  # opaque under the tinted style, or tiles show through
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
            painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
            painter.end()
        super().paintEvent(event)

    def show_error(
        self, text: str, retry: Callable[[], None] | None = None, action_text: str = ""
    ) -> None:
        """An error that stays; messages from below the UI are translated here."""
        self._show(translate_message(text), "error", retry, action_text)

    def show_note(
        self,
        text: str,
        seconds: float = 8.0,
        action: Callable[[], None] | None = None,
        action_text: str = "",
    ) -> None:
        """A passing note; with ``action`` it offers one button (e.g. Show in Folder)."""
        self._show(translate_message(text), "note", action, action_text)
        self._fade.start(int(seconds * 1000))

    def _show(
        self, text: str, kind: str, retry: Callable[[], None] | None, action_text: str = ""
    ) -> None:
        self._fade.stop()
        self._retry = retry
        action_text = action_text or self.tr("Retry")
        self.retry_button.setText(action_text)
        self.retry_button.setAccessibleName(action_text)
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        self.retry_button.setVisible(retry is not None)
        self.show()
        self._place()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def _on_retry(self) -> None:
        retry, self._retry = self._retry, None
        self.dismiss()
        if retry is not None:
            retry()

    def dismiss(self) -> None:
        self._fade.stop()
        self.hide()
