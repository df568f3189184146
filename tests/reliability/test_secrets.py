"""A whole session (sign in with "remember", generate, edit, delete, save, drag, sign out)
leaves the client secret and the access token nowhere on disk but the OS keychain."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from tests.reliability.harness import RunningApp


def _files(*roots: Path, since: float | None = None) -> list[Path]:
    found = []
    for root in roots:
        if not root.exists():
            continue
        for path in root.rglob("*"):
            try:
                if path.is_file() and (since is None or path.stat().st_mtime >= since):
                    found.append(path)
            except OSError:
                continue
    return found


def test_no_secret_or_token_on_disk_after_a_whole_session(
    qapp, emulator, tmp_path, memory_keyring, monkeypatch
):
    monkeypatch.delenv("NEUROFLASH_CLIENT_ID", raising=False)
    monkeypatch.delenv("NEUROFLASH_CLIENT_SECRET", raising=False)
    started = time.time() - 1
    profile = tmp_path / "profile"
    app = RunningApp(qapp, emulator.api_url, emulator.token_url, profile)
    tokens: list[str] = []
    try:
        app.start(wait_for_history=False)
        app.wait(lambda: app.components.flow.dialog is not None)
        dialog = app.components.flow.dialog
        dialog.client_id_edit.setText(DEMO_CLIENT_ID)
        dialog.secret_edit.setText(DEMO_CLIENT_SECRET)
        dialog.remember_box.setChecked(True)
        dialog.sign_in_button.click()
        app.wait(lambda: app.window.history_model.rowCount() > 0 and app.session.quota)
        assert DEMO_CLIENT_SECRET in memory_keyring.store.values()
        window, model = app.window, app.window.history_model
        tokens.append(app.session._client._tokens.token())

        rows = model.rowCount()
        app.panel.prompt_edit.setPlainText("secret-free lighthouse")
        app.panel.generate_button.click()
        app.wait(lambda: model.rowCount() == rows + 1)
        window.job.submit_edit(model.item(0), "make it red")
        app.wait(lambda: not window.job.running)
        app.wait(lambda: model.rowCount() == rows + 2)
        box = window.actions_.delete([model.item(0)])
        next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
        ).click()
        app.wait(lambda: model.rowCount() == rows + 1)
        saved = tmp_path / "out" / "x.png"
        saved.parent.mkdir()
        assert app.run(window.actions_._save_one(model.item(0), saved))
        app.run(window.loader.ensure_original(model.item(1)))
        assert window.drag_out.prepare([model.item(0), model.item(1)])
        app.settle()
        tokens.append(app.session._client._tokens.token())
        window.sign_out_action.trigger()
        app.wait(lambda: app.components.flow.dialog is not None)
        app.components.settings.sync()
        for handler in app.components.logging.handlers:
            handler.flush()
    finally:
        app.close()

    assert memory_keyring.store == {}, "sign out forgets the keychain entry"
    needles = [DEMO_CLIENT_SECRET.encode(), *(t.encode() for t in set(tokens))]
    scanned = _files(profile, tmp_path / "out") + _files(Path(tempfile.gettempdir()), since=started)
    assert len(scanned) > 5, "the scan must actually see the profile's files"
    hits = [str(p) for p in scanned for n in needles if n in p.read_bytes()]
    assert hits == []
