"""Credits never spent twice, the 429 countdown, offline start and recovery, silent token
renewal: each through the real window against the built-in server."""

from __future__ import annotations

import pytest

from desktop.emulator import EmulatorConfig, start_server
from desktop.ui.shell.session_display import OFFLINE_TEXT
from tests.reliability.gate import Gate
from tests.reliability.harness import STUDIO, RunningApp


@pytest.fixture
def server_factory():
    servers = []

    def make(**config):
        server = start_server(EmulatorConfig(**config))
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()


def test_dropped_generate_spends_once_and_its_images_arrive(
    qapp, env_login, server_factory, tmp_path, monkeypatch
):
    monkeypatch.setattr("desktop.app.image_operations.REFRESH_AFTER_DROP_S", 30.0)  # F5 instead
    server = server_factory()
    app = RunningApp(qapp, server.api_url, server.token_url, tmp_path / "p").start()
    try:
        used = server.state.quota(STUDIO)["usedAmount"]
        rows = app.window.history_model.rowCount()
        server.state.faults.schedule("drop", path=r"/image_generation/$", method="POST")
        app.panel.prompt_edit.setPlainText("a lighthouse in fog")
        app.panel.num_images_spin.setValue(2)
        app.panel.generate_button.click()
        app.wait(lambda: not app.window.job.running)
        assert app.panel.message_label.text() == (
            "The connection dropped after neuroflash received the request. Your images may "
            "still arrive: refresh in a moment."
        )
        assert server.state.quota(STUDIO)["usedAmount"] == used + 2  # charged once, not resent
        app.window.refresh_action.trigger()
        app.wait(lambda: app.window.history_model.rowCount() == rows + 2)
        assert app.grid_ids() == server.state.history_ids(STUDIO)
        assert app.window.history_model.item(0).prompt == "a lighthouse in fog"
    finally:
        app.close()


def test_429_counts_down_and_keeps_generate_disabled(qapp, env_login, server_factory, tmp_path):
    server = server_factory(rate_limit_per_minute=1)
    app = RunningApp(qapp, server.api_url, server.token_url, tmp_path / "p").start()
    try:
        app.panel.prompt_edit.setPlainText("first")
        app.panel.generate_button.click()
        app.wait(lambda: not app.window.job.running)
        app.panel.generate_button.click()
        app.wait(lambda: app.panel.message_label.text().startswith("Too many requests."))
        first = app.panel.message_label.text()
        assert first.startswith("Too many requests. You can try again in ")
        assert first.endswith(" s.")
        assert not app.panel.generate_button.isEnabled()
        seconds = int(first.split(" in ")[1].split()[0])
        assert 50 <= seconds <= 60  # the server's Retry-After
        app.sleep(1.3)
        later = int(app.panel.message_label.text().split(" in ")[1].split()[0])
        assert later < seconds, "the countdown must move"
        assert not app.panel.generate_button.isEnabled()
    finally:
        app.close()


def test_start_offline_shows_saved_images_and_recovers_by_itself(
    qapp, env_login, server_factory, tmp_path
):
    server = server_factory()
    gate = Gate(server.port)
    profile = tmp_path / "p"
    urls = (gate.url + "/api", gate.url + "/oauth/v2/token")
    first = RunningApp(qapp, *urls, profile).start()
    first.wait(lambda: all(first.window.history_model.has_thumbnail(i) for i in first.grid_ids()))
    first.settle()
    shown = first.grid_ids()
    first.close()

    gate.refuse()
    app = RunningApp(qapp, *urls, profile)
    app.session.reconnector.first_delay = 0.3
    try:
        app.start(wait_for_history=False)
        app.wait(lambda: app.grid_ids() == shown)  # saved images show while sign-in tries
        app.wait(lambda: app.messages.text() == OFFLINE_TEXT)
        app.wait(lambda: all(app.window.history_model.has_thumbnail(i) for i in shown))
        app.sleep(0.8)  # a few probes fail while the network is down
        assert app.session.offline and app.session.reconnector.attempts >= 1
        gate.open()
        app.wait(lambda: not app.session.offline, timeout=10)
        app.wait(lambda: app.session.quota is not None)
        assert app.components.flow.dialog is None
        assert app.grid_ids() == server.state.history_ids(STUDIO)
        assert app.messages.text() in ("You're back online.", "")
    finally:
        app.close()
        gate.close()


def test_images_made_just_before_quitting_are_in_the_offline_copy(
    qapp, env_login, server_factory, tmp_path
):
    """Images go into the catalogue the moment they arrive, and quitting finishes the
    catalogue's queued writes before the app goes."""
    from desktop.services.catalog import CatalogStore
    from desktop.services.paths import AppPaths

    server = server_factory()
    profile = tmp_path / "p"
    app = RunningApp(qapp, server.api_url, server.token_url, profile).start()
    try:
        app.panel.prompt_edit.setPlainText("a kite over the dunes")
        app.panel.generate_button.click()
        app.wait(lambda: app.window.history_model.item(0).prompt == "a kite over the dunes")
        newest = app.window.history_model.item(0).image_id
    finally:
        app.close()  # quitting at once
    with CatalogStore.in_folder(AppPaths(profile).data_dir) as store:
        saved = store.history(STUDIO)
    assert saved[0].image_id == newest and saved[0].prompt == "a kite over the dunes"


def test_expired_token_is_renewed_without_the_designer_noticing(
    qapp, env_login, server_factory, tmp_path
):
    server = server_factory(token_lifetime_s=2)
    app = RunningApp(qapp, server.api_url, server.token_url, tmp_path / "p").start()
    try:
        tokens = app.session._client.token_requests
        app.sleep(2.2)
        server.state.faults.schedule("401", path=r"/quotas$")  # and one rejected mid-call
        app.window.refresh_action.trigger()
        app.settle()
        app.panel.prompt_edit.setPlainText("after renewal")
        rows = app.window.history_model.rowCount()
        app.panel.generate_button.click()
        app.wait(lambda: app.window.history_model.rowCount() == rows + 1)
        assert app.session._client.token_requests > tokens
        assert app.components.flow.dialog is None
        assert app.shown_message()[0] == "ok"
    finally:
        app.close()
