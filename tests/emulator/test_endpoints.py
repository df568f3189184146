"""Each endpoint's shape, as a user of the guide would see it."""

from __future__ import annotations

import requests

from desktop.emulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from desktop.emulator.demo_data import (
    NEARLY_EMPTY_WORKSPACE_ID,
    STUDIO_WORKSPACE_ID,
    TEXT_ONLY_WORKSPACE_ID,
)
from tests.emulator.conftest import Api


def test_urls_use_two_origins(emulator) -> None:
    assert emulator.api_url.startswith("http://127.0.0.1:") and emulator.api_url.endswith("/api")
    assert emulator.token_url == emulator.api_url[:-4] + "/oauth/v2/token"
    assert emulator.storage_origin == f"http://localhost:{emulator.port}"


def test_token_shape_and_errors(emulator) -> None:
    good = {
        "grant_type": "client_credentials",
        "client_id": DEMO_CLIENT_ID,
        "client_secret": DEMO_CLIENT_SECRET,
        "scope": "openid",
    }
    body = requests.post(emulator.token_url, data=good, timeout=5).json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 14399
    assert len(body["access_token"]) > 20
    bad = requests.post(emulator.token_url, data={**good, "client_secret": "x"}, timeout=5)
    assert bad.status_code == 401 and bad.json()["error"] == "invalid_client"
    grant = requests.post(emulator.token_url, data={**good, "grant_type": "password"}, timeout=5)
    assert grant.status_code == 400 and grant.json()["error"] == "unsupported_grant_type"


def test_workspaces_hal(api: Api) -> None:
    body = api.get("/workspace-service/v1/workspaces").json()
    spaces = body["_embedded"]["workspaces"]
    assert [w["name"] for w in spaces] == ["Studio", "Side Project", "Copywriting"]
    assert [w["id"] for w in spaces] == [
        STUDIO_WORKSPACE_ID,
        NEARLY_EMPTY_WORKSPACE_ID,
        TEXT_ONLY_WORKSPACE_ID,
    ]
    assert all("createdAt" in w for w in spaces)


def test_quota_shape(api: Api) -> None:
    body = api.get(
        f"/usage-service/v1/workspaces/{STUDIO_WORKSPACE_ID}/quotas",
        params={"usageTypeKey": "images"},
    ).json()
    q = body["data"][0]
    assert set(q) >= {
        "id",
        "workspaceId",
        "usageTypeKey",
        "bonusAmount",
        "spilloverAmount",
        "usedAmount",
        "usedAmountDaily",
        "availableAmount",
        "limitAmount",
        "limitAmountDaily",
        "fairUseLimitReached",
        "dailyRefreshed",
    }
    assert q["availableAmount"] == (
        q["limitAmount"] + q["bonusAmount"] + q["spilloverAmount"] - q["usedAmount"]
    )
    assert q["bonusAmount"] > 0 and q["spilloverAmount"] > 0
    assert body["page"]["currentPage"] == 1 and body["page"]["totalElements"] == 1
    side = api.get(f"/usage-service/v1/workspaces/{NEARLY_EMPTY_WORKSPACE_ID}/quotas").json()
    assert side["data"][0]["availableAmount"] == 2
    text_only = api.get(f"/usage-service/v1/workspaces/{TEXT_ONLY_WORKSPACE_ID}/quotas").json()
    assert text_only["data"] == []
    missing = api.get("/usage-service/v1/workspaces/nope/quotas")
    assert missing.status_code == 404 and missing.json()["code"] == "WORKSPACE_NOT_FOUND"


def test_models_guide_shape(api: Api) -> None:
    models = api.get("/ds-prototypes/image_generation/models").json()
    assert models[0] == {
        "id": "nano-banana-2",
        "name": "Nano Banana 2",
        "provider": "fal.ai",
        "description": "Fast and efficient image generation model",
        "capabilities": ["text2image", "image2image", "inpainting", "upscale-2x", "upscale-4x"],
        "max_images": 4,
        "aspect_ratios": ["21:9", "16:9", "3:2", "4:3", "5:4", "1:1", "4:5", "3:4", "2:3", "9:16"],
        "output_formats": ["jpeg", "png", "webp"],
        "allowed": True,
        "order": 1,
    }
    assert [m["order"] for m in models] == [1, 2, 3]
    assert models[1]["capabilities"] == ["text2image"] and models[2]["allowed"] is False
    api.workspace_id = TEXT_ONLY_WORKSPACE_ID
    assert not any(m["allowed"] for m in api.get("/ds-prototypes/image_generation/models").json())


