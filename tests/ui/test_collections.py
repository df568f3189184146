"""Collections in the sidebar: create, rename, add the selected images (what a drop does),
click to filter the grid, delete (the images stay)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from tests.ui.app_harness import wait_until


def _shown(window) -> list[str]:
    return [item.image_id for item in window.history_proxy.visible_items()]


def test_collections_create_rename_add_filter_delete(signed_in):
    loop, components = signed_in
    window = components.window
    panel = window.collections_panel
    everything = _shown(window)
    assert panel.hint.isVisible() and panel.list.count() == 0

    panel.new_button.click()
    wait_until(loop, lambda: panel.names() == ["New collection"])
    collection = panel.list.item(0).data(0x100)
    panel.rename(collection, "Client A")
    wait_until(loop, lambda: panel.names() == ["Client A"])

    view = window.history_view
    picked = everything[1:3]
    for image_id in picked:
        row = window.history_proxy.row_of(image_id)
        view.selectionModel().select(
            window.history_proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select
        )
    panel.add_selection_to(panel.list.item(0).data(0x100))
    wait_until(
        loop, lambda: panel.list.count() == 1 and panel.list.item(0).text() == "Client A  (2)"
    )

    panel.list.itemClicked.emit(panel.list.item(0))
    wait_until(loop, lambda: _shown(window) == picked)
    assert window.filter_chips.chip_texts() == ["Collection: Client A  ✕"]
    panel.list.itemClicked.emit(panel.list.item(0))  # again: everything
    wait_until(loop, lambda: _shown(window) == everything)

    panel.list.itemClicked.emit(panel.list.item(0))
    wait_until(loop, lambda: _shown(window) == picked)
    panel.delete(panel.list.item(0).data(0x100))
    wait_until(loop, lambda: panel.names() == [] and _shown(window) == everything)
    assert window.filter_chips.chip_texts() == []
