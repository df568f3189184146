"""A designer's first session (round s4-f): what the details panel says with several images
selected, and what Help → Keyboard Shortcuts lists for the grid."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QPoint
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QVBoxLayout

from desktop.api.errors import NeuroflashError
from desktop.ui.common.overlay import float_over
from desktop.ui.history.model import ItemRole
from tests.ui.app_harness import wait_until


def test_details_panel_says_how_many_are_selected_not_select_an_image(signed_in):
    loop, components = signed_in
    window = components.window
    panel = window.details_panel
    panel.toggle_action.trigger()
    view = window.history_view
    model = view.model()
    wait_until(loop, lambda: model.rowCount() >= 2)
    selection = view.selectionModel()
    selection.select(model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    selection.select(model.index(1, 0), QItemSelectionModel.SelectionFlag.Select)
    wait_until(loop, lambda: len(view.selected_items()) == 2)
    assert panel.empty.isVisible()
    assert panel.empty.text().startswith("2 images selected"), panel.empty.text()

    selection.clearSelection()
    wait_until(loop, lambda: not view.selected_items())
    assert panel.empty.text() == "Select an image to see its details."


def test_shortcuts_list_the_rating_keys_and_select_all(signed_in):
    _loop, components = signed_in
    dialog = components.window.open_shortcuts()
    try:
        rows = dict(dialog.rows())
        assert rows.get("Rating") == "1 / 2 / 3 / 4 / 5 / 0", rows
        assert rows.get("Select every image") == "Ctrl+A"
        assert rows.get("Undo a delete (while its note shows)") == "Ctrl+Z"
    finally:
        dialog.close()


def test_ctrl_z_in_the_grid_undoes_a_delete_but_not_in_the_prompt(signed_in):
    loop, components = signed_in
    window = components.window
    model = window.history_model
    before = [model.item(r).image_id for r in range(model.rowCount())]
    first = model.item(0)
    loop.run_until_complete(window.actions_._run_delete([first]))
    assert first.image_id not in [model.item(r).image_id for r in range(model.rowCount())]

    prompt = window.generate_panel.prompt_edit
    prompt.setFocus()
    QTest.keyClicks(prompt, "fox")
    QTest.keySequence(prompt, QKeySequence(QKeySequence.StandardKey.Undo))
    assert prompt.toPlainText() == "", "Ctrl+Z in the prompt undoes the typing"
    assert model.rowCount() == len(before) - 1, "and leaves the delete alone"

    view = window.history_view
    view.setFocus()
    QTest.keySequence(view, QKeySequence(QKeySequence.StandardKey.Undo))
    wait_until(loop, lambda: [model.item(r).image_id for r in range(model.rowCount())] == before)
    assert not window.messages.isVisible()


def test_file_dialogs_open_in_the_designers_folders_not_the_apps_working_dir(
    signed_in, tmp_path, monkeypatch
):
    """Qt's default is the working directory (the repository here, / or System32 when
    installed); the dialogs open in Pictures/Documents or home, then where used last."""
    loop, components = signed_in
    window = components.window
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    view = window.history_view
    view.selectionModel().select(
        view.model().index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    export = window.selection_export
    opened = []
    for ask in (
        lambda: export.ask("zip") or export.dialog,
        lambda: window.style_menu.ask_export(),
        lambda: window.byo.open_import_dialog(),
    ):
        dialog = ask()
        opened.append(Path(dialog.directory().absolutePath()))
        dialog.close()
    assert all(folder != elsewhere for folder in opened), opened

    chosen = tmp_path / "exports"
    chosen.mkdir()
    dialog = window.style_menu.ask_export()
    dialog.fileSelected.emit(str(chosen / "mine.json"))
    wait_until(loop, lambda: (chosen / "mine.json").exists())
    again = window.style_menu.ask_export()
    assert Path(again.directory().absolutePath()) == chosen
    again.close()


def test_image_menu_offers_edit_part_and_upscale_for_the_selection(signed_in):
    loop, components = signed_in
    window = components.window
    menu = window.image_menu
    view = window.history_view
    selection = view.selectionModel()
    selection.select(view.model().index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    selection.select(view.model().index(1, 0), QItemSelectionModel.SelectionFlag.Select)
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions()]
    at = texts.index("Edit…")
    assert texts[at + 1 : at + 3] == ["Edit Part of Image…", "Upscale"], texts
    assert not window.byo.mask_action.isEnabled(), "one image at a time"
    assert len(window.byo.upscale_submenu.actions()) == 2

    view.select_image(view.model().index(0, 0).data(ItemRole).image_id)
    menu.aboutToShow.emit()
    assert window.byo.mask_action.isEnabled()
    window.byo.mask_action.trigger()
    wait_until(loop, lambda: window.byo.mask_dialog is not None)
    window.byo.mask_dialog.close()


def test_about_lists_every_runtime_library_the_app_ships(signed_in):
    """truststore (MIT) verifies every connection but was missing from the licences."""
    _loop, components = signed_in
    dialog = components.window.open_about()
    try:
        text = dialog.text()
        for name in ("truststore", "certifi", "urllib3", "uvicorn", "FastAPI"):
            assert name in text, name
    finally:
        dialog.close()


def test_export_with_failed_downloads_stays_says_why_and_selects_them(signed_in, tmp_path):
    loop, components = signed_in
    window = components.window
    view = window.history_view
    items = [view.model().index(r, 0).data(ItemRole) for r in range(3)]
    export = window.selection_export
    real = export._fetch
    lost = items[1].image_id

    def fetch(entry):
        if entry.item.image_id == lost:
            raise NeuroflashError("The image is no longer on the server.")
        return real(entry)

    export._fetch = fetch
    report = loop.run_until_complete(
        components.session.spawn(export.export(items, "folder", tmp_path / "out"))
    )
    assert [i for i, _why in report.failed] == [lost]
    text = window.messages.text()
    assert "1 could not be downloaded" in text and "no longer on the server" in text, text
    assert window.messages.property("kind") == "error", "stays until dismissed"
    assert window.messages.retry_button.text() == "Select Them"
    window.messages.retry_button.click()
    assert [i.image_id for i in view.selected_items()] == [lost]


def test_a_message_over_the_grid_is_opaque_under_its_translucent_tint(qapp):
    """The message bar's style sheet tints it translucently; under it the overlay paints an
    opaque backing, or the tiles showed through the text (it was painted in the tint)."""
    host = QScrollArea()
    host.resize(400, 300)
    host.viewport().setStyleSheet("background: black;")
    strip = QFrame()
    strip.setObjectName("strip")
    strip.setStyleSheet("#strip { background: rgba(198, 40, 40, 0.12); }")
    QVBoxLayout(strip).addWidget(QLabel("Exported 6 of 8 images."))
    float_over(strip, host)
    host.show()
    strip.show()
    QApplication.processEvents()
    image = host.grab().toImage()
    inside = strip.geometry().topLeft() + QPoint(8, 3)
    colour = image.pixelColor(inside)
    assert min(colour.red(), colour.green(), colour.blue()) > 200, colour.getRgb()
    assert colour.red() > colour.green() + 10, "and still in the note's tint"
    host.close()
    shiboken6.delete(strip)  # first, with its overlay: the host then has no filter to call
    shiboken6.delete(host)
