"""A deliberately hostile server on loopback (issue 13): each case in hostile.py, over real
HTTP. The client must keep the token home, bound what it reads and decodes, and turn every
failure into a NeuroflashError with a plain message."""

from __future__ import annotations

import json
import struct
import zlib

import pytest

from desktop.api import ApiSettings, Credentials, NeuroflashClient
from desktop.api.errors import (
    InvalidRequestError,
    NetworkError,
    NeuroflashError,
    RateLimitedError,
)
from tests.api.recorder import PNG, Answer, Seen, recorder
from tests.reliability.hostile import HOSTILE
from tests.reliability.trickler import Plan, trickler

WS = "ws-1"
TOKEN = "tok-3f9a.b/c+d=="  # "/", "+" and "=" change when percent-encoded
FAST = dict(
    connect_timeout=2.0,
    read_timeout=5.0,
    retry_base_delay=0.01,
    retry_max_delay=0.02,
    max_retries=0,
)
JSON = {"Content-Type": "application/json"}


def _token_answer(token: str = TOKEN, expires_in: object = 3600) -> Answer:
    body = json.dumps({"access_token": token, "expires_in": expires_in}).encode()
    return 200, JSON, body


def _client(url: str, **over: object) -> NeuroflashClient:
    settings = ApiSettings(
        base_url=url + "/api", token_url=url + "/oauth/v2/token", **{**FAST, **over}
    )
    return NeuroflashClient(Credentials("id", "secret-value"), settings)


def _client_with_tokens_at(url: str, token_server: str, **over: object) -> NeuroflashClient:
    """A client of the API at `url` that gets its token from another server."""
    settings = ApiSettings(
        base_url=url + "/api", token_url=token_server + "/oauth/v2/token", **{**FAST, **over}
    )
    return NeuroflashClient(Credentials("id", "s"), settings)


def _api(routes: dict[str, Answer], token_answer: Answer | None = None):
    """A route: the token endpoint, then the first routes key that ends the path."""

    def route(seen: Seen) -> Answer:
        path = seen.path.split("?", 1)[0]
        if path.endswith("/oauth/v2/token"):
            return token_answer or _token_answer()
        for suffix, answer in routes.items():
            if path.endswith(suffix):
                return answer
        return 200, {"Content-Type": "image/png"}, PNG

    return route


def _carried_token(seen: list[Seen]) -> list[str]:
    return [s.path for s in seen if TOKEN in s.text() or "x-workspace-id" in s.headers]


def test_cases_are_all_listed():
    assert set(HOSTILE) >= {"backslash-location", "decompression-bomb", "output-format-exe"}


# -- 1. the token stays on the API's origin ----------------------------------------------------


def test_backslash_location_is_not_followed_to_another_port():
    api_host: dict[str, str] = {}
    with recorder() as other:
        port = other.url.rsplit(":", 1)[1]

        def route(seen: Seen) -> Answer:
            if seen.path.endswith("/view"):
                location = f"//127.0.0.1:{port}\\@{api_host['api']}/x.png"
                return 302, {"Location": location}, b""
            return _api({})(seen)

        with recorder(route) as api, _client(api.url) as client:
            api_host["api"] = api.url.removeprefix("http://")
            with pytest.raises(NeuroflashError) as caught:
                client.download_image(WS, "/api/ds-prototypes/image_generation/a/view")
    assert other.seen == [], "nothing, let alone the token, reaches the other port"
    assert caught.value.message


def test_history_urls_pointing_elsewhere_are_rebuilt_as_view_paths():
    with recorder() as other:
        host_port = other.url.removeprefix("http://")

        def route(seen: Seen) -> Answer:
            if seen.path.split("?")[0].endswith("/history"):
                items = [
                    {"output_image_id": "a", "output_image_url": f"//{host_port}\\@x/a.png"},
                    {"output_image_id": "b", "output_image_url": f"//{host_port}/b.png"},
                ]
                return 200, JSON, json.dumps({"items": items}).encode()
            return _api({})(seen)

        with recorder(route) as api, _client(api.url) as client:
            for item in client.history_page(WS).items:
                assert client.download_image(WS, item.image_url).content == PNG
    assert other.seen == []
    views = [s for s in api.seen if s.path.endswith("/view")]
    assert len(views) == 2 and all(s.headers["authorization"] == f"Bearer {TOKEN}" for s in views)


