"""The details panel (View > Details, Ctrl+I): everything about the current image, read from
the catalogue on a worker. Looking never changes the Create panel: "Use these settings" and
"Copy prompt" are explicit buttons; the source image of an edit or upscale is a link that
selects it in the grid.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.api import HistoryItem
from desktop.app.background import BackgroundRunner
from desktop.app.session import Session
from desktop.services.catalog import CatalogEntry, Kind
from desktop.ui.common.formatting import (
    file_bytes,
    format_date,
    format_size,
    image_count,
    kind_label,
    model_name,
)
from desktop.ui.history.model import HistoryModel
from desktop.ui.history.view import HistoryView

log = logging.getLogger(__name__)


class DetailsPanel(QWidget):
    """A panel in the right column under Create; hidden until asked for (Ctrl+I)."""

    def __init__(
        self,
        session: Session,
        runner: BackgroundRunner,
        view: HistoryView,
        model: HistoryModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert session.catalog is not None
        self.setObjectName("detailsPanel")
        self._session = session
        self._catalog = session.catalog
        self._runner = runner
        self._view = view
        self._model = model
        self._asked = 0
        self.entry: CatalogEntry | None = None
        self.toggle_action = QAction(self.tr("Details"), self)
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcut(QKeySequence("Ctrl+I"))
        self.toggle_action.toggled.connect(self._toggled)
        heading = QLabel(self.tr("Details"))
        heading.setProperty("role", "heading")
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Hide the details (Ctrl+I)"))
        close.setAccessibleName(self.tr("Hide the details"))
        close.clicked.connect(lambda: self.toggle_action.setChecked(False))

        self.empty = QLabel(self.tr("Select an image to see its details."))
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "secondary")
        self.prompt = self._value()
        self.model_value = self._value()
        self.ratio = self._value()
        self.size_label = self._value()
        self.format = self._value()
        self.date = self._value()
        self.kind = self._value()
        self.source = QLabel()
        self.source.setTextFormat(Qt.TextFormat.RichText)
        self.source.linkActivated.connect(self._select_source)
        self.credits = self._value()
        self.collections = self._value()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for label, widget in (
            (self.tr("Prompt"), self.prompt),
            (self.tr("Model"), self.model_value),
            (self.tr("Ratio"), self.ratio),
            (self.tr("Size"), self.size_label),
            (self.tr("Format"), self.format),
            (self.tr("Created"), self.date),
            (self.tr("Kind"), self.kind),
            (self.tr("Source image"), self.source),
            (self.tr("Credits spent"), self.credits),
            (self.tr("Collections"), self.collections),
        ):
            form.addRow(label, widget)
        self.use_button = QPushButton(self.tr("Use These Settings"))
        self.use_button.setToolTip(
            self.tr("Put this image's prompt, model and ratio into the Create panel")
        )
        self.use_button.clicked.connect(lambda: self._emit(view.useSettingsRequested))
        self.copy_button = QPushButton(self.tr("Copy Prompt"))
        self.copy_button.clicked.connect(lambda: self._emit(view.copyPromptRequested))
        self._buttons = buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        buttons.addWidget(self.use_button, 1)  # stacked when the column is too narrow
        buttons.addWidget(self.copy_button, 1)
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(form)
        body_layout.addLayout(buttons)
        body_layout.addStretch(1)
        self._content = content = QWidget()
        self._content_layout = layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._top = top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(close)
        self._outer = outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 6, 12, 6)  # in line with Create and Jobs
        outer.addLayout(top)
        outer.addWidget(scroll, 1)
        self._show_entry(None)
        view.selectionModel().currentChanged.connect(lambda *_a: self.refresh())
        view.selectionModel().selectionChanged.connect(lambda *_a: self.refresh())
        session.historyReset.connect(lambda *_a: self.refresh())
        self.hide()

    def _toggled(self, on: bool) -> None:
        self.setVisible(on)  # the right column's sizer gives it room (right_column.py)
        if on:
            self.refresh()

    def wanted_height(self) -> int:
        """The height that shows every fact and both buttons without scrolling."""
        margins = self._outer.contentsMargins()
        top = self._top.sizeHint().height()
        content = self._content.sizeHint().height()
        return margins.top() + margins.bottom() + top + self._outer.spacing() + content

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._arrange_buttons()

    def _arrange_buttons(self) -> None:
        """Side by side when both labels fit ("Diese Einstellungen verwenden" is long),
        else one above the other: a cut-off button text is never shown."""
        room = self._content.width() - self._content_layout.contentsMargins().right()
        needed = (
            self.use_button.sizeHint().width()
            + self.copy_button.sizeHint().width()
            + self._buttons.spacing()
        )
        direction = (
            QBoxLayout.Direction.LeftToRight if needed <= room else QBoxLayout.Direction.TopToBottom
        )
        if self._buttons.direction() != direction:
            self._buttons.setDirection(direction)

    def _value(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        # wrap to the column's width instead of widening it
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # -- reading ------------------------------------------------------------------------------

    def current_item(self) -> HistoryItem | None:
        items = self._view.selected_items()
        return items[0] if len(items) == 1 else None

    def refresh(self) -> None:
        """Read the current image's entry on a worker (if the panel shows)."""
        self._asked += 1
        item = self.current_item()
        ws = self._session.workspace_id
        if item is None or ws is None or not self.isVisible():
            self._show_entry(None)
            return
        self._session.spawn(self._read(self._asked, ws, item))

    async def _read(self, number: int, ws: str, item: HistoryItem) -> None:
        try:
            store = await self._catalog.store()
            entry = await self._runner.run(store.entry, ws, item.image_id)
        except Exception:
            log.warning("Reading an image's details failed", exc_info=True)
            entry = None
        if number != self._asked:
            return  # another image was selected meanwhile
        if entry is None:  # not in the catalogue yet: what the grid knows
            entry = CatalogEntry(
                item=item,
                kind=Kind.GENERATED,
                source_image_id=None,
                favourite=False,
                rating=0,
                credits_spent=None,
                delete_due=None,
            )
        self._show_entry(entry)

    # -- showing ------------------------------------------------------------------------------

    def _empty_text(self) -> str:
        """With several images selected, say so: "Select an image" read as if nothing was."""
        count = len(self._view.selected_items())
        if count > 1:
            return self.tr("{images} selected. Select one to see its details.").format(
                images=image_count(count)
            )
        return self.tr("Select an image to see its details.")

    def _show_entry(self, entry: CatalogEntry | None) -> None:
        self.entry = entry
        if entry is None:
            self.empty.setText(self._empty_text())
        self.empty.setVisible(entry is None)
        self.body.setVisible(entry is not None)
        self.updateGeometry()  # the right column gives it room for the facts (right_column.py)
        if entry is None:
            return
        item = entry.item
        dash = "–"
        self.prompt.setText(item.prompt or self.tr("(no prompt)"))
        self.model_value.setText(model_name(item, self._model.model_names) or dash)
        self.ratio.setText(item.aspect_ratio or dash)
        size = format_size(item)
        if item.file_size:
            size = f"{size}  ·  {file_bytes(item.file_size)}" if size else ""
        self.size_label.setText(size or dash)
        self.format.setText((item.output_format or "").upper() or dash)
        self.date.setText(format_date(item.created_at) or dash)
        self.kind.setText(kind_label(entry.kind))
        if entry.source_image_id:
            link = self.tr("Show the source image")
            self.source.setText(f"<a href='{entry.source_image_id}'>{link}</a>")
        else:
            self.source.setText(dash)
        self.credits.setText(str(entry.credits_spent) if entry.credits_spent is not None else dash)
        self.collections.setText(", ".join(c.name for c in entry.collections) or dash)

    def _select_source(self, image_id: str) -> None:
        if not self._view.select_image(image_id):
            self.source.setText(self.tr("The source image is not in this view."))

    def _emit(self, signal: object) -> None:
        if self.entry is not None:
            signal.emit([self.entry.item])  # type: ignore[attr-defined]
