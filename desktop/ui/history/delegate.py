"""Paints one grid cell: the thumbnail centred on a rounded tile, no caption.

Text under thumbnails adds noise to a designer's image grid; the prompt lives in the tooltip,
the accessible text and the preview instead. ``paint_cell`` is shared by the delegate (used
by Qt's own painting, e.g. during a rubber-band drag) and the view's fast paint path.

Geometry is plain integers and the pens and brushes are made once per frame (``CellStyle``):
every Qt value object built in Python (a QRect, a QColor) can make the GUI thread wait for
the GIL while thumbnail workers run, and a frame paints dozens of cells.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

PADDING = 6
RADIUS = 8
INSET = 2  # the tile's margin inside its grid cell
_HOVER = QColor(128, 128, 128, 30)
_PLACEHOLDER = QColor(128, 128, 128, 40)


@dataclass(frozen=True)
class CellStyle:
    """The pens and brushes of one frame, taken from the view's palette."""

    selected_fill: QBrush
    hover_fill: QBrush
    selected_outline: QPen
    focus_outline: QPen
    placeholder_fill: QBrush

    @classmethod
    def from_palette(cls, palette: QPalette) -> CellStyle:
        highlight = palette.color(QPalette.ColorRole.Highlight)
        fill = QColor(highlight)
        fill.setAlpha(90)
        return cls(
            selected_fill=QBrush(fill),
            hover_fill=QBrush(_HOVER),
            selected_outline=QPen(highlight, 2),
            focus_outline=QPen(highlight, 1, Qt.PenStyle.DotLine),
            placeholder_fill=QBrush(_PLACEHOLDER),
        )


def paint_header(
    painter: QPainter,
    rect: QRect,
    palette: QPalette,
    label: str,
    count: str,
    collapsed: bool = False,
    hovered: bool = False,
) -> None:
    """A group heading across the grid's width: a fold arrow, the day or batch, its count,
    and a hairline under it. Clicking it folds the group."""
    painter.save()
    if hovered:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_HOVER)
        painter.drawRoundedRect(rect.adjusted(INSET, 4, -INSET, -4), RADIUS, RADIUS)
    metrics = painter.fontMetrics()
    baseline_box = rect.adjusted(PADDING + INSET, 0, -PADDING, -6)
    align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
    arrow = "▸" if collapsed else "▾"
    painter.drawText(baseline_box, align, arrow)
    text_box = baseline_box.adjusted(metrics.horizontalAdvance(arrow) + 6, 0, 0, 0)
    font = painter.font()
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(palette.color(QPalette.ColorRole.Text))
    painter.drawText(text_box, align, label)
    label_w = painter.fontMetrics().horizontalAdvance(label)
    font.setBold(False)
    painter.setFont(font)
    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
    painter.drawText(text_box.adjusted(label_w + 12, 0, 0, 0), align, count)
    line = QColor(palette.color(QPalette.ColorRole.Mid))
    line.setAlpha(120)
    painter.setPen(QPen(line, 1))
    bottom = rect.bottom() - 2
    painter.drawLine(rect.left() + PADDING, bottom, rect.right() - PADDING, bottom)
    painter.restore()


