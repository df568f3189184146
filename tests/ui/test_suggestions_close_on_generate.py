"""First-hour QA (s5-e): typing a prompt that matched an earlier one and pressing Ctrl+Return
generated, but the recent-prompts box stayed open, left floating over Aspect ratio / Format
after the job list appeared and the form moved up beneath it."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest

from tests.ui.app_harness import wait_until
from tests.ui.conftest import settle


def test_generating_closes_the_recent_prompts_box(window_in):
    loop, window = window_in
    settle(loop, window, 1280, 800)
    panel = window.generate_panel
    queue = window.job.queue
    panel.prompt_edit.setPlainText("A red fox in the snow")
    panel.generate_button.click()
    wait_until(loop, lambda: queue.rowCount() == 1 and not queue.jobs()[0].active)
    edit = panel.prompt_edit
    edit.clear()
    edit.setFocus()
    QTest.keyClicks(edit, "a red")
    popup = edit.completer.popup()
    assert popup.isVisible(), "the earlier prompt is offered"
    generate = next(
        action
        for action in window.findChildren(QAction)
        if QKeySequence("Ctrl+Return") in action.shortcuts()
    )
    generate.trigger()  # what Ctrl+Return does
    wait_until(loop, lambda: queue.rowCount() == 2)
    settle(loop, window, 1280, 800)
    assert not popup.isVisible(), "the suggestion box floats over the form after generating"
