"""The built-in server's image service (family B): upload, get/list/content/delete, masked edit
and upscale tasks, in both task modes, on the one store the ds-prototypes history lists."""

from __future__ import annotations

import base64
import io
import struct
import time
import zlib
from typing import Any

import pytest
import requests
from PIL import Image, ImageChops

from desktop.emulator.demo_data import STUDIO_WORKSPACE_ID, TEXT_ONLY_WORKSPACE_ID
from desktop.emulator.server import EmulatorServer
from tests.emulator.conftest import get_token

B = "/image-service/v1/workspaces/{ws}"


def png(
    width: int = 64, height: int = 48, colour: object = (10, 200, 30), mode: str = "RGB"
) -> bytes:
    buf = io.BytesIO()
    Image.new(mode, (width, height), colour).save(buf, "PNG")  # type: ignore[arg-type]
    return buf.getvalue()


def data_uri(data: bytes, mime: str = "image/png") -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def bomb_png(width: int = 100_000, height: int = 100_000) -> bytes:
    """A valid PNG header declaring a huge picture (a decompression bomb's header)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
        + b"\x00\x00\x00\x00IEND\xaeB`\x82"
    )


HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64


class Service:
    """Plain requests against one workspace's image service."""

    def __init__(self, server: EmulatorServer, ws: str = STUDIO_WORKSPACE_ID) -> None:
        self.server, self.ws = server, ws
        self.headers = {"Authorization": f"Bearer {get_token(server)}"}
        self.base = server.api_url + B.format(ws=ws)

    def post(self, path: str, body: Any) -> requests.Response:
        return requests.post(self.base + path, json=body, headers=self.headers, timeout=30)

    def get(self, path: str, params: dict[str, int] | None = None) -> requests.Response:
        return requests.get(self.base + path, headers=self.headers, timeout=30, params=params)

    def content(self, image: dict) -> requests.Response:
        return requests.get(
            self.server.base_origin + image["_links"]["content"], headers=self.headers, timeout=30
        )

    def upload(self, data: bytes, mime: str = "image/png") -> requests.Response:
        return self.post("/images", {"imageUrl": data_uri(data, mime)})

    def used(self) -> int:
        quota = self.server.state.quota(self.ws)
        assert quota is not None
        return int(quota["usedAmount"])

    def history(self) -> list[dict]:
        answer = requests.get(
            self.server.api_url + "/ds-prototypes/history",
            params={"size": 200},
            headers={**self.headers, "x-workspace-id": self.ws},
            timeout=30,
        )
        return answer.json()["items"]


@pytest.fixture
def svc(emulator: EmulatorServer) -> Service:
    return Service(emulator)


@pytest.fixture
def async_svc(make_server) -> Service:  # type: ignore[no-untyped-def]
    return Service(make_server(async_tasks=True, task_delay_s=0.4, rate_limit_per_minute=0))


def wait_done(svc: Service, image_id: str) -> dict:
    for _ in range(100):
        image = svc.get(f"/images/{image_id}").json()
        if image["status"] != "pending":
            return image
        time.sleep(0.05)
    raise AssertionError("never settled")


def test_upload_answers_201_with_an_image_object_and_is_free(svc: Service) -> None:
    used = svc.used()
    answer = svc.upload(png(64, 48))
    assert answer.status_code == 201
    image = answer.json()
    assert {
        "id",
        "generationId",
        "workspaceId",
        "prompt",
        "model",
        "parameters",
        "inputImageIds",
        "imageWidth",
        "imageHeight",
        "imageSize",
        "createdAt",
        "updatedAt",
        "_links",
    } <= set(image)
    assert (image["imageWidth"], image["imageHeight"]) == (64, 48)
    assert image["workspaceId"] == svc.ws and image["status"] == "done"
    assert image["parameters"]["kind"] == "imported" and image["inputImageIds"] == []
    assert svc.used() == used
    content = svc.content(image)
    assert content.status_code == 200 and content.content == png(64, 48)
    assert content.headers["content-type"] == "image/png"


