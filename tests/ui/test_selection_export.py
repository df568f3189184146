"""Ctrl+A selects every image; the selection exports to a folder or a ZIP with its metadata
and a CSV/JSON sidecar; a second export never overwrites the first."""

from __future__ import annotations

import json
import zipfile

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


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
