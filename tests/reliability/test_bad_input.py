"""Bad input through the real window against the built-in server: prompts that can't be sent
say why and keep Generate disabled; prompts in any script (emoji, right-to-left, CJK) come back
from the server exactly as sent, minus control characters; the grid's tooltip shows markup
literally; parameters a model lacks can't be chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel, QTextDocument

from desktop.emulator.demo_data import MODELS, NOT_ALLOWED_MODEL_ID
from tests.reliability.harness import STUDIO, RunningApp

EMPTY_REASON = "Write a prompt first."
BLANK_REASON = "The prompt has only spaces, line breaks or invisible characters: write a few words."


@pytest.fixture(scope="module")
def world(qapp, tmp_path_factory, demo_server):
    server = demo_server
    app = RunningApp(
        qapp, server.api_url, server.token_url, tmp_path_factory.mktemp("bad-input") / "profile"
    ).start()
    app.settle()
    yield app, server
    app.close()


def _select_model(app: RunningApp, model_id: str) -> None:
    combo = app.panel.model_combo
    combo.setCurrentIndex(combo.findData(model_id))
    assert app.panel.current_model().id == model_id


def _visible_text(rich: str) -> str:
    """What a tooltip's rich text shows on screen."""
    doc = QTextDocument()
    doc.setHtml(rich)
    return doc.toPlainText()


@pytest.mark.parametrize("prompt", ["", "   ", " \n\t \n", "\x00\x07\x1b"])
def test_empty_prompt_disables_generate_and_says_why(world, prompt):
    app, server = world
    used = server.state.quota(STUDIO)["usedAmount"]
    app.panel.prompt_edit.setPlainText(prompt)
    reason = BLANK_REASON if prompt else EMPTY_REASON
    assert not app.panel.generate_button.isEnabled()
    assert app.panel.generate_button.toolTip() == reason
    if prompt:  # something is typed, yet Generate is off: the reason shows without hovering
        assert app.panel.cost_label.text() == reason
    app.panel.request_generate()  # Ctrl+Enter anyway
    assert app.panel.message_label.isVisible()
    assert app.panel.message_label.text() == reason
    assert server.state.quota(STUDIO)["usedAmount"] == used
    app.panel.clear_message()


def test_prompt_over_the_limit_says_so_and_disables_generate(world):
    app, server = world
    used = server.state.quota(STUDIO)["usedAmount"]
    app.panel.prompt_edit.setPlainText("lighthouse " * 910)  # 10,010 characters, trimmed
    reason = "The prompt is too long: 10,009 of 10,000 characters."
    assert not app.panel.generate_button.isEnabled()
    assert app.panel.generate_button.toolTip() == reason
    assert app.panel.cost_label.text() == reason, "shown without hovering"
    assert app.panel.prompt_counter.text() == "10,009 / 10,000"
    app.panel.request_generate()
    assert app.panel.message_label.text() == reason
    assert server.state.quota(STUDIO)["usedAmount"] == used
    app.panel.prompt_edit.setPlainText("x" * 10_000)  # exactly the limit is fine
    assert app.panel.generate_button.isEnabled()
    app.panel.clear_message()


ROUND_TRIPS = [
    ("fox 🦊 on a 🚲 ✨", "fox 🦊 on a 🚲 ✨"),
    ("منارة في الضباب", "منارة في الضباب"),
    ("מגדלור בערפל", "מגדלור בערפל"),
    ("霧の中の灯台 雾中的灯塔 안개 속 등대", "霧の中の灯台 雾中的灯塔 안개 속 등대"),
    ("a\x00b\x07c\x1bd\x7fe and\nlines", "abcde and\nlines"),
    pytest.param(
        "family 👨\u200d👩\u200d👧, flag 🏳️\u200d🌈, منارة\u200f",
        "family 👨\u200d👩\u200d👧, flag 🏳️\u200d🌈, منارة\u200f",
        id="zwj-emoji-and-rlm",
    ),
]


@pytest.mark.parametrize(("typed", "sent"), ROUND_TRIPS)
def test_prompt_in_any_script_round_trips(world, typed, sent):
    app, server = world
    model = app.window.history_model
    app.panel.prompt_edit.setPlainText(typed)
    assert app.panel.generate_button.isEnabled(), app.panel.generate_button.toolTip()
    rows = model.rowCount()
    app.panel.generate_button.click()
    app.wait(lambda: model.rowCount() == rows + 1)
    app.settle()
    assert app.panel.prompt_edit.toPlainText() == typed, "the prompt box keeps what was typed"
    app.window.refresh_action.trigger()  # F5: the grid now holds what the server stored
    app.settle()
    assert app.grid_ids() == server.state.history_ids(STUDIO)
    assert server.state.record(STUDIO, app.grid_ids()[0]).spec.prompt == sent
    assert model.item(0).prompt == sent


def test_tooltip_shows_markup_literally(world):
    app, _server = world
    typed = "<b>bold</b> & <i>not italic</i> <img src=x> &amp;"
    model = app.window.history_model
    app.panel.prompt_edit.setPlainText(typed)
    rows = model.rowCount()
    app.panel.generate_button.click()
    app.wait(lambda: model.rowCount() == rows + 1)
    app.window.refresh_action.trigger()
    app.settle()
    assert model.item(0).prompt == typed
    tooltip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert typed in _visible_text(tooltip), "the designer reads the tags, not bold text"


def test_parameters_a_model_lacks_cannot_be_chosen(world):
    app, _server = world
    panel = app.panel
    for spec in MODELS:
        if not spec["allowed"]:
            continue
        _select_model(app, spec["id"])
        panel.num_images_spin.setValue(99)
        assert panel.num_images_spin.value() == spec["max_images"]
        assert panel.num_images_spin.maximum() == spec["max_images"]
        ratios = [
            panel.aspect_ratio_combo.itemData(i) for i in range(panel.aspect_ratio_combo.count())
        ]
        formats = [
            panel.output_format_combo.itemData(i) for i in range(panel.output_format_combo.count())
        ]
        assert ratios == spec["aspect_ratios"] and formats == spec["output_formats"]
        for wanted in ("21:9", "7:5"):
            if (row := panel.aspect_ratio_combo.findData(wanted)) >= 0:
                panel.aspect_ratio_combo.setCurrentIndex(row)
            assert panel.aspect_ratio_combo.currentData() in spec["aspect_ratios"]
        panel.output_format_combo.setCurrentText("webp")
        assert panel.output_format_combo.currentData() in spec["output_formats"]
    # Switching to a model with fewer images lowers a higher choice to its maximum.
    big = max((m for m in MODELS if m["allowed"]), key=lambda m: m["max_images"])
    small = min((m for m in MODELS if m["allowed"]), key=lambda m: m["max_images"])
    assert big["max_images"] > small["max_images"]
    _select_model(app, big["id"])
    panel.num_images_spin.setValue(big["max_images"])
    _select_model(app, small["id"])
    assert panel.num_images_spin.value() == small["max_images"]
    # A model outside the plan is listed but can't be picked.
    combo_model = panel.model_combo.model()
    assert isinstance(combo_model, QStandardItemModel)
    row = panel.model_combo.findData(NOT_ALLOWED_MODEL_ID)
    assert row >= 0 and not combo_model.item(row).isEnabled()
    _select_model(app, big["id"])
