"""The history grid's image actions: shortcuts, when each is enabled, and the right-click menu.

Each action emits one of the view's intent signals with the selected images; the shell's
menu bar shows the same QAction objects. Kept apart from the view so its layout and paint
code is not mixed with menu building. The strings stay in the "HistoryView" context, where
the translations have them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.ui.history.grid_layout import TILE_STEP

if TYPE_CHECKING:
    from desktop.api import HistoryItem
    from desktop.ui.history.grid_cursor import GridCursor
    from desktop.ui.history.grid_pointer import GridPointer
    from desktop.ui.history.view import HistoryView

translate = QCoreApplication.translate  # the name lupdate looks for


class GridMenu(QObject):
    """The view's QActions (added to the view for their shortcuts) and its context menu.

    A child of the view, so the model's signals stop reaching it when the view goes.
    """

    def __init__(self, view: HistoryView, pointer: GridPointer, cursor: GridCursor) -> None:
        super().__init__(view)
        self._view = view
        self._pointer = pointer  # a right-click on a group header opens no menu
        self._cursor = cursor  # a right-click on an unselected tile selects just it
        key = QKeySequence
        self.edit_action = self._action(
            translate("HistoryView", "Edit…"), [key("Ctrl+E")], view.editRequested
        )
        self.use_settings_action = self._action(
            translate("HistoryView", "Use These Settings"),
            [key("Ctrl+Shift+U")],
            view.useSettingsRequested,
        )
        self.save_action = self._action(
            translate("HistoryView", "Save As…"), [key(key.StandardKey.Save)], view.saveRequested
        )
        self.copy_image_action = self._action(
            translate("HistoryView", "Copy Image"),
            [key(key.StandardKey.Copy)],
            view.copyImageRequested,
        )
        self.copy_prompt_action = self._action(
            translate("HistoryView", "Copy Prompt"), [key("Ctrl+Shift+C")], view.copyPromptRequested
        )
        self.compare_action = self._action(
            translate("HistoryView", "Compare"), [], view.compareRequested
        )
        self.delete_action = self._action(
            translate("HistoryView", "Delete"),
            [key(key.StandardKey.Delete), key(Qt.Key.Key_Backspace)],
            view.deleteRequested,
        )
        self.zoom_in_action = QAction(translate("HistoryView", "Larger Thumbnails"), view)
        self.zoom_in_action.setShortcuts([key(key.StandardKey.ZoomIn), key("Ctrl+=")])
        self.zoom_in_action.triggered.connect(
            lambda: view.set_tile_size(view.tile_size() + TILE_STEP)
        )
        self.zoom_out_action = QAction(translate("HistoryView", "Smaller Thumbnails"), view)
        self.zoom_out_action.setShortcuts([key(key.StandardKey.ZoomOut)])
        self.zoom_out_action.triggered.connect(
            lambda: view.set_tile_size(view.tile_size() - TILE_STEP)
        )
        view.addActions([self.zoom_in_action, self.zoom_out_action])
        view.customContextMenuRequested.connect(self._show_context_menu)
        # the shell's entries: (the actions for a selection, a separator before them)
        self._added: list[tuple[Callable[[list[HistoryItem]], list[QAction]], bool]] = []

    def add_actions(
        self, actions_for: Callable[[list[HistoryItem]], list[QAction]], new_group: bool
    ) -> None:
        self._added.append((actions_for, new_group))

    def _action(self, text: str, keys: list[QKeySequence], signal: SignalInstance) -> QAction:
        view = self._view
        action = QAction(text, view)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: view.emit_with_selection(signal))
        view.addAction(action)
        return action

    def update_actions(self) -> None:
        selection = self._view.selectionModel()
        count = len(selection.selectedIndexes()) if selection else 0
        self.edit_action.setEnabled(count == 1)
        self.use_settings_action.setEnabled(count == 1)
        self.compare_action.setEnabled(count == 2)
        for action in (
            self.save_action,
            self.copy_image_action,
            self.copy_prompt_action,
            self.delete_action,
        ):
            action.setEnabled(count > 0)

    def build_context_menu(self) -> QMenu:
        """The right-click menu for the current selection."""
        view = self._view
        self.update_actions()
        menu = QMenu(view)
        menu.setAccessibleName(translate("HistoryView", "Image actions"))
        menu.addAction(self.edit_action)
        menu.addAction(self.use_settings_action)
        if self.compare_action.isEnabled():  # exactly two images selected
            menu.addAction(self.compare_action)
        menu.addAction(self.save_action)
        menu.addAction(self.copy_image_action)
        menu.addAction(self.copy_prompt_action)
        if self._added:  # upscale, masked edit, curation, collections (the shell's)
            items = view.selected_items()
            for actions_for, new_group in self._added:
                if new_group:
                    menu.addSeparator()
                menu.addActions(actions_for(items))
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def _show_context_menu(self, pos: QPoint) -> None:
        view = self._view
        index = view.indexAt(pos)
        if not index.isValid() or self._pointer.header_row_at(pos) >= 0:
            return
        if not view.selectionModel().isSelected(index):
            self._cursor.select_only(index)  # right-click on an unselected tile selects just it
        menu = view.build_context_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(view.viewport().mapToGlobal(pos))
