"""The full-size viewer: one image with zoom and pan, Left/Right for the previous and next
image of the grid, or two images side by side to compare them (zoom kept in step).

Non-modal (show(), never exec()). Originals come from the loader's cache and are decoded on
a worker thread; only the QPixmap conversion happens on the GUI thread.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.api import HistoryItem
from desktop.api.errors import NeuroflashError
from desktop.ui.history_model import describe, elide
from desktop.ui.i18n import translate_message
from desktop.ui.image_viewer import ImageViewer
from desktop.ui.thumbnail_loader import ThumbnailLoader, decode_image

log = logging.getLogger(__name__)


def _decode_file(path: Path) -> QImage:
    return decode_image(Path(path).read_bytes())


class ImagePane(QWidget):
    """A viewer with its caption: prompt and 'model · size · date'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.viewer = ImageViewer()
        self.caption = QLabel()
        self.caption.setObjectName("viewerCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel()
        self.details.setProperty("role", "secondary")
        self.status = QLabel()
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.viewer, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.caption)
        layout.addWidget(self.details)

    def show_item(self, item: HistoryItem) -> None:
        self.caption.setText(elide(item.prompt or self.tr("Untitled image"), 400))
        self.details.setText(describe(item))
        self.status.setText(self.tr("Loading the full-size image…"))
        self.status.show()

    def show_image(self, image: QImage) -> None:
        self.status.hide()
        self.viewer.set_pixmap(QPixmap.fromImage(image))

    def show_error(self, text: str) -> None:
        self.status.setText(translate_message(text))
        self.status.show()


class ViewerWindow(QDialog):
    """Shows ``items[index]`` (or the first two side by side with ``compare=True``)."""

    def __init__(
        self,
        items: Sequence[HistoryItem],
        index: int,
        loader: ThumbnailLoader,
        parent: QWidget | None = None,
        compare: bool = False,
        neighbours: Callable[[HistoryItem, int], HistoryItem | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("viewerWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._loader = loader
        self._neighbours = neighbours
        self._tasks: set[asyncio.Task[None]] = set()
        self.compare = compare and len(items) >= 2
        self.items: list[HistoryItem] = list(items[:2] if self.compare else items)
        self.index = max(0, min(index, len(self.items) - 1))
        self.panes = [ImagePane() for _ in range(2 if self.compare else 1)]

        splitter = QSplitter(Qt.Orientation.Horizontal)
        for pane in self.panes:
            splitter.addWidget(pane)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        bar = QHBoxLayout()
        for text, tip, slot in (
            (self.tr("Fit"), self.tr("Fit to window (0)"), self.fit),
            ("100%", self.tr("Actual size (1)"), self.actual_size),
            ("−", self.tr("Zoom out (−)"), lambda: self.zoom_by(0.8)),
            ("+", self.tr("Zoom in (+)"), lambda: self.zoom_by(1.25)),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addWidget(self.zoom_label)
        bar.addStretch(1)
        if not self.compare:
            hint = QLabel(self.tr("← → previous / next"))
            hint.setProperty("role", "secondary")
            bar.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.panes[0].viewer.zoomChanged.connect(self._on_zoom)
        if self.compare:
            first, second = (pane.viewer for pane in self.panes)
            first.zoomChanged.connect(
                lambda z: abs(second.zoom() - z) > 1e-6 and second.set_zoom(z)
            )
            first.horizontalScrollBar().valueChanged.connect(second.horizontalScrollBar().setValue)
            first.verticalScrollBar().valueChanged.connect(second.verticalScrollBar().setValue)
        for keys, step in (("Left", -1), ("Right", 1)):
            QShortcut(QKeySequence(keys), self).activated.connect(lambda s=step: self.step(s))
        QShortcut(QKeySequence("Escape"), self).activated.connect(self.close)
        self.resize(1100 if self.compare else 900, 760)
        self._load_current()

    # -- navigation -----------------------------------------------------------------------------

    def current_items(self) -> list[HistoryItem]:
        return self.items if self.compare else [self.items[self.index]]

    def step(self, delta: int) -> None:
        """Previous (-1) or next (+1) image; compare mode keeps its pair."""
        if self.compare:
            return
        target = self.index + delta
        if 0 <= target < len(self.items):
            self.index = target
        elif self._neighbours is not None:
            found = self._neighbours(self.items[self.index], delta)
            if found is None:
                return
            self.items = [found]
            self.index = 0
        else:
            return
        self._load_current()

    def _load_current(self) -> None:
        items = self.current_items()
        names = [elide(item.prompt or self.tr("Untitled"), 40) for item in items]
        if self.compare:
            title = self.tr("Compare: {first} vs {second}").format(
                first=names[0], second=names[-1]
            )
        else:
            title = names[0]
        self.setWindowTitle(title)
        for pane, item in zip(self.panes, items, strict=False):
            pane.show_item(item)
            task = asyncio.ensure_future(self._load(pane, item))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _load(self, pane: ImagePane, item: HistoryItem) -> None:
        try:
            path = await self._loader.ensure_original(item)
            image = await self._loader.runner.run(_decode_file, path)
        except asyncio.CancelledError:
            raise
        except NeuroflashError as error:
            pane.show_error(error.message)
            return
        except Exception as error:  # shown in the pane; the app keeps running
            log.warning("viewer could not load %s: %s", item.image_id, error)
            pane.show_error(self.tr("This image could not be shown."))
            return
        if item in self.current_items():
            pane.show_image(image)

    # -- zoom -----------------------------------------------------------------------------------

    def fit(self) -> None:
        for pane in self.panes:
            pane.viewer.fit()

    def actual_size(self) -> None:
        for pane in self.panes:
            pane.viewer.actual_size()

    def zoom_by(self, step: float) -> None:
        self.panes[0].viewer.zoom_by(step)
        if not self.compare:
            return
        self.panes[1].viewer.set_zoom(self.panes[0].viewer.zoom())

    def _on_zoom(self, factor: float) -> None:
        ratio = self.devicePixelRatioF() or 1.0
        self.zoom_label.setText(f"{round(factor * ratio * 100)} %")

    def closeEvent(self, event) -> None:  # Qt override
        for task in list(self._tasks):
            task.cancel()
        super().closeEvent(event)
