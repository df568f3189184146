"""The Styles button in the Create panel's heading: apply a style preset to the prompt and
parameters, save the current prompt as one, delete, import and export them.

Applying is one edit of the prompt box (Ctrl+Z takes it back). Applying another style right
after swaps the style and keeps the designer's own words, instead of stacking styles. Every
dialog opens with ``open()`` and answers through signals; the work runs in the session's
tasks (see desktop.app.style_presets for where it runs and what placeholders mean).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app.i18n import fix_plural
from desktop.app.style_presets import (
    ImportReport,
    PresetImportError,
    PresetLibrary,
    fill,
    parameters_of,
)
from desktop.services.catalog import StylePreset
from desktop.ui.generate.panel import GeneratePanel

log = logging.getLogger(__name__)
Spawn = Callable[[Awaitable[Any]], object]


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
        self.name_edit.setMaxLength(80)
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


class StyleMenu(QObject):
    """The Styles button and everything behind it, for one Create panel."""

    def __init__(
        self,
        panel: GeneratePanel,
        library: PresetLibrary,
        spawn: Spawn,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._panel = panel
        self._library = library
        self._spawn = spawn
        self._window = window
        self.presets: list[StylePreset] = []
        self._applied: tuple[str, str] | None = None  # (prompt it made, designer's own words)
        self.dialog: QDialog | None = None  # the one open dialog, for tests

        self.button = QToolButton()
        self.button.setObjectName("styleButton")
        self.button.setText(self.tr("Styles"))
        self.button.setAccessibleName(self.tr("Styles"))
        self.button.setToolTip(
            self.tr("Apply a saved style to your prompt, or save this prompt as a style")
        )
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.menu = QMenu(self.button)
        self.menu.setObjectName("styleMenu")
        self.menu.setToolTipsVisible(True)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.menu.installEventFilter(self)  # opens leftwards, over the panel (eventFilter)
        self.button.setMenu(self.menu)
        panel.heading_row.addWidget(self.button)
        self.save_action = QAction(self.tr("Save Prompt as Style…"), self)
        self.save_action.triggered.connect(self.ask_save)
        self.import_action = QAction(self.tr("Import Styles…"), self)
        self.import_action.triggered.connect(self.ask_import)
        self.export_action = QAction(self.tr("Export Styles…"), self)
        self.export_action.triggered.connect(self.ask_export)
        self._fill_menu()
        spawn(self.reload())

    # -- the menu -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """Right-align the menu with the button: the button sits at the window's right edge,
        so a menu opening rightwards would hang off the window (or off the screen)."""
        if watched is self.menu and event.type() == QEvent.Type.Show:
            corner = self.button.mapToGlobal(QPoint(self.button.width(), self.button.height()))
            self.menu.move(corner.x() - self.menu.width(), self.menu.y())
        return False

    async def reload(self) -> list[StylePreset]:
        try:
            self.presets = await self._library.presets()
        except Exception:
            log.warning("Could not read the style presets", exc_info=True)
        self._fill_menu()
        return self.presets

    def _fill_menu(self) -> None:
        menu = self.menu
        menu.clear()
        if not self.presets:
            empty = menu.addAction(self.tr("No styles yet"))
            empty.setEnabled(False)
        for preset in self.presets:
            action = menu.addAction(preset.name)
            action.setToolTip(preset.template)
            action.triggered.connect(lambda _c=False, p=preset: self.apply(p))
        menu.addSeparator()
        self.save_action.setEnabled(bool(self._panel.prompt_edit.toPlainText().strip()))
        menu.addAction(self.save_action)
        delete_menu = menu.addMenu(self.tr("Delete Style"))
        delete_menu.setObjectName("deleteStyleMenu")
        delete_menu.setEnabled(bool(self.presets))
        for preset in self.presets:
            action = delete_menu.addAction(preset.name)
            action.triggered.connect(lambda _c=False, p=preset: self.ask_delete(p))
        menu.addSeparator()
        menu.addAction(self.import_action)
        self.export_action.setEnabled(bool(self.presets))
        menu.addAction(self.export_action)

    def _note(self, text: str, error: bool = False) -> None:
        self._panel.show_message(text, error=error)

    # -- apply ----------------------------------------------------------------------------

    def apply(self, preset: StylePreset) -> None:
        """Fill the preset's template with the designer's words, as one undoable edit, and
        choose its parameters where this workspace allows them."""
        edit = self._panel.prompt_edit
        current = edit.toPlainText()
        words = current
        if self._applied is not None and self._applied[0] == current:
            words = self._applied[1]  # the last style's text, untouched: swap the style
        filled = fill(preset, words)
        cursor = edit.textCursor()
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(filled.text)
        cursor.endEditBlock()
        edit.setTextCursor(cursor)
        self._applied = (filled.text, words.strip())
        missed = self._panel.apply_parameters(preset.parameters)
        lines = [self.tr("Style “{name}” applied.").format(name=preset.name)]
        if filled.unfilled:
            first = "{" + filled.unfilled[0] + "}"
            start = filled.text.find(first)
            if start >= 0:  # selected, so typing replaces it
                cursor.setPosition(start)
                cursor.setPosition(start + len(first), QTextCursor.MoveMode.KeepAnchor)
                edit.setTextCursor(cursor)
            lines.append(
                self.tr("Type over {placeholder} in the prompt before you generate.").format(
                    placeholder=", ".join("{" + n + "}" for n in filled.unfilled)
                )
            )
        lines.extend(missed)
        self._note(" ".join(lines), error=False)
        edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- save -----------------------------------------------------------------------------

    def _summary(self, parameters: dict[str, Any]) -> str:
        panel = self._panel
        model = panel.current_model()
        images = int(parameters.get("images", 1))
        parts = [
            model.name if model else "",
            fix_plural(self.tr("%n image(s)", "", images), images),
            panel.aspect_ratio_combo.currentText(),
            panel.output_format_combo.currentText(),
        ]
        return " · ".join(p for p in parts if p)

    def _suggested_template(self) -> str:
        """The prompt, with the designer's own words back as {subject} when a style made it."""
        text = self._panel.prompt_edit.toPlainText().strip()
        if self._applied is not None and self._applied[1] and self._applied[1] in text:
            return text.replace(self._applied[1], "{subject}", 1)
        return text

    def ask_save(self) -> SavePresetDialog:
        parameters = parameters_of(self._panel.choices())
        dialog = SavePresetDialog(
            self._suggested_template(),
            self._summary(parameters),
            [p.name for p in self.presets],
            self._window,
        )
        dialog.accepted.connect(lambda: self._spawn(self.save(dialog.preset(parameters))))
        self._show(dialog)
        return dialog

    async def save(self, preset: StylePreset) -> bool:
        try:
            await self._library.save(preset)
        except Exception:
            log.warning("Could not save the style %r", preset.name, exc_info=True)
            self._note(self.tr("Couldn't save the style “{name}”.").format(name=preset.name), True)
            return False
        await self.reload()
        self._note(self.tr("Saved the style “{name}”.").format(name=preset.name))
        return True

    # -- delete ---------------------------------------------------------------------------

    def ask_delete(self, preset: StylePreset) -> QMessageBox:
        box = QMessageBox(self._window)
        box.setObjectName("deleteStyleConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete Style"))
        box.setText(self.tr("Delete the style “{name}”?").format(name=preset.name))
        box.setInformativeText(self.tr("Images made with it stay as they are."))
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda button: button is delete and self._spawn(self.delete(preset.name))
        )
        self._show(box)
        return box

    async def delete(self, name: str) -> None:
        try:
            await self._library.delete(name)
        except Exception:
            log.warning("Could not delete the style %r", name, exc_info=True)
            self._note(self.tr("Couldn't delete the style “{name}”.").format(name=name), True)
            return
        await self.reload()
        self._note(self.tr("Deleted the style “{name}”.").format(name=name))

    # -- import and export ----------------------------------------------------------------

    def _file_dialog(self, title: str, save: bool) -> QFileDialog:
        dialog = QFileDialog(self._window)
        dialog.setWindowTitle(title)
        dialog.setNameFilter(self.tr("Style files (*.json)"))
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("json")
            dialog.selectFile("neuroflash-styles.json")
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        return dialog

    def ask_import(self) -> QFileDialog:
        dialog = self._file_dialog(self.tr("Import Styles"), save=False)
        dialog.fileSelected.connect(lambda path: self._spawn(self.import_from(Path(path))))
        self._show(dialog)
        return dialog

    def ask_export(self) -> QFileDialog:
        dialog = self._file_dialog(self.tr("Export Styles"), save=True)
        dialog.fileSelected.connect(lambda path: self._spawn(self.export_to(Path(path))))
        self._show(dialog)
        return dialog

    async def import_from(self, path: Path) -> ImportReport | None:
        try:
            report = await self._library.import_file(path)
        except PresetImportError as err:
            self._note(str(err), error=True)
            return None
        except Exception:
            log.warning("Could not import styles from %s", path, exc_info=True)
            self._note(self.tr("Couldn't import the styles. Nothing was changed."), error=True)
            return None
        await self.reload()
        self._note(self._import_text(report))
        return report

    def _import_text(self, report: ImportReport) -> str:
        count = len(report.added) + len(report.renamed)
        lines = [fix_plural(self.tr("Imported %n style(s).", "", count), count)]
        for old, new in report.renamed.items():
            lines.append(
                self.tr(
                    "You have a different “{old}” already, so the imported one is “{new}”."
                ).format(old=old, new=new)
            )
        if report.unchanged:
            same = len(report.unchanged)
            lines.append(
                fix_plural(self.tr("Skipped %n style(s) you have already.", "", same), same)
            )
        return " ".join(lines)

    async def export_to(self, path: Path) -> int | None:
        try:
            count = await self._library.export_file(path)
        except OSError as err:
            self._note(
                self.tr("Couldn't write {file}: {reason}").format(
                    file=path.name, reason=err.strerror or str(err)
                ),
                error=True,
            )
            return None
        text = fix_plural(self.tr("Exported %n style(s) to {file}.", "", count), count)
        self._note(text.format(file=str(path)))
        return count

    def _show(self, dialog: QDialog) -> None:
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
