"""Issue 11.3: a generate whose connection dropped after the server made the images is "Done"
once the images turn up, not red "Failed" next to a Retry; Retry on a job whose images may
exist warns about the cost first (a non-blocking dialog)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.app.job_queue import JobStatus
from desktop.emulator.demo_data import STUDIO_WORKSPACE_ID
from tests.ui.app_harness import wait_until


def _generate_with_a_dropped_answer(loop, components, emulator, prompt: str):
    window = components.window
    emulator.state.faults.schedule("drop", path=r"/image_generation/$", method="POST")
    panel = window.generate_panel
    panel.prompt_edit.setPlainText(prompt)
    panel.num_images_spin.setValue(2)
    panel.generate_button.click()
    wait_until(loop, lambda: bool(window.job.queue.jobs()))
    job = window.job.queue.jobs()[0]
    wait_until(loop, lambda: job.status is JobStatus.FAILED)
    return job


def test_a_dropped_generate_is_done_once_its_images_arrive(signed_in, emulator, monkeypatch):
    monkeypatch.setattr("desktop.app.image_operations.REFRESH_AFTER_DROP_S", 0.3)
    loop, components = signed_in
    window = components.window
    rows = window.history_model.rowCount()
    job = _generate_with_a_dropped_answer(loop, components, emulator, "a lighthouse in fog")
    wait_until(loop, lambda: window.history_model.rowCount() == rows + 2)  # the app looked
    wait_until(loop, lambda: job.status is JobStatus.DONE)

    shown = window.job.queue.data(window.job.queue.index(0, 0))
    assert "Done: the images arrived after the connection dropped" in shown
    assert "Failed" not in shown
    window.job_panel.list_view.setCurrentIndex(window.job.queue.index(0, 0))
    assert not window.job_panel.retry_button.isEnabled(), "no Retry that charges a second time"
    message = window.generate_panel.message_label
    assert message.text() == "Done: the images arrived after the connection dropped."
    assert message.property("role") != "error"


def test_retry_of_a_job_whose_images_may_exist_warns_about_the_cost(
    signed_in, emulator, monkeypatch
):
    monkeypatch.setattr("desktop.app.image_operations.REFRESH_AFTER_DROP_S", 60.0)  # not found yet
    loop, components = signed_in
    window = components.window
    job = _generate_with_a_dropped_answer(loop, components, emulator, "a fox in the snow")
    used = emulator.state.quota(STUDIO_WORKSPACE_ID)["usedAmount"]
    panel = window.job_panel
    panel.list_view.setCurrentIndex(window.job.queue.index(0, 0))
    assert panel.retry_button.isEnabled()

    asked = []
    panel.retryRequested.connect(asked.append)
    panel.retry_button.click()
    box = panel.retry_confirmation
    assert isinstance(box, QMessageBox) and box.isVisible(), "Retry must warn first"
    said = f"{box.text()} {box.informativeText()}"
    assert "may already be" in said and "2 credits again" in said
    assert asked == [], "nothing is sent before the designer agrees"
    box.button(QMessageBox.StandardButton.Cancel).click()
    wait_until(loop, lambda: panel.retry_confirmation is None)
    assert asked == []
    assert len(window.job.queue.jobs()) == 1
    assert emulator.state.quota(STUDIO_WORKSPACE_ID)["usedAmount"] == used

    panel.retry_button.click()
    again = next(b for b in panel.retry_confirmation.buttons() if b.text() == "Retry anyway")
    again.click()
    wait_until(loop, lambda: len(window.job.queue.jobs()) == 2)
    assert window.job.queue.jobs()[0].retry_of == job.number
