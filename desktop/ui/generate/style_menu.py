"""The Styles button in the Create panel's heading: apply a style preset to the prompt and
parameters, save the current prompt as one, manage (rename, edit, delete), import and export.

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
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QToolButton, QWidget

from desktop.app.i18n import fix_plural
from desktop.app.style_presets import (
    ImportReport,
    PresetImportError,
    PresetLibrary,
    PresetMissing,
    PresetNameTaken,
    fill,
    parameters_of,
)
from desktop.services.catalog import StylePreset
from desktop.ui.common.formatting import menu_label
from desktop.ui.common.start_folder import DOCUMENTS, start_folder
from desktop.ui.generate.panel import GeneratePanel
from desktop.ui.generate.ratio_labels import ratio_label
from desktop.ui.generate.save_style_dialog import SavePresetDialog
from desktop.ui.generate.style_manager import ManageStylesDialog
from desktop.ui.generate.style_note import StyleNote

log = logging.getLogger(__name__)
Spawn = Callable[[Awaitable[Any]], object]


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
        self.last_folder: Path | None = None  # where the next import/export dialog opens
        self.manager: ManageStylesDialog | None = None  # Manage Styles…, while open
        self.note = StyleNote(panel)

        self.button = QToolButton()
        self.button.setObjectName("styleButton")
        self.button.setText(menu_label(self.tr("Styles")))
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
        self.manage_action = QAction(self.tr("Manage Styles…"), self)
        self.manage_action.triggered.connect(self.manage)
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

    async def reload(self, select: str | None = None) -> list[StylePreset]:
        try:
            self.presets = await self._library.presets()
        except Exception:
            log.warning("Could not read the style presets", exc_info=True)
        self._fill_menu()
        if self.manager is not None:
            self.manager.set_presets(self.presets, select)
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
        menu.addAction(self.manage_action)
        menu.addSeparator()
        menu.addAction(self.import_action)
        self.export_action.setEnabled(bool(self.presets))
        menu.addAction(self.export_action)

    def _note(self, text: str, error: bool = False) -> None:
        """In Manage Styles while it is open (it covers the panel), else under Generate."""
        if self.manager is not None:
            self.manager.show_status(text, error=error)
        else:
            self.note.show(text, error=error)

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
            lines.append(self.note.reminder(filled.unfilled))
        lines.extend(missed)
        # gone once the designer types or chooses something else (style_note.py)
        self.note.show(" ".join(lines), placeholders=filled.unfilled)
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

    def ask_delete(self, preset: StylePreset, parent: QWidget | None = None) -> QMessageBox:
        box = QMessageBox(parent or self._window)
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

    # -- manage: rename, edit, remove a setting --------------------------------------------

    def manage(self) -> ManageStylesDialog:
        """Open Manage Styles… (window-modal through open(); answers through signals)."""
        if self.manager is not None:
            self.manager.raise_()
            return self.manager
        dialog = ManageStylesDialog(self.describe, self._window)
        dialog.set_presets(self.presets)
        dialog.renameRequested.connect(lambda old, new: self._spawn(self.rename(old, new)))
        dialog.saveRequested.connect(lambda preset: self._spawn(self.update(preset)))
        dialog.deleteRequested.connect(lambda preset: self.ask_delete(preset, dialog))
        dialog.importRequested.connect(lambda: self.ask_import(dialog))
        dialog.exportRequested.connect(lambda: self.ask_export(dialog))
        dialog.finished.connect(lambda _r: setattr(self, "manager", None))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.manager = dialog
        dialog.open()
        dialog.list_view.setFocus()  # the arrow keys go through the styles at once
        self._spawn(self.reload())  # what the store holds now
        return dialog

    def describe(self, key: str, value: Any) -> str:
        """A setting a style chooses, in words ("Model: Imagen 4 Fast")."""
        models = {m.id: m for m in self._panel.models}
        if key == "model":
            model = models.get(str(value))
            if model is None:
                what = self.tr("{model} (not offered in this workspace)").format(model=value)
            else:
                what = model.name
            return self.tr("Model: {model}").format(model=what)
        if key == "images":
            return self.tr("Images: {count}").format(count=value)
        if key == "aspect_ratio":
            return self.tr("Aspect ratio: {ratio}").format(ratio=ratio_label(str(value)))
        if key == "output_format":
            return self.tr("Format: {format}").format(format=str(value).upper())
        return f"{key}: {value}"  # a setting from an imported file this app doesn't use

    async def rename(self, old: str, new: str) -> bool:
        try:
            preset = await self._library.rename(old, new)
        except PresetNameTaken as taken:
            self._note(
                self.tr(
                    "There is already a style called “{name}”. Choose another name: a rename "
                    "never replaces a style."
                ).format(name=taken.name),
                error=True,
            )
            await self.reload(select=old)
            return False
        except PresetMissing:
            self._note(self.tr("The style “{name}” was deleted meanwhile.").format(name=old), True)
            await self.reload()
            return False
        except Exception:
            log.warning("Could not rename the style %r", old, exc_info=True)
            self._note(self.tr("Couldn't rename the style “{name}”.").format(name=old), True)
            await self.reload(select=old)
            return False
        await self.reload(select=preset.name)
        self._note(self.tr("Renamed “{old}” to “{new}”.").format(old=old, new=preset.name))
        return True

    async def update(self, preset: StylePreset) -> bool:
        """Save a changed prompt or settings of an existing style (same name)."""
        return await self.save(preset)

    # -- import and export ----------------------------------------------------------------

    def _file_dialog(self, title: str, save: bool, parent: QWidget | None) -> QFileDialog:
        dialog = QFileDialog(parent or self._window)
        dialog.setWindowTitle(title)
        dialog.setDirectory(start_folder(DOCUMENTS, self.last_folder))
        dialog.fileSelected.connect(lambda path: setattr(self, "last_folder", Path(path).parent))
        dialog.setNameFilter(self.tr("Style files (*.json)"))
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("json")
            dialog.selectFile("neuroflash-styles.json")
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        return dialog

    def ask_import(self, parent: QWidget | None = None) -> QFileDialog:
        dialog = self._file_dialog(self.tr("Import Styles"), save=False, parent=parent)
        dialog.fileSelected.connect(lambda path: self._spawn(self.import_from(Path(path))))
        self._show(dialog)
        return dialog

    def ask_export(self, parent: QWidget | None = None) -> QFileDialog:
        dialog = self._file_dialog(self.tr("Export Styles"), save=True, parent=parent)
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
        if not count and (same := len(report.unchanged)):  # not "Imported 0 styles. Skipped…"
            return fix_plural(
                self.tr("Nothing new: you have the %n style(s) in this file already.", "", same),
                same,
            )
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
