"""The workspace's image history as a Qt list model (newest first) with bounded thumbnails.

Thumbnails live in an LRU of QPixmaps so memory stays flat with 10,000 images; an evicted
thumbnail falls back to the placeholder and the view asks the loader for it again (served from
the disk cache) when it scrolls back into sight.
"""

from __future__ import annotations

import html
import math
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap

from desktop.ui.common.formatting import elide, format_date, format_size, model_name

translate = QCoreApplication.translate  # the name lupdate looks for

if TYPE_CHECKING:
    from desktop.api import HistoryItem

ItemRole = Qt.ItemDataRole.UserRole + 1
"""Role returning the whole HistoryItem (Qt.UserRole returns just the image id)."""

MAX_PIXMAPS = 800
MAX_PIXMAP_BYTES = 112 * 1024 * 1024  # about what 800 tiles of 192 px at 1x took
MIN_PIXMAPS = 48  # a screen of the largest tiles plus the prefetch lines always fits
TOOLTIP_PROMPT_CHARS = 300
SHORT_PROMPT_CHARS = 60
MIN_CELL_RATIO, MAX_CELL_RATIO = 9 / 16, 16 / 9  # cell shapes from 16:9 to 9:16

_AnyIndex = QModelIndex | QPersistentModelIndex


def tooltip_html(item: HistoryItem, names: dict[str, str] | None = None) -> str:
    """Rich tooltip; the prompt is escaped because it is user text, not markup."""
    untitled = translate("HistoryModel", "(no prompt)")
    prompt = html.escape(elide(item.prompt or untitled, TOOLTIP_PROMPT_CHARS))
    lines = [f"<p style='white-space:pre-wrap'>{prompt}</p>"]
    details = [
        (translate("HistoryModel", "Model"), model_name(item, names)),
        (translate("HistoryModel", "Size"), format_size(item)),
        (translate("HistoryModel", "Created"), format_date(item.created_at)),
        (translate("HistoryModel", "Origin"), _origin(item)),
    ]
    rows = "".join(
        f"<tr><td style='color:gray;padding-right:8px'>{k}</td><td>{html.escape(v)}</td></tr>"
        for k, v in details
        if v
    )
    if rows:
        lines.append(f"<table>{rows}</table>")
    return "<qt>" + "".join(lines) + "</qt>"


def _origin(item: HistoryItem) -> str:
    """Imported and upscaled images say so (issue 14); generated and edited ones say nothing."""
    kind = item.image_kind
    if kind == "imported":
        return translate("HistoryModel", "Imported")
    if kind == "upscaled":
        return translate("HistoryModel", "Upscaled")
    return ""


