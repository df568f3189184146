"""Find and group the history without refetching: a proxy over HistoryModel.

Which rows there are is worked out in plain Python by ``HistoryFilter`` (history_filter.py),
a few milliseconds for 10,000 images; calling a Python ``filterAcceptsRow`` per row through
Qt would cost ten times that. This proxy owns the rows: source insertions and removals are
forwarded as row insertions and removals, so the view keeps its selection and scroll position.

With the catalogue (``set_text_search_elsewhere``) the typed words are only remembered
(``filter_text``): the catalogue's full-text index answers them on a worker and the proxy keeps
the ids it returns (``set_id_filter``), which costs the matches, not the whole history. That
is what keeps typing smooth over 100,000 images.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, cast, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPixmap

from desktop.api import HistoryItem
from desktop.ui.common.formatting import image_count
from desktop.ui.history.history_filter import HistoryFilter
from desktop.ui.history.history_groups import Entry, Grouping, Header
from desktop.ui.history.item_keys import ItemKeys
from desktop.ui.history.model import HistoryModel, ItemRole

WIDE_CHANGE_ROWS = 64  # a source change this wide is forwarded as one change of every row
HeaderRole = Qt.ItemDataRole.UserRole + 2
"""True for group header rows (they are not images: not selectable, not draggable)."""

_AnyIndex = QModelIndex | QPersistentModelIndex


class HistoryProxyModel(QAbstractProxyModel):
    """Filtered, optionally grouped rows of a HistoryModel."""

    def __init__(self, parent: Any = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._proxy_rows: dict[str, int] = {}
        self._header_rows: list[int] = []
        # Folded prompts and local days, prepared between frames after the history loads.
        self._keys = ItemKeys(self, self._source_items, lambda: not self._filter.words_elsewhere)
        self._filter = HistoryFilter(self._keys, today)

    # -- configuration --------------------------------------------------------------------------

    def history_model(self) -> HistoryModel:
        return cast(HistoryModel, self.sourceModel())  # setSourceModel takes no other model

    def _source(self) -> HistoryModel | None:
        return cast("HistoryModel | None", self.sourceModel())

    def _source_items(self) -> list[HistoryItem]:
        source = self._source()
        return source.items() if source is not None else []

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        if not isinstance(model, HistoryModel):
            raise TypeError("HistoryProxyModel groups and filters a HistoryModel")
        old = self.sourceModel()
        if old is not None:
            old.modelReset.disconnect(self._source_reset)
            old.rowsInserted.disconnect(self._source_inserted)
            old.rowsRemoved.disconnect(self._source_removed)
            old.dataChanged.disconnect(self._forward_data_changed)
        self.beginResetModel()
        super().setSourceModel(model)
        model.modelReset.connect(self._source_reset)
        model.rowsInserted.connect(self._source_inserted)
        model.rowsRemoved.connect(self._source_removed)
        model.dataChanged.connect(self._forward_data_changed)
        self._entries = self._filter.build(self._source())
        self._reindex()
        self.endResetModel()

    def set_filter_text(self, text: str) -> None:
        words = text.casefold().split()
        if words != self._filter.words:
            self._filter.words = words
            if not self._filter.words_elsewhere:
                self._reset()
            elif not self._entries:
                self._reset()  # an empty result names the words: say the new ones

    def set_text_search_elsewhere(self, elsewhere: bool) -> None:
        """True: the typed words are answered by the catalogue (as ``set_id_filter``), so
        this proxy only remembers them; False: it matches them itself, in memory."""
        if elsewhere != self._filter.words_elsewhere:
            self._filter.words_elsewhere = elsewhere
            self._reset()

    def filter_text(self) -> str:
        return " ".join(self._filter.words)

    def set_id_filter(self, ids: frozenset[str] | None) -> None:
        """Keep only these images (the catalogue's answer to the chips); None keeps all."""
        if ids != self._filter.allowed:
            self._filter.allowed = ids
            self._reset()

    def id_filter(self) -> frozenset[str] | None:
        return self._filter.allowed

    def set_grouping(self, grouping: Grouping) -> None:
        if grouping != self._filter.grouping:
            self._filter.grouping = grouping
            self._reset()

    def grouping(self) -> Grouping:
        return self._filter.grouping

    def toggle_group(self, row: int) -> bool:
        """Collapse or expand the group whose header is at ``row``; False if none is."""
        header = self.header_at(row)
        if header is None:
            return False
        self._filter.collapsed ^= {header.key}
        self._reset()
        return True

    def header_rows(self) -> list[int]:
        """Rows of the group headers, top down (empty when ungrouped), for the grid layout."""
        return self._header_rows

    def image_count(self) -> int:
        """Images the filter lets through, folded groups included (they are only hidden)."""
        if self._filter.mirrors_source():
            return len(self._proxy_rows)
        return self._filter.matched

    # -- rows and source changes ----------------------------------------------------------------

    def _reindex(self) -> None:
        source = self._source()
        rows = source.row_index() if source is not None else {}
        if self._filter.mirrors_source() and len(rows) == len(self._entries):
            # the same rows: a copy in C (the source reindexes after a removal only once
            # all its runs are gone, hence the length check)
            self._proxy_rows = dict(rows)
        elif self._filter.grouping is Grouping.NONE:
            entries = self._entries  # image ids only
            self._proxy_rows = dict(zip(entries, range(len(entries)), strict=True))  # type: ignore[arg-type]
        else:
            self._proxy_rows = {
                entry: row for row, entry in enumerate(self._entries) if isinstance(entry, str)
            }
        if self._filter.grouping is Grouping.NONE:
            self._header_rows = []
        else:
            self._header_rows = [
                row for row, entry in enumerate(self._entries) if isinstance(entry, Header)
            ]

    def _reset(self) -> None:
        self.beginResetModel()
        self._entries = self._filter.build(self._source())
        self._reindex()
        self.endResetModel()

    def _source_reset(self) -> None:
        self._reset()
        self._keys.start_warm_up()

    def _source_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        source = self.history_model()
        added = [source.item(r) for r in range(first, last + 1)]
        self._keys.start_warm_up(added)
        if not self._filter.mirrors_source():
            if (
                self._filter.grouping is Grouping.NONE
                and last == source.rowCount() - 1
                and first > 0
            ):
                self._append(added)  # older images at the bottom: only they are looked at
            else:
                self._sync()
            return
        # The common case (new images on top of 10,000) without rebuilding and diffing
        # every row: that took ~30 ms of the GUI thread per generation.
        self.beginInsertRows(QModelIndex(), first, last)
        self._entries[first:first] = [item.image_id for item in added]
        if first == len(self._entries) - len(added):  # appended: the rows above stay put
            rows = range(first, last + 1)
            self._proxy_rows.update(zip(self._entries[first:], rows, strict=True))  # type: ignore[arg-type]
        else:
            self._reindex()  # listeners of rowsInserted see lookups and counts that fit
        self.endInsertRows()

    def _append(self, added: list[HistoryItem]) -> None:
        """Source rows appended at the end while filtered (ungrouped): add those that pass."""
        if self._filter.allowed is not None and not self._filter.local_words():
            allowed = self._filter.allowed
            passed = [item for item in added if item.image_id in allowed]
        else:
            passed = self._filter.filtered(added, self._filter.local_words())
        if not passed:
            return
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(passed) - 1)
        self._entries.extend(item.image_id for item in passed)
        for row, item in enumerate(passed, first):
            self._proxy_rows[item.image_id] = row
        self._filter.matched += len(passed)
        self.endInsertRows()

    def _source_removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        if not self._filter.mirrors_source():
            self._sync()
            return
        self.beginRemoveRows(QModelIndex(), first, last)
        del self._entries[first : last + 1]
        self._reindex()
        self.endRemoveRows()

    def _sync(self, *_args: object) -> None:
        """Turn the source's insertions/removals into ours; old and new entry lists differ
        only by entries added (after an insert) or dropped (after a remove)."""
        new = self._filter.build(self._source())
        old_keys = [_key(e) for e in self._entries]
        new_keys = [_key(e) for e in new]
        new_set = set(new_keys)
        row = len(old_keys) - 1
        while row >= 0:  # removals, bottom up so rows above stay valid
            if old_keys[row] not in new_set:
                last = row
                while row - 1 >= 0 and old_keys[row - 1] not in new_set:
                    row -= 1
                self.beginRemoveRows(QModelIndex(), row, last)
                del self._entries[row : last + 1]
                del old_keys[row : last + 1]
                self._reindex()  # listeners of rowsRemoved see lookups and counts that fit
                self.endRemoveRows()
            row -= 1
        old_set = set(old_keys)
        row = 0
        while row < len(new_keys):  # insertions, top down
            if new_keys[row] not in old_set:
                first = row
                while row + 1 < len(new_keys) and new_keys[row + 1] not in old_set:
                    row += 1
                self.beginInsertRows(QModelIndex(), first, row)
                self._entries[first:first] = new[first : row + 1]
                self._reindex()  # listeners of rowsInserted see lookups and counts that fit
                self.endInsertRows()
            row += 1
        headers_changed = [
            i for i, e in enumerate(new) if isinstance(e, Header) and e != self._entries[i]
        ]
        self._entries = new
        self._reindex()
        for row in headers_changed:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)

    def _forward_data_changed(
        self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Sequence[int] = ()
    ) -> None:
        first, last = top_left.row(), bottom_right.row()
        if last - first >= WIDE_CHANGE_ROWS:
            # Marks loaded for a whole workspace: one signal for every row, so the view
            # repaints once instead of working out 10,000 rectangles (a 130-200 ms stall).
            if self._entries:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._entries) - 1, 0), roles
                )
            return
        source = self.history_model()
        for source_row in range(first, last + 1):
            image_id = source.item(source_row).image_id
            row = self._proxy_rows.get(image_id)
            if row is not None:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index, roles)

    # -- Qt proxy API ---------------------------------------------------------------------------

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def index(self, row: int, column: int = 0, parent: _AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or column != 0 or not 0 <= row < len(self._entries):
            return QModelIndex()
        return self.createIndex(row, column)

    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, index: _AnyIndex, /) -> QModelIndex: ...
    def parent(self, index: _AnyIndex | None = None) -> QObject | QModelIndex | None:
        # Without an index it is QObject.parent(): the owner, not an (empty) model index.
        return super().parent() if index is None else QModelIndex()

    def mapToSource(self, proxy_index: _AnyIndex) -> QModelIndex:
        if not proxy_index.isValid() or not 0 <= proxy_index.row() < len(self._entries):
            return QModelIndex()
        entry = self._entries[proxy_index.row()]
        if isinstance(entry, Header):
            return QModelIndex()
        row = self.history_model().row_of(entry)
        return self.history_model().index(row, 0) if row >= 0 else QModelIndex()

    def mapFromSource(self, source_index: _AnyIndex) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        image_id = self.history_model().item(source_index.row()).image_id
        row = self._proxy_rows.get(image_id)
        return self.index(row, 0) if row is not None else QModelIndex()

    def _images(self, count: int) -> str:
        return image_count(count)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if isinstance(entry, Header):
            if role == HeaderRole:
                return True
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return entry.label
            if role == Qt.ItemDataRole.ToolTipRole:
                action = self.tr("Click to unfold") if entry.collapsed else self.tr("Click to fold")
                return f"{entry.label} — {self._images(entry.count)}\n{action}"
            if role == Qt.ItemDataRole.StatusTipRole:
                return self._images(entry.count)
            return None
        if role == HeaderRole:
            return False
        return super().data(index, role)

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._entries[index.row()], Header):
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    # -- lookups for the view -------------------------------------------------------------------

    def row_of(self, image_id: str) -> int:
        return self._proxy_rows.get(image_id, -1)

    def item_at(self, row: int) -> HistoryItem | None:
        if not 0 <= row < len(self._entries) or isinstance(self._entries[row], Header):
            return None
        return self.index(row, 0).data(ItemRole)

    def header_at(self, row: int) -> Header | None:
        entry = self._entries[row] if 0 <= row < len(self._entries) else None
        return entry if isinstance(entry, Header) else None

    def thumbnail_at(self, row: int) -> QPixmap | None:
        """The tile for the view's paint loop; None for a header row or while loading."""
        entry = self._entries[row]
        if isinstance(entry, Header):
            return None
        return self.history_model().loaded_thumbnail(entry)

    def marks_at(self, row: int) -> tuple[bool, int]:
        """(favourite, rating) of the image at ``row``, for the tile's star."""
        entry = self._entries[row]
        return (False, 0) if isinstance(entry, Header) else self.history_model().marks_of(entry)

    def aspect_at(self, row: int) -> float:
        """Height / width of the image at ``row`` (1.0 when unknown), for placeholders."""
        entry = self._entries[row]
        return 1.0 if isinstance(entry, Header) else self.history_model().aspect_of(entry)

    def dominant_aspect(self) -> float:
        return self.history_model().dominant_aspect()

    def missing_thumbnails(self, first: int, last: int) -> list[HistoryItem]:
        source = self.history_model()
        return [i for i in self.items_in_rows(first, last) if source.needs_thumbnail(i.image_id)]

    def visible_items(self) -> list[HistoryItem]:
        """Every image the grid shows now, in grid order (for the viewer's next/previous)."""
        return self.items_in_rows(0, len(self._entries) - 1)

    def items_in_rows(self, first: int, last: int) -> list[HistoryItem]:
        """The images (not headers) in rows [first, last], for thumbnail requests."""
        source = self.history_model()
        result = []
        for entry in self._entries[max(first, 0) : last + 1]:
            if isinstance(entry, str):
                row = source.row_of(entry)
                if row >= 0:
                    result.append(source.item(row))
        return result


def _key(entry: Entry) -> str:
    return f"h:{entry.key}" if isinstance(entry, Header) else f"i:{entry}"
