"""Plain http to another computer is refused before anything is sent: the client raises
InsecureSettingsError at construction, and the sign-in dialog shows it in plain words when the
app is started with such an --api-url (or --token-url)."""

from __future__ import annotations

import pytest

from desktop.api import ApiSettings, Credentials, NeuroflashClient
from desktop.api.errors import InsecureSettingsError
from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from tests.api.recorder import recorder
from tests.reliability.harness import RunningApp

API = "The API address must start with https:// (plain http only to this computer)."
SIGN_IN = "The sign-in address must start with https:// (plain http only to this computer)."


@pytest.mark.parametrize(
    ("base", "token", "message"),
    [
        ("http://api.example.com/api", "https://auth.example.com/token", API),
        ("https://api.example.com/api", "http://auth.example.com/token", SIGN_IN),
        ("http://10.0.0.7:8765/api", "https://auth.example.com/token", API),
    ],
)
def test_client_refuses_plain_http_to_another_computer(base, token, message):
    with pytest.raises(InsecureSettingsError) as caught:
        NeuroflashClient(Credentials("id", "secret"), ApiSettings(base_url=base, token_url=token))
    assert caught.value.message == message and "secret" not in repr(caught.value)


@pytest.mark.parametrize("which", ["api", "token"])
def test_sign_in_dialog_shows_the_refusal(qapp, tmp_path, monkeypatch, which):
    monkeypatch.setenv("NEUROFLASH_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("NEUROFLASH_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    with recorder() as local:  # a loopback server: would show any request that slipped out
        insecure = "http://neuroflash.example.com"
        api = insecure + "/api" if which == "api" else local.url + "/api"
        token = insecure + "/token" if which == "token" else local.url + "/token"
        app = RunningApp(qapp, api, token, tmp_path / "p")
        try:
            app.start(wait_for_history=False)
            app.wait(lambda: app.components.flow.dialog is not None)
            kind, text = app.shown_message()
            assert kind == "sign-in"
            assert text == (API if which == "api" else SIGN_IN)
            assert app.session.offline is False, "refused, not 'offline'"
        finally:
            app.close()
    assert local.seen == [], "nothing was sent anywhere"