def _placeholder(size: int, failed: bool) -> QPixmap:
    """Neutral tile while loading; a tile with a crossed frame when the thumbnail failed."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(128, 128, 128, 40))
    if failed:
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(160, 60, 60, 200), 3))
        m = size // 3
        painter.drawRoundedRect(m, m, size - 2 * m, size - 2 * m, 6, 6)
        painter.drawLine(m, m, size - m, size - m)
        painter.end()
    return QPixmap.fromImage(image)


def _ratio(item: HistoryItem) -> float:
    if item.width and item.height:
        return round(item.height / item.width, 3)
    return 1.0


class HistoryModel(QAbstractListModel):
    """List model of HistoryItem, newest first, with O(1) id→row lookup."""

    def __init__(self, parent=None, thumb_size: int = 192, max_pixmaps: int = MAX_PIXMAPS):
        super().__init__(parent)
        self._items: list[HistoryItem] = []
        self._rows: dict[str, int] = {}
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._failed: set[str] = set()
        self._stale: set[str] = set()  # pixmaps made for another tile size: shown, reloaded
        self._pixel_ratio = 1.0
        self._ratios: Counter[float] = Counter()  # height / width of the images, rounded
        self._max_pixmaps = max_pixmaps
        self._thumb_size = thumb_size
        self._loading_pixmap: QPixmap | None = None
        self._failed_pixmap: QPixmap | None = None
        self.model_names: dict[str, str] = {}  # model id → name, for tooltips
        self._marks: dict[str, tuple[bool, int]] = {}  # image id → (favourite, rating)

    # --- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return item.image_id
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(item.image_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_html(item, self.model_names)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            untitled = translate("HistoryModel", "Untitled image")
            return elide(item.prompt or untitled, SHORT_PROMPT_CHARS)
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    # --- items --------------------------------------------------------------------------------
    def set_items(self, items: Iterable[HistoryItem]) -> None:
        """Replace everything (e.g. after a workspace switch); keeps pixmaps of ids still here."""
        self.beginResetModel()
        self._items = list(items)
        self._reindex()
        for image_id in [i for i in self._pixmaps if i not in self._rows]:
            del self._pixmaps[image_id]
        self._failed &= self._rows.keys()
        self._stale &= self._pixmaps.keys()
        self._ratios = Counter(_ratio(item) for item in self._items)
        self.endResetModel()

    def prepend(self, items: Sequence[HistoryItem]) -> None:
        """Insert new results at the top (``items`` newest first). The session hands over only
        images the history did not have (``Session.add_to_history`` de-duplicates)."""
        fresh = list(items)
        if not fresh:
            return
        self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
        self._items[0:0] = fresh
        self._ratios.update(_ratio(item) for item in fresh)
        self._reindex()
        self.endInsertRows()

    def extend(self, items: Sequence[HistoryItem]) -> None:
        """Append older images at the bottom (the rest of a history shown a page at a time).
        Costs the new rows only: a 100,000-image history arrives in slices between frames."""
        fresh = [item for item in items if item.image_id not in self._rows]
        if not fresh:
            return
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._items.extend(fresh)
        rows = self._rows
        for row, item in enumerate(fresh, first):
            rows[item.image_id] = row  # in row order: ``ids()`` relies on it
        self._ratios.update(_ratio(item) for item in fresh)
        self.endInsertRows()

    def ids(self) -> list[str]:
        """Every image id in row order (the index dict keeps insertion order)."""
        return list(self._rows)

    def row_index(self) -> dict[str, int]:
        """Image id -> row; read only (the proxy copies it when it mirrors this model)."""
        return self._rows

    def remove_ids(self, ids: Iterable[str]) -> None:
        """Remove the given images, one beginRemoveRows per contiguous run (bottom up)."""
        rows = sorted({self._rows[i] for i in ids if i in self._rows}, reverse=True)
        if not rows:
            return
        runs: list[tuple[int, int]] = []
        for row in rows:
            if runs and runs[-1][0] == row + 1:
                runs[-1] = (row, runs[-1][1])
            else:
                runs.append((row, row))
        for first, last in runs:
            self.beginRemoveRows(QModelIndex(), first, last)
            for item in self._items[first : last + 1]:
                self._pixmaps.pop(item.image_id, None)
                self._failed.discard(item.image_id)
                self._ratios[_ratio(item)] -= 1
            del self._items[first : last + 1]
            self.endRemoveRows()
        self._reindex()

    def item(self, row: int) -> HistoryItem:
        return self._items[row]

    def items(self) -> list[HistoryItem]:
        return list(self._items)

    def row_of(self, image_id: str) -> int:
        """Row of ``image_id`` or -1."""
        return self._rows.get(image_id, -1)

    def item_at(self, row: int) -> HistoryItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def header_rows(self) -> list[int]:
        """No group headers here (the proxy adds them)."""
        return []

    def aspect_of(self, image_id: str) -> float:
        """Height / width of the image (1.0 when the API did not say), for placeholders."""
        row = self._rows.get(image_id)
        return _ratio(self._items[row]) if row is not None else 1.0

    def aspect_at(self, row: int) -> float:
        return _ratio(self._items[row])

    def marks_at(self, row: int) -> tuple[bool, int]:
        return self.marks_of(self._items[row].image_id)

    def dominant_aspect(self) -> float:
        """The cell shape (height / width) that suits this history's images best: the one
        whose cells they fill most, by the geometric mean of each image's share of its cell.
        A 16:9 workspace gets wide cells and a 9:16 one tall cells; a half-and-half mix
        stays square, where neither orientation shrinks to a strip."""
        ratios = {min(max(r, MIN_CELL_RATIO), MAX_CELL_RATIO): 0 for r in self._ratios}
        for ratio, count in self._ratios.items():
            if count > 0:
                ratios[min(max(ratio, MIN_CELL_RATIO), MAX_CELL_RATIO)] += count
        total = sum(ratios.values())
        if not total:
            return 1.0

        def score(cell: float) -> float:
            return sum(n * math.log(min(r / cell, cell / r)) for r, n in ratios.items()) / total

        best, best_score = 1.0, score(1.0)
        for cell in ratios:
            if (value := score(cell)) > best_score + 0.01:
                best, best_score = cell, value
        return best

    def _reindex(self) -> None:
        self._rows = {item.image_id: row for row, item in enumerate(self._items)}

    # --- thumbnails ---------------------------------------------------------------------------
    def thumbnail(self, image_id: str) -> QPixmap:
        """The cached pixmap (marked recently used) or a placeholder."""
        pixmap = self._pixmaps.get(image_id)
        if pixmap is not None:
            self._pixmaps.move_to_end(image_id)
            return pixmap
        if image_id in self._failed:
            if self._failed_pixmap is None:
                self._failed_pixmap = _placeholder(self._thumb_size, failed=True)
            return self._failed_pixmap
        if self._loading_pixmap is None:
            self._loading_pixmap = _placeholder(self._thumb_size, failed=False)
        return self._loading_pixmap

    def loaded_thumbnail(self, image_id: str) -> QPixmap | None:
        """The pixmap (or the failure tile); None while loading, so the grid can draw a
        placeholder in the image's own shape."""
        pixmap = self._pixmaps.get(image_id)
        if pixmap is not None:
            self._pixmaps.move_to_end(image_id)
            return pixmap
        if image_id in self._failed:
            return self.thumbnail(image_id)
        return None

    # --- the designer's marks (favourite, rating; kept in the catalogue) --------------------
    def set_marks(self, marks: dict[str, tuple[bool, int]]) -> None:
        """Every marked image of the workspace (unmarked ones are left out)."""
        self._marks = {k: v for k, v in marks.items() if v[0] or v[1]}
        if self._items:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._items) - 1), [Qt.ItemDataRole.DecorationRole]
            )

    def update_marks(
        self, ids: Iterable[str], favourite: bool | None = None, rating: int | None = None
    ) -> None:
        for image_id in ids:
            old_favourite, old_rating = self._marks.get(image_id, (False, 0))
            mark = (
                old_favourite if favourite is None else favourite,
                old_rating if rating is None else rating,
            )
            if mark[0] or mark[1]:
                self._marks[image_id] = mark
            else:
                self._marks.pop(image_id, None)
            row = self._rows.get(image_id)
            if row is not None:
                self.dataChanged.emit(
                    self.index(row), self.index(row), [Qt.ItemDataRole.DecorationRole]
                )

    def marks_of(self, image_id: str) -> tuple[bool, int]:
        """(favourite, rating 0-5) of an image."""
        return self._marks.get(image_id, (False, 0))

    def thumbnail_at(self, row: int) -> QPixmap | None:
        """``loaded_thumbnail`` by row, for the view's paint loop (no QModelIndex round trip)."""
        return self.loaded_thumbnail(self._items[row].image_id)

    def has_thumbnail(self, image_id: str) -> bool:
        return image_id in self._pixmaps

    def needs_thumbnail(self, image_id: str) -> bool:
        """No pixmap of the current tile size and no recorded failure: ask the loader."""
        if image_id in self._failed:
            return False
        return image_id not in self._pixmaps or image_id in self._stale

    def set_pixel_ratio(self, ratio: float) -> None:
        """The screen's device pixel ratio: thumbnails arrive at tile size × this."""
        self._pixel_ratio = ratio or 1.0

    def mark_thumbnails_stale(self) -> None:
        """The tile size changed: keep showing today's pixmaps (scaled) until the new ones
        arrive, but ask for them again."""
        self._stale = set(self._pixmaps)

    def header_at(self, row: int) -> None:
        """This model has no group headers (the proxy adds them)."""
        return None

    def pixmap_count(self) -> int:
        return len(self._pixmaps)

    def missing_thumbnails(self, first: int, last: int) -> list[HistoryItem]:
        """Items in rows [first, last] with neither a pixmap nor a recorded failure."""
        first = max(first, 0)
        last = min(last, len(self._items) - 1)
        pixmaps, failed, stale = self._pixmaps, self._failed, self._stale
        return [
            item
            for item in self._items[first : last + 1]
            if (item.image_id not in pixmaps or item.image_id in stale)
            and item.image_id not in failed
        ]

    def set_thumbnail(self, image_id: str, image: QImage) -> None:
        """Store a decoded thumbnail; must run on the GUI thread (QPixmap)."""
        row = self._rows.get(image_id)
        if row is None or image.isNull():
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self._pixel_ratio)
        self._pixmaps[image_id] = pixmap
        self._pixmaps.move_to_end(image_id)
        self._failed.discard(image_id)
        self._stale.discard(image_id)
        # Bounded by count and by memory: at 2x a tile's pixmap is four times as large.
        per_pixmap = max(1, image.width() * image.height() * 4)
        limit = min(self._max_pixmaps, max(MIN_PIXMAPS, MAX_PIXMAP_BYTES // per_pixmap))
        while len(self._pixmaps) > limit:
            self._pixmaps.popitem(last=False)
        self._changed(row)

    def set_thumbnail_failed(self, image_id: str, message: str = "") -> None:
        """Show the error tile; a later set_items/retry_failed clears it."""
        row = self._rows.get(image_id)
        if row is None:
            return
        self._failed.add(image_id)
        self._pixmaps.pop(image_id, None)
        self._changed(row)

    def retry_failed(self) -> None:
        """Forget failures so visible ones are requested again (e.g. after reconnecting)."""
        failed, self._failed = self._failed, set()
        for image_id in failed:
            if image_id in self._rows:
                self._changed(self._rows[image_id])

    def _changed(self, row: int) -> None:
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
