"""The bar above the grid: the History heading, find-as-you-type and grouping.

Filtering and grouping run on the proxy over the loaded history; nothing is fetched again.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from desktop.ui.common.fit_label import FitLabel
from desktop.ui.common.formatting import image_count
from desktop.ui.history.history_groups import Grouping
from desktop.ui.history.proxy import HistoryProxyModel

FILTER_DEBOUNCE_MS = 120


class HistoryToolbar(QWidget):
    """Heading, filter box (Ctrl+F) and "Group by" for one HistoryProxyModel."""

    def __init__(self, proxy: HistoryProxyModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        heading = QLabel(self.tr("History"))
        heading.setProperty("role", "heading")
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("historyFilter")
        self.filter_edit.setAccessibleName(self.tr("Filter the history by prompt"))
        # short enough for a narrow box in German; the key is in the tooltip
        self.filter_edit.setPlaceholderText(self.tr("Filter by prompt…"))
        self.filter_edit.setToolTip(
            self.tr("Filter the history by prompt ({keys})").format(
                keys=QKeySequence(QKeySequence.StandardKey.Find).toString(
                    QKeySequence.SequenceFormat.NativeText
                )
            )
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(120)  # window_size.FILTER_MIN_WIDTH
        self.filter_edit.setMaximumWidth(320)
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("historyGrouping")
        self.group_combo.setAccessibleName(self.tr("Group the history"))
        self.group_combo.setMinimumWidth(110)  # narrower than its text in a small window
        for text, grouping in (
            (self.tr("No grouping"), Grouping.NONE),
            (self.tr("Group by day"), Grouping.DAY),
            (self.tr("Group by batch"), Grouping.BATCH),
        ):
            self.group_combo.addItem(text, grouping)
        # a long count ("1.234 von 12.345") is drawn smaller before it pushes the grouping
        # box out of a 900 px window (German)
        self.count_label = FitLabel()
        self.count_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.count_label.setObjectName("historyCount")
        self.count_label.setProperty("role", "secondary")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(heading)
        layout.addSpacing(12)
        layout.addWidget(self.count_label)
        layout.addStretch(1)
        layout.addWidget(self.filter_edit, 1)
        layout.addWidget(self.group_combo)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.filter_edit.returnPressed.connect(self.apply_filter)
        self.group_combo.currentIndexChanged.connect(self._apply_grouping)
        self.group_combo.currentIndexChanged.connect(self._keep_choice_whole)
        self._keep_choice_whole()
        for signal in (proxy.modelReset, proxy.rowsInserted, proxy.rowsRemoved):
            signal.connect(self._update_count)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self.window() or self)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(self.focus_filter)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.filter_edit)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self.filter_edit.clear)
        self._update_count()

    def add_filter_button(self, button: QWidget) -> None:
        """Put the structured filters' button just before the text field."""
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.insertWidget(layout.indexOf(self.filter_edit), button)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def apply_filter(self) -> None:
        self._debounce.stop()
        self._proxy.set_filter_text(self.filter_edit.text())

    def set_grouping(self, grouping: Grouping) -> None:
        self.group_combo.setCurrentIndex(self.group_combo.findData(grouping))

    def _apply_grouping(self) -> None:
        self._proxy.set_grouping(self.group_combo.currentData())

    def _keep_choice_whole(self, *_args: object) -> None:
        """The grouping box is never narrower than its chosen text: beside "10 Bilder" at
        900x600 German "Ohne Gruppen" read "Ohne Grupper". The column then takes the width
        from the sidebar (window_size.MinimumKeeper) instead of cutting the choice."""
        combo = self.group_combo
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        metrics = combo.fontMetrics()
        text = QSize(metrics.horizontalAdvance(combo.currentText()), metrics.height())
        size = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, combo)
        combo.setMinimumWidth(max(110, size.width()))

    def _update_count(self, *_args: object) -> None:
        shown = self._proxy.image_count()
        source = self._proxy.sourceModel()
        total = source.rowCount() if source is not None else 0
        if not total:
            self.count_label.clear()
        elif shown == total:
            self.count_label.setText(image_count(total))
        else:
            self.count_label.setText(self.tr("{shown} of {total}").format(shown=shown, total=total))
