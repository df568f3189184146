"""Add to Collection in the grid's right-click menu, as in the Image menu: a designer who
right-clicks a tile finds it next to Favourite and Rating."""

from __future__ import annotations

from desktop.ui.shell.collection_list import CollectionRole
from tests.reliability.harness import STUDIO
from tests.ui.app_harness import wait_until


def _submenu(menu, text: str):
    action = next((a for a in menu.actions() if a.text() == text), None)
    assert action is not None and action.menu() is not None, [a.text() for a in menu.actions()]
    return action.menu()


def _select(window, ids: list[str]) -> None:
    view = window.history_view
    view.select_image(ids[0])
    from PySide6.QtCore import QItemSelectionModel

    for image_id in ids[1:]:
        row = window.history_proxy.row_of(image_id)
        view.selectionModel().select(
            window.history_proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select
        )


def test_right_click_adds_the_selection_to_a_collection(signed_in):
    loop, components = signed_in
    window = components.window
    panel = window.collections_panel
    store = window.session.catalog.store_now()
    store.create_collection(STUDIO, "Client A").result()
    window.catalog_find.load_choices()
    wait_until(loop, lambda: panel.names() == ["Client A"])
    picked = [item.image_id for item in window.history_proxy.visible_items()][:2]
    _select(window, picked)

    menu = window.history_view.build_context_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts.index("Add to Collection") == texts.index("Rating") + 1, texts
    add = _submenu(menu, "Add to Collection")
    add.aboutToShow.emit()  # what opening the submenu does
    entries = [a.text() for a in add.actions() if not a.isSeparator()]
    assert entries == ["Client A", "New Collection"], entries
    next(a for a in add.actions() if a.text() == "Client A").trigger()
    wait_until(loop, lambda: panel.count_of(0) == 2)
    menu.deleteLater()


def test_new_collection_from_the_right_click_menu_holds_the_selection(signed_in):
    """ "Add to Collection → New Collection" makes one with the selected images in it
    (named in place), rather than an empty one the designer then has to fill by dragging."""
    loop, components = signed_in
    window = components.window
    panel = window.collections_panel
    picked = [item.image_id for item in window.history_proxy.visible_items()][1:4]
    _select(window, picked)
    menu = window.history_view.build_context_menu()
    add = _submenu(menu, "Add to Collection")
    add.aboutToShow.emit()
    next(a for a in add.actions() if a.text() == "New Collection").trigger()
    wait_until(loop, lambda: panel.names() == ["New collection"] and panel.count_of(0) == 3)
    collection = panel.list.item(0).data(CollectionRole)
    store = window.session.catalog.store_now()
    store.flush()
    assert panel.list.state() == panel.list.State.EditingState, "named in place"
    assert collection.name == "New collection"
    menu.deleteLater()
