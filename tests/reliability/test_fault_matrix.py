"""Every endpoint × every fault through the real window: the designer sees a clear message (or
nothing, when the app could absorb the fault), nothing on screen or disk is lost, no credit is
spent twice, and the app works again as soon as the fault is gone.

Outcomes are compared with tests/reliability/fault_matrix.json; docs/reliability.md is rendered
from it. After a deliberate change in behaviour: NF_WRITE_MATRIX=1 pytest tests/reliability,
then python -m tests.reliability.render_doc.
"""

from __future__ import annotations

import json
import os
import re
import time

import pytest

from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, EmulatorConfig, start_server
from tests.reliability.gate import Gate
from tests.reliability.harness import STUDIO, RunningApp, stray_partial_files
from tests.reliability.matrix import ENDPOINTS, FAULTS, RESULTS

PROMPT = "Keep this prompt ✨ 日本の灯台 — منارة"
WRITE = os.environ.get("NF_WRITE_MATRIX") == "1"
TIMEOUT_HOLD_S = 2.0
_recorded: dict[str, dict] = {}
_totals = {"cases": 0, "images_lost": 0, "credits_double_spent": 0}


@pytest.fixture(scope="module")
def world(qapp, tmp_path_factory):
    """One server, one gate and one app for the whole matrix (a fresh app per case is slow)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("NEUROFLASH_CLIENT_ID", DEMO_CLIENT_ID)
    mp.setenv("NEUROFLASH_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    mp.setattr("desktop.app.image_operations.REFRESH_AFTER_DROP_S", 1.5)
    mp.setattr("desktop.ui.generate.generation_job.DEFAULT_COOLDOWN_S", 1.0)
    server = start_server(
        EmulatorConfig(
            history_size=12,
            rate_limit_per_minute=0,
            timeout_fault_s=TIMEOUT_HOLD_S,
            oversized_fault_bytes=9 << 20,
        )
    )
    gate = Gate(server.port)
    root = tmp_path_factory.mktemp("matrix")
    app = RunningApp(qapp, gate.url + "/api", gate.url + "/oauth/v2/token", root / "profile")
    app.session.reconnector.first_delay = 0.2
    app.start()
    app.settle()
    saved = root / "saved" / "keep.png"
    saved.parent.mkdir()
    assert app.run(app.window.actions_._save_one(app.window.history_model.item(0), saved))
    yield app, server, gate, saved, saved.read_bytes()
    app.close()
    gate.close()
    requests = server.state.faults.requests_seen
    server.stop()
    mp.undo()
    if WRITE and _recorded:
        old = json.loads(RESULTS.read_text()) if RESULTS.exists() else {"cases": {}}
        old["cases"].update(_recorded)
        old["summary"] = {**_totals, "requests": requests, "faults_tried": len(old["cases"])}
        RESULTS.write_text(json.dumps(old, indent=1, ensure_ascii=False, sort_keys=True) + "\n")


def _inject(server, gate: Gate, endpoint: str, fault: str) -> None:
    path, method, _ = ENDPOINTS[endpoint]
    if fault == "refused":
        gate.refuse()
    else:
        # A token expires once; the other faults last through every retry.
        count = 1 if fault == "401" else 3
        server.state.faults.schedule(fault, path=path, count=count, method=method)


def _act(app: RunningApp, endpoint: str) -> None:
    window, session = app.window, app.session
    if endpoint in ("token", "workspaces", "quotas", "models", "history"):
        if endpoint == "token":
            session._client._tokens.forget()  # the next call must fetch a token
        app.run(session.refresh_all())
    elif endpoint == "generate":
        assert app.panel.generate_button.isEnabled(), app.panel.generate_button.toolTip()
        app.panel.generate_button.click()
        app.wait(lambda: not window.job.running)
    elif endpoint == "edit":
        window.job.submit_edit(window.history_model.item(0), "make it blue")
        app.wait(lambda: not window.job.running)
    elif endpoint == "delete":
        app.run(session.delete([window.history_model.item(-1 + len(app.grid_ids()))]))
    elif endpoint == "download":
        item = window.history_model.item(1)
        window.loader.originals.remove(window.loader.cache_key(item))
        target = app.profile.parent / "saved" / f"download-{time.monotonic_ns()}.png"
        app.run(window.actions_._save_one(item, target))


def _recover(app: RunningApp, server, gate: Gate) -> None:
    server.state.faults.clear()
    gate.open()
    if app.components.flow.dialog is not None:
        app.components.flow.dialog.reject()
        app.wait(lambda: app.components.flow.dialog is None)
    app.panel.cooldown.clear()  # the countdown itself is tested in test_rate_limit
    app.settle()
    if app.session.offline:
        assert app.run(app.session.reconnect())
    app.messages.dismiss()
    app.panel.clear_message()
    app.run(app.session.refresh_all())
    app.settle()


def _designer_words(text: str) -> bool:
    """Plain sentences: no markup, status codes, exception names or stack traces."""
    return (
        bool(text)
        and len(text) < 220
        and not re.search(r"<|HTTP|Traceback|Error\b|Exception|\b[45]\d\d\b|json|None", text)
    )


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_fault(world, endpoint, fault):
    app, server, gate, saved, saved_bytes = world
    app.panel.prompt_edit.setPlainText(PROMPT)
    app.panel.clear_message()
    app.messages.dismiss()
    app.settle()
    before_grid = app.grid_ids()
    before_server = server.state.history_ids(STUDIO)
    used_before = server.state.quota(STUDIO)["usedAmount"]
    started = time.monotonic()

    try:
        _inject(server, gate, endpoint, fault)
        _act(app, endpoint)
        app.settle()
        kind, text = app.shown_message()
        if fault == "timeout":  # let the held answer finish before the next case
            app.sleep(max(0.0, TIMEOUT_HOLD_S + 0.3 - (time.monotonic() - started)))

        # Clear and in the designer's words, or the fault was absorbed without a word.
        if kind != "ok":
            assert _designer_words(text), f"{endpoint}/{fault}: {text!r}"
        # Nothing on screen lost: the prompt, and every image that was shown and still exists.
        assert app.panel.prompt_edit.toPlainText() == PROMPT
        still_on_server = set(server.state.history_ids(STUDIO))
        assert {i for i in before_grid if i in still_on_server} <= set(app.grid_ids())
        # Nothing on disk lost or half-written.
        assert saved.read_bytes() == saved_bytes
        assert stray_partial_files(app.profile, saved.parent) == []

    finally:
        _recover(app, server, gate)
    after_server = server.state.history_ids(STUDIO)
    made = len(set(after_server) - set(before_server))
    spent = server.state.quota(STUDIO)["usedAmount"] - used_before
    double_spent = max(0, spent - made) + max(0, made - 1)
    lost = len(set(after_server) - set(app.grid_ids()))
    assert app.grid_ids() == after_server, "after a refresh the grid equals the server"
    assert app.shown_message()[0] == "ok", app.shown_message()
    _totals["images_lost"] += lost
    _totals["credits_double_spent"] += double_spent
    assert double_spent == 0 and lost == 0
    assert app.panel.prompt_edit.toPlainText() == PROMPT

    key = f"{endpoint}/{fault}"
    message = text if kind != "ok" else ""
    outcome = {
        "endpoint": endpoint,
        "fault": fault,
        "shown": kind,
        "message": message,
        "images_made": made,
    }
    _totals["cases"] += 1
    if WRITE:
        _recorded[key] = outcome
        return
    expected = json.loads(RESULTS.read_text())["cases"].get(key)
    assert expected is not None, f"{key} is not in {RESULTS.name}: run with NF_WRITE_MATRIX=1"
    assert outcome == expected, "behaviour changed: check it, then NF_WRITE_MATRIX=1"