@pytest.mark.parametrize(
    "data, mime",
    [
        (b"just some text, not a picture", "text/plain"),
        (HEIC, "image/heic"),
        (b"GIF89a" + b"\x01\x00\x01\x00" + b"\x00" * 20, "image/gif"),
        (b"8BPS\x00\x01" + b"\x00" * 40, "image/vnd.adobe.photoshop"),
        (bomb_png(), "image/png"),
        (png()[:40], "image/png"),  # cut short
    ],
)
def test_upload_refuses_other_types_bombs_and_broken_files_with_422(
    svc: Service, data: bytes, mime: str
) -> None:
    before = len(svc.history())
    answer = svc.upload(data, mime)
    assert answer.status_code == 422, answer.text
    assert isinstance(answer.json()["detail"], str)
    assert len(svc.history()) == before


def test_upload_refuses_plain_urls_and_bad_base64(svc: Service) -> None:
    assert svc.post("/images", {"imageUrl": "https://example.com/a.png"}).status_code == 422
    assert svc.post("/images", {"imageUrl": "data:image/png;base64,@@@"}).status_code == 422
    assert svc.post("/images", {}).status_code == 422


def test_upload_over_20_mb_is_413(svc: Service) -> None:
    big = png() + b"\x00" * (20 * 1024 * 1024)
    answer = svc.upload(big)
    assert answer.status_code == 413


def test_image_calls_need_the_token(svc: Service) -> None:
    image = svc.upload(png()).json()
    bare = requests.get(svc.base + f"/images/{image['id']}", timeout=10)
    assert bare.status_code == 401
    link = svc.server.base_origin + image["_links"]["content"]
    assert requests.get(link, timeout=10).status_code == 401


def test_list_is_paginated_newest_first_and_get_and_delete(svc: Service) -> None:
    first = svc.upload(png(colour=(1, 2, 3))).json()
    second = svc.upload(png(colour=(4, 5, 6))).json()
    page = svc.get("/images", params={"page": 1, "size": 2}).json()
    assert [i["id"] for i in page["data"]] == [second["id"], first["id"]]
    total = page["page"]["totalElements"]
    assert page["page"] == {
        "size": 2,
        "totalElements": total,
        "totalPages": (total + 1) // 2,
        "currentPage": 1,
    }
    everything = [
        i["id"]
        for p in range(1, page["page"]["totalPages"] + 1)
        for i in svc.get("/images", params={"page": p, "size": 2}).json()["data"]
    ]
    assert len(everything) == len(set(everything)) == total
    assert svc.get(f"/images/{first['id']}").json()["id"] == first["id"]
    gone = requests.delete(svc.base + f"/images/{first['id']}", headers=svc.headers, timeout=10)
    assert gone.status_code == 204 and gone.content == b""
    assert svc.get(f"/images/{first['id']}").status_code == 404
    assert first["id"] not in {i["output_image_id"] for i in svc.history()}
    again = requests.delete(svc.base + f"/images/{first['id']}", headers=svc.headers, timeout=10)
    assert again.status_code == 404


@pytest.mark.parametrize("scale", [2, 4])
def test_upscale_is_exactly_scale_times_the_size_and_costs_one_credit(
    svc: Service, scale: int
) -> None:
    source = svc.upload(png(50, 30)).json()
    used = svc.used()
    answer = svc.post("/image-upscale-tasks", {"imageId": source["id"], "scale": scale})
    assert answer.status_code == 201
    [image] = answer.json()["images"]
    assert (image["imageWidth"], image["imageHeight"]) == (50 * scale, 30 * scale)
    assert image["inputImageIds"] == [source["id"]]
    assert image["parameters"]["kind"] == "upscaled"
    assert svc.used() == used + 1
    content = svc.content(image)
    assert content.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(content.content)).size == (50 * scale, 30 * scale)


