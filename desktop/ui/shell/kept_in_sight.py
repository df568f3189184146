"""An image the designer just starred or rated stays in the grid until they move on.

With "Favourites only" or a minimum rating on, un-starring an image or rating it below the
chip made it vanish from under the cursor at once: a 1 pressed instead of a 4 could not even
be seen, let alone corrected, and the grid jumped. Photo tools (Lightroom) keep such an image
in view until the selection moves or the filter changes; so does this. The catalogue's answer
to the chips goes to the grid with the just-marked images added; they drop out when none of
them is selected any more, or are simply not added to the answer of a changed filter.
Each answer also keeps the selected images that still show selected (the grid's rebuild
cleared the selection, and with it the Details panel).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from desktop.ui.history.model import ItemRole
from desktop.ui.history.proxy import HistoryProxyModel
from desktop.ui.history.reselect import select_ids
from desktop.ui.history.view import HistoryView


class KeptInSight(QObject):
    """Sits between the catalogue's answers (``answer``) and the grid's id filter."""

    def __init__(self, proxy: HistoryProxyModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self._answer: frozenset[str] | None = None
        self._kept: frozenset[str] = frozenset()
        self._view: HistoryView | None = None

    def kept(self) -> frozenset[str]:
        """The images shown only because they were just marked."""
        return self._kept

    def answer(self, ids: frozenset[str] | None) -> None:
        """The catalogue's ids for the current chips (None: no filter)."""
        self._answer = ids
        self._apply()

    def keep(self, ids: list[str]) -> None:
        """``ids`` were just starred or rated: keep them in the grid for now."""
        if self._answer is not None and ids:
            self._kept |= frozenset(ids)

    def forget(self, *_args: object) -> None:
        """The filter changed: its answer alone decides what shows (no grid change now)."""
        self._kept = frozenset()

    def follow(self, view: HistoryView) -> None:
        """Let the kept images go once ``view``'s selection has moved off them."""
        self._view = view
        view.selectionModel().selectionChanged.connect(self._selection_changed)

    def _apply(self) -> None:
        """Show the answer (and the kept images); the selected images that still show stay
        selected, as in photo tools (the grid's rebuild would drop them all)."""
        ids = self._answer
        if ids is not None and self._kept:
            ids = ids | self._kept
        view = self._view
        if view is None or ids == self._proxy.id_filter():
            self._proxy.set_id_filter(ids)
            return
        selected = [item.image_id for item in view.selected_items()]
        current = view.currentIndex().data(ItemRole)
        self._proxy.set_id_filter(ids)
        if selected:
            select_ids(view, selected, current.image_id if current is not None else None)

    def _selection_changed(self, *_args: object) -> None:
        if self._kept and self._view is not None:
            selected = {item.image_id for item in self._view.selected_items()}
            if not selected & self._kept:
                # not from inside the selection model's own signal: the grid is reset
                QTimer.singleShot(0, self, self._release)

    def _release(self) -> None:
        """Drop the kept images; the images selected now stay selected (``_apply``)."""
        view = self._view
        if not self._kept or view is None:
            return
        selected = {item.image_id for item in view.selected_items()}
        if selected & self._kept:
            return  # the selection came back to them meanwhile
        self._kept = frozenset()
        self._apply()
