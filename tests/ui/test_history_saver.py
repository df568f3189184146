"""The offline copy of the history: written after a quiet moment, once per burst, everything
pending at quit, and never an older copy over a newer one."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from desktop.api import HistoryItem
from desktop.app.background import BackgroundRunner
from desktop.app.history_saver import HistorySaver
from desktop.services.history_store import HistoryStore

WS = "ws-studio"


def items(*names: str) -> list[HistoryItem]:
    return [HistoryItem(image_id=name, image_url=f"/v/{name}", prompt=name) for name in names]


class CountingStore(HistoryStore):
    """A real store on disk that counts its history writes."""

    def __init__(self, root) -> None:
        super().__init__(root)
        self.writes = 0
        self._count_lock = threading.Lock()

    def save_history(self, workspace_id, history) -> None:
        super().save_history(workspace_id, history)
        with self._count_lock:
            self.writes += 1


@pytest.fixture
def runner():
    r = BackgroundRunner(max_workers=1)
    yield r
    r.shutdown()


def saved(store: HistoryStore) -> list[str]:
    return [item.image_id for item in store.history(WS)]


def wait(loop, seconds: float) -> None:
    loop.run_until_complete(asyncio.sleep(seconds))


def test_a_burst_of_changes_is_written_once_after_a_quiet_moment(loop, runner, tmp_path):
    store = CountingStore(tmp_path)
    saver = HistorySaver(store, runner, asyncio.ensure_future, delay_ms=150)
    saver.changed(WS, items("a"))
    saver.changed(WS, items("b", "a"))
    saver.changed(WS, items("c", "b", "a"))
    wait(loop, 0.05)
    assert store.writes == 0 and saved(store) == []  # not while things are still changing
    wait(loop, 0.4)
    assert store.writes == 1 and saved(store) == ["c", "b", "a"]
    assert not saver.pending()


def test_quitting_writes_what_is_pending_and_an_older_copy_never_wins(loop, runner, tmp_path):
    store = CountingStore(tmp_path)
    saver = HistorySaver(store, runner, asyncio.ensure_future, delay_ms=10_000)
    busy = asyncio.ensure_future(runner.run(time.sleep, 0.3))  # the only worker is busy
    wait(loop, 0.02)
    saver.changed(WS, items("old"))
    saver.save_now()  # queued behind the busy worker
    saver.changed(WS, items("new", "old"))
    saver.flush()  # quitting: written here and now
    assert saved(store) == ["new", "old"]
    loop.run_until_complete(busy)
    wait(loop, 0.2)  # the queued older write runs now, and must not replace the newer copy
    assert saved(store) == ["new", "old"]
    assert store.writes == 1
