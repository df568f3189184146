"""Opening, saving and copying an 8000×8000 image leave the GUI thread free.

Decoding, embedding metadata, writing with fsync and reading for the clipboard run on the
app's pool (QImageReader on a file path releases the GIL while it decodes). A 5 ms heartbeat
timer on the GUI thread records the gaps between its beats; the issue asks that the worst
stays under 50 ms, the one timed check it asks for.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any, cast

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QWidget

from desktop.api import HistoryItem
from desktop.app.background import BackgroundRunner
from desktop.ui.history.actions import ImageActions
from desktop.ui.viewer import window as viewer_window
from tests.ui.app_harness import make_loop

SIDE = 8000
WORST_GAP_S = 0.050


class Heartbeat:
    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._beat)
        self.last = time.perf_counter()
        self.worst = 0.0

    def _beat(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()


class CachedOriginals:
    """The part of the thumbnail loader the actions use: the original is already on disk."""

    def __init__(self, path: Path, runner: BackgroundRunner) -> None:
        self.path = path
        self.runner = runner

    async def ensure_original(self, item: HistoryItem) -> Path:
        return self.path


class Messages:
    def __init__(self) -> None:
        self.notes: list[str] = []
        self.errors: list[str] = []

    def show_note(self, text: str, *args: Any, **kwargs: Any) -> None:
        self.notes.append(text)

    def show_error(self, text: str, *args: Any, **kwargs: Any) -> None:
        self.errors.append(text)


@pytest.fixture(scope="module")
def big_jpeg(tmp_path_factory) -> Path:
    image = QImage(SIDE, SIDE, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    with QPainter(image) as painter:  # some structure, so the file is not trivially small
        for i in range(0, SIDE, 500):
            painter.fillRect(i, 0, 250, SIDE, QColor(i % 256, 80, 160))
    path = tmp_path_factory.mktemp("big") / "big.jpg"
    assert image.save(str(path), "JPEG", 90)
    return path


def test_open_save_and_copy_a_huge_image_keep_the_gui_beating(qapp, big_jpeg, tmp_path):
    loop = make_loop(qapp)
    runner = BackgroundRunner(2)
    item = HistoryItem("big", "/view/big", prompt="a very large picture", content_type="image/jpeg")
    window = QWidget()
    messages = Messages()
    actions = ImageActions(
        window,
        cast(Any, None),  # the session: not needed for save and copy
        cast(Any, CachedOriginals(big_jpeg, runner)),
        cast(Any, None),
        cast(Any, messages),
    )
    heartbeat = Heartbeat()
    target = tmp_path / "saved.jpg"
    (tmp_path / "exported").mkdir()

    async def scenario() -> QImage:
        heartbeat.start()
        await asyncio.sleep(0.05)
        opened = await runner.run(viewer_window._decode_file, big_jpeg)  # the viewer's decode
        await actions._save_one(item, target)
        await actions._save_many([item], tmp_path / "exported")
        await actions._decode_then_copy(item)  # what Copy Image runs
        await asyncio.sleep(0.05)
        heartbeat.timer.stop()
        print(f"worst gap {heartbeat.worst * 1000:.1f} ms")
        return opened

    try:
        opened = loop.run_until_complete(scenario())
    finally:
        runner.shutdown()
        loop.close()
    assert (opened.width(), opened.height()) == (SIDE, SIDE)
    assert messages.errors == []
    assert target.stat().st_size > 0
    assert len(list((tmp_path / "exported").iterdir())) == 1
    assert QGuiApplication.clipboard().image().width() == SIDE
    assert heartbeat.worst < WORST_GAP_S, f"the GUI thread stalled {heartbeat.worst * 1000:.0f} ms"
