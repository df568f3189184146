"""The job queue: several generations and edits at once, credits checked for the whole queue,
cancel that keeps the result, and retry as a new job."""

from __future__ import annotations

import pytest

from desktop.api import ApiSettings, Credentials, GenerationRequest
from desktop.app.background import BackgroundRunner
from desktop.app.job_queue import Job, JobQueue, JobStatus
from desktop.app.session import Session
from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, EmulatorConfig, start_server
from desktop.emulator.demo_data import STUDIO_WORKSPACE_ID
from desktop.ui.generate.job_panel import JobPanel
from tests.ui.app_harness import make_loop, wait_until


@pytest.fixture
def slow_server():
    server = start_server(EmulatorConfig(latency_s=0.4), port=0)
    yield server
    server.stop()


@pytest.fixture
def setup(qapp, slow_server):
    loop = make_loop(qapp)
    runner = BackgroundRunner()
    session = Session(
        runner, ApiSettings(base_url=slow_server.api_url, token_url=slow_server.token_url)
    )
    loop.run_until_complete(session.sign_in(Credentials(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)))
    loop.run_until_complete(session.select_workspace(STUDIO_WORKSPACE_ID))

    async def run_job(job: Job):
        if job.source is not None:
            return await session.edit(job.source, job.prompt)
        return await session.generate(job.request)

    queue = JobQueue(run_job, max_running=2)
    yield loop, session, queue, slow_server
    session.close()
    runner.shutdown()
    loop.close()


def request(prompt: str, n: int = 1) -> GenerationRequest:
    return GenerationRequest(prompt=prompt, model="nano-banana-2", num_images=n)


def test_jobs_run_two_at_a_time_and_all_land(setup):
    loop, session, queue, _server = setup
    before = len(session.history)
    jobs = [queue.submit_generation(request(f"tile {n}")) for n in range(3)]
    assert [job.status for job in jobs] == [JobStatus.RUNNING, JobStatus.RUNNING, JobStatus.QUEUED]
    wait_until(loop, lambda: all(job.status is JobStatus.DONE for job in jobs), timeout=30)
    assert len(session.history) == before + 3
    assert queue.data(queue.index(0, 0)).startswith("#3 Generate")
    assert "Done · 1 image" in queue.data(queue.index(0, 0))


def test_credits_are_checked_against_the_whole_queue(setup):
    _loop, _session, queue, _server = setup
    queue.submit_generation(request("a", 3))
    assert queue.check_credits(2, remaining=5) is None
    message = queue.check_credits(3, remaining=5)
    assert message and "queued" in message and "5 left" in message and "6 needed" in message


def test_cancel_stops_waiting_but_the_images_still_arrive(setup):
    loop, session, queue, server = setup
    ids_before = set(server.state.history_ids(STUDIO_WORKSPACE_ID))
    job = queue.submit_generation(request("cancel me"))
    queue.cancel(job)
    assert job.status is JobStatus.CANCELLED
    wait_until(
        loop, lambda: len(server.state.history_ids(STUDIO_WORKSPACE_ID)) == len(ids_before) + 1
    )
    new_id = (set(server.state.history_ids(STUDIO_WORKSPACE_ID)) - ids_before).pop()
    wait_until(loop, lambda: any(item.image_id == new_id for item in session.history))
    assert job.status is JobStatus.CANCELLED, "a cancelled job is not shown as done later"


def test_a_failed_job_says_why_and_retry_is_a_new_job(setup, qtbot):
    loop, _session, queue, server = setup
    server.state.faults.schedule("500", path=r"image_generation/$", count=1, method="POST")
    panel = JobPanel(queue)
    qtbot.addWidget(panel)
    failed = queue.submit_generation(request("will fail"))
    wait_until(loop, lambda: failed.status is JobStatus.FAILED, timeout=30)
    assert failed.message and "neuroflash" in failed.message.lower()
    panel.list_view.setCurrentIndex(queue.index(0, 0))
    assert panel.retry_button.isEnabled()
    with qtbot.waitSignal(panel.retryRequested) as asked:
        panel.retry_button.click()
    again = queue.retry(asked.args[0])
    assert again.number != failed.number and again.retry_of == failed.number
    assert "Retry of #1" in again.title()
    wait_until(loop, lambda: again.status is JobStatus.DONE, timeout=30)
    assert failed.status is JobStatus.FAILED, "the failed job stays as it was"
