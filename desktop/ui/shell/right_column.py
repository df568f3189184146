"""How the right column shares its height between Create, Details and Jobs.

With Details or Jobs open, QSplitter's stretch factors (and Details taking half the column)
left the Create form scrolled down to its prompt: at 1280x800 only "Model" showed. Create is
what the designer works in, so it comes first: it gets the height that shows its whole form
(prompt, model, images, ratio, format and the Generate footer) whenever the column has it,
the panels under it get at least their own minimum (Jobs: its newest entry, its list
scrolls), Jobs then grows to show two entries and Details to show its facts, and any height
left over goes back to Create (its prompt grows). Only when the column is too short for all
of that (900x600 with both open) does the Create form scroll; Generate stays in sight in its
footer. A handle the designer drags is kept until a panel opens or closes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QSplitter, QWidget

CREATE_MIN = 200  # the scrolling Create form with its footer, when nothing else fits
DETAILS_MIN = 110  # its heading and two or three facts; the rest scrolls (140 scrolled
# the German Create form at 900x600 in the demo, with the app stylesheet)


def share_heights(total: int, create_need: int, below: list[tuple[int, int]]) -> list[int]:
    """Heights for [Create, *below]; ``below`` holds (minimum, wanted) of the open panels.

    Create gets ``create_need`` first when the panels' minimums fit beside it; the panels
    then grow towards what they want, in order; the rest goes to Create. When even that does
    not fit, the panels keep their minimums and Create takes what is left (it scrolls), but
    never less than ``CREATE_MIN``: then the panels share the rest by their minimums.
    """
    minimums = sum(low for low, _want in below)
    if total >= create_need + minimums:
        spare = total - create_need - minimums
        heights = []
        for low, want in below:
            extra = min(spare, max(0, want - low))
            spare -= extra
            heights.append(low + extra)
        return [create_need + spare, *heights]
    create = max(CREATE_MIN, total - minimums)
    left = max(0, total - create)
    heights = [left * low // max(1, minimums) for low, _want in below]
    return [total - sum(heights), *heights]


class RightColumnSizer(QObject):
    """Applies ``share_heights`` to the right splitter when Details or Jobs opens or closes
    and when the window is resized (unless the designer dragged a handle meanwhile)."""

    def __init__(
        self,
        splitter: QSplitter,
        create_form: QWidget,
        create_footer: QWidget,
        details: QWidget | None,
        jobs: QWidget,
    ) -> None:
        super().__init__(splitter)
        self._splitter = splitter
        self._form, self._footer = create_form, create_footer
        self._details, self._jobs = details, jobs
        self._dragged = False
        self._applying = False
        splitter.splitterMoved.connect(self._moved)
        splitter.installEventFilter(self)
        for panel in (details, jobs):
            if panel is not None:
                panel.installEventFilter(self)

    def create_need(self) -> int:
        """The Create column's height with its whole form showing (no scrolling)."""
        form, footer = self._form, self._footer
        form_height = form.minimumSizeHint().height()
        if form.hasHeightForWidth() and form.width() > 0:
            form_height = max(form_height, form.heightForWidth(form.width()))
        spacing = 8  # window_size.with_footer's
        return form_height + spacing + footer.sizeHint().height()

    def fit(self) -> None:
        splitter = self._splitter
        below: list[tuple[QWidget, int, int]] = []
        if not self._jobs.isHidden():  # first: it wants little (two entries), Details a lot
            low = max(self._jobs.minimumSizeHint().height(), self._jobs.minimumHeight())
            wanted = getattr(self._jobs, "wanted_height", None)  # its list may scroll
            below.append((self._jobs, low, max(low, wanted() if callable(wanted) else low)))
        if self._details is not None and not self._details.isHidden():
            wanted = getattr(self._details, "wanted_height", None)
            want = wanted() if callable(wanted) else 0
            low = max(self._details.minimumSizeHint().height(), min(want, DETAILS_MIN))
            below.append((self._details, low, max(low, want)))
        if not below:
            return
        total = sum(splitter.sizes())
        if total <= 0:
            return
        heights = share_heights(total, self.create_need(), [(lo, w) for _p, lo, w in below])
        sizes = [0] * splitter.count()
        sizes[0] = heights[0]
        for (panel, _lo, _w), height in zip(below, heights[1:], strict=True):
            sizes[splitter.indexOf(panel)] = height
        self._applying = True
        try:
            splitter.setSizes(sizes)
        finally:
            self._applying = False

    def _moved(self, *_args: object) -> None:
        if not self._applying:
            self._dragged = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        kind = event.type()
        if watched is self._splitter:
            # a resize, or a panel asking for other room (Details got an image)
            resized = kind in (QEvent.Type.Resize, QEvent.Type.LayoutRequest)
            if resized and not self._dragged:
                QTimer.singleShot(0, self, self.fit)
        elif kind in (QEvent.Type.Show, QEvent.Type.Hide):
            self._dragged = False
            QTimer.singleShot(0, self, self.fit)
        return False
