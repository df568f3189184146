"""Saving an image where the designer chose: metadata embedded, a readable unique name, and an
atomic write so a full disk or a crash never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from desktop.api.texts import QT_TRANSLATE_NOOP, Message
from desktop.services.atomic_write import fsync_dir, write_atomic, write_temp
from desktop.services.filenames import safe_filename, unique_path
from desktop.services.image_metadata import embed_metadata, sniff_format
from desktop.services.xmp import ImageMetadata

__all__ = [
    "ImageMetadata",
    "describe_os_error",
    "embed_metadata",
    "export_image",
    "extension_for",
    "safe_filename",
    "unique_path",
    "write_atomic",
]

_CONTENT_TYPES = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/jpg": "jpg",
    "image/webp": "webp",
    "image/gif": "gif",
}
_MAX_UNIQUE_ATTEMPTS = 1000


def extension_for(content_type: str, data: bytes = b"") -> str:
    """File extension from the bytes if recognisable, else from the content type."""
    sniffed = sniff_format(data)
    if sniffed:
        return "jpg" if sniffed == "jpeg" else sniffed
    mime = content_type.split(";", 1)[0].strip().lower()
    return _CONTENT_TYPES.get(mime, "bin")


def place_new(tmp: str | Path, directory: Path, name: str) -> Path:
    """Give a finished temp file in ``directory`` a free name ('name (2)' etc.) without ever
    replacing a file that has it; the temp file is gone afterwards.

    A hard link never replaces an existing file, which closes the race between choosing a
    free name and writing it. Where links are unsupported (FAT, some shares) we fall back
    to check-then-replace.
    """
    for _ in range(_MAX_UNIQUE_ATTEMPTS):
        target = unique_path(directory, name)
        try:
            os.link(tmp, target)
        except FileExistsError:
            continue
        except OSError:
            os.replace(tmp, target)
            fsync_dir(directory)
            return target
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        fsync_dir(directory)
        return target
    raise FileExistsError(errno.EEXIST, "No free file name", str(directory / name))


def _write_new(directory: Path, name: str, data: bytes) -> Path:
    """Atomically create a file that did not exist, picking a free name on a collision."""
    tmp = write_temp(directory, data, private=False)  # the designer's file: umask applies
    try:
        return place_new(tmp, directory, name)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def export_image(
    data: bytes,
    content_type: str,
    meta: ImageMetadata,
    directory: Path,
    unique: bool = True,
) -> Path:
    """Write the image with metadata into directory; returns the path actually written."""
    directory = Path(directory)
    name = safe_filename(meta.prompt, meta.image_id, extension_for(content_type, data))
    tagged = embed_metadata(data, meta)
    if unique:
        return _write_new(directory, name, tagged)
    target = directory / name
    write_atomic(target, tagged, private=False)
    return target


def describe_os_error(err: OSError) -> str:
    """A sentence a designer can act on, for the error dialog."""
    code = err.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return QT_TRANSLATE_NOOP(
            "Errors", "The disk is full. Free some space or choose another folder."
        )
    if isinstance(err, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return QT_TRANSLATE_NOOP(
            "Errors", "You don't have permission to save in this folder. Choose another folder."
        )
    if code == errno.EROFS:
        return QT_TRANSLATE_NOOP("Errors", "This folder is read-only. Choose another folder.")
    if isinstance(err, FileNotFoundError) or code == errno.ENOENT:
        return QT_TRANSLATE_NOOP("Errors", "The folder no longer exists. Choose another folder.")
    if code == errno.ENAMETOOLONG:
        return QT_TRANSLATE_NOOP(
            "Errors", "The file name is too long for this folder. Choose a shorter folder path."
        )
    detail = err.strerror or str(err)
    return Message(
        QT_TRANSLATE_NOOP("Errors", "The image could not be saved ({reason})."), reason=detail
    )
