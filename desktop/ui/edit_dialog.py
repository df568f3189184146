"""Edit dialog: one prompt that re-generates a history image from itself (image-to-image)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.api import HistoryItem
from desktop.services.prompt_text import clean_prompt
from desktop.ui.generate_panel import MAX_PROMPT_CHARS
from desktop.ui.i18n import number


class EditDialog(QDialog):
    """Asks how to change an image; emits ``editRequested(item, prompt)``. Ctrl+Enter sends."""

    editRequested = Signal(object, str)

    def __init__(self, item: HistoryItem, thumbnail: QPixmap | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.setObjectName("editDialog")
        self.setWindowTitle(self.tr("Edit image"))
        self.setAccessibleName(self.tr("Edit image"))
        self.setMinimumWidth(460)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        preview = QLabel()
        preview.setFixedSize(120, 120)
        preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if thumbnail is not None and not thumbnail.isNull():
            preview.setPixmap(
                thumbnail.scaled(
                    120,
                    120,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        heading = self.tr("Source")
        source = QLabel(f"<b>{heading}</b><br>{_escape(item.prompt)[:240]}")
        source.setWordWrap(True)
        source.setTextFormat(Qt.TextFormat.RichText)
        top = QHBoxLayout()
        top.addWidget(preview)
        top.addWidget(source, 1)

        self.prompt_edit = QPlainTextEdit()
        self.prompt_edit.setObjectName("editPromptEdit")
        self.prompt_edit.setAccessibleName(self.tr("How should the image change?"))
        self.prompt_edit.setPlaceholderText(
            self.tr("How should it change? e.g. Make the sky a deep sunset orange")
        )
        self.prompt_edit.setTabChangesFocus(True)
        self.reason_label = QLabel(self.tr("Uses 1 credit."))
        self.reason_label.setWordWrap(True)
        self.reason_label.setProperty("role", "secondary")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.edit_button = self.buttons.addButton(
            self.tr("Edit"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.edit_button.setObjectName("editButton")
        self.edit_button.setDefault(True)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self._submit)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.prompt_edit)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.buttons)
        self.prompt_edit.textChanged.connect(self._update)
        self._update()
        self.prompt_edit.setFocus()

    def _update(self) -> None:
        prompt = clean_prompt(self.prompt_edit.toPlainText())
        ok = bool(prompt) and len(prompt) <= MAX_PROMPT_CHARS
        self.edit_button.setEnabled(ok)
        if len(prompt) > MAX_PROMPT_CHARS:
            self.reason_label.setText(
                self.tr("Too long: {count} of {limit} characters.").format(
                    count=number(len(prompt)), limit=number(MAX_PROMPT_CHARS)
                )
            )
        else:
            self.reason_label.setText(self.tr("Uses 1 credit."))

    def _submit(self) -> None:
        if not self.edit_button.isEnabled():
            return
        self.editRequested.emit(self.item, clean_prompt(self.prompt_edit.toPlainText()))
        self.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
