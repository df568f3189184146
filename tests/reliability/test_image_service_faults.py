"""Every image-service call × every fault, at the API level over real HTTP (through a Gate for
"refused"): the error is in a designer's words (or the fault is absorbed), a task or upload is
sent once whatever happens, no credit is spent twice, nothing the server made is lost from the
history, and the next call works as soon as the fault is gone.

Outcomes are compared with image_service_matrix.json; docs/reliability.md is rendered from it.
After a deliberate change in behaviour: NF_WRITE_MATRIX=1 pytest
tests/reliability/test_image_service_faults.py, then python -m tests.reliability.render_doc.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PIL import Image

from desktop.api import (
    ApiSettings,
    Credentials,
    EditTaskRequest,
    GenerationRequest,
    NeuroflashClient,
    ServiceImage,
    UpscaleTaskRequest,
)
from desktop.api.errors import NeuroflashError
from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, EmulatorConfig, start_server
from desktop.emulator.demo_data import STUDIO_WORKSPACE_ID as STUDIO
from desktop.emulator.server import EmulatorServer
from tests.reliability.gate import Gate
from tests.reliability.matrix import FAULTS, SERVICE_ENDPOINTS, SERVICE_RESULTS

WRITE = os.environ.get("NF_WRITE_MATRIX") == "1"
TIMEOUT_HOLD_S = 1.5
_recorded: dict[str, dict[str, Any]] = {}
_totals = {"cases": 0, "images_lost": 0, "credits_double_spent": 0, "sent_twice": 0}


def _png(colour: tuple[int, int, int] = (40, 90, 200)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (24, 16), colour).save(buf, "PNG")
    return buf.getvalue()


@dataclasses.dataclass
class World:
    server: EmulatorServer
    gate: Gate
    client: NeuroflashClient
    source: ServiceImage
    mask: ServiceImage


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    server = start_server(
        EmulatorConfig(
            rate_limit_per_minute=0,
            timeout_fault_s=TIMEOUT_HOLD_S,
            oversized_fault_bytes=9 << 20,
            task_delay_s=0.2,
        )
    )
    gate = Gate(server.port)
    settings = ApiSettings(
        base_url=gate.url + "/api",
        token_url=gate.url + "/oauth/v2/token",
        connect_timeout=1.0,
        read_timeout=0.8,
        generate_timeout=0.8,
        retry_base_delay=0.01,
        retry_max_delay=0.05,
        max_json_bytes=1 << 20,
        max_image_bytes=8 << 20,
        task_poll_first_delay=0.05,
        task_poll_max_delay=0.2,
        task_time_limit=4.0,
    )
    client = NeuroflashClient(Credentials(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET), settings)
    source = client.upload_image(STUDIO, _png())
    mask = client.upload_image(STUDIO, _png((255, 255, 255)))
    yield World(server, gate, client, source, mask)
    client.close()
    gate.close()
    requests_seen = server.state.faults.requests_seen
    server.stop()
    if WRITE and _recorded:
        old = json.loads(SERVICE_RESULTS.read_text()) if SERVICE_RESULTS.exists() else {"cases": {}}
        old["cases"].update(_recorded)
        old["summary"] = {**_totals, "requests": requests_seen, "faults_tried": len(old["cases"])}
        SERVICE_RESULTS.write_text(
            json.dumps(old, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        )


def _used(state: Any) -> int:
    quota = state.quota(STUDIO)
    assert quota is not None
    return int(quota["usedAmount"])


def _designer_words(text: str) -> bool:
    """Plain sentences: no markup, status codes, exception names or stack traces."""
    return (
        bool(text)
        and len(text) < 220
        and not re.search(r"<|HTTP|Traceback|Error\b|Exception|\b[45]\d\d\b|json|None", text)
    )


def _act(w: World, endpoint: str, victim: ServiceImage) -> str:
    """Do the call; a short note of what came back when it worked."""
    client = w.client
    if endpoint == "upload":
        return f"uploaded {client.upload_image(STUDIO, _png((1, 2, 3))).kind}"
    if endpoint == "list":
        return f"{len(client.service_images_page(STUDIO, 1, 5).images)} listed"
    if endpoint == "get":
        return client.service_image(STUDIO, w.source.id).status
    if endpoint == "content":
        return client.download_image(STUDIO, w.source.content_url).content_type
    if endpoint == "delete":
        client.delete_service_image(STUDIO, victim.id)
        return "deleted"
    if endpoint == "generation-task":
        result = client.generate_images(STUDIO, GenerationRequest("a lighthouse", "nano-banana-2"))
        return f"{len(result.images)} generated"
    if endpoint == "edit-task":
        result = client.edit_image(
            STUDIO, EditTaskRequest(w.source.id, "a red door", mask_image_id=w.mask.id)
        )
        return f"{len(result.images)} edited"
    if endpoint == "upscale-task":
        return (
            f"{len(client.upscale_image(STUDIO, UpscaleTaskRequest(w.source.id, 2)).images)}"
            " upscaled"
        )
    raise AssertionError(endpoint)


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("endpoint", list(SERVICE_ENDPOINTS))
def test_fault(world: World, endpoint: str, fault: str) -> None:
    w, state = world, world.server.state
    path, method, _ = SERVICE_ENDPOINTS[endpoint]
    victim = w.client.upload_image(STUDIO, _png((9, 9, 9))) if endpoint == "delete" else w.source
    task = None
    if endpoint == "task-poll":
        w.server.state.config = dataclasses.replace(state.config, async_tasks=True)
        task = w.client.start_upscale_task(STUDIO, UpscaleTaskRequest(w.source.id, 2))
        assert not task.settled
    before_ids = set(state.history_ids(STUDIO)) | set(state.pending_ids(STUDIO))
    used_before = _used(state)
    posts_before = state.request_counts.snapshot()["generate"]
    uploads_before = len(state.records)
    started = time.monotonic()
    if fault == "refused":
        w.gate.refuse()
    else:
        state.faults.schedule(fault, path=path, count=1 if fault == "401" else 3, method=method)
    try:
        if task is not None:
            result = w.client.finish_task(STUDIO, task)
            note = f"{len(result.images)} ready, {len(result.failed_ids)} failed"
        else:
            note = _act(w, endpoint, victim)
        shown, message = "ok", ""
    except NeuroflashError as exc:
        shown, message, note = "error", exc.message, ""
    finally:
        state.faults.clear()
        w.gate.open()
        w.server.state.config = dataclasses.replace(state.config, async_tasks=False)
        if fault == "timeout":  # let the held answer finish before anything else
            time.sleep(max(0.0, TIMEOUT_HOLD_S + 0.3 - (time.monotonic() - started)))
        time.sleep(0.25 if task is not None else 0.0)  # pending images settle

    if shown == "error":
        assert _designer_words(message), f"{endpoint}/{fault}: {message!r}"
    after_ids = set(state.history_ids(STUDIO))
    made = len(after_ids - before_ids)
    spent = _used(state) - used_before
    sent = state.request_counts.snapshot()["generate"] - posts_before
    is_task = endpoint.endswith("-task")
    double_spent = max(0, spent - made) + max(0, made - 1)
    _totals["credits_double_spent"] += double_spent
    # Sent once; after a 401 (refused, nothing done) once more with the renewed token.
    allowed = 2 if fault == "401" else 1
    _totals["sent_twice"] += max(0, sent - allowed)
    assert double_spent == 0, f"{spent} credits for {made} images"
    assert sent <= allowed, "a task is sent at most once"
    if is_task:
        assert spent == made
    if endpoint == "upload":
        assert len(state.records) - uploads_before <= 1, "an upload is never sent twice"
    # Nothing the server made is lost: everything is listed, and the call works again.
    listed = {i.id for i in w.client.service_images(STUDIO)}
    _totals["images_lost"] += len(after_ids - listed)
    assert after_ids <= listed
    assert _act(w, "get", victim) == "done"
    _totals["cases"] += 1

    outcome = {
        "endpoint": endpoint,
        "fault": fault,
        "shown": shown,
        "message": message,
        "note": note,
        "images_made": made,
        "credits_spent": spent,
    }
    key = f"{endpoint}/{fault}"
    if WRITE:
        _recorded[key] = outcome
        return
    expected = json.loads(SERVICE_RESULTS.read_text())["cases"].get(key)
    assert expected is not None, f"{key} not in {SERVICE_RESULTS.name}: NF_WRITE_MATRIX=1"
    assert outcome == expected, "behaviour changed: check it, then NF_WRITE_MATRIX=1"
