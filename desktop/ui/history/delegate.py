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

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
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
    badges: MarkBadges | None = None,
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
    left, top = x + PADDING, y + PADDING  # the image's corner (the room's, if none)
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

    if (marks[0] or marks[1]) and badges is not None:
        paint_marks(painter, left, top, marks, badges)  # on the image, not the tile's margin

    if selected or focused:
        painter.setPen(style.selected_outline if selected else style.focus_outline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(x, y, width, height, RADIUS, RADIUS)


BADGE_INSET = 5  # from the image's top-left corner to the badge
_BADGE_FILL = QColor(0, 0, 0, 200)  # over white still dark enough for white text (> 7:1)
_BADGE_RIM = QColor(255, 255, 255, 90)  # gives the pill an edge on black images
_STAR = QColor(255, 204, 51)  # the favourite: gold, told apart from the rating's stars
_RATING = QColor(255, 255, 255)


class MarkBadges:
    """The favourite star and the rating ("3★") as a small dark pill with light glyphs,
    legible over any image. Each of the twelve looks is drawn once into a pixmap (for the
    view's font and pixel ratio), so a frame blits it: no text layout or path per tile."""

    def __init__(self) -> None:
        self._font = QFont()
        self._dpr = 0.0
        self._pixmaps: dict[tuple[bool, int], QPixmap] = {}

    def prepare(self, font: QFont, dpr: float) -> None:
        """Once per frame: drop the pixmaps when the font or the screen's pixel ratio changed."""
        if dpr != self._dpr or font != self._font:
            self._font, self._dpr = QFont(font), dpr
            self._pixmaps.clear()

    def pixmap(self, marks: tuple[bool, int]) -> QPixmap:
        found = self._pixmaps.get(marks)
        if found is None:
            found = self._pixmaps[marks] = self._render(*marks)
        return found

    def _render(self, favourite: bool, rating: int) -> QPixmap:
        font = QFont(self._font)
        font.setBold(True)
        metrics = QFontMetrics(font)
        star = "★" if favourite else ""
        stars = f"{rating}★" if rating else ""
        gap = 5 if star and stars else 0
        pad = 7
        text_w = metrics.horizontalAdvance(star) + gap + metrics.horizontalAdvance(stars)
        h = metrics.height() + 4
        w = max(h, text_w + 2 * pad)
        dpr = self._dpr or 1.0
        pixmap = QPixmap(round(w * dpr), round(h * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        painter.setPen(QPen(_BADGE_RIM, 1))
        painter.setBrush(_BADGE_FILL)
        painter.drawRoundedRect(QRectF(0.5, 0.5, w - 1, h - 1), (h - 1) / 2, (h - 1) / 2)
        left, base = (w - text_w) // 2, (h - metrics.height()) // 2 + metrics.ascent()
        if star:
            painter.setPen(_STAR)
            painter.drawText(left, base, star)
            left += metrics.horizontalAdvance(star) + gap
        if stars:
            painter.setPen(_RATING)
            painter.drawText(left, base, stars)
        painter.end()
        return pixmap


def paint_marks(
    painter: QPainter, x: int, y: int, marks: tuple[bool, int], badges: MarkBadges
) -> None:
    """The marks' badge inside the image's top-left corner at (x, y); only marked tiles
    pay for it (one pixmap blit)."""
    painter.drawPixmap(x + BADGE_INSET, y + BADGE_INSET, badges.pixmap(marks))


class ThumbnailDelegate(QStyledItemDelegate):
    """Fixed-size cells (the view uses uniform item sizes) so layout of 10,000 rows is fast."""

    def __init__(self, cell: QSize, parent=None) -> None:
        super().__init__(parent)
        self._cell = QSize(cell)
        self._badges = MarkBadges()

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
        widget = option.widget
        if widget is not None:
            self._badges.prepare(widget.font(), widget.devicePixelRatioF())
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
            badges=self._badges,
        )
        painter.restore()


def _marks_of(index: QModelIndex | QPersistentModelIndex) -> tuple[bool, int]:
    model = index.model()
    marks_at = getattr(model, "marks_at", None)
    return marks_at(index.row()) if marks_at is not None else (False, 0)