def test_upscale_of_a_generated_image_and_its_output_format(svc: Service) -> None:
    generated = svc.history()[0]
    answer = svc.post(
        "/image-upscale-tasks",
        {"imageId": generated["output_image_id"], "scale": 2, "outputFormat": "jpeg"},
    )
    [image] = answer.json()["images"]
    assert (image["imageWidth"], image["imageHeight"]) == (
        generated["width"] * 2,
        generated["height"] * 2,
    )
    assert svc.content(image).headers["content-type"] == "image/jpeg"


@pytest.mark.parametrize("body", [{"scale": 3}, {"scale": 2, "imageId": "nope"}])
def test_upscale_refuses_other_scales_and_unknown_images(svc: Service, body: dict) -> None:
    source = svc.upload(png()).json()
    used = svc.used()
    answer = svc.post("/image-upscale-tasks", {"imageId": source["id"], **body})
    assert answer.status_code in (404, 422)
    assert svc.used() == used


def _pixels(svc: Service, image: dict) -> Image.Image:
    return Image.open(io.BytesIO(svc.content(image).content)).convert("RGB")


def test_masked_edit_changes_only_the_masked_pixels(svc: Service) -> None:
    photo = Image.effect_noise((96, 64), 60).convert("RGB")  # every pixel differs
    buf = io.BytesIO()
    photo.save(buf, "PNG")
    source = svc.upload(buf.getvalue()).json()
    mask = Image.new("L", (96, 64), 0)
    mask.paste(255, (0, 0, 48, 64))  # the left half may change
    mbuf = io.BytesIO()
    mask.save(mbuf, "PNG")
    mask_id = svc.upload(mbuf.getvalue()).json()["id"]
    used = svc.used()
    answer = svc.post(
        "/image-edit-tasks",
        {
            "imageId": source["id"],
            "prompt": "make it red",
            "maskImageId": mask_id,
            "numImages": 2,
            "outputFormat": "png",
        },
    )
    assert answer.status_code == 201, answer.text
    images = answer.json()["images"]
    assert len(images) == 2 and svc.used() == used + 2
    for image in images:
        assert image["parameters"]["kind"] == "edited" and image["prompt"] == "make it red"
        result = _pixels(svc, image)
        assert result.size == (96, 64)
        diff = ImageChops.difference(result, photo)
        assert diff.crop((48, 0, 96, 64)).getbbox() is None, "outside the mask: unchanged"
        red, green, blue = diff.crop((0, 0, 48, 64)).split()
        most = ImageChops.lighter(ImageChops.lighter(red, green), blue)
        changed = sum(most.histogram()[25:])
        assert changed > 0.9 * 48 * 64, "inside the mask: visibly changed"


def test_a_transparent_mask_area_counts_as_black(svc: Service) -> None:
    source = svc.upload(png(40, 40, (100, 100, 100))).json()
    mask = Image.new("RGBA", (40, 40), (255, 255, 255, 0))  # white but transparent
    mask.paste((255, 255, 255, 255), (0, 0, 10, 40))
    buf = io.BytesIO()
    mask.save(buf, "PNG")
    mask_id = svc.upload(buf.getvalue()).json()["id"]
    [image] = svc.post(
        "/image-edit-tasks", {"imageId": source["id"], "prompt": "x", "maskImageId": mask_id}
    ).json()["images"]
    result = _pixels(svc, image)
    assert result.getpixel((30, 20)) == (100, 100, 100)
    assert result.getpixel((5, 20)) != (100, 100, 100)


def test_edit_without_mask_changes_the_whole_image(svc: Service) -> None:
    source = svc.upload(png(40, 40, (100, 100, 100))).json()
    [image] = svc.post("/image-edit-tasks", {"imageId": source["id"], "prompt": "x"}).json()[
        "images"
    ]
    diff = ImageChops.difference(_pixels(svc, image), Image.new("RGB", (40, 40), (100,) * 3))
    assert diff.getbbox() == (0, 0, 40, 40)


