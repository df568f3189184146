"""Issue 11, item 13: the viewer on neutral grey with its position and action buttons,
aspect ratios with their pixel size, Help → Keyboard Shortcuts and Help → About."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QKeySequence

from desktop import __version__
from desktop.ui.generate.ratio_labels import default_size, ratio_label


def test_viewer_is_neutral_grey_says_where_it_is_and_has_the_menu_actions(signed_in):
    _loop, components = signed_in
    window = components.window
    items = window.history_proxy.visible_items()
    viewer = window.open_preview([items[2]])
    try:
        colour = viewer.panes[0].viewer.backgroundBrush().color()
        assert colour.red() == colour.green() == colour.blue(), "neutral: no tint"
        assert 40 <= colour.red() <= 90, "a dark grey, neither black nor the window's white"
        assert viewer.position_label.text() == f"3 of {len(items)}"
        viewer.step(1)
        assert viewer.position_label.text() == f"4 of {len(items)}"
        labels = [button.text() for button in viewer.action_buttons]
        for action in (
            window.history_view.edit_action,
            window.history_view.save_action,
            window.history_view.copy_image_action,
            window.history_view.copy_prompt_action,
            window.history_view.delete_action,
        ):
            assert action.text() in labels
        copy_prompt = viewer.action_buttons[labels.index("Copy Prompt")]
        copy_prompt.click()
        assert QGuiApplication.clipboard().text() == items[3].prompt, "acts on the image shown"
    finally:
        viewer.close()


def test_aspect_ratios_show_their_pixel_size(signed_in):
    _loop, components = signed_in
    panel = components.window.generate_panel
    combo = panel.aspect_ratio_combo
    row = combo.findData("16:9")
    assert row >= 0
    assert combo.itemText(row) == "16:9 · 1024×576"
    assert default_size("9:16") == (576, 1024) and default_size("1:1") == (1024, 1024)
    assert ratio_label("4:3", "m", {("m", "4:3"): (1200, 900)}) == "4:3 · 1200×900"
    combo.setCurrentIndex(row)
    assert panel.choices()["aspect_ratio"] == "16:9", "the API still gets the bare ratio"


def test_help_lists_the_shortcuts_as_the_menus_spell_them(signed_in):
    _loop, components = signed_in
    window = components.window
    dialog = window.open_shortcuts()
    try:
        rows = dict(dialog.rows())
        ctrl_enter = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
        assert rows["Generate"].startswith(ctrl_enter)
        assert rows["Quit"] == QKeySequence("Ctrl+Q").toString(
            QKeySequence.SequenceFormat.NativeText
        )
        assert "Go to Prompt" in rows and "Refresh" in rows and "Copy Prompt" in rows
        assert "Full-size preview" in rows
    finally:
        dialog.close()


def test_about_shows_the_version_and_the_licences(signed_in):
    _loop, components = signed_in
    dialog = components.window.open_about()
    try:
        text = dialog.text()
        assert __version__ in text
        for name, licence in (
            ("PySide6", "LGPL"),
            ("qasync", "BSD"),
            ("requests", "Apache-2.0"),
            ("keyring", "MIT"),
            ("Pillow", "HPND"),
        ):
            assert name in text and licence in text
    finally:
        dialog.close()
    menus = [action.text() for action in components.window.menuBar().actions()]
    assert menus[-1] == "&Help"
