"""Edits keep where they came from: the edit dialog shows the source and takes the edit API's
choices, Copy Prompt and Use These Settings give the whole prompt chain (also after the source
is deleted and the app restarted), and the viewer shows the image before the edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from desktop.emulator.demo_data import STUDIO_WORKSPACE_ID
from tests.ui.app_harness import close_components, make_components, wait_until

INSTRUCTION = "Make the background deep navy blue"


@pytest.fixture
def app(signed_in):
    return signed_in


def _edit(loop, window, source, instruction, ratio=None, count=1, fmt=None):
    """Edit ``source`` through the dialog; returns the new history items (newest first)."""
    rows = window.history_model.rowCount()
    dialog = window.actions_.edit([source])
    dialog.prompt_edit.setPlainText(instruction)
    if ratio:
        dialog.ratio_combo.setCurrentIndex(dialog.ratio_combo.findData(ratio))
    if fmt:
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
    dialog.count_spin.setValue(count)
    dialog.edit_button.click()
    wait_until(loop, lambda: window.history_model.rowCount() == rows + count)
    return [window.history_model.item(row) for row in range(count)]


def test_edit_dialog_shows_the_source_and_takes_model_count_ratio_and_format(app, emulator):
    loop, components = app
    window = components.window
    source = window.history_model.item(0)
    before = emulator.state.quota(STUDIO_WORKSPACE_ID)["availableAmount"]

    dialog = window.actions_.edit([source])
    # a real preview: the original, not a 120 px stub of the thumbnail
    wait_until(
        loop,
        lambda: (
            dialog.preview.pixmap() is not None
            and not dialog.preview.pixmap().isNull()
            and max(
                dialog.preview.pixmap().deviceIndependentSize().toSize().width(),
                dialog.preview.pixmap().deviceIndependentSize().toSize().height(),
            )
            >= 200
        ),
    )
    assert source.prompt[:40] in dialog.source_label.text()
    models = [dialog.model_combo.itemData(i) for i in range(dialog.model_combo.count())]
    edit_capable = [m.id for m in components.session.models if m.supports_edit and m.allowed]
    assert models == edit_capable, "only models that can edit, and that the plan allows"
    assert dialog.ratio_combo.currentData() == source.aspect_ratio, "the source's ratio first"
    dialog.prompt_edit.setPlainText("Turn it into a watercolour")
    dialog.count_spin.setValue(2)
    assert "2 credits" in dialog.reason_label.text()
    dialog.ratio_combo.setCurrentIndex(dialog.ratio_combo.findData("16:9"))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("jpeg"))
    rows = window.history_model.rowCount()
    dialog.edit_button.click()

    wait_until(loop, lambda: window.history_model.rowCount() == rows + 2)
    made = [window.history_model.item(row) for row in range(2)]
    for item in made:
        assert item.aspect_ratio == "16:9" and item.width > item.height
        assert item.content_type == "image/jpeg"
        assert item.kind == "image2image"
    assert emulator.state.quota(STUDIO_WORKSPACE_ID)["availableAmount"] == before - 2


def test_copy_prompt_and_use_settings_of_an_edit_give_the_whole_chain(app):
    loop, components = app
    window = components.window
    source = window.history_model.item(0)
    (edited,) = _edit(loop, window, source, INSTRUCTION, ratio="16:9")
    (again,) = _edit(loop, window, edited, "Add a full moon")

    window.history_view.select_image(again.image_id)
    window.history_view.copy_prompt_action.trigger()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(source.prompt), copied
    assert f"Edit: {INSTRUCTION}" in copied and copied.endswith("Edit: Add a full moon")

    window.history_view.select_image(edited.image_id)
    window.history_view.use_settings_action.trigger()
    panel = window.generate_panel
    assert panel.prompt_edit.toPlainText() == source.prompt, "the source's prompt, not the edit"
    assert panel.aspect_ratio_combo.currentData() == "16:9", "the edit's own settings"


def test_the_chain_survives_deleting_the_source_and_a_restart(app, emulator, qapp, tmp_path):
    loop, components = app
    window = components.window
    source = window.history_model.item(0)
    (edited,) = _edit(loop, window, source, INSTRUCTION)
    box = window.actions_.delete([source])
    next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    ).click()
    wait_until(loop, lambda: window.history_model.row_of(source.image_id) < 0)
    assert window.actions_.prompt_text(edited).startswith(source.prompt)
    origins = components.paths.data_dir / "edit-origins.json"
    wait_until(loop, lambda: origins.exists() and edited.image_id in origins.read_text())

    again = make_components(emulator.api_url, emulator.token_url, tmp_path / "profile")
    try:
        again.session.spawn(again.flow.start(demo=False))
        wait_until(loop, lambda: again.window.history_model.row_of(edited.image_id) >= 0)
        row = again.window.history_model.row_of(edited.image_id)
        item = again.window.history_model.item(row)
        wait_until(loop, lambda: again.window.actions_.chain(item)[0] == source.prompt)
        assert again.window.actions_.chain(item) == [source.prompt, INSTRUCTION]
    finally:
        close_components(again, loop)


def test_viewer_shows_the_image_before_the_edit(app):
    loop, components = app
    window = components.window
    source = window.history_model.item(0)
    assert source.aspect_ratio != "16:9"
    (edited,) = _edit(loop, window, source, INSTRUCTION, ratio="16:9")

    viewer = window.open_preview([edited])
    pane = viewer.panes[0]
    wait_until(loop, pane.viewer.has_image)
    toggle = viewer.before_after.button
    assert toggle.isVisible(), "an edit offers Before / After"
    story = viewer.before_after.story.text()
    assert INSTRUCTION in story and source.prompt[:40] in story
    after_size = pane.viewer._item.pixmap().size()
    assert after_size.width() > after_size.height()

    toggle.click()
    wait_until(loop, lambda: pane.viewer._item.pixmap().size() != after_size)
    shown = pane.viewer._item.pixmap().size()
    assert (shown.width(), shown.height()) == (source.width, source.height)
    assert pane.status.text().startswith("Before the edit") and not pane.status.isHidden()
    toggle.click()
    assert pane.viewer._item.pixmap().size() == after_size
    assert pane.status.isHidden()
    viewer.activateWindow()
    QTest.keyClick(viewer, Qt.Key.Key_B)
    assert toggle.isChecked(), "B switches to the image before the edit"
    assert pane.viewer._item.pixmap().size() == shown, "already loaded: shown at once"
    viewer.close()

    plain = window.open_preview([source])
    wait_until(loop, plain.panes[0].viewer.has_image)
    assert not plain.before_after.button.isVisible(), "a generated image has no Before"
    plain.close()


def test_edit_dialog_without_models_sends_neuroflash_defaults(qtbot):
    from desktop.api import HistoryItem, view_path
    from desktop.ui.history.edit_dialog import EditDialog

    item = HistoryItem("img-1", view_path("img-1"), prompt="A fox", aspect_ratio="1:1")
    dialog = EditDialog(item, None, models=[])
    qtbot.addWidget(dialog)
    dialog.prompt_edit.setPlainText("  make it snow ")
    options = dialog.options_request()
    assert (options.model, options.aspect_ratio, options.output_format) == (None, None, None)
    assert options.prompt == "make it snow" and options.num_images == 1
    assert list(options.image_urls) == [item.image_url]


def test_chain_of_an_edit_made_elsewhere_comes_from_the_history(qtbot):
    from desktop.api import HistoryItem, view_path
    from desktop.app.edit_provenance import EditProvenance

    source = HistoryItem("src", view_path("src"), prompt="A fox in the snow")
    edit = HistoryItem(
        "e1",
        view_path("e1"),
        prompt="Make it night",
        kind="image2image",
        input_image_urls=(view_path("src"),),
    )
    loop_edit = HistoryItem(
        "e2",
        view_path("e2"),
        prompt="again",
        kind="image2image",
        input_image_urls=(view_path("e2"),),
    )
    book = EditProvenance(None, runner=None, spawn=None)  # type: ignore[arg-type]
    items = {i.image_id: i for i in (source, edit, loop_edit)}
    assert book.chain(edit, items.get) == ["A fox in the snow", "Make it night"]
    assert book.chain(source, items.get) == ["A fox in the snow"]
    assert book.chain(loop_edit, items.get)[-1] == "again", "a cycle ends instead of hanging"
