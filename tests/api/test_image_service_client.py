"""The client's family-B calls against the built-in server over real HTTP: upload (with the
local checks), get/list/delete, edit and upscale tasks in both task modes, polling with cancel
and a time limit, faults, and the workspace capabilities."""

from __future__ import annotations

import io
import os
import threading
import time
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from desktop.api import EditTaskRequest, GenerationRequest, NeuroflashClient, UpscaleTaskRequest
from desktop.api.capabilities import WorkspaceCapabilities
from desktop.api.errors import (
    InvalidRequestError,
    NetworkError,
    NotFoundError,
    ServiceError,
    TaskCancelledError,
    TaskTimedOutError,
    UnexpectedResponseError,
    UploadRefusedError,
)
from desktop.api.image_service import merge_history
from desktop.emulator import demo_data
from tests.emulator.test_image_service import HEIC, bomb_png, png

STUDIO = demo_data.STUDIO_WORKSPACE_ID
TEXT_ONLY = demo_data.TEXT_ONLY_WORKSPACE_ID
UPSCALE = r"/image-upscale-tasks$"
EDIT = r"/image-edit-tasks$"


def used(server) -> int:  # type: ignore[no-untyped-def]
    return server.state.quota(STUDIO)["usedAmount"]


def task_posts(server) -> int:  # type: ignore[no-untyped-def]
    """How many task submits (credit-spending POSTs) reached the server."""
    return server.state.request_counts.snapshot()["generate"]


@pytest.fixture(params=[False, True], ids=["sync", "async"])
def mode_server(request, make_server):  # type: ignore[no-untyped-def]
    return make_server(async_tasks=request.param, task_delay_s=0.3, rate_limit_per_minute=0)


@pytest.fixture
def fast(make_client):  # type: ignore[no-untyped-def]
    def make(server) -> NeuroflashClient:  # type: ignore[no-untyped-def]
        return make_client(server, task_poll_first_delay=0.05, task_poll_max_delay=0.2)

    return make


# -- upload ------------------------------------------------------------------------------------


def test_upload_a_file_and_bytes(server, client, tmp_path: Path) -> None:
    file = tmp_path / "photo.png"
    file.write_bytes(png(30, 20))
    before = used(server)
    image = client.upload_image(STUDIO, file)
    assert (image.width, image.height, image.kind, image.status) == (30, 20, "imported", "done")
    again = client.upload_image(STUDIO, png(8, 8), "clip.png")
    assert again.id != image.id and used(server) == before
    assert client.download_image(STUDIO, image.content_url).content == png(30, 20)
    newest = client.history(STUDIO)[0]
    assert newest.image_id == again.id and newest.image_kind == "imported"


def _jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (16, 16), "blue").save(buf, "JPEG")
    return buf.getvalue()


def _webp() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (16, 16), "blue").save(buf, "WEBP")
    return buf.getvalue()


@pytest.mark.parametrize("data", [_jpeg(), _webp()], ids=["jpeg", "webp"])
def test_jpeg_and_webp_are_taken_by_their_bytes_whatever_the_name(server, client, data) -> None:
    image = client.upload_image(STUDIO, data, "named-wrong.png")
    assert image.width == 16


@pytest.mark.parametrize(
    "data, reason, words",
    [
        (b"%PDF-1.7 not an image at all", "not-image", "not an image"),
        (HEIC, "format", "HEIC"),
        (b"8BPS\x00\x01" + b"\x00" * 40, "format", "Photoshop"),
        (b"GIF89a\x01\x00\x01\x00" + b"\x00" * 20 + b";", "format", "PNG, JPEG or WebP"),
        (bomb_png(), "pixels", "pixels"),
        (png()[:-12], "incomplete", "incomplete"),
        (png() + b"\x00" * (20 * 1024 * 1024), "too-big", "20 MB"),
    ],
    ids=["pdf", "heic", "psd", "gif", "bomb", "truncated", "too-big"],
)
def test_bad_uploads_are_refused_before_anything_is_sent(
    server, client, data, reason, words
) -> None:
    client.sign_in()
    seen = server.state.faults.requests_seen
    with pytest.raises(UploadRefusedError) as caught:
        client.upload_image(STUDIO, data, "file.png")
    assert caught.value.reason == reason and words in caught.value.message
    assert server.state.faults.requests_seen == seen, "nothing reached the server"


def test_a_huge_file_is_refused_without_reading_it(server, client, tmp_path: Path) -> None:
    file = tmp_path / "huge.png"
    with file.open("wb") as handle:  # sparse: 2 GB on paper, nothing on disk
        handle.truncate(2 * 1024**3)
    with pytest.raises(UploadRefusedError) as caught:
        client.upload_image(STUDIO, file)
    assert caught.value.reason == "too-big"


