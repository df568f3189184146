"""The real window signed in to a fresh built-in server, shared by the UI flow tests."""

from __future__ import annotations

import asyncio

import pytest

from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from tests.ui.app_harness import close_components, make_components, make_loop, wait_until


@pytest.fixture
def loop(qapp):
    """A qasync loop on the test's QApplication, closed afterwards."""
    event_loop = make_loop(qapp)
    yield event_loop
    event_loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def signed_in(qapp, emulator, tmp_path, monkeypatch):
    """(loop, components) after sign-in with environment credentials (no dialog), with the
    history, the models and the credits of the first workspace on screen."""
    monkeypatch.setenv("NEUROFLASH_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("NEUROFLASH_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    loop = make_loop(qapp)
    components = make_components(emulator.api_url, emulator.token_url, tmp_path / "profile")
    window = components.window
    window.show()
    window.activateWindow()
    components.session.spawn(components.flow.start(demo=False))
    wait_until(loop, lambda: window.history_model.rowCount() > 0)
    wait_until(loop, lambda: window.generate_panel.model_combo.count() > 0)
    wait_until(loop, lambda: window.quota_panel.quota is not None)
    yield loop, components
    close_components(components, loop)
    loop.close()
