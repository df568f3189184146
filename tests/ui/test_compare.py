"""Compare: two images side by side from the history's context menu, zoom and pan in step
whichever side the designer uses, and a zoom label that says what is on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.ui.app_harness import wait_until


def wheel(widget, up: bool) -> None:
    center = QPointF(widget.viewport().rect().center())
    event = QWheelEvent(
        center,
        QPointF(widget.viewport().mapToGlobal(QPoint(0, 0))) + center,
        QPoint(0, 0),
        QPoint(0, 120 if up else -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget.viewport(), event)


def _select_rows(view, rows):
    view.clearSelection()
    model = view.model()
    for row in rows:
        view.selectionModel().select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select)


def _menu_texts(view):
    return [a.text() for a in view.build_context_menu().actions() if not a.isSeparator()]


@pytest.fixture
def compare(signed_in):
    """The compare window of the two newest images, opened from the context menu."""
    loop, components = signed_in
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
    viewer.resize(900, 600)
    first, second = (pane.viewer for pane in viewer.panes)
    wait_until(loop, lambda: first.has_image() and second.has_image())
    yield loop, viewer, first, second
    viewer.close()


def _label(viewer, zoom):
    return f"{round(zoom * viewer.devicePixelRatioF() * 100)} %"


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
    for bar in ("horizontalScrollBar", "verticalScrollBar"):
        left, right = getattr(first, bar)(), getattr(second, bar)()
        assert right.maximum() > 20, "zoomed in far enough to pan"
        right.setValue(right.maximum() // 3)
        assert left.value() == right.value(), f"right → left ({bar})"
        left.setValue(left.maximum() // 2)
        assert right.value() == left.value(), f"left → right ({bar})"
