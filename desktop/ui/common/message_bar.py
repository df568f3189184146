"""A non-modal strip above the grid that says what went wrong, with Retry where it helps."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from desktop.app.i18n import translate_message


class MessageBar(QFrame):
    """Shows one message at a time; errors stay until dismissed, notes fade after a while."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAccessibleName(self.tr("Message"))
        self._retry: Callable[[], object] | None = None
        self.label = QLabel()
        self.label.setObjectName("messageText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # server text: never markup
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
        # the note's button by key (Ctrl+Z for Undo); a QShortcut only fires while the bar
        # shows, and a focused text field keeps its own Ctrl+Z
        self._action_key = QShortcut(self)
        self._action_key.setContext(Qt.ShortcutContext.WindowShortcut)
        self._action_key.setEnabled(False)
        self._action_key.activated.connect(self._on_retry)
        self.hide()

    def show_error(
        self, text: str, retry: Callable[[], object] | None = None, action_text: str = ""
    ) -> None:
        """An error that stays; messages from below the UI are translated here."""
        self._show(translate_message(text), "error", retry, action_text)

    def show_note(
        self,
        text: str,
        seconds: float = 8.0,
        action: Callable[[], object] | None = None,
        action_text: str = "",
        action_key: QKeySequence | None = None,
    ) -> None:
        """A passing note; with ``action`` it offers one button (e.g. Show in Folder), which
        ``action_key`` also presses while the note shows."""
        self._show(translate_message(text), "note", action, action_text)
        if action is not None and action_key is not None:
            self._action_key.setKey(action_key)
            self._action_key.setEnabled(True)
            self.retry_button.setToolTip(
                action_key.toString(QKeySequence.SequenceFormat.NativeText)
            )
        self._fade.start(int(seconds * 1000))

    def _show(
        self, text: str, kind: str, retry: Callable[[], object] | None, action_text: str = ""
    ) -> None:
        self._fade.stop()
        self._action_key.setEnabled(False)
        self.retry_button.setToolTip("")
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

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def _on_retry(self) -> None:
        retry, self._retry = self._retry, None
        self.dismiss()
        if retry is not None:
            retry()

    def dismiss(self) -> None:
        self._fade.stop()
        self._action_key.setEnabled(False)
        self.hide()
