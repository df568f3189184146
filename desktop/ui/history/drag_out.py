"""Drag thumbnails out as full-resolution files (with the prompt embedded as metadata).

Receiving apps read the files the moment the drop happens, so every file is written *before*
QDrag.exec starts, and only text/uri-list is offered (some apps would otherwise paste the
pixels of a thumbnail instead of the file). Originals not downloaded yet are fetched in the
background and the user is told to drag again, instead of freezing the UI mid-drag.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QDrag, QPixmap
from PySide6.QtWidgets import QWidget

from desktop.api.texts import QT_TRANSLATE_NOOP
from desktop.app.i18n import translate_message
from desktop.app.tasks import TaskSet
from desktop.ui.common.thumbnail_loader import error_message

if TYPE_CHECKING:
    from desktop.api import HistoryItem
    from desktop.services.disk_cache import ImageCache
    from desktop.ui.common.thumbnail_loader import ThumbnailLoader

log = logging.getLogger(__name__)

NOT_READY_MESSAGE = QT_TRANSLATE_NOOP(
    "DragOut", "Getting the full-size image… drag again in a moment."
)
DRAG_PIXMAP_SIZE = 128


def missing_originals(
    items: Sequence[HistoryItem], originals: ImageCache, workspace: str
) -> list[HistoryItem]:
    """Items whose full-size file is not in the originals cache yet."""
    return [i for i in items if originals.path(f"{workspace}/{i.image_id}") is None]


def prepare_drag_files(
    items: Sequence[HistoryItem], originals: ImageCache, drag_dir: Path, workspace: str
) -> list[Path]:
    """Export each cached original into a fresh sub-folder of ``drag_dir`` and return the paths.

    A folder per drag keeps dropped names clean ("prompt-id.png", never "… (7).png") while
    old drags stay valid until the folder is cleared. Raises KeyError for an uncached original
    and OSError when the disk refuses.
    """
    from desktop.services.export import ImageMetadata, export_image

    target = Path(drag_dir) / uuid.uuid4().hex[:12]
    target.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for item in items:
        data = originals.get(f"{workspace}/{item.image_id}")
        if data is None:
            raise KeyError(item.image_id)
        meta = ImageMetadata(
            prompt=item.prompt, model=item.model, created_at=item.created_at, image_id=item.image_id
        )
        # export_image sniffs the bytes first, so the extension always matches the content.
        content_type = item.content_type or "image/png"
        paths.append(export_image(data, content_type, meta, target, unique=True))
    return paths


def build_drag_mime(paths: Sequence[Path]) -> QMimeData:
    """Local file URLs only (text/uri-list): no image bytes, no text."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(Path(p).resolve())) for p in paths])
    return mime


class DragOut(QObject):
    """Starts file drags for the history grid; the view calls ``start`` from startDrag."""

    dragNotReady = Signal(str)
    dragFailed = Signal(str)
    dragFinished = Signal(object)  # list[Path] that were offered

    def __init__(
        self,
        loader: ThumbnailLoader,
        drag_dir: Path | Callable[[], Path],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._drag_dir = drag_dir
        self._tasks = TaskSet()

    @property
    def drag_dir(self) -> Path:
        return Path(self._drag_dir() if callable(self._drag_dir) else self._drag_dir)

    def prepare(self, items: Sequence[HistoryItem]) -> list[Path] | None:
        """Files ready to drop, or None (and the user told why) if that is not possible now."""
        if not items:
            return None
        workspace = self._loader.workspace
        missing = missing_originals(items, self._loader.originals, workspace)
        if missing:
            for item in missing:
                self._tasks.spawn(self._fetch_original(item))
            self.dragNotReady.emit(self.tr(NOT_READY_MESSAGE))
            return None
        try:
            return prepare_drag_files(items, self._loader.originals, self.drag_dir, workspace)
        except (OSError, KeyError) as err:
            log.warning("drag-out export failed: %s", err)
            self.dragFailed.emit(
                self.tr("Couldn't prepare the files to drag: {reason}").format(
                    reason=translate_message(error_message(err))
                )
            )
            return None

    def start(
        self, source: QWidget, items: Sequence[HistoryItem], pixmap: QPixmap | None = None
    ) -> Qt.DropAction:
        """Write the files, then run the (blocking, nested-loop) platform drag as a copy."""
        paths = self.prepare(items)
        if not paths:
            return Qt.DropAction.IgnoreAction
        drag = QDrag(source)
        drag.setMimeData(build_drag_mime(paths))
        if pixmap is not None and not pixmap.isNull():
            scaled = pixmap.scaled(
                DRAG_PIXMAP_SIZE,
                DRAG_PIXMAP_SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            drag.setPixmap(scaled)
            drag.setHotSpot(QPoint(scaled.width() // 2, scaled.height() // 2))
        result = drag.exec(Qt.DropAction.CopyAction)
        self.dragFinished.emit(paths)
        return result

    async def _fetch_original(self, item: HistoryItem) -> None:
        try:
            await self._loader.ensure_original(item)
        except asyncio.CancelledError:
            raise
        except Exception as err:
            self.dragFailed.emit(
                self.tr("Couldn't download the full-size image: {reason}").format(
                    reason=translate_message(error_message(err))
                )
            )
