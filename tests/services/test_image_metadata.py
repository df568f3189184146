"""The prompt travels with the exported file (PNG text + XMP, JPEG/WebP XMP), pixels untouched."""

from __future__ import annotations

import io
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest
from PIL import Image

from desktop.services.image_metadata import embed_metadata
from desktop.services.xmp import ImageMetadata

PROMPT = 'A "cat" <on> a mat & a 🐱‍👤, مرحبا بالعالم, 猫が座っている\nsecond line'
META = ImageMetadata(
    prompt=PROMPT,
    model="flux-pro <1.1>",
    created_at=datetime(2024, 5, 1, 12, 30, tzinfo=UTC),
    image_id="img-1234abcd",
)
NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}


def make_image(fmt: str, mode: str = "RGB", **save) -> bytes:
    im = Image.new(mode, (37, 23))
    for x in range(37):
        for y in range(23):
            px = (x * 7 % 256, y * 11 % 256, (x * y) % 256, (x + y) * 5 % 256)
            im.putpixel((x, y), px[: len(mode)] if mode != "P" else x % 256)
    buf = io.BytesIO()
    im.save(buf, fmt, **save)
    return buf.getvalue()


def decoded(data: bytes) -> tuple[str, tuple[int, int], bytes]:
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        return im.mode, im.size, im.tobytes()


def xmp_of(data: bytes) -> ET.Element:
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        raw = im.info["xmp"]
    return ET.fromstring(raw if isinstance(raw, bytes) else raw.encode())


def check_xmp(root: ET.Element, meta: ImageMetadata = META) -> None:
    desc = root.find(".//dc:description/rdf:Alt/rdf:li", NS)
    assert desc is not None and desc.text == meta.prompt
    assert desc.get("{http://www.w3.org/XML/1998/namespace}lang") == "x-default"
    assert root.find(".//dc:title/rdf:Alt/rdf:li", NS).text
    assert root.find(".//xmp:CreatorTool", NS).text == "neuroflash Desktop"
    assert root.find(".//xmp:CreateDate", NS).text == "2024-05-01T12:30:00+00:00"
    assert root.find(".//dc:source", NS).text == meta.model


CASES = {
    "png-rgb": ("PNG", "RGB", {}),
    "png-rgba": ("PNG", "RGBA", {}),
    "png-palette": ("PNG", "P", {}),
    "jpeg-jfif": ("JPEG", "RGB", {"quality": 90}),
    "jpeg-exif": ("JPEG", "RGB", {"exif": Image.Exif()}),
    "webp-lossy": ("WEBP", "RGB", {"quality": 80}),
    "webp-lossless": ("WEBP", "RGB", {"lossless": True}),
    "webp-alpha": ("WEBP", "RGBA", {"lossless": True}),
    "webp-lossy-alpha": ("WEBP", "RGBA", {"quality": 80}),
    "webp-extended": ("WEBP", "RGB", {"icc_profile": b"\0" * 4, "lossless": True}),
}


@pytest.mark.parametrize("case", CASES)
def test_metadata_is_readable_and_pixels_identical(case):
    fmt, mode, save = CASES[case]
    original = make_image(fmt, mode, **save)
    tagged = embed_metadata(original, META)
    assert tagged != original
    assert decoded(tagged) == decoded(original)
    check_xmp(xmp_of(tagged))


def test_png_text_chunks_carry_the_prompt():
    tagged = embed_metadata(make_image("PNG"), META)
    with Image.open(io.BytesIO(tagged)) as im:
        text = im.text
    assert text["Description"] == PROMPT
    assert text["Software"] == "neuroflash Desktop"
    assert text["Creation Time"] == "Wed, 01 May 2024 12:30:00 +0000"
    assert text["Source"] == "flux-pro <1.1>"
    assert "img-1234abcd" in text["Comment"]
    assert text["Title"].startswith('A "cat" <on>')


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_tagging_twice_replaces_instead_of_duplicating(fmt):
    once = embed_metadata(make_image(fmt), META)
    other = ImageMetadata("second prompt", None, None, "id2")
    twice = embed_metadata(once, other)
    assert twice.count(b"<x:xmpmeta") == 1
    assert xmp_of(twice).find(".//dc:description/rdf:Alt/rdf:li", NS).text == "second prompt"
    assert decoded(twice) == decoded(once)


def test_huge_prompt_still_fits_a_jpeg_segment():
    meta = ImageMetadata("word " * 30_000, None, None, "id")
    tagged = embed_metadata(make_image("JPEG"), meta)
    desc = xmp_of(tagged).find(".//dc:description/rdf:Alt/rdf:li", NS).text
    assert desc and meta.prompt.startswith(desc)


def test_control_characters_do_not_break_the_xml():
    meta = ImageMetadata("bell\x07 nul\x00 esc\x1b ok", None, None, "id")
    for fmt in ("PNG", "JPEG", "WEBP"):
        desc = xmp_of(embed_metadata(make_image(fmt), meta)).find(".//dc:description//rdf:li", NS)
        assert desc.text == "bell nul esc ok"


def test_naive_datetime_is_taken_as_utc():
    meta = ImageMetadata("p", None, datetime(2024, 1, 2, 3, 4, 5), "id")
    assert meta.created_iso == "2024-01-02T03:04:05+00:00"


@pytest.mark.parametrize(
    "data",
    [b"", b"GIF89a....", b"not an image", b"\x89PNG\r\n\x1a\n\x00\x00", b"RIFF\0\0\0\0WEBPVP8 "],
)
def test_unknown_or_broken_data_is_returned_unchanged(data):
    assert embed_metadata(data, META) == data


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool not installed")
@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_exiftool_reads_the_description(tmp_path, fmt):
    path = tmp_path / f"x.{fmt.lower()}"
    path.write_bytes(embed_metadata(make_image(fmt), META))
    out = subprocess.run(
        ["exiftool", "-s3", "-XMP-dc:Description", str(path)], capture_output=True, text=True
    )
    assert "mat & a" in out.stdout
