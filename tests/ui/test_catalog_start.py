"""The SQLite catalogue in the running app: an offline start shows the whole history (no cap),
a second launch asks only for what is new, images made or deleted reach the catalogue, a
damaged catalogue says it is being rebuilt, and the old JSON copy is imported once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.api import ApiSettings, Credentials, GenerationRequest
from desktop.api.client import NeuroflashClient
from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, EmulatorConfig, start_server
from desktop.services.catalog import CatalogStore
from desktop.services.paths import AppPaths
from tests.reliability.gate import Gate
from tests.reliability.harness import STUDIO, RunningApp


@pytest.fixture
def big_server():
    """More images than the old JSON copy kept (2,000) and more than one page of 200."""
    server = start_server(EmulatorConfig(history_size=2300))
    yield server
    server.stop()


@pytest.fixture
def history_pages(monkeypatch):
    """Counts the history page requests the app makes."""
    calls: list[tuple[str, int]] = []
    original = NeuroflashClient.history_page

    def counted(self, workspace_id, page=1, size=50):
        calls.append((workspace_id, page))
        return original(self, workspace_id, page, size)

    monkeypatch.setattr(NeuroflashClient, "history_page", counted)
    return calls


def _catalogue(profile):
    return CatalogStore.in_folder(AppPaths(profile).data_dir)


def test_offline_start_shows_the_whole_history(qapp, env_login, big_server, tmp_path):
    gate = Gate(big_server.port)
    profile = tmp_path / "p"
    urls = (gate.url + "/api", gate.url + "/oauth/v2/token")
    first = RunningApp(qapp, *urls, profile).start()
    expected = big_server.state.history_ids(STUDIO)
    assert len(expected) > 2000
    first.wait(lambda: first.grid_ids() == expected)
    first.settle()
    first.close()

    gate.refuse()
    app = RunningApp(qapp, *urls, profile)
    try:
        app.start(wait_for_history=False)
        app.wait(lambda: app.session.offline and app.grid_ids() == expected)
    finally:
        app.close()
        gate.close()


def test_second_launch_asks_only_for_what_is_new(
    qapp, env_login, big_server, tmp_path, history_pages
):
    profile = tmp_path / "p"
    first = RunningApp(qapp, big_server.api_url, big_server.token_url, profile).start()
    expected = big_server.state.history_ids(STUDIO)
    first.wait(lambda: first.grid_ids() == expected)
    first.settle()
    first.close()
    assert len(history_pages) >= 12  # the first launch walked all 2,300

    history_pages.clear()
    app = RunningApp(qapp, big_server.api_url, big_server.token_url, profile).start()
    try:
        app.wait(lambda: app.grid_ids() == expected)
        app.settle()
        studio_pages = [call for call in history_pages if call[0] == STUDIO]
        assert 1 <= len(studio_pages) <= 3, history_pages
    finally:
        app.close()


def test_new_and_deleted_images_reach_the_catalogue(qapp, env_login, emulator, tmp_path):
    profile = tmp_path / "p"
    app = RunningApp(qapp, emulator.api_url, emulator.token_url, profile).start()
    try:
        app.panel.prompt_edit.setPlainText("a kite over the dunes")
        app.panel.generate_button.click()
        app.wait(lambda: app.window.history_model.item(0).prompt == "a kite over the dunes")
        newest = app.window.history_model.item(0).image_id
        oldest = app.window.history_model.item(app.window.history_model.rowCount() - 1)
        app.run(app.session.delete([oldest]))
        app.wait(lambda: oldest.image_id not in app.grid_ids())
    finally:
        app.close()  # quitting at once: queued catalogue writes are finished first
    with _catalogue(profile) as store:
        saved = [item.image_id for item in store.history(STUDIO)]
    assert saved[0] == newest
    assert oldest.image_id not in saved


def test_damaged_catalogue_says_it_is_being_rebuilt(qapp, env_login, emulator, tmp_path):
    profile = tmp_path / "p"
    folder = AppPaths(profile).data_dir
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "catalog.sqlite3").write_bytes(b"this is not a database" * 500)
    app = RunningApp(qapp, emulator.api_url, emulator.token_url, profile).start()
    try:
        app.wait(lambda: "being rebuilt" in app.messages.text())
        app.wait(lambda: app.grid_ids() == emulator.state.history_ids(STUDIO))
    finally:
        app.close()


def test_images_made_elsewhere_go_on_top_and_the_grid_keeps_its_place(qapp, env_login, tmp_path):
    """A refresh that finds images made on another device puts them on top, as a generation
    does: the designer scrolled down keeps seeing the same images and is offered "New
    images ↑" (a sync that found anything used to throw the grid back to the top)."""
    emulator = start_server(EmulatorConfig(history_size=60))
    app = RunningApp(qapp, emulator.api_url, emulator.token_url, tmp_path / "p").start()
    other = NeuroflashClient(
        Credentials(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
        ApiSettings(base_url=emulator.api_url, token_url=emulator.token_url),
    )
    try:
        app.settle()
        view = app.window.history_view
        app.window.resize(900, 600)
        app.settle()
        bar = view.verticalScrollBar()
        assert bar.maximum() > 0
        bar.setValue(bar.maximum() // 2)
        app.settle()
        seen = view.indexAt(view.viewport().rect().center()).data(Qt.ItemDataRole.UserRole)
        assert seen
        model = other.models(STUDIO)[0].id
        made = other.generate(STUDIO, GenerationRequest("a kite made on the phone", model, 2))
        app.run(app.session.refresh_history())
        made_ids = {image.image_id for image in made.images}
        app.wait(lambda: set(app.grid_ids()[:2]) == made_ids)
        app.settle()
        now = view.indexAt(view.viewport().rect().center()).data(Qt.ItemDataRole.UserRole)
        assert now == seen, "the grid jumped away from what the designer was looking at"
        assert view.new_images_button.isVisible()
    finally:
        other.close()
        app.close()
        emulator.stop()


def test_images_deleted_elsewhere_leave_the_grid_when_their_download_is_not_found(
    qapp, env_login, tmp_path
):
    """Images deleted on another device stay in the catalogue until the hourly walk; when
    the designer scrolls to one, its download says "not found": the app asks the server
    and takes it out of the grid and the catalogue instead of leaving a broken tile (QA:
    a restarted demo kept tiles that could never load)."""
    server = start_server(EmulatorConfig(history_size=60))
    profile = tmp_path / "p"
    other = NeuroflashClient(
        Credentials(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
        ApiSettings(base_url=server.api_url, token_url=server.token_url),
    )
    try:
        first = RunningApp(qapp, server.api_url, server.token_url, profile).start()
        first.settle()
        first.close()
        oldest = server.state.history_ids(STUDIO)[-3:]
        for image_id in oldest:
            other.delete_image(STUDIO, image_id)

        app = RunningApp(qapp, server.api_url, server.token_url, profile).start()
        try:
            app.wait(lambda: set(oldest) <= set(app.grid_ids()))  # the sync did not notice
            view = app.window.history_view
            view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
            app.wait(lambda: not set(oldest) & set(app.grid_ids()))
        finally:
            app.close()
        with _catalogue(profile) as store:
            saved = {item.image_id for item in store.history(STUDIO)}
        assert not set(oldest) & saved
        assert len(saved) == 57
    finally:
        other.close()
        server.stop()