def test_an_unreadable_file_says_so(client, tmp_path: Path) -> None:
    with pytest.raises(UploadRefusedError) as caught:
        client.upload_image(STUDIO, tmp_path / "missing.png")
    assert caught.value.reason == "unreadable" and "missing.png" not in caught.value.message


def test_a_dropped_upload_is_not_sent_twice(server, client) -> None:
    client.sign_in()
    before = len(server.state.history_ids(STUDIO))
    server.state.faults.schedule("drop", path=r"/images$", count=1, method="POST")
    with pytest.raises(NetworkError) as caught:
        client.upload_image(STUDIO, png())
    assert caught.value.maybe_delivered
    assert len(server.state.history_ids(STUDIO)) == before + 1, "one copy, not two"


# -- get, list, delete -------------------------------------------------------------------------


def test_get_list_pages_and_delete(server, client) -> None:
    a = client.upload_image(STUDIO, png(colour=(1, 1, 1)))
    b = client.upload_image(STUDIO, png(colour=(2, 2, 2)))
    assert client.service_image(STUDIO, a.id).id == a.id
    page = client.service_images_page(STUDIO, 1, 2)
    assert [i.id for i in page.images] == [b.id, a.id] and page.pages is not None
    everything = client.service_images(STUDIO, page_size=3)
    assert [i.id for i in everything] == server.state.history_ids(STUDIO)
    client.delete_service_image(STUDIO, a.id)
    with pytest.raises(NotFoundError):
        client.service_image(STUDIO, a.id)
    assert a.id not in server.state.history_ids(STUDIO)


def test_list_retries_a_503_and_a_drop(server, client) -> None:
    client.sign_in()
    server.state.faults.schedule("503", path=r"/images$", count=1, method="GET")
    server.state.faults.schedule("drop", path=r"/images$", count=1, method="GET")
    assert client.service_images_page(STUDIO).images


# -- tasks, both modes -------------------------------------------------------------------------


def test_upscale_in_both_task_modes(mode_server, fast) -> None:
    client = fast(mode_server)
    source = client.upload_image(STUDIO, png(25, 15))
    before = used(mode_server)
    result = client.upscale_image(STUDIO, UpscaleTaskRequest(source.id, 4))
    [image] = result.images
    assert (image.width, image.height, image.kind) == (100, 60, "upscaled")
    assert image.input_image_ids == (source.id,) and not result.partial
    assert used(mode_server) == before + 1
    data = client.download_image(STUDIO, image.content_url).content
    assert Image.open(io.BytesIO(data)).size == (100, 60)


def test_masked_edit_in_both_task_modes(mode_server, fast) -> None:
    client = fast(mode_server)
    photo = Image.effect_noise((40, 30), 60).convert("RGB")
    buf = io.BytesIO()
    photo.save(buf, "PNG")
    source = client.upload_image(STUDIO, buf.getvalue())
    mask = Image.new("L", (40, 30), 0)
    mask.paste(255, (20, 0, 40, 30))
    mbuf = io.BytesIO()
    mask.save(mbuf, "PNG")
    mask_image = client.upload_image(STUDIO, mbuf.getvalue())
    result = client.edit_image(
        STUDIO,
        EditTaskRequest(
            source.id, "a red door", mask_image_id=mask_image.id, num_images=2, output_format="png"
        ),
    )
    assert len(result.images) == 2 and all(i.kind == "edited" for i in result.images)
    for image in result.images:
        data = client.download_image(STUDIO, image.content_url).content
        diff = ImageChops.difference(Image.open(io.BytesIO(data)).convert("RGB"), photo)
        assert diff.crop((0, 0, 20, 30)).getbbox() is None
        assert diff.crop((20, 0, 40, 30)).getbbox() is not None
    kinds = {i.image_id: i.image_kind for i in client.history(STUDIO)}
    assert [kinds[i.id] for i in result.images] == ["edited", "edited"]


def test_sync_answer_is_used_at_once_without_polling(server, fast) -> None:
    client = fast(server)
    source = client.upload_image(STUDIO, png())
    task = client.start_upscale_task(STUDIO, UpscaleTaskRequest(source.id, 2))
    assert task.settled
    seen = server.state.faults.requests_seen
    assert client.finish_task(STUDIO, task).images == task.images
    assert server.state.faults.requests_seen == seen


