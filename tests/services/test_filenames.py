"""Exported file names: readable, portable on Windows/macOS/Linux, never dangerous."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from desktop.services.filenames import is_reserved_name, safe_filename, unique_path

FORBIDDEN = set('<>:"/\\|?*')


@pytest.mark.parametrize(
    ("prompt", "image_id", "ext", "expected"),
    [
        (
            "A cat on a mat, 4k. cinematic",
            "abc-123-def-456",
            "jpeg",
            "A-cat-on-a-mat-4k-cinematic-abc123de.jpg",
        ),
        ("", "img_9f8e7d6c5b", "png", "neuroflash-image-img9f8e7.png"),
        ("   ...   ", "x1", "PNG", "neuroflash-image-x1.png"),
        ("../../etc/passwd", "id1", "webp", "etc-passwd-id1.webp"),
        ("CON", "abc", ".png", "CON-abc.png"),
        ("nul.txt", "abc", "png", "nul-txt-abc.png"),
        ("猫 🐱 مرحبا", "1234567890", "png", "猫-🐱-مرحبا-12345678.png"),
    ],
)
def test_examples(prompt, image_id, ext, expected):
    assert safe_filename(prompt, image_id, ext) == expected


def test_decomposed_unicode_becomes_nfc():
    name = safe_filename("Cafe\u0301", "id", "png")
    assert name == "Café-id.png" and unicodedata.is_normalized("NFC", name)


def test_bidi_override_cannot_fake_the_extension():
    name = safe_filename("invoice\u202egnp.exe", "id", "png")
    assert "\u202e" not in name and name.endswith(".png")


def test_long_prompt_is_cut_to_max_length():
    name = safe_filename("word " * 200, "abcdef123", "png", max_length=60)
    assert len(name) <= 60 and name.endswith("-abcdef12.png")
    assert not name.startswith("-")


@pytest.mark.parametrize("name", ["CON", "con.txt", "Nul", "COM1.tar.gz", "lpt9", "AUX "])
def test_reserved_names_are_recognised(name):
    assert is_reserved_name(name)


@given(
    prompt=st.text(max_size=400),
    image_id=st.text(max_size=40),
    ext=st.sampled_from(["png", "jpeg", "jpg", "webp", ".PNG"]),
    max_length=st.integers(min_value=1, max_value=400),
)
@example(prompt="CON", image_id="", ext="png", max_length=120)
@example(prompt="\U0001f600" * 300, image_id="a", ext="png", max_length=255)
@example(prompt="a\x00b\x1f/..\\", image_id="../..", ext="webp", max_length=120)
def test_names_are_always_portable(prompt, image_id, ext, max_length):
    name = safe_filename(prompt, image_id, ext, max_length=max_length)
    expected_ext = {"jpeg": "jpg", ".PNG": "png"}.get(ext, ext)
    assert name.endswith("." + expected_ext)
    assert not FORBIDDEN & set(name)
    assert not any(unicodedata.category(c) == "Cc" for c in name)
    assert name not in {".", ".."} and ".." not in name and not name.startswith(".")
    assert not name.endswith((" ", "."))
    assert name.count(".") == 1
    assert not is_reserved_name(name)
    assert len(name.encode("utf-8")) <= 255
    assert len(name) <= max(max_length, 32)
    assert unicodedata.is_normalized("NFC", name)


def test_unique_path_never_overwrites(tmp_path):
    first = unique_path(tmp_path, "cat-1.png")
    assert first == tmp_path / "cat-1.png"
    first.write_bytes(b"1")
    second = unique_path(tmp_path, "cat-1.png")
    assert second == tmp_path / "cat-1 (2).png"
    second.write_bytes(b"2")
    assert unique_path(tmp_path, "cat-1.png") == tmp_path / "cat-1 (3).png"
    (tmp_path / "noext").write_bytes(b"")
    assert unique_path(tmp_path, "noext") == tmp_path / "noext (2)"
