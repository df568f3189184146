"""Non-modal full-size preview of one history image.

Opened with show() (never exec(), which would nest an event loop inside qasync). The original
is fetched through the loader's cache and decoded on a worker; only the QPixmap conversion and
the fit-to-window scaling happen on the GUI thread.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.ui.history_model import describe, elide
from desktop.ui.i18n import translate_message
from desktop.ui.thumbnail_loader import decode_image, error_message

if TYPE_CHECKING:
    from desktop.api import HistoryItem
    from desktop.ui.background import BackgroundRunner
    from desktop.ui.thumbnail_loader import ThumbnailLoader

log = logging.getLogger(__name__)

TITLE_CHARS = 80


def _read_and_decode(path: Path) -> QImage:
    """Worker thread: read the cached original and decode it into a QImage."""
    return decode_image(Path(path).read_bytes())


class ScaledImage(QWidget):
    """Paints an image scaled to fit (aspect kept), sharp on HiDPI screens; or a status text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        self._scaled: QPixmap | None = None
        self._text = ""
        self.setMinimumSize(200, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_text(self, text: str) -> None:
        self._text = text
        self.setAccessibleDescription(text)
        self.update()

    def text(self) -> str:
        return self._text

    def set_image(self, image: QImage) -> None:
        self._pixmap = QPixmap.fromImage(image)
        self._scaled = None
        self._text = ""
        self.update()

    def pixmap(self) -> QPixmap | None:
        return self._pixmap

    def _fitted(self) -> QPixmap | None:
        """Scaled copy for the current size × devicePixelRatio, cached until resized."""
        if self._pixmap is None:
            return None
        dpr = self.devicePixelRatioF()
        target = QSize(round(self.width() * dpr), round(self.height() * dpr))
        if self._pixmap.width() <= target.width() and self._pixmap.height() <= target.height():
            fitted = QPixmap(self._pixmap)
        elif self._scaled is not None and self._scaled.size() == self._pixmap.size().scaled(
            target, Qt.AspectRatioMode.KeepAspectRatio
        ):
            return self._scaled
        else:
            fitted = self._pixmap.scaled(
                target,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        fitted.setDevicePixelRatio(dpr)
        self._scaled = fitted
        return fitted

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        fitted = self._fitted()
        if fitted is not None:
            dpr = fitted.devicePixelRatio()
            size = QSize(round(fitted.width() / dpr), round(fitted.height() / dpr))
            rect = QRect(0, 0, size.width(), size.height())
            rect.moveCenter(self.rect().center())
            painter.drawPixmap(rect, fitted)
        elif self._text:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(self.rect().adjusted(16, 16, -16, -16), int(flags), self._text)
        painter.end()


class PreviewDialog(QDialog):
    """Shows one image large; Esc closes. ``show()`` it: loading starts on the first show."""

    def __init__(
        self,
        item: HistoryItem,
        loader: ThumbnailLoader,
        parent: QWidget | None = None,
        *,
        runner: BackgroundRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.item = item
        self._loader = loader
        self._runner = runner or loader.runner
        self._task: asyncio.Future[None] | None = None
        self.setObjectName("previewDialog")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(elide(item.prompt or self.tr("Untitled image"), TITLE_CHARS))
        self.setAccessibleName(self.tr("Image preview"))

        self.image = ScaledImage(self)
        self.image.setAccessibleName(self.tr("Full-size image"))
        self.image.set_text(self.tr("Loading…"))
        self.details = QLabel(describe(item), self)
        self.details.setObjectName("previewDetails")
        self.details.setAccessibleName(self.tr("Image details"))
        self.details.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.image, 1)
        layout.addWidget(self.details)
        self.resize(self._initial_size())

    def _initial_size(self) -> QSize:
        """Roughly the image's aspect, at most ~80% of the screen."""
        screen = self.screen().availableGeometry().size() if self.screen() else QSize(1280, 800)
        w, h = self.item.width or 1024, self.item.height or 1024
        size = QSize(w, h + 40)
        size.scale(screen * 0.8, Qt.AspectRatioMode.KeepAspectRatio)
        return size.boundedTo(QSize(w + 16, h + 56)).expandedTo(QSize(320, 240))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.start_loading()

    def start_loading(self) -> asyncio.Future[None]:
        """Fetch (or read the cached) original and display it; later calls are no-ops."""
        if self._task is None:
            self._task = asyncio.ensure_future(self._load())
        return self._task

    async def _load(self) -> None:
        try:
            path = await self._loader.ensure_original(self.item)
            image = await self._runner.run(_read_and_decode, path)
        except asyncio.CancelledError:
            return
        except Exception as err:
            log.info("preview of %s failed: %s", self.item.image_id, err)
            if self._alive():
                self.image.set_text(
                    self.tr("Couldn't load the image: {reason}").format(
                        reason=translate_message(error_message(err))
                    )
                )
            return
        if self._alive():
            self.image.set_image(image)

    def _alive(self) -> bool:
        try:
            import shiboken6

            return shiboken6.isValid(self) and shiboken6.isValid(self.image)
        except ImportError:  # pragma: no cover
            return True

    def done(self, result: int) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        super().done(result)