def test_family_b_catalogue_camel_case(api: Api) -> None:
    body = api.get(f"/image-service/v1/workspaces/{STUDIO_WORKSPACE_ID}/image-models").json()
    assert body["page"] == {"size": 50, "totalElements": 3, "totalPages": 1, "currentPage": 1}
    first = body["data"][0]
    assert first["maxImages"] == 4 and "aspectRatios" in first and "outputFormats" in first
    paged = api.get(
        f"/image-service/v1/workspaces/{STUDIO_WORKSPACE_ID}/image-models",
        params={"page": 2, "size": 2},
    ).json()
    assert [m["order"] for m in paged["data"]] == [3]


def test_generate_answer_and_storage(api: Api) -> None:
    body = api.generate(
        "sustainable technology", num_images=2, aspect_ratio="16:9", output_format="png"
    ).json()
    assert body["prompt"] == "sustainable technology" and body["detail"] is None
    assert body["model"] == "nano-banana-2" and body["batch_id"] and body["description"]
    assert len(body["images"]) == 2
    for image in body["images"]:
        assert image["url"].startswith(api.server.storage_origin + "/storage/")
        assert (image["width"], image["height"]) == (1024, 576)
        assert image["content_type"] == "image/png"
        assert image["file_name"].endswith(".png")
        raw = requests.get(image["url"], timeout=10)  # no token needed
        assert raw.status_code == 200 and raw.headers["content-type"] == "image/png"
        assert len(raw.content) == image["file_size"]


def test_history_item_view_and_aliases(api: Api) -> None:
    made = api.generate("history check", output_format="jpeg").json()["images"][0]
    body = api.get("/ds-prototypes/history").json()
    assert body["page"] == 1 and body["size"] == 50 and body["total"] == 7 and body["pages"] == 1
    top = body["items"][0]
    assert top["output_image_id"] == made["image_id"]
    assert top["output_image_url"] == (
        f"/api/ds-prototypes/image_generation/{made['image_id']}/view"
    )
    assert top["type"] == "text2image" and top["input_image_urls"] == []
    assert top["created_at"].endswith("Z")
    stamps = [i["created_at"] for i in body["items"]]
    assert stamps == sorted(stamps, reverse=True)
    assert api.get("/ds-prototypes/image_generation/history").json()["items"] == body["items"]
    assert api.get(f"/ds-prototypes/history/{made['image_id']}").json() == top
    origin = api.server.api_url[:-4]
    view = requests.get(origin + top["output_image_url"], headers=api.headers, timeout=10)
    assert view.status_code == 200 and view.headers["content-type"] == "image/jpeg"
    assert requests.get(origin + top["output_image_url"], timeout=10).status_code == 401


def test_generate_alias_and_trailing_slash_redirect(api: Api) -> None:
    assert api.post("/ds-prototypes/", {"prompt": "alias"}).status_code == 200
    slashless = api.post("/ds-prototypes/image_generation", {"prompt": "x"}, allow_redirects=False)
    assert slashless.status_code == 307
    assert slashless.headers["location"].endswith("/api/ds-prototypes/image_generation/")


def test_model_as_object_and_limit_generations(api: Api) -> None:
    body = api.generate(
        "obj", model={"id": "nano-banana-2"}, num_images=3, limit_generations=True
    ).json()
    assert len(body["images"]) == 1


def test_delete(api: Api) -> None:
    history = api.get("/ds-prototypes/history").json()["items"]
    target = history[0]
    assert api.delete(f"/ds-prototypes/history/{target['batch_id']}").status_code == 404
    before = api.available()
    gone = api.delete(f"/ds-prototypes/history/{target['output_image_id']}")
    assert gone.status_code == 204 and gone.content == b""
    assert target["output_image_id"] not in api.server.state.history_ids(api.workspace_id)
    assert api.get(f"/ds-prototypes/history/{target['output_image_id']}").status_code == 404
    assert api.available() == before
    assert api.delete(f"/ds-prototypes/history/{target['output_image_id']}").status_code == 404


def test_workspace_isolation(api: Api) -> None:
    studio_id = api.server.state.history_ids(STUDIO_WORKSPACE_ID)[0]
    api.workspace_id = NEARLY_EMPTY_WORKSPACE_ID
    assert api.get(f"/ds-prototypes/history/{studio_id}").status_code == 404
    assert api.get(f"/ds-prototypes/image_generation/{studio_id}/view").status_code == 404
