"""Manage Styles… (rename, a taken name refused, edit the prompt, remove a setting, delete,
import/export from the dialog) and the note a style leaves under Generate, which goes once the
designer types or chooses something else."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from desktop.emulator.demo_data import TEXT_ONLY_MODEL_ID
from desktop.services.catalog import StylePreset
from tests.reliability.harness import RunningApp


@pytest.fixture
def app(qapp, monkeypatch, emulator, tmp_path):
    monkeypatch.setenv("NEUROFLASH_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("NEUROFLASH_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    running = RunningApp(qapp, emulator.api_url, emulator.token_url, tmp_path / "p").start()
    yield running
    running.close()


def _stored(app):
    return {p.name: (p.template, p.parameters) for p in app.window.style_menu.presets}


def _manager(app, *presets, select=None):
    styles = app.window.style_menu
    for preset in presets:
        app.run(styles.save(preset))
    styles.menu.aboutToShow.emit()
    styles.manage_action.trigger()
    dialog = styles.manager
    app.wait(lambda: dialog.names() == [p.name for p in styles.presets])
    assert dialog.isVisible()
    if select:
        dialog.select(select)
    return dialog


def _apply(app, name):
    styles = app.window.style_menu
    styles.menu.aboutToShow.emit()
    next(a for a in styles.menu.actions() if a.text() == name).trigger()


def test_rename_keeps_prompt_and_settings_and_the_menu_follows(app):
    dialog = _manager(app, StylePreset("Flat", "{subject}, flat", {"images": 2}), select="Flat")
    assert dialog.name_edit.text() == "Flat" and not dialog.rename_button.isEnabled()
    dialog.name_edit.setText("  Flat pastel ")
    assert dialog.rename_button.isEnabled()
    dialog.rename_button.click()
    app.wait(lambda: dialog.names() == ["Flat pastel"])
    assert _stored(app) == {"Flat pastel": ("{subject}, flat", {"images": 2})}
    assert dialog.current.name == "Flat pastel"  # still the chosen one, under its new name
    assert "Renamed “Flat” to “Flat pastel”." in dialog.status_label.text()
    _apply(app, "Flat pastel")  # the menu has the new name

    dialog.name_edit.setFocus()
    dialog.name_edit.setText("Pastel")
    QTest.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Enter renames, and only that
    app.wait(lambda: dialog.names() == ["Pastel"])
    assert dialog.isVisible() and app.window.style_menu.dialog is None  # no Import opened
    dialog.name_edit.setText("pastel")  # its own name in another case: one style still
    dialog.rename_button.click()
    app.wait(lambda: dialog.names() == ["pastel"])
    assert _stored(app) == {"pastel": ("{subject}, flat", {"images": 2})}


def test_rename_onto_a_taken_name_is_refused_with_a_message(app):
    dialog = _manager(
        app,
        StylePreset("Flat", "{subject}, flat", {}),
        StylePreset("Ink", "{subject}, ink", {}),
        select="Ink",
    )
    dialog.name_edit.setText("flat ")
    assert dialog.name_warning.isVisible()
    assert "There is already a style called “Flat”" in dialog.name_warning.text()
    assert not dialog.rename_button.isEnabled()
    QTest.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Enter does not replace either
    assert "There is already a style called “Flat”" in dialog.status_label.text()
    assert dialog.status_label.property("role") == "error"
    # the store refuses it too, should the dialog's list be out of date
    assert app.run(app.window.style_menu.rename("Ink", "FLAT")) is False
    assert "a rename never replaces a style" in dialog.status_label.text()
    assert _stored(app) == {"Flat": ("{subject}, flat", {}), "Ink": ("{subject}, ink", {})}
    assert dialog.current.name == "Ink"


def test_edit_the_prompt_then_apply_uses_the_new_one(app):
    dialog = _manager(app, StylePreset("Ink", "{subject}, ink", {}), select="Ink")
    assert dialog.template_edit.toPlainText() == "{subject}, ink"
    assert not dialog.save_template_button.isEnabled()
    dialog.template_edit.setPlainText("{subject}, ink wash on rice paper")
    dialog.save_template_button.click()
    app.wait(lambda: _stored(app)["Ink"][0] == "{subject}, ink wash on rice paper")
    assert not dialog.save_template_button.isEnabled()

    dialog.template_edit.setPlainText("{subject}, sumi-e")  # not saved by hand:
    dialog.reject()  # closing keeps it
    app.wait(lambda: _stored(app)["Ink"][0] == "{subject}, sumi-e")
    app.panel.prompt_edit.setPlainText("a heron")
    _apply(app, "Ink")
    assert app.panel.prompt_edit.toPlainText() == "a heron, sumi-e"


def test_the_settings_show_in_words_and_one_can_be_removed(app):
    panel = app.panel
    parameters = {"model": TEXT_ONLY_MODEL_ID, "images": 2, "aspect_ratio": "16:9"}
    dialog = _manager(app, StylePreset("Wide", "{subject}, wide", parameters), select="Wide")
    texts = dialog.parameter_rows.texts()
    assert texts[0] == "Model: Imagen 4 Fast"
    assert "Images: 2" in texts and any(t.startswith("Aspect ratio: 16:9") for t in texts)
    dialog.parameter_rows.rows["model"][1].click()
    app.wait(lambda: "model" not in _stored(app)["Wide"][1])
    assert _stored(app)["Wide"] == ("{subject}, wide", {"images": 2, "aspect_ratio": "16:9"})
    app.wait(lambda: "model" not in dialog.parameter_rows.rows)
    dialog.reject()

    before = panel.current_model()
    assert before.id != TEXT_ONLY_MODEL_ID
    panel.prompt_edit.setPlainText("a valley")
    _apply(app, "Wide")
    assert panel.current_model() == before  # no model any more: it stays
    assert panel.aspect_ratio_combo.currentData() == "16:9"


def test_delete_asks_first_and_cancel_keeps_the_style(app):
    styles = app.window.style_menu
    dialog = _manager(app, StylePreset("Flat", "{subject}, flat", {}), select="Flat")
    dialog.delete_button.click()
    box = styles.dialog
    assert isinstance(box, QMessageBox) and box.parent() is dialog
    app.sleep(0.05)
    box.reject()
    app.sleep(0.1)
    assert list(_stored(app)) == ["Flat"]

    dialog.delete_button.click()
    box = styles.dialog
    next(b for b in box.buttons() if b.text() == "Delete").click()
    app.wait(lambda: not dialog.names())
    assert _stored(app) == {} and dialog.empty_label.isVisible()
    assert not dialog.details.isEnabled()
    assert "Deleted the style “Flat”." in dialog.status_label.text()


def test_import_and_export_open_from_the_dialog_without_blocking(app):
    styles = app.window.style_menu
    dialog = _manager(app, StylePreset("Flat", "{subject}, flat", {}))
    for button in (dialog.import_button, dialog.export_button):
        button.click()
        QApplication.processEvents()
        assert styles.dialog.isVisible() and styles.dialog.parent() is dialog
        styles.dialog.reject()
    assert dialog.isVisible()


def test_the_applied_note_goes_when_the_designer_types(app):
    panel = app.panel
    app.run(app.window.style_menu.save(StylePreset("Flat", "{subject}, flat", {})))
    panel.prompt_edit.setPlainText("a fox")
    _apply(app, "Flat")
    assert panel.message_label.isVisible()
    assert "Style “Flat” applied." in panel.message_label.text()
    panel.prompt_edit.setFocus()
    QTest.keyClicks(panel.prompt_edit, " at dawn")
    assert not panel.message_label.isVisible()

    _apply(app, "Flat")
    assert panel.message_label.isVisible()
    panel.num_images_spin.setValue(panel.num_images_spin.value() % 2 + 1)  # another choice
    assert not panel.message_label.isVisible()


def test_a_placeholder_left_keeps_only_its_reminder_until_typed_over(app):
    panel = app.panel
    app.run(app.window.style_menu.save(StylePreset("Paper", "{subject} on {paper} paper", {})))
    panel.prompt_edit.setPlainText("a tree")
    _apply(app, "Paper")
    assert panel.message_label.text().startswith("Style “Paper” applied.")
    other = (panel.model_combo.currentIndex() + 1) % panel.model_combo.count()
    panel.model_combo.setCurrentIndex(other)
    panel.model_combo.activated.emit(other)  # as a click in the list does
    assert panel.message_label.isVisible()
    assert panel.message_label.text() == "Type over {paper} in the prompt before you generate."
    panel.prompt_edit.setFocus()
    QTest.keyClicks(panel.prompt_edit, "washi")  # {paper} is selected: typing replaces it
    assert panel.prompt_edit.toPlainText() == "a tree on washi paper"
    assert not panel.message_label.isVisible()


def test_typing_leaves_someone_elses_message_alone(app):
    panel = app.panel
    app.run(app.window.style_menu.save(StylePreset("Flat", "{subject}, flat", {})))
    _apply(app, "Flat")
    panel.show_message("Not enough credits: 0 left, 1 needed.")  # e.g. a refused generate
    QTest.keyClicks(panel.prompt_edit, "x")
    assert panel.message_label.isVisible()
