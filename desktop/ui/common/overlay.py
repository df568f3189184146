"""Float a strip (the message bar) over the bottom of a scroll area instead of into a layout.

A bar that took a place above the grid pushed every tile ~40 px down when it appeared and
back when it went, so a click meant for one image landed on another. Floating over the
grid's viewport, it covers the bottom edge for a while but moves nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

MARGIN = 12


class _Overlay(QObject):
    """Keeps ``strip`` placed over the bottom of ``host``'s viewport, and opaque."""

    def __init__(self, strip: QWidget, host: QWidget) -> None:
        super().__init__(strip)
        self._strip, self._host = strip, host
        strip.setParent(host)
        host.installEventFilter(self)
        strip.installEventFilter(self)
        self.place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._host and kind in (QEvent.Type.Resize, QEvent.Type.Show):
            self.place()
        elif watched is self._strip:
            if kind in (QEvent.Type.Show, QEvent.Type.LayoutRequest):
                self.place()
            elif kind == QEvent.Type.Paint:
                self._paint_backing()  # before the strip's own (tinted, translucent) paint
        return False

    def place(self) -> None:
        strip, host = self._strip, self._host
        viewport = host.viewport() if isinstance(host, QAbstractScrollArea) else None
        area = viewport.geometry() if viewport is not None else host.rect()
        width = max(0, area.width() - 2 * MARGIN)
        height = strip.heightForWidth(width) if strip.hasHeightForWidth() else -1
        height = max(height, strip.sizeHint().height())
        strip.setGeometry(area.x() + MARGIN, area.bottom() + 1 - height - MARGIN, width, height)
        strip.raise_()

    def _paint_backing(self) -> None:
        strip = self._strip
        painter = QPainter(strip)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(strip.palette().color(QPalette.ColorRole.Mid))
        # The host's base, opaque, then the strip's own base on top: that carries its style
        # sheet's translucent tint (note, error), which alone let the tiles show through.
        host = strip.parentWidget() or strip
        backing = host.palette().color(QPalette.ColorRole.Base)
        backing.setAlpha(255)
        shape = QRectF(strip.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        for brush in (backing, strip.palette().color(QPalette.ColorRole.Base)):
            painter.setBrush(brush)
            painter.drawRoundedRect(shape, 6, 6)
        painter.end()


def float_over(strip: QWidget, host: QWidget) -> None:
    """Show ``strip`` over the bottom edge of ``host`` (its viewport, for a scroll area)
    whenever it is visible, without changing ``host``'s geometry."""
    _Overlay(strip, host)
