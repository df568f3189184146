"""When the chips, a collection or the typed words leave nothing, the grid says that nothing
matches (never "No images yet") and offers one button back to every image; in English and
German."""

from __future__ import annotations

from dataclasses import replace

from desktop.app.i18n import language_in_effect
from tests.reliability.harness import STUDIO
from tests.ui.app_harness import wait_until

NO_IMAGES_YET = "No images yet"


def test_chips_that_match_nothing_say_so_and_the_button_clears_them(signed_in):
    loop, components = signed_in
    window = components.window
    everything = window.history_model.rowCount()
    chips = window.filter_chips
    chips.set_state(replace(chips.state, favourites_only=True, min_rating=5))  # none is rated
    wait_until(loop, lambda: window.history_proxy.rowCount() == 0)
    text = window.history_view.empty_text()
    assert text.startswith("Nothing matches these filters.") and NO_IMAGES_YET not in text
    button = window.no_match.button
    assert button.isVisible() and button.text() == "Clear Filters"
    assert window.history_view.viewport().rect().contains(button.geometry())

    components.session.historyReset.emit(list(window.history_model.items()))  # a refresh
    assert window.history_view.empty_text() == text, "a refresh brought 'No images yet' back"

    button.click()
    wait_until(loop, lambda: window.history_proxy.image_count() == everything)
    assert chips.state.is_empty() and not button.isVisible()
    assert window.history_view.empty_text() != text


def test_an_empty_collection_says_how_to_fill_it(signed_in):
    loop, components = signed_in
    window = components.window
    store = components.session.catalog.store_now()
    store.create_collection(STUDIO, "Client B").result()
    window.catalog_find.load_choices()
    panel = window.collections_panel
    wait_until(loop, lambda: panel.names() == ["Client B"])
    panel.list.itemClicked.emit(panel.list.item(0))
    wait_until(loop, lambda: window.history_proxy.rowCount() == 0)
    text = window.history_view.empty_text()
    assert "“Client B” is empty" in text and "Drag images" in text
    assert window.no_match.button.text() == "Show All Images"
    window.no_match.button.click()
    wait_until(loop, lambda: window.history_proxy.rowCount() > 0)
    assert window.filter_chips.state.collection is None


def test_typed_words_that_match_nothing_keep_their_message(signed_in):
    loop, components = signed_in
    window = components.window
    window.history_toolbar.filter_edit.setText("zebra submarine")
    window.history_toolbar.apply_filter()
    wait_until(loop, lambda: window.history_proxy.rowCount() == 0)
    assert window.history_view.empty_text().startswith("No image matches “zebra submarine”")
    window.no_match.button.click()
    wait_until(loop, lambda: window.history_proxy.rowCount() > 0)
    assert window.history_toolbar.filter_edit.text() == ""


def test_the_no_match_texts_are_german_in_german(window_in):
    loop, window = window_in
    chips = window.filter_chips
    chips.set_state(replace(chips.state, favourites_only=True, min_rating=5))
    wait_until(loop, lambda: window.history_proxy.rowCount() == 0)
    text, button = window.history_view.empty_text(), window.no_match.button.text()
    if language_in_effect() == "de":
        assert text.startswith("Keine Bilder passen zu diesen Filtern.")
        assert button == "Filter aufheben"
    else:
        assert text.startswith("Nothing matches these filters.") and button == "Clear Filters"
