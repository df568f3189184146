"""Bring your own image (issue 14) in the app: import by drop, paste and File → Import…, the
mask editor and masked edit, and upscale — each a job of today's queue, against the built-in
server in both task modes (finished answers, and pending images that are polled)."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from desktop.app.job_queue import JobStatus
from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, EmulatorConfig, start_server
from tests.ui.app_harness import close_components, make_components, make_loop, wait_until


def png_bytes(width: int = 64, height: int = 48, colour=(200, 40, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(params=[False, True], ids=["finished", "polled"])
def app(request, qapp, tmp_path, monkeypatch):
    """(loop, components, server) signed in; in the polled mode tasks answer pending images."""
    server = start_server(EmulatorConfig(async_tasks=request.param, task_delay_s=0.3))
    monkeypatch.setenv("NEUROFLASH_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("NEUROFLASH_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    loop = make_loop(qapp)
    components = make_components(server.api_url, server.token_url, tmp_path / "profile")
    window = components.window
    window.show()
    components.session.spawn(components.flow.start(demo=False))
    wait_until(loop, lambda: window.history_model.rowCount() > 0)
    wait_until(loop, lambda: window.quota_panel.quota is not None)
    wait_until(loop, lambda: bool(components.session.models))
    try:
        yield loop, components, server
    finally:
        close_components(components, loop)
        loop.close()
        server.stop()


def _byo_jobs(components):
    return [job for job in components.window.job.queue.jobs() if job.run is not None]


def _settled(components, count: int) -> bool:
    jobs = _byo_jobs(components)
    return len(jobs) >= count and not any(job.active for job in jobs)


def _files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "good.png": png_bytes(),
        "second.png": png_bytes(30, 20, (10, 120, 200)),
        "notes.txt": b"just some words, not a picture",
        "photo.heic": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00heicmif1" + b"\x00" * 64,
    }
    paths = {}
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths[name] = path
    return paths


def _check_import(loop, components, paths: dict[str, Path]) -> None:
    wait_until(loop, lambda: _settled(components, len(paths)))
    jobs = {job.prompt: job for job in _byo_jobs(components)}
    assert jobs["good.png"].status is JobStatus.DONE
    assert jobs["second.png"].status is JobStatus.DONE
    assert jobs["notes.txt"].status is JobStatus.FAILED
    assert jobs["photo.heic"].status is JobStatus.FAILED
    assert "HEIC" in jobs["photo.heic"].status_text()
    assert "image" in jobs["notes.txt"].status_text().lower()
    model = components.window.history_model
    imported = [
        model.item(r) for r in range(model.rowCount()) if model.item(r).image_kind == "imported"
    ]
    assert {(i.width, i.height) for i in imported} == {(64, 48), (30, 20)}
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "Imported" in tip, "the grid says the image was imported"


def test_dropped_files_import_and_bad_ones_say_why(app, tmp_path):
    loop, components, _server = app
    window = components.window
    paths = _files(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths.values()])
    # As a file manager's drag does: enter (the window says it takes them), then drop.
    enter = QDragEnterEvent(
        QPoint(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    _check_import(loop, components, paths)


def test_file_import_dialog_imports_the_chosen_files(app, tmp_path):
    loop, components, _server = app
    paths = _files(tmp_path)
    dialog = components.window.byo.open_import_dialog()
    dialog.filesSelected.emit([str(p) for p in paths.values()])
    dialog.close()
    _check_import(loop, components, paths)


def test_pasted_image_and_copied_files_import(app, tmp_path):
    loop, components, _server = app
    window = components.window
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    QGuiApplication.clipboard().setImage(image)
    window.history_view.setFocus()
    window.byo.paste_action.trigger()
    wait_until(loop, lambda: _settled(components, 1))
    model = window.history_model
    assert model.item(0).image_kind == "imported"
    assert (model.item(0).width, model.item(0).height) == (40, 30)
    good = tmp_path / "copied.png"
    good.write_bytes(png_bytes(22, 11))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good))])
    QGuiApplication.clipboard().setMimeData(mime)
    window.byo.paste_action.trigger()
    wait_until(loop, lambda: _settled(components, 2))
    assert (model.item(0).width, model.item(0).height) == (22, 11)


def _press(widget, pos: QPoint, kind) -> None:
    from PySide6.QtGui import QMouseEvent

    event = QMouseEvent(
        kind,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def _imported(loop, components, tmp_path, data: bytes):
    path = tmp_path / "source.png"
    path.write_bytes(data)
    components.window.byo.import_files([path])
    wait_until(loop, lambda: _settled(components, 1))
    item = components.window.history_model.item(0)
    assert item.image_kind == "imported"
    return item


def test_mask_editor_strokes_undo_invert_and_the_edit_honours_the_mask(app, tmp_path):
    loop, components, _server = app
    window = components.window
    source = Image.new("RGB", (120, 80), (30, 160, 90))
    buffer = io.BytesIO()
    source.save(buffer, "PNG")
    item = _imported(loop, components, tmp_path, buffer.getvalue())
    window.byo.open_mask_editor(item)
    wait_until(loop, lambda: window.byo.mask_dialog is not None)
    dialog = window.byo.mask_dialog
    canvas = dialog.canvas
    dialog.resize(900, 600)
    loop.run_until_complete(asyncio.sleep(0.05))
    assert canvas.is_empty() and not dialog.send_button.isEnabled()
    # A stroke with the mouse over the left part of the image.
    canvas.brush_size = 20
    start = canvas.offset + QPointF(10, 40) * canvas.zoom
    end = canvas.offset + QPointF(40, 40) * canvas.zoom
    _press(canvas, start.toPoint(), _event_type("press"))
    _press(canvas, end.toPoint(), _event_type("move"))
    _press(canvas, end.toPoint(), _event_type("release"))
    assert canvas.mask_image.pixelColor(25, 40).value() == 255
    assert canvas.mask_image.pixelColor(100, 40).value() == 0
    dialog.undo_button.click()
    assert canvas.is_empty()
    dialog.redo_button.click()
    assert canvas.mask_image.pixelColor(25, 40).value() == 255
    dialog.invert_button.click()
    assert canvas.mask_image.pixelColor(25, 40).value() == 0
    assert canvas.mask_image.pixelColor(100, 40).value() == 255
    dialog.invert_button.click()
    assert "1 credit" in dialog.cost_label.text()
    dialog.prompt_edit.setText("make it a red flower")
    assert dialog.send_button.isEnabled()
    mask_png = dialog.mask_png()
    dialog.send_button.click()
    wait_until(loop, lambda: _settled(components, 2))
    edit_job = _byo_jobs(components)[0]
    assert edit_job.status is JobStatus.DONE, edit_job.status_text()
    result = edit_job.result.images[0]
    # The server's result changed inside the painted area and nowhere else.
    content = components.session._client.download_image(
        components.session.workspace_id, result.image_url
    )
    after = Image.open(io.BytesIO(content.content)).convert("RGB")
    mask = Image.open(io.BytesIO(mask_png)).convert("L")
    assert after.size == (120, 80)
    assert after.getpixel((100, 40)) == (30, 160, 90), "unpainted pixels stay as they were"
    assert after.getpixel((25, 40)) != (30, 160, 90), "painted pixels change"
    assert mask.getpixel((25, 40)) == 255 and mask.getpixel((100, 40)) == 0
    # The mask is kept for this image: opening the editor again shows it painted.
    window.byo.open_mask_editor(item)
    wait_until(
        loop, lambda: window.byo.mask_dialog is not None and window.byo.mask_dialog is not dialog
    )
    again = window.byo.mask_dialog.canvas
    assert again.mask_image.pixelColor(25, 40).value() == 255 and not again.is_empty()
    window.byo.mask_dialog.close()


def _event_type(name: str):
    from PySide6.QtCore import QEvent

    return {
        "press": QEvent.Type.MouseButtonPress,
        "move": QEvent.Type.MouseMove,
        "release": QEvent.Type.MouseButtonRelease,
    }[name]


@pytest.mark.parametrize("scale", [2, 4])
def test_upscale_from_the_menu_shows_the_cost_and_makes_an_exact_multiple(app, tmp_path, scale):
    loop, components, _server = app
    window = components.window
    item = _imported(loop, components, tmp_path, png_bytes(50, 30))
    view = window.history_view
    view.select_image(item.image_id)
    texts = {a.objectName(): a for a in view.build_context_menu().actions()}
    action = texts[f"upscale{scale}Action"]
    assert action.isEnabled()
    assert f"Upscale {scale}×" in action.text() and "1 credit" in action.text()
    before = window.quota_panel.quota.remaining
    action.trigger()
    wait_until(loop, lambda: _settled(components, 2))
    job = _byo_jobs(components)[0]
    assert job.status is JobStatus.DONE, job.status_text()
    made = window.history_model.item(0)
    assert made.image_kind == "upscaled"
    assert (made.width, made.height) == (50 * scale, 30 * scale)
    wait_until(loop, lambda: window.quota_panel.quota.remaining == before - 1)
    # The viewer offers the Before toggle on the result (its source), and upscales too.
    viewer = window.open_preview([made])
    labels = [button.text() for button in viewer.action_buttons]
    assert "Upscale…" in labels and "Edit Part…" in labels
    menu = window.byo.upscale_menu([made])
    assert [a.text() for a in menu.actions()] == ["Upscale 2× (1 credit)", "Upscale 4× (1 credit)"]
    menu.close()
    assert viewer.before_after is not None
    viewer.before_after.item_shown(made)
    assert not viewer.before_after.button.isHidden()
    viewer.close()


def test_stop_waiting_for_an_upscale_says_it_still_arrives(app, tmp_path):
    loop, components, server = app
    if not server.state.config.async_tasks:
        pytest.skip("only a polled task can be left running")
    window = components.window
    item = _imported(loop, components, tmp_path, png_bytes(40, 40))
    window.byo.upscale([item], 2)
    job = _byo_jobs(components)[0]
    wait_until(loop, lambda: job.status is JobStatus.RUNNING)
    window.job.queue.cancel(job)
    assert "still arrive" in job.status_text()
    wait_until(loop, lambda: not window.byo.jobs._cancels, timeout=5)
    wait_until(
        loop,
        lambda: any(
            window.history_model.item(r).image_kind == "upscaled"
            for r in range(window.history_model.rowCount())
        ),
    )


def test_a_workspace_without_image_tools_disables_them_with_the_reason(app):
    loop, components, _server = app
    from desktop.emulator.demo_data import TEXT_ONLY_WORKSPACE_ID

    window = components.window
    item = window.history_model.item(0)
    window.choose_workspace(TEXT_ONLY_WORKSPACE_ID)
    wait_until(loop, lambda: components.session.workspace_id == TEXT_ONLY_WORKSPACE_ID)
    loop.run_until_complete(components.session.refresh_models())
    actions = window.byo.menu_actions([item])
    assert actions and not any(action.isEnabled() for action in actions)
    assert all("(" in action.text() for action in actions), "each says why"
    assert window.byo.viewer_buttons() == []
    window.byo.import_files([Path("whatever.png")])
    assert not _byo_jobs(components), "nothing is sent"
    assert window.messages.isVisible()


def test_ctrl_v_in_the_prompt_pastes_text_not_an_import(app):
    from PySide6.QtTest import QTest

    loop, components, _server = app
    window = components.window
    QGuiApplication.clipboard().setText("a lighthouse at night")
    prompt = window.generate_panel.prompt_edit
    window.activateWindow()
    prompt.setFocus()
    QTest.keyClick(prompt, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    loop.run_until_complete(asyncio.sleep(0.1))
    assert "a lighthouse at night" in prompt.toPlainText()
    assert not _byo_jobs(components)


def test_the_mask_canvas_keeps_the_widget_mask_api(qapp):
    """The painted mask used to be stored as `canvas.mask`, hiding QWidget.mask(): any code
    asking the widget for its shape got a QImage back and failed calling it."""
    from PySide6.QtGui import QRegion

    from desktop.ui.mask.canvas import MaskCanvas

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0)
    canvas = MaskCanvas(image)
    assert isinstance(canvas.mask(), QRegion)
    assert canvas.mask_image.size() == image.size() and canvas.is_empty()
    canvas.deleteLater()
