"""A one-line label whose font shrinks to fit its width (down to a floor), for big numbers
like "1.234 übrig" in a narrow sidebar: wrapping them broke the layout's height, clipping
them hid the number."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MIN_SCALE = 0.6


class FitLabel(QLabel):
    """Draws its text in the style sheet's font, scaled down when the text is wider."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:  # Qt override
        hint = super().minimumSizeHint()
        return QSize(int(hint.width() * MIN_SCALE), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        font = self.font()
        width = QFontMetricsF(font).horizontalAdvance(self.text())
        room = self.contentsRect().width()
        if width <= room or width <= 0:
            super().paintEvent(event)
            return
        font.setPointSizeF(max(font.pointSizeF() * MIN_SCALE, font.pointSizeF() * room / width))
        painter = QPainter(self)
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.contentsRect(), int(align), self.text())
        painter.end()
