"""Structured filters as chips: they narrow the grid through the catalogue, combine (AND
across kinds, OR within one), go away with a click, and take the typed words along."""

from __future__ import annotations

from collections import Counter

import pytest

from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, EmulatorConfig, start_server
from desktop.ui.history.filter_chips import FilterState
from tests.reliability.harness import RunningApp


@pytest.fixture
def app(qapp, tmp_path, monkeypatch):
    """The app on a server with 60 images of several models, ratios and formats."""
    monkeypatch.setenv("NEUROFLASH_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("NEUROFLASH_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    server = start_server(EmulatorConfig(history_size=60))
    running = RunningApp(qapp, server.api_url, server.token_url, tmp_path / "p").start()
    yield running
    running.close()
    server.stop()


def _shown(window) -> list[str]:
    return [item.image_id for item in window.history_proxy.visible_items()]


def _all(window):
    model = window.history_model
    return [model.item(row) for row in range(model.rowCount())]


def test_chips_filter_combine_and_go_away(app):
    window = app.window
    chips = window.filter_chips
    items = _all(window)
    everything = [item.image_id for item in items]
    ratio, _ = Counter(item.aspect_ratio for item in items).most_common(1)[0]
    with_ratio = [i for i in items if i.aspect_ratio == ratio]
    assert 0 < len(with_ratio) < len(items)

    chips.set_state(FilterState(aspect_ratios=(ratio,)))
    app.wait(lambda: _shown(window) == [i.image_id for i in with_ratio])
    assert chips.isVisible() and chips.chip_texts() == [f"Ratio: {ratio}  ✕"]

    fmt = with_ratio[0].output_format
    chips.set_state(FilterState(aspect_ratios=(ratio,), output_formats=(fmt,)))
    both = [i.image_id for i in with_ratio if i.output_format == fmt]
    app.wait(lambda: _shown(window) == both)
    assert len(chips.chips) == 2

    other = next(i.aspect_ratio for i in items if i.aspect_ratio != ratio)
    chips.set_state(FilterState(aspect_ratios=(ratio, other)))  # two ratios: either one
    either = [i.image_id for i in items if i.aspect_ratio in (ratio, other)]
    app.wait(lambda: _shown(window) == either)

    for _chip in list(chips.chips):
        chips.chips[0].click()
    app.wait(lambda: _shown(window) == everything)
    assert not chips.isVisible()


def test_typed_words_search_the_catalogue_with_the_chips(app):
    window = app.window
    items = _all(window)
    target = items[-1]
    word = target.prompt.split()[0]
    prefix = word.casefold()
    expected = [
        i.image_id
        for i in items
        if i.output_format == target.output_format
        and any(w.casefold().startswith(prefix) for w in i.prompt.split())
    ]
    window.filter_chips.set_state(FilterState(output_formats=(target.output_format,)))
    window.history_toolbar.filter_edit.setText(word)
    app.wait(lambda: _shown(window) == expected)
    assert target.image_id in _shown(window)
    assert len(expected) < len([i for i in items if word.casefold() in i.prompt.casefold()])


def test_the_collection_filter_says_how_to_make_one_when_there_is_none(app):
    """QA: the Collection entry was greyed out without a word; it now says what to do."""
    chips = app.window.filter_chips
    chips._fill_menu()  # what opening the Filter menu does
    collection = next(a.menu() for a in chips.menu.actions() if a.text() == "Collection")
    assert collection.isEnabled()
    texts = [action.text() for action in collection.actions()]
    assert texts == ["No collections yet: press + in the sidebar"]
    assert not collection.actions()[0].isEnabled()
