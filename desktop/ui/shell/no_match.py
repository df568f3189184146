"""What the grid says when filters leave nothing, and the way back out.

"No images yet — write a prompt…" over an empty filter result made designers think their
images were gone. When the typed words, the filter chips or a collection hide every image, the
grid says that nothing matches (or that the collection is empty and how to fill it) and shows
one button that lifts the filters again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QPushButton

from desktop.ui.history.filter_chips import FilterChips, FilterState
from desktop.ui.history.proxy import HistoryProxyModel
from desktop.ui.history.toolbar import HistoryToolbar

BUTTON_BELOW_CENTRE = 56  # px under the middle of the grid, below the text (up to 4 lines)


class NoMatch(QObject):
    """Keeps the grid's "nothing matches" text and its button in step with the filters."""

    def __init__(
        self,
        view: QAbstractScrollArea,
        proxy: HistoryProxyModel,
        chips: FilterChips,
        toolbar: HistoryToolbar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._view, self._proxy, self._chips, self._toolbar = view, proxy, chips, toolbar
        self.button = QPushButton(view.viewport())
        self.button.setObjectName("clearFiltersButton")
        self.button.clicked.connect(self.clear_filters)
        self.button.hide()
        view.viewport().installEventFilter(self)

    def text(self) -> str | None:
        """The empty grid's text while filters hide every image; None when they don't."""
        if self._proxy.history_model().rowCount() == 0 or self._proxy.rowCount() > 0:
            return None
        words = self._proxy.filter_text()
        state = self._chips.state
        if state.is_empty() and not words:
            return None
        only_collection = FilterState(collection=state.collection) == state and not words
        if state.collection is not None and only_collection:
            self.button.setText(self.tr("Show All Images"))
            return self.tr(
                "The collection “{name}” is empty.\n"
                "Drag images from the grid onto it in the sidebar to add them."
            ).format(name=state.collection.name)
        self.button.setText(self.tr("Clear Filters"))
        if state.is_empty():
            return self.tr(
                "No image matches “{text}”.\nClear the filter (✕ or Esc) to see all images."
            ).format(text=words)
        return self.tr("Nothing matches these filters.\nRemove a filter above, or clear them all.")

    def update(self) -> str | None:
        """Show or hide the button; returns the text for the grid (None: not filtered out)."""
        text = self.text()
        self.button.setVisible(text is not None)
        if text is not None:
            self._place()
        return text

    def clear_filters(self) -> None:
        self._toolbar.filter_edit.clear()
        self._chips.clear()

    def _place(self) -> None:
        self.button.adjustSize()
        area = self._view.viewport().rect()
        size = self.button.sizeHint()
        x = area.center().x() - size.width() // 2
        y = min(area.center().y() + BUTTON_BELOW_CENTRE, area.bottom() - size.height() - 8)
        self.button.setGeometry(x, max(0, y), size.width(), size.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.Resize and self.button.isVisible():
            self._place()
        return False
