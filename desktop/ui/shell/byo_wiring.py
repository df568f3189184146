"""Bring your own image (issue 14) wired into the window: drop and paste targets, File →
Import…, Upscale and "Edit Part…" in the grid's menu and the viewer, and the mask editor.

Kept apart from main_window so the window only says ``ByoWiring(self)``. What a workspace
can't do is shown disabled with the reason (from the model catalogue), never offered to fail.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QCursor, QGuiApplication, QImage, QImageReader, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from desktop.api import HistoryItem
from desktop.api.errors import NeuroflashError
from desktop.app.byo_jobs import ByoJobs, upscale_label
from desktop.app.i18n import translate_message
from desktop.app.mask_store import MaskStore
from desktop.ui.common.start_folder import PICTURES, start_folder
from desktop.ui.imports.sources import ImportDropTarget, import_dialog
from desktop.ui.mask.dialog import MaskEditDialog

if TYPE_CHECKING:
    from desktop.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)
SCALES = (2, 4)


def _decode(path: Path) -> QImage:
    """On a worker: QImageReader on a path releases the GIL while it decodes."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    return reader.read()


class ByoWiring(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._session = window.session
        self.jobs = ByoJobs(window.session, window.job.queue, self)
        self.masks = MaskStore(window.paths.data_dir / "masks")  # kept in the profile
        self.mask_dialog: MaskEditDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.last_import_folder: Path | None = None  # where the next import dialog opens
        self.drop_target = ImportDropTarget(window)
        self.drop_target.filesDropped.connect(self.import_files)
        self.drop_target.imageDropped.connect(self.import_bytes)
        self.jobs.failed.connect(self._on_failed)
        self.jobs.upscaled.connect(self._on_upscaled)

        self.import_action = QAction(self.tr("Import Images…"), window)
        # Ctrl+I is View → Details; Ctrl+Shift+I is the photo tools' usual Import.
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_action.triggered.connect(self.open_import_dialog)
        self.paste_action = QAction(self.tr("Paste Image to Import"), window)
        self.paste_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))
        # Window-wide, but a focused text field keeps Ctrl+V for its own text.
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.paste_action.triggered.connect(self.paste)
        window.addActions([self.import_action, self.paste_action])
        file_menu = window.menuBar().actions()[0].menu()
        if isinstance(file_menu, QMenu) and file_menu.actions():
            first = file_menu.actions()[0]
            file_menu.insertAction(first, self.import_action)
            file_menu.insertAction(first, self.paste_action)
            file_menu.insertSeparator(first)
        window.history_view.add_menu_actions(self.menu_actions)
        self._add_to_image_menu(window)

    def _add_to_image_menu(self, window: MainWindow) -> None:
        """Edit Part of Image… and Upscale in the Image menu under Edit…: designers looked
        for them there, not only in the grid's right-click menu and the viewer."""
        self.mask_action = QAction(self.tr("Edit Part of Image…"), window)
        self.mask_action.setObjectName("maskMenuAction")
        self.mask_action.triggered.connect(self._mask_from_menu)
        self.upscale_submenu = QMenu(self.tr("Upscale"), window)
        menu = window.image_menu
        actions = menu.actions()
        edit = window.history_view.edit_action
        after = actions[actions.index(edit) + 1] if edit in actions[:-1] else None
        menu.insertAction(after, self.mask_action)  # type: ignore[arg-type]
        menu.insertMenu(after, self.upscale_submenu)  # type: ignore[arg-type]
        menu.aboutToShow.connect(self._update_image_menu)
        self.mask_action.setEnabled(False)  # until the menu opens with a selection
        self.upscale_submenu.setEnabled(False)

    def _update_image_menu(self) -> None:
        """For the selection as the menu opens: one image for the masked edit; the scales
        with their cost, or why not, as in the right-click menu."""
        items = self._window.history_view.selected_items()
        caps = self.jobs.capabilities()
        text = self.tr("Edit Part of Image…")
        if reason := caps.masked_edit_reason:
            text = self.tr("Edit Part of Image… ({reason})").format(
                reason=translate_message(reason)
            )
        self.mask_action.setText(text)
        self.mask_action.setEnabled(len(items) == 1 and caps.can_edit_masked)
        self.upscale_submenu.clear()
        for scale in SCALES:
            if items:
                self.upscale_submenu.addAction(
                    self._upscale_action(items, scale, self.upscale_submenu)
                )
        self.upscale_submenu.setEnabled(bool(items))

    def _mask_from_menu(self) -> None:
        items = self._window.history_view.selected_items()
        if len(items) == 1:
            self.open_mask_editor(items[0])

    # -- import ---------------------------------------------------------------------------------

    def _can_import(self) -> bool:
        if reason := self.jobs.capabilities().upload_reason:
            self._window.messages.show_error(reason)
            return False
        return True

    def import_files(self, paths: list[Path]) -> None:
        """One job per file: a refused one fails alone with its reason, the others go on."""
        if not paths or not self._can_import():
            return
        for path in paths:
            self.jobs.submit_import(Path(path))

    def import_bytes(self, data: bytes) -> None:
        if self._can_import():
            self.jobs.submit_import(data, "")

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if not self.drop_target.take(mime):
            self._window.messages.show_note(
                self.tr("The clipboard holds no image or image file to import."), seconds=6
            )

    def open_import_dialog(self) -> QFileDialog:
        dialog = import_dialog(self._window, start_folder(PICTURES, self.last_import_folder))
        dialog.filesSelected.connect(lambda files: self.import_files([Path(f) for f in files]))
        dialog.filesSelected.connect(
            lambda files: setattr(self, "last_import_folder", Path(files[0]).parent)
        )
        self.file_dialog = dialog
        return dialog

    # -- grid menu and viewer -------------------------------------------------------------------

    def menu_actions(self, items: list[HistoryItem]) -> list[QAction]:
        """Entries for the grid's context menu: upscale (any number of images) and the
        masked edit (one image); disabled with the reason when the workspace can't."""
        caps = self.jobs.capabilities()
        actions: list[QAction] = []
        masked = QAction(self.tr("Edit Part of Image…"), self._window.history_view)
        masked.setEnabled(len(items) == 1 and caps.can_edit_masked)
        if reason := caps.masked_edit_reason:
            masked.setToolTip(translate_message(reason))
            masked.setText(
                self.tr("Edit Part of Image… ({reason})").format(reason=translate_message(reason))
            )
        masked.triggered.connect(lambda: self.open_mask_editor(items[0]))
        actions.append(masked)
        for scale in SCALES:
            actions.append(self._upscale_action(items, scale))
        return actions

    def _upscale_action(
        self, items: list[HistoryItem], scale: int, parent: QObject | None = None
    ) -> QAction:
        count = len(items)
        cost = self.tr("1 credit") if count == 1 else self.tr("{count} credits").format(count=count)
        text = self.tr("{action} ({cost})").format(action=upscale_label(scale), cost=cost)
        action = QAction(text, parent or self._window.history_view)
        action.setObjectName(f"upscale{scale}Action")
        if reason := self.jobs.upscale_problem(items, scale):
            action.setEnabled(False)
            action.setText(
                self.tr("{action} ({reason})").format(
                    action=upscale_label(scale), reason=translate_message(reason)
                )
            )
        action.triggered.connect(lambda: self.upscale(items, scale))
        return action

    def viewer_buttons(self) -> list[tuple[str, Callable[[list[HistoryItem]], object]]]:
        """The viewer's buttons: one "Upscale…" that offers the scales with their cost (one
        button, so the viewer's row still fits a 900 px window in German)."""
        caps = self.jobs.capabilities()
        buttons: list[tuple[str, Callable[[list[HistoryItem]], object]]] = []
        if caps.can_edit_masked:
            buttons.append(
                (
                    self.tr("Edit Part…"),
                    lambda items: self.open_mask_editor(items[0]) if items else None,
                )
            )
        if caps.can_upscale():
            buttons.append((self.tr("Upscale…"), self.upscale_menu))
        return buttons

    def upscale_menu(self, items: list[HistoryItem]) -> QMenu:
        """2× and 4× with their cost, under the mouse (popup, never exec)."""
        menu = QMenu(self._window)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for scale in SCALES:
            menu.addAction(self._upscale_action(items, scale, menu))
        menu.popup(QCursor.pos())
        self.last_upscale_menu = menu
        return menu

    # -- upscale --------------------------------------------------------------------------------

    def upscale(self, items: list[HistoryItem], scale: int) -> None:
        if problem := self.jobs.upscale_problem(items, scale):
            self._window.messages.show_error(problem)
            return
        for item in items:
            self.jobs.submit_upscale(item, scale)

    def _on_upscaled(self, item: HistoryItem, source: HistoryItem) -> None:
        self._window.messages.show_note(
            self.tr("Upscaled image added."),
            seconds=10,
            action=lambda: self._window.open_preview([item]),
            action_text=self.tr("Compare"),
        )

    def _on_failed(self, message: str, job: object) -> None:
        name = getattr(job, "prompt", "")
        text = translate_message(message)
        self._window.messages.show_error(f"{name}: {text}" if name else text)

    # -- masked edit ----------------------------------------------------------------------------

    def open_mask_editor(self, item: HistoryItem) -> None:
        if reason := self.jobs.capabilities().masked_edit_reason:
            self._window.messages.show_error(reason)
            return
        self._session.spawn(self._open_mask_editor(item))

    async def _open_mask_editor(self, item: HistoryItem) -> MaskEditDialog | None:
        loader, runner = self._window.loader, self._window.loader.runner
        try:
            path = await loader.ensure_original(item)
            image = await runner.run(_decode, path)
            saved = await runner.run(self.masks.load, item.image_id)
        except asyncio.CancelledError:
            raise
        except NeuroflashError as error:
            self._window.messages.show_error(error.message)
            return None
        if image.isNull():
            self._window.messages.show_error(self.tr("This image could not be opened."))
            return None
        mask = QImage.fromData(saved) if saved else None
        quota = self._session.quota
        dialog = MaskEditDialog(
            image,
            mask,
            cost=1,
            quota=quota,
            pending=self._window.job.queue.credits_needed(self._session.workspace_id),
            parent=self._window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.maskChanged.connect(lambda png: self._keep_mask(item.image_id, png))
        dialog.submitted.connect(
            lambda png, prompt: self.jobs.submit_masked_edit(item, png, prompt)
        )
        dialog.destroyed.connect(lambda _o=None: setattr(self, "mask_dialog", None))
        self.mask_dialog = dialog
        dialog.open()
        return dialog

    def _keep_mask(self, image_id: str, png: bytes) -> None:
        runner = self._window.loader.runner
        self._session.spawn(runner.run(self.masks.save, image_id, png))
