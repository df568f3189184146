"""One pixel budget for every decode (thumbnails, viewer, clipboard, imports): the size a
picture declares in its header is checked before anything decodes it, so a small file that
unpacks to gigabytes (a decompression bomb) is refused, while real images and 4× upscales pass.

The header is read by hand for PNG, GIF, BMP, JPEG and WebP (no import, microseconds); other
formats go through Pillow's lazy open, which also reads only the header.
"""

from __future__ import annotations

import io
import struct
import warnings

from desktop.api.errors import ImageTooLargeError

MAX_IMAGE_PIXELS = 100_000_000  # a 4× upscale of 2048×2048 is 67 MP
MAX_IMAGE_SIDE = 16_384
_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def declared_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from the header, without decoding; None when it can't be told."""
    try:
        return _header_size(data)
    except (struct.error, IndexError, ValueError):
        return None


def check_image_size(data: bytes) -> None:
    """Raise ImageTooLargeError when the bytes declare a picture over the pixel budget."""
    size = declared_size(data)
    if size is None:
        size = _pillow_size(data)
    if size is not None:
        check_dimensions(*size)


def check_dimensions(width: int, height: int) -> None:
    if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE or width * height > MAX_IMAGE_PIXELS:
        raise ImageTooLargeError(detail=f"Refused to decode a {width}×{height} image")


def _header_size(data: bytes) -> tuple[int, int] | None:
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", data[6:10])
    if data[:2] == b"BM" and len(data) >= 26:
        width, height = struct.unpack("<ii", data[18:26])
        return abs(width), abs(height)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp_size(data)
    if data[:3] == b"\xff\xd8\xff":
        return _jpeg_size(data)
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    kind = data[12:16]
    if kind == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    if kind == b"VP8L" and data[20:21] == b"\x2f":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if kind == b"VP8 ":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """Walk the markers to the first start-of-frame (linear, at most one pass)."""
    pos, end = 2, len(data)
    while pos + 4 <= end:
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        if marker in _JPEG_SOF:
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return width, height
        if marker == 0xDA or length < 2:
            return None
        pos += 2 + length
    return None


def _pillow_size(data: bytes) -> tuple[int, int] | None:
    """Other formats: Pillow's open reads only the header (a bomb error counts as too big)."""
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow is a dependency
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data)) as image:
                return image.size
    except Image.DecompressionBombError:
        return MAX_IMAGE_SIDE + 1, MAX_IMAGE_SIDE + 1
    except Exception:  # not an image Pillow knows: the decoder will say so
        return None
