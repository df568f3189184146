"""Which thumbnails the history grid asks for, and at what size; and its wiring to the loader.

Only visible rows (plus a couple of lines of margin) are asked for, debounced while
scrolling; the size is a tile's room × the screen's pixel ratio, announced again once a
window drag rests. Kept out of the view so its layout and paint code stay on their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from desktop.ui.history.grid_layout import CELL_PADDING
from desktop.ui.history.model import HistoryModel
from desktop.ui.history.proxy import HistoryProxyModel

if TYPE_CHECKING:
    from desktop.ui.common.thumbnail_loader import ThumbnailLoader
    from desktop.ui.history.view import HistoryView

REQUEST_DEBOUNCE_MS = 30
BOX_DEBOUNCE_MS = 200  # a new thumbnail size is asked for once a window drag rests
PREFETCH_LINES = 2  # rows of cells requested beyond the visible ones, each way


class ThumbnailRequests(QObject):
    """Emits the view's thumbnailsWanted and thumbnailBoxChanged, debounced.

    A child of the view, so the model's signals stop reaching it when the view goes.
    """

    def __init__(self, view: HistoryView) -> None:
        super().__init__(view)
        self._view = view
        self._box = (0, 0, 1.0)
        self.wanted_visible: int | None = None  # the loader downloads these before the margin
        self.request_timer = QTimer(view)
        self.request_timer.setSingleShot(True)
        self.request_timer.setInterval(REQUEST_DEBOUNCE_MS)
        self.request_timer.timeout.connect(self.request_visible_thumbnails)
        self._box_timer = QTimer(view)
        self._box_timer.setSingleShot(True)
        self._box_timer.setInterval(BOX_DEBOUNCE_MS)
        self._box_timer.timeout.connect(self._announce_box)

    def thumbnail_box(self) -> tuple[int, int, float]:
        """(width, height) in device pixels a thumbnail should be made at, and the pixel
        ratio: a tile's room × devicePixelRatio, so 2× screens get sharp thumbnails."""
        ratio = self._view.devicePixelRatioF() or 1.0
        layout = self._view.grid_layout()
        room_w, room_h = layout.cell_w - CELL_PADDING, layout.cell_h - CELL_PADDING
        return round(room_w * ratio), round(room_h * ratio), ratio

    def check_box(self) -> None:
        box = self.thumbnail_box()
        if box != self._box:
            model = self._view.model()
            source = model.history_model() if isinstance(model, HistoryProxyModel) else model
            loaded = source.pixmap_count() if isinstance(source, HistoryModel) else 0
            if not loaded or not self._view.isVisible():  # no old thumbnails to show meanwhile
                self._announce_box()
            else:
                self._box_timer.start()

    def _announce_box(self) -> None:
        box = self.thumbnail_box()
        if box != self._box:
            self._box = box
            self._view.thumbnailBoxChanged.emit(*box)

    def schedule(self, *_args: object) -> None:
        """Ask for the visible rows' thumbnails once scrolling or changes rest a moment."""
        self.request_timer.start()

    def request_visible_thumbnails(self) -> None:
        """Emit thumbnailsWanted: visible rows first, then a couple of rows below and above."""
        view = self._view
        model = view.grid_model()
        if model is None:
            return
        first, last = view.visible_rows()
        if last < first:
            view.thumbnailsWanted.emit([])
            return
        layout = view.grid_layout()
        top, margin = view.verticalOffset(), PREFETCH_LINES * layout.cell_h
        before, after = layout.rows_between(top - margin, top + view.viewport().height() + margin)
        wanted = model.missing_thumbnails(first, last)
        self.wanted_visible = len(wanted)  # the loader downloads these before the margin
        wanted += model.missing_thumbnails(last + 1, after)
        wanted += model.missing_thumbnails(before, first - 1)
        view.thumbnailsWanted.emit(wanted)


def connect_thumbnails(model: HistoryModel, view: HistoryView, loader: ThumbnailLoader) -> None:
    """Wire the grid to the loader: visible rows are requested at the tile's size × the
    screen's pixel ratio, results land in the model."""

    def use_box(width: int, height: int, ratio: float) -> None:
        loader.set_box(width, height)
        model.set_pixel_ratio(ratio)
        model.mark_thumbnails_stale()
        view.thumbnail_requests.schedule()

    width, height, ratio = view.thumbnail_requests.thumbnail_box()
    loader.set_box(width, height)
    model.set_pixel_ratio(ratio)
    view.thumbnailBoxChanged.connect(use_box)
    view.thumbnailsWanted.connect(
        lambda items: loader.request(
            items, replace_queue=True, visible=view.thumbnail_requests.wanted_visible
        )
    )
    view.verticalScrollBar().valueChanged.connect(
        lambda value: loader.note_scrolled(value, view.viewport().height())
    )
    # A new or changed list is laid out and painted again; loads stay few meanwhile, as
    # while scrolling.
    for change in (model.modelReset, model.rowsRemoved):
        change.connect(loader.note_grid_busy)

    def inserted(_parent: object, first: int, last: int) -> None:
        # Older images appended at the bottom (the saved history arriving a slice at a
        # time) move no cell on screen: the first screen's loads need not wait for them.
        if first == 0 or last != model.rowCount() - 1:
            loader.note_grid_busy()

    model.rowsInserted.connect(inserted)
    loader.thumbnailReady.connect(model.set_thumbnail)
    loader.thumbnailFailed.connect(model.set_thumbnail_failed)
