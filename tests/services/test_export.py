"""Saving an image for the designer: right name, metadata, never overwritten, never half-written."""

from __future__ import annotations

import errno
import io
import os

import pytest
from PIL import Image

from desktop.services import export
from desktop.services.export import (
    ImageMetadata,
    describe_os_error,
    export_image,
    extension_for,
    write_atomic,
)

META = ImageMetadata("A red fox in snow", "flux-1", None, "abcdef123456")


def png_bytes() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (255, 0, 0)).save(buf, "PNG")
    return buf.getvalue()


def jpeg_bytes() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 0, 255)).save(buf, "JPEG")
    return buf.getvalue()


def test_export_writes_a_named_file_with_metadata(tmp_path):
    path = export_image(png_bytes(), "image/png", META, tmp_path)
    assert path == tmp_path / "A-red-fox-in-snow-abcdef12.png"
    with Image.open(path) as im:
        assert im.text["Description"] == "A red fox in snow"
        assert im.getpixel((0, 0)) == (255, 0, 0)


def test_exporting_twice_keeps_both_files(tmp_path):
    first = export_image(png_bytes(), "image/png", META, tmp_path)
    second = export_image(png_bytes(), "image/png", META, tmp_path)
    third = export_image(png_bytes(), "image/png", META, tmp_path)
    assert second.name == "A-red-fox-in-snow-abcdef12 (2).png"
    assert third.name == "A-red-fox-in-snow-abcdef12 (3).png"
    assert first.exists() and second.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [first.name, second.name, third.name]
    )


def test_export_without_unique_replaces(tmp_path):
    first = export_image(png_bytes(), "image/png", META, tmp_path, unique=False)
    again = export_image(jpeg_bytes(), "image/png", META, tmp_path, unique=False)
    assert again.suffix == ".jpg"  # the bytes decide, not a wrong content type
    assert first != again
    assert export_image(png_bytes(), "image/png", META, tmp_path, unique=False) == first


def test_jpeg_content_type_gives_jpg(tmp_path):
    path = export_image(jpeg_bytes(), "image/jpeg", META, tmp_path)
    assert path.suffix == ".jpg"
    with Image.open(path) as im:
        assert b"A red fox in snow" in im.info["xmp"]


def test_extension_falls_back_to_content_type():
    assert extension_for("image/webp; charset=binary", b"??") == "webp"
    assert extension_for("application/octet-stream", b"") == "bin"


def test_export_works_where_hard_links_are_not_supported(tmp_path, monkeypatch):
    def no_links(*_args):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    first = export_image(png_bytes(), "image/png", META, tmp_path)
    second = export_image(png_bytes(), "image/png", META, tmp_path)
    assert first.exists() and second.exists() and first != second
    assert len(list(tmp_path.iterdir())) == 2


def test_full_disk_leaves_the_old_file_intact_and_no_debris(tmp_path, monkeypatch):
    target = tmp_path / "image.png"
    target.write_bytes(b"previous version")

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as info:
        write_atomic(target, b"new data")
    assert target.read_bytes() == b"previous version"
    assert list(tmp_path.iterdir()) == [target]
    assert describe_os_error(info.value).startswith("The disk is full.")


def test_failed_export_leaves_nothing_behind(tmp_path, monkeypatch):
    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError):
        export_image(png_bytes(), "image/png", META, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_write_atomic_replaces_content(tmp_path):
    target = tmp_path / "f.bin"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert list(tmp_path.iterdir()) == [target]


def test_missing_folder_raises_a_describable_error(tmp_path):
    with pytest.raises(OSError) as info:
        export_image(png_bytes(), "image/png", META, tmp_path / "gone")
    assert "no longer exists" in describe_os_error(info.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_raises_permission_error(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(PermissionError) as info:
            export_image(png_bytes(), "image/png", META, locked)
    finally:
        locked.chmod(0o700)
    assert describe_os_error(info.value).startswith("You don't have permission")


@pytest.mark.parametrize(
    ("err", "start"),
    [
        (OSError(errno.ENOSPC, "x"), "The disk is full."),
        (PermissionError(errno.EACCES, "x"), "You don't have permission to save in this folder."),
        (OSError(errno.EPERM, "x"), "You don't have permission to save in this folder."),
        (OSError(errno.EIO, "Input/output error"), "The image could not be saved"),
    ],
)
def test_describe_os_error(err, start):
    assert describe_os_error(err).startswith(start)


def test_module_exports_the_brief_interface():
    for name in ("safe_filename", "unique_path", "embed_metadata", "ImageMetadata"):
        assert hasattr(export, name)
