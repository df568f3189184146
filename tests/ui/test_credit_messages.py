"""Issue 11.4: one credit message, with the way out: "Generate 2 instead", when credits renew,
another workspace that has credits; a plan without images is said once, not three times."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QLabel

from desktop.emulator.demo_data import (
    NEARLY_EMPTY_WORKSPACE_ID,
    STUDIO_WORKSPACE_ID,
    TEXT_ONLY_WORKSPACE_ID,
)
from tests.ui.app_harness import wait_until

NO_PLAN = "plan doesn't include image generation"


def _switch_to(loop, window, session, workspace_id: str) -> None:
    window.choose_workspace(workspace_id)
    wait_until(loop, lambda: session.workspace_id == workspace_id)
    wait_until(loop, lambda: window.display.quota_loaded)


def test_too_few_credits_say_one_thing_and_offer_fewer_images(signed_in, emulator):
    loop, components = signed_in
    window, session = components.window, components.session
    _switch_to(loop, window, session, NEARLY_EMPTY_WORKSPACE_ID)
    wait_until(loop, lambda: window.generate_panel.model_combo.count() > 0)
    left = emulator.state.quota(NEARLY_EMPTY_WORKSPACE_ID)["availableAmount"]
    assert left == 2
    panel = window.generate_panel
    panel.prompt_edit.setPlainText("a lighthouse")
    panel.num_images_spin.setValue(4)

    assert panel.cost_label.text() == "Not enough credits: 2 left, 4 needed."
    assert "fewer images" not in panel.cost_label.text()
    assert not panel.generate_button.isEnabled(), "no Generate that the app then refuses"
    fewer = panel.way_out.fewer_button
    assert fewer.isVisible() and fewer.text() == "Generate 2 instead"
    fewer.click()
    assert panel.num_images_spin.value() == 2
    assert panel.generate_button.isEnabled()
    assert not fewer.isVisible()


def test_no_credits_say_when_they_renew_and_offer_a_workspace_with_credits(signed_in):
    loop, components = signed_in
    window, session = components.window, components.session
    panel = window.generate_panel
    _switch_to(loop, window, session, NEARLY_EMPTY_WORKSPACE_ID)
    wait_until(loop, lambda: panel.model_combo.count() > 0)
    panel.prompt_edit.setPlainText("use them up")
    panel.num_images_spin.setValue(2)
    panel.generate_button.click()
    wait_until(loop, lambda: session.quota is not None and session.quota.remaining == 0)

    assert panel.cost_label.text() == (
        "No image credits left in this billing cycle. They renew when the next cycle starts."
    )
    switch = panel.way_out.switch_button
    wait_until(loop, lambda: switch.isVisible())
    assert switch.text().startswith("Switch to Studio (")
    assert switch.text().endswith(" credits left)")
    switch.click()
    wait_until(loop, lambda: session.workspace_id == STUDIO_WORKSPACE_ID)
    wait_until(loop, lambda: not switch.isVisible())


def test_a_plan_without_images_is_said_once(signed_in):
    loop, components = signed_in
    window, session = components.window, components.session
    _switch_to(loop, window, session, TEXT_ONLY_WORKSPACE_ID)
    wait_until(loop, lambda: window.history_view.empty_text() != "Loading history…")

    def saying_it() -> list[str]:
        labels = [w for w in window.findChildren(QLabel) if w.isVisible()]
        texts = [label.text() for label in labels]
        texts.append(window.history_view.empty_text())
        return [text for text in texts if NO_PLAN in text]

    assert len(saying_it()) == 1, saying_it()
    assert NO_PLAN in window.generate_panel.cost_label.text()
    wait_until(loop, lambda: window.generate_panel.way_out.switch_button.isVisible())


def test_a_job_running_in_another_workspace_does_not_use_this_ones_credits(qapp):
    from desktop.api import GenerationRequest
    from desktop.app.job_queue import JobQueue
    from tests.ui.app_harness import make_loop

    loop = make_loop(qapp)

    async def never(_job):
        await asyncio.Event().wait()

    queue = JobQueue(never)
    request = GenerationRequest(prompt="busy in Studio", model="nano-banana-2", num_images=1)
    studio_job = queue.submit_generation(request, STUDIO_WORKSPACE_ID)
    assert queue.check_credits(2, remaining=2, workspace_id=NEARLY_EMPTY_WORKSPACE_ID) is None
    assert queue.check_credits(2, remaining=2, workspace_id=STUDIO_WORKSPACE_ID)
    queue.cancel(studio_job)
    studio_job.task.cancel()
    loop.run_until_complete(asyncio.sleep(0))
    loop.close()


def test_a_queued_job_is_charged_to_the_workspace_it_was_asked_in(signed_in, emulator):
    loop, components = signed_in
    window, session = components.window, components.session
    queue = window.job.queue
    studio_used = emulator.state.quota(STUDIO_WORKSPACE_ID)["usedAmount"]
    side_used = emulator.state.quota(NEARLY_EMPTY_WORKSPACE_ID)["usedAmount"]
    queue._max_running = 0  # hold it in the queue, as a busy queue would
    panel = window.generate_panel
    panel.prompt_edit.setPlainText("asked for in Studio")
    panel.generate_button.click()
    job = queue.jobs()[0]
    _switch_to(loop, window, session, NEARLY_EMPTY_WORKSPACE_ID)
    queue._max_running = 2
    queue._start_next()
    wait_until(loop, lambda: not job.active)
    assert emulator.state.quota(STUDIO_WORKSPACE_ID)["usedAmount"] == studio_used + 1
    assert emulator.state.quota(NEARLY_EMPTY_WORKSPACE_ID)["usedAmount"] == side_used


def test_the_panel_counts_queued_jobs_as_the_queue_does(signed_in):
    loop, components = signed_in
    window, session = components.window, components.session
    panel, queue = window.generate_panel, window.job.queue
    _switch_to(loop, window, session, NEARLY_EMPTY_WORKSPACE_ID)
    wait_until(loop, lambda: panel.model_combo.count() > 0)
    queue._max_running = 0  # one job waiting in the queue for 1 of the 2 credits
    panel.prompt_edit.setPlainText("waiting")
    panel.num_images_spin.setValue(1)
    panel.generate_button.click()
    panel.num_images_spin.setValue(2)

    assert panel.cost_label.text() == (
        "Not enough credits for this and the queued jobs: 2 left, 3 needed."
    )
    assert not panel.generate_button.isEnabled()
    assert panel.way_out.fewer_button.text() == "Generate 1 instead"
    queue.cancel(queue.jobs()[0])
    assert panel.generate_button.isEnabled()
