"""Soak: thumbnails, generations, edits and deletes at once, with 5% injected faults, on
loopback. Short by default (~15 s); NF_SOAK_FULL=1 runs the full compressed two minutes of
use (~45 s). No crash, no stuck spinner, flat memory, and the grid equals the server."""

from __future__ import annotations

import os
import time
import tracemalloc

from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, EmulatorConfig, start_server
from tests.reliability.harness import STUDIO, RunningApp

FULL = os.environ.get("NF_SOAK_FULL") == "1"
ROUNDS = 40 if FULL else 6
MAX_REQUESTS = 5000


def _round(app: RunningApp, n: int) -> None:
    window, model, loader = app.window, app.window.history_model, app.window.loader
    loader.thumbnails.clear()
    loader.originals.clear()
    loader.request(model.items()[:50])  # 50 thumbnail downloads at once
    app.panel.cooldown.clear()
    app.panel.prompt_edit.setPlainText(f"soak round {n} ✨")
    app.panel.request_generate()
    if model.rowCount():
        window.job.submit_edit(model.item(0), f"edit {n}")
        app.session.spawn(window.actions_._run_delete([model.item(model.rowCount() - 1)]))
    app.session.spawn(app.session.refresh_all())
    app.settle(timeout=30)


def test_soak(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("NEUROFLASH_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("NEUROFLASH_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    monkeypatch.setattr("desktop.ui.session_images.REFRESH_AFTER_DROP_S", 0.5)
    server = start_server(EmulatorConfig(history_size=60, rate_limit_per_minute=0, latency_s=0.005))
    app = RunningApp(qapp, server.api_url, server.token_url, tmp_path / "p", read_timeout=10.0)
    started = time.monotonic()
    try:
        app.start()
        app.settle()
        server.state.faults.set_share(0.05, ["500", "502", "503", "drop", "429", "malformed"])
        _round(app, 0)
        tracemalloc.start()
        _round(app, 1)
        baseline = tracemalloc.get_traced_memory()[0]
        for n in range(2, ROUNDS):
            _round(app, n)
        grown = tracemalloc.get_traced_memory()[0] - baseline
        tracemalloc.stop()
        injected = len(server.state.faults.injected)
        server.state.faults.clear()
        app.messages.dismiss()
        app.run(app.session.refresh_all())
        app.settle()
        assert not app.window.job.running and app.window.loader.pending_count() == 0
        assert app.grid_ids() == server.state.history_ids(STUDIO)
        assert grown < 15 * 1024 * 1024, f"memory grew {grown / 1e6:.1f} MB"
        requests = server.state.faults.requests_seen
        assert injected > 0 and requests < MAX_REQUESTS
        print(
            f"soak: {ROUNDS} rounds, {requests} requests, {injected} faults, "
            f"{time.monotonic() - started:.1f} s, memory +{grown / 1e6:.2f} MB"
        )
    finally:
        app.close()
        server.stop()
