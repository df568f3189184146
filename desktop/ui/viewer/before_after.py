"""Before / after in the viewer: for an edited image, a "Before" toggle (key B) that shows the
source image in the same place and zoom, and a line that tells the edit's story (the first
prompt and each instruction)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from desktop.api import HistoryItem
from desktop.api.errors import NeuroflashError
from desktop.app.i18n import translate_message
from desktop.ui.common.formatting import elide

log = logging.getLogger(__name__)


class Lineage(Protocol):
    """Where an image came from (ImageActions answers this for the window)."""

    def chain(self, item: HistoryItem) -> list[str]: ...

    def source_item(self, item: HistoryItem) -> HistoryItem | None: ...


class BeforeAfter(QObject):
    """Owns the toggle button and the story line of one viewer pane."""

    def __init__(
        self,
        window: QWidget,
        pane: Any,  # viewer_window.ImagePane
        lineage: Lineage,
        fetch: Callable[[HistoryItem], Awaitable[QImage]],
    ) -> None:
        super().__init__(window)
        self._pane = pane
        self._lineage = lineage
        self._fetch = fetch
        self._item: HistoryItem | None = None
        self._source: HistoryItem | None = None
        self._after: QPixmap | None = None
        self._before: QPixmap | None = None
        self._task: asyncio.Task[None] | None = None
        self.button = QToolButton()
        self.button.setObjectName("beforeAfterButton")
        self.button.setText(self.tr("Before"))
        self.button.setCheckable(True)
        tip = self.tr("Show the image before the edit (B)")
        self.button.setToolTip(tip)
        self.button.setAccessibleName(tip)
        self.button.hide()
        self.button.toggled.connect(self._on_toggled)
        QShortcut(QKeySequence("B"), window).activated.connect(self.toggle)
        self.story = QLabel()
        self.story.setObjectName("viewerEditStory")
        self.story.setWordWrap(True)
        self.story.setProperty("role", "secondary")
        self.story.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.story.hide()
        pane.layout().addWidget(self.story)

    def cancel(self) -> None:
        """The window closes: stop loading the source."""
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def showing_before(self) -> bool:
        return self.button.isChecked()

    def toggle(self) -> None:
        if self.button.isVisible():
            self.button.toggle()

    def item_shown(self, item: HistoryItem) -> None:
        """A new image in the pane: offer the toggle when it is an edit with a known source."""
        self.cancel()
        self._item, self._after, self._before = item, None, None
        self._source = self._lineage.source_item(item)
        self.button.blockSignals(True)
        self.button.setChecked(False)
        self.button.blockSignals(False)
        self.button.setVisible(self._source is not None)
        chain = self._lineage.chain(item)
        if len(chain) > 1:
            first, *edits = chain
            parts = (
                [self.tr("Made from “{prompt}”").format(prompt=elide(first, 160))]
                if first
                else [self.tr("Made from an earlier image")]
            )
            parts += [
                self.tr("Edit: {instruction}").format(instruction=elide(e, 120)) for e in edits
            ]
            self.story.setText(" → ".join(parts))
            self.story.show()
        else:
            self.story.hide()

    def hold(self, item: HistoryItem, image: QImage) -> bool:
        """The edited image arrived: keep it for switching back; True when the pane shows
        "before" now (then the window must not replace it)."""
        if item != self._item:
            return False
        self._after = QPixmap.fromImage(image)
        return self.showing_before()

    def _on_toggled(self, before: bool) -> None:
        viewer = self._pane.viewer
        if not before:
            self._pane.status.hide()
            if self._after is not None:
                viewer.set_pixmap(self._after, keep_view=True)
            return
        self._pane.status.setText(self.tr("Before the edit · B shows the result"))
        self._pane.status.show()
        if self._before is not None:
            viewer.set_pixmap(self._before, keep_view=True)
        elif self._source is not None and self._task is None:
            self._pane.status.setText(self.tr("Loading the image before the edit…"))
            self._task = asyncio.ensure_future(self._load_before(self._item, self._source))

    async def _load_before(self, item: HistoryItem | None, source: HistoryItem) -> None:
        try:
            image = await self._fetch(source)
        except asyncio.CancelledError:
            raise
        except NeuroflashError as error:
            self._pane.status.setText(translate_message(error.message))
            return
        except Exception as error:  # shown in the pane; the app keeps running
            log.warning("viewer could not load the source %s: %s", source.image_id, error)
            self._pane.status.setText(self.tr("The image before the edit could not be shown."))
            return
        finally:
            if item == self._item:
                self._task = None
        if item != self._item:
            return
        self._before = QPixmap.fromImage(image)
        if self.showing_before():
            self._pane.status.setText(self.tr("Before the edit · B shows the result"))
            self._pane.viewer.set_pixmap(self._before, keep_view=True)
