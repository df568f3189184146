"""A zoomable, pannable image canvas: fit, 100 %, mouse wheel (zooming at the pointer) and drag.

Built on QGraphicsView, which does the scaling and scrolling in C++; the pixmap is the
original at full resolution, so 100 % shows real pixels (device pixels on HiDPI screens).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPixmap, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

MIN_ZOOM = 0.05
MAX_ZOOM = 16.0
WHEEL_STEP = 1.25
VIEWER_GREY = "#3c3c3c"  # dark, neutral (R = G = B)


class ImageViewer(QGraphicsView):
    """Shows one pixmap; ``zoomChanged(factor)`` reports the scale (1.0 = 100 %)."""

    zoomChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self.setAccessibleName(self.tr("Image"))
        self._scene = QGraphicsScene(self)
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.addItem(self._item)
        self.setScene(self._scene)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Designers judge colour against a neutral grey, not the window's white or black.
        self.setBackgroundBrush(QColor(VIEWER_GREY))
        self.setMinimumSize(200, 150)
        self._fit_mode = True

    # -- content --------------------------------------------------------------------------------

    def set_pixmap(self, pixmap: QPixmap, keep_view: bool = False) -> None:
        """Show ``pixmap``; ``keep_view`` keeps the zoom and scroll position (a before/after
        switch must not move the picture), otherwise it is fitted."""
        if not (keep_view and self.has_image() and not self._fit_mode):
            self._item.setPixmap(pixmap)
            self._scene.setSceneRect(self._item.boundingRect())
            self.fit()
            return
        h, v = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        self._item.setPixmap(pixmap)
        self._scene.setSceneRect(self._item.boundingRect())
        self.horizontalScrollBar().setValue(h)
        self.verticalScrollBar().setValue(v)

    def center_fraction(self) -> tuple[float, float]:
        """Where the middle of the view is on the image, as fractions of its width and height."""
        rect = self.sceneRect()
        if rect.isEmpty():
            return 0.5, 0.5
        center = self.mapToScene(self.viewport().rect().center())
        return (center.x() - rect.x()) / rect.width(), (center.y() - rect.y()) / rect.height()

    def follow(self, other: ImageViewer) -> None:
        """Take ``other``'s zoom and fit mode, and look at the same spot of the picture (the
        same fraction of it, so images of different sizes pan together too)."""
        changed = abs(self.zoom() - other.zoom()) > 1e-9
        self._fit_mode = other._fit_mode
        if changed:
            self.setTransform(other.transform())
        fx, fy = other.center_fraction()
        rect = self.sceneRect()
        self.centerOn(rect.x() + fx * rect.width(), rect.y() + fy * rect.height())
        if changed:
            self.zoomChanged.emit(self.zoom())

    def fit_mode(self) -> bool:
        """True while the view refits the image whenever it is resized."""
        return self._fit_mode

    def has_image(self) -> bool:
        return not self._item.pixmap().isNull()

    # -- zoom -----------------------------------------------------------------------------------

    def zoom(self) -> float:
        """Scale in image pixels per device-independent pixel of the screen."""
        return self.transform().m11()

    def fit(self) -> None:
        """Show the whole image, never enlarged beyond 100 %."""
        self._fit_mode = True
        if not self.has_image():
            return
        self.resetTransform()
        self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.resetTransform()
        self.zoomChanged.emit(self.zoom())

    def actual_size(self) -> None:
        """100 %: one image pixel per device pixel."""
        self._fit_mode = False
        ratio = self.devicePixelRatioF() or 1.0
        self.set_zoom(1.0 / ratio)

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        self._fit_mode = False
        self.setTransform(self.transform().fromScale(factor, factor))
        self.zoomChanged.emit(self.zoom())

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self.zoom() * step)

    def wheelEvent(self, event: QWheelEvent) -> None:  # Qt override
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(WHEEL_STEP if delta > 0 else 1 / WHEEL_STEP)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(WHEEL_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / WHEEL_STEP)
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key == Qt.Key.Key_1:
            self.actual_size()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        if self._fit_mode:
            self.fit()
