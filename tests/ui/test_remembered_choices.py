"""Issue 11, item 9: the generate choices survive a quit, per workspace, and a restart for a
new language says what it would lose first."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from desktop.services.settings import AppSettings
from desktop.ui.shell.settings_dialog import SettingsDialog
from tests.ui.app_harness import close_components, make_components, make_loop, wait_until


def _start(qapp, emulator, profile):
    loop = make_loop(qapp)
    components = make_components(emulator.api_url, emulator.token_url, profile)
    window = components.window
    window.show()
    components.session.spawn(components.flow.start(demo=False))
    wait_until(loop, lambda: window.generate_panel.model_combo.count() > 0)
    return loop, components


def _pick(combo, data) -> None:
    """As a designer does: choose the entry (``activated`` fires only for such picks)."""
    row = combo.findData(data)
    assert row >= 0, data
    combo.setCurrentIndex(row)
    combo.activated.emit(row)


def test_model_ratio_format_and_count_survive_a_quit_per_workspace(
    qapp, emulator, tmp_path, monkeypatch
):
    monkeypatch.setenv("NEUROFLASH_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("NEUROFLASH_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    profile = tmp_path / "profile"
    loop, components = _start(qapp, emulator, profile)
    window = components.window
    panel = window.generate_panel
    first_workspace = components.session.workspace_id
    model = next(m for m in panel.models if m.allowed and m.id != panel.models[0].id)
    _pick(panel.model_combo, model.id)
    ratio = next(r for r in model.aspect_ratios if r != "1:1")
    _pick(panel.aspect_ratio_combo, ratio)
    fmt = next(f for f in model.output_formats if f != "png")
    _pick(panel.output_format_combo, fmt)
    panel.num_images_spin.setValue(model.max_images)
    chosen = panel.choices()
    # another workspace keeps its own (the defaults here)
    other = next(w.id for w in components.session.workspaces if w.id != first_workspace)
    window.choose_workspace(other)
    wait_until(loop, lambda: components.session.workspace_id == other)
    wait_until(loop, lambda: panel.model_combo.count() > 0)
    assert panel.choices() != chosen
    window.choose_workspace(first_workspace)
    wait_until(loop, lambda: components.session.workspace_id == first_workspace)
    wait_until(loop, lambda: panel.choices() == chosen)
    close_components(components, loop)
    loop.close()

    loop, components = _start(qapp, emulator, profile)  # the app again, same profile
    try:
        panel = components.window.generate_panel
        assert components.session.workspace_id == first_workspace
        wait_until(loop, lambda: panel.choices() == chosen)
        assert panel.aspect_ratio_combo.currentData() == ratio
        assert panel.num_images_spin.value() == model.max_images
    finally:
        close_components(components, loop)
        loop.close()


def test_a_restart_says_what_it_would_lose_before_restarting(qtbot, tmp_path):
    restarted = []
    losses = ["the 3 images made in this demo", "the prompt you are writing"]
    dialog = SettingsDialog(
        AppSettings(tmp_path / "s.ini"),
        "en",
        restart=lambda: restarted.append(True) or True,
        losses=lambda: losses,
    )
    qtbot.addWidget(dialog)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("de"))
    assert dialog.restart_button.isVisible() or not dialog.isVisible()
    dialog.restart_button.click()
    box = dialog.confirm_box
    assert box is not None and not restarted, "nothing restarts before the designer agrees"
    assert "3 images made in this demo" in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    restart = next(b for b in box.buttons() if b.text() == "Restart Anyway")
    restart.click()
    assert restarted == [True]


def test_the_demo_session_lists_its_images_as_lost(signed_in):
    loop, components = signed_in
    window = components.window
    assert window.restart_losses() == []
    window.demo_active = lambda: True
    panel = window.generate_panel
    panel.prompt_edit.setPlainText("A paper boat")
    panel.request_generate()
    wait_until(loop, lambda: any(job.made for job in window.job.queue.jobs()), timeout=30)
    lost = window.restart_losses()
    assert any("image made in this demo" in text for text in lost)
    assert "the prompt you are writing" in lost
