"""Issue 11, item 12: the words a designer sees say what is true, and offer the way out."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desktop.emulator.demo_data import MODELS
from desktop.ui.history.model import ItemRole
from tests.ui.app_harness import wait_until

NAMES = {m["id"]: m["name"] for m in MODELS}


def test_a_filter_that_matches_nothing_says_so_and_esc_clears_it(signed_in):
    loop, components = signed_in
    window = components.window
    toolbar = window.history_toolbar
    toolbar.filter_edit.setText("zebra-on-a-unicycle-xyz")
    toolbar.apply_filter()
    wait_until(loop, lambda: window.history_proxy.rowCount() == 0)  # the catalogue answers
    text = window.history_view.empty_text()
    assert "No image matches “zebra-on-a-unicycle-xyz”" in text
    assert "No images yet" not in text
    toolbar.filter_edit.setFocus()
    QTest.keyClick(toolbar.filter_edit, Qt.Key.Key_Escape)
    toolbar.apply_filter()
    assert toolbar.filter_edit.text() == ""
    assert window.history_proxy.rowCount() > 0


def test_a_successful_retry_takes_the_red_error_away(signed_in, emulator):
    loop, components = signed_in
    window = components.window
    panel = window.generate_panel
    emulator.state.faults.schedule("503", path=r"image_generation/$", count=1, method="POST")
    panel.prompt_edit.setPlainText("A lighthouse in fog")
    panel.request_generate()
    wait_until(loop, lambda: panel.message_label.isVisible(), timeout=30)
    assert panel.message_label.property("role") == "error"
    failed = window.job.queue.jobs()[0]
    window.job.retry(failed)
    wait_until(loop, lambda: any(j.made for j in window.job.queue.jobs()), timeout=30)
    assert not panel.message_label.isVisible(), "the old failure is no longer shown"


def test_signed_out_panels_say_sign_in(signed_in):
    _loop, components = signed_in
    window = components.window
    window.reset_for_sign_out()
    assert window.quota_panel.status_label.text() == "Sign in to see your image credits."
    assert window.generate_panel.blocking_reason() == "Sign in to generate images."
    window.generate_panel.prompt_edit.setPlainText("A fox")
    assert window.generate_panel.generate_button.toolTip() == "Sign in to generate images."


def test_show_in_folder_without_a_file_manager_offers_to_copy_the_path(
    signed_in, monkeypatch, tmp_path
):
    _loop, components = signed_in
    window = components.window
    monkeypatch.setattr("desktop.ui.history.actions.reveal_in_folder", lambda _path: False)
    path = tmp_path / "A fox.png"
    assert not window.actions_.show_in_folder(path)
    assert str(path) in window.messages.text()
    assert window.messages.retry_button.text() == "Copy Path"
    window.messages.retry_button.click()
    assert QGuiApplication.clipboard().text() == str(path)


def test_tooltips_and_viewer_show_model_names_not_ids(signed_in):
    _loop, components = signed_in
    window = components.window
    model = window.history_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ItemRole))
    item = model.index(row, 0).data(ItemRole)
    assert item.model in NAMES
    tooltip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert NAMES[item.model] in tooltip and f">{item.model}<" not in tooltip
    viewer = window.open_preview([item])
    assert viewer.panes[0].details.text().startswith(NAMES[item.model])
    viewer.close()


def test_deleting_several_images_speaks_in_plural(signed_in):
    _loop, components = signed_in
    window = components.window
    items = window.history_proxy.visible_items()[:3]
    box = window.actions_.delete(items)
    assert box.text() == "Delete 3 images?"
    assert box.informativeText().startswith("They are removed")
    box.reject()
    box = window.actions_.delete(items[:1])
    assert box.informativeText().startswith("It is removed")
    box.reject()


def test_a_lower_image_limit_after_a_model_switch_is_explained(signed_in):
    _loop, components = signed_in
    panel = components.window.generate_panel
    models = [m for m in panel.models if m.allowed]
    big = max(models, key=lambda m: m.max_images)
    small = min(models, key=lambda m: m.max_images)
    panel.model_combo.setCurrentIndex(panel.models.index(big))
    panel.num_images_spin.setValue(big.max_images)
    panel.model_combo.setCurrentIndex(panel.models.index(small))
    assert panel.num_images_spin.value() == small.max_images
    assert panel.message_label.isVisible()
    text = panel.message_label.text()
    assert small.name in text and str(small.max_images) in text


def _global(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def test_recent_prompts_open_below_the_prompt_inside_the_window(signed_in):
    loop, components = signed_in
    window = components.window
    window.resize(900, 600)
    loop.run_until_complete(asyncio.sleep(0.05))
    edit = window.generate_panel.prompt_edit
    window.recent_prompts.add("A red fox in snow, long lens, golden hour")
    edit.setFocus()
    QTest.keyClicks(edit, "a red fox golden lens")
    popup = edit.completer.popup()
    wait_until(loop, popup.isVisible)
    popup_rect, edit_rect = _global(popup), _global(edit)
    assert not popup_rect.intersects(edit_rect), "the popup covers what is being typed"
    assert popup_rect.right() <= _global(window).right(), "the popup runs past the window"
    popup.hide()
