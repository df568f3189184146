"""The real window signed in to a fresh built-in server, shared by the UI flow tests."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtWidgets import QApplication

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


def settle(loop, window, width: int, height: int) -> None:
    """Resize the window and let the layout and the loop catch up."""
    window.resize(width, height)
    for _ in range(5):
        QApplication.processEvents()
        loop.run_until_complete(asyncio.sleep(0.02))


@pytest.fixture(params=["en", "de"])
def window_in(request, qapp, emulator, tmp_path, monkeypatch):
    """The signed-in window in English and in German."""
    monkeypatch.setenv("NEUROFLASH_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("NEUROFLASH_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    loop = make_loop(qapp)
    components = make_components(
        emulator.api_url, emulator.token_url, tmp_path / "profile", language=request.param
    )
    window = components.window
    window.show()
    components.session.spawn(components.flow.start(demo=False))
    wait_until(loop, lambda: window.history_model.rowCount() > 0)
    wait_until(loop, lambda: window.generate_panel.model_combo.count() > 0)
    wait_until(loop, lambda: window.quota_panel.quota is not None)
    yield loop, window
    close_components(components, loop)
    components.translations.apply("en")
    loop.close()


@pytest.fixture
def signed_out(qapp, emulator, tmp_path, monkeypatch):
    """(loop, start) for the sign-in tests: ``start(demo=False)`` opens a window with no
    credentials in the environment (so the sign-in dialog comes up, or the demo starts);
    each window started is closed afterwards."""
    monkeypatch.delenv("NEUROFLASH_CLIENT_ID", raising=False)
    monkeypatch.delenv("NEUROFLASH_CLIENT_SECRET", raising=False)
    loop = make_loop(qapp)
    made = []

    def start(demo: bool = False):
        components = make_components(emulator.api_url, emulator.token_url, tmp_path / "profile")
        made.append(components)
        components.window.show()
        components.session.spawn(components.flow.start(demo=demo))
        return components

    yield loop, start
    for components in made:
        close_components(components, loop)
    loop.close()
