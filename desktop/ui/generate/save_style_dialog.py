"""The dialog behind "Save Prompt as Style…": name, template and whether to keep the
parameters; a taken name turns Save into Replace, which only a click confirms."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.catalog import StylePreset

MAX_NAME_CHARS = 80


class SavePresetDialog(QDialog):
    """Name, template and whether to keep the parameters; a taken name says it replaces."""

    def __init__(
        self, template: str, summary: str, taken: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("saveStyleDialog")
        self.setWindowTitle(self.tr("Save as Style"))
        self._taken = {name.casefold(): name for name in taken}
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("styleNameEdit")
        self.name_edit.setAccessibleName(self.tr("Style name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Flat pastel"))
        self.name_edit.setMaxLength(MAX_NAME_CHARS)
        self.template_edit = QPlainTextEdit(template)
        self.template_edit.setObjectName("styleTemplateEdit")
        self.template_edit.setAccessibleName(self.tr("Style prompt"))
        self.template_edit.setTabChangesFocus(True)
        self.template_edit.setMinimumHeight(72)
        hint = QLabel(
            self.tr(
                "Write {subject} where your prompt goes when you apply the style, e.g. "
                "“{subject}, flat vector, pastel”. Without it, your prompt goes in front."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "secondary")
        hint.setTextFormat(Qt.TextFormat.PlainText)
        self.parameters_box = QCheckBox(self.tr("Also keep {summary}").format(summary=summary))
        self.parameters_box.setObjectName("styleKeepParameters")
        self.parameters_box.setChecked(True)
        self.clash_label = QLabel()
        self.clash_label.setObjectName("styleNameClash")
        self.clash_label.setProperty("role", "warning")
        self.clash_label.setWordWrap(True)
        self.clash_label.setTextFormat(Qt.TextFormat.PlainText)
        self.clash_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveStyleButton")
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Prompt"), self.template_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.parameters_box)
        layout.addWidget(self.clash_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.name_edit.textChanged.connect(self._update)
        self.template_edit.textChanged.connect(self._update)
        self._update()

    def clashes_with(self) -> str | None:
        """The existing style this name would replace, or None."""
        return self._taken.get(self.name_edit.text().strip().casefold())

    def _update(self) -> None:
        clash = self.clashes_with()
        self.clash_label.setVisible(clash is not None)
        if clash is not None:
            self.clash_label.setText(
                self.tr(
                    "A style called “{name}” exists already. Choose another name, or Replace "
                    "to overwrite it."
                ).format(name=clash)
            )
        self.save_button.setText(self.tr("Replace") if clash is not None else self.tr("Save"))
        # Enter saves a new name; replacing takes a click on "Replace"
        self.save_button.setDefault(clash is None)
        self.save_button.setAutoDefault(clash is None)
        self.save_button.setEnabled(
            bool(self.name_edit.text().strip() and self.template_edit.toPlainText().strip())
        )

    def preset(self, parameters: dict[str, Any]) -> StylePreset:
        clash = self.clashes_with()  # keep the existing spelling: one style, not two
        name = clash if clash is not None else self.name_edit.text().strip()
        kept = parameters if self.parameters_box.isChecked() else {}
        return StylePreset(name, self.template_edit.toPlainText().strip(), kept)
