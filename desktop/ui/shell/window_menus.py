"""The main window's menu bar: File, Image, View and Help, and their shortcuts.

Kept apart from main_window so the window's construction reads as composition. The texts
stay in the "MainWindow" translation context (``QCoreApplication.translate``), where the
German catalogue has them. Panels add their own items later (byo_wiring, curation, …).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from desktop.ui.shell.main_window import MainWindow


class WindowMenus:
    """Builds the menus into ``window``; keeps the menus and actions others extend or use."""

    def __init__(self, window: MainWindow) -> None:
        file_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
        self.sign_out_action = QAction(QCoreApplication.translate("MainWindow", "Sign Out"), window)
        file_menu.addAction(self.sign_out_action)
        clear_prompts = QAction(
            QCoreApplication.translate("MainWindow", "Clear Recent Prompts"), window
        )
        clear_prompts.triggered.connect(window.clear_recent_prompts)
        file_menu.addAction(clear_prompts)
        file_menu.addSeparator()
        self.settings_action = QAction(
            QCoreApplication.translate("MainWindow", "Settings…"), window
        )
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(window.open_settings)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        quit_action = QAction(QCoreApplication.translate("MainWindow", "Quit"), window)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(window.close)
        file_menu.addAction(quit_action)

        self.image_menu: QMenu = window.menuBar().addMenu(
            QCoreApplication.translate("MainWindow", "&Image")
        )
        image_menu = self.image_menu
        generate_action = QAction(QCoreApplication.translate("MainWindow", "Generate"), window)
        generate_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        generate_action.triggered.connect(window.generate_panel.request_generate)
        image_menu.addAction(generate_action)
        image_menu.addSeparator()
        view = window.history_view
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

        self.view_menu: QMenu = window.menuBar().addMenu(
            QCoreApplication.translate("MainWindow", "&View")
        )
        view_menu = self.view_menu
        self.refresh_action = QAction(QCoreApplication.translate("MainWindow", "Refresh"), window)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        focus_prompt = QAction(QCoreApplication.translate("MainWindow", "Go to Prompt"), window)
        focus_prompt.setShortcut(QKeySequence("Ctrl+L"))
        focus_prompt.triggered.connect(window.generate_panel.focus_prompt)
        focus_grid = QAction(QCoreApplication.translate("MainWindow", "Go to History"), window)
        focus_grid.setShortcut(QKeySequence("Ctrl+H"))
        focus_grid.triggered.connect(window.history_view.focus_newest)
        for action in (self.refresh_action, focus_prompt, focus_grid):
            view_menu.addAction(action)

        help_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        self.shortcuts_action = QAction(
            QCoreApplication.translate("MainWindow", "Keyboard Shortcuts"), window
        )
        self.shortcuts_action.triggered.connect(window.open_shortcuts)
        help_menu.addAction(self.shortcuts_action)
        self.about_action = QAction(
            QCoreApplication.translate("MainWindow", "About neuroflash Desktop"), window
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(window.open_about)
        help_menu.addAction(self.about_action)
        window.addActions(
            [
                generate_action,
                self.refresh_action,
                focus_prompt,
                focus_grid,
                quit_action,
                self.settings_action,
            ]
        )