def test_async_task_can_be_waited_for_later(make_server, fast) -> None:
    server = make_server(async_tasks=True, task_delay_s=0.3)
    client = fast(server)
    source = client.upload_image(STUDIO, png())
    task = client.start_upscale_task(STUDIO, UpscaleTaskRequest(source.id, 2))
    assert not task.settled and task.result().images == ()
    assert client.finish_task(STUDIO, task).images[0].ready


@pytest.mark.parametrize("how", ["event", "callable"])
def test_cancel_stops_waiting_but_the_images_still_arrive(make_server, fast, how) -> None:
    server = make_server(async_tasks=True, task_delay_s=1.0)
    client = fast(server)
    source = client.upload_image(STUDIO, png())
    event = threading.Event()
    cancel = event if how == "event" else event.is_set
    threading.Timer(0.2, event.set).start()
    before = used(server)
    with pytest.raises(TaskCancelledError) as caught:
        client.upscale_image(STUDIO, UpscaleTaskRequest(source.id, 2), cancel=cancel)
    [pending] = caught.value.pending_ids
    assert "Stopped waiting" in caught.value.message and used(server) == before + 1
    time.sleep(1.0)
    assert pending in server.state.history_ids(STUDIO)
    assert task_posts(server) == 1, "the task was sent once"


def test_time_limit_ends_the_wait(make_server, fast) -> None:
    server = make_server(async_tasks=True, task_delay_s=5.0)
    client = fast(server)
    source = client.upload_image(STUDIO, png())
    with pytest.raises(TaskTimedOutError) as caught:
        client.upscale_image(STUDIO, UpscaleTaskRequest(source.id, 2), time_limit=0.3)
    assert caught.value.pending_ids and "longer than usual" in caught.value.message


def test_a_failed_image_is_reported_not_waited_for(make_server, fast) -> None:
    server = make_server(async_tasks=True, task_delay_s=0.2)
    client = fast(server)
    source = client.upload_image(STUDIO, png())
    server.state.fail_next_images = 1
    result = client.edit_image(STUDIO, EditTaskRequest(source.id, "x", num_images=2))
    assert len(result.images) == 1 and len(result.failed_ids) == 1 and result.partial


def test_polling_rides_out_faults(make_server, fast) -> None:
    server = make_server(async_tasks=True, task_delay_s=0.3)
    client = fast(server)
    source = client.upload_image(STUDIO, png())
    for kind in ("503", "drop", "500", "malformed"):
        server.state.faults.schedule(kind, path=r"/images/[^/]+$", count=1, method="GET")
    result = client.upscale_image(STUDIO, UpscaleTaskRequest(source.id, 2))
    assert result.images[0].ready


@pytest.mark.parametrize("kind", ["drop", "500", "503", "timeout"])
def test_a_task_submit_is_never_resent(make_server, make_client, kind) -> None:
    # The client gives up well before the held answer comes, and far later than a loaded CI
    # machine needs for an ordinary answer (0.5 s was once too short for the upload).
    server = make_server(timeout_fault_s=3.0)
    client = make_client(server, generate_timeout=1.5, read_timeout=1.5)
    source = client.upload_image(STUDIO, png())
    before, sent_before = used(server), task_posts(server)
    server.state.faults.schedule(kind, path=UPSCALE, count=3)
    with pytest.raises((NetworkError, ServiceError)) as caught:
        client.upscale_image(STUDIO, UpscaleTaskRequest(source.id, 2))
    time.sleep(3.2 if kind == "timeout" else 0.0)
    assert task_posts(server) - sent_before == 1, "a task spends credits: one POST, whatever"
    charged = used(server) - before
    # A held answer's request may or may not be carried out after the client gave up; it is
    # never carried out twice.
    assert charged == {"500": 0, "503": 0, "drop": 1}.get(kind, charged) and charged <= 1
    if kind in ("drop", "timeout"):
        assert isinstance(caught.value, NetworkError) and caught.value.maybe_delivered
        assert "may still arrive" in caught.value.message


def test_bad_task_requests_are_refused_locally(server, client) -> None:
    client.sign_in()
    seen = server.state.faults.requests_seen
    with pytest.raises(InvalidRequestError):
        client.upscale_image(STUDIO, UpscaleTaskRequest("some-id", 3))
    with pytest.raises(InvalidRequestError):
        client.edit_image(STUDIO, EditTaskRequest("some-id", "   "))
    with pytest.raises(InvalidRequestError):
        client.edit_image(STUDIO, EditTaskRequest("", "x"))
    assert server.state.faults.requests_seen == seen


# -- capabilities, kinds, merging ------------------------------------------------------------


