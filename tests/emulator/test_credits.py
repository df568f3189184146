"""Credits as the contract defines them: per image, monthly + daily, partial, reset, rate."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.emulator.demo_data import NEARLY_EMPTY_WORKSPACE_ID, STUDIO_WORKSPACE_ID
from tests.emulator.conftest import Api, get_token


def _quota(api: Api) -> dict:
    return api.get(
        f"/usage-service/v1/workspaces/{api.workspace_id}/quotas", params={"usageTypeKey": "images"}
    ).json()["data"][0]


def test_one_credit_per_image_generate_and_edit(api: Api) -> None:
    before = _quota(api)
    api.generate("three", num_images=3)
    after = _quota(api)
    assert after["availableAmount"] == before["availableAmount"] - 3
    assert after["usedAmount"] == before["usedAmount"] + 3
    assert after["usedAmountDaily"] == before["usedAmountDaily"] + 3
    path = api.get("/ds-prototypes/history").json()["items"][0]["output_image_url"]
    api.post("/ds-prototypes/edit", {"prompt": "e", "image_urls": [path], "num_images": 2})
    assert _quota(api)["availableAmount"] == before["availableAmount"] - 5


def test_partial_generation_then_quota_exceeded(api: Api) -> None:
    api.workspace_id = NEARLY_EMPTY_WORKSPACE_ID
    body = api.generate("four please", num_images=4).json()
    assert len(body["images"]) == 2
    assert body["detail"] == "Only 2 of 4 images were generated: the image credits ran out."
    assert _quota(api)["availableAmount"] == 0
    empty = api.generate("one more")
    assert empty.status_code == 403 and empty.json()["code"] == "IMAGE_QUOTA_EXCEEDED"
    assert empty.json()["error"]


def test_daily_limit_and_midnight_reset(api: Api) -> None:
    state = api.server.state
    state.clock.set(datetime(2030, 6, 15, 23, 0, tzinfo=UTC))
    api.token = get_token(api.server)  # the jump expired the old token
    state.set_quota(STUDIO_WORKSPACE_ID, limit_daily=3, used_daily=0)
    partial = api.generate("daily", num_images=4).json()
    assert len(partial["images"]) == 3 and "today" in partial["detail"]
    blocked = api.generate("daily")
    assert blocked.status_code == 403
    assert blocked.json()["code"] == "IMAGE_DAILY_LIMIT_REACHED"
    assert _quota(api)["availableAmount"] > 0
    state.clock.advance(hours=1, minutes=1)  # 00:01 UTC next day
    api.token = get_token(api.server)
    quota = _quota(api)
    assert quota["usedAmountDaily"] == 0 and quota["dailyRefreshed"] == "2030-06-16"
    assert api.generate("after midnight").status_code == 200


def test_bonus_spillover_and_fair_use(api: Api) -> None:
    state = api.server.state
    state.set_quota(STUDIO_WORKSPACE_ID, limit=100, used=89, bonus=5, spillover=3)
    quota = _quota(api)
    assert quota["availableAmount"] == 19 and quota["fairUseLimitReached"] is False
    api.generate("tip over")
    assert _quota(api)["fairUseLimitReached"] is True


def test_token_expiry(make_server) -> None:
    server = make_server(token_lifetime_s=60)
    api = Api(server, get_token(server))
    assert api.get("/workspace-service/v1/workspaces").status_code == 200
    server.state.clock.advance(seconds=61)
    expired = api.get("/workspace-service/v1/workspaces")
    assert expired.status_code == 401
    assert expired.headers["www-authenticate"] == "Bearer"
    assert expired.json() == {"detail": "Missing or invalid access token"}


def test_rate_limit_with_retry_after(make_server) -> None:
    server = make_server(rate_limit_per_minute=3)
    api = Api(server, get_token(server))
    assert all(api.generate(f"r{n}").status_code == 200 for n in range(3))
    limited = api.generate("r4")
    assert limited.status_code == 429
    wait = int(limited.headers["retry-after"])
    assert 1 <= wait <= 60
    assert limited.json()["detail"] == f"Rate limit exceeded. Try again in {wait} seconds."
    api.workspace_id = NEARLY_EMPTY_WORKSPACE_ID  # per workspace
    assert api.generate("other workspace").status_code == 200
    server.state.clock.advance(seconds=61)
    api.workspace_id = STUDIO_WORKSPACE_ID
    assert api.generate("later").status_code == 200
