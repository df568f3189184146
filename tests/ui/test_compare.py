"""Compare: two images side by side from the history's context menu, zoom and pan in step
whichever side the designer uses, and a zoom label that says what is on screen."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QItemSelectionModel

from desktop.api import GenerationRequest
from desktop.emulator.demo_data import NANO_BANANA_MODEL_ID
from tests.ui.app_harness import wait_until
from tests.ui.mouse import wheel


def _select_rows(view, rows):
    view.clearSelection()
    model = view.model()
    for row in rows:
        view.selectionModel().select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select)


def _menu_texts(view):
    return [a.text() for a in view.build_context_menu().actions() if not a.isSeparator()]


def test_compare_is_in_the_context_menu_for_exactly_two_images(signed_in):
    _loop, components = signed_in
    window = components.window
    view = window.history_view
    _select_rows(view, [0])
    assert "Compare" not in _menu_texts(view)
    _select_rows(view, [0, 1, 2])
    assert "Compare" not in _menu_texts(view)
    _select_rows(view, [0, 1])
    assert "Compare" in _menu_texts(view), "two selected images can be compared"
    view.compare_action.trigger()
    viewer = window.viewers[-1]
    assert viewer.compare
    assert [p.caption.text() for p in viewer.panes] == [
        window.history_model.item(r).prompt for r in (0, 1)
    ]
    viewer.close()


@pytest.fixture
def compare(signed_in):
    """Compare of a wide image (left) and a tall one (right): fitting the tall one alone
    would make the wide one overflow."""
    loop, components = signed_in
    window = components.window
    model = window.history_model
    wide = next(model.item(r) for r in range(model.rowCount()) if model.item(r).width >= 1000)
    request = GenerationRequest("A lighthouse, portrait", NANO_BANANA_MODEL_ID, 1, "9:16")
    loop.run_until_complete(components.session.generate(request))
    tall = model.item(0)
    assert tall.height > 1.7 * tall.width
    viewer = window.open_preview([wide, tall])
    assert viewer.compare
    viewer.resize(900, 600)
    first, second = (pane.viewer for pane in viewer.panes)
    wait_until(loop, lambda: first.has_image() and second.has_image())
    yield loop, viewer, first, second
    viewer.close()


def _label(viewer, zoom):
    return f"{round(zoom * viewer.devicePixelRatioF() * 100)}%"


def test_zoom_on_either_side_zooms_both_and_the_label_follows(compare):
    _loop, viewer, first, second = compare
    fitted = first.zoom()
    wheel(second, up=True)
    assert second.zoom() > fitted
    assert first.zoom() == pytest.approx(second.zoom()), "right → left"
    assert viewer.zoom_label.text() == _label(viewer, second.zoom())
    wheel(first, up=True)
    assert second.zoom() == pytest.approx(first.zoom()), "left → right"
    assert viewer.zoom_label.text() == _label(viewer, first.zoom())
    viewer.fit()
    assert first.zoom() == pytest.approx(second.zoom())
    assert viewer.zoom_label.text() == _label(viewer, first.zoom())


def test_panning_either_side_pans_both(compare):
    _loop, viewer, first, second = compare
    viewer.actual_size()
    for _ in range(3):
        viewer.zoom_by(1.25)
    for axis, bar in enumerate(("horizontalScrollBar", "verticalScrollBar")):
        left, right = getattr(first, bar)(), getattr(second, bar)()
        assert right.maximum() > 20 and left.maximum() > 20, "zoomed in far enough to pan"
        right.setValue(right.maximum() // 3)
        spot = second.center_fraction()[axis]
        assert first.center_fraction()[axis] == pytest.approx(spot, abs=0.01), "right → left"
        left.setValue(left.maximum() * 2 // 3)
        spot = first.center_fraction()[axis]
        assert second.center_fraction()[axis] == pytest.approx(spot, abs=0.01), "left → right"
        assert spot > 0.55, "the view really moved"


def test_fit_shows_both_images_whole_at_one_zoom(compare):
    loop, viewer, first, second = compare
    viewer.zoom_by(3.0)
    viewer.fit()
    assert first.zoom() == pytest.approx(second.zoom())
    loop.run_until_complete(asyncio.sleep(0.05))
    for side in (first, second):
        shown = side.mapFromScene(side.sceneRect()).boundingRect()
        assert shown.width() <= side.viewport().width() + 1
        assert shown.height() <= side.viewport().height() + 1
    assert viewer.zoom_label.text() == _label(viewer, first.zoom())
