"""Favourite with ".", rate with 1-5, clear with 0, as in photo tools: the tile shows it at
once, the catalogue keeps it (the next launch shows it again), and the favourites chip
finds it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.services.catalog import CatalogStore
from desktop.services.paths import AppPaths
from desktop.ui.history.filter_chips import FilterState
from tests.reliability.harness import STUDIO, RunningApp
from tests.ui.app_harness import wait_until


def press(key: Qt.Key) -> None:
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    QTest.keyClick(target, key)


def test_favourite_and_rating_keys(qapp, signed_in, emulator, tmp_path):
    loop, components = signed_in
    window = components.window
    model = window.history_model
    window.activateWindow()
    window.history_view.focus_newest()
    assert QApplication.focusWidget() is window.history_view
    first = window.history_view.selected_items()[0].image_id

    press(Qt.Key.Key_Period)
    assert model.marks_of(first) == (True, 0)
    press(Qt.Key.Key_4)
    assert model.marks_of(first) == (True, 4)
    press(Qt.Key.Key_0)
    assert model.marks_of(first) == (True, 0)
    press(Qt.Key.Key_3)
    assert model.marks_of(first) == (True, 3)

    window.filter_chips.set_state(FilterState(favourites_only=True))
    wait_until(loop, lambda: [i.image_id for i in window.history_proxy.visible_items()] == [first])
    window.history_view.select_image(first)  # the filter's new rows lost the selection
    press(Qt.Key.Key_Period)  # all selected are favourites: unstar
    assert model.marks_of(first) == (False, 3)
    # it stays in sight while selected (test_kept_in_sight.py); asked again, the chip drops it
    window.filter_chips.clear()
    window.filter_chips.set_state(FilterState(favourites_only=True))
    wait_until(loop, lambda: window.history_proxy.rowCount() == 0)

    store = components.session.catalog.store_now()
    store.flush()
    entry = store.entry(STUDIO, first)
    assert entry is not None and not entry.favourite and entry.rating == 3


def test_marks_show_again_at_the_next_launch(qapp, monkeypatch, emulator, tmp_path):
    from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

    monkeypatch.setenv("NEUROFLASH_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("NEUROFLASH_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    profile = tmp_path / "p"
    first = RunningApp(qapp, emulator.api_url, emulator.token_url, profile).start()
    image = first.grid_ids()[1]
    first.close()
    with CatalogStore.in_folder(AppPaths(profile).data_dir) as store:
        store.set_favourite(STUDIO, [image], True)
        store.set_rating(STUDIO, [image], 5).result()
    app = RunningApp(qapp, emulator.api_url, emulator.token_url, profile).start()
    try:
        app.wait(lambda: app.window.history_model.marks_of(image) == (True, 5))
    finally:
        app.close()


def test_a_rating_given_while_the_marks_load_is_kept(qapp, signed_in, monkeypatch):
    """The marks are read from the catalogue after each history load; a rating pressed
    while that read ran was undone by its older answer (a flaky test showed the tile
    lose the rating just given)."""
    import threading

    from desktop.ui.shell import curation

    loop, components = signed_in
    window = components.window
    model = window.history_model
    window.activateWindow()
    window.history_view.focus_newest()
    first = window.history_view.selected_items()[0].image_id
    read, answer = threading.Event(), threading.Event()
    real = curation.read_marks

    def slow_read(store, workspace_id):
        marks = real(store, workspace_id)  # read before the rating below
        read.set()
        answer.wait(10)
        return marks

    monkeypatch.setattr(curation, "read_marks", slow_read)
    session = components.session
    session.historyReset.emit(list(session.history))  # a refresh: the marks are read again
    wait_until(loop, read.is_set)
    monkeypatch.setattr(curation, "read_marks", real)
    window.history_view.select_image(first)  # the new rows lost the selection
    window.history_view.setFocus()
    press(Qt.Key.Key_4)
    assert model.marks_of(first) == (False, 4)
    answer.set()
    store = session.catalog.store_now()
    wait_until(loop, lambda: not session._tasks)
    assert model.marks_of(first) == (False, 4)
    assert store.entry(STUDIO, first).rating == 4


def test_favourite_and_rating_are_in_the_right_click_menu(signed_in):
    _loop, components = signed_in
    window = components.window
    view = window.history_view
    first = window.history_model.item(0).image_id
    view.select_image(first)
    menu = view.build_context_menu()
    texts = [action.text() for action in menu.actions()]
    assert "Favourite" in texts and "Rating" in texts, texts
    assert "Upscale 2× (1 credit)" in texts, "the shell's own entries stay"
    rating = next(a for a in menu.actions() if a.text() == "Rating").menu()
    next(a for a in rating.actions() if a.text() == "Rate ★★★").trigger()
    assert window.history_model.marks_of(first) == (False, 3)
    menu.deleteLater()
