"""The prompt box: plain text, with recent prompts offered as you type.

QCompleter only drives QLineEdit out of the box; this follows Qt's "Custom Completer"
pattern so a multi-line editor can use it: the popup takes Up/Down/Enter/Escape while it is
open, and choosing an entry replaces the whole prompt.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QPlainTextEdit, QWidget

from desktop.services.recent_prompts import RecentPrompts

MIN_CHARS = 2
POPUP_KEYS = {
    Qt.Key.Key_Enter,
    Qt.Key.Key_Return,
    Qt.Key.Key_Escape,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
}


class PromptEdit(QPlainTextEdit):
    """A QPlainTextEdit that suggests recent prompts (when given a RecentPrompts store)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recent: RecentPrompts | None = None
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setWidget(self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(8)
        self._popup().setObjectName("recentPromptsPopup")
        self._popup().setAccessibleName(self.tr("Recent prompts"))
        self.completer.activated.connect(self.use_suggestion)
        self._applying = False

    def sizeHint(self) -> QSize:  # Qt override
        """As tall as its minimum: in a short window the prompt gives up height before the
        settings below it scroll away; a tall window still stretches it (layout stretch)."""
        hint = super().sizeHint()
        return QSize(hint.width(), max(self.minimumHeight(), self.minimumSizeHint().height()))

    def minimumSizeHint(self) -> QSize:  # Qt override
        """The minimum height the panel set wins over Qt's scroll-area minimum (78 px on
        X11: room for scroll-bar arrows), which layouts add to the preferred height: it
        kept the form scrolling at 900x600 with the jobs showing."""
        hint = super().minimumSizeHint()
        if (least := self.minimumHeight()) > 0:
            return QSize(hint.width(), min(hint.height(), least))
        return hint

    def set_recent_prompts(self, recent: RecentPrompts | None) -> None:
        self._recent = recent

    def suggestions(self) -> list[str]:
        return self._model.stringList()

    def use_suggestion(self, text: str) -> None:
        self._applying = True
        try:
            self.setPlainText(text)
            self.moveCursor(self.textCursor().MoveOperation.End)
        finally:
            self._applying = False
        self._popup().hide()

    def close_suggestions(self) -> None:
        """Generating (Ctrl+Return is a window shortcut, the popup never sees it) closes the
        box: left open, it floated over the form once the job list moved the form up."""
        self._popup().hide()

    def _popup(self) -> QAbstractItemView:
        # QCompleter makes its default popup on first ask: never None, whatever the stub says.
        popup = self.completer.popup()
        assert popup is not None
        return popup

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        popup = self._popup()
        if popup.isVisible() and event.key() in POPUP_KEYS and not event.modifiers():
            event.ignore()  # the completer's popup handles it
            return
        super().keyPressEvent(event)
        if event.text() or event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self._update_popup()

    def _update_popup(self) -> None:
        popup = self._popup()
        text = self.toPlainText()
        if self._applying or self._recent is None or len(text.strip()) < MIN_CHARS:
            popup.hide()
            return
        matches = self._recent.matching(text)
        if not matches:
            popup.hide()
            return
        self._model.setStringList(matches)
        # Below the whole box and as wide as it: at the cursor it covered the text being
        # typed and, started mid-line, ran past the window's edge.
        self.completer.complete(QRect(0, 0, self.width(), self.height() + 1))
        popup.setCurrentIndex(self._model.index(-1, 0))
