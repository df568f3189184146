"""What actually goes on the wire: the client secret only ever to the token URL, no secret or
token to another host (not even by a redirect from the token endpoint), and image ids with path
characters stay one quoted path segment for delete and download. Real HTTP over loopback:
tests/api/recorder.py records raw requests; the built-in server issues real tokens."""

from __future__ import annotations

import json

import pytest

from desktop.api import ApiSettings, Credentials, NeuroflashClient, view_path
from desktop.api.errors import InvalidRequestError, NeuroflashError, NotFoundError
from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, demo_data
from tests.api.recorder import PNG, Answer, Seen, png_or_empty, recorder

STUDIO = demo_data.STUDIO_WORKSPACE_ID
FAST = dict(connect_timeout=2.0, read_timeout=5.0, retry_base_delay=0.01, retry_max_delay=0.02)


def _client(base: str, token_url: str, secret: str = DEMO_CLIENT_SECRET) -> NeuroflashClient:
    settings = ApiSettings(base_url=base, token_url=token_url, **FAST)
    return NeuroflashClient(Credentials(DEMO_CLIENT_ID, secret), settings)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_token_endpoint_redirect_to_another_host_carries_neither_secret_nor_token(status):
    secret = "s3cret-that-must-stay-home"
    with recorder() as other:

        def redirect(_seen: Seen) -> Answer:
            return status, {"Location": other.url + "/collect"}, b""

        with recorder(redirect) as token_host:
            client = _client(token_host.url + "/api", token_host.url + "/oauth/v2/token", secret)
            with pytest.raises(NeuroflashError) as caught, client:
                client.sign_in()
    assert other.seen == [], "the redirect is never followed"
    assert [s.path for s in token_host.seen] == ["/oauth/v2/token"], "asked once"
    assert secret in token_host.seen[0].body.decode(), "the token URL itself gets the secret"
    error = caught.value
    assert error.message and secret not in f"{error} {error!r} {error.detail}"


def _fake_api(other_url: str):
    """A stand-in API: JSON calls redirect to another host; image views redirect there too."""

    def route(seen: Seen) -> Answer:
        path = seen.path.split("?", 1)[0]
        if path.endswith("/workspaces"):
            return 302, {"Location": other_url + "/workspaces"}, b""
        if path.endswith("/history"):
            body = json.dumps({"items": [{"output_image_id": "../x", "prompt": "p"}]})
            return 200, {"Content-Type": "application/json"}, body.encode()
        if path.endswith("/view"):
            return 302, {"Location": other_url + "/storage/x.png"}, b""
        return png_or_empty(seen)

    return route


def test_secret_only_to_the_token_url_and_no_token_to_another_host(emulator):
    with (
        recorder() as other,
        recorder(_fake_api(other.url)) as api,
        _client(api.url + "/api", emulator.token_url) as client,
    ):
        client.sign_in()
        token = client._tokens.token()
        with pytest.raises(NeuroflashError):
            client.workspaces()  # a JSON answer is never fetched from another host
        [item] = client.history_page(STUDIO).items
        assert client.download_image(STUDIO, item.image_url).content == PNG
        client.delete_image(STUDIO, item.image_id)
    everything = [*api.seen, *other.seen]
    assert len(api.seen) == 4 and len(other.seen) == 1, [s.path for s in everything]
    assert not [s.path for s in everything if DEMO_CLIENT_SECRET in s.text()]
    assert all(s.headers.get("authorization") == f"Bearer {token}" for s in api.seen)
    assert [s.path for s in other.seen] == ["/storage/x.png"]
    assert not [s for s in other.seen if token in s.text() or "x-workspace-id" in s.headers]


@pytest.mark.parametrize(
    ("image_id", "segment"),
    [
        ("../x", "..%2Fx"),
        ("a/b", "a%2Fb"),
        ("%2e%2e", "%252e%252e"),
        ("..%2fx", "..%252fx"),
        ("a?b#c", "a%3Fb%23c"),
        ("x\\..\\y", "x%5C..%5Cy"),
    ],
)
def test_delete_and_download_keep_odd_ids_in_one_segment(emulator, image_id, segment):
    with recorder() as api, _client(api.url + "/api", emulator.token_url) as client:
        client.delete_image(STUDIO, image_id)
        client.download_image(STUDIO, view_path(image_id))
    assert [(s.method, s.path) for s in api.seen] == [
        ("DELETE", f"/api/ds-prototypes/history/{segment}"),
        ("GET", f"/api/ds-prototypes/image_generation/{segment}/view"),
    ]


@pytest.mark.parametrize("image_id", ["..", ".", "", "  "])
def test_ids_that_are_traversal_are_refused_before_sending(emulator, image_id):
    with recorder() as api, _client(api.url + "/api", emulator.token_url) as client:
        with pytest.raises(InvalidRequestError) as caught:
            client.delete_image(STUDIO, image_id)
        assert caught.value.message == "That image is not valid."
    assert api.seen == []


def test_traversing_id_deletes_nothing_else_on_the_real_server(server, client):
    ids = server.state.history_ids(STUDIO)
    for odd in (f"../{ids[0]}", f"{ids[0]}/..", f"%2e%2e/{ids[1]}", f"a/{ids[2]}"):
        with pytest.raises(NotFoundError):
            client.delete_image(STUDIO, odd)
        with pytest.raises(NotFoundError):
            client.download_image(STUDIO, view_path(odd))
    assert server.state.history_ids(STUDIO) == ids