def paint_cell(
    painter: QPainter,
    x: int,
    y: int,
    width: int,
    height: int,
    style: CellStyle,
    pixmap: QPixmap | None,
    selected: bool = False,
    hovered: bool = False,
    focused: bool = False,
    aspect: float = 1.0,
    marks: tuple[bool, int] = (False, 0),
) -> None:
    """One cell at (x, y, width, height); the painter must have Antialiasing and
    SmoothPixmapTransform set, and no brush or pen is assumed (each call sets what it uses).
    Without a pixmap (still loading) it draws a placeholder of the image's own shape
    (``aspect`` = height / width), so the grid doesn't jump when thumbnails arrive."""
    x, y, width, height = x + INSET, y + INSET, width - 2 * INSET, height - 2 * INSET
    if selected or hovered:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.selected_fill if selected else style.hover_fill)
        painter.drawRoundedRect(x, y, width, height, RADIUS, RADIUS)

    room_w, room_h = width - 2 * PADDING, height - 2 * PADDING
    if pixmap is None:
        w, h = room_w, round(room_w * aspect)
        if h > room_h:
            w, h = round(room_h / aspect), room_h
        # a plain fill: while scrolling fast most visible cells are placeholders, and an
        # antialiased rounded shape costs several times a rectangle
        left, top = x + PADDING + (room_w - w) // 2, y + PADDING + (room_h - h) // 2
        painter.fillRect(left, top, w, h, style.placeholder_fill)
    elif not pixmap.isNull():
        dpr = pixmap.devicePixelRatio() or 1.0
        w, h = round(pixmap.width() / dpr), round(pixmap.height() / dpr)
        if w > room_w or h > room_h or (w < room_w and h < room_h):  # fit the room
            scale = min(room_w / w, room_h / h)
            w, h = max(1, round(w * scale)), max(1, round(h * scale))
        left, top = x + PADDING + (room_w - w) // 2, y + PADDING + (room_h - h) // 2
        if dpr == 1.0 and w == pixmap.width() and h == pixmap.height():
            painter.drawPixmap(left, top, pixmap)
        else:
            painter.drawPixmap(left, top, w, h, pixmap)

    if marks[0] or marks[1]:
        paint_marks(painter, x + PADDING, y + PADDING, marks)

    if selected or focused:
        painter.setPen(style.selected_outline if selected else style.focus_outline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(x, y, width, height, RADIUS, RADIUS)


_BADGE = QColor(0, 0, 0, 150)
_STAR = QColor(255, 200, 40)
_RATING = QColor(235, 235, 235)


def paint_marks(painter: QPainter, x: int, y: int, marks: tuple[bool, int]) -> None:
    """A favourite's star and the rating ("3★") on a dark badge in the tile's top-left
    corner; only marked tiles pay for it (two short texts, no Qt objects kept)."""
    favourite, rating = marks
    metrics = painter.fontMetrics()
    star = "★" if favourite else ""
    stars = f"{rating}★" if rating else ""
    gap = 4 if star and stars else 0
    w = metrics.horizontalAdvance(star) + metrics.horizontalAdvance(stars) + gap + 10
    h = metrics.height() + 2
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_BADGE)
    painter.drawRoundedRect(x + 3, y + 3, w, h, 4, 4)
    left, base = x + 8, y + 3 + 1 + metrics.ascent()
    if star:
        painter.setPen(_STAR)
        painter.drawText(left, base, star)
        left += metrics.horizontalAdvance(star) + gap
    if stars:
        painter.setPen(_RATING)
        painter.drawText(left, base, stars)


class ThumbnailDelegate(QStyledItemDelegate):
    """Fixed-size cells (the view uses uniform item sizes) so layout of 10,000 rows is fast."""

    def __init__(self, cell: QSize, parent=None) -> None:
        super().__init__(parent)
        self._cell = QSize(cell)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(self._cell)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        state = option.state
        rect = option.rect
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        paint_cell(
            painter,
            rect.x(),
            rect.y(),
            rect.width(),
            rect.height(),
            CellStyle.from_palette(option.palette),
            pixmap if isinstance(pixmap, QPixmap) else None,
            bool(state & QStyle.StateFlag.State_Selected),
            bool(state & QStyle.StateFlag.State_MouseOver),
            bool(state & QStyle.StateFlag.State_HasFocus),
            marks=_marks_of(index),
        )
        painter.restore()


def _marks_of(index: QModelIndex | QPersistentModelIndex) -> tuple[bool, int]:
    model = index.model()
    marks_at = getattr(model, "marks_at", None)
    return marks_at(index.row()) if marks_at is not None else (False, 0)
