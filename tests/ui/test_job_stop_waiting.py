"""Issue 11.2: a sent job can't be cancelled, so its button says "Stop waiting" and says before
the click that the images still arrive and are charged; only a queued job gets a real Cancel."""

from __future__ import annotations

import asyncio

import pytest

from desktop.api import GenerationRequest, GenerationResult
from desktop.app.job_queue import JobQueue, JobStatus
from desktop.ui.generate.job_panel import JobPanel
from desktop.ui.generate.panel import GeneratePanel
from tests.ui.app_harness import make_loop, wait_until


@pytest.fixture
def held_queue(qapp, qtbot):
    """A queue that runs one job at a time; a running job waits until the test lets it go."""
    loop = make_loop(qapp)
    sent: list[int] = []
    release: asyncio.Future[GenerationResult] = loop.create_future()

    async def run_job(job):
        sent.append(job.number)
        return await release

    queue = JobQueue(run_job, max_running=1)
    panel = JobPanel(queue)
    qtbot.addWidget(panel)
    panel.show()
    yield loop, queue, panel, sent, release
    if not release.done():
        release.cancel()
    loop.run_until_complete(asyncio.sleep(0))
    loop.close()


def _request(prompt: str) -> GenerationRequest:
    return GenerationRequest(prompt=prompt, model="nano-banana-2", num_images=2)


def test_a_running_job_offers_stop_waiting_and_says_it_is_charged(held_queue):
    loop, queue, panel, sent, _release = held_queue
    running = queue.submit_generation(_request("sent already"))
    wait_until(loop, lambda: sent == [running.number])
    panel.list_view.setCurrentIndex(queue.index(0, 0))
    assert panel.cancel_button.text() == "Stop waiting"
    said = panel.cancel_button.toolTip().lower()
    assert "still arrive" in said and "charged" in said
    assert "charged even if you stop waiting" in queue.data(queue.index(0, 0))

    panel.cancel_button.click()
    assert running.status is JobStatus.CANCELLED
    assert "still arrive and are charged" in queue.data(queue.index(0, 0))


def test_only_a_queued_job_gets_a_real_cancel_and_it_is_never_sent(held_queue):
    loop, queue, panel, sent, release = held_queue
    first = queue.submit_generation(_request("first"))
    queued = queue.submit_generation(_request("second"))
    wait_until(loop, lambda: sent == [first.number])
    assert queued.status is JobStatus.QUEUED
    panel.list_view.setCurrentIndex(queue.index(0, 0))  # newest first: the queued one
    assert panel.cancel_button.text() == "Cancel"
    assert "costs nothing" in panel.cancel_button.toolTip()
    panel.cancel_button.click()
    assert "nothing was sent, no credits used" in queue.data(queue.index(0, 0))

    release.set_result(
        GenerationResult(images=(), prompt="first", batch_id="b", detail=None, requested=2)
    )
    wait_until(loop, lambda: first.status is JobStatus.DONE)
    loop.run_until_complete(asyncio.sleep(0.05))
    assert sent == [first.number], "a cancelled queued job must never be sent"


def test_the_generate_panel_says_stop_waiting_not_cancel(qtbot):
    panel = GeneratePanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_running(True, "Generating 2 images")
    assert panel.cancel_button.isVisible()
    assert panel.cancel_button.text() == "Stop waiting"
    assert "charged" in panel.cancel_button.toolTip()
