"""Open a window at a comfortable size, but never larger than the screen it opens on.

The viewer (900x760) and the mask editor (900x640) opened taller than a 600 px screen: their
buttons and the Generate row were out of reach below its edge. ``open_size`` keeps the wanted
size where there is room and takes the screen's available area (less a window frame)
otherwise, and places the window inside that area.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = QSize(16, 48)  # a title bar and borders the window system adds around the window


def available_area(window: QWidget, anchor: QWidget | None = None) -> QRect | None:
    """The available geometry of the screen ``anchor`` (or ``window``) is on."""
    screen = (anchor.screen() if anchor is not None else None) or window.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def open_size(window: QWidget, wanted: QSize, anchor: QWidget | None = None) -> QSize:
    """Resize ``window`` to ``wanted`` or the screen's available area, whichever is smaller,
    and move it inside that area (centred over ``anchor``'s window when given)."""
    area = available_area(window, anchor)
    if area is None:
        window.resize(wanted)
        return wanted
    size = wanted.boundedTo(area.size() - FRAME)
    size = size.expandedTo(window.minimumSizeHint().boundedTo(area.size() - FRAME))
    window.resize(size)
    frame = QRect(0, 0, size.width() + FRAME.width(), size.height() + FRAME.height())
    centre = anchor.window().geometry().center() if anchor is not None else area.center()
    frame.moveCenter(centre)
    frame.moveLeft(max(area.left(), min(frame.left(), area.right() + 1 - frame.width())))
    frame.moveTop(max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height())))
    window.move(frame.topLeft())
    return size
