"""What several reliability modules share: one built-in server per module, signed in to by
the app through the environment."""

from __future__ import annotations

import pytest

from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, EmulatorConfig, start_server


@pytest.fixture(scope="module")
def demo_server():
    """A built-in server with six images and no rate limit, with the demo account's
    credentials in the environment, so the app signs in without its dialog."""
    mp = pytest.MonkeyPatch()
    mp.setenv("NEUROFLASH_CLIENT_ID", DEMO_CLIENT_ID)
    mp.setenv("NEUROFLASH_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    server = start_server(EmulatorConfig(history_size=6, rate_limit_per_minute=0))
    yield server
    server.stop()
    mp.undo()