@pytest.mark.parametrize("shape", ["{other}\\@{api}", "u@{other}", "%31%32%37.0.0.1:{port}"])
def test_ambiguous_download_urls_are_refused_before_sending(shape):
    with recorder() as other, recorder(_api({})) as api, _client(api.url) as client:
        client.sign_in()
        hosts = dict(
            other=other.url.removeprefix("http://"),
            api=api.url.removeprefix("http://"),
            port=other.url.rsplit(":", 1)[1],
        )
        with pytest.raises(InvalidRequestError) as caught:
            client.download_image(WS, "http://" + shape.format(**hosts) + "/x.png")
    assert other.seen == [] and caught.value.message.endswith("was not downloaded.")


# -- 2. decompression bombs --------------------------------------------------------------------


def _png_bomb(width: int, height: int) -> bytes:
    """A PNG declaring width×height RGBA whose data stream holds only its first rows."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = zlib.compress(b"\x00" + b"\x00" * (width * 4) * 1)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def test_decompression_bomb_is_refused_before_decoding(qapp, monkeypatch):
    from PIL import Image

    from desktop.ui.common import image_decode

    decoded: list[str] = []
    monkeypatch.setattr(Image.Image, "load", lambda self: decoded.append("pillow"))
    bomb = _png_bomb(12000, 12000)
    api_route = _api({"/view": (200, {"Content-Type": "image/png"}, bomb)})
    with recorder(api_route) as api, _client(api.url) as client:
        data = client.download_image(WS, "/api/ds-prototypes/image_generation/a/view").content
    assert len(data) < 64 * 1024
    with pytest.raises(NeuroflashError) as caught:
        image_decode.make_thumbnail(data, 192)
    assert caught.value.message == (
        "This image is far larger than any real one, so the app did not open it."
    )
    assert decoded == [], "Pillow never decodes it"
    # A real image, and a 4x upscale of a 2048 px one, pass the same check.
    from desktop.api.image_limits import check_dimensions

    check_dimensions(8192, 8192)


# -- 3. a huge hostile HTML error page ----------------------------------------------------------


_CALL_WORKSPACES = """
import sys
from desktop.api import ApiSettings, Credentials, NeuroflashClient
url = sys.argv[1]
settings = ApiSettings(base_url=url + "/api", token_url=url + "/oauth/v2/token", max_retries=0)
try:
    NeuroflashClient(Credentials("id", "secret-value"), settings).workspaces()
except Exception as error:
    print(type(error).__name__, error)