def test_edit_validation(svc: Service) -> None:
    source = svc.upload(png()).json()
    used = svc.used()
    assert (
        svc.post("/image-edit-tasks", {"imageId": source["id"], "prompt": "  "}).status_code == 422
    )
    assert (
        svc.post(
            "/image-edit-tasks", {"imageId": source["id"], "prompt": "x", "numImages": 9}
        ).status_code
        == 422
    )
    assert (
        svc.post(
            "/image-edit-tasks", {"imageId": source["id"], "prompt": "x", "maskImageId": "missing"}
        ).status_code
        == 404
    )
    assert (
        svc.post(
            "/image-edit-tasks",
            {"imageId": source["id"], "prompt": "x", "modelId": "imagen-4-fast"},
        ).status_code
        == 422
    )
    assert svc.used() == used


def test_a_workspace_without_images_cannot_run_tasks(emulator: EmulatorServer) -> None:
    svc = Service(emulator, TEXT_ONLY_WORKSPACE_ID)
    source = svc.upload(png()).json()
    answer = svc.post("/image-upscale-tasks", {"imageId": source["id"], "scale": 2})
    assert answer.status_code == 403 and answer.json()["code"] == "MODEL_NOT_ALLOWED"


def test_no_credits_no_task(svc: Service) -> None:
    source = svc.upload(png()).json()
    svc.server.state.set_quota(svc.ws, used=10_000)
    answer = svc.post("/image-upscale-tasks", {"imageId": source["id"], "scale": 2})
    assert answer.status_code == 403 and answer.json()["code"] == "IMAGE_QUOTA_EXCEEDED"


def test_history_lists_every_image_once_with_its_kind(svc: Service) -> None:
    source = svc.upload(png()).json()
    up = svc.post("/image-upscale-tasks", {"imageId": source["id"], "scale": 2}).json()
    edited = svc.post("/image-edit-tasks", {"imageId": source["id"], "prompt": "x"}).json()
    items = svc.history()
    ids = [i["output_image_id"] for i in items]
    assert len(ids) == len(set(ids))
    by_id = {i["output_image_id"]: i for i in items}
    assert by_id[source["id"]]["type"] == "upload"
    assert by_id[up["images"][0]["id"]]["type"] == "upscale"
    assert by_id[edited["images"][0]["id"]]["type"] == "image2image"
    view = f"/api/ds-prototypes/image_generation/{source['id']}/view"
    assert by_id[up["images"][0]["id"]]["input_image_urls"] == [view]
    listed = {i["id"] for i in svc.get("/images", params={"size": 200}).json()["data"]}
    assert listed == set(ids)


def test_async_tasks_answer_202_pending_then_done(async_svc: Service) -> None:
    svc = async_svc
    source = svc.upload(png(20, 10)).json()
    assert source["status"] == "done"  # uploads are never pending
    used = svc.used()
    answer = svc.post("/image-upscale-tasks", {"imageId": source["id"], "scale": 2})
    assert answer.status_code == 202
    [image] = answer.json()["images"]
    assert image["status"] == "pending" and svc.used() == used + 1
    assert svc.content(image).status_code == 409
    assert image["id"] not in {i["output_image_id"] for i in svc.history()}
    done = wait_done(svc, image["id"])
    assert done["status"] == "done" and done["imageWidth"] == 40
    assert svc.content(done).status_code == 200
    assert [i["output_image_id"] for i in svc.history()].count(image["id"]) == 1