def test_capabilities_from_the_catalogue(client) -> None:
    studio = WorkspaceCapabilities.from_models(client.models(STUDIO))
    assert studio.can_upload and studio.can_edit_masked
    assert studio.can_upscale(2) and studio.can_upscale(4) and not studio.can_upscale(3)
    assert studio.upscale_reason(4) is None and studio.masked_edit_reason is None
    text_only = WorkspaceCapabilities.from_models(client.models(TEXT_ONLY))
    assert not text_only.can_upload and not text_only.can_upscale()
    assert text_only.upload_reason == "This workspace's plan does not include images."


def test_merge_history_shows_each_image_once(server, client) -> None:
    image = client.upload_image(STUDIO, png())
    history = client.history(STUDIO)
    merged = merge_history(history, client.service_images(STUDIO))
    assert [i.image_id for i in merged] == [i.image_id for i in history]
    alone = merge_history(history[1:], [image])
    assert alone[0].image_id == image.id and alone[0].image_kind == "imported"
    assert len(alone) == len(history)


def test_upload_path_may_be_a_pathlike(client, tmp_path: Path) -> None:
    file = tmp_path / "x.png"
    file.write_bytes(png())
    assert client.upload_image(STUDIO, os.fspath(file)).kind == "imported"


@pytest.mark.parametrize("kind", ["malformed", "truncated"])
def test_an_unreadable_task_answer_says_the_images_may_still_arrive(server, client, kind) -> None:
    source = client.upload_image(STUDIO, png())
    before, sent = used(server), task_posts(server)
    server.state.faults.schedule(kind, path=UPSCALE, count=3)
    with pytest.raises(UnexpectedResponseError) as caught:
        client.upscale_image(STUDIO, UpscaleTaskRequest(source.id, 2))
    assert caught.value.maybe_delivered and "may still arrive" in caught.value.message
    assert "Try again" not in caught.value.message, "a retry would spend the credit twice"
    assert task_posts(server) - sent == 1 and used(server) == before + 1


def test_an_unreadable_upload_answer_says_refresh_before_importing_again(server, client):
    client.sign_in()
    server.state.faults.schedule("malformed", path=r"/images$", count=1, method="POST")
    with pytest.raises(UnexpectedResponseError) as caught:
        client.upload_image(STUDIO, png())
    assert caught.value.maybe_delivered and "Refresh" in caught.value.message


def test_a_passing_404_while_polling_is_not_a_failure(make_server, fast) -> None:
    server = make_server(async_tasks=True, task_delay_s=0.3)
    client = fast(server)
    source = client.upload_image(STUDIO, png())
    server.state.faults.schedule("404", path=r"/images/[^/]+$", count=2, method="GET")
    result = client.upscale_image(STUDIO, UpscaleTaskRequest(source.id, 2))
    assert len(result.images) == 1 and result.failed_ids == ()


def test_offline_while_waiting_says_so(make_server, fast) -> None:
    server = make_server(async_tasks=True, task_delay_s=5.0)
    client = fast(server)
    source = client.upload_image(STUDIO, png())
    task = client.start_upscale_task(STUDIO, UpscaleTaskRequest(source.id, 2))
    server.state.faults.schedule("drop", path=r"/images/[^/]+$", count=1000, method="GET")
    with pytest.raises(TaskTimedOutError) as caught:
        client.finish_task(STUDIO, task, time_limit=0.5)
    assert "Can't reach neuroflash" in caught.value.message and caught.value.pending_ids


def test_generation_task_in_both_task_modes(mode_server, fast) -> None:
    client = fast(mode_server)
    before = used(mode_server)
    result = client.generate_images(
        STUDIO,
        GenerationRequest(
            "a lighthouse", demo_data.NANO_BANANA_MODEL_ID, num_images=2, aspect_ratio="16:9"
        ),
    )
    assert [(i.width, i.height, i.kind) for i in result.images] == [(1024, 576, "generated")] * 2
    assert used(mode_server) == before + 2
    kinds = {i.image_id: i.image_kind for i in client.history(STUDIO)}
    assert [kinds[i.id] for i in result.images] == ["generated", "generated"]


def test_a_dropped_generation_task_is_charged_once(server, client) -> None:
    client.sign_in()
    before, sent = used(server), task_posts(server)
    server.state.faults.schedule("drop", path=r"/image-generation-tasks$", count=3)
    with pytest.raises(NetworkError) as caught:
        client.generate_images(STUDIO, GenerationRequest("a fox", demo_data.NANO_BANANA_MODEL_ID))
    assert caught.value.maybe_delivered
    assert task_posts(server) - sent == 1 and used(server) == before + 1
