"""Ctrl+A selects every image; the selection exports to a folder or a ZIP with its metadata
and a CSV/JSON sidecar; a second export never overwrites the first."""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import subprocess
import threading
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from tests.ui.app_harness import wait_until


def test_select_all_then_export_to_folder_and_zip(signed_in, tmp_path):
    loop, components = signed_in
    window = components.window
    view = window.history_view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    items = view.selected_items()
    assert len(items) == window.history_model.rowCount() > 1

    export = window.selection_export
    folder = tmp_path / "out"
    task = components.session.spawn(export.export(items[:2], "folder", folder))
    report = loop.run_until_complete(task)
    assert len(report.written) == 2 and not report.failed
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 4  # two images, the CSV and the JSON sidecar
    assert sum(n.endswith(".csv") for n in names) == 1
    sidecar = next(p for p in folder.iterdir() if p.suffix == ".json")
    records = json.loads(sidecar.read_text("utf-8"))
    assert {r["image_id"] for r in records["images"]} == {i.image_id for i in items[:2]}
    assert "Exported 2 of 2 images" in window.messages.text()

    again = loop.run_until_complete(
        components.session.spawn(export.export(items[:2], "folder", folder))
    )
    assert len(list(folder.iterdir())) == 8  # new names, nothing overwritten
    assert set(again.written).isdisjoint(report.written)

    target = tmp_path / "images.zip"
    first = loop.run_until_complete(
        components.session.spawn(export.export(items[:3], "zip", target))
    )
    second = loop.run_until_complete(
        components.session.spawn(export.export(items[:1], "zip", target))
    )
    assert first.target == target and second.target != target  # the first one kept
    with zipfile.ZipFile(target) as archive:
        members = archive.namelist()
    assert len(members) == 5 and any(m.endswith(".csv") for m in members)


def _complete_images(folder: Path) -> list[str]:
    """Names of the image files in ``folder``, each opened and checked whole."""
    names = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".png", ".webp", ".jpg", ".jpeg"):
            with Image.open(path) as image:
                image.load()  # a truncated file raises here
            names.append(path.name)
    return names


def test_cancel_mid_way_keeps_whole_images_lists_them_and_says_so(signed_in, tmp_path):
    loop, components = signed_in
    window = components.window
    items = window.history_proxy.visible_items()[:4]
    export = window.selection_export
    real_fetch = export._fetch
    calls: list[str] = []
    gate = threading.Event()

    def slow_fetch(entry):
        calls.append(entry.item.image_id)
        if len(calls) == 2:
            gate.wait(10)  # the designer presses Cancel while the second image downloads
        return real_fetch(entry)

    export._fetch = slow_fetch
    folder = tmp_path / "out"
    task = components.session.spawn(export.export(items, "folder", folder))
    wait_until(loop, lambda: len(calls) == 2 and export.progress is not None)
    export.progress.findChild(QPushButton).click()  # the progress window's Cancel
    gate.set()
    report = loop.run_until_complete(task)
    assert report.cancelled and len(report.written) == 2
    assert _complete_images(folder) == sorted(report.written)
    assert not list(folder.glob(".neuroflash-*")), "a temporary file was left behind"
    sidecar = json.loads((folder / "neuroflash-export.json").read_text("utf-8"))
    assert [r["file"] for r in sidecar["images"]] == list(report.written)
    text = window.messages.text()
    assert "Export cancelled" in text and "2 of 4 images were saved" in text
    assert "Exported" not in text  # never told it is done
    assert not export.running


def test_cancelled_zip_leaves_nothing_and_says_so(signed_in, tmp_path):
    loop, components = signed_in
    window = components.window
    export = window.selection_export
    real_fetch = export._fetch

    def cancel_first(entry):
        export.progress.findChild(QPushButton).click()
        return real_fetch(entry)

    export._fetch = cancel_first
    items = window.history_proxy.visible_items()[:3]
    folder = tmp_path / "exports"
    report = loop.run_until_complete(
        components.session.spawn(export.export(items, "zip", folder / "a.zip"))
    )
    assert report.cancelled and report.target is None and list(folder.iterdir()) == []
    assert "no archive was made" in window.messages.text().lower()


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 160 KB file system (tmpfs), so the disk really fills up; needs root."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tiny file system needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", str(mount)],
        capture_output=True,
        timeout=10,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, timeout=10, check=False)


def _big_png(n: int) -> bytes:
    buf = io.BytesIO()
    Image.frombytes("RGB", (100, 100), random.Random(n).randbytes(30000)).save(buf, "PNG")
    return buf.getvalue()  # ~30 KB that does not compress: five fill the disk


def test_a_full_disk_stops_with_a_clear_message_and_overwrites_nothing(signed_in, tiny_disk):
    loop, components = signed_in
    window = components.window
    export = window.selection_export
    export._fetch = lambda entry: (_big_png(hash(entry.item.image_id) % 1000), "image/png")
    items = window.history_proxy.visible_items()[:6]
    keep = tiny_disk / "brief.txt"
    keep.write_text("the client's brief")
    report = loop.run_until_complete(
        components.session.spawn(export.export(items, "folder", tiny_disk))
    )
    assert report.error is not None and 0 < len(report.written) < 6
    assert keep.read_text() == "the client's brief"
    assert _complete_images(tiny_disk) == sorted(report.written)  # no half-written image
    assert not list(tiny_disk.glob(".neuroflash-*"))
    text = window.messages.text()
    assert "The disk is full. Free some space or choose another folder." in text
    assert f"{len(report.written)} of 6 images were saved in {tiny_disk}" in text
    assert window.messages.property("kind") == "error"  # it stays until dismissed

    # a ZIP onto the full disk: no archive, the older one of that name untouched
    for path in tiny_disk.glob("*.png"):
        path.unlink()
    older = tiny_disk / "images.zip"
    older.write_bytes(b"the older archive")
    report = loop.run_until_complete(components.session.spawn(export.export(items, "zip", older)))
    assert report.error is not None and report.target is None
    assert older.read_bytes() == b"the older archive"
    assert sorted(p.name for p in tiny_disk.iterdir() if p.suffix != ".txt") == [
        "images.zip",
        *sorted(p.name for p in tiny_disk.glob("neuroflash-export*")),
    ]
    assert "No archive was made" in window.messages.text()
    assert not export.running  # the app carries on: another export can start
