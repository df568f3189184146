"""Drag-out hands other apps real full-size files with metadata, as a plain file-list drag."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import PySide6  # noqa: F401  (Qt binding first, then qasync)
import pytest
import qasync
from PIL import Image
from PySide6.QtCore import Qt

from desktop.api import HistoryItem, ImageData
from desktop.app.background import BackgroundRunner
from desktop.services.disk_cache import DiskCache
from desktop.services.filenames import safe_filename
from desktop.ui.common.thumbnail_loader import ThumbnailLoader
from desktop.ui.history.drag_out import (
    NOT_READY_MESSAGE,
    DragOut,
    build_drag_mime,
    missing_originals,
    prepare_drag_files,
)

WS = "ws-1"


def image_bytes(fmt: str, size=(640, 360)) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, "orange").save(buffer, fmt)
    return buffer.getvalue()


def item(image_id: str, prompt: str, content_type: str) -> HistoryItem:
    return HistoryItem(
        image_id=image_id,
        image_url=f"/api/ds-prototypes/image_generation/{image_id}/view",
        prompt=prompt,
        model="flux-pro",
        content_type=content_type,
        width=640,
        height=360,
        created_at=datetime(2025, 5, 1, 12, 0, tzinfo=UTC),
    )


@pytest.fixture
def originals(tmp_path):
    return DiskCache(tmp_path / "originals", 100_000_000)


def test_prepared_files_are_full_size_named_and_tagged(originals, tmp_path):
    png = item("a1b2c3d4-0000", "A red fox in snow", "image/png")
    jpg = item("e5f6a7b8-1111", "Neon city: night / rain", "image/jpeg")
    originals.put(f"{WS}/{png.image_id}", image_bytes("PNG"))
    originals.put(f"{WS}/{jpg.image_id}", image_bytes("JPEG"))

    paths = prepare_drag_files([png, jpg], originals, tmp_path / "drag", WS)

    assert [p.name for p in paths] == [
        safe_filename(png.prompt, png.image_id, "png"),
        safe_filename(jpg.prompt, jpg.image_id, "jpg"),
    ]
    assert all(p.is_file() and (tmp_path / "drag") in p.parents for p in paths)
    with Image.open(paths[0]) as im:
        assert im.format == "PNG" and im.size == (640, 360)  # the original, not a thumbnail
        assert any("A red fox in snow" in str(v) for v in im.info.values())
    with Image.open(paths[1]) as im:
        assert im.format == "JPEG" and im.size == (640, 360)
        assert "Neon city" in str(im.info.get("xmp", b""), "utf-8", "replace")

    again = prepare_drag_files([png], originals, tmp_path / "drag", WS)
    assert again[0].name == paths[0].name and again[0] != paths[0]  # clean name, no clobbering


def test_drag_mime_is_a_file_list_only(tmp_path):
    files = [tmp_path / "one.png", tmp_path / "two image.jpg"]
    for f in files:
        f.write_bytes(b"x")
    mime = build_drag_mime(files)
    assert mime.formats() == ["text/uri-list"]
    assert not mime.hasImage() and not mime.hasHtml()
    assert [Path(u.toLocalFile()) for u in mime.urls()] == [f.resolve() for f in files]


def test_uncached_original_is_fetched_and_user_told_to_drag_again(qapp, qtbot, tmp_path):
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    runner = BackgroundRunner(max_workers=2)
    calls: list[str] = []
    data = image_bytes("PNG")

    def fetch(i: HistoryItem) -> ImageData:
        calls.append(i.image_id)
        return ImageData(content=data, content_type="image/png")

    try:
        loader = ThumbnailLoader(
            runner,
            fetch,
            DiskCache(tmp_path / "t", 10_000_000),
            DiskCache(tmp_path / "o", 10_000_000),
            WS,
        )
        drag = DragOut(loader, tmp_path / "drag")
        target = item("f00d", "Sunset", "image/png")
        messages: list[str] = []
        drag.dragNotReady.connect(messages.append)

        assert drag.prepare([target]) is None
        assert messages == [NOT_READY_MESSAGE]

        async def until_cached() -> None:
            deadline = time.monotonic() + 10
            while loader.original_path(target) is None:
                assert time.monotonic() < deadline
                await asyncio.sleep(0.01)

        loop.run_until_complete(until_cached())
        assert calls == ["f00d"]
        assert missing_originals([target], loader.originals, WS) == []
        paths = drag.prepare([target])
        assert paths and paths[0].is_file() and paths[0].suffix == ".png"
    finally:
        runner.shutdown()
        loop.close()
        asyncio.set_event_loop(None)


def test_dragging_from_the_grid_offers_the_selected_originals(qapp, qtbot, originals, tmp_path):
    from desktop.ui.history.model import HistoryModel
    from desktop.ui.history.view import HistoryView

    runner = BackgroundRunner(max_workers=1)
    try:
        loader = ThumbnailLoader(runner, None, DiskCache(tmp_path / "t", 10_000_000), originals, WS)
        first = item("aaaa1111", "Blue whale", "image/png")
        second = item("bbbb2222", "Green hills", "image/jpeg")
        originals.put(f"{WS}/{first.image_id}", image_bytes("PNG"))
        originals.put(f"{WS}/{second.image_id}", image_bytes("JPEG"))
        model = HistoryModel(thumb_size=64)
        model.set_items([first, second])
        view = HistoryView(thumb_size=64)
        view.setModel(model)
        qtbot.addWidget(view)
        view.show()
        view.selectAll()
        drag = DragOut(loader, tmp_path / "drag")
        view.set_drag_out(drag)
        with qtbot.waitSignal(drag.dragFinished, timeout=5000) as blocker:
            view.startDrag(Qt.DropAction.CopyAction)
        paths = blocker.args[0]
        assert [p.suffix for p in paths] == [".png", ".jpg"]
        assert all(p.is_file() and p.stat().st_size > 1000 for p in paths)
    finally:
        runner.shutdown()
