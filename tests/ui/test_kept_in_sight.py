"""Rating an image below the minimum-rating chip, or un-starring it under "Favourites only",
keeps it in the grid (and selected) until the designer moves on, as in photo tools; it
vanished under the cursor before, with no chance to see or correct a mistyped key."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.ui.history.filter_chips import FilterState
from desktop.ui.history.model import ItemRole
from tests.ui.app_harness import wait_until


def _press(key: Qt.Key) -> None:
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    QTest.keyClick(target, key)


def _shown(window) -> list[str]:
    return [item.image_id for item in window.history_proxy.visible_items()]


def _selected(window) -> list[str]:
    return [item.image_id for item in window.history_view.selected_items()]


def _mark_two(loop, window, key: Qt.Key) -> tuple[str, str]:
    """The two newest images marked with ``key``; returns their ids, newest first."""
    view = window.history_view
    window.activateWindow()
    view.focus_newest()
    first, second = window.history_model.item(0).image_id, window.history_model.item(1).image_id
    for image in (first, second):
        view.select_image(image)
        _press(key)
    return first, second


def _answered(loop, window, press: Qt.Key) -> None:
    """Press ``press`` and let the catalogue store the mark and answer the chips again."""
    answers: list[object] = []
    window.catalog_find.finder.found.connect(answers.append)
    _press(press)
    wait_until(loop, lambda: answers)
    window.catalog_find.finder.found.disconnect(answers.append)


def test_an_image_rated_below_the_filter_stays_until_the_selection_moves(signed_in):
    loop, components = signed_in
    window = components.window
    first, second = _mark_two(loop, window, Qt.Key.Key_4)
    window.filter_chips.set_state(FilterState(min_rating=3))
    wait_until(loop, lambda: _shown(window) == [first, second])

    window.history_view.select_image(first)
    _answered(loop, window, Qt.Key.Key_1)
    assert window.history_model.marks_of(first)[1] == 1
    assert first in _shown(window), "the image rated 1 vanished under the cursor"
    assert _selected(window) == [first], "and stays selected, to be rated again"
    total = window.history_model.rowCount()
    assert window.history_toolbar.count_label.text() == f"2 of {total}"

    _press(Qt.Key.Key_Right)  # moving on lets it go; the new selection stays
    wait_until(loop, lambda: _shown(window) == [second])
    assert _selected(window) == [second]


def test_an_unstarred_image_stays_until_the_filter_changes(signed_in):
    loop, components = signed_in
    window = components.window
    first, second = _mark_two(loop, window, Qt.Key.Key_Period)
    chips = window.filter_chips
    chips.set_state(FilterState(favourites_only=True))
    wait_until(loop, lambda: _shown(window) == [first, second])

    window.history_view.select_image(second)
    _answered(loop, window, Qt.Key.Key_Period)
    assert window.history_model.marks_of(second)[0] is False
    assert _shown(window) == [first, second], "the unstarred image vanished at once"

    chips.clear()
    wait_until(loop, lambda: len(_shown(window)) > 2)
    chips.set_state(FilterState(favourites_only=True))  # asked again: the answer decides
    wait_until(loop, lambda: _shown(window) == [first])


def test_the_rating_items_go_grey_when_a_new_filter_drops_the_selection(signed_in):
    """The Image menu offered Favourite and Rating with nothing selected after a chip was
    chosen (the grid's reset clears the selection without a signal)."""
    loop, components = signed_in
    window = components.window
    _mark_two(loop, window, Qt.Key.Key_4)
    window.history_view.select_image(window.history_model.item(2).image_id)  # unrated
    assert window.curation.favourite_action.isEnabled()
    window.filter_chips.set_state(FilterState(min_rating=3))
    wait_until(loop, lambda: len(_shown(window)) == 2)
    assert not _selected(window)
    assert not window.curation.favourite_action.isEnabled(), "Favourite offered for nothing"
    assert not any(action.isEnabled() for action in window.curation.rate_actions)


def test_a_new_filter_keeps_the_selected_images_that_still_match(signed_in):
    """Choosing a chip cleared the selection even when the selected image still showed, so
    Details went blank and the next key pressed did nothing (photo tools keep it)."""
    loop, components = signed_in
    window = components.window
    first, second = _mark_two(loop, window, Qt.Key.Key_4)
    unrated = window.history_model.item(2).image_id
    view = window.history_view
    view.select_image(second)
    view.selectionModel().select(
        window.history_proxy.index(window.history_proxy.row_of(unrated), 0),
        QItemSelectionModel.SelectionFlag.Select,
    )
    window.filter_chips.set_state(FilterState(min_rating=3))
    wait_until(loop, lambda: _shown(window) == [first, second])
    assert _selected(window) == [second], "the selected 4★ image lost its selection"
    assert view.currentIndex().data(ItemRole).image_id == second
