"""Delete with undo: the images leave the grid at once, "Undo" brings them back and nothing is
sent; without Undo the DELETE goes out after the undo time; quitting in between keeps the
pending delete and the next start sends it."""

from __future__ import annotations

from desktop.services.catalog import CatalogStore
from desktop.services.paths import AppPaths
from desktop.ui.history.model import ItemRole
from tests.reliability.harness import STUDIO, RunningApp

UNDO_S = 1.0  # the app's is 10 s; the order of events is what is tested, not the length


def _start(qapp, emulator, profile) -> RunningApp:
    app = RunningApp(qapp, emulator.api_url, emulator.token_url, profile).start()
    app.session.undoable_deletes.undo_seconds = UNDO_S
    return app


def _delete_last(app: RunningApp) -> str:
    model = app.window.history_model
    item = model.item(model.rowCount() - 1)
    app.run(app.window.actions_._run_delete([item]))
    return item.image_id


def test_undo_brings_the_image_back_and_nothing_is_sent(qapp, env_login, emulator, tmp_path):
    app = _start(qapp, emulator, tmp_path / "p")
    try:
        before = app.grid_ids()
        image = _delete_last(app)
        assert image not in app.grid_ids()  # at once
        assert image in emulator.state.history_ids(STUDIO)
        assert app.messages.text() == "Deleted 1 image."
        assert app.messages.retry_button.text() == "Undo"
        app.messages.retry_button.click()
        app.wait(lambda: app.grid_ids() == before)
        app.sleep(UNDO_S + 0.6)  # past the time the DELETE would have gone out
        app.settle()
        assert image in emulator.state.history_ids(STUDIO)
        assert app.grid_ids() == before
    finally:
        app.close()


def test_without_undo_the_delete_goes_out_afterwards(qapp, env_login, emulator, tmp_path):
    app = _start(qapp, emulator, tmp_path / "p")
    try:
        image = _delete_last(app)
        assert image in emulator.state.history_ids(STUDIO)  # not yet: Undo is offered
        app.wait(lambda: image not in emulator.state.history_ids(STUDIO))
        assert image not in app.grid_ids()
    finally:
        app.close()


def test_quit_within_the_undo_time_sends_the_delete_at_next_start(
    qapp, env_login, emulator, tmp_path
):
    profile = tmp_path / "p"
    app = _start(qapp, emulator, profile)
    image = _delete_last(app)
    app.close()  # quitting at once, within the undo time
    assert image in emulator.state.history_ids(STUDIO)
    with CatalogStore.in_folder(AppPaths(profile).data_dir) as store:
        assert [p.image_id for p in store.pending_deletes(STUDIO)] == [image]

    again = _start(qapp, emulator, profile)
    try:
        assert image not in again.grid_ids()
        again.wait(lambda: image not in emulator.state.history_ids(STUDIO))
        again.settle()
        assert image not in again.grid_ids()
    finally:
        again.close()


def test_undone_images_come_back_selected(qapp, env_login, emulator, tmp_path):
    """First-hour QA: after Undo the images were back but nothing was selected, so the
    Details panel said "Select an image" and Ctrl+E did nothing; a file manager selects
    what it put back."""
    app = _start(qapp, emulator, tmp_path / "p")
    try:
        model = app.window.history_model
        items = [model.item(1), model.item(2)]
        app.run(app.window.actions_._run_delete(items))
        app.messages.retry_button.click()
        view = app.window.history_view
        gone = {item.image_id for item in items}
        app.wait(lambda: {i.image_id for i in view.selected_items()} == gone)
        assert view.currentIndex().data(ItemRole).image_id == items[0].image_id
    finally:
        app.close()
