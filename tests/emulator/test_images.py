"""Real, deterministic, prompt-dependent images; edits visibly derived from their source."""

from __future__ import annotations

import io

import pytest
import requests
from PIL import Image, ImageChops, ImageStat

from desktop.emulator.demo_data import ALL_RATIOS
from desktop.emulator.images import size_for_ratio
from tests.emulator.conftest import Api


def _fetch(url: str) -> bytes:
    answer = requests.get(url, timeout=10)
    assert answer.status_code == 200
    return answer.content


def _pixels(data: bytes) -> list[int]:
    """Small RGB thumbnail of the top two thirds (the edit draws its prompt at the bottom)."""
    img = Image.open(io.BytesIO(data)).convert("RGB")
    img = img.crop((0, 0, img.width, img.height * 2 // 3)).resize((48, 32))
    return list(img.tobytes())


def _correlation(a: list[int], b: list[int]) -> float:
    n = len(a)
    ma, mb = sum(a) / n, sum(b) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    va = sum((x - ma) ** 2 for x in a) ** 0.5
    vb = sum((y - mb) ** 2 for y in b) ** 0.5
    return cov / (va * vb)


def test_every_ratio_has_long_side_1024_and_even_short_side() -> None:
    expected = {"16:9": (1024, 576), "1:1": (1024, 1024), "9:16": (576, 1024)}
    for ratio in ALL_RATIOS:
        w, h = size_for_ratio(ratio)
        assert max(w, h) == 1024 and min(w, h) % 2 == 0
        rw, rh = (int(p) for p in ratio.split(":"))
        assert abs(w / h - rw / rh) < 0.01
        if ratio in expected:
            assert (w, h) == expected[ratio]


@pytest.mark.parametrize(
    ("fmt", "pil_format"), [("png", "PNG"), ("jpeg", "JPEG"), ("webp", "WEBP")]
)
def test_format_and_size_decode(api: Api, fmt: str, pil_format: str) -> None:
    for ratio in ("16:9", "9:16", "21:9"):
        image = api.generate(f"format {fmt}", aspect_ratio=ratio, output_format=fmt).json()[
            "images"
        ][0]
        decoded = Image.open(io.BytesIO(_fetch(image["url"])))
        assert decoded.format == pil_format
        assert decoded.size == size_for_ratio(ratio) == (image["width"], image["height"])


def test_same_prompt_same_bytes_different_prompt_different_pixels(api: Api) -> None:
    first = api.generate("a lighthouse at dusk").json()["images"][0]
    again = api.generate("a lighthouse at dusk").json()["images"][0]
    other = api.generate("a bowl of ramen").json()["images"][0]
    assert first["image_id"] != again["image_id"]
    a, b, c = _fetch(first["url"]), _fetch(again["url"]), _fetch(other["url"])
    assert a == b
    diff = ImageChops.difference(
        Image.open(io.BytesIO(a)).convert("RGB"), Image.open(io.BytesIO(c)).convert("RGB")
    )
    assert max(ImageStat.Stat(diff).mean) > 20


def test_images_in_one_batch_differ(api: Api) -> None:
    images = api.generate("batch", num_images=2).json()["images"]
    assert _fetch(images[0]["url"]) != _fetch(images[1]["url"])


def test_edit_is_derived_from_source(api: Api) -> None:
    source = api.generate(
        "a mountain lake at dawn", aspect_ratio="16:9", output_format="webp"
    ).json()["images"][0]
    path = api.get("/ds-prototypes/history").json()["items"][0]["output_image_url"]
    assert source["image_id"] in path
    edited = api.post(
        "/ds-prototypes/edit", {"prompt": "Make the sky orange", "image_urls": [path]}
    ).json()
    out = edited["images"][0]
    assert (out["width"], out["height"]) == (1024, 576) and out["content_type"] == "image/webp"
    fresh = api.generate("Make the sky orange", aspect_ratio="16:9").json()["images"][0]
    src_px, edit_px, fresh_px = (_pixels(_fetch(i["url"])) for i in (source, out, fresh))
    assert _fetch(out["url"]) != _fetch(source["url"])
    assert _correlation(src_px, edit_px) > 0.6
    assert _correlation(src_px, edit_px) > _correlation(fresh_px, edit_px) + 0.3
    item = api.get("/ds-prototypes/history").json()["items"][1]  # fresh is newest
    assert item["output_image_id"] == out["image_id"]
    assert item["type"] == "image2image" and item["input_image_urls"] == [path]


def test_seeded_history_renders_lazily_and_decodes(api: Api) -> None:
    item = api.get("/ds-prototypes/history").json()["items"][-1]
    origin = api.server.api_url[:-4]
    data = requests.get(origin + item["output_image_url"], headers=api.headers, timeout=10).content
    decoded = Image.open(io.BytesIO(data))
    assert decoded.size == (item["width"], item["height"])
    assert decoded.get_format_mimetype() == item["content_type"]
    refreshed = api.get(f"/ds-prototypes/history/{item['output_image_id']}").json()
    assert refreshed["file_size"] == len(data)
