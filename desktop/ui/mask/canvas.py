"""The painting surface of the mask editor: the image, the mask over it, brush and eraser.

The mask is a grayscale image at the image's own size: white (255) where the image may change,
black where it must stay. It is shown as a coloured overlay with adjustable opacity. Every
stroke can be undone and redone; zoom with the wheel, pan with the middle button or
Space + drag, as in the viewer.
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QRadialGradient,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

MAX_UNDO = 40
OVERLAY_COLOUR = QColor(255, 40, 90)


def blank_mask(width: int, height: int) -> QImage:
    mask = QImage(max(1, width), max(1, height), QImage.Format.Format_Grayscale8)
    mask.fill(0)
    return mask


def mask_png(mask: QImage) -> bytes:
    """The mask as PNG bytes: white where the image may change."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    mask.save(buffer, "PNG")  # type: ignore[call-overload]  # stub: bytes, runtime: str
    return bytes(data.data())


class MaskCanvas(QWidget):
    """Paints white (brush) or black (eraser) dabs into the mask along the mouse path."""

    changed = Signal()  # the mask or the undo state changed

    def __init__(self, image: QImage, mask: QImage | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("maskCanvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(200, 160)
        self.image = image
        self.mask_image = blank_mask(image.width(), image.height())
        if mask is not None and not mask.isNull():
            self.mask_image = mask.convertToFormat(QImage.Format.Format_Grayscale8).scaled(
                image.width(), image.height()
            )
        # Diameter in image pixels: a twentieth of the image, so a big photo needs no
        # dozens of [ presses before the brush is usable.
        self.brush_size = max(8, round(max(image.width(), image.height()) / 20))
        self.hardness = 0.8  # 0 soft … 1 hard edge
        self.erasing = False
        self.opacity = 0.5
        self.zoom = 1.0
        self.offset = QPointF(0, 0)
        self._fitted = True
        self._undo: list[QImage] = []
        self._redo: list[QImage] = []
        self._last: QPointF | None = None
        self._panning: QPointF | None = None
        self._space = False
        self._cursor: QPointF | None = None
        self._overlay: QImage | None = None

    # -- state ---------------------------------------------------------------------------------

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def is_empty(self) -> bool:
        """True when nothing is painted (the whole image would stay as it is)."""
        return not any(self.mask_image.constBits())

    def _remember(self) -> None:
        self._undo.append(self.mask_image.copy())
        del self._undo[:-MAX_UNDO]
        self._redo.clear()

    def undo(self) -> None:
        if self._undo:
            self._redo.append(self.mask_image)
            self.mask_image = self._undo.pop()
            self._mask_changed()

    def redo(self) -> None:
        if self._redo:
            self._undo.append(self.mask_image)
            self.mask_image = self._redo.pop()
            self._mask_changed()

    def invert(self) -> None:
        self._remember()
        self.mask_image.invertPixels()
        self._mask_changed()

    def clear(self) -> None:
        if self.is_empty():
            return
        self._remember()
        self.mask_image.fill(0)
        self._mask_changed()

    def set_opacity(self, opacity: float) -> None:
        self.opacity = max(0.0, min(1.0, opacity))
        self.update()

    def set_brush_size(self, size: int) -> None:
        self.brush_size = max(2, min(8192, int(size)))
        self.changed.emit()
        self.update()

    def _mask_changed(self) -> None:
        self._overlay = None
        self.changed.emit()
        self.update()

    # -- painting into the mask ----------------------------------------------------------------

    def paint_stroke(self, points: list[QPointF]) -> None:
        """One stroke through image-pixel ``points`` (one undo step); used by the mouse and
        by tests."""
        if not points:
            return
        self._remember()
        self._dab(points[0])
        for a, b in itertools.pairwise(points):
            self._line(a, b)
        self._mask_changed()

    def _line(self, a: QPointF, b: QPointF) -> None:
        step = max(1.0, self.brush_size / 6)
        distance = math.hypot(b.x() - a.x(), b.y() - a.y())
        count = max(1, int(distance / step))
        for n in range(1, count + 1):
            t = n / count
            self._dab(QPointF(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t))

    def _dab(self, at: QPointF) -> None:
        radius = self.brush_size / 2
        value = 0 if self.erasing else 255
        gradient = QRadialGradient(at, radius)
        gradient.setColorAt(0.0, QColor(value, value, value, 255))
        gradient.setColorAt(min(0.99, self.hardness), QColor(value, value, value, 255))
        gradient.setColorAt(1.0, QColor(value, value, value, 0))
        painter = QPainter(self.mask_image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(gradient)
        painter.drawEllipse(at, radius, radius)
        painter.end()

    # -- view ------------------------------------------------------------------------------------

    def fit(self) -> None:
        self._fitted = True
        w, h = max(1, self.image.width()), max(1, self.image.height())
        self.zoom = min(self.width() / w, self.height() / h)
        self.offset = QPointF(
            (self.width() - w * self.zoom) / 2, (self.height() - h * self.zoom) / 2
        )
        self.update()

    def zoom_by(self, factor: float, around: QPointF | None = None) -> None:
        around = around or QPointF(self.width() / 2, self.height() / 2)
        before = self.to_image(around)
        self.zoom = max(0.05, min(16.0, self.zoom * factor))
        self.offset = around - before * self.zoom
        self._fitted = False
        self.update()

    def to_image(self, pos: QPointF) -> QPointF:
        return (pos - self.offset) / self.zoom

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()

    def _overlay_image(self) -> QImage:
        if self._overlay is None:
            overlay = QImage(self.mask_image.size(), QImage.Format.Format_ARGB32_Premultiplied)
            overlay.fill(OVERLAY_COLOUR)
            overlay.setAlphaChannel(self.mask_image)
            self._overlay = overlay
        return self._overlay

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(self.backgroundRole()).darker(130))
        target = QRectF(
            self.offset.x(),
            self.offset.y(),
            self.image.width() * self.zoom,
            self.image.height() * self.zoom,
        )
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self.image)
        painter.setOpacity(self.opacity)
        painter.drawImage(target, self._overlay_image())
        painter.setOpacity(1.0)
        if self._cursor is not None:  # the brush outline
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            radius = self.brush_size / 2 * self.zoom
            painter.setPen(QColor(0, 0, 0, 160))
            painter.drawEllipse(self._cursor, radius + 1, radius + 1)
            painter.setPen(QColor(255, 255, 255, 220))
            painter.drawEllipse(self._cursor, radius, radius)

    # -- input -------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space
        ):
            self._panning = pos
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self._remember()
            self._last = self.to_image(pos)
            self._dab(self._last)
            self._mask_changed()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        self._cursor = pos
        if self._panning is not None:
            self.offset += pos - self._panning
            self._panning = pos
            self._fitted = False
        elif self._last is not None:
            point = self.to_image(pos)
            self._line(self._last, point)
            self._last = point
            self._overlay = None
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._panning = None
        if self._last is not None:
            self._last = None
            self._mask_changed()

    def leaveEvent(self, event: object) -> None:
        self._cursor = None
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(1.25**steps, event.position())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            return
        super().keyReleaseEvent(event)
