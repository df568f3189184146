"""The collections list in the sidebar: one row per collection with its image count, an
empty-state hint, the Delete key, and thumbnails dropped from the grid. The panel around it
(collections_panel.py) owns the heading, the menus and the catalogue writes."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.ui.history.view import HistoryView

CollectionRole = Qt.ItemDataRole.UserRole
CountRole = Qt.ItemDataRole.UserRole + 1
ROW_PADDING = 12  # above and below a name, as the workspaces' rows
MIN_ROWS = 2  # a short window squeezes the list to two rows, never to nothing


class CountDelegate(QStyledItemDelegate):
    """The name, elided, and the image count right-aligned in the secondary colour: a long
    name never pushes the count out of sight or needs a sideways scroll bar."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        count = index.data(CountRole)
        text = "" if count is None else str(count)
        width = option.fontMetrics.horizontalAdvance(text) + 12 if text else 0
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name_rect = QRect(opt.rect)
        name_rect.setRight(opt.rect.right() - width)
        full = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        inner = name_rect.adjusted(8, 0, -4, 0)
        elided = opt.fontMetrics.elidedText(full, Qt.TextElideMode.ElideRight, inner.width())
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(inner, int(align), elided)
        if text:
            if not selected:
                painter.setPen(opt.palette.color(QPalette.ColorRole.PlaceholderText))
            count_rect = QRect(opt.rect)
            count_rect.setLeft(opt.rect.right() - width)
            count_rect.setRight(opt.rect.right() - 8)
            right = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
            painter.drawText(count_rect, int(right), text)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), option.fontMetrics.height() + ROW_PADDING))


class CollectionList(QListWidget):
    """The list itself; accepts thumbnails dragged from the grid."""

    imagesDropped = Signal(object)  # Collection
    deleteRequested = Signal(object)  # QListWidgetItem: the Delete key

    def __init__(self, grid: HistoryView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = grid
        self.empty_text = ""
        self.setObjectName("collectionList")
        self.setItemDelegate(CountDelegate(self))
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Collections"))
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )

    def row_height(self) -> int:
        return self.fontMetrics().height() + ROW_PADDING

    def minimumSizeHint(self) -> QSize:  # Qt override: two rows, the sidebar is short
        return QSize(super().minimumSizeHint().width(), MIN_ROWS * self.row_height() + 4)

    def sizeHint(self) -> QSize:  # Qt override
        """Asks for no more than its minimum: the sidebar scrolls as a whole when its
        preferred heights (word-wrapped credits included) exceed the window, so this list
        takes the spare height through its stretch instead of asking for it."""
        return self.minimumSizeHint()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if (
            event.key() == Qt.Key.Key_Delete
            and item is not None
            and self.state() != self.State.EditingState
        ):
            self.deleteRequested.emit(item)
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.count() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            flags = (
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            )
            painter.drawText(
                self.viewport().rect().adjusted(8, 4, -4, -4), int(flags), self.empty_text
            )
            painter.end()

    def _from_grid(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        return event.source() is self._grid

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._from_grid(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if self._from_grid(event) and item is not None:
            self.setCurrentItem(item)
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if not self._from_grid(event) or item is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.imagesDropped.emit(item.data(CollectionRole))
