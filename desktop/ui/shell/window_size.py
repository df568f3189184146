"""How small the main window may get, and what each column needs to stay usable there.

The minimum is 900x500: a 900x600 window works, and so does a 1920x1080 screen at 2x scale
(960x540 logical, minus a title bar). Three rules make that hold:

- the grid keeps room for two columns of tiles, the sidebars give way first (their own
  minimums are below, and the splitter shrinks them before the grid);
- the prompt panel scrolls instead of squashing when the window is short (a squashed form
  drew the character counter over the prompt and cut the model description in half);
- the filter box above the grid may get narrow before it pushes the toolbar out of view.
"""

from __future__ import annotations

# Not the Qt namespace at module level: the window frame reads MINIMUM_WINDOW before the first
# paint (see main_window), and the namespace's first use costs ~35 ms.
from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QListView,
    QScrollArea,
    QSplitter,
    QStyle,
    QWidget,
)

MINIMUM_WINDOW = QSize(900, 500)
SIDEBAR_MIN_WIDTH = 160
PANEL_MIN_HEIGHT = 120
GRID_MIN_COLUMNS = 2
FILTER_MIN_WIDTH = 120


def grid_min_width(view: QAbstractScrollArea) -> int:
    """The width the history column needs for ``GRID_MIN_COLUMNS`` tiles, its frame and its
    scroll bar (Qt keeps room for the bar even when none shows)."""
    cell = view.gridSize().width() if isinstance(view, QListView) else 0
    extent = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
    return GRID_MIN_COLUMNS * cell + 2 * view.frameWidth() + extent + 1


class PanelScroll(QScrollArea):
    """A frameless vertical scroll area around one panel: the panel keeps its natural height
    and scrolls when the window is shorter, instead of overlapping its own widgets. It asks
    the splitter for the panel's minimum width plus its scroll bar, so the panel is never cut
    off sideways."""

    def __init__(
        self, panel: QWidget, reserve_scrollbar: bool = True, parent: QWidget | None = None
    ) -> None:
        """``reserve_scrollbar=False`` for a panel that rarely scrolls (the sidebar): it asks
        for room for the scroll bar only while one shows."""
        super().__init__(parent)
        self._reserve = reserve_scrollbar
        from PySide6.QtCore import Qt

        self.setObjectName(f"{panel.objectName() or 'panel'}Scroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(panel)

    def minimumSizeHint(self) -> QSize:  # Qt override
        panel = self.widget()
        width = max(panel.minimumSizeHint().width(), panel.minimumWidth()) if panel else 0
        if self._reserve or self.verticalScrollBar().isVisible():
            width += self.verticalScrollBar().sizeHint().width()
        return QSize(width, PANEL_MIN_HEIGHT)


def scrolling(panel: QWidget, reserve_scrollbar: bool = True) -> PanelScroll:
    return PanelScroll(panel, reserve_scrollbar)


def with_footer(area: QWidget, footer: QWidget) -> QWidget:
    """``area`` (a scrolling panel) over ``footer``, which never scrolls away: Generate and
    the credit line stay in sight in a 900x600 window with the job list showing."""
    from PySide6.QtWidgets import QVBoxLayout

    column = QWidget()
    column.setObjectName(f"{area.objectName()}Column")
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    layout.addWidget(area, 1)
    layout.addWidget(footer)
    return column


def fit_minimums(sizes: list[int], minimums: list[int]) -> list[int]:
    """``sizes`` changed so every column gets its minimum, taken from the columns with the
    most room to spare; the total stays the same."""
    sizes = list(sizes)
    for column, needed in enumerate(minimums):
        while sizes[column] < needed:
            spare = [(sizes[j] - minimums[j], j) for j in range(len(sizes)) if j != column]
            room, donor = max(spare, default=(0, -1))
            if room <= 0:
                return sizes
            take = min(room, needed - sizes[column])
            sizes[donor] -= take
            sizes[column] += take
    return sizes


class MinimumKeeper(QObject):
    """Keeps each column of a splitter at least at its minimum when a column's needs grow
    while the window stays the same size (the job list appearing in a 900 px window):
    QSplitter only redistributes on a resize, and until then overlaps the columns."""

    def __init__(self, splitter: QSplitter) -> None:
        super().__init__(splitter)
        self._splitter = splitter
        for column in range(splitter.count()):
            if (widget := splitter.widget(column)) is not None:
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self.fit)  # dropped if the window goes first
        return False

    def fit(self) -> None:
        splitter = self._splitter
        widgets = [w for column in range(splitter.count()) if (w := splitter.widget(column))]
        minimums = [max(w.minimumSizeHint().width(), w.minimumWidth()) for w in widgets]
        sizes = splitter.sizes()
        fitted = fit_minimums(sizes, minimums)
        if fitted != sizes:
            splitter.setSizes(fitted)