"""


def test_huge_html_error_page_does_not_hang_the_client():
    """In a child process: the old backtracking regex held the GIL for ever on this page, so
    only a process can be stopped when it hangs (60 s is a hang, not a speed limit)."""
    import subprocess
    import sys

    page = b"<html><body><h1>Bad gateway</h1>" + b"<script>" * 250_000
    api_route = _api({"/workspaces": (502, {"Content-Type": "text/html"}, page)})
    with recorder(api_route) as api:
        try:
            done = subprocess.run(
                [sys.executable, "-c", _CALL_WORKSPACES, api.url],
                capture_output=True,
                text=True,
                timeout=60,
            )
        except subprocess.TimeoutExpired:
            pytest.fail("a 2 MB HTML error page hung the client")
    assert done.stdout.startswith("ServiceError neuroflash is having trouble"), done.stderr


# -- 4. exceptions that are not the client's own -----------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        (200, JSON, b"[" * 100_000 + b"]" * 100_000),
        _token_answer(token="tōkén-ワ"),
    ],
    ids=["nested-json", "non-latin1-token"],
)
def test_hostile_token_answers_become_neuroflash_errors(answer):
    with (
        recorder(_api({}, answer)) as api,
        _client(api.url) as client,
        pytest.raises(NeuroflashError) as caught,
    ):
        client.sign_in()
        client.workspaces()
    assert caught.value.message.startswith("neuroflash sent an answer the app could not read")


def test_huge_expires_in_signs_in():
    with (
        recorder(_api({}, _token_answer(expires_in=int("9" * 400)))) as api,
        _client(api.url) as client,
    ):
        client.sign_in()
        assert client.download_image(WS, "/api/x/view").content == PNG


def test_non_latin1_workspace_id_is_refused_with_a_message():
    with (
        recorder(_api({})) as api,
        _client(api.url) as client,
        pytest.raises(NeuroflashError) as caught,
    ):
        client.models("ワークスペース")
    assert caught.value.message == "That workspace can't be used. Pick another."


@pytest.mark.parametrize("retry_after", ["inf", "1000000000000", "nan"])
def test_retry_after_is_bounded(retry_after):
    api_route = _api({"/models": (429, {"Retry-After": retry_after}, b"")})
    with (
        recorder(api_route) as api,
        _client(api.url) as client,
        pytest.raises(RateLimitedError) as caught,
    ):
        client.models(WS)
    wait = caught.value.retry_after
    assert wait is None or 0 <= wait <= 900
    assert caught.value.message.startswith("Too many requests at once.")


def test_sign_in_dialog_shows_a_message_for_a_hostile_token(qapp, tmp_path, monkeypatch):
    from tests.reliability.harness import RunningApp

    monkeypatch.setenv("NEUROFLASH_CLIENT_ID", "id")
    monkeypatch.setenv("NEUROFLASH_CLIENT_SECRET", "secret-value")
    with recorder(_api({}, (200, JSON, b"[" * 100_000 + b"]" * 100_000))) as api:
        app = RunningApp(qapp, api.url + "/api", api.url + "/oauth/v2/token", tmp_path / "p")
        try:
            app.start(wait_for_history=False)
            app.wait(lambda: app.components.flow.dialog is not None)
            dialog = app.components.flow.dialog
            app.wait(lambda: dialog.message_label.text() != "")
            assert dialog.message_label.text().startswith("neuroflash sent an answer")
            assert dialog.client_id_edit.isEnabled(), "not stuck on 'Signing in…'"
        finally:
            app.close()


# -- 5. a total deadline -----------------------------------------------------------------------


def _raw_server(head: bytes, body_first: bytes, trickle: bool):
    """Answers every request with `head` and `body_first`, then trickles a space every
    0.1 s (trickle) or says nothing more, until the test ends."""
    rest = b" " * 10_000 if trickle else b""
    return trickler(Plan(slow=b"", fast=head + body_first, body=rest, chunk=1, every=0.1))


def test_trickling_body_stops_at_the_total_deadline():
    head = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 100000\r\n\r\n"
    with (
        recorder(_api({})) as tokens,
        _raw_server(head, b"", trickle=True) as slow,
        _client_with_tokens_at(slow.url, tokens.url, read_timeout=1.0, total_timeout=1.0) as c,
        pytest.raises(NetworkError) as caught,
    ):
        c.download_image(WS, slow.url + "/api/x/view")
    assert caught.value.message.startswith("neuroflash took too long to answer")


def test_stall_after_headers_says_too_long_not_unreachable():
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
    with (
        recorder(_api({})) as tokens,
        _raw_server(head, b'{"data": [', trickle=False) as slow,
        _client_with_tokens_at(slow.url, tokens.url, read_timeout=0.5) as client,
        pytest.raises(NetworkError) as caught,
    ):
        client.workspaces()
    assert caught.value.message.startswith("neuroflash took too long to answer")


# -- 6. an endless history ---------------------------------------------------------------------


def test_endless_history_stops_at_a_cap():
    pages: list[int] = []

    def route(seen: Seen) -> Answer:
        if seen.path.split("?")[0].endswith("/history"):
            n = len(pages)
            pages.append(n)
            items = [{"output_image_id": f"{n}-{i}", "prompt": "p"} for i in range(200)]
            return 200, JSON, json.dumps({"items": items, "page": n + 1, "size": 200}).encode()
        return _api({})(seen)

    with recorder(route) as api, _client(api.url) as client:
        items = client.history(WS)
    assert len(items) == 20_000 and len(pages) == 100


# -- 7. numbers that overflow Qt integers ------------------------------------------------------


def test_huge_numbers_are_clamped_to_what_qt_holds():
    quota = {
        "usageTypeKey": "images",
        "limitAmount": 2**40,
        "availableAmount": 10**30,
        "usedAmount": 5,
        "limitAmountDaily": 10**20,
        "usedAmountDaily": 1,
    }
    models = [{"id": "m", "max_images": 10**12, "order": -(10**15)}]
    api_route = _api(
        {
            "/quotas": (200, JSON, json.dumps(quota).encode()),
            "/models": (200, JSON, json.dumps(models).encode()),
        }
    )
    with recorder(api_route) as api, _client(api.url) as client:
        got = client.image_quota(WS)
        [model] = client.models(WS)
    qt_max = 2**31 - 1
    assert got is not None and got.limit == got.available == got.limit_daily == qt_max
    assert 1 <= model.max_images <= 100 and 0 <= model.order <= qt_max


def test_quota_panel_shows_huge_numbers(qapp):
    from desktop.api.parsing import parse_quota
    from desktop.ui.shell.quota_panel import QuotaPanel

    panel = QuotaPanel()
    quota = parse_quota(
        {
            "availableAmount": 10**30,
            "limitAmount": 2**40,
            "usedAmount": 0,
            "limitAmountDaily": 2**40,
            "usedAmountDaily": 0,
        }
    )
    panel.set_quota(quota)  # raised OverflowError before the parser clamped
    assert panel.isEnabled()


# -- 8. the token never reaches the log --------------------------------------------------------


def test_error_bodies_echoing_the_token_are_masked(tmp_path):
    import logging
    from urllib.parse import quote

    from desktop.services.log_setup import setup_logging

    echo = (
        f"token {TOKEN} rejected; X-Token: {TOKEN}; Authorization=Bearer%20{quote(TOKEN, safe='')}"
    ).encode()
    body = json.dumps({"detail": [{"loc": ["body", "prompt"], "msg": echo.decode()}]}).encode()
    api_route = _api({"/models": (422, JSON, body)})
    logger = logging.getLogger("hostile-test")
    logs = setup_logging(tmp_path, logger=logger, stderr=False)
    try:
        with (
            recorder(api_route) as api,
            _client(api.url) as client,
            pytest.raises(NeuroflashError) as caught,
        ):
            client.models(WS)
        error = caught.value
        logger.warning("models failed: %s (%s)", error.message, error.detail)
    finally:
        logs.close()
    logged = logs.log_file.read_text()
    everywhere = f"{error} {error!r} {error.detail} {logged}"
    assert "***" in error.message and "models failed" in logged
    assert TOKEN not in everywhere and quote(TOKEN, safe="") not in everywhere


def test_sign_in_dialog_recovers_when_sign_in_dies_unexpectedly(qapp, tmp_path, monkeypatch):
    """Below the client's own guard: a bug that kills the sign-in coroutine still ends in a
    message and a usable dialog, never "Signing in…" for ever."""
    from desktop.app.session import Session
    from tests.reliability.harness import RunningApp

    async def dies(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setenv("NEUROFLASH_CLIENT_ID", "id")
    monkeypatch.setenv("NEUROFLASH_CLIENT_SECRET", "secret-value")
    monkeypatch.setattr(Session, "sign_in", dies)
    with recorder(_api({})) as api:
        app = RunningApp(qapp, api.url + "/api", api.url + "/oauth/v2/token", tmp_path / "p")
        try:
            app.start(wait_for_history=False)
            app.wait(lambda: app.components.flow.dialog is not None)
            dialog = app.components.flow.dialog
            app.wait(lambda: dialog.message_label.text() != "")
            assert dialog.message_label.text() == (
                "Something went wrong while talking to neuroflash."
            )
            assert dialog.client_id_edit.isEnabled()
        finally:
            app.close()
