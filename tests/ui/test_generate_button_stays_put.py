"""First-hour QA (s5-e): clicking Generate again and again at 1280x800 missed the button. Each
new job grew the job list by a row, the prompt gave way, and the Generate button moved up
under the pointer, so the second and third clicks landed on the credit line instead."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from tests.ui.app_harness import wait_until
from tests.ui.conftest import settle


def _generate_once(loop, window) -> None:
    queue = window.job.queue
    before = queue.rowCount()
    window.generate_panel.generate_button.click()
    wait_until(loop, lambda: queue.rowCount() > before and not queue.jobs()[0].active)
    settle(loop, window, 1280, 800)


def test_the_generate_button_stays_under_the_pointer_job_after_job(window_in):
    loop, window = window_in
    settle(loop, window, 1280, 800)
    panel = window.generate_panel
    panel.prompt_edit.setPlainText("A red fox in the snow")
    _generate_once(loop, window)  # the job list appears: the one move a designer expects
    button = panel.generate_button
    where = button.mapTo(window, QPoint(0, 0))
    for _second_and_third in range(2):
        _generate_once(loop, window)
        assert button.mapTo(window, QPoint(0, 0)) == where, "Generate moved under the pointer"
    assert button.isVisible() and panel.prompt_edit.isVisible()
