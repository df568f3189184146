"""The main window: workspaces and credits on the left, the history grid in the middle, the
prompt and parameters on the right. It wires widgets to the session; it holds no API logic.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

# Not the Qt namespace at module level: its first use builds ~35 ms of enums, and this
# module loads before the first paint (the methods that need it import it themselves).
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.app.i18n import fix_plural
from desktop.ui.shell.window_skeleton import PANEL_WIDTH, SIDEBAR_WIDTH, LayoutSkeleton

if TYPE_CHECKING:  # the window frame paints before these load (see MainWindow.shell)
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent

    from desktop.api import HistoryItem, ImageQuota, Workspace
    from desktop.api.errors import NeuroflashError
    from desktop.app.background import BackgroundRunner
    from desktop.app.session import Session
    from desktop.services.paths import AppPaths
    from desktop.services.settings import AppSettings
    from desktop.ui.shell.settings_dialog import SettingsDialog
    from desktop.ui.viewer.window import ViewerWindow

log = logging.getLogger(__name__)
THUMBNAIL_CACHE_BYTES = 200 * 1024 * 1024
ORIGINALS_CACHE_BYTES = 1024 * 1024 * 1024
# Qt's, not desktop.api.texts': that would load the API package before the first paint.
OFFLINE_TEXT: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]  # stub: object; it is the str
    "MainWindow", "You're offline — showing saved images. The app reconnects by itself."
)


class MainWindow(QMainWindow):
    """Composes the panels and routes their requests to the session."""

    def __init__(
        self,
        session: Session,
        runner: BackgroundRunner,
        settings: AppSettings,
        paths: AppPaths,
    ) -> None:
        super().__init__()
        self._frame(settings)
        self.build(session, runner, settings, paths)

    @classmethod
    def shell(cls, settings: AppSettings) -> MainWindow:
        """The window before its panels: title, saved size and a skeleton of the layout.

        The app shows this the moment Qt is up and calls ``build`` after its first paint,
        so a designer sees the window at once instead of after ~0.3 s of imports.
        """
        window = cls.__new__(cls)
        QMainWindow.__init__(window)
        window._frame(settings)
        window.setCentralWidget(LayoutSkeleton())
        return window

    def _frame(self, settings: AppSettings) -> None:
        self._built = False
        self.setObjectName("mainWindow")
        self.setWindowTitle("neuroflash Desktop")
        self.setAccessibleName("neuroflash Desktop")
        self.resize(1280, 800)
        from desktop.ui.shell.window_size import MINIMUM_WINDOW

        self.setMinimumSize(MINIMUM_WINDOW)
        if geometry := settings.window_geometry:
            self.restoreGeometry(geometry)

    def build(
        self,
        session: Session,
        runner: BackgroundRunner,
        settings: AppSettings,
        paths: AppPaths,
    ) -> None:
        """Create the panels and wire them to the session (once)."""
        if self._built:
            raise RuntimeError("the main window is built already")
        from desktop.services.disk_cache import DiskCache
        from desktop.services.recent_prompts import RecentPrompts
        from desktop.ui.common.message_bar import MessageBar
        from desktop.ui.common.notifier import Notifier
        from desktop.ui.common.overlay import float_over
        from desktop.ui.common.thumbnail_loader import ThumbnailLoader
        from desktop.ui.generate.generation_job import GenerationJob
        from desktop.ui.generate.job_panel import JobPanel
        from desktop.ui.generate.panel import GeneratePanel
        from desktop.ui.history.actions import ImageActions
        from desktop.ui.history.drag_out import DragOut
        from desktop.ui.history.model import HistoryModel
        from desktop.ui.history.proxy import HistoryProxyModel
        from desktop.ui.history.tile_size_slider import TileSizeSlider, remember_tile_size
        from desktop.ui.history.toolbar import HistoryToolbar
        from desktop.ui.history.view import HistoryView, connect_thumbnails
        from desktop.ui.shell.quota_panel import QuotaPanel
        from desktop.ui.shell.workspace_list import WorkspaceList

        self.session = session
        self.settings = settings
        self.paths = paths
        self._quota_loaded = False
        self._filter_emptied = False
        self.demo_active: Callable[[], bool] = lambda: False  # set by the app (sign-in flow)
        self.command_line_language = ""  # --language, set by the app

        self.workspace_list = WorkspaceList()
        self.quota_panel = QuotaPanel()
        self.generate_panel = GeneratePanel()
        self.messages = MessageBar()
        self.history_model = HistoryModel(self)
        self.history_view = HistoryView()
        self.history_proxy = HistoryProxyModel(self)
        self.history_proxy.setSourceModel(self.history_model)
        self.history_view.setModel(self.history_proxy)
        self.history_toolbar = HistoryToolbar(self.history_proxy)
        from desktop.ui.history.filter_chips import FilterChips

        self.filter_chips = FilterChips()  # structured filters (issue 15), under the toolbar
        from desktop.ui.shell.no_match import NoMatch

        self.no_match = NoMatch(  # "nothing matches" and a way out, not "No images yet"
            self.history_view, self.history_proxy, self.filter_chips, self.history_toolbar, self
        )
        self.history_toolbar.add_filter_button(self.filter_chips.menu_button)
        self.history_view.set_empty_text(self.tr("Signing in…"))
        self.loader = ThumbnailLoader(
            runner,
            session.fetch_image,
            DiskCache(paths.thumbnail_dir, THUMBNAIL_CACHE_BYTES),
            DiskCache(paths.originals_dir, ORIGINALS_CACHE_BYTES),
            lambda: session.workspace_id or "",
            parent=self,
        )
        connect_thumbnails(self.history_model, self.history_view, self.loader)
        self.loader.thumbnailGone.connect(session.check_gone)
        self.drag_out = DragOut(self.loader, lambda: paths.drag_dir, self)
        self.history_view.set_drag_out(self.drag_out)
        self.actions_ = ImageActions(self, session, self.loader, self.history_model, self.messages)
        self.recent_prompts = RecentPrompts(settings)
        self.generate_panel.prompt_edit.set_recent_prompts(self.recent_prompts)
        self.notifier = Notifier(self)
        self.job = GenerationJob(
            session, self.generate_panel, self.messages, self, self.recent_prompts, self.notifier
        )
        self.job_panel = JobPanel(self.job.queue)
        from desktop.ui.shell.demo_banner import DemoBanner

        self.demo_banner = DemoBanner(self)
        self.addToolBar(self.demo_banner)
        from desktop.ui.generate.credit_alternatives import OtherWorkspaceCredits

        self.credit_alternatives = OtherWorkspaceCredits(session, self.generate_panel.way_out, self)
        self.generate_panel.way_out.workspaceChosen.connect(self.choose_workspace)
        self.viewers: list[ViewerWindow] = []
        self.settings_dialog: SettingsDialog | None = None

        self._build_layout()
        self._build_menus()
        self._connect()
        from desktop.ui.shell.byo_wiring import ByoWiring

        self.byo = ByoWiring(self)  # import, upscale, masked edit (issue 14)
        if session.catalog is not None:
            from desktop.ui.shell.catalog_find import CatalogFind

            self.catalog_find = CatalogFind(
                session, runner, self.filter_chips, self.history_toolbar, self.history_proxy, self
            )
            from desktop.ui.shell.curation import Curation

            self.curation = Curation(
                session, runner, self.history_view, self.history_model, self.catalog_find.ask, self
            )
            self.curation.marked.connect(self.catalog_find.kept.keep)  # not gone at once
            self.catalog_find.kept.follow(self.history_view)
            if (undone := session.undoable_deletes) is not None:  # back, and selected
                from desktop.ui.history.reselect import select_ids

                undone.restored.connect(lambda ids: select_ids(self.history_view, ids))
            self.image_menu.addSeparator()
            self.image_menu.addActions(self.curation.menu_actions())
            from desktop.ui.shell.collections_panel import CollectionsPanel

            self.collections_panel = CollectionsPanel(
                session, self.history_view, self.filter_chips, self.catalog_find.load_choices
            )
            self.catalog_find.finder.collectionsReady.connect(
                self.collections_panel.set_collections
            )
            # under the workspaces, taking the spare height; the workspaces fit their rows
            self.sidebar_layout.insertWidget(2, self.collections_panel, 1)
            self.sidebar_layout.setStretchFactor(self.workspace_list, 0)
            from PySide6.QtWidgets import QSizePolicy

            self.workspace_list.setSizePolicy(
                QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum
            )
            self.workspace_list.setMinimumHeight(56)
            self.image_menu.addMenu(self.collections_panel.add_menu)
            from desktop.ui.shell.details_panel import DetailsPanel

            self.details_panel = DetailsPanel(
                session, runner, self.history_view, self.history_model, self
            )
            self.right_splitter.insertWidget(1, self.details_panel)  # under Create, hidden
            from desktop.ui.shell.right_column import RightColumnSizer

            self.right_column = RightColumnSizer(  # Create keeps its form in sight
                self.right_splitter,
                self.generate_panel,
                self.generate_panel.footer,  # under the form (take_footer)
                self.details_panel,
                self.job_panel,
            )
            self.view_menu.addAction(self.details_panel.toggle_action)
            from desktop.ui.shell.selection_export import SelectionExport

            self.selection_export = SelectionExport(
                session, runner, self.history_view, self.messages, self
            )
            self.image_menu.addActions(self.selection_export.actions())
            from desktop.app.style_presets import PresetLibrary
            from desktop.ui.generate.style_menu import StyleMenu

            library = PresetLibrary(session.catalog, runner)  # style presets (issue 15)
            self.style_menu = StyleMenu(self.generate_panel, library, session.spawn, self)
        else:
            self.filter_chips.menu_button.hide()
        float_over(self.messages, self.history_view)  # never moves the grid (issue 11.6)
        # thumbnail size (issue 11.8): a slider before the account label, and View menu items
        self.statusBar().insertPermanentWidget(0, TileSizeSlider(self.history_view))
        remember_tile_size(self.history_view, settings)
        self.view_menu.addSeparator()
        view = self.history_view
        self.view_menu.addActions([view.zoom_in_action, view.zoom_out_action])
        if state := settings.splitter_state:
            self.splitter.restoreState(state)
        self._built = True

    # -- construction ---------------------------------------------------------------------------

    def _build_layout(self) -> None:
        from PySide6.QtCore import Qt

        from desktop.ui.shell.window_size import (
            SIDEBAR_MIN_WIDTH,
            MinimumKeeper,
            grid_min_width,
            scrolling,
            with_footer,
        )

        heading = QLabel(self.tr("Workspaces"))
        heading.setProperty("role", "heading")
        left = QWidget()
        left.setObjectName("sidebar")
        self.sidebar_layout = left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 12, 0, 12)
        left_layout.addWidget(heading)
        left_layout.addWidget(self.workspace_list, 1)
        left_layout.addWidget(self.quota_panel)

        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 12, 0, 0)
        center_layout.setSpacing(6)
        center_layout.addWidget(self.history_toolbar)
        center_layout.addWidget(self.filter_chips)
        center_layout.addWidget(self.history_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(scrolling(left, reserve_scrollbar=False))
        self.splitter.addWidget(center)
        self.right_splitter = right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("rightSplitter")
        footer = self.generate_panel.take_footer()
        right.addWidget(with_footer(scrolling(self.generate_panel), footer))
        right.addWidget(self.job_panel)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setCollapsible(0, False)
        self.job_panel.setContentsMargins(12, 0, 12, 8)  # in line with Create's
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([SIDEBAR_WIDTH, 720, PANEL_WIDTH])
        left.setMinimumWidth(SIDEBAR_MIN_WIDTH)
        center.setMinimumWidth(grid_min_width(self.history_view))
        MinimumKeeper(self.splitter)
        self.setCentralWidget(self.splitter)
        self.account_label = QLabel()
        self.account_label.setTextFormat(Qt.TextFormat.PlainText)  # the client ID
        self.statusBar().addPermanentWidget(self.account_label)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.sign_out_action = QAction(self.tr("Sign Out"), self)
        file_menu.addAction(self.sign_out_action)
        clear_prompts = QAction(self.tr("Clear Recent Prompts"), self)
        clear_prompts.triggered.connect(self._clear_recent_prompts)
        file_menu.addAction(clear_prompts)
        file_menu.addSeparator()
        self.settings_action = QAction(self.tr("Settings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        self.image_menu = image_menu = self.menuBar().addMenu(self.tr("&Image"))
        generate_action = QAction(self.tr("Generate"), self)
        generate_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        generate_action.triggered.connect(self.generate_panel.request_generate)
        image_menu.addAction(generate_action)
        image_menu.addSeparator()
        view = self.history_view
        for action in (
            view.edit_action,
            view.use_settings_action,
            view.save_action,
            view.copy_image_action,
            view.copy_prompt_action,
            view.compare_action,  # two images selected; also Enter (see Keyboard Shortcuts)
        ):
            image_menu.addAction(action)
        image_menu.addSeparator()
        image_menu.addAction(view.delete_action)

        self.view_menu = view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.refresh_action = QAction(self.tr("Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        focus_prompt = QAction(self.tr("Go to Prompt"), self)
        focus_prompt.setShortcut(QKeySequence("Ctrl+L"))
        focus_prompt.triggered.connect(self.generate_panel.focus_prompt)
        focus_grid = QAction(self.tr("Go to History"), self)
        focus_grid.setShortcut(QKeySequence("Ctrl+H"))
        focus_grid.triggered.connect(self.history_view.focus_newest)
        for action in (self.refresh_action, focus_prompt, focus_grid):
            view_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts_action = QAction(self.tr("Keyboard Shortcuts"), self)
        self.shortcuts_action.triggered.connect(self.open_shortcuts)
        help_menu.addAction(self.shortcuts_action)
        self.about_action = QAction(self.tr("About neuroflash Desktop"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.open_about)
        help_menu.addAction(self.about_action)
        self.addActions(
            [
                generate_action,
                self.refresh_action,
                focus_prompt,
                focus_grid,
                quit_action,
                self.settings_action,
            ]
        )

    def _connect(self) -> None:
        from PySide6.QtCore import Qt

        session, view = self.session, self.history_view
        session.workspacesChanged.connect(self._on_workspaces)
        session.workspaceChanged.connect(self._on_workspace_changed)
        session.quotaChanged.connect(self._on_quota)
        session.modelsChanged.connect(self.generate_panel.set_models)
        from desktop.ui.generate.remembered_choices import RememberedChoices

        self.remembered = RememberedChoices(
            self.generate_panel, self.settings, lambda: session.workspace_id, self
        )
        session.modelsChanged.connect(self.remembered.restore)  # after set_models
        session.modelsChanged.connect(
            lambda models: self.history_model.model_names.update({m.id: m.name for m in models})
        )
        session.historyReset.connect(self._on_history_reset)
        session.historyAdded.connect(self._on_history_added)
        session.historyRemoved.connect(self.history_model.remove_ids)
        session.historyExtended.connect(self.history_model.extend)
        session.loadingChanged.connect(self._on_loading)
        session.errorRaised.connect(self._on_error)
        session.notice.connect(lambda text: self.messages.show_note(text, seconds=12))
        session.offlineChanged.connect(self._on_offline)
        self.workspace_list.workspaceChosen.connect(self.choose_workspace)
        self.quota_panel.refreshRequested.connect(lambda: session.spawn(session.refresh_quota()))
        self.refresh_action.triggered.connect(lambda: session.spawn(session.refresh_all()))
        view.editRequested.connect(self.actions_.edit)
        view.deleteRequested.connect(self.actions_.delete)
        view.saveRequested.connect(self.actions_.save_as)
        view.copyImageRequested.connect(self.actions_.copy_image)
        view.copyPromptRequested.connect(self.actions_.copy_prompt)
        view.previewRequested.connect(self.open_preview)
        view.useSettingsRequested.connect(self._use_settings)
        view.compareRequested.connect(self.open_preview)
        self.actions_.editSubmitted.connect(self.job.submit_edit)
        self.job_panel.retryRequested.connect(self.job.retry)
        self.actions_.focusReturned.connect(lambda: view.setFocus(Qt.FocusReason.OtherFocusReason))
        self.drag_out.dragNotReady.connect(lambda text: self.messages.show_note(text, seconds=4))
        self.drag_out.dragFailed.connect(self.messages.show_error)
        for change in (
            self.history_proxy.modelReset,
            self.history_proxy.rowsInserted,
            self.history_proxy.rowsRemoved,
        ):
            change.connect(self._update_filter_empty_text)
        # a successful retry (or any finished job) takes the old red error away
        self.job.queue.jobFinished.connect(lambda _job: self.generate_panel.clear_error())

    # -- session events -------------------------------------------------------------------------

    def set_account(self, label: str) -> None:
        self.account_label.setText(
            self.tr("Signed in: {account}").format(account=label)
            if label
            else self.tr("Not signed in")
        )

    def show_sign_in_action(self, demo: bool) -> None:
        """In the demo, File offers "Sign In…" like the banner does; signed in, "Sign Out"."""
        self.sign_out_action.setText(self.tr("Sign In…") if demo else self.tr("Sign Out"))

    def reset_for_sign_out(self) -> None:
        """Clear what belonged to the old account; the prompt text stays."""
        self.loader.cancel_pending()
        self.workspace_list.set_workspaces([])
        self.history_model.set_items([])
        self.history_view.set_empty_text(self.tr("Sign in to see your images."))
        self.quota_panel.set_signed_out()
        self.generate_panel.set_signed_out()
        self.set_account("")

    def choose_workspace(self, workspace_id: str) -> None:
        self.settings.last_workspace_id = workspace_id
        self.loader.set_workspace(workspace_id)
        self.session.spawn(self.session.select_workspace(workspace_id))

    def _on_workspaces(self, workspaces: list[Workspace]) -> None:
        self.workspace_list.set_workspaces(workspaces)
        current = self.session.workspace_id
        ids = [w.id for w in workspaces]
        if current in ids:
            self.workspace_list.select_workspace(current)
            return
        if not ids:
            self.history_view.set_empty_text(self.tr("This account has no workspaces."))
            return
        remembered = self.settings.last_workspace_id
        chosen = remembered if remembered in ids else ids[0]
        self.workspace_list.select_workspace(chosen)
        self.choose_workspace(chosen)

    def _on_workspace_changed(self, workspace_id: str) -> None:
        self._quota_loaded = False
        self.workspace_list.select_workspace(workspace_id)
        self.quota_panel.set_quota(None, loaded=False)
        self.generate_panel.set_quota(None, known=False)
        self.generate_panel.set_models([])
        self.generate_panel.clear_message()  # it spoke of the other workspace's credits or jobs
        self.history_view.set_empty_text(self.tr("Loading history…"))
        name = next((w.name for w in self.session.workspaces if w.id == workspace_id), "")
        self.setWindowTitle(f"{name} — neuroflash Desktop" if name else "neuroflash Desktop")

    def _on_quota(self, quota: ImageQuota | None) -> None:  # Session.quotaChanged(object)
        self._quota_loaded = True
        self.quota_panel.set_quota(quota)
        self.generate_panel.set_quota(quota)
        self._update_empty_text()

    def _on_history_reset(self, items: list[HistoryItem]) -> None:
        from desktop.ui.generate.ratio_labels import observed_sizes

        self.history_model.set_items(items)
        self.generate_panel.set_known_sizes(observed_sizes(items))
        self._update_empty_text()

    def _update_empty_text(self) -> None:
        if (no_match := self.no_match.update()) is not None:  # filters hide every image
            self.history_view.set_empty_text(no_match)
            return
        if self._quota_loaded and self.session.quota is None:
            text = self.tr("No images in this workspace yet.")  # the Create panel says why
        else:
            text = self.history_view.default_empty_text()
        self.history_view.set_empty_text(text)

    def _update_filter_empty_text(self, *_args: object) -> None:
        """An empty result of the words, chips or collection says so, not "No images yet"."""
        text = self.no_match.update()
        if text is not None:
            self._filter_emptied = True
            self.history_view.set_empty_text(text)
        elif self._filter_emptied:
            self._filter_emptied = False
            self._update_empty_text()

    def _on_history_added(self, items: list[HistoryItem], select: bool) -> None:
        # Scrolled away, the grid keeps its place and offers "New images ↑" (issue 11.8).
        select = select and not self.history_view.is_scrolled_away()
        self.history_model.prepend(items)
        if select and items:
            self.history_view.clearSelection()
            self.history_view.select_image(items[0].image_id)

    def _on_loading(self, what: str, loading: bool) -> None:
        if what == "quota":
            self.quota_panel.set_loading(loading)
        if what == "history" and loading and self.history_model.rowCount() == 0:
            self.history_view.set_empty_text(self.tr("Loading history…"))

    def _on_offline(self, offline: bool) -> None:
        if offline:
            self.messages.show_error(
                self.tr(OFFLINE_TEXT), lambda: self.session.spawn(self.session.reconnect())
            )
            self.history_view.set_empty_text(
                self.tr("You're offline, and no images are saved yet.")
            )
        else:
            self.messages.show_note(self.tr("You're back online."), seconds=4)

    def _on_error(self, error: NeuroflashError, retry: object) -> None:
        action = (lambda: self.session.spawn(retry())) if callable(retry) else None
        self.messages.show_error(error.message, action)

    # -- viewer ---------------------------------------------------------------------------------

    def open_preview(self, items: list[HistoryItem]) -> ViewerWindow | None:
        """Enter or double-click: the full-size viewer; with two images selected, side by
        side for comparison."""
        if not items:
            return None
        from desktop.ui.viewer.window import ViewerWindow

        for open_viewer in self.viewers:  # Enter again on the same image: raise, don't add
            if [i.image_id for i in open_viewer.current_items()] == [i.image_id for i in items]:
                open_viewer.show()
                open_viewer.raise_()
                open_viewer.activateWindow()
                return open_viewer

        view, actions = self.history_view, self.actions_
        buttons = [
            (view.edit_action.text(), actions.edit),
            (view.use_settings_action.text(), self._use_settings),
            (view.save_action.text(), actions.save_as),
            (view.copy_image_action.text(), actions.copy_image),
            (view.copy_prompt_action.text(), actions.copy_prompt),
            *self.byo.viewer_buttons(),
            (view.delete_action.text(), actions.delete),
        ]
        if len(items) == 2:
            viewer = ViewerWindow(items, 0, self.loader, self, compare=True)
        else:
            everything = self.history_proxy.visible_items()
            index = next(
                (row for row, item in enumerate(everything) if item.image_id == items[0].image_id),
                0,
            )
            viewer = ViewerWindow(
                everything, index, self.loader, self, actions=buttons, lineage=self.actions_
            )
        viewer.destroyed.connect(
            lambda _o=None, v=viewer: self.viewers.remove(v) if v in self.viewers else None
        )
        self.viewers.append(viewer)
        viewer.show()
        return viewer

    def _use_settings(self, items: list[HistoryItem]) -> None:
        if items:
            self.generate_panel.apply_settings(self.actions_.settings_item(items[0]))
            self.activateWindow()

    def _clear_recent_prompts(self) -> None:
        self.recent_prompts.clear()
        self.messages.show_note(self.tr("Recent prompts cleared."), seconds=3)

    def open_shortcuts(self) -> QDialog:
        """Help → Keyboard Shortcuts: read from the menus, so the list is always true."""
        from desktop.ui.shell.help_dialogs import (
            ShortcutsDialog,
            extra_shortcuts,
            shortcut_groups,
        )

        menus = [m for a in self.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
        dialog = ShortcutsDialog(shortcut_groups(menus), extra_shortcuts(), self)
        dialog.open()
        return dialog

    def open_about(self) -> QDialog:
        from desktop.ui.shell.help_dialogs import AboutDialog

        dialog = AboutDialog(self)
        dialog.open()
        return dialog

    def restart_losses(self) -> list[str]:
        """What quitting now would lose, for the restart a language change asks for."""
        from desktop.app.job_queue import JobStatus

        jobs = self.job.queue.jobs()
        lost = []
        if self.demo_active():
            made = sum(job.made for job in jobs if job.status is JobStatus.DONE)
            lost.append(
                fix_plural(self.tr("the %n image(s) made in this demo", "", made), made)
                if made
                else self.tr("the demo's changes: it starts afresh")
            )
        if waiting := sum(1 for job in jobs if job.status is JobStatus.QUEUED):
            lost.append(fix_plural(self.tr("%n job(s) not sent yet", "", waiting), waiting))
        running = sum(1 for job in jobs if job.status is JobStatus.RUNNING)
        if running and self.demo_active():  # a real server's images arrive in the history
            text = self.tr("%n running job(s): the demo's images would not arrive", "", running)
            lost.append(fix_plural(text, running))
        if self.generate_panel.prompt():
            lost.append(self.tr("the prompt you are writing"))
        return lost

    def open_settings(self) -> SettingsDialog:
        """File → Settings…: one dialog at a time, non-modal to the event loop (open())."""
        if self.settings_dialog is None:
            from desktop.app.i18n import language_in_effect
            from desktop.ui.shell.settings_dialog import SettingsDialog

            dialog = SettingsDialog(
                self.settings,
                language_in_effect(),
                self,
                losses=self.restart_losses,
                command_line=self.command_line_language,
            )
            dialog.finished.connect(lambda _r: setattr(self, "settings_dialog", None))
            self.settings_dialog = dialog
            dialog.open()
        return self.settings_dialog

    # -- window state ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._built:  # closed while still a shell: nothing of the layout to keep yet
            self.settings.window_geometry = bytes(self.saveGeometry().data())
            self.settings.splitter_state = bytes(self.splitter.saveState().data())
            self.settings.sync()
        super().closeEvent(event)
