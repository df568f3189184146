"""Connects the filter chips, the filter text and the catalogue search to the grid.

The chips and the typed words go to the catalogue as one query (its full-text index matches
each word as a prefix), on a worker, newest question wins; the grid's proxy keeps the ids it
answers and only remembers the words. Typing without chips goes there too: over 100,000
images the proxy's own in-memory filter took 100-200 ms of the GUI thread per keystroke.
Should the catalogue fail to answer, the proxy matches the words itself again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from desktop.app.background import BackgroundRunner
from desktop.app.catalog_find import CatalogFinder
from desktop.app.session import Session
from desktop.ui.history.filter_chips import FilterChips
from desktop.ui.history.proxy import HistoryProxyModel
from desktop.ui.history.toolbar import HistoryToolbar
from desktop.ui.shell.kept_in_sight import KeptInSight

ASK_DEBOUNCE_MS = 120  # as the text filter's own
CHOICES_DEBOUNCE_MS = 1500  # chip counts after history changes: no hurry


class CatalogFind(QObject):
    """Owns the finder; the window keeps it for as long as it lives."""

    def __init__(
        self,
        session: Session,
        runner: BackgroundRunner,
        chips: FilterChips,
        toolbar: HistoryToolbar,
        proxy: HistoryProxyModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        assert session.catalog is not None
        self._session = session
        self.chips = chips
        self._toolbar = toolbar
        self._proxy = proxy
        self.finder = CatalogFinder(session.catalog, runner, session.spawn, self)
        # the answer reaches the grid with the images just starred or rated kept in it
        self.kept = KeptInSight(proxy, self)
        self.finder.found.connect(self.kept.answer)
        self.finder.failed.connect(self._catalogue_failed)
        proxy.set_text_search_elsewhere(True)
        self.finder.facetsReady.connect(chips.set_facets)
        self.finder.collectionsReady.connect(chips.set_collections)
        self._fell_back = False
        self._ask_timer = _single_shot(self, ASK_DEBOUNCE_MS, self.ask)
        self._choices_timer = _single_shot(self, CHOICES_DEBOUNCE_MS, self.load_choices)
        for changed in (chips.changed, toolbar.filter_edit.textChanged, session.workspaceChanged):
            changed.connect(self.kept.forget)  # another filter: its answer alone decides
        chips.changed.connect(self.ask)
        toolbar.filter_edit.textChanged.connect(self._text_changed)
        session.workspaceChanged.connect(self._workspace_changed)
        session.modelsChanged.connect(
            lambda models: chips.model_names.update({m.id: m.name for m in models})
        )
        for signal in (session.historyReset, session.historyAdded, session.historyRemoved):
            signal.connect(self._history_changed)

    def ask(self) -> None:
        """Send the current chips and words to the catalogue (or lift its filter)."""
        self._ask_timer.stop()
        ws = self._session.workspace_id
        if ws is None:
            self.finder.find(None)
            return
        text = self._toolbar.filter_edit.text() if self._words_here() else ""
        self.finder.find(self.chips.state.query(ws, text))  # only a workspace: everything

    def _words_here(self) -> bool:
        """True while the catalogue answers the typed words (not after it failed)."""
        return not self._fell_back

    def _catalogue_failed(self) -> None:
        if not self._fell_back:
            self._fell_back = True
            self._proxy.set_text_search_elsewhere(False)  # the words in memory, as before

    def load_choices(self) -> None:
        self._choices_timer.stop()
        if self._session.workspace_id:
            self.finder.load_choices(self._session.workspace_id)

    def _text_changed(self, text: str) -> None:
        if not text.strip() and self.chips.state.is_empty():
            self.ask()  # cleared: everything again at once, and no older answer lands
        elif self._words_here() or not self.chips.state.is_empty():
            self._ask_timer.start()

    def _workspace_changed(self, _workspace_id: str) -> None:
        self.chips.clear()  # another workspace: its own models and collections
        self.ask()
        self.load_choices()

    def _history_changed(self, *_args: object) -> None:
        if not self.chips.state.is_empty() or self._toolbar.filter_edit.text().strip():
            self._ask_timer.start()  # new images may match, removed ones left
        self._choices_timer.start()


def _single_shot(parent: QObject, ms: int, slot: object) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer
