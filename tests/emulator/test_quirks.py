"""The documented quirks and error answers a client must cope with."""

from __future__ import annotations

import requests

from desktop.emulator.demo_data import TEXT_ONLY_WORKSPACE_ID
from tests.emulator.conftest import Api


def test_edit_with_absolute_url_is_plain_500(api: Api) -> None:
    image = api.generate("abs").json()["images"][0]
    answer = api.post("/ds-prototypes/edit", {"prompt": "x", "image_urls": [image["url"]]})
    assert answer.status_code == 500 and answer.text == "Internal Server Error"
    assert answer.headers["content-type"].startswith("text/plain")


def test_edit_alias_and_unknown_source(api: Api) -> None:
    path = api.get("/ds-prototypes/history").json()["items"][0]["output_image_url"]
    ok = api.post("/ds-prototypes/image_generation/edit", {"prompt": "x", "image_urls": [path]})
    assert ok.status_code == 200
    missing = "/api/ds-prototypes/image_generation/00000000-0000-0000-0000-000000000000/view"
    gone = api.post("/ds-prototypes/edit", {"prompt": "x", "image_urls": [missing]})
    assert gone.status_code == 404 and gone.json() == {"detail": "Image not found"}


def test_missing_workspace_header_is_400(api: Api) -> None:
    for path in ("/ds-prototypes/image_generation/models", "/ds-prototypes/history"):
        answer = requests.get(
            api.server.api_url + path, headers={"Authorization": f"Bearer {api.token}"}, timeout=5
        )
        assert answer.status_code == 400
        assert answer.json() == {"detail": "Missing x-workspace-id header"}
    api.workspace_id = "someone-elses"
    assert api.get("/ds-prototypes/history").status_code == 403


def test_no_or_bad_token_is_401(api: Api) -> None:
    url = api.server.api_url + "/workspace-service/v1/workspaces"
    assert requests.get(url, timeout=5).status_code == 401
    bad = requests.get(url, headers={"Authorization": "Bearer nope"}, timeout=5)
    assert bad.status_code == 401 and bad.headers["www-authenticate"] == "Bearer"
    gen = requests.post(
        api.server.api_url + "/ds-prototypes/image_generation/",
        headers={"x-workspace-id": api.workspace_id},
        json={},
        timeout=5,
    )
    assert gen.status_code == 401  # auth is checked before the body


def test_unknown_image_is_404(api: Api) -> None:
    assert api.get("/ds-prototypes/history/nope").status_code == 404
    assert api.get("/ds-prototypes/image_generation/nope/view").status_code == 404
    storage = requests.get(api.server.storage_origin + "/storage/nope.png", timeout=5)
    assert storage.status_code == 404


def test_model_not_allowed_is_403(api: Api) -> None:
    answer = api.generate("x", model="seedream-4-pro")
    assert answer.status_code == 403 and answer.json()["code"] == "MODEL_NOT_ALLOWED"
    api.workspace_id = TEXT_ONLY_WORKSPACE_ID
    text_only = api.generate("x")
    assert text_only.status_code == 403 and text_only.json()["code"] == "MODEL_NOT_ALLOWED"


def test_validation_errors_are_422(api: Api) -> None:
    cases = [
        {"prompt": "   "},
        {"prompt": "x" * 10001},
        {"prompt": "x", "model": "no-such-model"},
        {"prompt": "x", "num_images": 5},
        {"prompt": "x", "num_images": 0},
        {"prompt": "x", "aspect_ratio": "7:3"},
        {"prompt": "x", "model": "imagen-4-fast", "output_format": "webp"},
        {"prompt": "x", "model": "imagen-4-fast", "num_images": 3},
    ]
    for body in cases:
        answer = api.generate(**body)
        assert answer.status_code == 422, body
        assert isinstance(answer.json()["detail"], list) and "loc" in answer.json()["detail"][0]
    path = api.get("/ds-prototypes/history").json()["items"][0]["output_image_url"]
    no_i2i = api.post(
        "/ds-prototypes/edit", {"prompt": "x", "image_urls": [path], "model": "imagen-4-fast"}
    )
    assert no_i2i.status_code == 422
    assert api.post("/ds-prototypes/edit", {"prompt": "x", "image_urls": []}).status_code == 422
    assert api.get("/ds-prototypes/history", params={"size": 201}).status_code == 422
