"""The session is the one place the history is de-duplicated: what it announces as added
is exactly what the grid must insert."""

from __future__ import annotations

from desktop.api import ApiSettings, HistoryItem
from desktop.app.background import BackgroundRunner
from desktop.app.session import Session


def _item(n: int) -> HistoryItem:
    return HistoryItem(f"img-{n}", f"/view/img-{n}")


def test_added_images_are_announced_once_each(qapp):
    runner = BackgroundRunner(1)
    session = Session(runner, ApiSettings())
    session.workspace_id = "ws"
    session.history = [_item(10)]
    announced: list[list[str]] = []
    session.historyAdded.connect(
        lambda items, _select: announced.append([i.image_id for i in items])
    )
    try:
        session.add_to_history("ws", [_item(1), _item(1), _item(10), _item(2)], select=True)
        session.add_to_history("other workspace", [_item(3)], select=True)
    finally:
        runner.shutdown()
    assert announced == [["img-1", "img-2"]]
    assert [item.image_id for item in session.history] == ["img-1", "img-2", "img-10"]
