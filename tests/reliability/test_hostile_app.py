"""The real window against a hostile server (the built-in one behind tests/reliability/
hostile_front.py): a decompression-bomb picture, numbers that overflow Qt integers, HTML in
server text and an `output_format` of "exe" each reach the app, which stays calm about them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.api.recorder import Answer, Seen
from tests.reliability.harness import STUDIO, RunningApp
from tests.reliability.hostile_front import hostile_front, rewrite_json
from tests.reliability.test_hostile_server import JSON, _png_bomb

HTML_PROMPT = "<b>bold</b> & <a href='https://example.com'>a link</a>"
HTML_ERROR = "<b>refused</b> <a href='https://example.com'>see here</a>"
QT_INT_MAX = 2**31 - 1


@pytest.fixture(scope="module")
def world(qapp, tmp_path_factory, demo_server):
    server = demo_server
    ids = server.state.history_ids(STUDIO)
    odd, bomb = ids[0], ids[1]

    def override(seen: Seen, upstream: Any) -> Answer | None:
        path = seen.path.split("?", 1)[0]
        if path.endswith("/ds-prototypes/history") and seen.method == "GET":

            def spoil(data: dict) -> None:
                for rec in data["items"]:
                    if rec.get("output_image_id") == odd:
                        rec["output_format"], rec["prompt"] = "exe", HTML_PROMPT

            return rewrite_json(upstream(), spoil)
        if path.endswith(f"/{bomb}/view"):
            return 200, {"Content-Type": "image/png"}, _png_bomb(12000, 12000)
        if path.endswith("/quotas"):
            quota = {
                "usageTypeKey": "images",
                "availableAmount": 10**30,
                "limitAmount": 2**40,
                "usedAmount": 3,
                "limitAmountDaily": 10**15,
                "usedAmountDaily": 1,
            }
            return 200, JSON, json.dumps(quota).encode()
        if path.endswith("/image_generation/models"):

            def describe(data: Any) -> None:
                records = data if isinstance(data, list) else data["data"]
                for rec in records:
                    rec["description"] = HTML_ERROR

            return rewrite_json(upstream(), describe)
        if path.endswith("/image_generation/") and seen.method == "POST":
            body = {"detail": [{"loc": ["body", "prompt"], "msg": HTML_ERROR}]}
            return 422, JSON, json.dumps(body).encode()
        if seen.method == "DELETE":
            body = {"detail": [{"loc": ["path", "id"], "msg": HTML_ERROR}]}
            return 422, JSON, json.dumps(body).encode()
        return None

    failures: dict[str, str] = {}
    with hostile_front(f"http://127.0.0.1:{server.port}", override) as front:
        root = tmp_path_factory.mktemp("hostile")
        app = RunningApp(qapp, front.url + "/api", front.url + "/oauth/v2/token", root / "profile")
        app.window.loader.thumbnailFailed.connect(failures.__setitem__)
        app.start()
        try:
            yield app, odd, bomb, failures
        finally:
            app.close()


def _item(app: RunningApp, image_id: str):
    model = app.window.history_model
    return next(
        model.item(r) for r in range(model.rowCount()) if model.item(r).image_id == image_id
    )


def test_bomb_thumbnail_fails_with_a_message_and_the_others_load(world):
    app, _odd, bomb, failures = world
    app.wait(lambda: bomb in failures)
    assert failures[bomb] == (
        "This image is far larger than any real one, so the app did not open it."
    )
    app.settle()
    assert list(failures) == [bomb]


def test_quota_panel_shows_numbers_too_big_for_qt(world):
    app, *_ = world
    panel = app.window.quota_panel
    app.wait(lambda: panel.quota is not None)
    assert panel.quota.available == panel.quota.limit == QT_INT_MAX
    assert (
        panel.available_label.text().replace(",", "").replace(".", "").startswith(str(QT_INT_MAX))
    )


def test_save_as_suggests_the_extension_of_the_bytes(world):
    app, odd, *_ = world
    item = _item(app, odd)
    assert item.output_format == "exe"
    app.window.actions_.save_as([item])
    app.wait(lambda: app.window.actions_.save_dialog is not None)
    dialog = app.window.actions_.save_dialog
    try:
        name = dialog.selectedFiles()[0]
        real = app.window.loader.original_path(item).read_bytes()[:4]
        assert not name.endswith(".exe")
        assert name.endswith(".png" if real.startswith(b"\x89PNG") else (".jpg", ".webp"))
    finally:
        dialog.reject()


def test_viewer_caption_shows_markup_in_a_prompt_literally(world):
    app, odd, *_ = world
    viewer = app.window.open_preview([_item(app, odd)])
    try:
        caption = viewer.panes[0].caption
        assert caption.text() == HTML_PROMPT
        assert caption.textFormat() == Qt.TextFormat.PlainText
    finally:
        viewer.close()


def test_message_bar_shows_markup_in_a_server_error_literally(world):
    app, odd, *_ = world
    app.session.undoable_deletes.undo_seconds = 0.2  # the DELETE goes out after Undo's time
    box = app.window.actions_.delete([_item(app, odd)])
    next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    ).click()
    app.wait(lambda: HTML_ERROR in app.messages.text())
    assert app.messages.label.textFormat() == Qt.TextFormat.PlainText


def test_model_description_and_generate_error_show_markup_literally(world):
    app, *_ = world
    panel = app.panel
    app.wait(lambda: panel.model_description.text() == HTML_ERROR)
    assert panel.model_description.textFormat() == Qt.TextFormat.PlainText
    panel.prompt_edit.setPlainText("a lighthouse")
    panel.generate_button.click()
    app.wait(lambda: HTML_ERROR in panel.message_label.text())
    assert panel.message_label.textFormat() == Qt.TextFormat.PlainText
