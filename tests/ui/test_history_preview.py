"""The preview window: non-modal, shows the full-size original, readable details, Esc closes."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from io import BytesIO

import PySide6  # noqa: F401  (Qt binding first, then qasync)
import pytest
import qasync
from PIL import Image
from PySide6.QtCore import QSize, Qt

from desktop.api import HistoryItem, ImageData
from desktop.services.disk_cache import DiskCache
from desktop.ui.background import BackgroundRunner
from desktop.ui.preview_dialog import PreviewDialog
from desktop.ui.thumbnail_loader import ThumbnailLoader

ITEM = HistoryItem(
    image_id="p-1",
    image_url="/v/p-1",
    prompt="A lighthouse at dusk, " + "very detailed " * 20,
    model="flux-pro",
    width=640,
    height=360,
    created_at=datetime(2025, 5, 1, 12, 0, tzinfo=UTC),
)


@pytest.fixture
def env(qapp, tmp_path):
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    runner = BackgroundRunner(max_workers=2)
    yield loop, runner, tmp_path
    runner.shutdown()
    loop.close()
    asyncio.set_event_loop(None)


def make_loader(runner, tmp_path, fetch) -> ThumbnailLoader:
    return ThumbnailLoader(
        runner,
        fetch,
        DiskCache(tmp_path / "t", 10_000_000),
        DiskCache(tmp_path / "o", 10_000_000),
        "ws",
    )


def png_fetch(_item: HistoryItem) -> ImageData:
    buffer = BytesIO()
    Image.new("RGB", (640, 360), "navy").save(buffer, "PNG")
    return ImageData(content=buffer.getvalue(), content_type="image/png")


def spin(loop, condition, timeout: float = 10.0) -> None:
    async def wait() -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, "timed out"
            await asyncio.sleep(0.01)

    loop.run_until_complete(wait())


def test_preview_loads_full_image_and_closes_on_escape(env, qtbot):
    loop, runner, tmp_path = env
    dialog = PreviewDialog(ITEM, make_loader(runner, tmp_path, png_fetch))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.isModal()
    assert dialog.image.text() == "Loading…"
    assert (
        dialog.windowTitle().startswith("A lighthouse at dusk") and len(dialog.windowTitle()) <= 80
    )
    assert dialog.details.text().startswith("flux-pro · 640 × 360 · ")
    assert "2025" in dialog.details.text()

    spin(loop, lambda: dialog.image.pixmap() is not None)
    assert dialog.image.pixmap().size() == QSize(640, 360)  # the original, not a thumbnail
    dialog.resize(300, 260)
    frame = dialog.image.grab().toImage()
    assert frame.pixelColor(frame.width() // 2, frame.height() // 2).blue() > 100  # drawn, fitted

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_preview_explains_a_failed_download(env, qtbot):
    loop, runner, tmp_path = env

    def failing(_item: HistoryItem) -> ImageData:
        raise OSError("network is unreachable")

    dialog = PreviewDialog(ITEM, make_loader(runner, tmp_path, failing))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(dialog)
    dialog.show()
    spin(loop, lambda: dialog.image.text() != "Loading…")
    assert dialog.image.text().startswith("Couldn't load the image")
    assert dialog.image.pixmap() is None
