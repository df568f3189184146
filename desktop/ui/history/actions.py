"""What the designer can do with history images: edit, delete, save as, copy.

Dialogs open with ``open()`` and answer through signals, never a nested ``exec()`` inside a
coroutine. Network and disk work runs through the session and the thumbnail loader.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.api import HistoryItem
from desktop.api.errors import NeuroflashError
from desktop.api.texts import QT_TRANSLATE_NOOP
from desktop.app.i18n import translate_message
from desktop.app.session import Session
from desktop.services.filenames import safe_filename
from desktop.ui.common.formatting import image_count
from desktop.ui.common.message_bar import MessageBar
from desktop.ui.common.reveal import reveal_in_folder
from desktop.ui.common.thumbnail_loader import ThumbnailLoader
from desktop.ui.history.model import HistoryModel

if TYPE_CHECKING:  # both imported on first use: the first paint needs neither
    from desktop.services.xmp import ImageMetadata
    from desktop.ui.history.edit_dialog import EditDialog

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


_IMAGE_EXTENSIONS = {"png", "jpg", "webp", "gif", "bmp", "tiff", "avif", "heic"}


def extension_for(item: HistoryItem, head: bytes = b"") -> str:
    """The file extension: what the bytes are when they are at hand (as export and drag-out
    do), never an arbitrary server word (an output_format of "exe" suggested x.exe)."""
    from desktop.api.imagebytes import sniff_image_type

    sniffed = sniff_image_type(head)
    guess = sniffed or item.output_format or item.content_type or "png"
    fmt = guess.lower().removeprefix("image/")
    fmt = "jpg" if fmt in {"jpeg", "jpg"} else fmt
    return fmt if fmt in _IMAGE_EXTENSIONS else "png"


def _read_head(path: Path) -> bytes:
    with open(path, "rb") as file:
        return file.read(64)


# Run on the app's pool: reading, decoding, embedding metadata and fsync never on the GUI thread.


def _save_with_metadata(source: Path, target: Path, metadata: ImageMetadata) -> None:
    from desktop.services.export import embed_metadata, write_atomic

    write_atomic(target, embed_metadata(source.read_bytes(), metadata), private=False)


def _export_to_folder(
    source: Path, content_type: str, metadata: ImageMetadata, folder: Path
) -> Path:
    from desktop.services.export import export_image

    return export_image(source.read_bytes(), content_type, metadata, folder)


class ImageActions(QObject):
    """Carries out the grid's context-menu and keyboard actions."""

    focusReturned = Signal()
    # HistoryItem, instruction, EditRequest (model, count, ratio, format): queued as a job
    editSubmitted = Signal(object, str, object)

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
        from desktop.ui.history.edit_dialog import EditDialog

        dialog = EditDialog(
            item,
            self._model.thumbnail(item.image_id),
            self._window,
            models=self._session.models,
            chain=self.chain(item),
        )
        dialog.editRequested.connect(self.editSubmitted)
        dialog.finished.connect(self._on_edit_dialog_finished)
        self.edit_dialog = dialog
        dialog.open()
        from desktop.ui.history.edit_dialog import PREVIEW_SIZE

        # Measured now: the dialog may be closed (and deleted) before the coroutine runs.
        side = round(PREVIEW_SIZE * (dialog.devicePixelRatioF() or 1.0))
        self._session.spawn(self._load_edit_preview(dialog, item, side))
        return dialog

    async def _load_edit_preview(self, dialog: EditDialog, item: HistoryItem, side: int) -> None:
        """The original, decoded on a worker to the preview's size; the thumbnail stays if
        it cannot be had (offline, deleted meanwhile)."""
        from desktop.ui.common.image_decode import read_image_file

        try:
            path = await self._loader.ensure_original(item)
            image = await self._loader.runner.run(read_image_file, path, side)
        except NeuroflashError as error:
            log.info("no edit preview for %s: %s", item.image_id, error.message)
            return
        except OSError as error:
            log.info("no edit preview for %s: %s", item.image_id, error)
            return
        if self.edit_dialog is dialog:
            dialog.set_preview(image)

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
                "They are removed from the workspace's history for everyone. Credits are not "
                "refunded."
            )
            if count > 1
            else self.tr(
                "It is removed from the workspace's history for everyone. Credits are not refunded."
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
        undoable = self._session.undoable_deletes
        hidden = undoable.delete(items) if undoable is not None else []
        if undoable is not None and hidden:  # gone now; the DELETE goes out after the Undo
            self._messages.show_note(
                self.tr("Deleted {images}.").format(images=image_count(len(hidden))),
                seconds=undoable.undo_seconds,
                action=lambda: undoable.undo(hidden),
                action_text=self.tr("Undo"),
                action_key=QKeySequence(QKeySequence.StandardKey.Undo),
            )
            return
        gone = await self._session.delete(items)
        if gone:
            images = image_count(len(gone))
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
            self._session.spawn(self._ask_save_one(items[0]))
            return None
        return self._open_save_dialog(dialog)

    async def _ask_save_one(self, item: HistoryItem) -> QFileDialog | None:
        """Fetch (or find cached) the image first, so the suggested extension is what its
        bytes are; then ask where to save it."""
        try:
            path = await self._loader.ensure_original(item)
            head = await self._loader.runner.run(_read_head, path)
        except NeuroflashError as error:
            self._messages.show_error(error.message)
            return None
        except OSError as error:
            from desktop.services.export import describe_os_error

            self._messages.show_error(describe_os_error(error))
            return None
        ext = extension_for(item, head)
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
        return self._open_save_dialog(dialog)

    def _open_save_dialog(self, dialog: QFileDialog) -> QFileDialog:
        dialog.setObjectName("saveDialog")
        dialog.finished.connect(lambda _r: setattr(self, "save_dialog", None))
        self.save_dialog = dialog
        dialog.open()
        return dialog

    async def _save_one(self, item: HistoryItem, target: Path) -> Path | None:
        from desktop.services.export import describe_os_error

        try:
            source = await self._loader.ensure_original(item)
            await self._loader.runner.run(_save_with_metadata, source, target, metadata_for(item))
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
            lambda: self.show_in_folder(written),
            self.tr("Show in Folder"),
        )
        return written

    async def _save_many(self, items: list[HistoryItem], folder: Path) -> list[Path]:
        from desktop.services.export import describe_os_error

        written: list[Path] = []
        for item in items:
            try:
                source = await self._loader.ensure_original(item)
                written.append(
                    await self._loader.runner.run(
                        _export_to_folder,
                        source,
                        item.content_type or "",
                        metadata_for(item),
                        folder,
                    )
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
                lambda: self.show_in_folder(written[0]),
                self.tr("Show in Folder"),
            )
        return written

    def show_in_folder(self, path: Path) -> bool:
        """Open the file manager at ``path``; where none can be started, say so and offer to
        copy the path instead of doing nothing."""
        if reveal_in_folder(path):
            return True
        self._messages.show_error(
            self.tr("No file manager could be opened. The file is at {path}").format(path=path),
            lambda: QGuiApplication.clipboard().setText(str(path)),
            self.tr("Copy Path"),
        )
        return False

    # -- clipboard ------------------------------------------------------------------------------

    # -- where an image came from ------------------------------------------------------------

    def chain(self, item: HistoryItem) -> list[str]:
        """[first prompt, edit instructions…] of ``item`` ([its prompt] for a generation)."""
        return self._session.provenance.chain(item, self._session.find_item)

    def source_item(self, item: HistoryItem) -> HistoryItem | None:
        """The image ``item`` was edited from, or None (the viewer's Before toggle)."""
        return self._session.provenance.source_item(item, self._session.find_item)

    def prompt_text(self, item: HistoryItem) -> str:
        """What Copy Prompt gives: for an edit, the first prompt and each instruction, so the
        text says what the image shows."""
        first, *edits = self.chain(item)
        lines = [self.tr("Edit: {instruction}").format(instruction=step) for step in edits]
        return "\n".join(([first, ""] if first else []) + lines) if edits else first

    def settings_item(self, item: HistoryItem) -> HistoryItem:
        """What Use These Settings applies: the edit's model, ratio and format with the first
        prompt of its chain (the instruction alone would make a different picture)."""
        first = self.chain(item)[0]
        return replace(item, prompt=first) if first else item

    def copy_prompt(self, items: list[HistoryItem]) -> None:
        if items:
            text = "\n\n".join(self.prompt_text(item) for item in items)
            QGuiApplication.clipboard().setText(text)
            self._messages.show_note(self.tr("Prompt copied."), seconds=3)

    def copy_image(self, items: list[HistoryItem]) -> None:
        """Decoded on the app's pool; a failure ends in the message bar, with Retry."""
        if items:
            item = items[0]
            self._session.run(
                self._decode_original(item),
                on_success=self._put_on_clipboard,
                retry=lambda: self._decode_then_copy(item),
            )

    async def _decode_then_copy(self, item: HistoryItem) -> None:
        self._put_on_clipboard(await self._decode_original(item))

    async def _decode_original(self, item: HistoryItem) -> QImage:
        """The full-size image for the clipboard; NeuroflashError when it cannot be had."""
        from desktop.services.export import describe_os_error
        from desktop.ui.common.image_decode import read_image_file

        try:
            source = await self._loader.ensure_original(item)
            # QImageReader on the file decodes without holding the GIL, on the app's pool.
            image = await self._loader.runner.run(read_image_file, source)
        except OSError as error:
            raise NeuroflashError(describe_os_error(error)) from error
        if image.isNull():
            raise NeuroflashError(self.tr("This image could not be read, so it was not copied."))
        return image

    def _put_on_clipboard(self, image: QImage) -> None:
        QGuiApplication.clipboard().setImage(image)
        self._messages.show_note(self.tr("Image copied."), seconds=3)
