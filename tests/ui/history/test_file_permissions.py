"""Files made for the designer (drag-out, Save As, export) follow the umask like any other
app's files, so a colleague can open one dropped into a shared folder; the app's own data
stays private. Still written atomically (no temp file left behind)."""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from desktop.api import HistoryItem
from desktop.services.atomic_write import write_atomic
from desktop.services.export import export_image
from desktop.ui.history.actions import _save_with_metadata, metadata_for
from desktop.ui.history.drag_out import prepare_drag_files

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")

ITEM = HistoryItem("img-1", "/view/img-1", prompt="a shared picture", content_type="image/png")


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, format="PNG")
    return buffer.getvalue()


class Originals:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def get(self, key: str) -> bytes | None:
        return self.data


@pytest.fixture(params=[0o022, 0o027])
def umask(request) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".part")]


def test_save_as_export_and_drag_out_follow_the_umask(umask, tmp_path):
    expected = 0o666 & ~umask  # 0644 under umask 022
    data = _png()
    source = tmp_path / "original.png"
    source.write_bytes(data)

    saved = tmp_path / "saved.png"
    _save_with_metadata(source, saved, metadata_for(ITEM))  # Save As
    exported = export_image(data, "image/png", metadata_for(ITEM), tmp_path)  # Save to folder
    (dragged,) = prepare_drag_files([ITEM], Originals(data), tmp_path / "drag", "ws")

    assert {path.name: _mode(path) for path in (saved, exported, dragged)} == {
        path.name: expected for path in (saved, exported, dragged)
    }
    assert _no_temp_files(tmp_path)


def test_the_apps_own_files_stay_private(umask, tmp_path):
    write_atomic(tmp_path / "history.json", b"{}")
    assert _mode(tmp_path / "history.json") == 0o600
