"""Where imported images come from: files dropped from a file manager, the clipboard (an image
or copied files), or File → Import…. Each gives local paths or image bytes; the owner turns
every one into its own import job, so one bad file never stops the others.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QMimeData,
    QObject,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QFileDialog, QWidget

# Raw types that are sent as they are (a re-encode would change the bytes the designer chose).
RAW_IMAGE_TYPES = ("image/png", "image/jpeg", "image/webp")


def paths_from_mime(mime: QMimeData | None) -> list[Path]:
    """Local files named by the data (file-manager drags and copies); folders are skipped."""
    if mime is None or not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if not path.is_dir()]


def image_bytes_from_mime(mime: QMimeData | None) -> bytes | None:
    """A copied image (no file behind it) as bytes: its own PNG/JPEG/WebP data when offered,
    else the pixels as PNG."""
    if mime is None:
        return None
    for kind in RAW_IMAGE_TYPES:
        if mime.hasFormat(kind):
            data = bytes(mime.data(kind).data())
            if data:
                return data
    if mime.hasImage():
        image = mime.imageData()
        if isinstance(image, QImage) and not image.isNull():
            data_array = QByteArray()
            buffer = QBuffer(data_array)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")  # type: ignore[call-overload]  # stub: bytes, runtime: str
            return bytes(data_array.data())
    return None


def can_import(mime: QMimeData | None) -> bool:
    return bool(paths_from_mime(mime)) or image_bytes_from_mime(mime) is not None


class ImportDropTarget(QObject):
    """Makes a widget (the main window) take files and images dropped on it."""

    filesDropped = Signal(list)  # list[Path]
    imageDropped = Signal(bytes)

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)
        self._widget = widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragEnterEvent | QDropEvent
        ):
            source = event.source()
            # A drag out of our own grid is not an import.
            if (
                source is not None
                and isinstance(source, QWidget)
                and source.window() is self._widget.window()
            ):
                return False
            if can_import(event.mimeData()):
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            self.take(event.mimeData())
            event.acceptProposedAction()
            return True
        return False

    def take(self, mime: QMimeData | None) -> bool:
        """Import what ``mime`` holds (a drop or the clipboard); False when nothing usable."""
        if paths := paths_from_mime(mime):
            self.filesDropped.emit(paths)
            return True
        if (data := image_bytes_from_mime(mime)) is not None:
            self.imageDropped.emit(data)
            return True
        return False


def import_dialog(parent: QWidget, folder: str = "") -> QFileDialog:
    """File → Import…: several files at once; shown with open(), answers through
    filesSelected. Every file type can be chosen, so a wrong one gets its own clear message."""
    translate = QCoreApplication.translate  # the name lupdate looks for
    dialog = QFileDialog(parent, translate("ImportDialog", "Import Images"), folder)
    dialog.setObjectName("importDialog")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setNameFilters(
        [
            translate("ImportDialog", "Images (*.png *.jpg *.jpeg *.webp)"),
            translate("ImportDialog", "All files (*)"),
        ]
    )
    dialog.open()
    return dialog
