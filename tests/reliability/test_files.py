"""Files, through the real window against the built-in server: a full disk or a folder without
permission gives a plain message and leaves no partial file; Save As asks before overwriting;
dragged files never collide; an interrupted download leaves nothing half-written in the caches.

The disk failures are simulated by making the OS calls in desktop.services.export fail for the
chosen folder only (every other write, e.g. the caches, goes through untouched)."""

from __future__ import annotations

import errno
import os
import re
import tempfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from desktop.services import atomic_write
from desktop.services.filenames import safe_filename
from desktop.ui.history.actions import extension_for
from tests.reliability.harness import STUDIO, RunningApp, stray_partial_files

FULL = "Couldn't save the image. The disk is full. Free some space or choose another folder."
DENIED = (
    "Couldn't save the image. You don't have permission to save in this folder. Choose "
    "another folder."
)


@pytest.fixture(scope="module")
def world(qapp, tmp_path_factory, demo_server):
    server = demo_server
    root = tmp_path_factory.mktemp("files")
    app = RunningApp(qapp, server.api_url, server.token_url, root / "profile").start()
    app.settle()
    yield app, server, root
    app.close()


def _fail_in(monkeypatch, folder: Path, where: str, code: int) -> None:
    """Make creating (the temp file) or renaming into (os.replace) ``folder`` fail with ``code``."""
    folder = folder.resolve()
    if where == "replace":
        real = os.replace

        def replace(src, dst, *a, **kw):
            if Path(dst).resolve().parent == folder:
                raise OSError(code, os.strerror(code), str(dst))
            return real(src, dst, *a, **kw)

        monkeypatch.setattr("desktop.services.atomic_write.os.replace", replace)
    else:
        real_mkstemp = tempfile.mkstemp

        def mkstemp(*a, dir=None, **kw):
            if dir is not None and Path(dir).resolve() == folder:
                raise OSError(code, os.strerror(code), str(dir))
            return real_mkstemp(*a, dir=dir, **kw)

        monkeypatch.setattr("desktop.services.atomic_write.tempfile.mkstemp", mkstemp)
        # Files for the designer are created by _open_shared_temp (umask applies), not mkstemp.
        real_shared = atomic_write._open_shared_temp

        def open_shared(directory):
            if Path(directory).resolve() == folder:
                raise OSError(code, os.strerror(code), str(directory))
            return real_shared(directory)

        monkeypatch.setattr("desktop.services.atomic_write._open_shared_temp", open_shared)


@pytest.mark.parametrize(
    ("where", "code", "message"),
    [
        ("replace", errno.ENOSPC, FULL),
        ("replace", errno.EACCES, DENIED),
        ("create", errno.ENOSPC, FULL),
        ("create", errno.EACCES, DENIED),
    ],
)
def test_save_as_failure_says_why_and_leaves_no_partial_file(
    world, monkeypatch, tmp_path, where, code, message
):
    app, _server, _root = world
    item = app.window.history_model.item(0)
    folder = tmp_path / "out"
    folder.mkdir()
    existing = folder / "keep.png"
    existing.write_bytes(b"the designer's earlier file")
    _fail_in(monkeypatch, folder, where, code)
    app.messages.dismiss()
    for target in (folder / "new.png", existing):  # a new file, and overwriting one
        assert app.run(app.window.actions_._save_one(item, target)) is None
        assert app.shown_message() == ("error", message)
    assert sorted(p.name for p in folder.iterdir()) == ["keep.png"], "no partial file"
    assert existing.read_bytes() == b"the designer's earlier file"
    monkeypatch.undo()
    app.messages.dismiss()
    assert app.run(app.window.actions_._save_one(item, folder / "new.png")) == folder / "new.png"
    assert not QImage(str(folder / "new.png")).isNull()


def test_save_as_dialog_asks_before_overwriting(world):
    app, _server, _root = world
    item = app.window.history_model.item(0)
    app.window.actions_.save_as([item])  # opens once the image's bytes are at hand
    app.wait(lambda: app.window.actions_.save_dialog is not None)
    dialog = app.window.actions_.save_dialog
    try:
        assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
        assert not dialog.testOption(QFileDialog.Option.DontConfirmOverwrite)
        assert dialog.selectedFiles()[0].endswith(
            safe_filename(item.prompt, item.image_id, extension_for(item))
        )
    finally:
        dialog.reject()


def test_dragged_files_never_collide(world):
    app, server, _root = world
    model = app.window.history_model
    app.panel.prompt_edit.setPlainText("twin lighthouses")
    app.panel.num_images_spin.setValue(2)
    rows = model.rowCount()
    app.panel.generate_button.click()
    app.wait(lambda: model.rowCount() == rows + 2)
    app.settle()
    twins = [model.item(0), model.item(1)]
    assert twins[0].prompt == twins[1].prompt == "twin lighthouses"
    for item in twins:
        app.run(app.window.loader.ensure_original(item))
    first = app.window.drag_out.prepare(twins)
    second = app.window.drag_out.prepare(twins)
    assert first and second and len(first) == len(second) == 2
    assert len({p.name for p in first}) == 2, "same prompt, one drag: distinct names"
    files = [*first, *second]
    assert len({p.resolve() for p in files}) == 4, "a second drag never reuses a file"
    assert all(p.is_file() and not QImage(str(p)).isNull() for p in files)
    assert all(p.name.startswith("twin-lighthouses") for p in files)
    server.state.faults.clear()


def _cache_files(app: RunningApp) -> list[Path]:
    loader = app.window.loader
    return [
        p
        for root in (loader.originals.root, loader.thumbnails.root)
        for p in Path(root).rglob("*")
        if p.is_file()
    ]


@pytest.mark.parametrize("fault", ["drop", "truncated"])
def test_interrupted_download_leaves_no_partial_file_in_the_caches(world, tmp_path, fault):
    app, server, _root = world
    window = app.window
    items = window.history_model.items()[:3]
    window.loader.originals.clear()
    window.loader.thumbnails.clear()
    # Only this image's download fails (every retry of it); the others go through.
    server.state.faults.schedule(
        fault, path=re.escape(items[0].image_id) + "/view$", count=10, method="GET"
    )
    app.messages.dismiss()
    assert app.run(window.actions_._save_one(items[0], tmp_path / "x.png")) is None
    assert app.shown_message()[0] == "error"
    server.state.faults.clear()
    for item in items[1:]:  # these download fine afterwards
        app.run(window.loader.ensure_original(item))
    window.loader.request(items)
    app.settle()
    server.state.faults.clear()
    files = _cache_files(app)
    assert (
        stray_partial_files(Path(window.loader.originals.root), Path(window.loader.thumbnails.root))
        == []
    )
    assert len([p for p in files if p.suffix == ".bin"]) >= 2
    undecodable = [
        p.name for p in files if p.suffix == ".bin" and QImage.fromData(p.read_bytes()).isNull()
    ]
    assert undecodable == [], "every cached file is a complete image"
    assert not (tmp_path / "x.png").exists()
    assert server.state.history_ids(STUDIO)  # the server itself is fine
