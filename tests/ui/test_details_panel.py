"""The details panel (View > Details, Ctrl+I) shows the selected image's facts from the
catalogue; its buttons act only when pressed; the source image link selects the source."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from tests.reliability.harness import STUDIO
from tests.ui.app_harness import wait_until


def test_details_panel_shows_the_image_and_acts_only_on_buttons(signed_in):
    loop, components = signed_in
    window = components.window
    panel = window.details_panel
    assert not panel.isVisible()
    assert window.details_panel.toggle_action.shortcut().toString() == "Ctrl+I"
    window.details_panel.toggle_action.trigger()
    assert panel.isVisible()
    assert panel.empty.isVisible()

    item = window.history_model.item(1)
    store = components.session.catalog.store_now()
    store.set_credits_spent(STUDIO, {item.image_id: 2})
    source = window.history_model.item(2)
    from desktop.services.catalog import Kind

    store.set_origin(STUDIO, item.image_id, Kind.UPSCALED, source.image_id).result()
    collection = store.create_collection(STUDIO, "Client A").result()
    store.add_to_collection(collection.id, [item.image_id]).result()

    window.history_view.select_image(item.image_id)
    wait_until(loop, lambda: panel.entry is not None and panel.entry.item.image_id == item.image_id)
    assert panel.prompt.text() == item.prompt
    assert panel.ratio.text() == item.aspect_ratio
    assert panel.credits.text() == "2"
    assert panel.kind.text() == "Upscaled"
    assert panel.collections.text() == "Client A"
    assert panel.model_value.text() == window.history_model.model_names.get(item.model, item.model)
    prompt_before = window.generate_panel.prompt_edit.toPlainText()
    assert window.generate_panel.prompt_edit.toPlainText() == prompt_before  # looking only

    panel.copy_button.click()
    wait_until(loop, lambda: QGuiApplication.clipboard().text() == item.prompt)
    panel.use_button.click()
    wait_until(loop, lambda: window.generate_panel.prompt_edit.toPlainText() == item.prompt)

    panel.source.linkActivated.emit(source.image_id)
    assert [i.image_id for i in window.history_view.selected_items()] == [source.image_id]
