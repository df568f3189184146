"""What the main window shows when the session changes: the workspace list, the credits,
the grid's images and what the empty grid says (signing in, loading, offline, no match).

These are the window's answers to the ``Session``'s signals, kept apart from the window's
construction; ``window_wiring`` connects them. A QObject child of the window, so its slots
go with the window. Texts stay in the "MainWindow" translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

if TYPE_CHECKING:
    from desktop.api import HistoryItem, ImageQuota, Workspace
    from desktop.api.errors import NeuroflashError
    from desktop.ui.shell.main_window import MainWindow

# Qt's, not desktop.api.texts': that would load the API package before the first paint.
OFFLINE_TEXT: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]  # stub: object; it is the str
    "MainWindow", "You're offline — showing saved images. The app reconnects by itself."
)


class SessionDisplay(QObject):
    """The main window's slots for the session's signals."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.quota_loaded = False
        self._filter_emptied = False

    def on_workspaces(self, workspaces: list[Workspace]) -> None:
        window = self._window
        window.workspace_list.set_workspaces(workspaces)
        current = window.session.workspace_id
        ids = [w.id for w in workspaces]
        if current in ids:
            window.workspace_list.select_workspace(current)
            return
        if not ids:
            window.history_view.set_empty_text(
                QCoreApplication.translate("MainWindow", "This account has no workspaces.")
            )
            return
        remembered = window.settings.last_workspace_id
        chosen = remembered if remembered in ids else ids[0]
        window.workspace_list.select_workspace(chosen)
        window.choose_workspace(chosen)

    def on_workspace_changed(self, workspace_id: str) -> None:
        window = self._window
        self.quota_loaded = False
        window.workspace_list.select_workspace(workspace_id)
        window.quota_panel.set_quota(None, loaded=False)
        window.generate_panel.set_quota(None, known=False)
        window.generate_panel.set_models([])
        window.generate_panel.clear_message()  # it spoke of the other workspace's credits or jobs
        window.history_view.set_empty_text(
            QCoreApplication.translate("MainWindow", "Loading history…")
        )
        name = next((w.name for w in window.session.workspaces if w.id == workspace_id), "")
        window.setWindowTitle(f"{name} — neuroflash Desktop" if name else "neuroflash Desktop")

    def on_quota(self, quota: ImageQuota | None) -> None:  # Session.quotaChanged(object)
        window = self._window
        self.quota_loaded = True
        window.quota_panel.set_quota(quota)
        window.generate_panel.set_quota(quota)
        self.update_empty_text()

    def on_history_reset(self, items: list[HistoryItem]) -> None:
        from desktop.ui.generate.ratio_labels import observed_sizes

        window = self._window
        window.history_model.set_items(items)
        window.generate_panel.set_known_sizes(observed_sizes(items))
        self.update_empty_text()

    def update_empty_text(self) -> None:
        window = self._window
        if (no_match := window.no_match.update()) is not None:  # filters hide every image
            window.history_view.set_empty_text(no_match)
            return
        if self.quota_loaded and window.session.quota is None:
            # the Create panel says why
            text = QCoreApplication.translate("MainWindow", "No images in this workspace yet.")
        else:
            text = window.history_view.default_empty_text()
        window.history_view.set_empty_text(text)

    def update_filter_empty_text(self, *_args: object) -> None:
        """An empty result of the words, chips or collection says so, not "No images yet"."""
        window = self._window
        text = window.no_match.update()
        if text is not None:
            self._filter_emptied = True
            window.history_view.set_empty_text(text)
        elif self._filter_emptied:
            self._filter_emptied = False
            self.update_empty_text()

    def on_history_added(self, items: list[HistoryItem], select: bool) -> None:
        window = self._window
        # Scrolled away, the grid keeps its place and offers "New images ↑" (issue 11.8).
        select = select and not window.history_view.is_scrolled_away()
        window.history_model.prepend(items)
        if select and items:
            window.history_view.clearSelection()
            window.history_view.select_image(items[0].image_id)

    def on_loading(self, what: str, loading: bool) -> None:
        window = self._window
        if what == "quota":
            window.quota_panel.set_loading(loading)
        if what == "history" and loading and window.history_model.rowCount() == 0:
            window.history_view.set_empty_text(
                QCoreApplication.translate("MainWindow", "Loading history…")
            )

    def on_offline(self, offline: bool) -> None:
        window = self._window
        if offline:
            window.messages.show_error(
                QCoreApplication.translate("MainWindow", OFFLINE_TEXT),
                lambda: window.session.spawn(window.session.reconnect()),
            )
            window.history_view.set_empty_text(
                QCoreApplication.translate(
                    "MainWindow", "You're offline, and no images are saved yet."
                )
            )
        else:
            window.messages.show_note(
                QCoreApplication.translate("MainWindow", "You're back online."), seconds=4
            )

    def on_error(self, error: NeuroflashError, retry: object) -> None:
        window = self._window
        action = (lambda: window.session.spawn(retry())) if callable(retry) else None
        window.messages.show_error(error.message, action)
