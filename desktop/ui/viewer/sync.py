"""Compare: two image viewers whose zoom and scroll position stay in step, whichever of the
two the designer zooms or drags."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.ui.viewer.image_viewer import ImageViewer


class ViewSync(QObject):
    """Links ``viewers`` both ways: a change in one is copied to the others.

    While one viewer is being copied to the others, their own change signals are ignored,
    so a change never echoes back (an echo would undo a zoom anchored at the pointer).
    """

    def __init__(self, viewers: list[ImageViewer], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._viewers = viewers
        self._leading: ImageViewer | None = None
        for viewer in viewers:
            viewer.zoomChanged.connect(lambda _z, v=viewer: self._from(v))
            viewer.horizontalScrollBar().valueChanged.connect(lambda _v, v=viewer: self._from(v))
            viewer.verticalScrollBar().valueChanged.connect(lambda _v, v=viewer: self._from(v))

    def _from(self, source: ImageViewer) -> None:
        if self._leading is not None or not source.has_image():
            return
        if source.fit_mode():
            self.fit_all()
            return
        self._copy(source)

    def fit_all(self) -> None:
        """Fit: one zoom for both that shows each image whole (the smaller of the two fits)."""
        if self._leading is not None:
            return
        shown = [v for v in self._viewers if v.has_image()]
        if not shown:
            return
        self._leading = shown[0]
        try:
            for viewer in shown:
                viewer.fit()
        finally:
            self._leading = None
        self._copy(min(shown, key=lambda v: v.zoom()))

    def _copy(self, source: ImageViewer) -> None:
        self._leading = source
        try:
            for viewer in self._viewers:
                if viewer is not source and viewer.has_image():
                    viewer.follow(source)
        finally:
            self._leading = None
