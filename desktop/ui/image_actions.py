"""What the designer can do with history images: edit, delete, save as, copy.

Dialogs open with ``open()`` and answer through signals, never a nested ``exec()`` inside a
coroutine. Network and disk work runs through the session and the thumbnail loader.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.api import HistoryItem
from desktop.api.errors import NeuroflashError
from desktop.services.filenames import safe_filename
from desktop.ui.history_model import HistoryModel
from desktop.ui.i18n import fix_plural, translate_message
from desktop.ui.message_bar import MessageBar
from desktop.ui.reveal import reveal_in_folder
from desktop.ui.session import Session
from desktop.ui.thumbnail_loader import ThumbnailLoader

if TYPE_CHECKING:  # both imported on first use: the first paint needs neither
    from desktop.services.xmp import ImageMetadata
    from desktop.ui.edit_dialog import EditDialog

log = logging.getLogger(__name__)
_FORMAT_FILTERS = {
    "png": QT_TRANSLATE_NOOP("ImageActions", "PNG image (*.png)"),
    "jpg": QT_TRANSLATE_NOOP("ImageActions", "JPEG image (*.jpg *.jpeg)"),
    "webp": QT_TRANSLATE_NOOP("ImageActions", "WebP image (*.webp)"),
}


def metadata_for(item: HistoryItem) -> ImageMetadata:
    # export/xmp pull in xml.sax, urllib and email: imported on first save, not at start-up
    from desktop.services.xmp import ImageMetadata

    return ImageMetadata(
        prompt=item.prompt, model=item.model, created_at=item.created_at, image_id=item.image_id
    )


def extension_for(item: HistoryItem) -> str:
    fmt = (item.output_format or (item.content_type or "").removeprefix("image/") or "png").lower()
    return "jpg" if fmt in {"jpeg", "jpg"} else fmt


class ImageActions(QObject):
    """Carries out the grid's context-menu and keyboard actions."""

    focusReturned = Signal()
    editSubmitted = Signal(object, str)  # HistoryItem, prompt: queued as a job by the window

    def __init__(
        self,
        window: QWidget,
        session: Session,
        loader: ThumbnailLoader,
        model: HistoryModel,
        messages: MessageBar,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._loader = loader
        self._model = model
        self._messages = messages
        self.confirm_box: QMessageBox | None = None
        self.edit_dialog: EditDialog | None = None
        self.save_dialog: QFileDialog | None = None
        self.last_save_dir: Path = Path.home()

    # -- edit -----------------------------------------------------------------------------------

    def edit(self, items: list[HistoryItem]) -> EditDialog | None:
        if not items:
            return None
        item = items[0]
        from desktop.ui.edit_dialog import EditDialog

        dialog = EditDialog(item, self._model.thumbnail(item.image_id), self._window)
        dialog.editRequested.connect(self.editSubmitted)
        dialog.finished.connect(self._on_edit_dialog_finished)
        self.edit_dialog = dialog
        dialog.open()
        return dialog

    def _on_edit_dialog_finished(self, _result: int) -> None:
        """Give the keyboard back to the window, where the edited image will appear."""
        self.edit_dialog = None
        self._window.activateWindow()
        self._window.setFocus()
        self.focusReturned.emit()

    # -- delete ---------------------------------------------------------------------------------

    def delete(self, items: list[HistoryItem]) -> QMessageBox | None:
        """Ask first (Enter confirms), then delete; the grid updates when the server agrees."""
        if not items:
            return None
        count = len(items)
        box = QMessageBox(self._window)
        box.setObjectName("deleteConfirm")
        box.setStyleSheet(
            "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 300px; }"
        )
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete images") if count > 1 else self.tr("Delete image"))
        box.setText(
            self.tr("Delete {count} images?").format(count=count)
            if count > 1
            else self.tr("Delete this image?")
        )
        box.setInformativeText(
            self.tr(
                "It is removed from the workspace's history for everyone. Credits are not "
                "refunded."
            )
        )
        delete_button = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(delete_button)
        box.buttonClicked.connect(
            lambda button: button is delete_button and self._session.spawn(self._run_delete(items))
        )
        box.finished.connect(lambda _r: setattr(self, "confirm_box", None))
        self.confirm_box = box
        box.open()
        return box

    async def _run_delete(self, items: list[HistoryItem]) -> None:
        gone = await self._session.delete(items)
        if gone:
            images = fix_plural(self.tr("%n image(s)", "", len(gone)), len(gone))
            self._messages.show_note(self.tr("Deleted {images}.").format(images=images))

    # -- save as --------------------------------------------------------------------------------

    def save_as(self, items: list[HistoryItem]) -> QFileDialog | None:
        """Ask where to save (the dialog asks before overwriting), then write with metadata."""
        if not items:
            return None
        if len(items) > 1:
            dialog = QFileDialog(
                self._window, self.tr("Save {count} images to folder").format(count=len(items))
            )
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
            dialog.setDirectory(str(self.last_save_dir))
            dialog.fileSelected.connect(
                lambda folder: self._session.spawn(self._save_many(items, Path(folder)))
            )
        else:
            item = items[0]
            ext = extension_for(item)
            name = safe_filename(item.prompt, item.image_id, ext)
            dialog = QFileDialog(self._window, self.tr("Save image as"))
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            known = _FORMAT_FILTERS.get(ext)
            dialog.setNameFilter(
                QCoreApplication.translate("ImageActions", known)
                if known
                else self.tr("Image (*.{ext})").format(ext=ext)
            )
            dialog.setDefaultSuffix(ext)
            dialog.setDirectory(str(self.last_save_dir))
            dialog.selectFile(name)
            dialog.fileSelected.connect(
                lambda path: self._session.spawn(self._save_one(item, Path(path)))
            )
        dialog.setObjectName("saveDialog")
        dialog.finished.connect(lambda _r: setattr(self, "save_dialog", None))
        self.save_dialog = dialog
        dialog.open()
        return dialog

    async def _original_bytes(self, item: HistoryItem) -> bytes:
        path = await self._loader.ensure_original(item)
        return path.read_bytes()

    async def _save_one(self, item: HistoryItem, target: Path) -> Path | None:
        from desktop.services.export import describe_os_error, embed_metadata, write_atomic

        try:
            data = await self._original_bytes(item)
            write_atomic(target, embed_metadata(data, metadata_for(item)))
            written = target
        except NeuroflashError as error:
            self._messages.show_error(
                error.message, lambda: self._session.spawn(self._save_one(item, target))
            )
            return None
        except OSError as error:
            self._messages.show_error(
                self.tr("Couldn't save the image. {reason}").format(
                    reason=translate_message(describe_os_error(error))
                )
            )
            return None
        self.last_save_dir = target.parent
        self._messages.show_note(
            self.tr("Saved {name}").format(name=written.name),
            10,
            lambda: reveal_in_folder(written),
            self.tr("Show in Folder"),
        )
        return written

    async def _save_many(self, items: list[HistoryItem], folder: Path) -> list[Path]:
        from desktop.services.export import describe_os_error, export_image

        written: list[Path] = []
        for item in items:
            try:
                data = await self._original_bytes(item)
                written.append(
                    export_image(data, item.content_type or "", metadata_for(item), folder)
                )
            except NeuroflashError as error:
                self._messages.show_error(error.message)
                break
            except OSError as error:
                self._messages.show_error(
                    self.tr("Couldn't save the images. {reason}").format(
                        reason=translate_message(describe_os_error(error))
                    )
                )
                break
        if written:
            self.last_save_dir = folder
            self._messages.show_note(
                self.tr("Saved {count} images to {folder}").format(
                    count=len(written), folder=folder
                ),
                10,
                lambda: reveal_in_folder(written[0]),
                self.tr("Show in Folder"),
            )
        return written

    # -- clipboard ------------------------------------------------------------------------------

    def copy_prompt(self, items: list[HistoryItem]) -> None:
        if items:
            QGuiApplication.clipboard().setText("\n\n".join(item.prompt for item in items))
            self._messages.show_note(self.tr("Prompt copied."), seconds=3)

    def copy_image(self, items: list[HistoryItem]) -> None:
        if items:
            self._session.spawn(self._copy_image(items[0]))

    async def _copy_image(self, item: HistoryItem) -> None:
        try:
            data = await self._original_bytes(item)
        except NeuroflashError as error:
            self._messages.show_error(error.message)
            return
        image = QImage.fromData(data)
        if image.isNull():
            self._messages.show_error(
                self.tr("This image could not be read, so it was not copied.")
            )
            return
        QGuiApplication.clipboard().setImage(image)
        self._messages.show_note(self.tr("Image copied."), seconds=3)
