"""The main window: workspaces and credits on the left, the history grid in the middle, the
prompt and parameters on the right. It wires widgets to the session; it holds no API logic.
It composes; its parts live beside it: window_menus, window_wiring, session_display (its
answers to the session's signals), catalog_features and viewer_opening.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

# Not the Qt namespace at module level: its first use builds ~35 ms of enums, and this
# module loads before the first paint (the methods that need it import it themselves).
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

    from desktop.api import HistoryItem
    from desktop.app.background import BackgroundRunner
    from desktop.app.session import Session
    from desktop.services.paths import AppPaths
    from desktop.services.settings import AppSettings
    from desktop.ui.generate.remembered_choices import RememberedChoices
    from desktop.ui.generate.style_menu import StyleMenu
    from desktop.ui.shell.catalog_find import CatalogFind
    from desktop.ui.shell.collections_panel import CollectionsPanel
    from desktop.ui.shell.curation import Curation
    from desktop.ui.shell.details_panel import DetailsPanel
    from desktop.ui.shell.right_column import RightColumnSizer
    from desktop.ui.shell.selection_export import SelectionExport
    from desktop.ui.shell.settings_dialog import SettingsDialog
    from desktop.ui.viewer.window import ViewerWindow

log = logging.getLogger(__name__)
THUMBNAIL_CACHE_BYTES = 200 * 1024 * 1024
ORIGINALS_CACHE_BYTES = 1024 * 1024 * 1024


class MainWindow(QMainWindow):
    """Composes the panels and routes their requests to the session."""

    remembered: RememberedChoices  # the Create panel's last choices per workspace (wiring)
    # with the catalogue (catalog_features.py)
    catalog_find: CatalogFind
    curation: Curation
    collections_panel: CollectionsPanel
    details_panel: DetailsPanel
    right_column: RightColumnSizer
    selection_export: SelectionExport
    style_menu: StyleMenu

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
        from desktop.ui.history.thumbnail_requests import connect_thumbnails
        from desktop.ui.history.tile_size_slider import TileSizeSlider, remember_tile_size
        from desktop.ui.history.toolbar import HistoryToolbar
        from desktop.ui.history.view import HistoryView
        from desktop.ui.shell.quota_panel import QuotaPanel
        from desktop.ui.shell.workspace_list import WorkspaceList

        self.session = session
        self.settings = settings
        self.paths = paths
        from desktop.ui.shell.session_display import SessionDisplay

        self.display = SessionDisplay(self)  # the slots for the session's signals
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
            from desktop.ui.shell.catalog_features import add_catalog_features

            add_catalog_features(self, session, runner, session.catalog)
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
        from desktop.ui.shell.window_menus import WindowMenus

        menus = WindowMenus(self)
        self.sign_out_action, self.settings_action = menus.sign_out_action, menus.settings_action
        self.image_menu, self.view_menu = menus.image_menu, menus.view_menu
        self.refresh_action = menus.refresh_action
        self.shortcuts_action, self.about_action = menus.shortcuts_action, menus.about_action

    def _connect(self) -> None:
        from desktop.ui.shell.window_wiring import connect_window

        connect_window(self)

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

    # -- viewer ---------------------------------------------------------------------------------

    def open_preview(self, items: list[HistoryItem]) -> ViewerWindow | None:
        """Enter or double-click: the full-size viewer; with two images selected, side by
        side for comparison."""
        from desktop.ui.shell.viewer_opening import show_viewer

        return show_viewer(self, items)

    def use_settings(self, items: list[HistoryItem]) -> None:
        if items:
            self.generate_panel.apply_settings(self.actions_.settings_item(items[0]))
            self.activateWindow()

    def clear_recent_prompts(self) -> None:
        """File → Clear Recent Prompts."""
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
