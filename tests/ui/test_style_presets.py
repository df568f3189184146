"""Style presets in the Create panel: save the prompt and parameters as a style, apply it
(prompt and parameters show in the panel, Ctrl+Z takes it back), a model the plan lacks,
import of good, bad and too-big files, export then import, a name clash is never replaced
silently, and presets survive a restart."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication

from desktop.emulator.demo_data import NOT_ALLOWED_MODEL_ID, TEXT_ONLY_MODEL_ID
from desktop.services.catalog import StylePreset
from desktop.services.catalog.presets import MAX_IMPORT_BYTES, to_json
from tests.reliability.harness import RunningApp


@pytest.fixture
def app(qapp, env_login, emulator, tmp_path):
    running = RunningApp(qapp, emulator.api_url, emulator.token_url, tmp_path / "p").start()
    yield running
    running.close()


def _choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def _menu_action(app, text):
    """The Styles menu as the designer opens it: the entry called ``text``."""
    styles = app.window.style_menu
    styles.menu.aboutToShow.emit()
    return next(a for a in styles.menu.actions() if a.text() == text)


def _names(app):
    return [p.name for p in app.window.style_menu.presets]


def test_save_then_apply_fills_prompt_and_parameters(app):
    panel, styles = app.panel, app.window.style_menu
    assert styles.button.isVisible() and styles.button.text() == "Styles ▾"
    panel.prompt_edit.setPlainText("a fox, flat vector, pastel")
    _choose(panel.model_combo, TEXT_ONLY_MODEL_ID)
    _choose(panel.aspect_ratio_combo, "16:9")
    _choose(panel.output_format_combo, "jpeg")
    panel.num_images_spin.setValue(2)

    _menu_action(app, "Save Prompt as Style…").trigger()
    dialog = styles.dialog
    assert dialog.template_edit.toPlainText() == "a fox, flat vector, pastel"
    assert "Imagen 4 Fast" in dialog.parameters_box.text()
    dialog.template_edit.setPlainText("{subject}, flat vector, pastel")
    dialog.name_edit.setText("Flat pastel")
    assert not dialog.clash_label.isVisible()
    dialog.save_button.click()
    app.wait(lambda: _names(app) == ["Flat pastel"])
    assert "Saved the style “Flat pastel”" in panel.message_label.text()

    # back to other settings and another subject, then apply the style from the menu
    _choose(panel.model_combo, panel.model_combo.itemData(0))
    _choose(panel.aspect_ratio_combo, "1:1")
    _choose(panel.output_format_combo, "png")
    panel.num_images_spin.setValue(1)
    panel.prompt_edit.setPlainText("a lighthouse at dusk")
    _menu_action(app, "Flat pastel").trigger()

    assert panel.prompt_edit.toPlainText() == "a lighthouse at dusk, flat vector, pastel"
    assert panel.current_model().id == TEXT_ONLY_MODEL_ID
    assert panel.model_combo.currentText() == "Imagen 4 Fast"
    assert panel.aspect_ratio_combo.currentData() == "16:9"
    assert panel.output_format_combo.currentData() == "jpeg"
    assert panel.num_images_spin.value() == 2
    assert "Style “Flat pastel” applied." in panel.message_label.text()
    assert panel.generate_button.isEnabled()

    # another style right after swaps the style, it does not stack them
    app.run(styles.save(StylePreset("Photo", "{subject}, 35mm photo", {})))
    _menu_action(app, "Photo").trigger()
    assert panel.prompt_edit.toPlainText() == "a lighthouse at dusk, 35mm photo"
    panel.prompt_edit.undo()
    assert panel.prompt_edit.toPlainText() == "a lighthouse at dusk, flat vector, pastel"


def test_a_model_the_plan_lacks_keeps_the_current_one_and_says_so(app):
    panel, styles = app.panel, app.window.style_menu
    before = panel.current_model()
    premium = {"model": NOT_ALLOWED_MODEL_ID}
    app.run(styles.save(StylePreset("Premium", "{subject} in {palette} colours", premium)))
    app.run(styles.save(StylePreset("Gone", "{subject}", {"model": "retired-model"})))
    panel.prompt_edit.setPlainText("a fox")
    _menu_action(app, "Premium").trigger()
    assert panel.current_model() == before
    text = panel.message_label.text()
    assert "Seedream 4 Pro isn't included in this workspace's plan" in text
    assert f"{before.name} stays" in text
    # the placeholder the prompt did not fill stays visible, selected to be typed over
    assert panel.prompt_edit.toPlainText() == "a fox in {palette} colours"
    assert panel.prompt_edit.textCursor().selectedText() == "{palette}"
    assert "Type over {palette}" in text

    _menu_action(app, "Gone").trigger()
    assert panel.current_model() == before
    assert "retired-model isn't offered here" in panel.message_label.text()


def test_a_taken_name_asks_to_replace_and_is_never_replaced_silently(app):
    panel, styles = app.panel, app.window.style_menu
    app.run(styles.save(StylePreset("Flat", "{subject}, flat vector", {})))
    panel.prompt_edit.setPlainText("{subject}, watercolour")
    dialog = styles.ask_save()
    dialog.name_edit.setText("flat ")
    assert dialog.clash_label.isVisible() and "“Flat” exists already" in dialog.clash_label.text()
    assert dialog.save_button.text() == "Replace"
    assert not dialog.save_button.isDefault()  # Enter does not replace; a click does
    dialog.reject()
    app.sleep(0.1)
    assert [(p.name, p.template) for p in styles.presets] == [("Flat", "{subject}, flat vector")]

    dialog = styles.ask_save()
    dialog.name_edit.setText("Flat")
    dialog.save_button.click()  # "Replace": the designer said so
    app.wait(lambda: styles.presets and styles.presets[0].template == "{subject}, watercolour")
    assert _names(app) == ["Flat"]


def test_import_good_bad_and_too_big_files(app, tmp_path):
    panel, styles = app.panel, app.window.style_menu
    app.run(styles.save(StylePreset("Flat", "{subject}, flat vector", {})))

    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": "world"}', "utf-8")
    assert app.run(styles.import_from(bad)) is None
    assert "notes.json isn't a style preset file" in panel.message_label.text()
    assert panel.message_label.property("role") == "error"

    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_IMPORT_BYTES + 1))
    assert app.run(styles.import_from(big)) is None
    assert "too big" in panel.message_label.text()

    missing = tmp_path / "gone.json"
    assert app.run(styles.import_from(missing)) is None
    assert "Couldn't read gone.json" in panel.message_label.text()
    assert _names(app) == ["Flat"]  # nothing lost, nothing added

    good = tmp_path / "styles.json"
    good.write_text(
        to_json(
            [
                StylePreset("Flat", "{subject}, flat vector, pastel", {"aspect_ratio": "3:2"}),
                StylePreset("Ink", "{subject}, ink drawing", {"images": 2}),
            ]
        ),
        "utf-8",
    )
    report = app.run(styles.import_from(good))
    assert report.renamed == {"Flat": "Flat (2)"} and report.added == ["Ink"]
    assert _names(app) == ["Flat", "Flat (2)", "Ink"]
    kept = next(p for p in styles.presets if p.name == "Flat")
    assert kept.template == "{subject}, flat vector"  # the designer's own is untouched
    text = panel.message_label.text()
    assert "Imported 2 styles." in text and "“Flat (2)”" in text


def test_export_then_import_round_trip_and_presets_survive_a_restart(
    qapp, env_login, emulator, tmp_path
):
    profile = tmp_path / "p"
    first = RunningApp(qapp, emulator.api_url, emulator.token_url, profile).start()
    presets = [
        StylePreset("Flat", "{subject}, flat vector", {"model": TEXT_ONLY_MODEL_ID, "images": 2}),
        StylePreset("Ink", "{subject}, ink drawing, {paper}", {"aspect_ratio": "3:2"}),
    ]
    target = tmp_path / "out" / "styles.json"
    target.parent.mkdir()
    try:
        styles = first.window.style_menu
        for preset in presets:
            first.run(styles.save(preset))
        assert first.run(styles.export_to(target)) == 2
        assert "Exported 2 styles" in first.panel.message_label.text()
        assert json.loads(target.read_text("utf-8"))["format"] == "neuroflash-style-presets"
        for preset in presets:
            first.run(styles.delete(preset.name))
        assert styles.presets == []
        report = first.run(styles.import_from(target))
        assert report.added == ["Flat", "Ink"]
        assert styles.presets == presets
    finally:
        first.close()

    second = RunningApp(qapp, emulator.api_url, emulator.token_url, profile).start()
    try:
        second.wait(lambda: second.window.style_menu.presets == presets)
        again = second.run(second.window.style_menu.import_from(target))
        assert again.unchanged == ["Flat", "Ink"] and not again.added and not again.renamed
        note = second.panel.message_label.text()
        assert note == "Nothing new: you have the 2 styles in this file already.", note
    finally:
        second.close()


def test_the_dialogs_open_without_blocking_the_loop(app):
    styles = app.window.style_menu
    app.run(styles.save(StylePreset("Flat", "{subject}, flat vector", {})))
    for ask in (styles.ask_import, styles.ask_export):
        dialog = ask()
        QApplication.processEvents()
        assert dialog.isVisible() and styles.dialog is dialog
        dialog.reject()
    box = styles.ask_delete(styles.presets[0])
    app.sleep(0.05)
    assert box.isVisible()
    box.reject()
    app.sleep(0.05)
    assert _names(app) == ["Flat"]  # Cancel deleted nothing


def test_before_the_models_arrive_only_the_prompt_changes(app):
    panel, styles = app.panel, app.window.style_menu
    app.run(styles.save(StylePreset("Flat", "{subject}, flat", {"model": TEXT_ONLY_MODEL_ID})))
    panel.set_models([])  # as while a workspace's models load
    panel.prompt_edit.setPlainText("a fox")
    _menu_action(app, "Flat").trigger()
    assert panel.prompt_edit.toPlainText() == "a fox, flat"
    assert "models aren't loaded yet" in panel.message_label.text()
