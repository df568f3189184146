"""Selecting images again by id (after a filter answer, an undone delete, "Select Them" after
an export): the designer sees the same images selected, and the window does not freeze when
they are many (one selection change, not one per image)."""

from __future__ import annotations

from desktop.api import HistoryItem
from desktop.ui.history.model import HistoryModel
from desktop.ui.history.reselect import select_ids
from desktop.ui.history.view import HistoryView


def _grid(qtbot, count: int) -> tuple[HistoryModel, HistoryView]:
    model = HistoryModel(thumb_size=96)
    model.set_items(HistoryItem(f"img-{n}", f"/view/img-{n}") for n in range(count))
    view = HistoryView(thumb_size=96)
    view.setModel(model)
    view.resize(700, 500)
    qtbot.addWidget(view)
    return model, view


def test_many_images_are_selected_in_one_change(qtbot):
    model, view = _grid(qtbot, 20_000)
    changes: list[object] = []
    view.selectionModel().selectionChanged.connect(lambda *_: changes.append(1))
    wanted = [f"img-{n}" for n in range(20_000) if n % 1000 != 999]  # 20 runs
    assert select_ids(view, [*wanted, "gone"], current="img-5000") == len(wanted)
    assert len(changes) == 1
    selected = {index.row() for index in view.selectionModel().selectedIndexes()}
    assert selected == {model.row_of(image_id) for image_id in wanted}
    assert view.currentIndex().row() == 5000


def test_nothing_shown_leaves_the_selection_alone(qtbot):
    _model, view = _grid(qtbot, 10)
    select_ids(view, ["img-3"])
    assert select_ids(view, ["gone"]) == 0
    assert [index.row() for index in view.selectionModel().selectedIndexes()] == [3]
    assert view.currentIndex().row() == 3
