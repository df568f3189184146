"""Manage Styles…: the saved styles in a list; for the chosen one its name (Rename), its prompt
(Save Prompt) and the settings it chooses, each removable; Delete, Import and Export.

The dialog only shows and asks: every change goes out as a signal to the StyleMenu, which
writes it through the catalogue and hands the fresh list back (``set_presets``), so what the
dialog shows is always what is stored. A name another style has is refused while it is typed
and again by the library, so a rename never replaces a style. A prompt edit not saved yet is
saved when the designer picks another style or closes the dialog: nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app.style_presets import PARAMETER_KEYS, name_taken
from desktop.services.catalog import StylePreset
from desktop.ui.generate.save_style_dialog import MAX_NAME_CHARS

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
Describe = Callable[[str, Any], str]  # (parameter key, value) -> "Model: Imagen 4 Fast"


class ParameterRows(QWidget):
    """The settings a style chooses, one line each in words, with a Remove button."""

    removeRequested = Signal(str)  # the parameter's key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("styleParameters")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.rows: dict[str, tuple[QLabel, QPushButton]] = {}

    def show_parameters(self, parameters: dict[str, Any], describe: Describe) -> None:
        while (child := self._layout.takeAt(0)) is not None:
            if (widget := child.widget()) is not None:
                widget.deleteLater()
        self.rows = {}
        if not parameters:
            none = QLabel(
                self.tr("None: model, images, ratio and format stay as they are in the panel.")
            )
            none.setObjectName("styleNoParameters")
            none.setProperty("role", "secondary")
            none.setWordWrap(True)
            self._layout.addWidget(none)
            return
        # the panel's order (model, images, ratio, format), then anything an import brought
        order = {key: n for n, key in enumerate(PARAMETER_KEYS)}
        for key, value in sorted(parameters.items(), key=lambda kv: order.get(kv[0], 99)):
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = QLabel(describe(key, value))
            label.setTextFormat(Qt.TextFormat.PlainText)  # an imported file's own words
            label.setWordWrap(True)
            remove = QPushButton(self.tr("Remove"))
            remove.setObjectName(f"removeParameter_{key}")
            remove.setAutoDefault(False)
            remove.setAccessibleName(
                self.tr("Remove “{setting}” from this style").format(setting=label.text())
            )
            remove.setToolTip(self.tr("The style no longer changes this setting"))
            remove.clicked.connect(lambda _c=False, k=key: self.removeRequested.emit(k))
            line.addWidget(label, 1)
            line.addWidget(remove)
            self._layout.addWidget(row)
            self.rows[key] = (label, remove)

    def texts(self) -> list[str]:
        return [label.text() for label, _remove in self.rows.values()]


class ManageStylesDialog(QDialog):
    """The styles and the chosen one's details; changes go out as signals (see the module)."""

    renameRequested = Signal(str, str)  # old name, new name
    saveRequested = Signal(object)  # a StylePreset with a changed prompt or settings
    deleteRequested = Signal(object)  # the StylePreset, for the StyleMenu to ask about
    importRequested = Signal()
    exportRequested = Signal()

    def __init__(self, describe: Describe, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manageStylesDialog")
        self.setWindowTitle(self.tr("Manage Styles"))
        self._describe = describe
        self.presets: list[StylePreset] = []
        self.current: StylePreset | None = None

        self.model = QStandardItemModel(self)
        self.list_view = QListView()
        self.list_view.setObjectName("styleList")
        self.list_view.setAccessibleName(self.tr("Styles"))
        self.list_view.setModel(self.model)
        self.list_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setMinimumWidth(160)
        self.list_view.selectionModel().currentChanged.connect(self._current_changed)
        self.empty_label = QLabel(
            self.tr(
                "No styles yet. Save a prompt as a style from the Styles menu, or import a file."
            )
        )
        self.empty_label.setObjectName("noStylesLabel")
        self.empty_label.setProperty("role", "secondary")
        self.empty_label.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setObjectName("importStylesButton")
        self.import_button.setToolTip(self.tr("Add the styles in a style file"))
        self.import_button.clicked.connect(self.importRequested)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportStylesButton")
        self.export_button.setToolTip(self.tr("Save every style to a file, to share or keep"))
        self.export_button.clicked.connect(self.exportRequested)
        files = QHBoxLayout()
        files.addWidget(self.import_button)
        files.addWidget(self.export_button)
        left = QVBoxLayout()
        left.addWidget(self.list_view, 1)
        left.addWidget(self.empty_label)
        left.addLayout(files)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("manageStyleName")
        self.name_edit.setAccessibleName(self.tr("Style name"))
        self.name_edit.setMaxLength(MAX_NAME_CHARS)
        self.rename_button = QPushButton(self.tr("Rename"))
        self.rename_button.setObjectName("renameStyleButton")
        self.rename_button.setAutoDefault(False)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.rename_button)
        self.name_warning = QLabel()
        self.name_warning.setObjectName("styleNameTaken")
        self.name_warning.setProperty("role", "warning")
        self.name_warning.setWordWrap(True)
        self.name_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.name_warning.hide()
        self.template_edit = QPlainTextEdit()
        self.template_edit.setObjectName("manageStyleTemplate")
        self.template_edit.setAccessibleName(self.tr("Style prompt"))
        self.template_edit.setTabChangesFocus(True)
        self.template_edit.setMinimumHeight(60)
        hint = QLabel(self.tr("{subject} is where your prompt goes when you apply the style."))
        hint.setProperty("role", "secondary")
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        self.save_template_button = QPushButton(self.tr("Save Prompt"))
        self.save_template_button.setObjectName("saveStyleTemplateButton")
        self.save_template_button.setAutoDefault(False)
        template_row = QHBoxLayout()
        template_row.addWidget(hint, 1)
        template_row.addWidget(self.save_template_button, 0, Qt.AlignmentFlag.AlignTop)
        self.parameter_rows = ParameterRows()
        self.parameter_rows.removeRequested.connect(self._remove_parameter)
        self.delete_button = QPushButton(self.tr("Delete Style…"))
        self.delete_button.setObjectName("deleteStyleButton")
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self._ask_delete)
        delete_row = QHBoxLayout()
        delete_row.addStretch(1)
        delete_row.addWidget(self.delete_button)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Name"), name_row)
        form.addRow("", self.name_warning)
        form.addRow(self.tr("Prompt"), self.template_edit)
        form.addRow("", template_row)
        form.addRow(self.tr("Settings"), self.parameter_rows)
        self.details = QWidget()
        self.details.setObjectName("styleDetails")
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addLayout(form, 1)
        details.addLayout(delete_row)

        self.status_label = QLabel()
        self.status_label.setObjectName("manageStylesStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # Enter belongs to the field it is typed in (Enter in Name renames); no button of the
        # dialog takes it as its default, so it never opens Import or closes the dialog
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        for button in (self.import_button, self.export_button, close):
            button.setAutoDefault(False)
            button.setDefault(False)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addWidget(self.details, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)
        self.setMinimumSize(560, 380)
        self.resize(700, 440)

        self.name_edit.textChanged.connect(self._update_buttons)
        self.name_edit.returnPressed.connect(self.rename)
        self.rename_button.clicked.connect(self.rename)
        self.template_edit.textChanged.connect(self._update_buttons)
        self.save_template_button.clicked.connect(self.save_template)
        self.finished.connect(lambda _result: self._save_unsaved_template())
        self._show_details(None)

    # -- the list -------------------------------------------------------------------------

    def set_presets(self, presets: list[StylePreset], select: str | None = None) -> None:
        """Show the stored styles; keep the chosen one (or ``select``, e.g. a new name)."""
        wanted = select or (self.current.name if self.current else None)
        unsaved = self._unsaved_template()
        was = self.current.name if self.current else None
        self.presets = list(presets)
        selection = self.list_view.selectionModel()
        selection.blockSignals(True)
        self.model.clear()
        for preset in self.presets:
            item = QStandardItem(preset.name)
            item.setData(preset.name, NAME_ROLE)
            item.setToolTip(preset.template)
            item.setEditable(False)
            self.model.appendRow(item)
        row = next((r for r, p in enumerate(self.presets) if p.name == wanted), 0)
        if self.presets:
            selection.setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        selection.blockSignals(False)
        current = self.presets[row] if self.presets else None
        # the same style again (also under its new name): an edit not saved yet stays
        same = current is not None and current.name in (was, select) and was is not None
        self._show_details(current, unsaved if same else None)
        self.empty_label.setVisible(not self.presets)
        self.list_view.setVisible(bool(self.presets))
        self.export_button.setEnabled(bool(self.presets))

    def select(self, name: str) -> None:
        row = next((r for r, p in enumerate(self.presets) if p.name == name), -1)
        if row >= 0:
            self.list_view.setCurrentIndex(self.model.index(row, 0))

    def names(self) -> list[str]:
        return [self.model.item(r).text() for r in range(self.model.rowCount())]

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._save_unsaved_template()
        name = current.data(NAME_ROLE) if current.isValid() else None
        self._show_details(next((p for p in self.presets if p.name == name), None))

    # -- the details ----------------------------------------------------------------------

    def _show_details(self, preset: StylePreset | None, unsaved: str | None = None) -> None:
        self.current = preset
        self.details.setEnabled(preset is not None)
        self.name_edit.setText(preset.name if preset else "")
        self.template_edit.setPlainText(
            unsaved if unsaved is not None else (preset.template if preset else "")
        )
        self.parameter_rows.show_parameters(preset.parameters if preset else {}, self._describe)
        self._update_buttons()

    def _update_buttons(self) -> None:
        current = self.current
        name = self.name_edit.text().strip()
        taken = name_taken(self.presets, name, own=current.name) if current else None
        self.name_warning.setVisible(taken is not None)
        if taken is not None:
            self.name_warning.setText(self.taken_text(taken))
        self.rename_button.setEnabled(
            current is not None and bool(name) and name != current.name and taken is None
        )
        self.save_template_button.setEnabled(self._unsaved_template() is not None)

    def taken_text(self, name: str) -> str:
        return self.tr(
            "There is already a style called “{name}”. Choose another name: a rename never "
            "replaces a style."
        ).format(name=name)

    def _unsaved_template(self) -> str | None:
        """The prompt as edited, when it differs from the stored one and is not empty."""
        if self.current is None:
            return None
        text = self.template_edit.toPlainText().strip()
        return text if text and text != self.current.template else None

    # -- changes (signals) ----------------------------------------------------------------

    def rename(self) -> None:
        current = self.current
        if current is None:
            return
        name = self.name_edit.text().strip()
        if not name:
            self.show_status(self.tr("A style needs a name."), error=True)
            return
        if (taken := name_taken(self.presets, name, own=current.name)) is not None:
            self.show_status(self.taken_text(taken), error=True)
            self.name_edit.setFocus()
            self.name_edit.selectAll()
            return
        if name != current.name:
            self.renameRequested.emit(current.name, name)

    def save_template(self) -> None:
        if self.current is not None and (text := self._unsaved_template()) is not None:
            self.saveRequested.emit(StylePreset(self.current.name, text, self.current.parameters))

    def _save_unsaved_template(self) -> None:
        self.save_template()

    def _remove_parameter(self, key: str) -> None:
        current = self.current
        if current is None:
            return
        kept = {k: v for k, v in current.parameters.items() if k != key}
        template = self._unsaved_template() or current.template  # an edit goes along
        self.saveRequested.emit(StylePreset(current.name, template, kept))

    def _ask_delete(self) -> None:
        if self.current is not None:
            self.deleteRequested.emit(self.current)

    def show_status(self, text: str, error: bool = False) -> None:
        self.status_label.setProperty("role", "error" if error else "secondary")
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)
        self.status_label.setText(text)
        self.status_label.show()
