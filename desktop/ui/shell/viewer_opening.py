"""Opening the full-size viewer from the grid: one window per image (Enter again raises
it), the image's actions as buttons, or two images side by side for comparison.

Kept apart from main_window; the window keeps ``open_preview`` (the grid, notes and tests
call it) and the list of open viewers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.api import HistoryItem
    from desktop.ui.shell.main_window import MainWindow
    from desktop.ui.viewer.window import ViewerWindow


def show_viewer(window: MainWindow, items: list[HistoryItem]) -> ViewerWindow | None:
    """A viewer of ``items`` over ``window``, or the one already showing them; None for none."""
    if not items:
        return None
    from desktop.ui.viewer.window import ViewerWindow

    for open_viewer in window.viewers:  # Enter again on the same image: raise, don't add
        if [i.image_id for i in open_viewer.current_items()] == [i.image_id for i in items]:
            open_viewer.show()
            open_viewer.raise_()
            open_viewer.activateWindow()
            return open_viewer

    view, actions = window.history_view, window.actions_
    buttons = [
        (view.edit_action.text(), actions.edit),
        (view.use_settings_action.text(), window.use_settings),
        (view.save_action.text(), actions.save_as),
        (view.copy_image_action.text(), actions.copy_image),
        (view.copy_prompt_action.text(), actions.copy_prompt),
        *window.byo.viewer_buttons(),
        (view.delete_action.text(), actions.delete),
    ]
    if len(items) == 2:
        viewer = ViewerWindow(items, 0, window.loader, window, compare=True)
    else:
        everything = window.history_proxy.visible_items()
        index = next(
            (row for row, item in enumerate(everything) if item.image_id == items[0].image_id),
            0,
        )
        viewer = ViewerWindow(
            everything, index, window.loader, window, actions=buttons, lineage=window.actions_
        )
    viewer.destroyed.connect(
        lambda _o=None, v=viewer: window.viewers.remove(v) if v in window.viewers else None
    )
    window.viewers.append(viewer)
    viewer.show()
    return viewer
