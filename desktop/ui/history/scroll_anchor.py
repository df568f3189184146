"""Keeping the designer's place in the history grid while rows change above it.

When the grid is scrolled away from the top, the image at the top of the viewport stays where
it is while new images arrive above it, the tile size changes or the width changes; new images
that arrived out of sight are announced by the "New images ↑" pill. Kept apart from the view's
layout and paint code. The strings stay in the "HistoryView" context, where the translations
have them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QToolButton

if TYPE_CHECKING:
    from desktop.ui.history.view import HistoryView

translate = QCoreApplication.translate  # the name lupdate looks for


class ScrollAnchor(QObject):
    """The image at the top of the viewport, kept in place; and the "New images ↑" pill.

    A child of the view, so the model's signals stop reaching it when the view goes.
    """

    def __init__(self, view: HistoryView) -> None:
        super().__init__(view)
        self._view = view
        self._anchor: tuple[str, int] | None = None
        self.new_images_button = QToolButton(view)
        self.new_images_button.setObjectName("newImagesButton")
        self.new_images_button.setText(translate("HistoryView", "New images ↑"))
        self.new_images_button.setAccessibleName(translate("HistoryView", "Show the new images"))
        self.new_images_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_images_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.new_images_button.setStyleSheet(  # a pill over the tiles, in the accent colour
            "QToolButton { background: palette(highlight); color: palette(highlighted-text);"
            " border: none; border-radius: 13px; padding: 5px 14px; font-weight: bold; }"
        )
        self.new_images_button.clicked.connect(self.scroll_to_new_images)
        self.new_images_button.hide()

    def top_anchor(self) -> tuple[str, int] | None:
        """The image at the top of the viewport and how far below the top edge it sits, when
        the grid is scrolled away from the top (so its place can be kept)."""
        view = self._view
        model = view.grid_model()
        offset = view.verticalOffset()
        if offset <= 0 or model is None:
            return None
        layout = view.grid_layout()
        first, last = layout.rows_between(offset, offset + view.viewport().height())
        row = layout.image_row(first, 1)
        item = model.item_at(row) if 0 <= row <= max(last, row) else None
        if item is None:
            return None
        return item.image_id, layout.rect(row)[1] - offset

    def restore_anchor(self, anchor: tuple[str, int] | None) -> None:
        view = self._view
        model = view.grid_model()
        if anchor is None or model is None:
            return
        row = model.row_of(anchor[0])
        if row >= 0:
            view.verticalScrollBar().setValue(view.grid_layout().rect(row)[1] - anchor[1])

    def before_insert(self, _parent: QModelIndex, first: int, _last: int) -> None:
        self._anchor = self.top_anchor()

    def after_insert(self, _parent: QModelIndex, first: int, _last: int) -> None:
        anchor, self._anchor = self._anchor, None
        if anchor is None:
            return
        view = self._view
        old = view.verticalOffset()
        self.restore_anchor(anchor)
        if view.verticalOffset() != old or first == 0:
            self.new_images_button.show()
            self.place_new_images_button()

    def scroll_to_new_images(self) -> None:
        self.new_images_button.hide()
        self._view.scrollToTop()

    def scrolled(self, value: int) -> None:
        if value <= 0:
            self.new_images_button.hide()

    def place_new_images_button(self) -> None:
        button = self.new_images_button
        button.adjustSize()
        viewport = self._view.viewport().geometry()
        button.move(viewport.x() + (viewport.width() - button.width()) // 2, viewport.y() + 10)
        button.raise_()
