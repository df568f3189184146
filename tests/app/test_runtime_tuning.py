"""The garbage-collector policy lives with the start-up tuning, not in the grid's model."""

from __future__ import annotations

import gc

from desktop.api import HistoryItem
from desktop.app.runtime_tuning import LARGE_HISTORY, freeze_large_history


def _history(count: int) -> list[HistoryItem]:
    return [HistoryItem(f"id-{i}", f"/view/id-{i}") for i in range(count)]


def test_the_grid_model_leaves_the_collector_alone(qapp):
    from desktop.ui.history.model import HistoryModel

    gc.unfreeze()
    model = HistoryModel()
    model.set_items(_history(LARGE_HISTORY + 1))
    assert gc.get_freeze_count() == 0


def test_a_large_history_is_frozen_a_small_one_is_not():
    gc.unfreeze()
    freeze_large_history(_history(10))
    assert gc.get_freeze_count() == 0
    freeze_large_history(_history(LARGE_HISTORY))
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