def test_async_edit_with_mask_and_a_failed_image_is_refunded(async_svc: Service) -> None:
    svc = async_svc
    source = svc.upload(png(20, 10)).json()
    mask = svc.upload(png(20, 10, 255, mode="L")).json()
    svc.server.state.fail_next_images = 1
    used = svc.used()
    answer = svc.post(
        "/image-edit-tasks",
        {"imageId": source["id"], "prompt": "x", "maskImageId": mask["id"], "numImages": 2},
    )
    assert answer.status_code == 202
    images = answer.json()["images"]
    assert [i["status"] for i in images] == ["pending", "pending"]
    assert svc.used() == used + 2
    settled = [wait_done(svc, i["id"]) for i in images]
    assert sorted(i["status"] for i in settled) == ["done", "failed"]
    assert svc.used() == used + 1, "the failed image gives its credit back"
    history = {i["output_image_id"] for i in svc.history()}
    assert [i["id"] in history for i in settled] == [i["status"] == "done" for i in settled]


def test_a_pending_image_cannot_be_a_source(async_svc: Service) -> None:
    svc = async_svc
    source = svc.upload(png(20, 10)).json()
    [image] = svc.post("/image-upscale-tasks", {"imageId": source["id"], "scale": 2}).json()[
        "images"
    ]
    answer = svc.post("/image-upscale-tasks", {"imageId": image["id"], "scale": 2})
    assert answer.status_code == 409


def test_a_dropped_task_answer_still_charges_once_and_keeps_the_image(svc: Service) -> None:
    source = svc.upload(png()).json()
    used, before = svc.used(), len(svc.history())
    svc.server.state.faults.schedule("drop", path=r"/image-upscale-tasks$", count=1)
    with pytest.raises(requests.exceptions.RequestException):
        svc.post("/image-upscale-tasks", {"imageId": source["id"], "scale": 2})
    assert svc.used() == used + 1 and len(svc.history()) == before + 1


@pytest.mark.parametrize("kind, status", [("503", 503), ("429", 429), ("html", 502)])
def test_faults_reach_the_new_calls(svc: Service, kind: str, status: int) -> None:
    svc.server.state.faults.schedule(kind, path=r"/images$", count=1, method="POST")
    assert svc.upload(png()).status_code == status
    assert svc.upload(png()).status_code == 201


def test_the_render_cache_is_bounded_in_bytes() -> None:
    from desktop.emulator.images import ImageCache, RenderSpec

    cache = ImageCache(max_items=100, max_bytes=1)
    first = RenderSpec("a", "m", 0, 64, 64, "png")
    second = RenderSpec("b", "m", 0, 64, 64, "png")
    cache.get(first)
    cache.get(second)
    assert cache.peek_size(first) is None and cache.peek_size(second) is not None


def test_generation_task_makes_camel_case_images_and_charges_each(svc: Service) -> None:
    used = svc.used()
    answer = svc.post(
        "/image-generation-tasks",
        {"prompt": " a fox ", "numImages": 2, "aspectRatio": "9:16", "outputFormat": "webp"},
    )
    assert answer.status_code == 201
    images = answer.json()["images"]
    assert [(i["imageWidth"], i["imageHeight"], i["prompt"]) for i in images] == [
        (576, 1024, "a fox")
    ] * 2
    assert svc.used() == used + 2
    assert svc.content(images[0]).headers["content-type"] == "image/webp"
    assert {i["id"] for i in images} <= {i["output_image_id"] for i in svc.history()}
    for bad in (
        {"prompt": " "},
        {"prompt": "x", "numImages": 9},
        {"prompt": "x", "aspectRatio": "7:1"},
        {"prompt": "x", "modelId": "nope"},
    ):
        assert svc.post("/image-generation-tasks", bad).status_code == 422
    assert svc.used() == used + 2


def test_a_chunked_upload_over_the_limit_is_413(svc: Service) -> None:
    def body() -> Any:
        yield b'{"imageUrl": "data:image/png;base64,'
        for _ in range(30):
            yield b"A" * (1024 * 1024)
        yield b'"}'

    answer = requests.post(
        svc.base + "/images",
        data=body(),
        timeout=30,
        headers={**svc.headers, "Content-Type": "application/json"},
    )
    assert answer.status_code == 413
