"""The whole designer flow in the real window against the built-in server: sign in, switch
workspace, credits, model constraints, generate, edit, delete, save."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.emulator import DEMO_CLIENT_SECRET
from desktop.emulator.demo_data import NEARLY_EMPTY_WORKSPACE_ID, STUDIO_WORKSPACE_ID
from tests.ui.app_harness import wait_until


@pytest.fixture
def app(signed_in):
    return signed_in


def test_sign_in_from_environment_shows_workspaces_quota_models_and_history(app, emulator):
    loop, components = app
    window = components.window
    assert components.flow.dialog is None, "environment credentials must not show a dialog"
    assert "neuroflash" in window.windowTitle()
    assert window.workspace_list.model().rowCount() == 3
    assert components.session.workspace_id == STUDIO_WORKSPACE_ID
    wait_until(loop, lambda: window.quota_panel.quota is not None)
    server_quota = emulator.state.quota(STUDIO_WORKSPACE_ID)
    assert window.quota_panel.available_label.text() == f"{server_quota['availableAmount']:,} left"
    assert window.history_model.rowCount() == len(emulator.state.history_ids(STUDIO_WORKSPACE_ID))
    combo = window.generate_panel.model_combo
    wait_until(loop, lambda: combo.count() == 3)
    disabled = [
        combo.itemText(row)
        for row in range(combo.count())
        if not combo.model().item(row).isEnabled()
    ]
    assert len(disabled) == 1 and "not included" in disabled[0].lower()
    assert components.store.load() is None, "environment credentials must not be stored"


def test_model_constraints_limit_count_ratio_and_format(app):
    loop, components = app
    panel = components.window.generate_panel
    wait_until(loop, lambda: panel.model_combo.count() == 3)
    for row, model in enumerate(panel.models):
        if not model.allowed:
            continue
        panel.model_combo.setCurrentIndex(row)
        ratios = [
            panel.aspect_ratio_combo.itemData(i) for i in range(panel.aspect_ratio_combo.count())
        ]
        formats = [
            panel.output_format_combo.itemData(i) for i in range(panel.output_format_combo.count())
        ]
        assert ratios == list(model.aspect_ratios)
        assert formats == list(model.output_formats)
        assert panel.num_images_spin.maximum() == model.max_images
        panel.num_images_spin.setValue(99)
        assert panel.num_images_spin.value() == model.max_images


def test_switching_workspace_switches_quota_and_is_remembered(app, emulator):
    loop, components = app
    window = components.window
    row = window.workspace_list.workspace_model().row_of(NEARLY_EMPTY_WORKSPACE_ID)
    window.workspace_list.setCurrentIndex(window.workspace_list.model().index(row))
    wait_until(loop, lambda: components.session.workspace_id == NEARLY_EMPTY_WORKSPACE_ID)
    wait_until(loop, lambda: window.quota_panel.quota is not None)
    left = emulator.state.quota(NEARLY_EMPTY_WORKSPACE_ID)["availableAmount"]
    assert window.quota_panel.available_label.text() == f"{left:,} left"
    assert components.settings.last_workspace_id == NEARLY_EMPTY_WORKSPACE_ID
    panel = window.generate_panel
    panel.prompt_edit.setPlainText("a lighthouse")
    panel.num_images_spin.setValue(min(4, panel.num_images_spin.maximum()))
    if panel.num_images_spin.value() > left:
        assert f"Not enough credits: {left} left" in panel.cost_label.text()


def test_generate_edit_delete_and_save(app, emulator, tmp_path):
    loop, components = app
    window, session = components.window, components.session
    panel = window.generate_panel
    wait_until(loop, lambda: panel.model_combo.count() == 3 and window.quota_panel.quota)
    before = emulator.state.quota(STUDIO_WORKSPACE_ID)["availableAmount"]
    rows = window.history_model.rowCount()

    panel.prompt_edit.setPlainText("A paper boat on a neon river")
    panel.num_images_spin.setValue(2)
    panel.aspect_ratio_combo.setCurrentIndex(panel.aspect_ratio_combo.findData("16:9"))
    assert panel.generate_button.isEnabled()
    panel.generate_button.click()
    wait_until(loop, lambda: window.history_model.rowCount() == rows + 2)
    assert emulator.state.quota(STUDIO_WORKSPACE_ID)["availableAmount"] == before - 2
    wait_until(loop, lambda: window.quota_panel.quota.available == before - 2)
    newest = window.history_model.item(0)
    assert newest.prompt == "A paper boat on a neon river"
    assert window.history_view.selected_items()[0].image_id == newest.image_id
    assert window.history_model.index(0).data(Qt.ItemDataRole.UserRole) == newest.image_id
    wait_until(loop, lambda: window.history_model.has_thumbnail(newest.image_id))

    dialog = window.actions_.edit([newest])
    dialog.prompt_edit.setPlainText("make it sunset orange")
    dialog.edit_button.click()
    wait_until(loop, lambda: window.history_model.rowCount() == rows + 3)
    edited = window.history_model.item(0)
    assert edited.image_id != newest.image_id
    assert emulator.state.quota(STUDIO_WORKSPACE_ID)["availableAmount"] == before - 3

    box = window.actions_.delete([edited])
    delete_button = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    assert box.defaultButton() is delete_button, "Enter must confirm the deletion"
    delete_button.click()
    wait_until(loop, lambda: window.history_model.row_of(edited.image_id) < 0)  # at once
    # the DELETE itself goes out once "Undo" has gone (10 s)
    wait_until(
        loop,
        lambda: edited.image_id not in emulator.state.history_ids(STUDIO_WORKSPACE_ID),
        timeout=25,
    )

    target = tmp_path / "saved" / "boat.png"
    target.parent.mkdir()
    task = session.spawn(window.actions_._save_one(newest, target))
    loop.run_until_complete(task)
    with Image.open(target) as image:
        assert image.size == (1024, 576)
        assert "paper boat" in " ".join(str(v) for v in image.info.values()).lower()


def test_revoked_credentials_bring_back_sign_in_and_keep_the_prompt(app, emulator):
    loop, components = app
    window = components.window
    window.generate_panel.prompt_edit.setPlainText("keep me")
    emulator.state.revoke_client()
    window.refresh_action.trigger()
    wait_until(loop, lambda: components.flow.dialog is not None)
    assert components.flow.dialog.message_label.isVisible()
    assert window.generate_panel.prompt_edit.toPlainText() == "keep me"


def test_profile_files_never_contain_the_secret(app, tmp_path):
    _loop, components = app
    components.settings.sync()
    components.logging.handlers[0].flush()
    hits = [
        path
        for path in Path(tmp_path / "profile").rglob("*")
        if path.is_file() and DEMO_CLIENT_SECRET.encode() in path.read_bytes()
    ]
    assert hits == []


def test_copy_image_and_copy_prompt_put_real_data_on_the_clipboard(app):
    """Pasting into Figma or Photoshop needs pixels, not a path or a link."""
    from PySide6.QtGui import QGuiApplication

    loop, components = app
    window = components.window
    item = window.history_model.item(0)
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    window.actions_.copy_image([item])
    wait_until(loop, lambda: not clipboard.image().isNull())
    pasted = clipboard.image()
    assert (pasted.width(), pasted.height()) == (item.width, item.height)
    window.actions_.copy_prompt([item])
    assert clipboard.text() == item.prompt
