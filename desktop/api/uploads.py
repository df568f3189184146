"""Check a local image before it is uploaded: size (20 MB), type (PNG, JPEG or WebP, by its
bytes, never its name), pixel budget and completeness. A refused file costs no request and
gets a message a designer can act on (UploadRefusedError)."""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass, field
from pathlib import Path

from desktop.api.errors import ImageTooLargeError, UploadRefusedError
from desktop.api.image_limits import check_image_size
from desktop.api.imagebytes import looks_complete, sniff_image_type
from desktop.api.texts import QT_TRANSLATE_NOOP

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # the built-in server's limit (docs/api-contract.md)
ACCEPTED_TYPES = ("image/png", "image/jpeg", "image/webp")

NOT_IMAGE = QT_TRANSLATE_NOOP("Errors", "This file is not an image.")
TOO_BIG = QT_TRANSLATE_NOOP(
    "Errors", "This image is larger than 20 MB. Save a smaller copy (or a JPEG) and import that."
)
HEIC = QT_TRANSLATE_NOOP(
    "Errors", "HEIC photos can't be imported. Export the photo as JPEG or PNG and import that."
)
PSD = QT_TRANSLATE_NOOP(
    "Errors", "Photoshop files can't be imported. Export the image as PNG or JPEG first."
)
OTHER_FORMAT = QT_TRANSLATE_NOOP(
    "Errors", "This image format can't be imported. Use PNG, JPEG or WebP."
)
PIXELS = QT_TRANSLATE_NOOP(
    "Errors", "This image has far more pixels than the service takes, so it was not imported."
)
INCOMPLETE = QT_TRANSLATE_NOOP(
    "Errors", "This image file is incomplete or damaged, so it was not imported."
)
UNREADABLE = QT_TRANSLATE_NOOP("Errors", "This file could not be read.")


@dataclass(frozen=True)
class UploadFile:
    """Checked bytes, ready to send: their real type and the name they came with."""

    data: bytes = field(repr=False)
    content_type: str
    name: str = ""

    def data_uri(self) -> str:
        return f"data:{self.content_type};base64,{base64.b64encode(self.data).decode('ascii')}"


def _refuse(message: str, reason: str, detail: str) -> UploadRefusedError:
    return UploadRefusedError(message, reason=reason, detail=detail[:300])


def _other_type(data: bytes) -> str | None:
    """Formats designers often try that sniff_image_type does not name."""
    if data[:4] == b"8BPS":
        return "image/vnd.adobe.photoshop"
    if data[4:8] == b"ftyp" and data[8:12] in (
        b"heic",
        b"heix",
        b"hevc",
        b"hevx",
        b"mif1",
        b"msf1",
        b"heim",
        b"heis",
    ):
        return "image/heic"
    return None


def check_upload(data: bytes, name: str = "") -> UploadFile:
    """The bytes as an UploadFile, or UploadRefusedError saying why not."""
    where = f"{name or 'bytes'}: {len(data)} bytes"
    if len(data) > MAX_UPLOAD_BYTES:
        raise _refuse(TOO_BIG, "too-big", where)
    kind = _other_type(data) or sniff_image_type(data)
    if kind is None:
        raise _refuse(NOT_IMAGE, "not-image", f"{where}, starts {data[:12]!r}")
    if kind not in ACCEPTED_TYPES:
        message = {"image/heic": HEIC, "image/vnd.adobe.photoshop": PSD}.get(kind, OTHER_FORMAT)
        raise _refuse(message, "format", f"{where}, {kind}")
    try:
        check_image_size(data)
    except ImageTooLargeError as exc:
        raise _refuse(PIXELS, "pixels", f"{where}: {exc.detail}") from None
    if not looks_complete(data, kind):
        raise _refuse(INCOMPLETE, "incomplete", f"{where}, {kind} cut short")
    return UploadFile(data=data, content_type=kind, name=name)


def read_upload(path: str | os.PathLike[str]) -> UploadFile:
    """A local file, checked; a file over 20 MB is refused without reading it."""
    file = Path(path)
    try:
        if file.stat().st_size > MAX_UPLOAD_BYTES:
            raise _refuse(TOO_BIG, "too-big", f"{file.name}: {file.stat().st_size} bytes")
        with file.open("rb") as handle:
            data = handle.read(MAX_UPLOAD_BYTES + 1)
    except OSError as exc:
        raise _refuse(UNREADABLE, "unreadable", f"{file.name}: {type(exc).__name__}") from None
    return check_upload(data, file.name)


# What upload_image takes: a file's path, the bytes themselves, or an already checked file.
UploadSource = str | os.PathLike[str] | bytes | UploadFile
