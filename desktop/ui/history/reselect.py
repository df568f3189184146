"""Select images by id again after the grid was rebuilt (a filter answer, an undone delete):
the rebuild clears the selection, and the designer expects what they were working on (or
what came back) to be selected, as in a file manager."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QItemSelection, QItemSelectionModel

from desktop.ui.history.view import HistoryView


def select_ids(view: HistoryView, ids: Iterable[str], current: str | None = None) -> int:
    """Select the images of ``ids`` that the grid shows; ``current`` (or the first of them)
    gets the focus and is scrolled into view. Returns how many were selected.

    One selection of contiguous runs, set at once: a row at a time emitted a change per
    row, and re-selecting 100,000 images after Ctrl+A and a new filter froze the window."""
    grid = view.model()
    selection = view.selectionModel()
    if grid is None or selection is None:
        return 0
    rows = sorted({row for image_id in ids if (row := grid.row_of(image_id)) >= 0})  # type: ignore[attr-defined]
    if not rows:
        return 0
    runs = QItemSelection()
    first = previous = rows[0]
    for row in [*rows[1:], -1]:
        if row != previous + 1:
            runs.select(grid.index(first, 0), grid.index(previous, 0))
            first = row
        previous = row
    flag = QItemSelectionModel.SelectionFlag
    selection.select(runs, flag.ClearAndSelect)
    focus = grid.row_of(current) if current is not None else -1  # type: ignore[attr-defined]
    focus = focus if focus >= 0 else rows[0]
    selection.setCurrentIndex(grid.index(focus, 0), flag.NoUpdate)
    view.scrollTo(grid.index(focus, 0))
    return len(rows)
