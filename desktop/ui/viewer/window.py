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

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.api import HistoryItem
from desktop.api.errors import NeuroflashError
from desktop.app.i18n import number as locale_number
from desktop.app.i18n import translate_message
from desktop.app.tasks import TaskSet
from desktop.ui.common.flow_layout import flow_row
from desktop.ui.common.formatting import describe, elide
from desktop.ui.common.image_decode import decode_image, read_image_file
from desktop.ui.common.screen_fit import open_size
from desktop.ui.common.thumbnail_loader import ThumbnailLoader
from desktop.ui.viewer.before_after import BeforeAfter, Lineage
from desktop.ui.viewer.image_viewer import ImageViewer
from desktop.ui.viewer.sync import ViewSync

log = logging.getLogger(__name__)


def _decode_file(path: Path) -> QImage:
    """QImageReader on the path releases the GIL while it decodes (decoding bytes holds it);
    formats Qt cannot read take the slower route through Pillow."""
    image = read_image_file(path)
    return image if not image.isNull() else decode_image(Path(path).read_bytes())


class ImagePane(QWidget):
    """A viewer with its caption: prompt and 'model · size · date'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.viewer = ImageViewer()
        self.model_names: dict[str, str] = {}  # model id → name, from the main window
        self.caption = QLabel()
        self.caption.setObjectName("viewerCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)  # a prompt is never markup
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setProperty("role", "secondary")
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.viewer, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.caption)
        layout.addWidget(self.details)

    def show_item(self, item: HistoryItem) -> None:
        self.caption.setText(elide(item.prompt or self.tr("Untitled image"), 400))
        self.details.setText(describe(item, self.model_names))
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
        lineage: Lineage | None = None,
        actions: Sequence[tuple[str, Callable[[list[HistoryItem]], object]]] = (),
    ) -> None:
        """``actions``: (label, handler) pairs, the grid's context-menu actions, shown as
        buttons that act on the image on screen."""
        super().__init__(parent)
        self.setObjectName("viewerWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._loader = loader
        self._neighbours = neighbours
        self._tasks = TaskSet()
        self.compare = compare and len(items) >= 2
        self.items: list[HistoryItem] = list(items[:2] if self.compare else items)
        self.index = max(0, min(index, len(self.items) - 1))
        self.panes = [ImagePane() for _ in range(2 if self.compare else 1)]
        history_model = getattr(parent, "history_model", None)
        for pane in self.panes:
            pane.model_names = getattr(history_model, "model_names", {})

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
        self.before_after: BeforeAfter | None = None
        if lineage is not None and not self.compare:
            self.before_after = BeforeAfter(self, self.panes[0], lineage, self._fetch)
            bar.addWidget(self.before_after.button)
        bar.addStretch(1)
        self.position_label = QLabel()
        self.position_label.setObjectName("viewerPosition")
        bar.addWidget(self.position_label)
        if not self.compare:
            hint = QLabel(self.tr("← → previous / next"))
            hint.setProperty("role", "secondary")
            bar.addWidget(hint)
        self.action_buttons: list[QPushButton] = []
        actions_bar = QHBoxLayout()
        # the buttons wrap to a second row rather than make the window wider than the screen
        flow_widget, flow = flow_row()
        actions_bar.addWidget(flow_widget, 1)
        for number, (label, handler) in enumerate(actions):
            action_button = QPushButton(label)
            action_button.setAutoDefault(False)
            action_button.clicked.connect(lambda _c=False, h=handler: h(self.current_items()))
            if number and number == len(actions) - 1:  # the last one (Delete) apart
                actions_bar.addWidget(action_button, 0, Qt.AlignmentFlag.AlignBottom)
            else:
                flow.addWidget(action_button)
            self.action_buttons.append(action_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        if actions:
            layout.addLayout(actions_bar)
        for pane in self.panes:  # the label follows whichever pane was zoomed last
            pane.viewer.zoomChanged.connect(self._on_zoom)
        if self.compare:
            self.sync = ViewSync([pane.viewer for pane in self.panes], self)
        for keys, step in (("Left", -1), ("Right", 1)):
            QShortcut(QKeySequence(keys), self).activated.connect(lambda s=step: self.step(s))
        QShortcut(QKeySequence("Escape"), self).activated.connect(self.close)
        # never taller or wider than the screen (a 900x600 one included)
        open_size(self, QSize(1100 if self.compare else 900, 760), parent)
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
            title = self.tr("Compare: {first} vs {second}").format(first=names[0], second=names[-1])
        else:
            title = names[0]
        self.setWindowTitle(title)
        self.position_label.setText(
            ""
            if self.compare or len(self.items) < 2
            else self.tr("{current} of {total}").format(
                current=self.index + 1, total=len(self.items)
            )
        )
        for pane, item in zip(self.panes, items, strict=False):
            pane.show_item(item)
            if self.before_after is not None:
                self.before_after.item_shown(item)
            self._tasks.spawn(self._load(pane, item))

    async def _fetch(self, item: HistoryItem) -> QImage:
        """The full-size image, downloaded (or from the cache) and decoded on workers."""
        path = await self._loader.ensure_original(item)
        return await self._loader.runner.run(_decode_file, path)

    async def _load(self, pane: ImagePane, item: HistoryItem) -> None:
        try:
            image = await self._fetch(item)
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
            if self.before_after is not None and self.before_after.hold(item, image):
                return  # "before" stays on screen until the toggle goes back
            pane.show_image(image)

    # -- zoom -----------------------------------------------------------------------------------

    def fit(self) -> None:
        if self.compare:
            self.sync.fit_all()  # one zoom that shows both images whole
            return
        for pane in self.panes:
            pane.viewer.fit()

    def actual_size(self) -> None:
        for pane in self.panes:
            pane.viewer.actual_size()

    def zoom_by(self, step: float) -> None:
        self.panes[0].viewer.zoom_by(step)  # in compare, ViewSync takes the other pane along

    def _on_zoom(self, factor: float) -> None:
        ratio = self.devicePixelRatioF() or 1.0
        # "62%" in English, "62 %" in German: the catalogue spells it per language
        percent = locale_number(round(factor * ratio * 100))
        self.zoom_label.setText(self.tr("{percent}%").format(percent=percent))

    def closeEvent(self, event) -> None:  # Qt override
        self._tasks.cancel_all()
        if self.before_after is not None:
            self.before_after.cancel()
        super().closeEvent(event)
