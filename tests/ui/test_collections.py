"""Collections in the sidebar: create, rename, add the selected images (what a drop does),
click to filter the grid, delete (the images stay)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QItemSelectionModel, QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.app.i18n import language_in_effect
from desktop.ui.shell.collection_list import CollectionList
from tests.reliability.harness import STUDIO
from tests.ui.app_harness import wait_until
from tests.ui.conftest import settle


def _shown(window) -> list[str]:
    return [item.image_id for item in window.history_proxy.visible_items()]


def test_collections_create_rename_add_filter_delete(signed_in):
    loop, components = signed_in
    window = components.window
    panel = window.collections_panel
    everything = _shown(window)
    assert panel.list.count() == 0 and "Press +" in panel.list.empty_text

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
        loop,
        lambda: (
            panel.list.count() == 1
            and panel.list.item(0).text() == "Client A"
            and panel.count_of(0) == 2
        ),
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


def _make(loop, window, names: list[str]) -> None:
    store = window.session.catalog.store_now()
    for name in names:
        store.create_collection(STUDIO, name).result()
    window.catalog_find.load_choices()
    wait_until(loop, lambda: window.collections_panel.list.count() == len(names))


def test_the_sidebar_gives_collections_room_and_keeps_plus_in_place(window_in):
    """At 900x600 three collections show whole, the "+" stays where it was when they came,
    and neither the heading nor a row is cut off (English and German)."""
    loop, window = window_in
    settle(loop, window, 900, 600)
    panel = window.collections_panel
    plus = panel.new_button
    before = plus.mapToGlobal(plus.rect().topLeft())
    assert plus.toolTip() and panel.more_button.toolTip()
    _make(loop, window, ["Client A", "Moodboard autumn", "Summer campaign 2026 – final picks"])
    settle(loop, window, 900, 600)
    assert plus.mapToGlobal(plus.rect().topLeft()) == before, "the + button moved"
    rows = [panel.list.visualItemRect(panel.list.item(r)) for r in range(3)]
    viewport = panel.list.viewport().rect()
    assert all(r.top() >= 0 and r.bottom() <= viewport.bottom() for r in rows), "row cut off"
    assert not panel.list.horizontalScrollBar().isVisible()  # long names are elided instead
    sidebar = window.sidebar_layout.parentWidget()
    assert sidebar.height() <= sidebar.parentWidget().height(), "the sidebar has to scroll"
    heading = panel.findChild(QLabel)
    assert heading.geometry().right() < panel.more_button.geometry().left(), "heading covered"


def test_the_default_name_is_in_the_designers_language(window_in):
    loop, window = window_in
    panel = window.collections_panel
    panel.new_button.click()
    wait_until(loop, lambda: panel.list.count() == 1)
    expected = "Neue Sammlung" if language_in_effect() == "de" else "New collection"
    assert panel.names() == [expected]


def test_rename_and_delete_are_offered_and_delete_asks_first(signed_in):
    loop, components = signed_in
    window = components.window
    panel = window.collections_panel
    assert not panel.more_button.isEnabled()  # nothing to act on yet
    _make(loop, window, ["Client A"])
    panel.list.setCurrentRow(0)
    assert panel.more_button.isEnabled()
    panel._fill_more_menu()
    texts = [a.text() for a in panel.more_menu.actions()]
    assert texts == ["Rename", "Delete Collection…"]
    panel.list.itemClicked.emit(panel.list.item(0))  # shows its images, stays highlighted
    assert panel.more_button.isEnabled()
    panel.list.itemClicked.emit(panel.list.item(0))  # a second click lifts the highlight
    assert not panel.more_button.isEnabled()
    panel.list.setCurrentRow(0)
    panel.list.setFocus()
    QTest.keyClick(panel.list, Qt.Key.Key_Delete)
    box = panel.confirm
    assert box is not None and "Client A" in box.text() and "stay" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    loop.run_until_complete(asyncio.sleep(0.3))
    assert panel.names() == ["Client A"]  # Cancel keeps it
    QTest.keyClick(panel.list, Qt.Key.Key_Delete)
    delete = next(b for b in panel.confirm.buttons() if b.text() == "Delete Collection")
    delete.click()
    wait_until(loop, lambda: panel.names() == [])


def test_thumbnails_dropped_on_a_collection_are_added_to_that_one(signed_in, monkeypatch):
    """A drop lands on the row under the pointer (the rows are drawn by the count delegate),
    and the grid's selection is added to that collection."""
    loop, components = signed_in
    window = components.window
    panel = window.collections_panel
    _make(loop, window, ["Client A", "Client B"])
    settle(loop, window, 900, 600)
    picked = _shown(window)[:2]
    view = window.history_view
    for image_id in picked:
        view.selectionModel().select(
            window.history_proxy.index(window.history_proxy.row_of(image_id), 0),
            QItemSelectionModel.SelectionFlag.Select,
        )
    monkeypatch.setattr(CollectionList, "_from_grid", lambda self, event: True)  # from the grid
    target = panel.list.visualItemRect(panel.list.item(1)).center()
    mime = QMimeData()
    drop = QDropEvent(
        QPointF(target),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    got = []
    panel.list.imagesDropped.connect(got.append)
    panel.list.dropEvent(drop)  # what Qt calls when thumbnails are let go over the list
    assert [c.name for c in got] == ["Client B"] and drop.isAccepted()
    wait_until(loop, lambda: panel.count_of(1) == 2 and panel.count_of(0) == 0)
    assert panel.names()[1] == "Client B"
